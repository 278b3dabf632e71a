"""A roonapi release the shim cannot work with stops the Roon entry with a translated reason."""

from __future__ import annotations

from homeassistant.config_entries import SOURCE_USER, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from roonapi import RoonApi
import roonapi.discovery

from custom_components.aime.clients.roon import roonapi_shim
from custom_components.aime.const import DOMAIN
from custom_components.aime.roon import config_flow as roon_config_flow

from ..fakes.roon import FakeRoonCore
from ..fakes.roon.harness import loopback_socket_module


@pytest.fixture
def unusable_roonapi(monkeypatch: pytest.MonkeyPatch) -> None:
    """A later roonapi without a private method the shim overrides."""
    monkeypatch.setattr(roonapi_shim, "installed_roonapi_version", lambda: "0.2.0")
    monkeypatch.delattr(RoonApi, "_socket_watcher")


@pytest.mark.usefixtures("unusable_roonapi")
async def test_unusable_roonapi_is_a_setup_error(
    hass: HomeAssistant, fake_roon: FakeRoonCore, roon_entry: MockConfigEntry
) -> None:
    """No retry loop and no "cannot connect": the user is told which roonapi AIME needs."""
    roon_entry.add_to_hass(hass)
    assert not await hass.config_entries.async_setup(roon_entry.entry_id)
    assert roon_entry.state is ConfigEntryState.SETUP_ERROR
    assert roon_entry.reason == (
        "The installed roonapi 0.2.0 does not work with AIME (written for 0.1.6; "
        "missing: RoonApi._socket_watcher). Install roonapi 0.1.6"
    )
    assert fake_roon.requests == []


@pytest.mark.usefixtures("init_integration", "unusable_roonapi")
async def test_unusable_roonapi_in_the_config_flow(
    hass: HomeAssistant,
    fake_roon: FakeRoonCore,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Adding a Core says the library is the problem; the log names the versions."""
    monkeypatch.setattr(roon_config_flow, "DISCOVERY_TIMEOUT", 0.2)
    # Nothing answers discovery, and its query only reaches a closed loopback port.
    monkeypatch.setattr(roonapi.discovery, "socket", loopback_socket_module(9))
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": "roon"}
    )
    assert result["step_id"] == "roon"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"host": "127.0.0.1", "port": fake_roon.port}
    )
    await hass.async_block_till_done()
    result = await hass.config_entries.flow.async_configure(result["flow_id"])
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"base": "roon_library_mismatch"}
    assert "roonapi 0.2.0 is not supported (written for 0.1.6)" in caplog.text
