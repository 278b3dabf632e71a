"""The hub's statistics sensors: plays and listening time, tops, streaks, the last play."""

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
from homeassistant.const import MAX_LENGTH_STATE_STATE, EntityCategory, UnitOfTime
from homeassistant.helpers.typing import StateType
from homeassistant.util import dt as dt_util

from ..core.stats.models import Ranked, SensorFigures
from ..hub.entity import HubCoordinatorEntity
from ..hub.runtime import HubRuntime
from .coordinator import STATS, StatsCoordinator, StatsData


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
    return ranked[0].name[:MAX_LENGTH_STATE_STATE] if ranked else None


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


class StatsSensor(HubCoordinatorEntity[StatsCoordinator], SensorEntity):
    """One statistics sensor of the hub."""

    # Top-10 lists change the state's attributes often; the recorder keeps the state only.
    _unrecorded_attributes = frozenset({"top_artists", "top_albums"})
    entity_description: StatsSensorEntityDescription

    def __init__(
        self,
        hub: HubRuntime,
        coordinator: StatsCoordinator,
        description: StatsSensorEntityDescription,
    ) -> None:
        """Attach the sensor to the hub's statistics."""
        super().__init__(hub, coordinator, description.key)
        self.entity_description = description

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


def stats_sensors(hub: HubRuntime) -> list[StatsSensor]:
    """The hub's statistics sensors."""
    stats = hub.require(STATS)
    return [StatsSensor(hub, stats, description) for description in STATS_SENSORS]
