"""What a Home Assistant media player's state says to the play tracker.

Integrations report music in one shape (``media_title``, ``media_artist``, ``media_duration``,
``media_position`` and ``media_position_updated_at``) but at their own cadence: Sonos, Cast,
Apple TV and Music Assistant on play, pause, seek and track changes, Spotify at each poll
(30 s, or 1 s past the track's end), Squeezebox at each 5-second poll, the demo player never.
So the position is extrapolated: the reported one plus the time since it was reported, while
playing.

Only music is a track: ``media_content_type`` "music" (or "playlist": what Squeezebox reports
for each song of a queue of several) with a title and an artist. A radio station (a
``media_channel`` and no length: Sonos, Squeezebox), podcasts, TV, videos, ads and anything
without an artist are no track at all, so they are never a play. A track without a length
(a stream whose title changes) is counted by the 4-minute rule, from its first observation.
Idle, off and standby players play nothing, whatever their attributes still show.
``media_position_updated_at`` is a datetime in Home Assistant's state machine; a state rebuilt
from JSON (a remote or restored state) carries it as an ISO string, read the same way.
"""

from __future__ import annotations

from datetime import datetime
from typing import Final

from homeassistant.const import STATE_UNAVAILABLE, STATE_UNKNOWN
from homeassistant.core import State
from homeassistant.util import dt as dt_util

from ..core.play_tracker import PLAYING, STOPPED, TrackInfo, ZoneObservation

MUSIC: Final = "music"  # MediaType.MUSIC
# MediaType.PLAYLIST: what Squeezebox reports for every track of a queue of several.
MUSIC_TYPES: Final = frozenset({MUSIC, "playlist"})
# Home Assistant's player states as the tracker knows them; the rest (idle, off, on,
# standby) is "stopped". Unavailable and unknown are no observation at all: the player is
# out of reach, and its next state says how far the track went.
_STATES: Final = {"playing": PLAYING, "paused": "paused", "buffering": "loading"}
LOST_STATES: Final = frozenset({STATE_UNAVAILABLE, STATE_UNKNOWN})


def player_name(state: State) -> str:
    """The player's name as the user sees it (the zone of its plays)."""
    return str(state.attributes.get("friendly_name") or state.entity_id)


def track_of(state: State) -> TrackInfo | None:
    """The music track the player plays, or ``None`` for anything else."""
    attributes = state.attributes
    if attributes.get("media_content_type") not in MUSIC_TYPES:
        return None
    title = _text(attributes.get("media_title"))
    artist = _text(attributes.get("media_artist"))
    if not title or not artist:
        return None
    duration = attributes.get("media_duration")
    length = round(duration) if isinstance(duration, int | float) and duration > 0 else None
    # A channel without a length is a station (Sonos, Squeezebox radio); some players name
    # the service playing a track as its channel too (Bang & Olufsen): it has its length.
    if length is None and attributes.get("media_channel"):
        return None
    return TrackInfo(title, artist, _text(attributes.get("media_album_name")), length)


def position_of(state: State, wall: float) -> float | None:
    """The position now: the reported one, moved on by the time since while playing."""
    attributes = state.attributes
    position = attributes.get("media_position")
    if not isinstance(position, int | float):
        return None
    updated = _moment(attributes.get("media_position_updated_at"))
    if state.state == "playing" and updated is not None:
        position += max(wall - updated.timestamp(), 0.0)
    return max(float(position), 0.0)


def observation(zone_id: str, state: State, monotonic: float, wall: float) -> ZoneObservation:
    """The tracker's view of ``state`` at this instant (the player must be reachable)."""
    tracker_state = _STATES.get(state.state, STOPPED)
    # Idle, off, standby: nothing plays any more, whatever the attributes still show.
    track = track_of(state) if tracker_state != STOPPED else None
    # Without a length the position is the stream's, not the track's: it says nothing.
    position = position_of(state, wall) if track is not None and track.length else None
    return ZoneObservation(
        zone_id,
        player_name(state),
        tracker_state if track is not None else STOPPED,
        track,
        position,
        monotonic,
        wall,
    )


def _moment(value: object) -> datetime | None:
    """A position's time: a datetime, or its ISO string; naive ones are taken as UTC."""
    moment = dt_util.parse_datetime(value) if isinstance(value, str) else value
    if not isinstance(moment, datetime):
        return None
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=dt_util.UTC)


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
