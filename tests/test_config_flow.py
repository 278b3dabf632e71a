"""Tests for the AIME config flow: the hub, Last.fm accounts, reauth, reconfigure, options."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from homeassistant.config_entries import SOURCE_USER, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResult, FlowResultType, InvalidData, section
from homeassistant.helpers import device_registry as dr, entity_registry as er
import pylast
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
import voluptuous as vol

from custom_components.aime.clients.lastfm import DEFAULT_API_ROOT
from custom_components.aime.const import CONF_DEDUP_WINDOW, DOMAIN

from .fakes.lastfm import DEFAULT_API_KEY, FakeLastfm

NEW_KEY = "new-api-key"


async def test_user_flow_creates_hub(hass: HomeAssistant) -> None:
    """The user confirms and gets the single AIME hub entry."""
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "user"
    assert result["errors"] is None
    assert result["description_placeholders"] == {"path": hass.config.path("aime", "aime.db")}

    result = await hass.config_entries.flow.async_configure(result["flow_id"], user_input={})
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "AIME"
    assert result["data"] == {}
    entry = result["result"]
    assert entry.unique_id == DOMAIN
    assert entry.version == 1
    assert entry.minor_version == 1
    assert entry.state is ConfigEntryState.LOADED


async def test_hub_unique(hass: HomeAssistant, mock_config_entry: MockConfigEntry) -> None:
    """A hub flow started while another hub flow created the hub is refused."""
    first = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    mock_config_entry.add_to_hass(hass)

    result = await hass.config_entries.flow.async_configure(first["flow_id"], user_input={})
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"


async def _lastfm_form(hass: HomeAssistant) -> FlowResult:
    """Start from the menu shown once the hub exists, and open the Last.fm step."""
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    assert result["type"] is FlowResultType.MENU
    assert result["step_id"] == "user"
    assert result["menu_options"] == ["lastfm", "roon"]
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "lastfm"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "lastfm"
    return result


def _fields(result: FlowResult) -> list[str]:
    return [str(key) for key in result["data_schema"].schema]


@pytest.mark.usefixtures("init_integration")
async def test_add_lastfm_account(hass: HomeAssistant, fake_lastfm: FakeLastfm) -> None:
    """Username and key are checked with Last.fm; the entry uses Last.fm's spelling."""
    fake_lastfm.add_user("Alice")
    result = await _lastfm_form(hass)
    assert _fields(result) == ["username", "api_key", "shared_secret", "advanced_options"]

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {
            "username": " alice ",
            "api_key": DEFAULT_API_KEY,
            "shared_secret": "a-secret",
            "advanced_options": {"api_root": fake_lastfm.api_root},
        },
    )
    await hass.async_block_till_done(wait_background_tasks=True)

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "Last.fm Alice"
    assert result["data"] == {
        "kind": "lastfm",
        "username": "Alice",
        "api_key": DEFAULT_API_KEY,
        "shared_secret": "a-secret",
        "api_root": fake_lastfm.api_root,
    }
    assert result["options"] == {"scan_interval": 60}
    entry = result["result"]
    assert entry.unique_id == "lastfm_alice"
    assert entry.state is ConfigEntryState.LOADED
    assert [r["method"] for r in fake_lastfm.requests][:1] == ["user.getInfo"]


@pytest.mark.usefixtures("init_integration")
async def test_lastfm_server_is_folded_away(
    hass: HomeAssistant, caplog: pytest.LogCaptureFixture
) -> None:
    """The API root waits, set to Last.fm, in a collapsed section (not the deprecated
    advanced mode, which current releases report as a warning naming AIME)."""
    result = await _lastfm_form(hass)

    advanced = _section(result, "advanced_options")
    assert advanced.options == {"collapsed": True}
    assert _suggested(advanced.schema) == {"api_root": DEFAULT_API_ROOT}
    assert result["description_placeholders"] == {
        "api_account_url": "https://www.last.fm/api/account/create"
    }
    assert "show_advanced_options" not in caplog.text


def _section(result: FlowResult, name: str) -> section:
    """The section ``name`` of the form."""
    found = result["data_schema"].schema[name]
    assert isinstance(found, section)
    return found


def _suggested(schema: vol.Schema) -> dict[str, Any]:
    """The values a form suggests, by field."""
    return {
        str(key): key.description["suggested_value"]
        for key in schema.schema
        if key.description and "suggested_value" in key.description
    }


def _boom(*args: Any, **kwargs: Any) -> Any:
    raise RuntimeError("something nobody expected")


