"""What a loaded hub entry holds: the store, its statistics and its enrichment services."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..const import CONF_DEDUP_WINDOW, DEFAULT_DEDUP_WINDOW_MINUTES

if TYPE_CHECKING:  # Only annotations: hub/lookup.py imports this module from everywhere.
    from .. import AimeConfigEntry
    from ..core.store.store import Store
    from ..enrichment.runtime import EnrichmentRuntime
    from ..stats.coordinator import StatsCoordinator


@dataclass(slots=True)
class HubRuntime:
    """The loaded hub: statistics sensors' figures, Discogs, Spotify, AI and the daily jobs."""

    store: Store
    stats: StatsCoordinator
    enrichment: EnrichmentRuntime

    async def async_apply_options(self, entry: AimeConfigEntry) -> None:
        """Services and jobs follow their options; the store its de-duplication window."""
        await self.enrichment.async_apply_options()
        minutes = int(entry.options.get(CONF_DEDUP_WINDOW, DEFAULT_DEDUP_WINDOW_MINUTES))
        await self.stats.hass.async_add_executor_job(
            setattr, self.store, "dedup_window", 60 * minutes
        )

    async def async_stop(self) -> None:
        """Wait for the statistics and enrichment store calls, so the store can be closed."""
        await self.stats.async_stop()
        await self.enrichment.async_stop()
