"""The sensors of a Last.fm account: what it scrobbles now, its total, its history import."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from homeassistant.components.sensor import (
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import PERCENTAGE, EntityCategory
from homeassistant.helpers.typing import StateType

from .entity import LastfmEntity
from .history_import import ImportStatus
from .runtime import LastfmRuntime

NOT_SCROBBLING = "not_scrobbling"


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


def lastfm_sensors(lastfm: LastfmRuntime) -> list[LastfmSensor]:
    """The account's sensors."""
    return [LastfmSensor(lastfm, description) for description in SENSORS]
