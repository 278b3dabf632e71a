"""Loves made in AIME: the track marked at once, the love queued for the accounts, then sent.

A love (or unlove) names a song, matched like plays are (the track's artist and title keys),
so every album's track of it follows. It is queued in the same transaction for every account
the outbox routes plays to (write access, opted in): one row per account and song, holding
the latest wish. Sending it again is harmless (Last.fm's love is idempotent), so a row a crash
left "sending" is simply sent again, and no answer is a retry like an outage.

Until a row is sent, the account's daily loved-tracks sync does not undo it
(``core/store/loved.py`` reads the pending rows); once sent, Last.fm is followed again.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
import logging
from typing import Protocol

from sqlalchemy import Connection

from ..normalize import artist_key, primary_artist, track_key
from .queue import Connect
from .rules import Destination, OutboxRoute, OutboxState, next_attempt_at
from .sending import DeliveryError

_LOGGER = logging.getLogger(__name__)

# States whose wish has not reached the account yet: they win over its loved tracks.
PENDING_STATES = (OutboxState.QUEUED, OutboxState.SENDING, OutboxState.FAILED)
# Destinations that take loves (ListenBrainz's feedback API is not used yet).
LOVE_DESTINATIONS = frozenset({Destination.LASTFM})
LOVES_PER_PASS = 50


@dataclass(frozen=True, slots=True)
class LoveChange:
    """A love made in AIME: the song, the tracks marked, the accounts it was queued for."""

    artist: str
    title: str
    loved: bool
    tracks: int
    queued: int


@dataclass(frozen=True, slots=True)
class OutgoingLove:
    """A queued love to send."""

    item_id: int
    revision: int
    artist: str
    title: str
    loved: bool
    attempts: int


@dataclass(frozen=True, slots=True)
class LoveEntry:
    """One row as tests and diagnostics read it."""

    account: str
    artist: str
    title: str
    loved: bool
    state: OutboxState
    attempts: int
    reason: str | None


class LoveDelivery(Protocol):
    """One account that takes loves (blocking)."""

    @property
    def destination(self) -> Destination: ...
    @property
    def account(self) -> str: ...
    def set_loved(self, artist: str, title: str, loved: bool) -> None:
        """Love or unlove the song on the account; raise ``DeliveryError``."""
        ...


class LoveOutbox:
    """The loves of one store; its methods block like the store's."""

    def __init__(
        self, read: Connect, write: Connect, routes: Callable[[], tuple[OutboxRoute, ...]]
    ) -> None:
        self._read = read
        self._write = write
        self._routes = routes

    def love(
        self,
        loved: bool,
        now: int,
        *,
        track_id: int | None = None,
        song: tuple[str, str] | None = None,
    ) -> LoveChange | None:
        """Mark the song of ``track_id`` (or the (artist, title) ``song``) and queue it.

        ``None`` when no track of the store is that song.
        """
        with self._write() as conn:
            found = _find_song(conn, track_id, song)
            if found is None:
                return None
            artist, title, a_key, t_key = found
            tracks = conn.exec_driver_sql(
                "UPDATE track SET loved = ? WHERE key = ? AND artist_id IN"
                " (SELECT id FROM artist WHERE key = ?)",
                (int(loved), t_key, a_key),
            ).rowcount
            rows = [
                (route.destination.value, route.account, a_key, t_key, artist, title,
                 int(loved), now, now)
                for route in self._routes()
                if route.destination in LOVE_DESTINATIONS
            ]  # fmt: skip
            if rows:
                conn.exec_driver_sql(
                    "INSERT INTO love_outbox (destination, account, artist_key, title_key, artist,"
                    " title, loved, state, queued_at, next_attempt_at)"
                    " VALUES (?, ?, ?, ?, ?, ?, ?, 'queued', ?, ?)"
                    " ON CONFLICT (destination, account, artist_key, title_key) DO UPDATE SET"
                    " artist = excluded.artist, title = excluded.title, loved = excluded.loved,"
                    " state = 'queued', revision = revision + 1, attempts = 0,"
                    " queued_at = excluded.queued_at, next_attempt_at = excluded.next_attempt_at,"
                    " reason = NULL, sent_at = NULL",
                    rows,
                )
        return LoveChange(artist, title, loved, int(tracks), len(rows))

    def due(
        self, destination: Destination, account: str, now: int, limit: int = LOVES_PER_PASS
    ) -> list[OutgoingLove]:
        """Queued rows due now, and rows a crash left "sending", oldest first."""
        with self._read() as conn:
            rows = conn.exec_driver_sql(
                "SELECT id, revision, artist, title, loved, attempts FROM love_outbox"
                " WHERE destination = ? AND account = ? AND state IN ('queued', 'sending')"
                " AND next_attempt_at <= ? ORDER BY queued_at, id LIMIT ?",
                (destination.value, account, now, limit),
            ).all()
        return [OutgoingLove(i, rev, a, t, bool(loved), n) for i, rev, a, t, loved, n in rows]

    def mark(
        self,
        item: OutgoingLove,
        state: OutboxState,
        *,
        reason: str | None = None,
        next_attempt_at: int | None = None,
        sent_at: int | None = None,
        attempted: bool = False,
    ) -> bool:
        """Move the row to ``state``, unless a newer toggle replaced it meanwhile."""
        with self._write() as conn:
            changed = conn.exec_driver_sql(
                "UPDATE love_outbox SET state = ?, reason = ?,"
                " next_attempt_at = coalesce(?, next_attempt_at), sent_at = ?,"
                " attempts = attempts + ? WHERE id = ? AND revision = ?",
                (state.value, reason, next_attempt_at, sent_at, int(attempted), item.item_id,
                 item.revision),
            ).rowcount  # fmt: skip
        return bool(changed)

    def retry(self, now: int, destination: Destination, account: str) -> int:
        """Queue the account's failed loves again, due now."""
        with self._write() as conn:
            result = conn.exec_driver_sql(
                "UPDATE love_outbox SET state = 'queued', reason = NULL, next_attempt_at = ?"
                " WHERE destination = ? AND account = ? AND state = 'failed'",
                (now, destination.value, account),
            )
        return int(result.rowcount)

    def entries(self, account: str | None = None) -> list[LoveEntry]:
        """Every row (of one account), oldest first."""
        with self._read() as conn:
            rows = conn.exec_driver_sql(
                "SELECT account, artist, title, loved, state, attempts, reason FROM love_outbox"
                " WHERE ? IS NULL OR account = ? ORDER BY id",
                (account, account),
            ).all()
        return [
            LoveEntry(acc, artist, title, bool(loved), OutboxState(state), attempts, reason)
            for acc, artist, title, loved, state, attempts, reason in rows
        ]


