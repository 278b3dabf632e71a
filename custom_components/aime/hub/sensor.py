"""The hub's "now playing" sensor: what plays now, wherever it plays."""

from __future__ import annotations

from typing import Any

from homeassistant.components.sensor import SensorEntity, SensorEntityDescription
from homeassistant.const import MAX_LENGTH_STATE_STATE
from homeassistant.core import callback
from homeassistant.helpers.dispatcher import async_dispatcher_connect

from .entity import HubEntity
from .now_playing import SIGNAL_NOW_PLAYING, NowPlaying, async_current_now_playing
from .runtime import HubRuntime

IDLE = "idle"


HUB_NOW_PLAYING = SensorEntityDescription(key="now_playing", translation_key="hub_now_playing")


class HubNowPlayingSensor(HubEntity, SensorEntity):
    """What plays now, wherever it plays (the most recently started)."""

    _unrecorded_attributes = frozenset({"artwork_url"})

    def __init__(self, hub: HubRuntime) -> None:
        """Attach the sensor to the hub's device."""
        super().__init__(hub, HUB_NOW_PLAYING.key)
        self.entity_description = HUB_NOW_PLAYING
        self._playing: NowPlaying | None = None

    async def async_added_to_hass(self) -> None:
        """Follow what the players publish."""
        self.async_on_remove(
            async_dispatcher_connect(self.hass, SIGNAL_NOW_PLAYING, self._async_update)
        )
        self._playing = async_current_now_playing(self.hass)

    @callback
    def _async_update(self) -> None:
        playing = async_current_now_playing(self.hass)
        if playing != self._playing:
            self._playing = playing
            self.async_write_ha_state()

    @property
    def native_value(self) -> str:
        """The track's title, or idle."""
        return self._playing.track[:MAX_LENGTH_STATE_STATE] if self._playing else IDLE

    @property
    def extra_state_attributes(self) -> dict[str, Any]:
        """The track, where it plays and its artwork."""
        playing = self._playing
        if playing is None:
            return dict.fromkeys(
                ("artist", "album", "track", "source", "player", "artwork_url", "started_at")
            )
        return {
            "artist": playing.artist,
            "album": playing.album,
            "track": playing.track,
            "source": playing.source.value,
            "player": playing.player,
            "artwork_url": playing.artwork_url,
            "started_at": playing.started_at.isoformat() if playing.started_at else None,
        }

    @property
    def entity_picture(self) -> str | None:
        """The artwork of the track playing now."""
        return self._playing.artwork_url if self._playing else None
