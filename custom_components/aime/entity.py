"""Base entities: a Last.fm account's, and the hub's."""

from __future__ import annotations

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import CONF_USERNAME
from homeassistant.core import async_get_hass
from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo
from homeassistant.helpers.entity import EntityDescription
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from .const import DOMAIN, LASTFM_PROFILE_URL
from .lastfm.coordinator import LastfmCoordinator
from .texts import cached_option_label


class LastfmEntity(CoordinatorEntity[LastfmCoordinator]):
    """An entity of the Last.fm account's device (a web service)."""

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


def hub_device_info(entry: ConfigEntry) -> DeviceInfo:
    """The hub's device ("AIME"): its statistics and what plays now."""
    return DeviceInfo(
        identifiers={(DOMAIN, str(entry.unique_id or entry.entry_id))},
        name="AIME",
        manufacturer="AIME",
        # Entities are made on the event loop, where Home Assistant's instance is known.
        model=cached_option_label(async_get_hass(), "device_model", "hub", "Listening hub"),
        entry_type=DeviceEntryType.SERVICE,
    )


def hub_unique_id(entry: ConfigEntry, key: str) -> str:
    """The unique id of the hub's entity ``key``."""
    return f"{entry.unique_id or entry.entry_id}_{key}"
