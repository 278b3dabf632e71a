"""What a loaded Last.fm account entry holds: its client, poller and history importer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import device_registry as dr

from ..clients.lastfm import LastfmClient
from ..const import DOMAIN
from ..core.store.store import Store
from ..hub.store_access import StoreAccess
from .coordinator import LastfmCoordinator, build_client
from .history_import import LastfmImporter

if TYPE_CHECKING:
    from .. import AimeConfigEntry


@dataclass(slots=True)
class LastfmRuntime:
    """A loaded Last.fm account."""

    client: LastfmClient
    coordinator: LastfmCoordinator
    importer: LastfmImporter
    access: StoreAccess

    @property
    def store(self) -> Store:
        """The shared listening store."""
        return self.access.store

    async def async_apply_options(self, entry: AimeConfigEntry) -> None:
        """A new scan interval applies at once (credentials reload from their own flow)."""
        self.coordinator.async_apply_options()

    async def async_start(self) -> None:
        """Once its sensors exist: sync loved tracks daily, resume an interrupted import."""
        self.coordinator.async_start_loved_tracks_sync()
        await self.importer.async_resume()

    async def async_stop(self) -> None:
        """Stop the import (its store calls end before the entry's access closes)."""
        await self.importer.async_stop()


async def async_setup_lastfm(
    hass: HomeAssistant, entry: AimeConfigEntry, access: StoreAccess
) -> LastfmRuntime:
    """Build the client, poll once, and get the importer ready."""
    client = await hass.async_add_executor_job(build_client, dict(entry.data))
    coordinator = LastfmCoordinator(hass, entry, client, access)
    await coordinator.async_config_entry_first_refresh()
    _remove_stale_devices(hass, entry)
    return LastfmRuntime(
        client=client,
        coordinator=coordinator,
        importer=LastfmImporter(hass, entry, client, access),
        access=access,
    )


@callback
def _remove_stale_devices(hass: HomeAssistant, entry: AimeConfigEntry) -> None:
    """Drop the device of an account the entry no longer follows (after reconfigure)."""
    registry = dr.async_get(hass)
    for device in dr.async_entries_for_config_entry(registry, entry.entry_id):
        if (DOMAIN, entry.unique_id) not in device.identifiers:
            registry.async_update_device(device.id, remove_config_entry_id=entry.entry_id)
