"""``aime.set_loved``: love or unlove a track in AIME; the Last.fm accounts follow (outbox).

The track is marked at once; the love is queued for every Last.fm account with write access
that opted in to scrobbling, and their senders are woken (``core/outbox/loves.py``).
"""

from __future__ import annotations

from functools import partial
import time

from homeassistant.core import ServiceCall, ServiceResponse, SupportsResponse
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.dispatcher import async_dispatcher_send
import voluptuous as vol

from ..action import Action
from ..exceptions import validation_error
from ..hub.lookup import require_hub_store
from ..hub.signals import SIGNAL_LOVES_QUEUED
from ..validation import STORE_ID, text

SERVICE_SET_LOVED = "set_loved"
ATTR_TRACK_ID = "track_id"
ATTR_ARTIST = "artist"
ATTR_TITLE = "title"
ATTR_LOVED = "loved"

SET_LOVED_SCHEMA = vol.Schema(
    {
        vol.Optional(ATTR_TRACK_ID): STORE_ID,
        vol.Inclusive(ATTR_ARTIST, "song"): text(),
        vol.Inclusive(ATTR_TITLE, "song"): text(),
        vol.Required(ATTR_LOVED): cv.boolean,
    }
)


async def _async_set_loved(call: ServiceCall) -> ServiceResponse:
    """Mark the track (by id, or artist and title) loved or not, and queue it for Last.fm."""
    track_id: int | None = call.data.get(ATTR_TRACK_ID)
    artist: str | None = call.data.get(ATTR_ARTIST)
    title: str | None = call.data.get(ATTR_TITLE)
    if (track_id is None) == (artist is None):
        raise validation_error("love_track_or_song")
    access = require_hub_store(call.hass)
    song = None if artist is None or title is None else (artist, title)
    love = partial(access.store.loves.love, call.data[ATTR_LOVED], int(time.time()),
                   track_id=track_id, song=song)  # fmt: skip
    change = await access.async_run(love)
    if change is None:
        shown = f"#{track_id}" if track_id is not None else f"{artist} - {title}"
        raise validation_error("track_not_found", {"track": shown})
    if change.queued:
        async_dispatcher_send(call.hass, SIGNAL_LOVES_QUEUED)
    return {
        "artist": change.artist,
        "title": change.title,
        "loved": change.loved,
        "tracks": change.tracks,
        "queued": change.queued,
    }


# Loved tracks are the household's, and the love goes to its Last.fm accounts: admins only.
LOVE_ACTIONS: tuple[Action, ...] = (
    Action(
        SERVICE_SET_LOVED,
        _async_set_loved,
        SET_LOVED_SCHEMA,
        SupportsResponse.OPTIONAL,
        admin_only=True,
    ),
)
