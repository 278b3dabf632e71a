"""A fake Last.fm: the 2.0 web-service protocol, served over HTTP on 127.0.0.1.

The real ``pylast`` client talks to it unchanged (the AIME client mounts a transport that
sends its requests to ``fake.api_root``). It answers what AIME uses, as Last.fm does:

- requests are a POST form (or a GET query string) on ``/2.0/``; ``username`` may come in the
  query string (``auth.getMobileSession``);
- replies are ``<lfm status="ok">...</lfm>`` XML, errors
  ``<lfm status="failed"><error code="N">message</error></lfm>`` with HTTP 400, 403 or 429;
- ``user.getInfo``, ``user.getRecentTracks`` (pages newest first; the now-playing track comes
  first on page 1 with ``nowplaying="true"`` and no date, on top of the page's ``limit``
  scrobbles), ``user.getLovedTracks``, ``auth.getMobileSession``; the write side (web
  authorisation, scrobbles, now playing, loves) is in ``lastfm_write.py``;
- every call checks the API key: unknown or revoked -> error 10, suspended -> 26; an unknown
  user -> 6.

Range semantics chosen for ``from``/``to`` on user.getRecentTracks: both bounds are inclusive
(``from <= uts <= to``), like ``Store.count_plays``, so a range's ``total`` here equals the
store's count for the same range. ``total`` never counts the now-playing track.

Failure injection: ``fail_next(code)`` answers the next requests with a Last.fm error code,
``http_error_next(500)`` with a bare HTTP error, ``malformed_next()`` with HTML; ``delay``
holds every reply back for that long, ``hold()`` until ``release()``.
Scrobbles are kept per user in a sorted list, so a page of a range is two bisections and a
slice even with 100,000 scrobbles (the benchmark serves that many).
"""

from __future__ import annotations

import asyncio
from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Iterable, Iterator, Mapping
import contextlib
from dataclasses import dataclass, field
import hashlib
import secrets
import threading
import time
from typing import Protocol
from xml.sax.saxutils import escape, quoteattr

from aiohttp import web

from .lastfm_write import WRITE_METHODS, LastfmWriteError, LastfmWrites
from .loopback import LoopbackServer

DEFAULT_API_KEY = "test-api-key"
DEFAULT_SHARED_SECRET = "test-shared-secret"
DEFAULT_REGISTERED = 1_262_304_000  # 2010-01-01T00:00:00Z
DEFAULT_LIMIT = 50
MAX_LIMIT = 200  # Last.fm's largest page for user.getRecentTracks.
LOVED_MAX_LIMIT = 1000

ERROR_MESSAGES = {
    2: "Invalid service - This service does not exist",
    3: "Invalid Method - No method with that name in this package",
    4: "Authentication Failed - You do not have permissions to access the service",
    6: "User not found",
    8: "Operation failed - Most likely the backend service failed. Please try again.",
    9: "Invalid session key - Please re-authenticate",
    10: "Invalid API key - You must be granted a valid key by last.fm",
    11: "Service Offline - This service is temporarily offline. Try again later.",
    13: "Invalid method signature supplied",
    14: "Unauthorized Token - This token has not been authorized",
    15: "Token Expired - This token has expired",
    16: "There was a temporary error processing your request. Please try again",
    26: "Suspended API key - Access for your account has been suspended, please contact Last.fm",
    29: "Rate limit exceeded - Your IP has made too many requests in a short period",
}
# HTTP status sent with an error body. pylast reads the body of anything but 500/502/503/504,
# so temporary errors (8, 11, 16) go out as 400 too, where the client can see their code.
_FORBIDDEN_CODES = frozenset({4, 9, 10, 13, 14, 15, 26})
_SIGNED_METHODS = WRITE_METHODS | {"auth.getMobileSession"}
_UNSIGNED_PARAMS = frozenset({"api_sig", "format", "callback"})
_IMAGE_SIZES = ("small", "medium", "large", "extralarge")


class ScrobbleLike(Protocol):
    """Anything with a scrobble's fields (a ``FakeScrobble``, the store's ``PlayInput``...)."""

    @property
    def artist(self) -> str: ...
    @property
    def title(self) -> str: ...
    @property
    def album(self) -> str | None: ...
    @property
    def played_at(self) -> int: ...


