"""The base entity of a Roon output: one device per output, named after it in Roon."""

from __future__ import annotations

from homeassistant.helpers.device_registry import DeviceInfo
from homeassistant.helpers.entity import Entity

from ..const import DOMAIN
from ..texts import strings_of
from .coordinator import RoonCoordinator


def output_unique_id(coordinator: RoonCoordinator, output_id: str) -> str:
    """The unique id of an output's entity (and its device's identifier)."""
    return f"{coordinator.entry.unique_id}_{output_id}"


class RoonOutputEntity(Entity):
    """An entity of one Roon output's device, pushed by the Core's coordinator."""

    _attr_has_entity_name = True
    _attr_should_poll = False

    def __init__(self, coordinator: RoonCoordinator, output_id: str) -> None:
        """Attach the entity to the output's device."""
        self.coordinator = coordinator
        self.output_id = output_id
        self._attr_unique_id = output_unique_id(coordinator, output_id)
        output = coordinator.outputs[output_id]
        self._attr_device_info = DeviceInfo(
            identifiers={(DOMAIN, self._attr_unique_id)},
            name=output.display_name,
            manufacturer="Roon Labs",
            model=strings_of(coordinator.hass, "device_model")["roon_zone"],
        )
