"""Per-track play counts over long windows, kept current instead of recounted.

A track is rarely played twice in a day, so a (day, track) rollup would be as large as the
play table and a year of it as slow to sum. Instead the reader keeps, per window, the counts
it computed last time and brings them up to date: plays added since (play ids only grow)
and the days that entered or left the window. The counts are checked against the day
rollups on every use and recounted when they disagree (plays deleted, rollups rebuilt).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from heapq import nlargest
from operator import itemgetter
import threading

from sqlalchemy import Connection

from ..localtime import LocalTime
from .scope import EVERYONE, Scope

_MAX_SHIFT_DAYS = 40  # Beyond this, recounting is about as cheap as catching up.
_MAX_NEW_PLAYS = 50_000


@dataclass(slots=True)
class _Counts:
    zone: str
    first: int
    last: int
    watermark: int  # Highest play id counted.
    plays: Counter[int] = field(default_factory=Counter)
    tops: dict[int, list[tuple[int, int]]] = field(default_factory=dict)  # By size.


class TrackWindows:
    """Thread-safe cache of per-track counts, one entry per named window."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._windows: dict[str, _Counts] = {}

    def top(
        self,
        conn: Connection,
        clock: LocalTime,
        key: str,
        days: tuple[int, int],
        count: int,
        *,
        scope: Scope = EVERYONE,
    ) -> tuple[int, list[tuple[int, int]]]:
        """Distinct tracks played in local ``days`` [first, last], and the ``count`` most played
        (by ``scope``'s listeners).

        The top list includes every track tied with the last one, for the caller to order.
        """
        with self._lock:
            state = self._current(conn, clock, scope.key(key), days, scope)
            top = state.tops.get(count)
            if top is None:
                top = state.tops[count] = top_with_ties(state.plays.items(), count)
            return len(state.plays), top

    def _current(
        self, conn: Connection, clock: LocalTime, key: str, days: tuple[int, int], scope: Scope
    ) -> _Counts:
        first, last = days
        newest = int(conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM play").scalar_one())
        state = self._windows.get(key)
        if (
            state is None
            or state.zone != clock.name
            or abs(first - state.first) + abs(last - state.last) > _MAX_SHIFT_DAYS
            or newest - state.watermark > _MAX_NEW_PLAYS
        ):
            state = self._count(conn, clock, key, (first, last), newest, scope)
        else:
            _shift(conn, clock, state, (first, last), scope)
            _catch_up(conn, clock, state, newest, scope)
        expected = conn.exec_driver_sql(
            f"SELECT coalesce(sum(plays), 0) FROM {scope.table('stats_day')} "
            "WHERE day BETWEEN ? AND ?",
            (first, last),
        ).scalar_one()
        if state.plays.total() != expected:
            state = self._count(conn, clock, key, (first, last), newest, scope)
        return state

    def _count(  # noqa: PLR0917
        self,
        conn: Connection,
        clock: LocalTime,
        key: str,
        days: tuple[int, int],
        newest: int,
        scope: Scope,
    ) -> _Counts:
        first, last = days
        state = _Counts(clock.name, first, last, newest)
        start, end = clock.day_range(first, last)
        state.plays.update(_tracks_between(conn, (start, end), newest, scope))
        self._windows[key] = state  # Keys are window names: a handful at most.
        return state


def top_with_ties(items: Iterable[tuple[int, int]], count: int) -> list[tuple[int, int]]:
    """The ``count`` largest (id, plays) pairs plus any tied with the last of them."""
    pairs = list(items)
    if len(pairs) <= count:
        return pairs
    threshold = nlargest(count, pairs, key=itemgetter(1))[-1][1]
    return [pair for pair in pairs if pair[1] >= threshold]


def _tracks_between(
    conn: Connection, times: tuple[int, int], newest: int, scope: Scope
) -> list[int]:
    return list(
        conn.exec_driver_sql(
            # Unary + keeps SQLite on the time index rather than the rowid range.
            "SELECT track_id FROM play WHERE played_at >= ? AND played_at < ? AND +id <= ?"
            + scope.plays(""),
            (*times, newest),
        ).scalars()
    )


def _shift(
    conn: Connection, clock: LocalTime, state: _Counts, days: tuple[int, int], scope: Scope
) -> None:
    """Move the window to ``days``; counts are linear in the ranges added and removed."""
    first, last = days
    if (first, last) == (state.first, state.last):
        return
    plays, newest = state.plays, state.watermark
    moves = (
        (state.first, first, -1),  # days leaving (or, moving back, entering) at the start
        (state.last + 1, last + 1, 1),  # days entering (or leaving) at the end
    )
    for old, new, sign in moves:
        if old == new:
            continue
        low, high = min(old, new), max(old, new)
        tracks = _tracks_between(conn, (clock.day_start(low), clock.day_start(high)), newest, scope)
        if (new > old) == (sign > 0):
            plays.update(tracks)
        else:
            plays.subtract(tracks)
    for track in [track for track, count in plays.items() if count <= 0]:
        del plays[track]
    state.first, state.last = first, last
    state.tops.clear()


def _catch_up(
    conn: Connection, clock: LocalTime, state: _Counts, newest: int, scope: Scope
) -> None:
    """Count the plays added since the last use that fall in the window."""
    if newest > state.watermark:
        start, end = clock.day_range(state.first, state.last)
        added = conn.exec_driver_sql(
            "SELECT track_id FROM play WHERE id > ? AND +played_at >= ? AND +played_at < ?"
            + scope.plays(""),
            (state.watermark, start, end),
        ).scalars()
        state.plays.update(added)
        state.watermark = newest
        state.tops.clear()
