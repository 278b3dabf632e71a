"""Roon zones as media players: the real roonapi against the fake Roon Core on 127.0.0.1.

Every command goes through the entity, the connection and the Core; the state comes back
pushed by the Core, never read back by the test from anywhere but Home Assistant.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from homeassistant.components.media_player import (
    ATTR_GROUP_MEMBERS,
    ATTR_INPUT_SOURCE,
    ATTR_MEDIA_ALBUM_ARTIST,
    ATTR_MEDIA_ALBUM_NAME,
    ATTR_MEDIA_ARTIST,
    ATTR_MEDIA_CONTENT_ID,
    ATTR_MEDIA_CONTENT_TYPE,
    ATTR_MEDIA_DURATION,
    ATTR_MEDIA_POSITION,
    ATTR_MEDIA_POSITION_UPDATED_AT,
    ATTR_MEDIA_REPEAT,
    ATTR_MEDIA_SEEK_POSITION,
    ATTR_MEDIA_SHUFFLE,
    ATTR_MEDIA_TITLE,
    ATTR_MEDIA_VOLUME_LEVEL,
    ATTR_MEDIA_VOLUME_MUTED,
    DOMAIN as MP_DOMAIN,
    SERVICE_JOIN,
    SERVICE_PLAY_MEDIA,
    SERVICE_UNJOIN,
    MediaPlayerEntityFeature as Feature,
)
from homeassistant.const import (
    ATTR_ENTITY_ID,
    ATTR_ENTITY_PICTURE,
    ATTR_FRIENDLY_NAME,
    ATTR_SUPPORTED_FEATURES,
    SERVICE_MEDIA_NEXT_TRACK,
    SERVICE_MEDIA_PAUSE,
    SERVICE_MEDIA_PLAY,
    SERVICE_MEDIA_PREVIOUS_TRACK,
    SERVICE_MEDIA_SEEK,
    SERVICE_MEDIA_STOP,
    SERVICE_REPEAT_SET,
    SERVICE_SHUFFLE_SET,
    SERVICE_TURN_OFF,
    SERVICE_TURN_ON,
    SERVICE_VOLUME_DOWN,
    SERVICE_VOLUME_MUTE,
    SERVICE_VOLUME_SET,
    SERVICE_VOLUME_UP,
    STATE_IDLE,
    STATE_OFF,
    STATE_PAUSED,
    STATE_PLAYING,
    STATE_UNAVAILABLE,
)
from homeassistant.core import HomeAssistant, State
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import device_registry as dr, entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import (
    WebSocketGenerator,
)

from custom_components.aime.clients.roon import RoonCommandError, RoonFailure
from custom_components.aime.const import DOMAIN

from ..fakes.roon import DEFAULT_CORE_ID, FakeRoonCore

LIVING = "media_player.living_room"
KITCHEN = "media_player.kitchen"
OFFICE = "media_player.office"

pytestmark = pytest.mark.usefixtures("init_roon")


async def wait_state(
    hass: HomeAssistant, entity_id: str, check: Callable[[State], bool], within: float = 5
) -> State:
    """Wait until the entity's state passes ``check`` (states arrive pushed, off the Core)."""
    async with asyncio.timeout(within):
        while True:
            state = hass.states.get(entity_id)
            if state is not None and check(state):
                return state
            await asyncio.sleep(0.01)


def attr(name: str, value: Any) -> Callable[[State], bool]:
    return lambda state: state.attributes.get(name) == value


def is_state(value: str) -> Callable[[State], bool]:
    return lambda state: state.state == value


async def call(hass: HomeAssistant, service: str, entity_id: str, **data: Any) -> None:
    await hass.services.async_call(
        MP_DOMAIN, service, {ATTR_ENTITY_ID: entity_id, **data}, blocking=True
    )


