"""The hub's "last playlist" sensor: the most recently generated playlist and its tracks.

Its tracks are attributes, trimmed so that all attributes stay well under the 16 KiB Home
Assistant stores per state; they are not recorded in the history either.
"""

from __future__ import annotations

import json
from typing import Any

from homeassistant.components.sensor import SensorEntity, SensorEntityDescription
from homeassistant.const import MAX_LENGTH_STATE_STATE
from homeassistant.core import callback
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.util import dt as dt_util

from ..core.playlists.models import Playlist
from ..hub.entity import HubEntity
from ..hub.runtime import HubRuntime
from ..hub.signals import SIGNAL_PLAYLISTS_CHANGED

MAX_TRACK_ATTRIBUTE_BYTES = 12_000  # Of the 16,384 bytes allowed, with room for the rest.

LAST_PLAYLIST = SensorEntityDescription(key="last_playlist", translation_key="last_playlist")


class LastPlaylistSensor(HubEntity, SensorEntity):
    """The name of the last generated playlist; how it was made and its tracks as attributes."""

    _unrecorded_attributes = frozenset({"tracks", "tracks_truncated"})

    def __init__(self, hub: HubRuntime) -> None:
        """Attach the sensor to the hub's device."""
        super().__init__(hub, LAST_PLAYLIST.key)
        self.entity_description = LAST_PLAYLIST
        self._store = hub.access
        self._playlist: Playlist | None = None

    async def async_added_to_hass(self) -> None:
        """Show the newest saved playlist, then follow new ones."""
        self.async_on_remove(
            async_dispatcher_connect(self.hass, SIGNAL_PLAYLISTS_CHANGED, self._async_changed)
        )
        self._playlist = await self._store.async_run(self._store.store.playlists.latest)

    @callback
    def _async_changed(self, playlist: Playlist | None) -> None:
        if playlist is None:  # One was renamed or deleted: maybe this one.
            self.hass.async_create_task(self._async_reload(), eager_start=True)
            return
        self._playlist = playlist
        self.async_write_ha_state()

    async def _async_reload(self) -> None:
        self._playlist = await self._store.async_run(self._store.store.playlists.latest)
        self.async_write_ha_state()

    @property
    def native_value(self) -> str | None:
        """The playlist's name."""
        return self._playlist.name[:MAX_LENGTH_STATE_STATE] if self._playlist else None

    @property
    def extra_state_attributes(self) -> dict[str, Any] | None:
        """How it was made, its length, and as many tracks as fit."""
        playlist = self._playlist
        if playlist is None:
            return None
        tracks: list[dict[str, Any]] = []
        size = 2
        for track in playlist.tracks:
            item = {"artist": track.artist, "title": track.title, "album": track.album}
            size += len(json.dumps(item, ensure_ascii=False).encode()) + 2
            if size > MAX_TRACK_ATTRIBUTE_BYTES:
                break
            tracks.append(item)
        return {
            "playlist_id": playlist.id,
            "algorithm": playlist.algorithm,
            "track_count": len(playlist.tracks),
            "total_duration": playlist.total_duration,
            "unique_artists": playlist.unique_artists,
            "unique_albums": playlist.unique_albums,
            # Saved playlists always have a creation time.
            "created_at": dt_util.utc_from_timestamp(playlist.created_at or 0).isoformat(),
            "tracks": tracks,
            "tracks_truncated": len(tracks) < len(playlist.tracks),
        }
