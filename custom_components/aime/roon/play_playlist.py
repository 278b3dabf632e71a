"""The ``aime.play_playlist`` action: a saved playlist queued in a Roon zone, in order.

How tracks are matched and queued is in ``roon/queue.py``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Final

from homeassistant.components.media_player import MediaPlayerEnqueue
from homeassistant.core import (
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
)
from homeassistant.helpers import config_validation as cv
import voluptuous as vol

from ..action import Action
from ..core.playlists.models import Playlist
from ..exceptions import validation_error
from ..hub.lookup import require_hub_store
from ..validation import STORE_ID, exactly_one_of, text
from .media_player import find_player
from .queue import async_queue_playlist

if TYPE_CHECKING:
    from ..core.store.store import Store

SERVICE_PLAY_PLAYLIST: Final = "play_playlist"
ATTR_PLAYLIST_ID: Final = "playlist_id"
ATTR_PLAYLIST_NAME: Final = "playlist_name"
ATTR_MEDIA_PLAYER: Final = "media_player"
ATTR_ENQUEUE: Final = "enqueue"

PLAY_SCHEMA = vol.All(
    vol.Schema(
        {
            vol.Optional(ATTR_PLAYLIST_ID): STORE_ID,
            vol.Optional(ATTR_PLAYLIST_NAME): text(255),
            vol.Required(ATTR_MEDIA_PLAYER): cv.entity_id,
            vol.Optional(ATTR_ENQUEUE, default=MediaPlayerEnqueue.PLAY.value): vol.Coerce(
                MediaPlayerEnqueue
            ),
        }
    ),
    exactly_one_of(ATTR_PLAYLIST_ID, ATTR_PLAYLIST_NAME),
)


async def _async_play_playlist(call: ServiceCall) -> ServiceResponse:
    """Queue a saved playlist in an AIME Roon zone; answer what was matched and skipped."""
    hass = call.hass
    entity_id: str = call.data[ATTR_MEDIA_PLAYER]
    player = find_player(hass, entity_id)
    zone = player.zone
    if zone is None:
        raise validation_error("roon_player_unavailable", {"entity_id": entity_id})
    access = require_hub_store(hass)
    playlist_id: int | None = call.data.get(ATTR_PLAYLIST_ID)
    name: str | None = call.data.get(ATTR_PLAYLIST_NAME)

    def find(store: Store) -> Playlist | None:
        if playlist_id is not None:
            return store.playlists.get(playlist_id)
        assert name is not None  # The schema wants one of the two.
        return store.playlists.named(name)

    playlist = await access.async_run(find, access.store)
    if playlist is None:
        raise validation_error("unknown_playlist", {ATTR_PLAYLIST_ID: str(playlist_id or name)})
    enqueue: MediaPlayerEnqueue = call.data[ATTR_ENQUEUE]
    outcomes = await async_queue_playlist(
        hass, player.coordinator.connection, zone.zone_id, playlist, enqueue
    )
    matched = [outcome.as_dict() for outcome in outcomes if outcome.skipped is None]
    response: dict[str, Any] = {
        ATTR_PLAYLIST_ID: playlist.id,
        "name": playlist.name,
        ATTR_MEDIA_PLAYER: entity_id,
        ATTR_ENQUEUE: enqueue.value,
        "matched": matched,
        "skipped": [outcome.as_dict() for outcome in outcomes if outcome.skipped is not None],
    }
    return response


PLAY_PLAYLIST_ACTIONS: tuple[Action, ...] = (
    Action(SERVICE_PLAY_PLAYLIST, _async_play_playlist, PLAY_SCHEMA, SupportsResponse.OPTIONAL),
)
