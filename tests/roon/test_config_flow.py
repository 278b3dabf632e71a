"""Config flow for a Roon Core: discovery, authorization in Roon, reauth, reconfigure, options.

The real roonapi pairs with the fake Core on 127.0.0.1; discovery sends its SOOD query
through a socket module that only reaches a loopback responder.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
import errno
import socket
from typing import Any

from homeassistant.config_entries import SOURCE_USER, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResult, FlowResultType
from homeassistant.helpers import entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
import roonapi.discovery

from custom_components.aime.const import CONF_ZONE_LISTENERS, DOMAIN
from custom_components.aime.roon import config_flow as roon_config_flow

from ..conftest import ROON_TOKEN
from ..fakes.roon import DEFAULT_CORE_ID, DEFAULT_CORE_NAME, FakeRoonCore
from ..fakes.roon.harness import SoodResponder, loopback_socket_module
from ..helpers.people import add_person

HOST = "127.0.0.1"


@pytest.fixture(autouse=True)
def quick_flow(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(roon_config_flow, "DISCOVERY_TIMEOUT", 0.2)
    monkeypatch.setattr(roon_config_flow, "AUTHORIZE_TIMEOUT", 5.0)


@pytest.fixture
async def sood(
    fake_roon: FakeRoonCore, monkeypatch: pytest.MonkeyPatch
) -> AsyncGenerator[SoodResponder]:
    """The fake Core answers SOOD queries; the query only ever reaches 127.0.0.1."""
    responder = SoodResponder(fake_roon.port)
    port = await responder.start()
    monkeypatch.setattr(roonapi.discovery, "socket", loopback_socket_module(port))
    yield responder
    responder.stop()


@pytest.fixture
def no_sood(monkeypatch: pytest.MonkeyPatch, socket_enabled: None) -> None:
    """Nothing answers discovery (the query goes to a closed loopback port)."""
    monkeypatch.setattr(roonapi.discovery, "socket", loopback_socket_module(9))


async def _roon_step(hass: HomeAssistant) -> FlowResult:
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    assert result["type"] is FlowResultType.MENU
    assert "roon" in result["menu_options"]
    return await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "roon"}
    )


async def _until_progress_done(hass: HomeAssistant, flow_id: str) -> FlowResult:
    """Let the pairing task finish, then move on as the frontend does."""
    await hass.async_block_till_done()
    return await hass.config_entries.flow.async_configure(flow_id)


@pytest.mark.usefixtures("init_integration")
async def test_discovered_core_is_added_once_enabled(
    hass: HomeAssistant, fake_roon: FakeRoonCore, sood: SoodResponder
) -> None:
    """SOOD finds the Core; the user enables AIME in Roon; the entry holds the token."""
    fake_roon.auto_authorize = False
    result = await _roon_step(hass)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "roon"
    assert result["description_placeholders"]["found"] == f"{HOST}:{fake_roon.port}"
    assert sood.queries >= 1

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"host": HOST, "port": fake_roon.port}
    )
    assert result["type"] is FlowResultType.SHOW_PROGRESS
    assert result["progress_action"] == "roon_authorize"
    assert result["description_placeholders"]["extension"] == "AIME for Home Assistant"
    await fake_roon.wait_pending()
    assert await fake_roon.authorize_pending() == 1

    result = await _until_progress_done(hass, result["flow_id"])
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == DEFAULT_CORE_NAME
    entry = result["result"]
    assert entry.unique_id == DEFAULT_CORE_ID
    assert entry.data["token"] in fake_roon.valid_tokens
    assert entry.data["port"] == fake_roon.port
    assert entry.options == {"radio_stations": []}
    await hass.async_block_till_done()
    assert entry.state is ConfigEntryState.LOADED
    assert hass.states.get("media_player.living_room") is not None
    assert await hass.config_entries.async_unload(entry.entry_id)


@pytest.mark.usefixtures("init_integration", "no_sood")
async def test_manual_address_and_timeout(
    hass: HomeAssistant, fake_roon: FakeRoonCore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Nothing found: the address is typed; nobody enables AIME: a clear error, then a retry."""
    monkeypatch.setattr(roon_config_flow, "AUTHORIZE_TIMEOUT", 0.3)
    fake_roon.auto_authorize = False
    result = await _roon_step(hass)
    assert result["description_placeholders"]["found"] == "-"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"host": f" {HOST} ", "port": fake_roon.port}
    )
    assert result["type"] is FlowResultType.SHOW_PROGRESS
    result = await _until_progress_done(hass, result["flow_id"])
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "roon_timeout"
    assert result["errors"] == {"base": "roon_authorization_timeout"}

    monkeypatch.setattr(roon_config_flow, "AUTHORIZE_TIMEOUT", 5.0)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.SHOW_PROGRESS
    await fake_roon.wait_pending()
    await fake_roon.authorize_pending()
    result = await _until_progress_done(hass, result["flow_id"])
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["data"]["host"] == HOST
    assert await hass.config_entries.async_unload(result["result"].entry_id)