@pytest.mark.parametrize(
    ("user_input", "prepare", "errors"),
    [
        ({"api_key": "wrong-key"}, None, {"api_key": "invalid_api_key"}),
        ({"username": "nobody"}, None, {"username": "unknown_user"}),
        ({}, lambda fake, _: fake.http_error_next(500), {"base": "cannot_connect"}),
        ({}, lambda fake, _: fake.fail_next(29), {"base": "cannot_connect"}),
        ({}, lambda fake, _: fake.malformed_next(), {"base": "cannot_connect"}),
        (
            {},
            lambda _, monkeypatch: monkeypatch.setattr(pylast.LastFMNetwork, "__init__", _boom),
            {"base": "unknown"},
        ),
    ],
)
@pytest.mark.usefixtures("init_integration")
async def test_lastfm_errors_then_success(
    *,
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
    user_input: dict[str, str],
    prepare: Any,
    errors: dict[str, str],
) -> None:
    """Each failure is shown in the form, secrets are not sent back, and a retry works."""
    fake_lastfm.add_user("Alice")
    valid = {
        "username": "Alice",
        "api_key": DEFAULT_API_KEY,
        "advanced_options": {"api_root": fake_lastfm.api_root},
    }
    result = await _lastfm_form(hass)
    if prepare is not None:
        with monkeypatch.context() as patched:
            prepare(fake_lastfm, patched)
            result = await hass.config_entries.flow.async_configure(
                result["flow_id"], {**valid, **user_input}
            )
    else:
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], {**valid, **user_input}
        )

    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == errors
    suggested = _suggested(result["data_schema"])
    assert "api_key" not in suggested
    assert _suggested(_section(result, "advanced_options").schema) == {
        "api_root": fake_lastfm.api_root  # What was typed, shown again.
    }
    if errors == {"base": "unknown"}:
        assert "Unexpected error while checking the Last.fm account" in caplog.text
    assert DEFAULT_API_KEY not in caplog.text

    result = await hass.config_entries.flow.async_configure(result["flow_id"], valid)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert result["type"] is FlowResultType.CREATE_ENTRY


@pytest.mark.usefixtures("init_integration")
async def test_lastfm_account_only_once(
    hass: HomeAssistant, fake_lastfm: FakeLastfm, init_lastfm: MockConfigEntry
) -> None:
    """The same Last.fm user, however spelled, cannot be added twice."""
    result = await _lastfm_form(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {
            "username": "ALICE",
            "api_key": DEFAULT_API_KEY,
            "advanced_options": {"api_root": fake_lastfm.api_root},
        },
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"


async def test_reauth(
    hass: HomeAssistant, fake_lastfm: FakeLastfm, init_lastfm: MockConfigEntry
) -> None:
    """A refused key is replaced after checking the new one; the entry reloads."""
    fake_lastfm.revoke_key(DEFAULT_API_KEY)
    result = await init_lastfm.start_reauth_flow(hass)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "reauth_confirm"
    assert result["description_placeholders"]["username"] == "Alice"

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"api_key": DEFAULT_API_KEY}
    )
    assert result["errors"] == {"api_key": "invalid_api_key"}

    fake_lastfm.api_keys.add(NEW_KEY)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"api_key": f" {NEW_KEY} ", "shared_secret": "new-secret"}
    )
    await hass.async_block_till_done(wait_background_tasks=True)

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reauth_successful"
    assert init_lastfm.data["api_key"] == NEW_KEY
    assert init_lastfm.data["shared_secret"] == "new-secret"
    assert init_lastfm.state is ConfigEntryState.LOADED
    assert fake_lastfm.requests[-1]["api_key"] == NEW_KEY


async def test_reauth_drops_the_old_secret(
    hass: HomeAssistant, fake_lastfm: FakeLastfm, lastfm_entry: MockConfigEntry
) -> None:
    """A new key given without a shared secret does not keep the old key's secret."""
    lastfm_entry.add_to_hass(hass)
    hass.config_entries.async_update_entry(
        lastfm_entry, data={**lastfm_entry.data, "shared_secret": "old-secret"}
    )
    fake_lastfm.api_keys.add(NEW_KEY)
    result = await lastfm_entry.start_reauth_flow(hass)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"api_key": NEW_KEY})
    await hass.async_block_till_done(wait_background_tasks=True)

    assert result["reason"] == "reauth_successful"
    assert "shared_secret" not in lastfm_entry.data
    assert lastfm_entry.state is ConfigEntryState.LOADED


async def test_reconfigure_credentials(
    hass: HomeAssistant, fake_lastfm: FakeLastfm, init_lastfm: MockConfigEntry
) -> None:
    """Blank credentials keep the current ones; a new key is checked first."""
    result = await init_lastfm.start_reconfigure_flow(hass)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "reconfigure"

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"username": "Alice", "api_key": "bad-key"}
    )
    assert result["errors"] == {"api_key": "invalid_api_key"}

    fake_lastfm.api_keys.add(NEW_KEY)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"username": "Alice", "api_key": NEW_KEY, "shared_secret": ""}
    )
    await hass.async_block_till_done(wait_background_tasks=True)

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert init_lastfm.data["api_key"] == NEW_KEY
    assert "shared_secret" not in init_lastfm.data
    assert init_lastfm.unique_id == "lastfm_alice"
    assert init_lastfm.state is ConfigEntryState.LOADED


