"""Last.fm client: the only module that imports pylast.

Every method blocks (pylast uses synchronous HTTP): call them from the executor.
pylast's errors are translated here, once, into the exceptions below.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..core.models import PlayInput, Source

DEFAULT_API_ROOT = "https://ws.audioscrobbler.com/2.0/"
PAGE_SIZE = 200  # Last.fm's largest page for user.getRecentTracks


class LastfmError(Exception):
    """Any Last.fm failure."""


class LastfmAuthError(LastfmError):
    """The API key is invalid, revoked or suspended (errors 4, 10, 26): reauthenticate."""


class LastfmUserNotFoundError(LastfmError):
    """No such Last.fm user (error 6 on user.getInfo)."""


class LastfmRateLimitError(LastfmError):
    """Too many requests (error 29): back off."""


class LastfmConnectionError(LastfmError):
    """Network failure, timeout, HTTP 5xx, temporary errors (8, 11, 16) or a malformed reply."""


@dataclass(frozen=True, slots=True)
class LastfmUser:
    """The account, from user.getInfo."""

    name: str
    playcount: int
    registered_at: int | None
    url: str | None
    image_url: str | None


@dataclass(frozen=True, slots=True)
class Scrobble:
    """One completed scrobble, with its own timestamp (the time the track started)."""

    artist: str
    title: str
    album: str | None
    played_at: int
    image_url: str | None = None

    def to_play(self) -> PlayInput:
        """The scrobble as a play for the store."""
        return PlayInput(
            title=self.title,
            artist=self.artist,
            played_at=self.played_at,
            source=Source.LASTFM,
            album=self.album,
        )


@dataclass(frozen=True, slots=True)
class NowPlaying:
    """The track Last.fm shows as being scrobbled right now (never stored as a play)."""

    artist: str
    title: str
    album: str | None
    image_url: str | None


@dataclass(frozen=True, slots=True)
class RecentPage:
    """One page of user.getRecentTracks; ``total`` counts scrobbles in the requested range."""

    scrobbles: list[Scrobble]
    now_playing: NowPlaying | None
    page: int
    total_pages: int
    total: int


@dataclass(frozen=True, slots=True)
class LovedTrack:
    """A loved track (user.getLovedTracks)."""

    artist: str
    title: str
    loved_at: int | None


class LastfmClient:
    """A Last.fm account, read through pylast."""

    def __init__(
        self,
        api_key: str,
        username: str,
        *,
        shared_secret: str | None = None,
        api_root: str = DEFAULT_API_ROOT,
    ) -> None:
        """``api_root`` points at another server speaking the Last.fm 2.0 API (tests, demo)."""
        raise NotImplementedError

    def get_user(self) -> LastfmUser:
        """user.getInfo for the account; validates the API key and the username."""
        raise NotImplementedError

    def recent_page(
        self,
        *,
        page: int = 1,
        limit: int = PAGE_SIZE,
        time_from: int | None = None,
        time_to: int | None = None,
    ) -> RecentPage:
        """One page of scrobbles, newest first; ``time_from``/``time_to`` are UTC epochs."""
        raise NotImplementedError

    def loved_tracks(self) -> list[LovedTrack]:
        """Every loved track of the account (all pages)."""
        raise NotImplementedError
