"""Playing from Assist: a playlist generated with an algorithm, queued in a Roon zone.

Shared by the LLM tool and the built-in sentences: the playlist is generated and kept like
``aime.generate_playlist`` (readable translated name), then queued like ``aime.play_playlist``.
"""

from __future__ import annotations

from dataclasses import dataclass

from homeassistant.components.media_player import MediaPlayerEnqueue
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util

from ..core.playlists.models import Algorithm, Playlist, PlaylistRequest
from ..core.stats.models import Window
from ..exceptions import validation_error
from ..playlists.services import async_generate_playlist
from ..roon.queue import Outcome, async_queue_playlist
from .zones import find_zone, player_name


@dataclass(frozen=True, slots=True)
class Played:
    """A playlist queued in a zone, and how many of its tracks Roon had."""

    playlist: Playlist
    entity_id: str
    zone: str
    outcomes: list[Outcome]

    @property
    def queued(self) -> int:
        return sum(outcome.skipped is None for outcome in self.outcomes)


async def async_play_generated(
    hass: HomeAssistant,
    zone: str,
    algorithm: Algorithm,
    *,
    window: Window = Window.ALL,
    max_tracks: int = 25,
    prompt: str | None = None,
) -> Played:
    """Generate a playlist with ``algorithm`` and play it now in the zone ``zone`` names."""
    player = find_zone(hass, zone)
    roon_zone = player.zone
    if roon_zone is None:
        raise validation_error("roon_player_unavailable", {"entity_id": player.entity_id})
    if algorithm is Algorithm.AI_GENERATED and not (prompt or "").strip():
        raise validation_error("playlist_prompt_required")
    request = PlaylistRequest(
        algorithm, dt_util.now(), max_tracks=max_tracks, window=window, prompt=prompt
    )
    playlist = await async_generate_playlist(hass, request)
    outcomes = await async_queue_playlist(
        hass,
        player.coordinator.connection,
        roon_zone.zone_id,
        playlist,
        MediaPlayerEnqueue.PLAY,
    )
    return Played(playlist, player.entity_id, player_name(hass, player), outcomes)