@pytest.mark.usefixtures("init_integration", "no_sood")
async def test_unreachable_address(hass: HomeAssistant, fake_roon: FakeRoonCore) -> None:
    port = fake_roon.port
    await fake_roon.stop()
    result = await _roon_step(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"host": HOST, "port": port}
    )
    result = await _until_progress_done(hass, result["flow_id"])
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "roon"
    assert result["errors"] == {"base": "roon_cannot_connect"}


@pytest.mark.usefixtures("init_integration", "no_sood")
async def test_closing_the_flow_stops_waiting(hass: HomeAssistant, fake_roon: FakeRoonCore) -> None:
    """The user closes the dialog while AIME waits: pairing stops, no thread is left."""
    fake_roon.auto_authorize = False
    result = await _roon_step(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"host": HOST, "port": fake_roon.port}
    )
    await fake_roon.wait_pending()
    hass.config_entries.flow.async_abort(result["flow_id"])
    for _ in range(150):  # Pairing notices the cancellation within 50 ms.
        if not fake_roon.connection_count:
            break
        await asyncio.sleep(0.02)
    assert fake_roon.connection_count == 0
    assert fake_roon.pending_registrations == 0


@pytest.mark.usefixtures("init_integration", "no_sood")
async def test_core_already_added(
    hass: HomeAssistant, fake_roon: FakeRoonCore, init_roon: MockConfigEntry
) -> None:
    result = await _roon_step(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"host": HOST, "port": fake_roon.port}
    )
    result = await _until_progress_done(hass, result["flow_id"])
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"


async def test_reauth_gets_a_new_token(
    hass: HomeAssistant, fake_roon: FakeRoonCore, init_roon: MockConfigEntry
) -> None:
    result = await init_roon.start_reauth_flow(hass)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "roon_reauth"
    assert result["description_placeholders"]["host"] == HOST
    fake_roon.auto_authorize = False
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
    assert result["type"] is FlowResultType.SHOW_PROGRESS
    await fake_roon.wait_pending()
    await fake_roon.authorize_pending()
    result = await _until_progress_done(hass, result["flow_id"])
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "roon_reauth_successful"
    assert init_roon.data["token"] != ROON_TOKEN
    assert init_roon.data["token"] in fake_roon.valid_tokens
    await hass.async_block_till_done()
    assert init_roon.state is ConfigEntryState.LOADED


async def test_reauth_on_another_core_is_refused(
    hass: HomeAssistant, init_roon: MockConfigEntry
) -> None:
    other = await FakeRoonCore(core_id="another-core").start()
    try:
        hass.config_entries.async_update_entry(
            init_roon, data={**init_roon.data, "port": other.port}
        )
        result = await init_roon.start_reauth_flow(hass)
        result = await hass.config_entries.flow.async_configure(result["flow_id"], {})
        result = await _until_progress_done(hass, result["flow_id"])
        assert result["type"] is FlowResultType.ABORT
        assert result["reason"] == "roon_wrong_core"
    finally:
        await other.stop()


