"""A fake Spotify: the accounts token endpoint and the Web API parts AIME reads, on 127.0.0.1.

The real ``spotipy`` talks to it unchanged (the AIME client sets ``prefix`` and the token URL):

- ``POST /api/token`` with ``grant_type=client_credentials`` and HTTP Basic client
  credentials -> ``{"access_token", "token_type": "Bearer", "expires_in"}``; unknown client ->
  400 ``{"error": "invalid_client", "error_description": "Invalid client"}``;
- ``GET /v1/search?q&type=album|artist&limit&offset`` -> paging objects with absolute URLs;
  ``GET /v1/albums/{id}`` and ``GET /v1/artists/{id}`` (unknown -> 404); trailing slashes OK;
- a missing, unknown or expired bearer -> 401 ``{"error": {"status": 401, "message": ...}}``;
- ``rate_limit_next(retry_after)`` answers the next API calls with 429 and ``Retry-After``.

Search is simpler than Spotify's: ``album:`` and ``artist:`` filters and free words all must
appear, ignoring case, among the album's and its artists' words (``artist:`` alone for
artists). Results keep insertion order, like a relevance order.
"""

from __future__ import annotations

import base64
from collections import deque
from dataclasses import dataclass, field
import re
import secrets
import time
from typing import Any
import unicodedata

from aiohttp import web

from .loopback import LoopbackServer

DEFAULT_CLIENT_ID = "test-client-id"
DEFAULT_CLIENT_SECRET = "test-client-secret"
TOKEN_LIFETIME = 3600

_FILTER = re.compile(r"\b(album|artist|track|year|genre):")


@dataclass(slots=True)
class FakeArtist:
    spotify_id: str
    name: str
    images: list[dict[str, Any]] = field(default_factory=list)


@dataclass(slots=True)
class FakeAlbum:
    spotify_id: str
    name: str
    artist_ids: list[str]
    release_date: str
    album_type: str = "album"
    images: list[dict[str, Any]] = field(default_factory=list)


