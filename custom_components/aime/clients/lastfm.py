"""Last.fm client: the only module that imports pylast.

Every method blocks (pylast uses synchronous HTTP): call them from the executor.
pylast's errors are translated here, once, into the exceptions below.
"""

from __future__ import annotations

from dataclasses import dataclass
import time
from typing import Any
from urllib.parse import urljoin
from xml.etree import ElementTree

import pylast

from ..core.models import PlayInput, Source

DEFAULT_API_ROOT = "https://ws.audioscrobbler.com/2.0/"
PAGE_SIZE = 200  # Last.fm's largest page for user.getRecentTracks
LOVED_PAGE_SIZE = 200
LOVED_PAGE_INTERVAL = 0.2  # Seconds between two pages of loved tracks.
# Seconds to connect, and for each other phase of a request (read, write, pool), as pylast does.
CONNECT_TIMEOUT = 5.0
REQUEST_TIMEOUT = 20.0

DEFAULT_AUTH_URL = "https://www.last.fm/api/auth/"

_AUTH_ERRORS = frozenset({4, 10, 26})
_USER_NOT_FOUND = 6
_SESSION_INVALID = 9
_TOKEN_ERRORS = frozenset({14, 15})
_RATE_LIMITED = 29
_TEMPORARY_ERRORS = frozenset({8, 11, 16, 500, 502, 503, 504})
# The HTTP library the installed pylast uses (httpx up to pylast 7.1, httpx2 from 7.2).
_httpx: Any = pylast.httpx  # type: ignore[attr-defined]


class LastfmError(Exception):
    """Any Last.fm failure."""


class LastfmAuthError(LastfmError):
    """The API key is invalid, revoked or suspended (errors 4, 10, 26): reauthenticate."""


class LastfmUserNotFoundError(LastfmError):
    """No such Last.fm user (error 6 on user.getInfo)."""


class LastfmRateLimitError(LastfmError):
    """Too many requests (error 29): back off."""


class LastfmSessionError(LastfmError):
    """The session key is invalid or was revoked (error 9): authorise AIME again."""


class LastfmTokenError(LastfmError):
    """A web authorisation token not approved yet (14) or expired (15)."""


class LastfmConnectionError(LastfmError):
    """Network failure, timeout, HTTP 5xx, temporary errors (8, 11, 16) or a malformed reply."""


