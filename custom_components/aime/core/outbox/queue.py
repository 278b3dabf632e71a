"""The outbox table: plays enqueued at ingest, handed to the sender, and what became of them.

Rows are added inside the ingest transaction that records the play (``Store.ingest``), so a
play recorded live is queued exactly when it is stored, crash or not. Only live recording
enqueues: history imports (``bulk``) never do. Which accounts take which sources is the
``routes`` the Home Assistant side sets while an account is loaded.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection

from ..models import SOURCE_CODES, IngestResult, Source
from .rules import Destination, OutboxRoute, OutboxState, OutgoingPlay, Reason

type Connect = Callable[[], AbstractContextManager[Connection]]

_SELECT_OUTGOING = (
    "SELECT o.id, o.play_id, coalesce(pt.artist, a.name), coalesce(pt.title, t.title),"
    " coalesce(pt.album, al.title), p.played_at, t.duration, o.attempts"
    " FROM outbox o JOIN play p ON p.id = o.play_id JOIN track t ON t.id = p.track_id"
    " JOIN artist a ON a.id = t.artist_id JOIN album al ON al.id = t.album_id"
    " LEFT JOIN play_text pt ON pt.play_id = p.id"
)


@dataclass(frozen=True, slots=True)
class OutboxEntry:
    """One row as the panel lists it."""

    item_id: int
    destination: Destination
    account: str
    state: OutboxState
    artist: str
    title: str
    album: str | None
    played_at: int
    attempts: int
    next_attempt_at: int
    reason: str | None
    sent_at: int | None


class Outbox:
    """The outbox of one store; its methods block like the store's."""

    def __init__(self, read: Connect, write: Connect) -> None:
        self._read = read
        self._write = write
        self._routes: tuple[OutboxRoute, ...] = ()

    # --- routes and enqueueing ------------------------------------------------------------

    @property
    def routes(self) -> tuple[OutboxRoute, ...]:
        """The accounts plays are queued for, by source."""
        return self._routes

    def set_route(self, route: OutboxRoute) -> None:
        """Queue plays of ``route.sources`` for the account from now on (replaces its route)."""
        others = tuple(r for r in self._routes if not _same_account(r, route))
        # One assignment: the ingest thread sees the old tuple or the new one.
        self._routes = (*others, route) if route.sources else others

    def remove_route(self, destination: Destination, account: str) -> None:
        """Stop queueing for the account (its rows stay, and are sent when it is back)."""
        self._routes = tuple(
            r for r in self._routes if (r.destination, r.account) != (destination, account)
        )

    def enqueue(self, conn: Connection, ingested: IngestResult, now: int) -> int:
        """Queue new plays for the accounts that take their source; inside ingest's transaction."""
        routes = self._routes
        if not routes or not ingested.added_ids:
            return 0
        rows = [
            (route.destination.value, route.account, play_id, now, now)
            for play_id, play in zip(ingested.added_ids, ingested.added_plays, strict=True)
            for route in routes
            if route.takes(play.source)
        ]
        if rows:
            conn.exec_driver_sql(
                "INSERT OR IGNORE INTO outbox (destination, account, play_id, state, attempts,"
                " queued_at, next_attempt_at) VALUES (?, ?, ?, 'queued', 0, ?, ?)",
                rows,
            )
        return len(rows)

    # --- the sender -----------------------------------------------------------------------

    def due(
        self, destination: Destination, account: str, state: OutboxState, now: int, limit: int
    ) -> list[OutgoingPlay]:
        """Rows in ``state`` whose next attempt is due, oldest play first."""
        with self._read() as conn:
            rows = conn.exec_driver_sql(
                f"{_SELECT_OUTGOING} WHERE o.destination = ? AND o.account = ? AND o.state = ?"
                " AND o.next_attempt_at <= ? ORDER BY p.played_at, o.id LIMIT ?",
                (destination.value, account, state.value, now, limit),
            ).all()
        return [OutgoingPlay(*row) for row in rows]

    def next_due_at(self, destination: Destination, account: str) -> int | None:
        """When the account's next queued or in-doubt row is due, if any."""
        with self._read() as conn:
            value = conn.exec_driver_sql(
                "SELECT min(next_attempt_at) FROM outbox WHERE destination = ? AND account = ?"
                " AND state IN ('queued', 'sending')",
                (destination.value, account),
            ).scalar_one_or_none()
        return None if value is None else int(value)

    def reported_by(self, play_ids: Iterable[int], source: Source) -> set[int]:
        """The plays among ``play_ids`` that ``source`` reported itself (first or merged)."""
        ids = list(play_ids)
        if not ids:
            return set()
        code = SOURCE_CODES[source]
        marks = ",".join("?" * len(ids))
        with self._read() as conn:
            rows = conn.exec_driver_sql(
                f"SELECT id FROM play WHERE id IN ({marks}) AND source_id = ? UNION "
                f"SELECT play_id FROM play_report WHERE play_id IN ({marks}) AND source_id = ?",
                (*ids, code, *ids, code),
            ).all()
        return {int(row[0]) for row in rows}

    def mark(
        self,
        item_ids: Iterable[int],
        state: OutboxState,
        *,
        reason: str | None = None,
        next_attempt_at: int | None = None,
        sent_at: int | None = None,
        attempted: bool = False,
    ) -> None:
        """Move rows to ``state``; ``attempted`` counts one more try."""
        rows = [
            (state.value, reason, next_attempt_at, sent_at, int(attempted), item_id)
            for item_id in item_ids
        ]
        if not rows:
            return
        with self._write() as conn:
            conn.exec_driver_sql(
                "UPDATE outbox SET state = ?, reason = ?,"
                " next_attempt_at = coalesce(?, next_attempt_at), sent_at = ?,"
                " attempts = attempts + ? WHERE id = ?",
                rows,
            )

    # --- the panel ------------------------------------------------------------------------

    def entries(
        self,
        *,
        destination: Destination | None = None,
        account: str | None = None,
        states: Sequence[OutboxState] = (),
        limit: int = 100,
    ) -> list[OutboxEntry]:
        """Rows, newest play first, optionally of one account and some states."""
        where, params = _filters(destination, account, states)
        with self._read() as conn:
            rows = conn.exec_driver_sql(
                "SELECT o.id, o.destination, o.account, o.state, coalesce(pt.artist, a.name),"
                " coalesce(pt.title, t.title), coalesce(pt.album, al.title), p.played_at,"
                " o.attempts, o.next_attempt_at, o.reason, o.sent_at"
                " FROM outbox o JOIN play p ON p.id = o.play_id JOIN track t ON t.id = p.track_id"
                " JOIN artist a ON a.id = t.artist_id JOIN album al ON al.id = t.album_id"
                f" LEFT JOIN play_text pt ON pt.play_id = p.id {where}"
                " ORDER BY p.played_at DESC, o.id DESC LIMIT ?",
                (*params, limit),
            ).all()
        return [_entry(row) for row in rows]

    def counts(
        self, *, destination: Destination | None = None, account: str | None = None
    ) -> dict[OutboxState, int]:
        """How many rows are in each state."""
        where, params = _filters(destination, account, ())
        with self._read() as conn:
            rows = conn.exec_driver_sql(
                f"SELECT state, count(*) FROM outbox o {where} GROUP BY state", params
            ).all()
        counts = dict.fromkeys(OutboxState, 0)
        counts.update({OutboxState(state): int(count) for state, count in rows})
        return counts

    def retry(
        self,
        now: int,
        *,
        item_ids: Sequence[int] = (),
        destination: Destination | None = None,
        account: str | None = None,
        reason: Reason | None = None,
    ) -> int:
        """Queue failed rows again, due now (the given ones, or all the account's, or those
        that failed for ``reason``)."""
        where, params = _filters(destination, account, (OutboxState.FAILED,))
        if reason is not None:
            where += " AND o.reason = ?"
            params = (*params, reason.value)
        if item_ids:
            where += f" AND o.id IN ({','.join('?' * len(item_ids))})"
            params = (*params, *item_ids)
        with self._write() as conn:
            result = conn.exec_driver_sql(
                "UPDATE outbox SET state = 'queued', reason = NULL, next_attempt_at = ?"
                f" WHERE id IN (SELECT o.id FROM outbox o {where})",
                (now, *params),
            )
        return int(result.rowcount)


def _same_account(a: OutboxRoute, b: OutboxRoute) -> bool:
    return (a.destination, a.account) == (b.destination, b.account)


def _filters(
    destination: Destination | None, account: str | None, states: Sequence[OutboxState]
) -> tuple[str, tuple[Any, ...]]:
    clauses, params = ["1 = 1"], []
    if destination is not None:
        clauses.append("o.destination = ?")
        params.append(destination.value)
    if account is not None:
        clauses.append("o.account = ?")
        params.append(account)
    if states:
        clauses.append(f"o.state IN ({','.join('?' * len(states))})")
        params.extend(state.value for state in states)
    return "WHERE " + " AND ".join(clauses), tuple(params)


def _entry(row: Any) -> OutboxEntry:
    (item_id, destination, account, state, artist, title, album, played_at, attempts,
     next_at, reason, sent_at) = row  # fmt: skip
    return OutboxEntry(
        item_id, Destination(destination), account, OutboxState(state), artist, title,
        album or None, played_at, attempts, next_at, reason, sent_at,
    )  # fmt: skip