async def test_one_player_per_zone(
    hass: HomeAssistant, entity_registry: er.EntityRegistry, device_registry: dr.DeviceRegistry
) -> None:
    """Each zone is a player on its own device, identified by its output."""
    living = hass.states.get(LIVING)
    assert living is not None
    assert living.state == STATE_PLAYING
    assert living.attributes[ATTR_FRIENDLY_NAME] == "Living Room"
    assert living.attributes["zone"] == "Living Room"
    assert living.attributes[ATTR_MEDIA_TITLE] == "So What"
    assert living.attributes[ATTR_MEDIA_ARTIST] == "Miles Davis"
    assert living.attributes[ATTR_MEDIA_ALBUM_NAME] == "Kind of Blue"
    assert living.attributes[ATTR_MEDIA_ALBUM_ARTIST] == "Miles Davis"
    assert living.attributes[ATTR_MEDIA_DURATION] == 562
    assert living.attributes[ATTR_MEDIA_POSITION] == 42
    assert living.attributes[ATTR_MEDIA_POSITION_UPDATED_AT] is not None
    assert living.attributes[ATTR_MEDIA_VOLUME_LEVEL] == 0.35
    assert living.attributes[ATTR_MEDIA_VOLUME_MUTED] is False
    assert living.attributes[ATTR_MEDIA_SHUFFLE] is False
    assert living.attributes[ATTR_MEDIA_REPEAT] == "off"
    assert living.attributes[ATTR_ENTITY_PICTURE].startswith("/api/media_player_proxy/")
    assert ATTR_INPUT_SOURCE not in living.attributes

    kitchen = hass.states.get(KITCHEN)
    assert kitchen is not None
    assert kitchen.state == STATE_IDLE
    assert kitchen.attributes[ATTR_MEDIA_VOLUME_LEVEL] == pytest.approx(50 / 80)
    assert ATTR_MEDIA_TITLE not in kitchen.attributes
    office = hass.states.get(OFFICE)
    assert office is not None
    assert office.state == STATE_PAUSED

    entry = entity_registry.async_get(LIVING)
    assert entry is not None
    assert entry.unique_id == f"{DEFAULT_CORE_ID}_out-living"
    device = device_registry.async_get(entry.device_id or "")
    assert device is not None
    assert device.identifiers == {(DOMAIN, f"{DEFAULT_CORE_ID}_out-living")}
    assert (device.name, device.manufacturer) == ("Living Room", "Roon Labs")


async def test_features_follow_the_output(hass: HomeAssistant) -> None:
    """Volume features by volume type; standby and grouping only where Roon allows them."""

    def features(entity_id: str) -> Feature:
        state = hass.states.get(entity_id)
        assert state is not None
        return Feature(state.attributes[ATTR_SUPPORTED_FEATURES])

    volume = Feature.VOLUME_SET | Feature.VOLUME_STEP | Feature.VOLUME_MUTE
    for entity_id in (LIVING, KITCHEN):
        assert volume in features(entity_id)
        assert Feature.TURN_OFF | Feature.TURN_ON | Feature.GROUPING in features(entity_id)
        assert Feature.PLAY | Feature.SEEK | Feature.BROWSE_MEDIA in features(entity_id)
    office = features(OFFICE)  # incremental volume, no standby, nothing to group with
    assert Feature.VOLUME_STEP | Feature.VOLUME_MUTE in office
    assert Feature.VOLUME_SET not in office
    assert Feature.TURN_OFF not in office
    assert Feature.GROUPING not in office


