"""What every playlist algorithm reads with: the window, ranking with explicit ties, plays.

Ties: ``rank`` orders by a score; equal scores follow a fixed tie-break, or, when the request
has a seed, a random order drawn from that seed (the same seed gives the same order).
Algorithms read rollups (``reads.py``), never the window's plays one by one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import partial
from heapq import nsmallest
import random
from typing import Any

from sqlalchemy import Connection

from ..localtime import LocalTime
from ..stats.models import Window
from .models import EMPTY_HISTORY, PlaylistError, PlaylistRequest, PlaylistTrack

_CHUNK = 500
_NO_START = -(2**62)
_NO_END = 2**62


class Context:
    """One request over one read connection."""

    def __init__(self, conn: Connection, clock: LocalTime, request: PlaylistRequest) -> None:
        """Resolve the window in the store's time zone."""
        self.conn = conn
        self.clock = clock
        self.request = request
        self.now = int(request.now.timestamp())
        self.days = window_days(clock, request.window, self.now)
        # Sessions starting in [start, end) are the window's; so are its plays.
        self.start, self.end = clock.day_range(*self.days) if self.days else (_NO_START, _NO_END)
        self.rng = random.Random(request.seed) if request.seed is not None else None

    @property
    def max_tracks(self) -> int:
        """How many tracks the playlist may hold."""
        return self.request.max_tracks

    def require_plays(self) -> None:
        """Raise ``PlaylistError(EMPTY_HISTORY)`` when the window holds no play."""
        found = self.conn.exec_driver_sql(
            "SELECT EXISTS (SELECT 1 FROM play WHERE played_at >= ? AND played_at < ?)",
            (self.start, self.end),
        ).scalar()
        if not found:
            raise PlaylistError(EMPTY_HISTORY)

    def rank[T](
        self, items: Iterable[T], score: Callable[[T], Any], tiebreak: Callable[[T], Any]
    ) -> list[T]:
        """``items`` by ascending ``score``; ties by ``tiebreak``, or at random with a seed."""
        fixed = sorted(items, key=tiebreak)  # Also the order the random draws follow.
        if self.rng is None:
            return sorted(fixed, key=score)  # Stable: ties keep the tie-break order.
        draws = [self.rng.random() for _ in fixed]
        order = sorted(range(len(fixed)), key=lambda index: (score(fixed[index]), draws[index]))
        return [fixed[index] for index in order]

    def ranked[T](
        self,
        items: Iterable[T],
        score: Callable[[T], Any],
        tiebreak: Callable[[T], Any],
        first: int,
    ) -> Ranked[T]:
        """``rank``'s order, ranking only the ``first`` best (and their ties) until more are
        read: most callers stop early, and sorting thousands of items is the cost."""
        return Ranked(self, list(items), score, tiebreak, first)

    def fetch(self, statement: str, parameters: Sequence[Any] = ()) -> list[Any]:
        """Rows as plain tuples, straight from the driver: for the large reads, where
        SQLAlchemy's row objects would double the cost."""
        driver = self.conn.connection.driver_connection
        rows: list[Any] = driver.execute(statement, parameters).fetchall()  # type: ignore[union-attr]
        return rows

    def details(self, track_ids: Sequence[int]) -> list[PlaylistTrack]:
        """The tracks, in the given order."""
        found: dict[int, PlaylistTrack] = {}
        for first in range(0, len(track_ids), _CHUNK):
            chunk = tuple(track_ids[first : first + _CHUNK])
            marks = ",".join("?" * len(chunk))
            for track_id, *row in self.conn.exec_driver_sql(
                "SELECT t.id, t.title, ar.name, al.title, t.duration, t.album_id, t.artist_id "
                "FROM track t "
                "JOIN artist ar ON ar.id = t.artist_id JOIN album al ON al.id = t.album_id "
                f"WHERE t.id IN ({marks})",
                chunk,
            ):
                found[track_id] = PlaylistTrack(track_id, *row)
        return [found[track_id] for track_id in track_ids]


class Ranked[T]:
    """Items in ``Context.rank`` order, the best ``first`` ranked at once, the rest when
    iteration reaches them (draws of a seed follow each part's tie-break order)."""

    def __init__(
        self,
        ctx: Context,
        items: list[T],
        score: Callable[[T], Any],
        tiebreak: Callable[[T], Any],
        first: int,
    ) -> None:
        """Rank the best ``first`` items (all of them when there are few)."""
        self._rank = partial(ctx.rank, score=score, tiebreak=tiebreak)
        rest: list[T] = []
        if len(items) > 2 * first > 0:
            cut = score(nsmallest(first, items, key=score)[-1])
            rest = [item for item in items if not score(item) <= cut]
            items = [item for item in items if score(item) <= cut]
        self._ranked = self._rank(items)
        self._rest: Callable[[], list[T]] | None = lambda: rest

    @classmethod
    def cut(
        cls,
        ctx: Context,
        head: list[T],
        rest: Callable[[], list[T]],
        score: Callable[[T], Any],
        tiebreak: Callable[[T], Any],
    ) -> Ranked[T]:
        """Items the caller already cut as ``__init__`` would: ``head`` (the best ``first``
        and their ties) ranked at once, ``rest()`` read only when iteration reaches it."""
        ranked = cls(ctx, head, score, tiebreak, first=0)
        ranked._rest = rest
        return ranked

    def __iter__(self) -> Iterator[T]:
        """Every item, best first."""
        index = 0
        while True:
            if index == len(self._ranked):
                if self._rest is None:
                    return
                rest, self._rest = self._rest(), None
                self._ranked.extend(self._rank(rest))
                continue
            yield self._ranked[index]
            index += 1

    def __bool__(self) -> bool:
        return bool(self._ranked)


def window_days(clock: LocalTime, window: Window, now: int) -> tuple[int, int] | None:
    """First and last local day of a window ending today; ``None`` for all time."""
    if window is Window.ALL:
        return None
    today = clock.day(now)
    first = window.first_day(today)
    assert first is not None  # Every window but ALL starts on a day.
    return first, today


def take_unique(track_ids: Iterable[int], used: set[int], limit: int, into: list[int]) -> None:
    """Append tracks not used yet to ``into`` until it holds ``limit``."""
    for track_id in track_ids:
        if len(into) >= limit:
            return
        if track_id not in used:
            used.add(track_id)
            into.append(track_id)
