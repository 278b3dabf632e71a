"""Base entities of the hub's device ("AIME"): name flag, unique id and device info in one place."""

from __future__ import annotations

from typing import Any

from homeassistant.helpers.entity import Entity
from homeassistant.helpers.update_coordinator import CoordinatorEntity, DataUpdateCoordinator

from .runtime import HubRuntime


def hub_unique_id(hub: HubRuntime, key: str) -> str:
    """The unique id of the hub's entity ``key``."""
    entry = hub.entry
    return f"{entry.unique_id or entry.entry_id}_{key}"


class HubEntity(Entity):
    """An entity of the hub's device, named by its translation key."""

    _attr_has_entity_name = True
    _attr_should_poll = False

    def __init__(self, hub: HubRuntime, key: str) -> None:
        """Attach the entity ``key`` to the hub's device."""
        self._attr_unique_id = hub_unique_id(hub, key)
        self._attr_device_info = hub.device_info


class HubCoordinatorEntity[CoordinatorT: DataUpdateCoordinator[Any]](
    CoordinatorEntity[CoordinatorT]
):
    """An entity of the hub's device whose state a coordinator computes."""

    _attr_has_entity_name = True

    def __init__(self, hub: HubRuntime, coordinator: CoordinatorT, key: str) -> None:
        """Follow ``coordinator``; attach the entity ``key`` to the hub's device."""
        super().__init__(coordinator)
        self._attr_unique_id = hub_unique_id(hub, key)
        self._attr_device_info = hub.device_info
