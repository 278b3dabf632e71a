"""The one funnel every source records plays through.

Live sources (Last.fm polls, Roon zones) announce what they record: one
``aime_play_recorded`` event per new play, for automations. Bulk history imports record
quietly (``announce=False``): no event flood, and the statistics a bulk import leaves stale
are settled by the importer when it ends. Either way the statistics sensors are told
that plays were added; they refresh at most once per burst.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import partial
from typing import TYPE_CHECKING, Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.util import dt as dt_util

from ..core.models import IngestResult, PlayInput

if TYPE_CHECKING:
    from .store_access import StoreAccess

EVENT_PLAY_RECORDED = "aime_play_recorded"
# Sent (without arguments) whenever plays were added: the statistics refresh on it.
SIGNAL_PLAYS_RECORDED = "aime_plays_recorded"


async def async_record_plays(
    hass: HomeAssistant, store: StoreAccess, plays: Sequence[PlayInput], *, announce: bool = True
) -> IngestResult:
    """Ingest plays off the loop; when announce, fire an event per added play; tell sensors."""
    result = await store.async_run(partial(store.store.ingest, list(plays), bulk=not announce))
    if announce:
        for play in result.added_plays:
            hass.bus.async_fire(EVENT_PLAY_RECORDED, play_event_data(play))
    if result.added:
        async_dispatcher_send(hass, SIGNAL_PLAYS_RECORDED)
    return result


def play_event_data(play: PlayInput) -> dict[str, Any]:
    """The ``aime_play_recorded`` event's data for one play."""
    return {
        "track": play.title,
        "artist": play.artist,
        "album": play.album,
        "source": play.source.value,
        "zone": play.device,
        "person": play.listener,  # A person's entity id; None: the household.
        "played_at": dt_util.utc_from_timestamp(play.played_at).isoformat(),
    }
