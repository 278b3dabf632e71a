"""Spotify client: the only module that imports spotipy.

Every method blocks (spotipy uses synchronous ``requests``): call them from the executor.
Client-credentials tokens are cached in memory and renewed before they expire (spotipy),
and once more when Spotify refuses one early (401). A 429 is retried after its
``Retry-After`` when that is at most ``MAX_RETRY_AFTER`` seconds, otherwise raised with it.

Matching never trusts a title alone (the original AIME's fallback attached other artists'
albums): a candidate must be by the artist asked for, and its title must match with a
confidence of at least ``MIN_CONFIDENCE``. Names are compared through ``core.normalize``,
so accents, "&"/"and" and edition annotations ("Remastered 2009") do not matter.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from difflib import SequenceMatcher
import logging
import time
from typing import Any

import requests  # type: ignore[import-untyped]
import spotipy
from spotipy.oauth2 import SpotifyClientCredentials, SpotifyOauthError
from urllib3.util.retry import Retry  # type: ignore[import-untyped]

from ..core.normalize import album_key, artist_key, primary_artist

DEFAULT_API_ROOT = "https://api.spotify.com/v1/"
DEFAULT_TOKEN_URL = "https://accounts.spotify.com/api/token"
REQUEST_TIMEOUT = 15.0
MIN_CONFIDENCE = 0.85
MIN_ARTIST_SIMILARITY = 0.95  # "Queen" is not "Queens" (0.91).
MAX_RETRY_AFTER = 30.0  # Longer waits are the caller's to schedule, not a blocked thread's.
RATE_LIMIT_RETRIES = 2
SEARCH_LIMIT = 10


class _NoCredentials(logging.Filter):
    """spotipy logs request headers at debug level: bearer tokens and client secrets."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "Authorization" not in str(record.msg)


for _name in ("spotipy.client", "spotipy.oauth2"):
    logging.getLogger(_name).addFilter(_NoCredentials())


class SpotifyError(Exception):
    """Any Spotify failure."""


class SpotifyAuthError(SpotifyError):
    """The client id or secret is wrong or revoked: reconfigure."""