async def test_playback_controls(hass: HomeAssistant, fake_roon: FakeRoonCore) -> None:
    await call(hass, SERVICE_MEDIA_PAUSE, LIVING)
    await wait_state(hass, LIVING, is_state(STATE_PAUSED))
    await call(hass, SERVICE_MEDIA_PLAY, LIVING)
    await wait_state(hass, LIVING, is_state(STATE_PLAYING))
    await call(hass, SERVICE_MEDIA_NEXT_TRACK, LIVING)
    await wait_state(hass, LIVING, attr(ATTR_MEDIA_TITLE, "Freddie Freeloader"))
    await call(hass, SERVICE_MEDIA_PREVIOUS_TRACK, LIVING)
    await wait_state(hass, LIVING, attr(ATTR_MEDIA_TITLE, "So What"))
    await call(hass, SERVICE_MEDIA_SEEK, LIVING, **{ATTR_MEDIA_SEEK_POSITION: 100})
    state = await wait_state(hass, LIVING, attr(ATTR_MEDIA_POSITION, 100))
    assert state.attributes[ATTR_MEDIA_POSITION_UPDATED_AT] is not None
    await call(hass, SERVICE_MEDIA_STOP, LIVING)
    await wait_state(hass, LIVING, lambda s: s.state in (STATE_IDLE, STATE_PAUSED))
    names = fake_roon.request_names()
    assert names.count("control") == 5
    assert "seek" in names


async def test_position_on_schedule_writes_no_state(
    hass: HomeAssistant, fake_roon: FakeRoonCore
) -> None:
    """Seek updates where playback was expected to be are not worth a state write."""
    before = hass.states.get(LIVING)
    assert before is not None
    await asyncio.sleep(1)
    await fake_roon.advance(1)
    await asyncio.sleep(0.2)
    assert hass.states.get(LIVING) == before
    await fake_roon.advance(30)  # A jump: the position is rewritten.
    state = await wait_state(hass, LIVING, attr(ATTR_MEDIA_POSITION, 73))
    assert (
        state.attributes[ATTR_MEDIA_POSITION_UPDATED_AT]
        > before.attributes[ATTR_MEDIA_POSITION_UPDATED_AT]
    )


async def test_volume_number_and_db(hass: HomeAssistant, fake_roon: FakeRoonCore) -> None:
    """0-1 levels are scaled over the control's own range, dB included."""
    await call(hass, SERVICE_VOLUME_SET, LIVING, **{ATTR_MEDIA_VOLUME_LEVEL: 0.6})
    await wait_state(hass, LIVING, attr(ATTR_MEDIA_VOLUME_LEVEL, 0.6))
    assert fake_roon.outputs["out-living"]["volume"]["value"] == 60
    await call(hass, SERVICE_VOLUME_UP, LIVING)
    await wait_state(hass, LIVING, attr(ATTR_MEDIA_VOLUME_LEVEL, 0.7))
    await call(hass, SERVICE_VOLUME_DOWN, LIVING)
    await wait_state(hass, LIVING, attr(ATTR_MEDIA_VOLUME_LEVEL, 0.6))

    await call(hass, SERVICE_VOLUME_SET, KITCHEN, **{ATTR_MEDIA_VOLUME_LEVEL: 0.25})
    await wait_state(hass, KITCHEN, attr(ATTR_MEDIA_VOLUME_LEVEL, 0.25))
    assert fake_roon.outputs["out-kitchen"]["volume"]["value"] == -60

    await call(hass, SERVICE_VOLUME_MUTE, KITCHEN, **{ATTR_MEDIA_VOLUME_MUTED: True})
    await wait_state(hass, KITCHEN, attr(ATTR_MEDIA_VOLUME_MUTED, True))
    await call(hass, SERVICE_VOLUME_MUTE, KITCHEN, **{ATTR_MEDIA_VOLUME_MUTED: False})
    await wait_state(hass, KITCHEN, attr(ATTR_MEDIA_VOLUME_MUTED, False))


async def test_volume_incremental_and_fixed(hass: HomeAssistant, fake_roon: FakeRoonCore) -> None:
    """An incremental control steps; a fixed volume offers nothing and says so."""
    await call(hass, SERVICE_VOLUME_UP, OFFICE)
    await call(hass, SERVICE_VOLUME_DOWN, OFFICE)
    assert fake_roon.incremental_steps == [("out-office", 1), ("out-office", -1)]
    state = hass.states.get(OFFICE)
    assert state is not None
    assert ATTR_MEDIA_VOLUME_LEVEL not in state.attributes

    await fake_roon.add_zone("zone-den", "Den", "out-den", volume=None)
    den = await wait_state(hass, "media_player.den", is_state(STATE_IDLE))
    features = Feature(den.attributes[ATTR_SUPPORTED_FEATURES])
    assert Feature.VOLUME_STEP not in features
    assert Feature.VOLUME_SET not in features
    player = hass.data["entity_components"][MP_DOMAIN].get_entity("media_player.den")
    with pytest.raises(ServiceValidationError) as caught:
        await player.async_set_volume_level(0.5)
    assert caught.value.translation_key == "roon_fixed_volume"