@dataclass(frozen=True, slots=True)
class FakeScrobble:
    """One scrobble held by the fake."""

    artist: str
    title: str
    album: str | None
    played_at: int
    image_url: str | None = None


@dataclass(frozen=True, slots=True)
class FakeNowPlaying:
    """The track a user is scrobbling right now."""

    artist: str
    title: str
    album: str | None = None
    image_url: str | None = None


@dataclass(slots=True)
class FakeLove:
    """A loved track."""

    artist: str
    title: str
    loved_at: int


@dataclass(slots=True)
class FakeUser:
    """A Last.fm account: its scrobbles sorted by time, oldest first."""

    name: str
    registered: int
    password: str | None = None
    real_name: str = ""
    image_url: str | None = None
    times: list[int] = field(default_factory=list)
    scrobbles: list[FakeScrobble] = field(default_factory=list)
    now_playing: FakeNowPlaying | None = None
    loved: dict[tuple[str, str], FakeLove] = field(default_factory=dict)
    # The XML of each scrobble, rendered once (the benchmark serves 100,000 of them).
    _rendered: dict[int, str] = field(default_factory=dict)

    @property
    def playcount(self) -> int:
        return len(self.times)

    def add(self, scrobble: FakeScrobble) -> None:
        index = bisect_right(self.times, scrobble.played_at)
        self.times.insert(index, scrobble.played_at)
        self.scrobbles.insert(index, scrobble)

    def add_many(self, scrobbles: Iterable[FakeScrobble]) -> None:
        added = list(scrobbles)
        # Rendered now, not while serving: the benchmark times its client, not the fake.
        self._rendered.update((id(item), _scrobble_xml(item)) for item in added)
        merged = sorted([*self.scrobbles, *added], key=lambda item: item.played_at)
        self.scrobbles = merged
        self.times = [item.played_at for item in merged]

    def in_range(self, time_from: int | None, time_to: int | None) -> tuple[int, int]:
        """Indexes ``[lo, hi)`` of the scrobbles with ``time_from <= played_at <= time_to``."""
        lo = 0 if time_from is None else bisect_left(self.times, time_from)
        hi = len(self.times) if time_to is None else bisect_right(self.times, time_to)
        return lo, max(lo, hi)

    def render(self, scrobble: FakeScrobble) -> str:
        key = id(scrobble)
        if (xml := self._rendered.get(key)) is None:
            xml = self._rendered[key] = _scrobble_xml(scrobble)
        return xml


