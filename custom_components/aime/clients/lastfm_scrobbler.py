"""Last.fm's write side: web authorisation, scrobbles, now playing, loves.

Every method blocks: call them from the executor. Requests go through ``LastfmClient`` (the
only module importing pylast): signed as pylast signs them, errors translated there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlencode
from xml.etree import ElementTree

from .lastfm import LastfmClient, LastfmConnectionError

MAX_BATCH = 50  # Last.fm's limit per track.scrobble call.


@dataclass(frozen=True, slots=True)
class ScrobbleRequest:
    """One play to scrobble; ``played_at`` is when the track started (UTC epoch)."""

    artist: str
    title: str
    album: str | None
    played_at: int
    duration: int | None = None


@dataclass(frozen=True, slots=True)
class ScrobbleAnswer:
    """What Last.fm did with one scrobble: accepted, or ignored with its code (3: too old)."""

    accepted: bool
    ignored_code: int = 0
    ignored_message: str = ""


@dataclass(frozen=True, slots=True)
class WebSession:
    """A session key and the account that approved it."""

    username: str
    session_key: str


class LastfmScrobbler:
    """Writes to one Last.fm account (a client holding its session key)."""

    def __init__(self, client: LastfmClient) -> None:
        self.client = client

    # --- web authorisation (the user approves AIME on Last.fm) -----------------------------

    def auth_token(self) -> str:
        """A token for the user to approve (auth.getToken)."""
        token = self.client.signed_call("auth.getToken", {}, session=False).findtext("token")
        if not token:
            raise LastfmConnectionError("auth.getToken: no token in the reply")
        return token

    def auth_url(self, api_key: str, token: str) -> str:
        """The page where the user approves ``token``."""
        return f"{self.client.auth_url}?{urlencode({'api_key': api_key, 'token': token})}"

    def auth_session(self, token: str) -> WebSession:
        """The session key for an approved token (auth.getSession); LastfmTokenError before."""
        root = self.client.signed_call("auth.getSession", {"token": token}, session=False)
        name, key = root.findtext("session/name"), root.findtext("session/key")
        if not name or not key:
            raise LastfmConnectionError("auth.getSession: no session in the reply")
        return WebSession(name, key)

    # --- writes with the session key --------------------------------------------------------

    def scrobble(self, items: Sequence[ScrobbleRequest]) -> list[ScrobbleAnswer]:
        """Scrobble up to 50 plays in one call; one answer per play, in order."""
        if not 0 < len(items) <= MAX_BATCH:
            raise ValueError(f"1 to {MAX_BATCH} scrobbles per call, not {len(items)}")
        params: dict[str, str] = {}
        for index, item in enumerate(items):
            params |= {f"artist[{index}]": item.artist, f"track[{index}]": item.title,
                       f"timestamp[{index}]": str(item.played_at)}  # fmt: skip
            if item.album:
                params[f"album[{index}]"] = item.album
            if item.duration:
                params[f"duration[{index}]"] = str(item.duration)
        root = self.client.signed_call("track.scrobble", params)
        answers = [_answer(node) for node in root.iter("scrobble")]
        if len(answers) != len(items):
            # Last.fm answered for the batch without detailing it: trust its status.
            return [ScrobbleAnswer(True)] * len(items)
        return answers

    def update_now_playing(self, item: ScrobbleRequest) -> None:
        """Show the track as being scrobbled now (best effort: callers do not retry)."""
        params = {"artist": item.artist, "track": item.title}
        if item.album:
            params["album"] = item.album
        if item.duration:
            params["duration"] = str(item.duration)
        self.client.signed_call("track.updateNowPlaying", params)

    def set_loved(self, artist: str, title: str, loved: bool) -> None:
        """track.love or track.unlove."""
        method = "track.love" if loved else "track.unlove"
        self.client.signed_call(method, {"artist": artist, "track": title})


def _answer(node: ElementTree.Element) -> ScrobbleAnswer:
    ignored = node.find("ignoredMessage")
    code = 0 if ignored is None else int(ignored.get("code") or 0)
    message = "" if ignored is None else (ignored.text or "").strip()
    return ScrobbleAnswer(code == 0, code, message)
