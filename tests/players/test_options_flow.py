"""The hub's "Players" options step: any media player but AIME's own, followed at once."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import entity_registry as er
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aime.const import CONF_PLAYERS, DOMAIN
from custom_components.aime.hub.runtime import HubRuntime
from custom_components.aime.players.recorder import PLAYERS

from ..enrichment.test_options_flow import open_step


async def test_players_are_chosen_without_aimes_own_and_followed_at_once(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """AIME's Roon players are neither offered nor followed: the Roon source records them."""
    registry = er.async_get(hass)
    roon_zone = registry.async_get_or_create("media_player", DOMAIN, "zone-1").entity_id
    sonos = registry.async_get_or_create("media_player", "sonos", "RINCON_1").entity_id
    result = await open_step(hass, init_integration, "players")
    selector = result["data_schema"].schema[CONF_PLAYERS].config
    assert selector["exclude_entities"] == [roon_zone]
    assert selector["multiple"] is True
    done = await hass.config_entries.options.async_configure(
        result["flow_id"], {CONF_PLAYERS: [sonos, "media_player.template"]}
    )
    await hass.async_block_till_done()
    assert done["type"] is FlowResultType.CREATE_ENTRY
    assert init_integration.options[CONF_PLAYERS] == [sonos, "media_player.template"]
    hub: HubRuntime = init_integration.runtime_data
    assert hub.require(PLAYERS).entity_ids == {sonos, "media_player.template"}
    # Options written by other means still never follow AIME's own players.
    hass.config_entries.async_update_entry(
        init_integration, options={**init_integration.options, CONF_PLAYERS: [roon_zone, sonos]}
    )
    await hass.async_block_till_done()
    assert hub.require(PLAYERS).entity_ids == {sonos}


async def test_a_chosen_player_renamed_stays_chosen(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    registry = er.async_get(hass)
    kitchen = registry.async_get_or_create("media_player", "cast", "uuid-1").entity_id
    entry = MockConfigEntry(
        domain=DOMAIN, unique_id=DOMAIN, title="AIME", data={}, options={CONF_PLAYERS: [kitchen]}
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    registry.async_update_entity(kitchen, new_entity_id="media_player.office")
    await hass.async_block_till_done()
    assert entry.options[CONF_PLAYERS] == ["media_player.office"]
    hub: HubRuntime = entry.runtime_data
    assert hub.require(PLAYERS).entity_ids == {"media_player.office"}
