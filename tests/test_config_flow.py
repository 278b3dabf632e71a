"""Tests for the AIME config flow."""

from __future__ import annotations

from homeassistant.config_entries import SOURCE_USER, ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aime.const import CONF_DEDUP_WINDOW, DOMAIN


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


async def test_user_flow_aborts_when_hub_exists(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """A second hub is refused."""
    mock_config_entry.add_to_hass(hass)

    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": SOURCE_USER})
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"


async def test_options_change_the_dedup_window(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """The window is set in minutes and the store is reopened with it."""
    assert init_integration.runtime_data.store.dedup_window == 300
    result = await hass.config_entries.options.async_init(init_integration.entry_id)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "init"

    result = await hass.config_entries.options.async_configure(
        result["flow_id"], user_input={CONF_DEDUP_WINDOW: 2.0}
    )
    await hass.async_block_till_done()
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert init_integration.options == {CONF_DEDUP_WINDOW: 2}
    assert init_integration.state is ConfigEntryState.LOADED
    assert init_integration.runtime_data.store.dedup_window == 120
