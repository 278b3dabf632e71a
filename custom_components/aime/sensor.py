"""Sensors: the hub's statistics and now playing; a Last.fm account's scrobbles and import."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import PERCENTAGE, EntityCategory, UnitOfTime
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.helpers.typing import StateType
from homeassistant.helpers.update_coordinator import CoordinatorEntity
from homeassistant.util import dt as dt_util

from . import AimeConfigEntry
from .core.stats.models import Ranked, SensorFigures
from .enrichment.sensor import enrichment_sensors
from .entity import LastfmEntity, hub_device_info, hub_unique_id
from .hub.now_playing import SIGNAL_NOW_PLAYING, NowPlaying, async_current_now_playing
from .hub.runtime import HubRuntime
from .lastfm.history_import import ImportStatus
from .lastfm.runtime import LastfmRuntime
from .playlists.sensor import LastPlaylistSensor
from .stats.coordinator import StatsCoordinator, StatsData

# Entities only read what the coordinator and the importer already hold.
PARALLEL_UPDATES = 0

NOT_SCROBBLING = "not_scrobbling"
IDLE = "idle"
MAX_STATE_LENGTH = 255


@dataclass(frozen=True, kw_only=True)
class LastfmSensorEntityDescription(SensorEntityDescription):
    """A Last.fm sensor: how to read its state and attributes from the account."""

    value_fn: Callable[[LastfmRuntime], StateType]
    attributes_fn: Callable[[LastfmRuntime], dict[str, Any] | None] = lambda _: None
    picture_fn: Callable[[LastfmRuntime], str | None] = lambda _: None
    # The import reads Last.fm on its own: its progress stays visible when polling fails.
    follows_import: bool = False


def _now_playing_attributes(lastfm: LastfmRuntime) -> dict[str, Any]:
    track = lastfm.coordinator.data.now_playing
    if track is None:
        return {"artist": None, "album": None, "track": None}
    return {"artist": track.artist, "album": track.album, "track": track.title}


def _import_attributes(lastfm: LastfmRuntime) -> dict[str, Any]:
    importer = lastfm.importer
    progress = importer.progress
    return {
        "status": importer.status.value,
        "plays_imported": progress.added if progress else 0,
        "eta": importer.eta if importer.status is ImportStatus.RUNNING else None,
    }


SENSORS: tuple[LastfmSensorEntityDescription, ...] = (
    LastfmSensorEntityDescription(
        key="now_playing",
        translation_key="now_playing",
        value_fn=lambda lastfm: (
            track.title if (track := lastfm.coordinator.data.now_playing) else NOT_SCROBBLING
        ),
        attributes_fn=_now_playing_attributes,
        picture_fn=lambda lastfm: (
            track.image_url if (track := lastfm.coordinator.data.now_playing) else None
        ),
    ),
    LastfmSensorEntityDescription(
        key="total_scrobbles",
        translation_key="total_scrobbles",
        state_class=SensorStateClass.TOTAL_INCREASING,
        value_fn=lambda lastfm: lastfm.coordinator.data.user.playcount,
    ),
    LastfmSensorEntityDescription(
        key="import_progress",
        translation_key="import_progress",
        entity_category=EntityCategory.DIAGNOSTIC,
        native_unit_of_measurement=PERCENTAGE,
        value_fn=lambda lastfm: lastfm.importer.progress.percent if lastfm.importer.progress else 0,
        attributes_fn=_import_attributes,
        follows_import=True,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AimeConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the hub's sensors, or a Last.fm account's."""
    runtime = entry.runtime_data
    if isinstance(runtime, HubRuntime):
        stats = runtime.stats
        async_add_entities(
            [
                *(StatsSensor(stats, description) for description in STATS_SENSORS),
                HubNowPlayingSensor(entry),
                LastPlaylistSensor(entry, stats.store),
                *enrichment_sensors(entry, runtime.enrichment),
            ]
        )
    elif isinstance(runtime, LastfmRuntime):
        lastfm = runtime
        async_add_entities(LastfmSensor(lastfm, description) for description in SENSORS)


