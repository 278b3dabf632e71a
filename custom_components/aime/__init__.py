"""AIME — AI Music Enabler: turns Home Assistant into a listening hub."""

from __future__ import annotations

from dataclasses import dataclass

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import config_validation as cv, device_registry as dr
from homeassistant.helpers.typing import ConfigType

from .ai.services import async_setup_ai_services
from .clients.lastfm import LastfmClient
from .const import (
    CONF_DEDUP_WINDOW,
    CONF_KIND,
    DEFAULT_DEDUP_WINDOW_MINUTES,
    DOMAIN,
    KIND_HUB,
    KIND_LASTFM,
    KIND_ROON,
)
from .core.store.store import Store
from .enrichment.runtime import EnrichmentRuntime
from .hub.shared_store import async_acquire_store, async_release_store
from .hub.statistics import StatsCoordinator, async_setup_statistics
from .lastfm.coordinator import LastfmCoordinator, StoreAccess, build_client
from .lastfm.history_import import LastfmImporter
from .playlists.play_in_roon import async_setup_play_playlist
from .playlists.services import async_setup_playlists
from .roon.coordinator import RoonData, async_setup_roon
from .services import async_setup_services
from .websocket_api import async_register_websocket_commands

# Platforms by entry kind; later milestones add theirs.
PLATFORMS: dict[str, list[Platform]] = {
    KIND_HUB: [Platform.SENSOR],
    KIND_LASTFM: [Platform.SENSOR],
    KIND_ROON: [Platform.MEDIA_PLAYER],
}

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)


@dataclass(slots=True)
class LastfmRuntime:
    """A loaded Last.fm account: its client, poller and history importer."""

    client: LastfmClient
    coordinator: LastfmCoordinator
    importer: LastfmImporter
    store: StoreAccess

    async def async_stop(self) -> None:
        """Stop the import and wait for store calls, so the store can be closed."""
        await self.importer.async_stop()
        await self.store.async_close()


@dataclass(slots=True)
class AimeData:
    """What a loaded AIME entry holds at runtime."""

    store: Store
    lastfm: LastfmRuntime | None = None
    roon: RoonData | None = None
    stats: StatsCoordinator | None = None  # The hub's.
    enrichment: EnrichmentRuntime | None = None  # The hub's: Discogs, Spotify, AI, jobs.


type AimeConfigEntry = ConfigEntry[AimeData]


def entry_kind(entry: ConfigEntry) -> str:
    """The hub, or the kind of source account the entry stands for."""
    return str(entry.data.get(CONF_KIND, KIND_HUB))


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Register the actions; they check which entries are loaded when called."""
    async_setup_services(hass)
    async_register_websocket_commands(hass)
    async_setup_playlists(hass)
    async_setup_ai_services(hass)
    async_setup_play_playlist(hass)
    return True


async def async_setup_entry(hass: HomeAssistant, entry: AimeConfigEntry) -> bool:
    """Open (or join) the listening store, then start what the entry's kind needs."""
    store = await async_acquire_store(hass, entry)
    kind = entry_kind(entry)
    lastfm: LastfmRuntime | None = None
    roon: RoonData | None = None
    stats: StatsCoordinator | None = None
    enrichment: EnrichmentRuntime | None = None
    try:
        if kind == KIND_HUB:
            stats = await async_setup_statistics(hass, entry, store)
            enrichment = EnrichmentRuntime(hass, entry, store)
            await enrichment.async_start()
        elif kind == KIND_LASTFM:
            lastfm = await _async_setup_lastfm(hass, entry, store)
        elif kind == KIND_ROON:
            roon = await async_setup_roon(hass, entry, store)
    except Exception:
        await async_release_store(hass, entry)
        raise
    entry.runtime_data = AimeData(
        store=store, lastfm=lastfm, roon=roon, stats=stats, enrichment=enrichment
    )
    entry.async_on_unload(entry.add_update_listener(_async_options_updated))
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS[kind])
    if lastfm is not None:
        lastfm.coordinator.async_start_loved_tracks_sync()
        await lastfm.importer.async_resume()
    return True


async def _async_setup_lastfm(
    hass: HomeAssistant, entry: AimeConfigEntry, store: Store
) -> LastfmRuntime:
    client = await hass.async_add_executor_job(build_client, dict(entry.data))
    access = StoreAccess(hass, store)
    coordinator = LastfmCoordinator(hass, entry, client, access)
    await coordinator.async_config_entry_first_refresh()
    _remove_stale_devices(hass, entry)
    return LastfmRuntime(
        client=client,
        coordinator=coordinator,
        importer=LastfmImporter(hass, entry, client, access),
        store=access,
    )


@callback
def _remove_stale_devices(hass: HomeAssistant, entry: AimeConfigEntry) -> None:
    """Drop the device of an account the entry no longer follows (after reconfigure)."""
    registry = dr.async_get(hass)
    for device in dr.async_entries_for_config_entry(registry, entry.entry_id):
        if (DOMAIN, entry.unique_id) not in device.identifiers:
            registry.async_update_device(device.id, remove_config_entry_id=entry.entry_id)


async def async_remove_config_entry_device(
    hass: HomeAssistant, entry: AimeConfigEntry, device: dr.DeviceEntry
) -> bool:
    """Let the user delete a Roon player whose output the Core no longer has."""
    roon = entry.runtime_data.roon
    if roon is None:
        return False
    current = {(DOMAIN, f"{entry.unique_id}_{output_id}") for output_id in roon.coordinator.outputs}
    return not device.identifiers & current


async def async_unload_entry(hass: HomeAssistant, entry: AimeConfigEntry) -> bool:
    """Unload the platforms, stop background work, then let go of the store."""
    if not await hass.config_entries.async_unload_platforms(entry, PLATFORMS[entry_kind(entry)]):
        return False
    if (lastfm := entry.runtime_data.lastfm) is not None:
        await lastfm.async_stop()
    if (roon := entry.runtime_data.roon) is not None:
        await roon.async_stop(hass)
    if (stats := entry.runtime_data.stats) is not None:
        await stats.async_stop()
    if (enrichment := entry.runtime_data.enrichment) is not None:
        await enrichment.async_stop()
    await async_release_store(hass, entry)
    return True


async def _async_options_updated(hass: HomeAssistant, entry: AimeConfigEntry) -> None:
    """Options apply without a reload (credential changes reload from their own flow)."""
    data = entry.runtime_data
    if data.lastfm is not None:
        data.lastfm.coordinator.async_apply_options()
        return
    if data.roon is not None:  # Its options are read live where they are used.
        return
    if data.enrichment is not None:
        await data.enrichment.async_apply_options()
    minutes = int(entry.options.get(CONF_DEDUP_WINDOW, DEFAULT_DEDUP_WINDOW_MINUTES))
    await hass.async_add_executor_job(setattr, data.store, "dedup_window", 60 * minutes)
