"""A Last.fm account as the outbox's ``Delivery``: the client's errors become reasons.

Blocking, like the client: the sender runs it in the executor.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from ..clients.lastfm import (
    PAGE_SIZE,
    LastfmAuthError,
    LastfmConnectionError,
    LastfmError,
    LastfmRateLimitError,
    LastfmSessionError,
    LastfmUnavailableError,
)
from ..clients.lastfm_scrobbler import LastfmScrobbler, ScrobbleRequest
from ..core.outbox.rules import Destination, OutgoingPlay, Reason, confirmed
from ..core.outbox.sending import DeliveryError, Outcome

# Last.fm asks for no Retry-After: wait at least this long after a rate limit.
RATE_LIMIT_WAIT = 300
# Last.fm's ignoredMessage code for a timestamp too old (more than 14 days).
_IGNORED_TOO_OLD = 3


class LastfmDelivery:
    """Sends one Last.fm account's outbox rows."""

    destination = Destination.LASTFM

    def __init__(self, scrobbler: LastfmScrobbler, account: str) -> None:
        self.scrobbler = scrobbler
        self.account = account

    def send(self, items: Sequence[OutgoingPlay]) -> list[Outcome]:
        requests = [request_for(item) for item in items]
        with _translated():
            answers = self.scrobbler.scrobble(requests)
        return [
            Outcome(True)
            if answer.accepted
            else Outcome(False, Reason.TOO_OLD if answer.ignored_code == _IGNORED_TOO_OLD
                         else Reason.IGNORED)
            for answer in answers
        ]  # fmt: skip

    def arrived(self, items: Sequence[OutgoingPlay]) -> set[int]:
        """Read the account's scrobbles over the rows' span (every page) and match them."""
        start = min(item.played_at for item in items)
        end = max(item.played_at for item in items)
        client = self.scrobbler.client
        recent: list[tuple[str, str, int]] = []
        page, total_pages = 1, 1
        with _translated():
            while page <= total_pages:
                found = client.recent_page(page=page, limit=PAGE_SIZE, time_from=start,
                                           time_to=end)  # fmt: skip
                recent.extend((s.artist, s.title, s.played_at) for s in found.scrobbles)
                total_pages, page = found.total_pages, page + 1
        return confirmed(items, recent)

    def set_loved(self, artist: str, title: str, loved: bool) -> None:
        with _translated():
            self.scrobbler.set_loved(artist, title, loved)

    def now_playing(self, item: ScrobbleRequest) -> None:
        with _translated():
            self.scrobbler.update_now_playing(item)


def request_for(item: OutgoingPlay) -> ScrobbleRequest:
    """The scrobble for an outbox row."""
    return ScrobbleRequest(item.artist, item.title, item.album, item.played_at, item.duration)


@contextmanager
def _translated() -> Iterator[None]:
    """Raise the client's errors as ``DeliveryError`` with the outbox's reason."""
    try:
        yield
    except LastfmRateLimitError as err:
        raise DeliveryError(Reason.RATE_LIMITED, str(err), RATE_LIMIT_WAIT) from err
    except LastfmUnavailableError as err:  # Answered: the request was not carried out.
        raise DeliveryError(Reason.UNAVAILABLE, str(err)) from err
    except LastfmConnectionError as err:  # No answer: it may have arrived.
        raise DeliveryError(Reason.NETWORK, str(err)) from err
    except (LastfmSessionError, LastfmAuthError) as err:
        raise DeliveryError(Reason.AUTH, str(err)) from err
    except LastfmError as err:
        raise DeliveryError(Reason.REJECTED, str(err)) from err
