"""The hub's "Players" options step: any media player but AIME's own, followed at once."""

from __future__ import annotations

from dataclasses import replace

from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import entity_registry as er
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aime.const import CONF_PLAYER_LISTENERS, CONF_PLAYERS, DOMAIN
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.hub.recording import async_record_plays
from custom_components.aime.hub.runtime import HubRuntime
from custom_components.aime.players.recorder import PLAYERS

from ..enrichment.test_options_flow import open_step
from ..helpers.people import add_person


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


async def test_each_chosen_player_is_given_to_a_person(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """With persons in Home Assistant, a second form gives each chosen player a person (empty:
    the household's); the players' plays follow a change of person."""
    await add_person(hass, "Bob")
    hass.states.async_set("media_player.kitchen", "idle", {"friendly_name": "Kitchen"})
    hub: HubRuntime = init_integration.runtime_data
    play = PlayInput("Naima", "John Coltrane", 1_700_000_000, Source.HOME_ASSISTANT)
    await async_record_plays(hass, hub.access, [replace(play, device="Kitchen")])

    result = await open_step(hass, init_integration, "players")
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {CONF_PLAYERS: ["media_player.kitchen", "media_player.office"]}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "player_listeners"
    assert [str(key) for key in result["data_schema"].schema] == [
        "media_player.kitchen",
        "media_player.office",
    ]
    assert result["description_placeholders"] == {
        "players": "media_player.kitchen (Kitchen), media_player.office"
    }
    done = await hass.config_entries.options.async_configure(
        result["flow_id"], {"media_player.kitchen": "person.bob"}
    )
    await hass.async_block_till_done(wait_background_tasks=True)
    assert done["type"] is FlowResultType.CREATE_ENTRY
    assert init_integration.options[CONF_PLAYER_LISTENERS] == {"media_player.kitchen": "person.bob"}
    assert await hass.async_add_executor_job(hub.store.listeners) == ["person.bob"]

    result = await open_step(hass, init_integration, "players")
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {CONF_PLAYERS: ["media_player.kitchen"]}
    )
    await hass.config_entries.options.async_configure(result["flow_id"], {})
    await hass.async_block_till_done(wait_background_tasks=True)
    assert CONF_PLAYER_LISTENERS not in init_integration.options
    assert await hass.async_add_executor_job(hub.store.listeners) == []
