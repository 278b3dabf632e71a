"""AIME — AI Music Enabler: turns Home Assistant into a listening hub."""

from __future__ import annotations

from dataclasses import dataclass

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant

from .const import CONF_DEDUP_WINDOW, DEFAULT_DEDUP_WINDOW_MINUTES
from .core.store import Store
from .shared_store import async_acquire_store, async_release_store

# Later milestones add their platforms here.
PLATFORMS: list[Platform] = []


@dataclass(slots=True)
class AimeData:
    """What a loaded AIME entry holds at runtime."""

    store: Store


type AimeConfigEntry = ConfigEntry[AimeData]


async def async_setup_entry(hass: HomeAssistant, entry: AimeConfigEntry) -> bool:
    """Open (or join) the listening store and set up the platforms."""
    store = await async_acquire_store(hass, entry)
    entry.runtime_data = AimeData(store=store)
    entry.async_on_unload(entry.add_update_listener(_async_options_updated))
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    return True


async def async_unload_entry(hass: HomeAssistant, entry: AimeConfigEntry) -> bool:
    """Unload the platforms, then let go of the store."""
    if unload_ok := await hass.config_entries.async_unload_platforms(entry, PLATFORMS):
        await async_release_store(hass, entry)
    return unload_ok


async def _async_options_updated(hass: HomeAssistant, entry: AimeConfigEntry) -> None:
    """The de-duplication window applies from the next recorded play; no reload needed."""
    minutes = int(entry.options.get(CONF_DEDUP_WINDOW, DEFAULT_DEDUP_WINDOW_MINUTES))
    await hass.async_add_executor_job(
        setattr, entry.runtime_data.store, "dedup_window", 60 * minutes
    )
