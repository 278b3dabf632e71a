"""The base entity of a Last.fm account's device (a web service)."""

from __future__ import annotations

from homeassistant.const import CONF_USERNAME
from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo
from homeassistant.helpers.entity import EntityDescription
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from ..const import DOMAIN, LASTFM_PROFILE_URL
from .coordinator import LastfmCoordinator


class LastfmEntity(CoordinatorEntity[LastfmCoordinator]):
    """An entity of the Last.fm account's device, named by its description."""

    _attr_has_entity_name = True

    def __init__(self, coordinator: LastfmCoordinator, description: EntityDescription) -> None:
        """Name the entity after its description; its unique id follows the account's."""
        super().__init__(coordinator)
        entry = coordinator.config_entry
        username = entry.data[CONF_USERNAME]
        self.entity_description = description
        self._attr_unique_id = f"{entry.unique_id}_{description.key}"
        self._attr_device_info = DeviceInfo(
            identifiers={(DOMAIN, str(entry.unique_id))},
            name=f"Last.fm {username}",
            manufacturer="Last.fm",
            entry_type=DeviceEntryType.SERVICE,
            configuration_url=coordinator.data.user.url
            or LASTFM_PROFILE_URL.format(username=username),
        )