async def test_shuffle_and_repeat(hass: HomeAssistant) -> None:
    await call(hass, SERVICE_SHUFFLE_SET, LIVING, **{ATTR_MEDIA_SHUFFLE: True})
    await wait_state(hass, LIVING, attr(ATTR_MEDIA_SHUFFLE, True))
    for mode in ("all", "one", "off"):
        await call(hass, SERVICE_REPEAT_SET, LIVING, **{ATTR_MEDIA_REPEAT: mode})
        await wait_state(hass, LIVING, attr(ATTR_MEDIA_REPEAT, mode))


async def test_turn_off_and_on(hass: HomeAssistant) -> None:
    await call(hass, SERVICE_TURN_OFF, LIVING)
    await wait_state(hass, LIVING, is_state(STATE_OFF))
    await call(hass, SERVICE_TURN_ON, LIVING)
    await wait_state(hass, LIVING, is_state(STATE_PAUSED))
    player = hass.data["entity_components"][MP_DOMAIN].get_entity(OFFICE)
    with pytest.raises(ServiceValidationError) as caught:
        await player.async_turn_off()
    assert caught.value.translation_key == "roon_no_standby"


async def test_join_and_unjoin(hass: HomeAssistant, fake_roon: FakeRoonCore) -> None:
    """Grouping keeps both players; each shows the group, then its own zone again."""
    await call(hass, SERVICE_JOIN, LIVING, **{ATTR_GROUP_MEMBERS: [KITCHEN]})
    living = await wait_state(hass, LIVING, attr("zone", "Living Room + Kitchen"))
    assert living.attributes[ATTR_GROUP_MEMBERS] == [LIVING, KITCHEN]
    kitchen = await wait_state(hass, KITCHEN, is_state(STATE_PLAYING))
    assert kitchen.attributes[ATTR_GROUP_MEMBERS] == [LIVING, KITCHEN]
    assert kitchen.attributes[ATTR_MEDIA_TITLE] == "So What"
    assert kitchen.attributes[ATTR_FRIENDLY_NAME] == "Kitchen"

    await call(hass, SERVICE_UNJOIN, KITCHEN)
    kitchen = await wait_state(hass, KITCHEN, is_state(STATE_IDLE))
    assert kitchen.attributes[ATTR_GROUP_MEMBERS] == []
    await wait_state(hass, LIVING, attr("zone", "Living Room"))


async def test_join_is_validated(hass: HomeAssistant) -> None:
    """Outputs Roon cannot group, and entities that are not Roon players, are refused."""
    with pytest.raises(ServiceValidationError) as caught:
        await call(hass, SERVICE_JOIN, LIVING, **{ATTR_GROUP_MEMBERS: [OFFICE]})
    assert caught.value.translation_key == "roon_not_groupable"
    # The user's name for the output, never Roon's id (out-office).
    assert caught.value.translation_placeholders == {"detail": "Office"}
    assert str(caught.value) == (
        "Roon cannot group these outputs (Office). "
        "Only outputs of the same kind (for example, all RAAT) can be grouped"
    )
    hass.states.async_set("media_player.elsewhere", "idle")
    player = hass.data["entity_components"][MP_DOMAIN].get_entity(LIVING)
    with pytest.raises(ServiceValidationError) as caught:
        await player.async_join_players(["media_player.elsewhere"])
    assert caught.value.translation_key == "roon_not_a_player"
    assert caught.value.translation_placeholders == {"entity_id": "media_player.elsewhere"}