class FakeLastfm(LastfmWrites, LoopbackServer):
    """A Last.fm web service on 127.0.0.1; start it on the running loop."""

    service = "Last.fm"

    def __init__(self) -> None:
        super().__init__()
        self.api_keys: set[str] = {DEFAULT_API_KEY}
        self.suspended_keys: set[str] = set()
        # Shared secrets by API key: signed calls are checked against them.
        self.shared_secrets: dict[str, str] = {DEFAULT_API_KEY: DEFAULT_SHARED_SECRET}
        self.users: dict[str, FakeUser] = {}
        self.sessions: dict[str, str] = {}  # session key -> user key
        self.requests: list[dict[str, str]] = []
        self.delay: float = 0.0
        self.max_limit = MAX_LIMIT
        self._failures: deque[tuple[str, int]] = deque()
        self.init_writes()

    # --- server --------------------------------------------------------------------------

    @property
    def auth_url(self) -> str:
        """The web authorisation page, as ``https://www.last.fm/api/auth/`` is."""
        return f"{self.root_url}/api/auth/"

    @property
    def api_root(self) -> str:
        """The URL to give the client, e.g. ``http://127.0.0.1:PORT/2.0/``."""
        return f"{self.root_url}/2.0/"

    def build_app(self) -> web.Application:
        app = web.Application()
        app.router.add_route("*", "/2.0/", self._handle)
        app.router.add_route("*", "/2.0", self._handle)
        app.router.add_get("/api/auth/", self.web_auth_page)
        return app

    @contextlib.contextmanager
    def running_in_thread(self, port: int = 0) -> Iterator[FakeLastfm]:
        """Serve from a thread with its own event loop (on ``port``; by default a free one)."""
        loop = asyncio.new_event_loop()
        ready = threading.Event()

        def serve() -> None:
            asyncio.set_event_loop(loop)
            loop.run_until_complete(self.start(port))
            ready.set()
            loop.run_forever()
            loop.run_until_complete(self.stop())
            loop.close()

        thread = threading.Thread(target=serve, name="fake-lastfm", daemon=True)
        thread.start()
        ready.wait(10)
        try:
            yield self
        finally:
            loop.call_soon_threadsafe(loop.stop)
            thread.join(10)

    # --- state ---------------------------------------------------------------------------

    def add_user(
        self,
        name: str,
        *,
        registered: int = DEFAULT_REGISTERED,
        password: str | None = None,
        real_name: str = "",
        image_url: str | None = None,
    ) -> FakeUser:
        """Create an account (user names are case-insensitive, as on Last.fm)."""
        user = FakeUser(name, registered, password, real_name, image_url)
        self.users[name.casefold()] = user
        return user

    def user(self, name: str) -> FakeUser:
        return self.users[name.casefold()]

    def scrobble(
        self,
        user: str,
        artist: str,
        title: str,
        album: str | None = None,
        *,
        played_at: int | None = None,
        image_url: str | None = None,
    ) -> FakeScrobble:
        """Add one scrobble (now, unless ``played_at`` says when the track started)."""
        when = int(time.time()) if played_at is None else played_at
        scrobble = FakeScrobble(artist, title, album, when, image_url)
        self.user(user).add(scrobble)
        return scrobble

    def scrobble_many(self, user: str, scrobbles: Iterable[ScrobbleLike]) -> int:
        """Add many scrobbles at once; return how many."""
        items = [
            item
            if isinstance(item, FakeScrobble)
            else FakeScrobble(item.artist, item.title, item.album, item.played_at)
            for item in scrobbles
        ]
        self.user(user).add_many(items)
        return len(items)

    def set_now_playing(
        self,
        user: str,
        artist: str,
        title: str,
        album: str | None = None,
        *,
        image_url: str | None = None,
    ) -> None:
        self.user(user).now_playing = FakeNowPlaying(artist, title, album, image_url)

    def clear_now_playing(self, user: str) -> None:
        self.user(user).now_playing = None

    def love(self, user: str, artist: str, title: str, *, loved_at: int | None = None) -> None:
        when = int(time.time()) if loved_at is None else loved_at
        self.user(user).loved[_song_key(artist, title)] = FakeLove(artist, title, when)

    def unlove(self, user: str, artist: str, title: str) -> None:
        self.user(user).loved.pop(_song_key(artist, title), None)

    def revoke_key(self, api_key: str) -> None:
        """Forget an API key: calls with it fail with error 10."""
        self.api_keys.discard(api_key)

    def suspend_key(self, api_key: str) -> None:
        """Suspend an API key: calls with it fail with error 26."""
        self.suspended_keys.add(api_key)

    def fail_next(self, code: int, times: int = 1) -> None:
        """Answer the next ``times`` requests with Last.fm error ``code``."""
        self._failures.extend([("code", code)] * times)

    def http_error_next(self, status: int = 500, times: int = 1) -> None:
        """Answer the next ``times`` requests with a bare HTTP error."""
        self._failures.extend([("http", status)] * times)

    def malformed_next(self, times: int = 1) -> None:
        """Answer the next ``times`` requests with HTTP 200 and a body that is not XML."""
        self._failures.extend([("malformed", 200)] * times)

    def requests_for(self, method: str) -> list[dict[str, str]]:
        return [params for params in self.requests if params.get("method") == method]

    # --- protocol ------------------------------------------------------------------------

    async def _handle(self, request: web.Request) -> web.Response:
        params = dict(request.query)
        if request.method == "POST":
            params.update({key: str(value) for key, value in (await request.post()).items()})
        self.requests.append(params)
        await self.wait_while_held()
        if self.delay:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), self.delay)
        if self._failures:
            kind, value = self._failures.popleft()
            if kind == "http":
                return web.Response(status=value, text=f"HTTP {value}")
            if kind == "malformed":
                return web.Response(text="<html><body>Bad gateway", content_type="text/html")
            return _error(value)
        try:
            body = self._answer(params)
        except (_LastfmError, LastfmWriteError) as err:
            return _error(err.code, err.message)
        return web.Response(
            text=f'<?xml version="1.0" encoding="UTF-8"?>\n<lfm status="ok">\n{body}</lfm>\n',
            content_type="text/xml",
            charset="utf-8",
        )

    def _answer(self, params: Mapping[str, str]) -> str:
        api_key = params.get("api_key", "")
        if api_key in self.suspended_keys:
            raise _LastfmError(26)
        if api_key not in self.api_keys:
            raise _LastfmError(10)
        method = params.get("method", "")
        if method in _SIGNED_METHODS:
            self._check_signature(api_key, params)
        handlers = {
            "user.getinfo": self._user_info,
            "user.getrecenttracks": self._recent_tracks,
            "user.getlovedtracks": self._loved_tracks,
            "auth.getmobilesession": self._mobile_session,
            **self.write_handlers(),
        }
        handler = handlers.get(method.lower())
        if handler is None:
            raise _LastfmError(3)
        return handler(params)

    def _check_signature(self, api_key: str, params: Mapping[str, str]) -> None:
        secret = self.shared_secrets.get(api_key)
        signed = "".join(
            f"{name}{params[name]}" for name in sorted(params) if name not in _UNSIGNED_PARAMS
        )
        if secret is None or params.get("api_sig") != _md5(signed + secret):
            raise _LastfmError(13)

    def _named_user(self, params: Mapping[str, str]) -> FakeUser:
        name = params.get("user")
        if not name and (session := params.get("sk")):
            name = self.sessions.get(session)
        user = self.users.get((name or "").casefold())
        if user is None:
            raise _LastfmError(6)
        return user

    def _user_info(self, params: Mapping[str, str]) -> str:
        user = self._named_user(params)
        registered = time.strftime("%Y-%m-%d %H:%M", time.gmtime(user.registered))
        return (
            "<user>"
            f"<name>{escape(user.name)}</name><realname>{escape(user.real_name)}</realname>"
            f"{_images(user.image_url)}"
            f"<url>https://www.last.fm/user/{escape(user.name)}</url>"
            "<country>None</country><age>0</age><gender>n</gender><subscriber>0</subscriber>"
            f"<playcount>{user.playcount}</playcount>"
            "<artist_count>0</artist_count><track_count>0</track_count>"
            "<album_count>0</album_count><playlists>0</playlists><bootstrap>0</bootstrap>"
            f'<registered unixtime="{user.registered}">{registered}</registered>'
            "<type>user</type>"
            "</user>\n"
        )

    def _recent_tracks(self, params: Mapping[str, str]) -> str:
        user = self._named_user(params)
        limit = min(_int_param(params, "limit", DEFAULT_LIMIT), self.max_limit)
        page = _int_param(params, "page", 1)
        if limit < 1 or page < 1:
            raise _LastfmError(6, "Invalid parameters - limit and page must be positive")
        lo, hi = user.in_range(_time_param(params, "from"), _time_param(params, "to"))
        total = hi - lo
        total_pages = -(-total // limit)
        first = max(lo, hi - page * limit)
        last = max(lo, hi - (page - 1) * limit)
        parts = [
            f'<recenttracks user={quoteattr(user.name)} page="{page}" perPage="{limit}" '
            f'totalPages="{total_pages}" total="{total}">\n'
        ]
        if page == 1 and user.now_playing is not None:
            parts.append(_now_playing_xml(user.now_playing))
        parts.extend(user.render(item) for item in reversed(user.scrobbles[first:last]))
        parts.append("</recenttracks>\n")
        return "".join(parts)

    def _loved_tracks(self, params: Mapping[str, str]) -> str:
        user = self._named_user(params)
        limit = min(_int_param(params, "limit", DEFAULT_LIMIT), LOVED_MAX_LIMIT)
        page = _int_param(params, "page", 1)
        if limit < 1 or page < 1:
            raise _LastfmError(6, "Invalid parameters - limit and page must be positive")
        loves = sorted(user.loved.values(), key=lambda love: love.loved_at, reverse=True)
        total_pages = -(-len(loves) // limit)
        parts = [
            f'<lovedtracks user={quoteattr(user.name)} page="{page}" perPage="{limit}" '
            f'totalPages="{total_pages}" total="{len(loves)}">\n'
        ]
        for love in loves[(page - 1) * limit : page * limit]:
            parts.append(
                "<track>"
                f"<name>{escape(love.title)}</name><mbid></mbid><url></url>"
                f'<date uts="{love.loved_at}">{_date_text(love.loved_at)}</date>'
                f"<artist><name>{escape(love.artist)}</name><mbid></mbid><url></url></artist>"
                f'{_images(None)}<streamable fulltrack="0">0</streamable>'
                "</track>\n"
            )
        parts.append("</lovedtracks>\n")
        return "".join(parts)

    def _mobile_session(self, params: Mapping[str, str]) -> str:
        user = self.users.get(params.get("username", "").casefold())
        if user is None or user.password is None:
            raise _LastfmError(4)
        password_hash = _md5(user.password)
        # pylast sends the legacy authToken; the current API takes the password itself.
        token_ok = params.get("authToken") == _md5(user.name + password_hash)
        token_ok = token_ok or params.get("authToken") == _md5(
            params.get("username", "") + password_hash
        )
        if not (token_ok or params.get("password") == user.password):
            raise _LastfmError(4)
        session_key = secrets.token_hex(16)
        self.sessions[session_key] = user.name.casefold()
        return (
            f"<session><name>{escape(user.name)}</name><key>{session_key}</key>"
            "<subscriber>0</subscriber></session>\n"
        )


class _LastfmError(Exception):
    def __init__(self, code: int, message: str | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.message = message or ERROR_MESSAGES.get(code, "Error")


def _error(code: int, message: str | None = None) -> web.Response:
    text = message or ERROR_MESSAGES.get(code, "Error")
    if code == 29:
        status = 429
    elif code in _FORBIDDEN_CODES:
        status = 403
    else:
        status = 400
    return web.Response(
        status=status,
        text=(
            '<?xml version="1.0" encoding="UTF-8"?>\n<lfm status="failed">\n'
            f'<error code="{code}">{escape(text)}</error>\n</lfm>\n'
        ),
        content_type="text/xml",
        charset="utf-8",
    )


def _int_param(params: Mapping[str, str], name: str, default: int) -> int:
    try:
        return int(params.get(name) or default)
    except ValueError as err:
        raise _LastfmError(6, f"Invalid parameters - {name} must be a number") from err


def _time_param(params: Mapping[str, str], name: str) -> int | None:
    value = params.get(name)
    return None if not value else _int_param(params, name, 0)


def _md5(text: str) -> str:
    return hashlib.md5(text.encode("utf-8")).hexdigest()  # The protocol uses MD5.


def _song_key(artist: str, title: str) -> tuple[str, str]:
    return artist.casefold(), title.casefold()


def _date_text(epoch: int) -> str:
    return time.strftime("%d %b %Y, %H:%M", time.gmtime(epoch))


def _images(url: str | None) -> str:
    text = escape(url or "")
    return "".join(f'<image size="{size}">{text}</image>' for size in _IMAGE_SIZES)


def _music_url(artist: str, title: str) -> str:
    return escape(f"https://www.last.fm/music/{artist.replace(' ', '+')}/_/{title}")


def _track_body(artist: str, title: str, album: str | None, image_url: str | None) -> str:
    return (
        f'<artist mbid="">{escape(artist)}</artist><name>{escape(title)}</name>'
        f'<streamable>0</streamable><mbid></mbid><album mbid="">{escape(album or "")}</album>'
        f"<url>{_music_url(artist, title)}</url>{_images(image_url)}"
    )


def _scrobble_xml(item: FakeScrobble) -> str:
    body = _track_body(item.artist, item.title, item.album, item.image_url)
    date = f'<date uts="{item.played_at}">{_date_text(item.played_at)}</date>'
    return f"<track>{body}{date}</track>\n"


def _now_playing_xml(item: FakeNowPlaying) -> str:
    body = _track_body(item.artist, item.title, item.album, item.image_url)
    return f'<track nowplaying="true">{body}</track>\n'