class LastfmUnavailableError(LastfmConnectionError):
    """Last.fm answered with HTTP 5xx or a temporary error: the request was not carried out."""


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

    def to_play(self, listener: str | None = None) -> PlayInput:
        """The scrobble as a play for the store, heard by ``listener`` (``None``: household)."""
        return PlayInput(
            title=self.title,
            artist=self.artist,
            played_at=self.played_at,
            source=Source.LASTFM,
            album=self.album,
            listener=listener,
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
        session_key: str | None = None,
    ) -> None:
        """``api_root`` points at another server speaking the Last.fm 2.0 API (tests, demo);
        ``session_key`` (web authorisation) gives write access."""
        self.username = username
        self.api_root = api_root
        self.session_key = session_key
        # No request here: LastFMNetwork only calls Last.fm when given a password or a token.
        self._network = pylast.LastFMNetwork(
            api_key=api_key, api_secret=shared_secret or "", username=username
        )

    def __repr__(self) -> str:
        return f"LastfmClient(username={self.username!r}, api_root={self.api_root!r})"

    def get_user(self) -> LastfmUser:
        """user.getInfo for the account; validates the API key and the username."""
        user = _child(self._call("user.getInfo", {"user": self.username}), "user")
        registered = user.find("registered")
        return LastfmUser(
            name=user.findtext("name") or self.username,
            playcount=_to_int(user.findtext("playcount")) or 0,
            registered_at=_to_int(None if registered is None else registered.get("unixtime")),
            url=user.findtext("url") or None,
            image_url=_largest_image(user),
        )

    def recent_page(
        self,
        *,
        page: int = 1,
        limit: int = PAGE_SIZE,
        time_from: int | None = None,
        time_to: int | None = None,
    ) -> RecentPage:
        """One page of scrobbles, newest first; ``time_from``/``time_to`` are UTC epochs."""
        params = {"user": self.username, "limit": str(limit), "page": str(page)}
        if time_from is not None:
            params["from"] = str(time_from)
        if time_to is not None:
            params["to"] = str(time_to)
        tracks = _child(self._call("user.getRecentTracks", params), "recenttracks")
        scrobbles: list[Scrobble] = []
        now_playing: NowPlaying | None = None
        for track in tracks.iter("track"):
            artist, title = track.findtext("artist") or "", track.findtext("name") or ""
            if not artist or not title:
                continue
            album = track.findtext("album") or None
            if track.get("nowplaying") == "true":
                now_playing = NowPlaying(artist, title, album, _largest_image(track))
                continue
            date = track.find("date")
            if (played_at := _to_int(None if date is None else date.get("uts"))) is None:
                continue  # Without its time a scrobble cannot be stored; Last.fm rarely does this.
            scrobbles.append(Scrobble(artist, title, album, played_at, _largest_image(track)))
        return RecentPage(
            scrobbles=scrobbles,
            now_playing=now_playing,
            page=_to_int(tracks.get("page")) or page,
            total_pages=_total_pages(tracks),
            total=_to_int(tracks.get("total")) or 0,
        )

    def loved_tracks(self) -> list[LovedTrack]:
        """Every loved track of the account (all pages)."""
        loved: list[LovedTrack] = []
        page, total_pages = 1, 1
        while page <= total_pages:
            if page > 1:
                time.sleep(LOVED_PAGE_INTERVAL)  # Stay under Last.fm's 5 requests per second.
            params = {"user": self.username, "limit": str(LOVED_PAGE_SIZE), "page": str(page)}
            tracks = _child(self._call("user.getLovedTracks", params), "lovedtracks")
            for track in tracks.iter("track"):
                title = track.findtext("name") or ""
                artist = track.findtext("artist/name") or ""
                if artist and title:
                    date = track.find("date")
                    loved_at = _to_int(None if date is None else date.get("uts"))
                    loved.append(LovedTrack(artist, title, loved_at))
            total_pages = _total_pages(tracks)
            page += 1
        return loved

    @property
    def auth_url(self) -> str:
        """The page where the user approves AIME (Last.fm's, or the other server's)."""
        if self.api_root == DEFAULT_API_ROOT:
            return DEFAULT_AUTH_URL
        return urljoin(self.api_root, "/api/auth/")

    def signed_call(
        self, method: str, params: dict[str, str], *, session: bool = True
    ) -> ElementTree.Element:
        """A signed request (pylast's signature), with the session key when ``session``."""
        if session:
            if not self.session_key:
                raise LastfmSessionError(f"{method}: no session key")
            params = {**params, "sk": self.session_key}
        return self._call(method, params, signed=True)

    def _call(
        self, method: str, params: dict[str, str], *, signed: bool = False
    ) -> ElementTree.Element:
        """One request, no retry, every failure translated; return the <lfm> element.

        pylast's own paginated getters retry some errors three times with a one-second sleep
        each, and parse every reply twice with minidom: our callers pace, retry and back off
        themselves, and a page of 200 scrobbles parses ten times faster with ElementTree.
        """
        request = _Request(self._network, method, params)
        request.api_root = self.api_root
        if signed:
            request.sign_it()
        try:
            request.download()
        except pylast.WSError as err:
            raise _translate_ws_error(method, err) from err
        except (pylast.NetworkError, pylast.MalformedResponseError) as err:
            # pylast wraps every HTTP failure, timeouts included, in NetworkError.
            raise LastfmConnectionError(f"{method}: {err}") from err
        return request.root