def send_loves(loves: LoveOutbox, delivery: LoveDelivery, clock: Callable[[], float]) -> int:
    """Send the account's due loves one by one; the number sent.

    A refusal for the moment queues the love again with a back-off and ends the pass (the next
    would fare no better); one that needs the user (a revoked session) makes it failed.
    """
    sent = 0
    for item in loves.due(delivery.destination, delivery.account, int(clock())):
        now = int(clock())
        if not loves.mark(item, OutboxState.SENDING, next_attempt_at=now):
            continue  # Replaced by a newer toggle since it was read: the next pass sends it.
        try:
            delivery.set_loved(item.artist, item.title, item.loved)
        except DeliveryError as err:
            state = OutboxState.FAILED if err.needs_user else OutboxState.QUEUED
            later = next_attempt_at(item.attempts + 1, now, err.retry_after)
            loves.mark(item, state, reason=err.reason.value, next_attempt_at=later,
                       attempted=True)  # fmt: skip
            _LOGGER.debug("%s %s: love not sent now: %s", delivery.destination,
                          delivery.account, err)  # fmt: skip
            return sent
        loves.mark(item, OutboxState.SENT, sent_at=int(clock()), attempted=True)
        sent += 1
    return sent


def _find_song(
    conn: Connection, track_id: int | None, song: tuple[str, str] | None
) -> tuple[str, str, str, str] | None:
    """The song's names as the store shows them, and its keys."""
    select = "SELECT a.name, t.title, a.key, t.key FROM track t JOIN artist a ON a.id = t.artist_id"
    if track_id is not None:
        row = conn.exec_driver_sql(f"{select} WHERE t.id = ?", (track_id,)).first()
    elif song is not None:
        keys = (track_key(song[1]), artist_key(primary_artist(song[0])))
        row = conn.exec_driver_sql(
            f"{select} WHERE t.key = ? AND a.key = ? ORDER BY t.id LIMIT 1", keys
        ).first()
    else:
        raise ValueError("a track id or a song is needed")
    return None if row is None else (row[0], row[1], row[2], row[3])


def pending_wishes(conn: Connection) -> Sequence[tuple[str, str, bool]]:
    """(artist key, title key, loved) of the loves not on their account yet."""
    marks = ",".join("?" * len(PENDING_STATES))
    rows = conn.exec_driver_sql(
        f"SELECT artist_key, title_key, loved FROM love_outbox WHERE state IN ({marks})",
        tuple(state.value for state in PENDING_STATES),
    ).all()
    return [(a, t, bool(loved)) for a, t, loved in rows]
