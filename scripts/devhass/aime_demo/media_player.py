"""Development only: a media player that plays music in real time, for AIME's players source.

It reports as integrations do: each track starts with ``media_position`` 0 and its
``media_position_updated_at``, nothing while it plays, the next track when this one ends. The
tracks are short (``turntable.py``: a play counts 16 s after a track starts) so that a newcomer, and
``scripts/develop --check``, see plays from a non-Roon player arrive within a minute.
"""

from __future__ import annotations

from datetime import datetime

from homeassistant.components.media_player import (
    MediaPlayerEntity,
    MediaPlayerEntityFeature,
    MediaPlayerState,
    MediaType,
)
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.entity_platform import AddEntitiesCallback
from homeassistant.helpers.event import async_call_later
from homeassistant.helpers.typing import ConfigType, DiscoveryInfoType
from homeassistant.util import dt as dt_util

from .turntable import ALBUM, ARTIST, TRACKS


async def async_setup_platform(
    hass: HomeAssistant,
    config: ConfigType,
    async_add_entities: AddEntitiesCallback,
    discovery_info: DiscoveryInfoType | None = None,
) -> None:
    """The demo turntable (``media_player.demo_turntable``)."""
    async_add_entities([DemoTurntable()])


class DemoTurntable(MediaPlayerEntity):
    """Plays ``TRACKS`` in a loop, in real time."""

    _attr_name = "Demo turntable"
    _attr_unique_id = "aime_demo_turntable"
    _attr_should_poll = False
    _attr_media_content_type = MediaType.MUSIC
    _attr_supported_features = (
        MediaPlayerEntityFeature.PLAY
        | MediaPlayerEntityFeature.PAUSE
        | MediaPlayerEntityFeature.NEXT_TRACK
    )

    def __init__(self) -> None:
        self._index = 0
        self._next: CALLBACK_TYPE | None = None

    async def async_added_to_hass(self) -> None:
        self._start(0)

    async def async_will_remove_from_hass(self) -> None:
        self._cancel()

    async def async_media_next_track(self) -> None:
        self._start(self._index + 1)

    async def async_media_pause(self) -> None:
        self._cancel()
        self._attr_media_position = self._position()
        self._attr_media_position_updated_at = dt_util.utcnow()
        self._attr_state = MediaPlayerState.PAUSED
        self.async_write_ha_state()

    async def async_media_play(self) -> None:
        if self._attr_state != MediaPlayerState.PAUSED:
            return
        self._attr_media_position_updated_at = dt_util.utcnow()
        self._attr_state = MediaPlayerState.PLAYING
        self._schedule((self._attr_media_duration or 0) - (self._attr_media_position or 0))
        self.async_write_ha_state()

    def _position(self) -> float:
        updated = self._attr_media_position_updated_at or dt_util.utcnow()
        moved = (dt_util.utcnow() - updated).total_seconds()
        return (self._attr_media_position or 0) + moved

    @callback
    def _start(self, index: int) -> None:
        self._cancel()
        self._index = index % len(TRACKS)
        title, length = TRACKS[self._index]
        self._attr_media_title = title
        self._attr_media_artist = ARTIST
        self._attr_media_album_name = ALBUM
        self._attr_media_duration = length
        self._attr_media_position = 0
        self._attr_media_position_updated_at = dt_util.utcnow()
        self._attr_state = MediaPlayerState.PLAYING
        self._schedule(length)
        self.async_write_ha_state()

    def _schedule(self, seconds: float) -> None:
        self._next = async_call_later(self.hass, max(seconds, 0), self._async_track_ended)

    @callback
    def _async_track_ended(self, _now: datetime) -> None:
        self._next = None
        self._start(self._index + 1)

    def _cancel(self) -> None:
        if self._next is not None:
            self._next()
            self._next = None