async def test_reconfigure_keeps_the_entities(
    hass: HomeAssistant,
    fake_roon: FakeRoonCore,
    init_roon: MockConfigEntry,
    entity_registry: er.EntityRegistry,
) -> None:
    """The Core moved to another port: the saved token still works, entities stay."""
    before = er.async_entries_for_config_entry(entity_registry, init_roon.entry_id)
    await fake_roon.stop()
    await fake_roon.start()  # a new free port
    result = await init_roon.start_reconfigure_flow(hass)
    assert result["step_id"] == "roon_reconfigure"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"host": HOST, "port": 1}
    )
    result = await _until_progress_done(hass, result["flow_id"])
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"base": "roon_cannot_connect"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"host": HOST, "port": fake_roon.port}
    )
    result = await _until_progress_done(hass, result["flow_id"])
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "roon_reconfigure_successful"
    assert init_roon.data["port"] == fake_roon.port
    assert init_roon.data["token"] == ROON_TOKEN
    await hass.async_block_till_done()
    assert init_roon.state is ConfigEntryState.LOADED
    after = er.async_entries_for_config_entry(entity_registry, init_roon.entry_id)
    assert {e.entity_id for e in after} == {e.entity_id for e in before}
    assert "media_player.living_room" in {e.entity_id for e in after}


async def test_options_radio_stations(hass: HomeAssistant, init_roon: MockConfigEntry) -> None:
    result = await hass.config_entries.options.async_init(init_roon.entry_id)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "roon"
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"radio_stations": [" FIP ", "", "Radio Swiss Jazz", "FIP"]}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert init_roon.options == {"radio_stations": ["FIP", "Radio Swiss Jazz"]}
    assert init_roon.state is ConfigEntryState.LOADED


async def test_options_give_each_zone_to_a_person(
    hass: HomeAssistant, init_roon: MockConfigEntry
) -> None:
    """With persons in Home Assistant, each zone (by its name in Roon) gets a person field;
    an empty one is the household's, and none at all leaves no key."""
    await add_person(hass, "Alice")
    result = await hass.config_entries.options.async_init(init_roon.entry_id)
    assert [str(key) for key in result["data_schema"].schema] == [
        "radio_stations",
        "Kitchen",
        "Living Room",
        "Office",
    ]
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"radio_stations": [], "Living Room": "person.alice"}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert init_roon.options == {
        "radio_stations": [],
        CONF_ZONE_LISTENERS: {"Living Room": "person.alice"},
    }
    await hass.async_block_till_done()
    assert init_roon.runtime_data.listeners == {"Living Room": "person.alice"}

    result = await hass.config_entries.options.async_init(init_roon.entry_id)
    schema = result["data_schema"].schema
    suggested = {
        str(key): key.description["suggested_value"]
        for key in schema
        if key.description and "suggested_value" in key.description
    }
    assert suggested["Living Room"] == "person.alice"
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"radio_stations": []}
    )
    assert init_roon.options == {"radio_stations": []}


@pytest.mark.usefixtures("init_integration", "socket_enabled")
async def test_discovery_without_network(
    hass: HomeAssistant, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A host without a usable network gets the manual form."""

    class Unreachable(socket.socket):
        def sendto(self, *args: Any) -> int:
            raise OSError(errno.ENETUNREACH, "Network is unreachable")

    module = loopback_socket_module(9)
    module.socket = Unreachable  # type: ignore[attr-defined]
    monkeypatch.setattr(roonapi.discovery, "socket", module)
    result = await _roon_step(hass)
    assert result["type"] is FlowResultType.FORM
    assert result["description_placeholders"]["found"] == "-"


async def test_reconfigure_pairs_again_when_the_token_is_unknown(
    hass: HomeAssistant,
    fake_roon: FakeRoonCore,
    init_roon: MockConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A Core reinstalled at a new address no longer knows the token: enable AIME again."""
    monkeypatch.setattr(roon_config_flow, "TOKEN_CHECK_TIMEOUT", 0.3)
    fake_roon.valid_tokens.clear()
    fake_roon.auto_authorize = False
    result = await init_roon.start_reconfigure_flow(hass)
    registers = fake_roon.request_names().count("register")
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"host": HOST, "port": fake_roon.port}
    )
    assert result["type"] is FlowResultType.SHOW_PROGRESS
    for _ in range(100):  # the token check gives up, then pairing registers anew
        if fake_roon.request_names().count("register") == registers + 2:
            break
        await asyncio.sleep(0.02)
    await fake_roon.wait_pending()
    await fake_roon.authorize_pending()
    result = await _until_progress_done(hass, result["flow_id"])
    assert result["reason"] == "roon_reconfigure_successful"
    assert init_roon.data["token"] in fake_roon.valid_tokens
    await hass.async_block_till_done()
    assert init_roon.state is ConfigEntryState.LOADED
