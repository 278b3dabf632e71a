"""A media player per Roon zone, named and identified by the zone's own output.

Roon's zone ids change when outputs are grouped, and names change when the user renames them;
an output id does not. Each output that forms a zone of its own gets one entity (and one
device). Grouped, it shows the group's zone: its playback, the group's name as ``zone`` and
``group_members``; its volume stays its own.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from homeassistant.components import media_source
from homeassistant.components.media_player import (
    MediaPlayerDeviceClass,
    MediaPlayerEnqueue,
    MediaPlayerEntity,
)
from homeassistant.components.media_player.browse_media import BrowseMedia
from homeassistant.components.media_player.const import (
    DOMAIN as MEDIA_PLAYER_DOMAIN,
    MediaType,
    RepeatMode,
)
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import device_registry as dr, entity_registry as er
from homeassistant.helpers.entity_platform import (
    AddConfigEntryEntitiesCallback,
    async_get_platforms,
)
from homeassistant.util import dt as dt_util

from ..clients.roon import RoonControl, RoonOutput, RoonZone
from ..const import DOMAIN
from ..exceptions import validation_error
from ..texts import strings_of
from . import media as roon_media
from .coordinator import RoonCoordinator, RoonRuntime, async_roon_command, naming_ids
from .entity import RoonOutputEntity
from .library import ROOT_ID
from .media_source import async_roon_target, browse_root_entry, is_aime_media_id
from .player_state import (
    POSITION_TOLERANCE,
    album_artist,
    expected_position,
    player_features,
    player_state,
)
from .queue import async_queue_playlist

if TYPE_CHECKING:
    from .. import AimeConfigEntry

PARALLEL_UPDATES = 0
ATTR_ZONE: Final = "zone"


async def async_setup_entry(
    hass: HomeAssistant, entry: AimeConfigEntry, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    """Add a player for each output, now and whenever the Core reports a new one."""
    roon = entry.runtime_data
    assert isinstance(roon, RoonRuntime)  # The platform is set up for Roon entries only.
    coordinator = roon.coordinator

    @callback
    def add(output_ids: list[str]) -> None:
        async_add_entities(RoonZonePlayer(coordinator, output_id) for output_id in output_ids)

    add(list(coordinator.outputs))
    entry.async_on_unload(coordinator.async_add_new_outputs_listener(add))


def find_player(hass: HomeAssistant, entity_id: str) -> RoonZonePlayer:
    """Our loaded player behind ``entity_id``, or a translated error."""
    for platform in async_get_platforms(hass, DOMAIN):
        if platform.domain == MEDIA_PLAYER_DOMAIN and entity_id in platform.entities:
            entity = platform.entities[entity_id]
            if isinstance(entity, RoonZonePlayer):
                return entity
    raise validation_error("roon_not_a_player", {"entity_id": entity_id})


class RoonZonePlayer(RoonOutputEntity, MediaPlayerEntity):
    """The zone one Roon output plays in, controlled from Home Assistant."""

    _attr_name = None
    _attr_translation_key = "roon_zone"
    _attr_device_class = MediaPlayerDeviceClass.SPEAKER
    _attr_media_content_type = MediaType.MUSIC
    # The Core serves artwork on the LAN only: Home Assistant proxies it.
    _attr_media_image_remotely_accessible = False

    def __init__(self, coordinator: RoonCoordinator, output_id: str) -> None:
        """Follow ``output_id`` on the coordinator's Core."""
        super().__init__(coordinator, output_id)
        self._device_name = coordinator.outputs[output_id].display_name
        self._signature: tuple[Any, ...] | None = None
        self._attr_media_position = None
        self._attr_media_position_updated_at = None
        self._read()

    async def async_added_to_hass(self) -> None:
        """Follow the coordinator's changes."""
        self.async_on_remove(
            self.coordinator.async_add_output_listener(self.output_id, self._handle_update)
        )
        self._handle_update()

    # --- state -----------------------------------------------------------------------------

    @property
    def zone(self) -> RoonZone | None:
        return self.coordinator.zone_of(self.output_id)

    @property
    def output(self) -> RoonOutput | None:
        return self.coordinator.outputs.get(self.output_id)

    @callback
    def _handle_update(self) -> None:
        """Write the state when something shown changed (not for a position on schedule)."""
        if (output := self.output) is not None and output.display_name != self._device_name:
            self._follow_rename(output.display_name)
        previous = self._signature
        self._read()
        if self._signature != previous:
            self.async_write_ha_state()

    @callback
    def _follow_rename(self, name: str) -> None:
        """A zone renamed in Roon: the device follows (unless the user named it here)."""
        self._device_name = name
        if self.device_entry is not None:
            dr.async_get(self.hass).async_update_device(self.device_entry.id, name=name)

    def _read(self) -> None:
        """Fill the attributes from the snapshots; note what a state write would show."""
        coordinator, output, zone = self.coordinator, self.output, self.zone
        self._attr_available = coordinator.available and output is not None and zone is not None
        if output is None or zone is None or not self._attr_available:
            self._signature = (False,)
            return
        playing = zone.now_playing
        self._attr_state = player_state(zone, output)
        self._attr_supported_features = player_features(output)
        self._attr_extra_state_attributes = {ATTR_ZONE: zone.display_name}
        self._attr_group_members = self._group_members(zone)
        self._attr_shuffle = zone.shuffle
        self._attr_repeat = RepeatMode(zone.repeat)
        volume = output.volume
        self._attr_volume_level = volume.level if volume is not None else None
        self._attr_is_volume_muted = volume.muted if volume is not None else None
        self._attr_media_title = playing.title if playing else None
        self._attr_media_artist = playing.artist if playing else None
        self._attr_media_album_artist = album_artist(playing.artist) if playing else None
        self._attr_media_album_name = playing.album if playing else None
        self._attr_media_duration = playing.length if playing else None
        self._attr_media_image_url = (
            coordinator.connection.image_url(playing.image_key)
            if playing and playing.image_key
            else None
        )
        self._read_position(zone)
        self._signature = (
            True,
            self._attr_state,
            self._attr_supported_features,
            zone.display_name,
            tuple(self._attr_group_members),
            zone.shuffle,
            zone.repeat,
            volume,
            playing
            and (
                playing.title,
                playing.artist,
                playing.album,
                playing.length,
                playing.image_key,
            ),
            self._attr_media_position,
            self._attr_media_position_updated_at,
        )

    def _read_position(self, zone: RoonZone) -> None:
        position = zone.seek_position if zone.now_playing is not None else None
        now = dt_util.utcnow()
        if position is None:
            self._attr_media_position = self._attr_media_position_updated_at = None
            return
        expected = expected_position(
            self._attr_state,
            self._attr_media_position,
            self._attr_media_position_updated_at,
            now,
        )
        if expected is not None and abs(position - expected) <= POSITION_TOLERANCE:
            return  # The frontend already extrapolates to this.
        self._attr_media_position = int(position)
        self._attr_media_position_updated_at = now

    def _group_members(self, zone: RoonZone) -> list[str]:
        if len(zone.outputs) < 2:
            return []
        registry = er.async_get(self.coordinator.hass)
        members = []
        for output_id in zone.output_ids:
            unique_id = f"{self.coordinator.entry.unique_id}_{output_id}"
            if entity_id := registry.async_get_entity_id(MEDIA_PLAYER_DOMAIN, DOMAIN, unique_id):
                members.append(entity_id)
        return members

    # --- commands --------------------------------------------------------------------------

    def _zone_id(self) -> str:
        zone = self.zone
        if zone is None:
            raise validation_error("roon_player_unavailable", {"entity_id": self.entity_id})
        return zone.zone_id

    async def _run(self, command: Any, *args: Any) -> Any:
        return await async_roon_command(self.hass, naming_ids(command, self._names()), *args)

    def _names(self) -> dict[str, str]:
        """What the user calls each output and zone id the Core may name in an error."""
        coordinator = self.coordinator
        names = {self.output_id: self._device_name}
        names.update((i, output.display_name) for i, output in coordinator.outputs.items())
        names.update((i, zone.display_name) for i, zone in coordinator.zones.items())
        return names

    async def _control(self, control: RoonControl) -> None:
        await self._run(self.coordinator.connection.control, self._zone_id(), control)

    async def async_media_play(self) -> None:
        await self._control("play")

    async def async_media_pause(self) -> None:
        await self._control("pause")

    async def async_media_stop(self) -> None:
        await self._control("stop")

    async def async_media_next_track(self) -> None:
        await self._control("next")

    async def async_media_previous_track(self) -> None:
        await self._control("previous")

    async def async_media_seek(self, position: float) -> None:
        await self._run(self.coordinator.connection.seek, self._zone_id(), position)

    async def async_set_volume_level(self, volume: float) -> None:
        await self._run(self.coordinator.connection.set_volume, self.output_id, volume)

    async def async_volume_up(self) -> None:
        await self._step_volume(1)

    async def async_volume_down(self) -> None:
        await self._step_volume(-1)

    async def _step_volume(self, direction: int) -> None:
        """A level control moves by ``volume_step`` (0-1); an incremental one by one step."""
        output = self.output
        volume = output.volume if output is not None else None
        if volume is not None and volume.settable and volume.level is not None:
            level = min(max(volume.level + direction * self.volume_step, 0.0), 1.0)
            await self.async_set_volume_level(level)
            return
        await self._run(self.coordinator.connection.step_volume, self.output_id, direction)

    async def async_mute_volume(self, mute: bool) -> None:
        await self._run(self.coordinator.connection.mute, self.output_id, mute)

    async def async_set_shuffle(self, shuffle: bool) -> None:
        await self._run(self.coordinator.connection.shuffle, self._zone_id(), shuffle)

    async def async_set_repeat(self, repeat: RepeatMode) -> None:
        await self._run(self.coordinator.connection.repeat, self._zone_id(), repeat.value)

    async def async_turn_off(self) -> None:
        await self._run(self.coordinator.connection.standby, self.output_id)

    async def async_turn_on(self) -> None:
        await self._run(self.coordinator.connection.wake, self.output_id)

    async def async_join_players(self, group_members: list[str]) -> None:
        """Group the outputs behind ``group_members`` into this player's zone."""
        zone = self.zone
        main = zone.output_ids[0] if zone is not None else self.output_id
        output_ids = []
        for entity_id in group_members:
            player = find_player(self.hass, entity_id)
            if player.coordinator is not self.coordinator:
                raise _other_core(entity_id)
            output_ids.append(player.output_id)
        members = [*(zone.output_ids if zone is not None else ()), *output_ids]
        await self._run(self.coordinator.connection.group, main, members)

    async def async_unjoin_player(self) -> None:
        await self._run(self.coordinator.connection.ungroup, [self.output_id])

    async def async_transfer_to(self, destination: RoonZonePlayer) -> None:
        """Move this zone's queue and playback to ``destination``'s zone."""
        if destination.coordinator is not self.coordinator:
            raise _other_core(destination.entity_id)
        await self._run(
            self.coordinator.connection.transfer, self._zone_id(), destination._zone_id()
        )

    # --- media browser (roon_media) --------------------------------------------------------

    async def async_browse_media(
        self, media_content_type: MediaType | str | None = None, media_content_id: str | None = None
    ) -> BrowseMedia:
        if is_aime_media_id(media_content_id):
            return await media_source.async_browse_media(self.hass, media_content_id)
        browsed = await roon_media.async_browse_media(
            self.hass,
            self.coordinator.connection,
            media_content_type,
            media_content_id,
            session_key=f"aime-{self.output_id}",
            thumbnail=self._browse_thumbnail,
        )
        if browsed.media_content_id == ROOT_ID:  # AIME's own folder beside Roon's.
            title = strings_of(self.hass, "media_browser")["root"]
            browsed.children = [*(browsed.children or []), browse_root_entry(title)]
        return browsed

    async def async_play_media(
        self,
        media_type: MediaType | str,
        media_id: str,
        enqueue: MediaPlayerEnqueue | None = None,
        **kwargs: Any,
    ) -> None:
        connection = self.coordinator.connection
        if is_aime_media_id(media_id):
            target = await async_roon_target(self.hass, media_id)
            if target.playlist is not None:
                await async_queue_playlist(
                    self.hass,
                    connection,
                    self._zone_id(),
                    target.playlist,
                    enqueue or MediaPlayerEnqueue.PLAY,
                )
                return
            assert target.search is not None  # A target is one or the other.
            media_id = target.search.media_id
        await roon_media.async_play_media(
            self.hass, connection, self._zone_id(), media_type, media_id, enqueue
        )

    async def async_search_media(self, query: Any) -> Any:
        return await roon_media.async_search_media(
            self.hass,
            self.coordinator.connection,
            self._zone_id(),
            query,
            thumbnail=self._browse_thumbnail,
        )

    # --- artwork, served by Home Assistant's media player proxy -----------------------------

    def _browse_thumbnail(self, image_key: str) -> str:
        """The proxy's URL for a Roon image: the Core's own URL stays inside Home Assistant."""
        return self.get_browse_image_url(MediaType.IMAGE, image_key)

    async def async_get_browse_image(
        self,
        media_content_type: str,
        media_content_id: str,
        media_image_id: str | None = None,
    ) -> tuple[bytes | None, str | None]:
        """Fetch a browse thumbnail from the Core (``media_content_id`` is its image key)."""
        if media_content_type != MediaType.IMAGE:
            return None, None
        url = self.coordinator.connection.image_url(media_content_id)
        return await self._async_fetch_image_from_cache(url)


def _other_core(entity_id: str) -> ServiceValidationError:
    return validation_error("roon_other_core", {"entity_id": entity_id})
