"""What is playing right now, across sources: each player publishes, the hub sensor shows.

Roon zones and Last.fm accounts publish what they play under a key of their own; the hub's
now-playing sensor shows the most recently started of them.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.util.hass_dict import HassKey

from ..core.models import Source

# Sent (without arguments) whenever what plays somewhere changed.
SIGNAL_NOW_PLAYING = "aime_now_playing"

_PLAYERS: HassKey[dict[str, NowPlaying]] = HassKey("aime_now_playing")
_NEVER = datetime.min.replace(tzinfo=UTC)


@dataclass(frozen=True, slots=True)
class NowPlaying:
    """A track a player is playing now."""

    source: Source
    player: str  # The Roon zone's display name, or the Last.fm username.
    track: str
    artist: str
    album: str | None
    # A URL any browser can load: public (Last.fm) or Home Assistant's own (Roon, whose Core
    # serves images on its LAN only): never the Core's address.
    artwork_url: str | None
    started_at: datetime | None


@callback
def async_publish_now_playing(hass: HomeAssistant, key: str, playing: NowPlaying | None) -> None:
    """Publish what one player plays; ``None`` when it stopped, paused or went away.

    ``key`` is stable per player: ``f"roon:{zone_id}"``, ``f"lastfm:{entry_id}"``.
    """
    players = hass.data.setdefault(_PLAYERS, {})
    if players.get(key) == playing:
        return
    # Re-inserted last: among players with the same start, the latest news wins.
    players.pop(key, None)
    if playing is not None:
        players[key] = playing
    async_dispatcher_send(hass, SIGNAL_NOW_PLAYING)


@callback
def async_current_now_playing(hass: HomeAssistant) -> NowPlaying | None:
    """The most recently started of what plays now, if anything does."""
    players = list(hass.data.get(_PLAYERS, {}).values())
    if not players:
        return None
    order = range(len(players))
    latest = max(order, key=lambda index: (players[index].started_at or _NEVER, index))
    return players[latest]
