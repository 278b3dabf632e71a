"""Plain data types of the playlist generator (see ``playlists.py``)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from typing import Any

from ..stats.models import Window

MIN_TRACKS = 5
MAX_TRACKS = 100
DEFAULT_TRACKS = 25
DEFAULT_REDISCOVERY_DAYS = 90
MAX_PROMPT_LENGTH = 1000


class Algorithm(StrEnum):
    """The seven ways of picking tracks from the listening history."""

    TOP_SESSIONS = "top_sessions"
    ARTIST_CORRELATIONS = "artist_correlations"
    ARTIST_FLOW = "artist_flow"
    TIME_BASED = "time_based"
    COMPLETE_ALBUMS = "complete_albums"
    REDISCOVERY = "rediscovery"
    AI_GENERATED = "ai_generated"


class DayType(StrEnum):
    """Which days ``time_based`` looks at."""

    ANY = "any"
    WEEKDAY = "weekday"  # Monday to Friday.
    WEEKEND = "weekend"


class Fallback(StrEnum):
    """Why ``ai_generated`` took the top of its candidate pool instead of the model's picks."""

    PICKER_FAILED = "picker_failed"  # The picker raised.
    NO_VALID_PICK = "no_valid_pick"  # It answered no id from the pool.


class PlaylistError(Exception):
    """No playlist can be made; ``reason`` doubles as a translation key."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason


EMPTY_HISTORY = "empty_history"  # No play at all in the window.
NO_MATCH = "no_match"  # Plays, but none the algorithm can use.


@dataclass(frozen=True, slots=True)
class PlaylistRequest:
    """What to generate. ``now`` (aware) anchors the window, the hour and "not played since".

    ``seed`` breaks ties at random, reproducibly; without it ties follow a fixed order.
    """

    algorithm: Algorithm
    now: datetime
    max_tracks: int = DEFAULT_TRACKS
    window: Window = Window.ALL
    seed: int | None = None
    prompt: str | None = None
    hour: int | None = None  # time_based: local hour; default the hour of ``now``.
    day_type: DayType = DayType.ANY  # time_based.
    rediscovery_days: int = DEFAULT_REDISCOVERY_DAYS

    def __post_init__(self) -> None:
        """Refuse what no algorithm can honour."""
        if self.now.tzinfo is None or self.now.utcoffset() is None:
            raise ValueError("now must be an aware datetime")
        if not MIN_TRACKS <= self.max_tracks <= MAX_TRACKS:
            raise ValueError(f"max_tracks must be within {MIN_TRACKS}-{MAX_TRACKS}")
        if self.hour is not None and not 0 <= self.hour <= 23:
            raise ValueError("hour must be within 0-23")
        if self.rediscovery_days < 1:
            raise ValueError("rediscovery_days must be positive")
        if self.algorithm is Algorithm.AI_GENERATED and not (self.prompt or "").strip():
            raise ValueError("ai_generated needs a prompt")
        if self.prompt is not None and len(self.prompt) > MAX_PROMPT_LENGTH:
            raise ValueError(f"the prompt is longer than {MAX_PROMPT_LENGTH} characters")

    def parameters(self) -> dict[str, Any]:
        """What generated the playlist, as stored with it (JSON-able)."""
        values: dict[str, Any] = {"max_tracks": self.max_tracks, "window": self.window.value}
        if self.seed is not None:
            values["seed"] = self.seed
        if self.algorithm is Algorithm.TIME_BASED:
            values["day_type"] = self.day_type.value
            if self.hour is not None:
                values["hour"] = self.hour
        if self.algorithm is Algorithm.REDISCOVERY:
            values["rediscovery_days"] = self.rediscovery_days
        if self.prompt:
            values["prompt"] = self.prompt
        return values


@dataclass(frozen=True, slots=True)
class PlaylistTrack:
    """One track of a playlist; ``duration`` in seconds, ``None`` when unknown.

    ``album_id`` and ``artist_id`` (the track's primary artist) let the panel link them.
    """

    track_id: int
    title: str
    artist: str
    album: str
    duration: int | None
    album_id: int | None = None
    artist_id: int | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-able form."""
        return {
            "track_id": self.track_id,
            "title": self.title,
            "artist": self.artist,
            "album": self.album,
            "duration": self.duration,
            "album_id": self.album_id,
            "artist_id": self.artist_id,
        }


@dataclass(frozen=True, slots=True)
class Playlist:
    """An ordered list of distinct tracks; ``id`` and ``created_at`` once saved.

    ``parameters`` records how it was made, including ``fallback`` when ``ai_generated`` fell
    back to the top of its pool.
    """

    name: str
    algorithm: str
    tracks: tuple[PlaylistTrack, ...]
    parameters: dict[str, Any] = field(default_factory=dict)
    id: int | None = None
    created_at: int | None = None  # UTC epoch seconds.

    @property
    def total_duration(self) -> int:
        """Seconds, adding the tracks whose duration is known."""
        return sum(track.duration or 0 for track in self.tracks)

    @property
    def unknown_durations(self) -> int:
        """Tracks whose duration is unknown (left out of ``total_duration``)."""
        return sum(track.duration is None for track in self.tracks)

    @property
    def unique_artists(self) -> int:
        """Distinct artist names."""
        return len({track.artist for track in self.tracks})

    @property
    def unique_albums(self) -> int:
        """Distinct (artist, album) pairs."""
        return len({(track.artist, track.album) for track in self.tracks})

    def as_dict(self) -> dict[str, Any]:
        """JSON-able form, with positions from 1."""
        return {
            "id": self.id,
            "name": self.name,
            "algorithm": self.algorithm,
            "created_at": self.created_at,
            "parameters": self.parameters,
            "track_count": len(self.tracks),
            "total_duration": self.total_duration,
            "unknown_durations": self.unknown_durations,
            "unique_artists": self.unique_artists,
            "unique_albums": self.unique_albums,
            "tracks": [
                {"position": position, **track.as_dict()}
                for position, track in enumerate(self.tracks, 1)
            ],
        }


@dataclass(frozen=True, slots=True)
class PlaylistSummary:
    """A saved playlist in a list: no tracks."""

    id: int
    name: str
    algorithm: str
    created_at: int
    track_count: int
    total_duration: int

    def as_dict(self) -> dict[str, Any]:
        """JSON-able form."""
        return {
            "id": self.id,
            "name": self.name,
            "algorithm": self.algorithm,
            "created_at": self.created_at,
            "track_count": self.track_count,
            "total_duration": self.total_duration,
        }


@dataclass(frozen=True, slots=True)
class Candidate:
    """A track offered to the ``ai_generated`` picker, with why it was offered."""

    track: PlaylistTrack
    plays: int
    relevance: int  # 0: offered for its plays alone.


# (prompt, candidates) -> the ids the model picked, best first. May raise.
type Picker = Callable[[str, Sequence[Candidate]], Sequence[int | str]]
