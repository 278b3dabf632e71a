"""Top lists (artists, albums, tracks) of a range of local days, over one read connection.

They rank by plays, then name (case-insensitive), then id; ties at the last place are kept
until the final cut, so the names decide. Day ranges read the daily rollups; a range holding
every play reads the all-time totals; tracks of short ranges are counted from the plays,
of long ones by ``TrackWindows``.
"""

from __future__ import annotations

from collections import Counter
from typing import NamedTuple

from sqlalchemy import Connection

from ..localtime import LocalTime
from .models import Ranked
from .scope import EVERYONE, Scope
from .track_windows import TrackWindows, top_with_ties

TRACK_SCAN_DAYS = 31  # Up to this long, a range's tracks are counted from its plays.
_TIE_MARGIN = 32
# Unresolved artists (one of several, nobody knows which: the AIME database import) are no
# artist of their own: per-artist figures leave them out.
RESOLVED = {"artist": " AND artist_id NOT IN (SELECT artist_id FROM artist_candidate)"}


class TopListReader:
    """The top lists, over one read connection in the store's local time (``clock``)."""

    def __init__(
        self, conn: Connection, clock: LocalTime, tracks: TrackWindows, scope: Scope = EVERYONE
    ) -> None:
        self.conn = conn
        self.clock = clock
        self._tracks = tracks
        self.scope = scope  # Whose plays: everyone's, or one person's.

    def covers_all(self, first: int, last: int) -> bool:
        """Whether local days [first, last] hold every play, so all-time totals answer."""
        days = self.scope.table("stats_day")
        low, high = self.conn.exec_driver_sql(
            f"SELECT (SELECT min(day) FROM {days}), (SELECT max(day) FROM {days})"
        ).one()
        return low is None or (first <= low and last >= high)

    def top_artists(self, first: int, last: int, count: int) -> tuple[int, list[Ranked]]:
        unique, candidates = self._counted("artist", first, last, count)
        names = self._names(
            "SELECT id, name, NULL, NULL, NULL FROM artist WHERE id IN ({marks})", candidates
        )
        return unique, _ranked(candidates, names, count)

    def top_albums(self, first: int, last: int, count: int) -> tuple[int, list[Ranked]]:
        unique, candidates = self._counted("album", first, last, count)
        names = self._names(
            "SELECT al.id, al.title, ar.name, al.artist_id, NULL"
            " FROM album al JOIN artist ar ON ar.id = al.artist_id"
            " WHERE al.id IN ({marks})",
            candidates,
        )
        return unique, _ranked(candidates, names, count)

    def top_tracks(self, first: int, last: int, count: int, key: str) -> tuple[int, list[Ranked]]:
        if self.covers_all(first, last):
            unique, candidates = self._totals("track", count)
        elif last - first < TRACK_SCAN_DAYS:
            start, end = self.clock.day_range(first, last)
            plays = Counter(
                self.conn.exec_driver_sql(
                    "SELECT track_id FROM play WHERE played_at >= ? AND played_at < ?"
                    + self.scope.plays(""),
                    (start, end),
                ).scalars()
            )
            unique, candidates = len(plays), top_with_ties(plays.items(), count)
        else:
            unique, candidates = self._tracks.top(
                self.conn, self.clock, key, (first, last), count, scope=self.scope
            )
        names = self._names(
            "SELECT t.id, t.title, ar.name, t.artist_id, t.album_id"
            " FROM track t JOIN artist ar ON ar.id = t.artist_id"
            " WHERE t.id IN ({marks})",
            candidates,
        )
        return unique, _ranked(candidates, names, count)

    def _counted(
        self, kind: str, first: int, last: int, count: int
    ) -> tuple[int, list[tuple[int, int]]]:
        """Distinct ids played in [first, last] and the top candidates, ties included."""
        if self.covers_all(first, last):
            return self._totals(kind, count)
        grouped = (
            f"SELECT {kind}_id AS item, sum(plays) AS plays "
            f"FROM {self.scope.table(f'stats_day_{kind}')} "
            f"WHERE day BETWEEN ? AND ?{RESOLVED.get(kind, '')} GROUP BY {kind}_id"
        )
        return self._top_rows(grouped, (first, last), count)

    def _totals(self, kind: str, count: int) -> tuple[int, list[tuple[int, int]]]:
        """From the all-time totals: a plain count and a top-N scan, no sort of every row."""
        table, key = self.scope.table(f"stats_{kind}"), f"{kind}_id"
        resolved = RESOLVED.get(kind, "")
        unique = int(
            self.conn.exec_driver_sql(
                f"SELECT count(*) FROM {table} WHERE 1{resolved}"
            ).scalar_one()
        )
        limit = count + _TIE_MARGIN
        top = self.conn.exec_driver_sql(
            f"SELECT {key}, plays FROM {table} WHERE 1{resolved} ORDER BY plays DESC LIMIT ?",
            (limit,),
        ).all()
        if count and len(top) == limit and top[-1][1] == top[count - 1][1]:  # Ties go on.
            top = self.conn.exec_driver_sql(
                f"SELECT {key}, plays FROM {table} WHERE plays >= ?{resolved}",
                (top[count - 1][1],),
            ).all()
        return unique, top_with_ties(((item, plays) for item, plays in top), count)

    def _top_rows(
        self, rows: str, params: tuple[int, ...], count: int
    ) -> tuple[int, list[tuple[int, int]]]:
        """How many rows ``rows`` (item, plays) gives and its top ``count``, ties included.

        SQLite ranks them, so only the top travels to Python.
        """
        limit = count + _TIE_MARGIN
        top = self.conn.exec_driver_sql(
            f"SELECT item, plays, count(*) OVER () FROM ({rows}) ORDER BY plays DESC LIMIT ?",
            (*params, limit),
        ).all()
        if not top:
            return 0, []
        unique = int(top[0][2])
        candidates = [(item, plays) for item, plays, _ in top]
        if count and len(top) == limit and top[-1][1] == top[count - 1][1]:  # Ties go on.
            candidates = [
                (item, plays)
                for item, plays in self.conn.exec_driver_sql(
                    f"SELECT item, plays FROM ({rows}) WHERE plays >= ?",
                    (*params, top[count - 1][1]),
                )
            ]
        return unique, top_with_ties(candidates, count)

    def _names(self, query: str, candidates: list[tuple[int, int]]) -> dict[int, _Names]:
        """``query``'s rows (id, name, artist, artist id, album id) by id."""
        names: dict[int, _Names] = {}
        ids = [item for item, _ in candidates]
        for start in range(0, len(ids), 500):
            chunk = ids[start : start + 500]
            for item, *row in self.conn.exec_driver_sql(
                query.format(marks=",".join("?" * len(chunk))), tuple(chunk)
            ):
                names[item] = _Names(*row)
        return names


class _Names(NamedTuple):
    """What a top list shows of an item besides its plays."""

    name: str
    artist: str | None
    artist_id: int | None
    album_id: int | None


def _ranked(
    candidates: list[tuple[int, int]], names: dict[int, _Names], count: int
) -> list[Ranked]:
    ranked = [
        Ranked(item, found.name, plays, found.artist, found.artist_id, found.album_id)
        for item, plays in candidates
        if (found := names.get(item)) is not None
    ]
    ranked.sort(key=lambda entry: (-entry.plays, entry.name.casefold(), entry.id))
    return ranked[:count]
