"""Starting the hub entry: statistics first, then the enrichment services and their jobs."""

from __future__ import annotations

from typing import TYPE_CHECKING

from homeassistant.core import HomeAssistant

from .assist.setup import async_setup_assist
from .core.store.store import Store
from .enrichment.runtime import EnrichmentRuntime
from .hub.runtime import HubRuntime
from .panel.covers import async_setup_covers
from .panel.registration import async_register_frontend
from .stats.coordinator import async_setup_statistics
from .stats.long_term_statistics import async_setup_long_term_statistics

if TYPE_CHECKING:
    from . import AimeConfigEntry


async def async_setup_hub(hass: HomeAssistant, entry: AimeConfigEntry, store: Store) -> HubRuntime:
    """Compute the statistics, then start the enrichment services and their jobs."""
    stats = await async_setup_statistics(hass, entry, store)
    # Shares the sensors' store access: stopping the statistics waits for its reads too.
    await async_setup_long_term_statistics(hass, entry, stats.store)
    enrichment = EnrichmentRuntime(hass, entry, store)
    try:
        await enrichment.async_start()
    except Exception:
        await stats.async_stop()
        raise
    # The LLM API, intents and sentences: withdrawn when the entry unloads.
    entry.async_on_unload(await async_setup_assist(hass))
    # The sidebar panel and the dashboard cards: shown while the hub is loaded.
    entry.async_on_unload(await async_register_frontend(hass))
    # The panel's covers (the view stays: Home Assistant cannot remove one).
    async_setup_covers(hass)
    return HubRuntime(store=store, stats=stats, enrichment=enrichment)