class SpotifyRateLimitError(SpotifyError):
    """Rate-limited; ``retry_after`` is Spotify's wait in seconds, when it said."""

    def __init__(self, message: str, retry_after: float | None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class SpotifyConnectionError(SpotifyError):
    """Network failure, timeout, HTTP 5xx or a malformed reply."""


@dataclass(frozen=True, slots=True)
class AlbumMatch:
    """A Spotify album judged to be the one asked for."""

    spotify_id: str
    name: str
    artists: tuple[str, ...]
    url: str | None
    image_url: str | None
    release_year: int | None
    confidence: float


@dataclass(frozen=True, slots=True)
class ArtistMatch:
    """A Spotify artist judged to be the one asked for."""

    spotify_id: str
    name: str
    url: str | None
    image_url: str | None
    confidence: float


class SpotifyClient:
    """Spotify's catalogue through spotipy, with client credentials (no user account)."""

    def __init__(
        self,
        client_id: str,
        client_secret: str,
        *,
        api_root: str = DEFAULT_API_ROOT,
        token_url: str = DEFAULT_TOKEN_URL,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        """``api_root``/``token_url`` point at another server (tests, demo). No request here."""
        self.api_root = api_root
        self._sleep = sleep
        session = _session()
        self._auth = SpotifyClientCredentials(
            client_id,
            client_secret,
            requests_session=session,
            requests_timeout=REQUEST_TIMEOUT,
            cache_handler=spotipy.MemoryCacheHandler(),  # Never a .cache file.
        )
        self._auth.OAUTH_TOKEN_URL = token_url
        self._spotify = spotipy.Spotify(
            auth_manager=self._auth, requests_session=session, requests_timeout=REQUEST_TIMEOUT
        )
        self._spotify.prefix = api_root

    def __repr__(self) -> str:
        return f"SpotifyClient(api_root={self.api_root!r})"

    def validate(self) -> None:
        """Get a fresh token: checks the client id and secret."""
        self._call(lambda: self._auth.get_access_token(as_dict=False, check_cache=False))

    def find_album(self, artist: str, title: str) -> AlbumMatch | None:
        """The album ``title`` by ``artist``, or ``None`` when no candidate is confident."""
        if not artist.strip() or not title.strip():
            return None
        artist, title = artist.replace('"', " "), title.replace('"', " ")
        for query in (f"album:{title} artist:{primary_artist(artist)}", f"{artist} {title}"):
            found = self._search(query, "album")
            scored = [(album_confidence(artist, title, item), item) for item in found]
            best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
            if best[1] is not None and best[0] >= MIN_CONFIDENCE:
                return _album(best[1], best[0])
        return None

    def find_artist(self, name: str) -> ArtistMatch | None:
        """The artist ``name``, or ``None`` when no candidate is confident."""
        if not name.strip():
            return None
        found = self._search(f"artist:{name.replace('"', ' ')}", "artist")
        scored = [(_similarity(artist_key(name), artist_key(item["name"])), item) for item in found]
        best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
        if best[1] is None or best[0] < MIN_CONFIDENCE:
            return None
        item = best[1]
        return ArtistMatch(
            spotify_id=str(item["id"]),
            name=str(item["name"]),
            url=_spotify_url(item),
            image_url=_largest_image(item),
            confidence=round(best[0], 3),
        )

    def _search(self, query: str, kind: str) -> list[dict[str, Any]]:
        reply = self._call(lambda: self._spotify.search(query, limit=SEARCH_LIMIT, type=kind))
        try:
            return [item for item in reply[f"{kind}s"]["items"] if item]
        except (KeyError, TypeError) as err:
            raise SpotifyConnectionError(f"malformed search reply: {err!r}") from err

    def _call[T](self, request: Callable[[], T]) -> T:
        """Run a spotipy call: renew a refused token once, wait out short rate limits."""
        renewed, waits = False, 0
        while True:
            try:
                return request()
            except SpotifyOauthError as err:
                raise SpotifyAuthError(f"token refused: {err.error}") from err
            except spotipy.SpotifyException as err:
                status = err.http_status
                if status == 401 and not renewed:
                    renewed = True
                    self._auth.cache_handler.save_token_to_cache(None)  # Forget it.
                    continue
                if status == 429:
                    retry_after = _retry_after(err.headers)
                    if waits < RATE_LIMIT_RETRIES and (retry_after or 0) <= MAX_RETRY_AFTER:
                        waits += 1
                        self._sleep(retry_after or 1.0)
                        continue
                    raise SpotifyRateLimitError(f"rate-limited: {err.msg}", retry_after) from err
                if status == 401:
                    raise SpotifyAuthError(f"token refused: {err.msg}") from err
                if status >= 500:
                    raise SpotifyConnectionError(f"HTTP {status}: {err.msg}") from err
                raise SpotifyError(f"HTTP {status}: {err.msg}") from err
            except OSError as err:  # requests' errors are OSErrors.
                raise SpotifyConnectionError(f"{type(err).__name__}: {err}") from err


def album_confidence(artist: str, title: str, candidate: dict[str, Any]) -> float:
    """How sure we are that ``candidate`` is ``title`` by ``artist`` (0 for another artist)."""
    names = [str(credit.get("name", "")) for credit in candidate.get("artists") or []]
    names.append(" & ".join(names))  # Spotify lists a duo's artists apart; a credit joins them.
    wanted = {artist_key(artist), artist_key(primary_artist(artist))}
    artist_score = max(
        (_similarity(key, artist_key(name)) for key in wanted for name in names), default=0.0
    )
    if artist_score < MIN_ARTIST_SIMILARITY:
        return 0.0
    title_score = _similarity(album_key(title), album_key(str(candidate.get("name", ""))))
    return round(artist_score * title_score, 3)


def _similarity(first: str, second: str) -> float:
    if first.removeprefix("the ") == second.removeprefix("the "):
        return 1.0
    return SequenceMatcher(None, first, second).ratio()


def _album(item: dict[str, Any], confidence: float) -> AlbumMatch:
    year = str(item.get("release_date") or "")[:4]
    return AlbumMatch(
        spotify_id=str(item["id"]),
        name=str(item["name"]),
        artists=tuple(str(artist.get("name", "")) for artist in item.get("artists") or []),
        url=_spotify_url(item),
        image_url=_largest_image(item),
        release_year=int(year) if year.isdigit() else None,
        confidence=confidence,
    )


def _spotify_url(item: dict[str, Any]) -> str | None:
    url = (item.get("external_urls") or {}).get("spotify")
    return str(url) if url else None


def _largest_image(item: dict[str, Any]) -> str | None:
    images = [image for image in item.get("images") or [] if image.get("url")]
    if not images:
        return None
    return str(max(images, key=lambda image: image.get("width") or 0)["url"])


def _retry_after(headers: Any) -> float | None:
    try:
        return float(headers["Retry-After"])
    except (KeyError, TypeError, ValueError):
        return None


def _session() -> requests.Session:
    """A session retrying connection errors and 5xx briefly, never sleeping on Retry-After.

    429s reach ``_call`` untouched (spotipy's default would sleep any Retry-After).
    """
    retry = Retry(
        total=2,
        connect=2,
        read=False,
        status=2,
        backoff_factor=0.3,
        status_forcelist=(500, 502, 503, 504),
        allowed_methods=frozenset({"GET", "POST"}),
        respect_retry_after_header=False,
        raise_on_status=False,
    )
    session = requests.Session()
    adapter = requests.adapters.HTTPAdapter(max_retries=retry)
    session.mount("http://", adapter)
    session.mount("https://", adapter)
    return session
