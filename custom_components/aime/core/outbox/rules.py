"""What the outbox sends, when, and in what batches; plain rules, no I/O.

A destination is a kind of service AIME scrobbles to (Last.fm, ListenBrainz); an account is
one user of it. The rules here are the services' documented limits:

- Last.fm takes at most 50 scrobbles per ``track.scrobble`` call and ignores scrobbles older
  than 14 days: those are reported as not sent, with the reason, never tried.
- ListenBrainz takes up to 1000 listens per ``submit-listens`` call, of any age.
- A failed attempt is tried again later, each time later (``BACKOFF``), up to six hours apart;
  a rate limit waits at least what the service asked for.
- An attempt is recorded as "sending" before the request leaves: after a crash (or a timeout,
  when the service may have accepted without AIME hearing it), the account's recent scrobbles
  say whether it arrived (``confirmed``), so a play is never sent twice.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from ..models import Source

DAY = 86_400


class Destination(StrEnum):
    """A service AIME sends plays to. Stored in ``outbox.destination``."""

    LASTFM = "lastfm"
    LISTENBRAINZ = "listenbrainz"


class OutboxState(StrEnum):
    """Where an outbox row stands. Stored in ``outbox.state``."""

    QUEUED = "queued"
    SENDING = "sending"  # handed to the service; its answer is not recorded yet
    SENT = "sent"
    NOT_SENT = "not_sent"  # never will be: the reason says why
    FAILED = "failed"  # needs the user (a revoked session); an admin retries it


class Reason(StrEnum):
    """Why a row is not sent (yet). Stored in ``outbox.reason``; the panel translates it."""

    TOO_OLD = "too_old"  # older than the service accepts
    ON_ACCOUNT = "on_account"  # the account reported this play itself
    IGNORED = "ignored"  # the service answered but ignored it
    RATE_LIMITED = "rate_limited"
    UNAVAILABLE = "unavailable"  # 5xx, service offline or a temporary error
    NETWORK = "network"  # no answer: it may have arrived, checked before the next try
    AUTH = "auth"  # the session key is invalid or revoked: reauthorise
    REJECTED = "rejected"  # another error the service gave


@dataclass(frozen=True, slots=True)
class DestinationLimits:
    """A destination's documented limits."""

    batch_size: int
    max_age: int | None  # seconds; None: any age is accepted
    source: Source  # the source its own reports come back as (never sent back to it)


LIMITS: dict[Destination, DestinationLimits] = {
    Destination.LASTFM: DestinationLimits(50, 14 * DAY, Source.LASTFM),
    # ListenBrainz: up to 1000 listens per submit-listens call (MAX_LISTENS_PER_REQUEST), any age.
    Destination.LISTENBRAINZ: DestinationLimits(1000, None, Source.LISTENBRAINZ),
}

# Seconds before the n-th retry (the last one repeats).
BACKOFF = (60, 300, 900, 3_600, 3 * 3_600, 6 * 3_600)
# Rows the sender takes per pass: a few batches, so a long queue drains over several passes.
PASS_SIZE = 200


@dataclass(frozen=True, slots=True)
class OutboxRoute:
    """One account's opt-in: plays of these sources go to it."""

    destination: Destination
    account: str
    sources: frozenset[Source]

    def takes(self, source: Source) -> bool:
        """Whether a play of ``source`` goes to this account (never its own reports)."""
        return source in self.sources and source != LIMITS[self.destination].source


@dataclass(frozen=True, slots=True)
class OutgoingPlay:
    """A row to send, with the play as it was reported."""

    item_id: int
    play_id: int
    artist: str
    title: str
    album: str | None
    played_at: int
    duration: int | None
    attempts: int


@dataclass(slots=True)
class SendPlan:
    """One pass: the batches to send and the rows that will never be sent."""

    batches: list[list[OutgoingPlay]]
    too_old: list[OutgoingPlay]


def plan_pass(items: Sequence[OutgoingPlay], now: int, limits: DestinationLimits) -> SendPlan:
    """Batches of at most the destination's size, oldest first; too old rows apart.

    A play exactly at the age limit is still tried (the service's answer decides).
    """
    too_old: list[OutgoingPlay] = []
    fresh: list[OutgoingPlay] = []
    for item in sorted(items, key=lambda item: (item.played_at, item.item_id)):
        if limits.max_age is not None and now - item.played_at > limits.max_age:
            too_old.append(item)
        else:
            fresh.append(item)
    size = limits.batch_size
    return SendPlan([fresh[i : i + size] for i in range(0, len(fresh), size)], too_old)


def next_attempt_at(attempts: int, now: int, retry_after: int | None = None) -> int:
    """When to try again after ``attempts`` failed tries (1 for the first failure)."""
    delay = BACKOFF[min(max(attempts, 1), len(BACKOFF)) - 1]
    if retry_after is not None:
        delay = max(delay, retry_after)
    return now + delay


def confirmed(sending: Iterable[OutgoingPlay], recent: Iterable[tuple[str, str, int]]) -> set[int]:
    """The rows (ids) among ``sending`` the account's recent scrobbles show as arrived.

    ``recent`` is (artist, title, start time) per scrobble. A scrobble is matched by its start
    time and its title, folded: the service may correct an artist's name, never the time.
    """
    arrived = {(played_at, title.casefold()) for _artist, title, played_at in recent}
    return {item.item_id for item in sending if (item.played_at, item.title.casefold()) in arrived}
