"""The fake Last.fm's write side: web authorisation, scrobbles, now playing, loves.

Mixed into ``FakeLastfm`` (``lastfm.py`` serves the reads). As Last.fm does:

- ``auth.getToken`` (signed) hands out a token; the user approves it on the web page
  ``/api/auth/?api_key=...&token=...`` (served here: the page approves it for ``web_user``, the
  user "logged in" to the fake's site) or a test calls ``approve``; ``auth.getSession``
  (signed) then trades it for a session key, once: before approval it answers error 14
  (unauthorised token), for an unknown or used token 15 (expired);
- ``track.scrobble`` takes at most 50 scrobbles per call (more: error 6); a scrobble older
  than 14 days is answered ``ignored`` with code 3 and not kept; every call names its
  session key (``sk``): an unknown one is error 9;
- ``track.updateNowPlaying``, ``track.love`` and ``track.unlove`` are signed session calls.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
import secrets
import time
from typing import TYPE_CHECKING
from xml.sax.saxutils import escape

from aiohttp import web

if TYPE_CHECKING:
    from .lastfm import FakeUser

MAX_BATCH = 50
MAX_AGE = 14 * 86_400
IGNORED_TOO_OLD = 3  # Last.fm's ignoredMessage code: "Timestamp too old"
WRITE_METHODS = frozenset(
    {
        "track.scrobble",
        "track.updateNowPlaying",
        "track.love",
        "track.unlove",
        "auth.getToken",
        "auth.getSession",
    }
)


class LastfmWriteError(Exception):
    """An error answer (raised by the handlers, rendered by the fake)."""

    def __init__(self, code: int, message: str | None = None) -> None:
        super().__init__(code)
        self.code = code
        self.message = message


class LastfmWrites:
    """Tokens and the write handlers; ``FakeLastfm`` provides the users and sessions."""

    users: dict[str, FakeUser]
    sessions: dict[str, str]
    clock: Callable[[], float] = time.time

    def init_writes(self) -> None:
        self.tokens: dict[str, str | None] = {}  # token -> the user who approved it
        self.web_user: str | None = None  # who is logged in to the fake's web site

    def approve(self, token: str, user: str) -> None:
        """The user approves AIME on the fake's web site."""
        self.tokens[token] = user.casefold()

    def session_key_for(self, user: str) -> str:
        """A session key for ``user`` without the web steps (tests)."""
        key = secrets.token_hex(16)
        self.sessions[key] = user.casefold()
        return key

    def write_handlers(self) -> dict[str, Callable[[Mapping[str, str]], str]]:
        return {
            "auth.gettoken": self._get_token,
            "auth.getsession": self._get_session,
            "track.scrobble": self._track_scrobble,
            "track.updatenowplaying": self._update_now_playing,
            "track.love": self._love,
            "track.unlove": self._unlove,
        }

    async def web_auth_page(self, request: web.Request) -> web.Response:
        """Last.fm's "allow access" page, answered yes by the logged-in ``web_user``."""
        token = request.query.get("token", "")
        if token not in self.tokens or self.web_user is None:
            return web.Response(status=400, text="Invalid token or nobody logged in")
        self.approve(token, self.web_user)
        return web.Response(text="<html><body>Application authenticated</body></html>",
                            content_type="text/html")  # fmt: skip

    # --- handlers -------------------------------------------------------------------------

    def _session_user(self, params: Mapping[str, str]) -> FakeUser:
        name = self.sessions.get(params.get("sk", ""))
        if name is None:
            raise LastfmWriteError(9)
        return self.users[name]

    def _get_token(self, params: Mapping[str, str]) -> str:
        token = secrets.token_hex(16)
        self.tokens[token] = None
        return f"<token>{token}</token>\n"

    def _get_session(self, params: Mapping[str, str]) -> str:
        token = params.get("token", "")
        if token not in self.tokens:
            raise LastfmWriteError(15)
        name = self.tokens[token]
        if name is None:
            raise LastfmWriteError(14)
        del self.tokens[token]
        key = self.session_key_for(name)
        user = self.users[name]
        return (f"<session><name>{escape(user.name)}</name><key>{key}</key>"
                "<subscriber>0</subscriber></session>\n")  # fmt: skip

    def _track_scrobble(self, params: Mapping[str, str]) -> str:
        from .lastfm import FakeScrobble

        user = self._session_user(params)
        suffixes = [f"[{i}]" for i in range(MAX_BATCH + 1) if f"artist[{i}]" in params]
        if not suffixes and "artist" in params:
            suffixes = [""]  # A single scrobble may use the bare names.
        if not suffixes:
            raise LastfmWriteError(6, "Invalid parameters - no scrobble given")
        if len(suffixes) > MAX_BATCH:
            raise LastfmWriteError(6, "Invalid parameters - at most 50 scrobbles per call")
        now, answers, accepted = int(self.clock()), [], 0
        for suffix in suffixes:
            try:
                item = FakeScrobble(params[f"artist{suffix}"], params[f"track{suffix}"],
                                    params.get(f"album{suffix}") or None,
                                    int(params[f"timestamp{suffix}"]))  # fmt: skip
            except (KeyError, ValueError) as err:
                raise LastfmWriteError(6, f"Invalid parameters - {err}") from err
            ignored = IGNORED_TOO_OLD if now - item.played_at > MAX_AGE else 0
            if not ignored:
                user.add(item)
                accepted += 1
            answers.append(
                "<scrobble>"
                f'<track corrected="0">{escape(item.title)}</track>'
                f'<artist corrected="0">{escape(item.artist)}</artist>'
                f'<album corrected="0">{escape(item.album or "")}</album>'
                '<albumArtist corrected="0"></albumArtist>'
                f"<timestamp>{item.played_at}</timestamp>"
                f'<ignoredMessage code="{ignored}">'
                f"{'Timestamp too old' if ignored else ''}</ignoredMessage>"
                "</scrobble>"
            )
        ignored_count = len(suffixes) - accepted
        return (f'<scrobbles ignored="{ignored_count}" accepted="{accepted}">'
                f"{''.join(answers)}</scrobbles>\n")  # fmt: skip

    def _update_now_playing(self, params: Mapping[str, str]) -> str:
        from .lastfm import FakeNowPlaying

        user = self._session_user(params)
        try:
            playing = FakeNowPlaying(params["artist"], params["track"], params.get("album"))
        except KeyError as err:
            raise LastfmWriteError(6, f"Invalid parameters - missing {err}") from err
        user.now_playing = playing
        return (
            "<nowplaying>"
            f'<track corrected="0">{escape(playing.title)}</track>'
            f'<artist corrected="0">{escape(playing.artist)}</artist>'
            f'<album corrected="0">{escape(playing.album or "")}</album>'
            '<albumArtist corrected="0"></albumArtist><ignoredMessage code="0"></ignoredMessage>'
            "</nowplaying>\n"
        )

    def _love(self, params: Mapping[str, str]) -> str:
        from .lastfm import FakeLove, _song_key

        user = self._session_user(params)
        artist, title = _artist_title(params)
        user.loved[_song_key(artist, title)] = FakeLove(artist, title, int(self.clock()))
        return ""

    def _unlove(self, params: Mapping[str, str]) -> str:
        from .lastfm import _song_key

        user = self._session_user(params)
        user.loved.pop(_song_key(*_artist_title(params)), None)
        return ""


def _artist_title(params: Mapping[str, str]) -> tuple[str, str]:
    try:
        return params["artist"], params["track"]
    except KeyError as err:
        raise LastfmWriteError(6, f"Invalid parameters - missing {err}") from err
