"""Each person's sensors on the hub's device: plays today, listening time today.

A person gets them once a source is assigned to them (the statistics coordinator reads each
assigned person's figures at every refresh); a person no longer assigned keeps the entities,
unavailable, until they are removed by hand or assigned again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import UnitOfTime
from homeassistant.core import callback
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback
from homeassistant.helpers.typing import StateType
from homeassistant.util import dt as dt_util

from ..core.stats.models import ListeningTime
from ..hub.entity import HubCoordinatorEntity
from ..hub.people import person_name
from ..hub.runtime import HubRuntime
from .coordinator import STATS, StatsCoordinator


@dataclass(frozen=True, kw_only=True)
class PersonSensorEntityDescription(SensorEntityDescription):
    """A person's figure of today."""

    value_fn: Callable[[ListeningTime], StateType]


PERSON_SENSORS: tuple[PersonSensorEntityDescription, ...] = (
    PersonSensorEntityDescription(
        key="person_plays_today",
        translation_key="person_plays_today",
        state_class=SensorStateClass.TOTAL,
        value_fn=lambda today: today.plays,
    ),
    PersonSensorEntityDescription(
        key="person_listening_time_today",
        translation_key="person_listening_time_today",
        device_class=SensorDeviceClass.DURATION,
        state_class=SensorStateClass.TOTAL,
        native_unit_of_measurement=UnitOfTime.SECONDS,
        suggested_unit_of_measurement=UnitOfTime.MINUTES,
        suggested_display_precision=0,
        value_fn=lambda today: today.seconds,
    ),
)


class PersonSensor(HubCoordinatorEntity[StatsCoordinator], SensorEntity):
    """One figure of one person, on the hub's device, named after the person."""

    entity_description: PersonSensorEntityDescription

    def __init__(
        self,
        hub: HubRuntime,
        coordinator: StatsCoordinator,
        description: PersonSensorEntityDescription,
        person: str,
    ) -> None:
        """The sensor of ``person`` (an entity id) for ``description``."""
        super().__init__(hub, coordinator, f"{description.key}_{person}")
        self.entity_description = description
        self.person = person
        self._attr_translation_placeholders = {"person": person_name(hub.hass, person)}
        self._attr_extra_state_attributes = {"person": person}

    @property
    def available(self) -> bool:
        """While a source is assigned to the person."""
        return super().available and self.person in self.coordinator.data.people

    @property
    def native_value(self) -> StateType:
        """The person's figure of today."""
        today = self.coordinator.data.people.get(self.person)
        return None if today is None else self.entity_description.value_fn(today)

    @property
    def last_reset(self) -> datetime | None:
        """Today's figures count from the local midnight."""
        return dt_util.start_of_local_day(self.coordinator.data.now)


@callback
def async_add_person_sensors(
    hub: HubRuntime, async_add_entities: AddConfigEntryEntitiesCallback
) -> None:
    """Add the sensors of each assigned person now, and of each person assigned later."""
    coordinator = hub.require(STATS)
    added: set[str] = set()

    @callback
    def add_new() -> None:
        new = sorted(set(coordinator.data.people) - added)
        added.update(new)
        async_add_entities(
            [
                PersonSensor(hub, coordinator, description, person)
                for person in new
                for description in PERSON_SENSORS
            ]
        )

    add_new()
    hub.async_on_stop(coordinator.async_add_listener(add_new))