async def test_errors_name_outputs_and_zones(hass: HomeAssistant) -> None:
    """A Core error about an output or a zone names it as the user knows it, not by its id."""
    player = hass.data["entity_components"][MP_DOMAIN].get_entity(LIVING)

    def fail(reason: RoonFailure, detail: str) -> None:
        raise RoonCommandError(reason, detail)

    with pytest.raises(HomeAssistantError) as caught:
        await player._run(fail, RoonFailure.UNKNOWN_ZONE, "zone-kitchen")
    assert str(caught.value) == "Roon has no such zone (Kitchen)"
    with pytest.raises(HomeAssistantError) as caught:
        await player._run(fail, RoonFailure.UNKNOWN_OUTPUT, "out-office")
    assert str(caught.value) == "Roon has no such output (Office)"
    # Anything else the Core says is passed on as it is.
    with pytest.raises(HomeAssistantError) as caught:
        await player._run(fail, RoonFailure.REJECTED, "InvalidRequest")
    assert caught.value.translation_placeholders == {"detail": "InvalidRequest"}


async def test_transfer_zone_action(hass: HomeAssistant) -> None:
    await hass.services.async_call(
        DOMAIN, "transfer_zone", {"source": LIVING, "destination": KITCHEN}, blocking=True
    )
    await wait_state(hass, KITCHEN, attr(ATTR_MEDIA_TITLE, "So What"))
    await wait_state(hass, LIVING, is_state(STATE_IDLE))
    with pytest.raises(ServiceValidationError) as caught:
        await hass.services.async_call(
            DOMAIN,
            "transfer_zone",
            {"source": "media_player.nope", "destination": KITCHEN},
            blocking=True,
        )
    assert caught.value.translation_key == "roon_not_a_player"


async def test_rename_keeps_the_entity(
    hass: HomeAssistant, fake_roon: FakeRoonCore, entity_registry: er.EntityRegistry
) -> None:
    """A zone renamed in Roon changes the name shown, not the entity."""
    await fake_roon.rename_zone("zone-kitchen", "Cuisine")
    state = await wait_state(hass, KITCHEN, attr(ATTR_FRIENDLY_NAME, "Cuisine"))
    assert state.attributes["zone"] == "Cuisine"
    assert hass.states.get("media_player.cuisine") is None
    assert (
        entity_registry.async_get_entity_id(MP_DOMAIN, DOMAIN, f"{DEFAULT_CORE_ID}_out-kitchen")
        == KITCHEN
    )


async def test_zone_removed_and_core_errors(hass: HomeAssistant, fake_roon: FakeRoonCore) -> None:
    """A zone gone from the Core is unavailable; a Core refusal is a translated error."""
    office = hass.data["entity_components"][MP_DOMAIN].get_entity(OFFICE)
    await fake_roon.remove_zone("zone-office")
    await wait_state(hass, OFFICE, is_state(STATE_UNAVAILABLE))
    with pytest.raises(ServiceValidationError) as caught:
        await office.async_media_play()
    assert caught.value.translation_key == "roon_player_unavailable"
    fake_roon.unanswered.add("com.roonlabs.transport:2/seek")
    player = hass.data["entity_components"][MP_DOMAIN].get_entity(LIVING)
    player.coordinator.connection._api.request_timeout = 0.2
    with pytest.raises(HomeAssistantError) as caught:
        await player.async_media_seek(10)
    assert caught.value.translation_key == "roon_no_reply"


async def test_unload_leaves_no_thread(hass: HomeAssistant, init_roon: MockConfigEntry) -> None:
    """Unloading stops every roonapi thread (HA's cleanup check fails otherwise)."""
    import threading

    assert await hass.config_entries.async_unload(init_roon.entry_id)
    await hass.async_block_till_done()
    names = [thread.name for thread in threading.enumerate()]
    assert not [name for name in names if "roon" in name.casefold()]
    state = hass.states.get(LIVING)
    assert state is not None
    assert state.state == STATE_UNAVAILABLE