class LastfmSensor(LastfmEntity, SensorEntity):
    """One Last.fm sensor, described by its entity description."""

    entity_description: LastfmSensorEntityDescription

    def __init__(self, lastfm: LastfmRuntime, description: LastfmSensorEntityDescription) -> None:
        """Attach the sensor to the account's coordinator (and importer)."""
        super().__init__(lastfm.coordinator, description)
        self._lastfm = lastfm

    async def async_added_to_hass(self) -> None:
        """Also follow the importer when the sensor shows the import."""
        await super().async_added_to_hass()
        if self.entity_description.follows_import:
            self.async_on_remove(
                self._lastfm.importer.async_add_listener(self.async_write_ha_state)
            )

    @property
    def available(self) -> bool:
        """The import's progress is always known; the rest needs a working poll."""
        return self.entity_description.follows_import or super().available

    @property
    def native_value(self) -> StateType:
        """The sensor's state."""
        return self.entity_description.value_fn(self._lastfm)

    @property
    def extra_state_attributes(self) -> dict[str, Any] | None:
        """Extra details (track fields, import status)."""
        return self.entity_description.attributes_fn(self._lastfm)

    @property
    def entity_picture(self) -> str | None:
        """The artwork of the track playing now."""
        return self.entity_description.picture_fn(self._lastfm)


# --- the hub ---------------------------------------------------------------------------------


@dataclass(frozen=True, kw_only=True)
class StatsSensorEntityDescription(SensorEntityDescription):
    """A statistics sensor: its state (and attributes) from the figures read together."""

    value_fn: Callable[[SensorFigures], StateType | datetime]
    attributes_fn: Callable[[SensorFigures], dict[str, Any] | None] = lambda _: None
    # Figures that count from a local midnight (state class TOTAL): when they restart.
    last_reset_fn: Callable[[datetime], datetime] | None = None


def _start_of_today(now: datetime) -> datetime:
    return dt_util.start_of_local_day(now)


def _start_of_week(now: datetime) -> datetime:
    return dt_util.start_of_local_day(now.date() - timedelta(days=now.weekday()))


def _top(ranked: list[Ranked]) -> str | None:
    return ranked[0].name[:MAX_STATE_LENGTH] if ranked else None


def _ranking(ranked: list[Ranked], with_artist: bool) -> list[dict[str, Any]]:
    if with_artist:
        return [{"name": top.name, "artist": top.artist, "plays": top.plays} for top in ranked]
    return [{"name": top.name, "plays": top.plays} for top in ranked]


def _last_play_attributes(figures: SensorFigures) -> dict[str, Any]:
    play = figures.last_play
    if play is None:
        return {"track": None, "artist": None, "album": None, "source": None, "zone": None}
    return {
        "track": play.title,
        "artist": play.artist,
        "album": play.album,
        "source": play.source,
        "zone": play.device,
    }