async def test_reconfigure_to_another_user(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    init_lastfm: MockConfigEntry,
    device_registry: dr.DeviceRegistry,
    entity_registry: er.EntityRegistry,
) -> None:
    """Following another account renames the entry and replaces its device."""
    fake_lastfm.add_user("Bob")
    result = await init_lastfm.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"username": "nobody"}
    )
    assert result["errors"] == {"username": "unknown_user"}

    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"username": "bob"})
    await hass.async_block_till_done(wait_background_tasks=True)

    assert result["reason"] == "reconfigure_successful"
    assert init_lastfm.unique_id == "lastfm_bob"
    assert init_lastfm.title == "Last.fm Bob"
    assert init_lastfm.data["username"] == "Bob"
    assert init_lastfm.data["api_key"] == DEFAULT_API_KEY
    devices = dr.async_entries_for_config_entry(device_registry, init_lastfm.entry_id)
    assert [device.identifiers for device in devices] == [{(DOMAIN, "lastfm_bob")}]
    entities = er.async_entries_for_config_entry(entity_registry, init_lastfm.entry_id)
    assert {entity.unique_id for entity in entities} == {
        "lastfm_bob_now_playing",
        "lastfm_bob_total_scrobbles",
        "lastfm_bob_import_progress",
    }


async def test_reconfigure_to_a_user_already_added(
    hass: HomeAssistant, fake_lastfm: FakeLastfm, init_lastfm: MockConfigEntry
) -> None:
    """Two entries never follow the same account."""
    fake_lastfm.add_user("Bob")
    MockConfigEntry(domain=DOMAIN, unique_id="lastfm_bob", data={"kind": "lastfm"}).add_to_hass(
        hass
    )
    result = await init_lastfm.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(result["flow_id"], {"username": "Bob"})

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"
    assert init_lastfm.unique_id == "lastfm_alice"


async def test_hub_reconfigure_sets_the_dedup_window(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """The hub's Reconfigure changes how plays are recorded, at once and without a reload."""
    hub = init_integration.runtime_data
    result = await init_integration.start_reconfigure_flow(hass)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "hub_reconfigure"
    assert _fields(result) == [CONF_DEDUP_WINDOW]
    assert result["description_placeholders"] == {"path": hass.config.path("aime", "aime.db")}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_DEDUP_WINDOW: 10.0}
    )
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "hub_reconfigure_successful"
    assert init_integration.options == {CONF_DEDUP_WINDOW: 10}
    assert init_integration.runtime_data is hub
    assert hub.store.dedup_window == 600


async def test_options_change_the_dedup_window(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """The window is set in minutes and the store is reopened with it."""
    assert init_integration.runtime_data.store.dedup_window == 300
    result = await hass.config_entries.options.async_init(init_integration.entry_id)
    assert result["type"] is FlowResultType.MENU
    assert result["step_id"] == "init"
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "general"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "general"

    result = await hass.config_entries.options.async_configure(
        result["flow_id"], user_input={CONF_DEDUP_WINDOW: 2.0}
    )
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert init_integration.options == {CONF_DEDUP_WINDOW: 2}
    assert init_integration.state is ConfigEntryState.LOADED
    assert init_integration.runtime_data.store.dedup_window == 120


async def test_lastfm_options_scan_interval(
    hass: HomeAssistant, init_lastfm: MockConfigEntry
) -> None:
    """Only the interval: no credentials, no reload, the poller slows down at once."""
    lastfm = init_lastfm.runtime_data
    data = dict(init_lastfm.data)
    result = await hass.config_entries.options.async_init(init_lastfm.entry_id)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "lastfm"
    assert _fields(result) == ["scan_interval", "listener"]

    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"scan_interval": 120.0}
    )
    await hass.async_block_till_done()

    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert init_lastfm.options == {"scan_interval": 120}
    assert init_lastfm.data == data
    assert init_lastfm.runtime_data is lastfm
    assert lastfm.coordinator.update_interval == timedelta(seconds=120)


async def test_lastfm_options_refuse_credentials(
    hass: HomeAssistant, init_lastfm: MockConfigEntry
) -> None:
    """A key sent to the options flow is refused: credentials change only by reconfigure/reauth."""
    result = await hass.config_entries.options.async_init(init_lastfm.entry_id)
    with pytest.raises(InvalidData):
        await hass.config_entries.options.async_configure(
            result["flow_id"], {"scan_interval": 90, "api_key": NEW_KEY}
        )
    assert init_lastfm.data["api_key"] == DEFAULT_API_KEY
    assert init_lastfm.options == {"scan_interval": 60}
