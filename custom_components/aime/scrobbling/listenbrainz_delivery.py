"""A ListenBrainz account as the outbox's ``Delivery``: the client's errors become reasons.

ListenBrainz's documented limits (listenbrainz.readthedocs.io, "API" and "Rate limiting"):
up to 1000 listens per ``submit-listens`` (``import``; a lone live play goes as ``single``),
listens of any age, and a rate-limit window in the ``X-RateLimit-*`` headers: with no request
left, AIME waits ``Reset-In`` seconds instead of letting the library sleep in the executor.
Blocking, like the client: the sender runs it in the executor.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
import time

from ..clients.lastfm_scrobbler import ScrobbleRequest
from ..clients.listenbrainz import (
    MAX_ITEMS_PER_GET,
    ListenbrainzAuthError,
    ListenbrainzClient,
    ListenbrainzConnectionError,
    ListenbrainzError,
    ListenbrainzRateLimitError,
    ListenbrainzRefusedError,
)
from ..core.models import PlayInput, Source
from ..core.outbox.rules import Destination, OutgoingPlay, Reason, confirmed
from ..core.outbox.sending import DeliveryError, Outcome

# A 429 whose answer gave no Reset-In: ListenBrainz's windows are seconds long.
RATE_LIMIT_WAIT = 60


class ListenbrainzDelivery:
    """Sends one ListenBrainz account's outbox rows."""

    destination = Destination.LISTENBRAINZ

    def __init__(
        self, client: ListenbrainzClient, user: str, clock: Callable[[], float] = time.time
    ) -> None:
        self.client = client
        self.user = user
        self.account = listenbrainz_account(user)
        self.clock = clock

    def send(self, items: Sequence[OutgoingPlay]) -> list[Outcome]:
        """One submission; ListenBrainz takes all of it or answers an error."""
        self._wait_for_window()
        with _translated():
            self.client.submit_listens([play_of(item) for item in items])
        return [Outcome(True) for _ in items]

    def set_loved(self, artist: str, title: str, loved: bool) -> None:
        """Never called: loves go to Last.fm only (``LOVE_DESTINATIONS``). ListenBrainz's
        feedback names a recording by its MusicBrainz id, which AIME's loves do not carry."""
        raise NotImplementedError

    def arrived(self, items: Sequence[OutgoingPlay]) -> set[int]:
        """Read the user's listens over the rows' span (newest first, page by page)."""
        start = min(item.played_at for item in items)
        before = max(item.played_at for item in items) + 1  # max_ts is exclusive
        recent: list[tuple[str, str, int]] = []
        with _translated():
            while True:
                self._wait_for_window()
                page = self.client.listens_before(self.user, before, MAX_ITEMS_PER_GET)
                recent.extend((play.artist, play.title, play.played_at) for play in page)
                oldest = min((play.played_at for play in page), default=start)
                if len(page) < MAX_ITEMS_PER_GET or oldest <= start:
                    break
                before = oldest
        return confirmed(items, recent)

    def now_playing(self, item: ScrobbleRequest) -> None:
        play = PlayInput(item.title, item.artist, item.played_at, Source.LISTENBRAINZ,
                         album=item.album, duration=item.duration)  # fmt: skip
        self._wait_for_window()
        with _translated():
            self.client.submit_playing_now(play)

    def _wait_for_window(self) -> None:
        """No request left in this window: wait for the next one (the sender retries)."""
        remaining, resets_at = self.client.window
        now = int(self.clock())
        if remaining == 0 and resets_at is not None and resets_at > now:
            wait = resets_at - now
            raise DeliveryError(Reason.RATE_LIMITED, "no request left in the window", wait)


def listenbrainz_account(user: str) -> str:
    """The outbox's account key: the folded user name."""
    return user.casefold()


def play_of(item: OutgoingPlay) -> PlayInput:
    """The listen for an outbox row (as ListenBrainz will hold it)."""
    return PlayInput(item.title, item.artist, item.played_at, Source.LISTENBRAINZ,
                     album=item.album, duration=item.duration)  # fmt: skip


@contextmanager
def _translated() -> Iterator[None]:
    """Raise the client's errors as ``DeliveryError`` with the outbox's reason."""
    try:
        yield
    except ListenbrainzRateLimitError as err:
        raise DeliveryError(Reason.RATE_LIMITED, str(err), err.reset_in or RATE_LIMIT_WAIT) from err
    except ListenbrainzAuthError as err:
        raise DeliveryError(Reason.AUTH, str(err)) from err
    except ListenbrainzConnectionError as err:  # No answer: it may have arrived.
        raise DeliveryError(Reason.NETWORK, str(err)) from err
    except ListenbrainzRefusedError as err:  # waiting will not change its answer
        raise DeliveryError(Reason.REJECTED, str(err)) from err
    except ListenbrainzError as err:  # 5xx, after the library's retries
        raise DeliveryError(Reason.UNAVAILABLE, str(err)) from err
