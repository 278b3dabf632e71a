"""What a loaded Last.fm account entry holds: its client, poller and history importer."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import device_registry as dr

from ..clients.lastfm import LastfmClient
from ..const import CONF_KIND, DOMAIN, KIND_LASTFM
from ..core.models import Source
from ..core.store.store import Store
from ..hub.people import account_listener, async_assign
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

    # The account's person as its stored plays have it (the option read at set-up).
    listener: str | None = None

    async def async_apply_options(self, entry: AimeConfigEntry) -> None:
        """A new scan interval applies at once (credentials reload from their own flow).

        A new person applies to the next scrobbles. Last.fm plays do not say which account
        scrobbled them, so the stored ones follow only when this is the only account.
        """
        self.coordinator.async_apply_options()
        listener = account_listener(entry)
        if listener == self.listener:
            return
        self.listener = listener
        hass = self.coordinator.hass
        accounts = [
            other
            for other in hass.config_entries.async_entries(DOMAIN)
            if other.data.get(CONF_KIND) == KIND_LASTFM
        ]
        if len(accounts) == 1:
            await async_assign(hass, self.access, Source.LASTFM, None, listener)

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
        listener=account_listener(entry),
    )


@callback
def _remove_stale_devices(hass: HomeAssistant, entry: AimeConfigEntry) -> None:
    """Drop the device of an account the entry no longer follows (after reconfigure)."""
    registry = dr.async_get(hass)
    for device in dr.async_entries_for_config_entry(registry, entry.entry_id):
        if (DOMAIN, entry.unique_id) not in device.identifiers:
            registry.async_update_device(device.id, remove_config_entry_id=entry.entry_id)
