"""Starting an entry: the hub's kernel and its features in order, or a source account.

This module sits above every feature: it is the only one that knows them all. A piece that
fails to start stops what was started before it (each registers its cleanup with the hub as
soon as it exists), so a failed or retried set-up leaves nothing running.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING

from homeassistant.core import HomeAssistant

from .ai.services import async_register_haiku_job
from .assist.setup import async_setup_assist
from .const import KIND_HUB, KIND_LASTFM, KIND_LISTENBRAINZ, KIND_ROON
from .enrichment.runtime import async_setup_enrichment
from .hub.runtime import HubRuntime
from .hub.store_access import StoreAccess
from .lastfm.runtime import LastfmRuntime, async_setup_lastfm
from .listenbrainz.runtime import ListenbrainzRuntime, async_setup_listenbrainz
from .panel.covers import async_setup_covers
from .panel.registration import async_register_frontend
from .players.recorder import async_setup_players
from .recap.services import async_schedule_recaps
from .roon.coordinator import RoonRuntime, async_setup_roon
from .scrobble_endpoint.setup import async_setup_scrobble_endpoint
from .stats.coordinator import async_setup_statistics
from .stats.long_term_statistics import async_setup_long_term_statistics

if TYPE_CHECKING:
    from . import AimeConfigEntry

# What a loaded entry holds: one runtime class per entry kind.
type AimeRuntime = HubRuntime | LastfmRuntime | RoonRuntime | ListenbrainzRuntime


async def async_setup_hub(
    hass: HomeAssistant, entry: AimeConfigEntry, access: StoreAccess
) -> HubRuntime:
    """The kernel, then statistics, enrichment, the players, the scrobbling endpoint, AI
    texts, recaps, Assist and the panel."""
    hub = HubRuntime(hass, entry, access)
    try:
        await async_setup_statistics(hass, hub)
        await async_setup_long_term_statistics(hass, hub)
        await async_setup_enrichment(hass, hub)
        await async_setup_players(hass, hub)
        await async_setup_scrobble_endpoint(hass, hub)
        hub.async_on_stop(async_register_haiku_job(hass, hub.jobs))
        hub.async_on_stop(async_schedule_recaps(hass, entry))
        await hub.async_start_jobs()
        # The LLM API, intents and sentences: withdrawn when the hub stops.
        hub.async_on_stop(await async_setup_assist(hass))
        # The sidebar panel and the dashboard cards: shown while the hub is loaded.
        hub.async_on_stop(await async_register_frontend(hass))
        # The panel's covers (the view stays: Home Assistant cannot remove one).
        async_setup_covers(hass)
    except BaseException:
        await hub.async_stop()
        raise
    return hub


ENTRY_SETUP: dict[
    str, Callable[[HomeAssistant, AimeConfigEntry, StoreAccess], Awaitable[AimeRuntime]]
] = {
    KIND_HUB: async_setup_hub,
    KIND_LASTFM: async_setup_lastfm,
    KIND_ROON: async_setup_roon,
    KIND_LISTENBRAINZ: async_setup_listenbrainz,
}
