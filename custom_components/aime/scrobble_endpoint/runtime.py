"""The endpoint as a feature of the hub: who a token is, and what its submissions become.

Listens (``single``, ``import``) go through the recording funnel as plays of source "endpoint",
the token's person as listener and the client's player (or the token's name) as zone: a
client sending the same listen again (a retry, a resubmitted queue) finds it recorded already.
``playing_now`` shows in AIME's now playing until the track's length has passed (10 minutes
when the client gives none), or until the same token sends the next one.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Final

from homeassistant.core import CALLBACK_TYPE, callback
from homeassistant.helpers.event import async_call_later

from ..core.models import IngestResult, PlayInput, Source
from ..hub.now_playing import NowPlaying, async_publish_now_playing
from ..hub.recording import async_record_plays
from ..hub.runtime import FeatureKey, HubRuntime
from .rate_limit import RateLimiter
from .submission import LISTEN_TYPE_PLAYING_NOW, Submission, SubmittedListen
from .tokens import EndpointToken, find_token

PLAYING_NOW_DEFAULT_SECONDS: Final = 10 * 60


class ScrobbleEndpoint:
    """The loaded hub's endpoint: its tokens (in the hub's options), limiter and now playing."""

    def __init__(self, hub: HubRuntime) -> None:
        self.hub = hub
        self.limiter = RateLimiter()
        self._expiries: dict[str, CALLBACK_TYPE] = {}
        # When each token was last presented, since Home Assistant started (shown in the panel).
        self.last_used: dict[str, datetime] = {}

    def token(self, presented: str) -> EndpointToken | None:
        """The token presented, while the options still hold it (a revoked one is gone)."""
        token = find_token(self.hub.entry.options, presented)
        if token is not None:
            self.last_used[token.token_id] = datetime.now(UTC)
        return token

    async def async_submit(self, token: EndpointToken, submission: Submission) -> IngestResult:
        """Record the listens, or show what plays now; nothing is kept of a ``playing_now``."""
        if submission.listen_type == LISTEN_TYPE_PLAYING_NOW:
            self._show_playing_now(token, submission.listens[0])
            return IngestResult()
        plays = [_play(token, listen) for listen in submission.listens]
        return await async_record_plays(self.hub.hass, self.hub.access, plays)

    @callback
    def _show_playing_now(self, token: EndpointToken, listen: SubmittedListen) -> None:
        hass = self.hub.hass
        key = f"endpoint:{token.token_id}"
        playing = NowPlaying(
            source=Source.ENDPOINT,
            player=listen.client or token.name,
            track=listen.track,
            artist=listen.artist,
            album=listen.release,
            artwork_url=None,
            started_at=datetime.now(UTC),
        )
        async_publish_now_playing(hass, key, playing)
        if (cancel := self._expiries.pop(key, None)) is not None:
            cancel()

        @callback
        def _async_expired(_now: datetime) -> None:
            self._expiries.pop(key, None)
            async_publish_now_playing(hass, key, None)

        seconds = listen.duration or PLAYING_NOW_DEFAULT_SECONDS
        self._expiries[key] = async_call_later(hass, seconds, _async_expired)

    @callback
    def async_stop(self) -> None:
        """Nothing plays through the endpoint any more once the hub stops."""
        for key, cancel in self._expiries.items():
            cancel()
            async_publish_now_playing(self.hub.hass, key, None)
        self._expiries.clear()


def _play(token: EndpointToken, listen: SubmittedListen) -> PlayInput:
    if listen.listened_at is None:  # only playing_now has none, and it is no play
        raise ValueError("a listen without listened_at is no play")
    return PlayInput(
        title=listen.track,
        artist=listen.artist,
        played_at=listen.listened_at,
        source=Source.ENDPOINT,
        album=listen.release,
        duration=listen.duration,
        track_number=listen.track_number,
        device=listen.client or token.name,
        listener=token.listener,
    )


SCROBBLE_ENDPOINT: FeatureKey[ScrobbleEndpoint] = FeatureKey("scrobble_endpoint")