class _Request(pylast._Request):
    """pylast's request (params, signing, errors), sent by us and checked with ElementTree.

    pylast's own sending changed between releases (how to reach another server, timeouts, the
    HTTP library): posting here works the same with every pylast from 5.1 (Home Assistant's
    ``lastfm`` integration) to 7. pylast's own check parses the reply with minidom and
    pretty-prints it for a debug line even when debug logging is off: most of a page's time.
    """

    api_root: str = DEFAULT_API_ROOT
    root: ElementTree.Element

    def download(self) -> None:
        if self.network.limit_rate:
            self.network._delay_call()
        timeout = _httpx.Timeout(REQUEST_TIMEOUT, connect=CONNECT_TIMEOUT)
        # One connection per call: calls from two executor threads stay independent.
        transport = _httpx.HTTPTransport(
            verify=pylast.SSL_CONTEXT, limits=_httpx.Limits(max_keepalive_connections=0)
        )
        with _httpx.Client(transport=transport, headers=pylast.HEADERS, timeout=timeout) as http:
            try:
                response = http.post(self.api_root, data=self.params)
            except Exception as err:
                raise pylast.NetworkError(self.network, err) from err
        if response.status_code in (500, 502, 503, 504):
            raise pylast.WSError(
                self.network, str(response.status_code), f"HTTP {response.status_code}"
            )
        self._check_response_for_errors(response.text)

    def _check_response_for_errors(self, response: str) -> None:
        try:
            root = _parse_xml(response)
        except ElementTree.ParseError as err:
            raise pylast.MalformedResponseError(self.network, err) from err
        if root.tag != "lfm":
            raise pylast.MalformedResponseError(self.network, f"unexpected <{root.tag}>")
        if root.get("status") != "ok":
            error = root.find("error")
            if error is None:
                raise pylast.MalformedResponseError(self.network, "failure without <error>")
            raise pylast.WSError(self.network, error.get("code", ""), (error.text or "").strip())
        self.root = root


def _parse_xml(text: str) -> ElementTree.Element:
    # As pylast does: search replies use an undeclared "opensearch:" prefix.
    text = text.replace("opensearch:", "")
    data = text.encode("utf-8")
    try:
        return ElementTree.fromstring(data)
    except ElementTree.ParseError:
        # As pylast does: drop characters XML forbids (Last.fm data sometimes has them).
        return ElementTree.fromstring(pylast._remove_invalid_xml_chars(text).encode("utf-8"))


def _translate_ws_error(method: str, err: Any) -> LastfmError:
    code = _to_int(str(err.status))
    message = f"{method}: error {err.status}: {err.details}"
    if code in _AUTH_ERRORS:
        return LastfmAuthError(message)
    if code == _USER_NOT_FOUND:
        return LastfmUserNotFoundError(message)
    if code == _SESSION_INVALID:
        return LastfmSessionError(message)
    if code in _TOKEN_ERRORS:
        return LastfmTokenError(message)
    if code == _RATE_LIMITED:
        return LastfmRateLimitError(message)
    if code in _TEMPORARY_ERRORS:
        return LastfmUnavailableError(message)
    return LastfmError(message)


def _child(root: ElementTree.Element, tag: str) -> ElementTree.Element:
    element = root.find(tag)
    if element is None:
        raise LastfmConnectionError(f"malformed reply: no <{tag}>")
    return element


def _total_pages(element: ElementTree.Element) -> int:
    # Last.fm spells it totalPages; some servers speaking its API write totalpages.
    return _to_int(element.get("totalPages") or element.get("totalpages")) or 0


def _largest_image(element: ElementTree.Element) -> str | None:
    # Last.fm lists an item's four sizes smallest first, often without URLs (a page's worth).
    listed = element.findall("image")
    urls = [image.text for image in listed]
    if not any(urls):
        return None
    if listed[-1].get("size") == "extralarge" and (url := urls[-1]):
        return url
    images = {image.get("size"): url for image, url in zip(listed, urls, strict=True) if url}
    for size in ("extralarge", "large", "medium", "small"):
        if url := images.get(size):
            return url
    return None


def _to_int(text: str | None) -> int | None:
    try:
        return int(text) if text else None
    except ValueError:
        return None