async def test_play_by_name_and_browse(
    hass: HomeAssistant, hass_ws_client: WebSocketGenerator
) -> None:
    """The player hands browsing and play-by-name to the media module (roon_media)."""
    await hass.services.async_call(
        MP_DOMAIN,
        SERVICE_PLAY_MEDIA,
        {
            ATTR_ENTITY_ID: KITCHEN,
            ATTR_MEDIA_CONTENT_TYPE: "album",
            ATTR_MEDIA_CONTENT_ID: "Kind of Blue",
        },
        blocking=True,
    )
    await wait_state(hass, KITCHEN, attr(ATTR_MEDIA_ALBUM_NAME, "Kind of Blue"))
    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "media_player/browse_media", "entity_id": KITCHEN})
    response = await client.receive_json()
    assert response["success"], response
    assert response["result"]["children"]


async def test_players_of_two_cores_do_not_mix(
    hass: HomeAssistant, roon_entry: MockConfigEntry
) -> None:
    """Grouping or transferring across two Roon Cores is refused with a clear error."""
    other_core = await FakeRoonCore(core_id="core-two", valid_tokens={"token-two"}).start()
    other = MockConfigEntry(
        domain=DOMAIN,
        unique_id="core-two",
        title="Second Core",
        data={**roon_entry.data, "port": other_core.port, "token": "token-two"},
    )
    other.add_to_hass(hass)
    try:
        assert await hass.config_entries.async_setup(other.entry_id)
        await hass.async_block_till_done()
        elsewhere = "media_player.living_room_2"
        assert hass.states.get(elsewhere) is not None
        with pytest.raises(ServiceValidationError) as caught:
            await call(hass, SERVICE_JOIN, LIVING, **{ATTR_GROUP_MEMBERS: [elsewhere]})
        assert caught.value.translation_key == "roon_other_core"
        with pytest.raises(ServiceValidationError) as caught:
            await hass.services.async_call(
                DOMAIN, "transfer_zone", {"source": LIVING, "destination": elsewhere}, blocking=True
            )
        assert caught.value.translation_key == "roon_other_core"
    finally:
        await hass.config_entries.async_unload(other.entry_id)
        await other_core.stop()


async def test_search_is_handed_to_the_media_module(hass: HomeAssistant) -> None:
    """Search reaches Roon's through the player: Home Assistant's own query type where it has
    one (2025.5+, see tests/roon/test_assist_search.py for Assist), its fields otherwise."""
    from homeassistant.components import media_player

    from .test_media import Query

    query_type = getattr(media_player, "SearchMediaQuery", Query)
    player = hass.data["entity_components"][MP_DOMAIN].get_entity(KITCHEN)
    found = await player.async_search_media(query_type(search_query="Kind of Blue"))
    results = found.result if hasattr(media_player, "SearchMedia") else found
    assert [item.media_class for item in results] == ["album"]
    assert results[0].title.startswith("Kind of Blue")


async def test_only_gone_players_can_be_deleted(
    hass: HomeAssistant, init_roon: MockConfigEntry, fake_roon: FakeRoonCore
) -> None:
    """The user may delete a player's device once its output is gone from the Core, not before."""
    from custom_components.aime import async_remove_config_entry_device

    registry = dr.async_get(hass)
    devices = {
        device.name: device
        for device in dr.async_entries_for_config_entry(registry, init_roon.entry_id)
    }
    office, kitchen = devices["Office"], devices["Kitchen"]
    assert not await async_remove_config_entry_device(hass, init_roon, office)
    await fake_roon.remove_zone("zone-office")
    async with asyncio.timeout(5):  # The outputs' removal follows the zone's.
        while not await async_remove_config_entry_device(hass, init_roon, office):  # noqa: ASYNC110
            await asyncio.sleep(0.01)
    assert not await async_remove_config_entry_device(hass, init_roon, kitchen)