class FakeSpotify(LoopbackServer):
    """Spotify's token endpoint and Web API on 127.0.0.1; start it on the running loop."""

    service = "Spotify"

    def __init__(self) -> None:
        super().__init__()
        self.clients = {DEFAULT_CLIENT_ID: DEFAULT_CLIENT_SECRET}
        self.token_lifetime = TOKEN_LIFETIME
        self.tokens: dict[str, float] = {}  # access token -> expiry (time.time())
        self.artists: dict[str, FakeArtist] = {}
        self.albums: dict[str, FakeAlbum] = {}
        self.requests: list[str] = []
        self.token_requests = 0
        self._rate_limited: deque[str] = deque()
        self._errors: deque[int] = deque()

    # --- server --------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        return self.root_url

    @property
    def api_root(self) -> str:
        """What to give the client as the Web API prefix."""
        return f"{self.base_url}/v1/"

    @property
    def token_url(self) -> str:
        return f"{self.base_url}/api/token"

    def build_app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/api/token", self._token)
        app.router.add_get("/v1/{path:.*}", self._api)
        return app

    # --- state ---------------------------------------------------------------------------

    def add_artist(self, name: str, *, images: list[dict[str, Any]] | None = None) -> FakeArtist:
        artist = FakeArtist(f"ar{len(self.artists):020d}", name, images or [])
        self.artists[artist.spotify_id] = artist
        return artist

    def add_album(
        self,
        name: str,
        artists: list[str],
        *,
        release_date: str = "1970-01-01",
        album_type: str = "album",
        images: list[dict[str, Any]] | None = None,
    ) -> FakeAlbum:
        """An album; its artists are found by name or created."""
        by_name = {artist.name: artist for artist in self.artists.values()}
        ids = [(by_name.get(name) or self.add_artist(name)).spotify_id for name in artists]
        album = FakeAlbum(f"al{len(self.albums):020d}", name, ids, release_date, album_type)
        album.images = images or []
        self.albums[album.spotify_id] = album
        return album

    def expire_tokens(self) -> None:
        """Every token issued so far is refused from now on (before its announced expiry)."""
        self.tokens.clear()

    def rate_limit_next(self, retry_after: int | None, times: int = 1) -> None:
        """Answer the next API calls with 429 (``Retry-After`` when not None)."""
        self._rate_limited.extend(["" if retry_after is None else str(retry_after)] * times)

    def error_next(self, status: int, times: int = 1) -> None:
        self._errors.extend([status] * times)

    def malformed_next(self) -> None:
        """Answer the next API call with an HTML page instead of JSON."""
        self._errors.append(0)

    # --- protocol ------------------------------------------------------------------------

    async def _token(self, request: web.Request) -> web.Response:
        self.token_requests += 1
        form = await request.post()
        client_id, _, secret = _basic(request.headers.get("Authorization", ""))
        if form.get("grant_type") != "client_credentials":
            return web.json_response({"error": "unsupported_grant_type"}, status=400)
        if self.clients.get(client_id) != secret or not secret:
            return web.json_response(
                {"error": "invalid_client", "error_description": "Invalid client"}, status=400
            )
        token = secrets.token_hex(8)
        self.tokens[token] = time.time() + self.token_lifetime
        return web.json_response(
            {"access_token": token, "token_type": "Bearer", "expires_in": self.token_lifetime}
        )

    async def _api(self, request: web.Request) -> web.Response:
        path = request.match_info["path"].rstrip("/")
        self.requests.append(f"{path}?{request.query_string}" if request.query_string else path)
        if self._rate_limited:
            retry_after = self._rate_limited.popleft()
            headers = {"Retry-After": retry_after} if retry_after else {}
            return _error(429, "API rate limit exceeded", headers)
        if self._errors:
            status = self._errors.popleft()
            if not status:
                return web.Response(text="<html>Oops</html>", content_type="text/html")
            return _error(status, "Server error")
        token = request.headers.get("Authorization", "").removeprefix("Bearer ")
        if self.tokens.get(token, 0) < time.time():
            return _error(401, "The access token expired")
        parts = path.split("/")
        match parts:
            case ["search"]:
                return web.json_response(self._search(request))
            case ["albums", album_id] if album_id in self.albums:
                return web.json_response(self._album(self.albums[album_id]))
            case ["artists", artist_id] if artist_id in self.artists:
                return web.json_response(self._artist(self.artists[artist_id]))
        return _error(404, "Non existing id")

    def _search(self, request: web.Request) -> dict[str, Any]:
        query = request.query.get("q", "")
        limit = min(int(request.query.get("limit", "10")), 50)
        offset = int(request.query.get("offset", "0"))
        words = _words(_FILTER.sub(" ", query))
        result: dict[str, Any] = {}
        for kind in request.query.get("type", "").split(","):
            if kind == "album":
                items = [
                    self._album(album)
                    for album in self.albums.values()
                    if words <= _words(album.name, *self._names(album))
                ]
            elif kind == "artist":
                items = [
                    self._artist(artist)
                    for artist in self.artists.values()
                    if words <= _words(artist.name)
                ]
            else:
                continue
            href = f"{self.api_root}search?q={query}&type={kind}"
            page = items[offset : offset + limit]
            more = offset + limit < len(items)
            result[f"{kind}s"] = {
                "href": f"{href}&offset={offset}&limit={limit}",
                "items": page,
                "limit": limit,
                "offset": offset,
                "total": len(items),
                "next": f"{href}&offset={offset + limit}&limit={limit}" if more else None,
                "previous": None,
            }
        return result

    def _names(self, album: FakeAlbum) -> list[str]:
        return [self.artists[artist_id].name for artist_id in album.artist_ids]

    def _artist(self, artist: FakeArtist) -> dict[str, Any]:
        return {
            "external_urls": {"spotify": f"https://open.spotify.com/artist/{artist.spotify_id}"},
            "href": f"{self.api_root}artists/{artist.spotify_id}",
            "id": artist.spotify_id,
            "images": artist.images,
            "name": artist.name,
            "type": "artist",
            "uri": f"spotify:artist:{artist.spotify_id}",
            "genres": [],
            "popularity": 50,
        }

    def _album(self, album: FakeAlbum) -> dict[str, Any]:
        artists = [self._artist(self.artists[artist_id]) for artist_id in album.artist_ids]
        return {
            "album_type": album.album_type,
            "total_tracks": 5,
            "available_markets": ["CH", "FR"],
            "external_urls": {"spotify": f"https://open.spotify.com/album/{album.spotify_id}"},
            "href": f"{self.api_root}albums/{album.spotify_id}",
            "id": album.spotify_id,
            "images": album.images,
            "name": album.name,
            "release_date": album.release_date,
            "release_date_precision": "day" if len(album.release_date) == 10 else "year",
            "type": "album",
            "uri": f"spotify:album:{album.spotify_id}",
            "artists": [
                {key: artist[key] for key in ("external_urls", "href", "id", "name", "type", "uri")}
                for artist in artists
            ],
        }


def _basic(header: str) -> tuple[str, str, str]:
    try:
        decoded = base64.b64decode(header.removeprefix("Basic ")).decode()
    except ValueError:
        return "", "", ""
    return decoded.partition(":")


def _words(*texts: str) -> set[str]:
    """Words without case or accents, as Spotify's search ignores them."""
    folded = unicodedata.normalize("NFKD", " ".join(texts).casefold())
    return set(re.findall(r"\w+", "".join(c for c in folded if not unicodedata.combining(c))))


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> web.Response:
    return web.json_response(
        {"error": {"status": status, "message": message}}, status=status, headers=headers
    )