STATS_SENSORS: tuple[StatsSensorEntityDescription, ...] = (
    StatsSensorEntityDescription(
        key="plays_today",
        translation_key="plays_today",
        state_class=SensorStateClass.TOTAL,
        value_fn=lambda figures: figures.plays_today,
        last_reset_fn=_start_of_today,
    ),
    StatsSensorEntityDescription(
        key="plays_this_week",
        translation_key="plays_this_week",
        state_class=SensorStateClass.TOTAL,
        entity_registry_enabled_default=False,
        value_fn=lambda figures: figures.plays_this_week,
        last_reset_fn=_start_of_week,
    ),
    StatsSensorEntityDescription(
        key="listening_time_today",
        translation_key="listening_time_today",
        device_class=SensorDeviceClass.DURATION,
        state_class=SensorStateClass.TOTAL,
        native_unit_of_measurement=UnitOfTime.SECONDS,
        suggested_unit_of_measurement=UnitOfTime.MINUTES,
        suggested_display_precision=0,
        value_fn=lambda figures: figures.listening_seconds_today,
        attributes_fn=lambda figures: {"estimated_plays": figures.estimated_plays_today},
        last_reset_fn=_start_of_today,
    ),
    StatsSensorEntityDescription(
        key="total_plays",
        translation_key="total_plays",
        state_class=SensorStateClass.TOTAL_INCREASING,
        value_fn=lambda figures: figures.total_plays,
    ),
    StatsSensorEntityDescription(
        key="top_artist_7d",
        translation_key="top_artist_7d",
        value_fn=lambda figures: _top(figures.top_artists_7d),
        attributes_fn=lambda figures: {
            "plays": figures.top_artists_7d[0].plays if figures.top_artists_7d else None,
            "top_artists": _ranking(figures.top_artists_7d, with_artist=False),
        },
    ),
    StatsSensorEntityDescription(
        key="top_album_7d",
        translation_key="top_album_7d",
        value_fn=lambda figures: _top(figures.top_albums_7d),
        attributes_fn=lambda figures: {
            "artist": figures.top_albums_7d[0].artist if figures.top_albums_7d else None,
            "plays": figures.top_albums_7d[0].plays if figures.top_albums_7d else None,
            "top_albums": _ranking(figures.top_albums_7d, with_artist=True),
        },
    ),
    StatsSensorEntityDescription(
        key="current_streak",
        translation_key="current_streak",
        state_class=SensorStateClass.MEASUREMENT,
        value_fn=lambda figures: figures.current_streak,
    ),
    StatsSensorEntityDescription(
        key="new_artists_30d",
        translation_key="new_artists_30d",
        state_class=SensorStateClass.MEASUREMENT,
        entity_registry_enabled_default=False,
        value_fn=lambda figures: figures.new_artists_30d,
    ),
    StatsSensorEntityDescription(
        key="last_play",
        translation_key="last_play",
        device_class=SensorDeviceClass.TIMESTAMP,
        entity_category=EntityCategory.DIAGNOSTIC,
        value_fn=lambda figures: (
            dt_util.utc_from_timestamp(figures.last_play.played_at) if figures.last_play else None
        ),
        attributes_fn=_last_play_attributes,
    ),
    StatsSensorEntityDescription(
        key="collection_size",
        translation_key="collection_size",
        state_class=SensorStateClass.MEASUREMENT,
        entity_registry_enabled_default=False,
        value_fn=lambda figures: figures.collection_size,
    ),
)


class StatsSensor(CoordinatorEntity[StatsCoordinator], SensorEntity):
    """One statistics sensor of the hub."""

    _attr_has_entity_name = True
    # Top-10 lists change the state's attributes often; the recorder keeps the state only.
    _unrecorded_attributes = frozenset({"top_artists", "top_albums"})
    entity_description: StatsSensorEntityDescription

    def __init__(
        self, coordinator: StatsCoordinator, description: StatsSensorEntityDescription
    ) -> None:
        """Attach the sensor to the hub's statistics."""
        super().__init__(coordinator)
        entry = coordinator.config_entry
        self.entity_description = description
        self._attr_unique_id = hub_unique_id(entry, description.key)
        self._attr_device_info = hub_device_info(entry)

    @property
    def _data(self) -> StatsData:
        return self.coordinator.data

    @property
    def native_value(self) -> StateType | datetime:
        """The sensor's figure."""
        return self.entity_description.value_fn(self._data.figures)

    @property
    def extra_state_attributes(self) -> dict[str, Any] | None:
        """Details of the figure (top lists, the last play's track)."""
        return self.entity_description.attributes_fn(self._data.figures)

    @property
    def last_reset(self) -> datetime | None:
        """When a figure counted from a local midnight started counting."""
        if (last_reset_fn := self.entity_description.last_reset_fn) is None:
            return None
        return last_reset_fn(self._data.now)


HUB_NOW_PLAYING = SensorEntityDescription(key="now_playing", translation_key="hub_now_playing")


class HubNowPlayingSensor(SensorEntity):
    """What plays now, wherever it plays (the most recently started)."""

    _attr_has_entity_name = True
    _attr_should_poll = False
    _unrecorded_attributes = frozenset({"artwork_url"})

    def __init__(self, entry: AimeConfigEntry) -> None:
        """Attach the sensor to the hub's device."""
        self.entity_description = HUB_NOW_PLAYING
        self._attr_unique_id = hub_unique_id(entry, HUB_NOW_PLAYING.key)
        self._attr_device_info = hub_device_info(entry)
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
        return self._playing.track[:MAX_STATE_LENGTH] if self._playing else IDLE

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
