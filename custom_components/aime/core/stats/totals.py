"""All-time totals per artist, album and track, written once per ``Store.ingest`` call.

These rows are keyed by id, so a batch's upserts land all over their tables and dirty most of
their pages; writing them per 5,000-play batch made ingest a third slower. Contributions are
therefore summed in memory across the batches of one call and written at its end. A bulk
import calls once per page of 200 plays: its sums are kept across calls and written every
``BULK_WRITE_PLAYS`` plays, and when it settles (``Store.settle_statistics``).

``stats_meta.totals_through`` is the highest play id the totals count. When the summed plays
are not exactly the plays after it (a batch rolled back, a call interrupted, another writer),
the totals catch up from the play table instead, so they never drift.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from sqlalchemy import Connection

from .bulk import executemany

_CATCH_UP_CHUNK = 50_000
# A page's totals dirty about as many pages of these tables as its plays: summing a hundred
# pages first writes each hot row once instead of once per page (the totals lag that much).
BULK_WRITE_PLAYS = 20_000
_UPSERT_ARTISTS = (
    "INSERT INTO stats_artist (artist_id, plays, first_played_at, last_played_at) "
    "VALUES (?, ?, ?, ?) ON CONFLICT (artist_id) DO UPDATE SET plays = plays + excluded.plays, "
    "first_played_at = min(first_played_at, excluded.first_played_at), "
    "last_played_at = max(last_played_at, excluded.last_played_at)"
)
_UPSERT_LAST = (
    "INSERT INTO {table} ({key}, plays, last_played_at) VALUES (?, ?, ?) "
    "ON CONFLICT ({key}) DO UPDATE SET plays = plays + excluded.plays, "
    "last_played_at = max(last_played_at, excluded.last_played_at)"
)


class Totals:
    """Plays summed since the last write; used under the store's write lock."""

    def __init__(self) -> None:
        self.stale = False  # Sums were dropped: catch up from the plays at the next write.
        self._count = 0
        self._low = 2**63
        self._high = 0
        self._latest = 0
        self._artist_plays: Counter[int] = Counter()
        self._album_plays: Counter[int] = Counter()
        self._track_plays: Counter[int] = Counter()
        self._artist_first: dict[int, int] = {}
        self._artist_last: dict[int, int] = {}
        self._album_last: dict[int, int] = {}
        self._track_last: dict[int, int] = {}

    def due(self, *, bulk: bool) -> bool:
        """Whether to write now: whenever there is something to write after a plain call,
        every so many plays in bulk."""
        return self.stale or self._count >= (BULK_WRITE_PLAYS if bulk else 1)

    def add(
        self,
        play_ids: Sequence[int],
        track_ids: Sequence[int],
        artists: Sequence[int],
        albums: Sequence[int],
        times: Sequence[int],
    ) -> None:
        """Sum plays given as columns sorted by start time."""
        self._count += len(play_ids)
        low, high = min(play_ids), max(play_ids)
        self._low, self._high = min(self._low, low), max(self._high, high)
        in_order = times[0] >= self._latest
        self._latest = max(self._latest, times[-1])
        for plays, last, ids in (
            (self._artist_plays, self._artist_last, artists),
            (self._album_plays, self._album_last, albums),
            (self._track_plays, self._track_last, track_ids),
        ):
            plays.update(ids)
            latest = dict(zip(ids, times, strict=True))
            if in_order:  # The usual case: a plain update keeps the latest time.
                last.update(latest)
            else:
                for item, at in latest.items():
                    if at > last.get(item, -1):
                        last[item] = at
        earliest = dict(zip(reversed(artists), reversed(times), strict=True))
        if in_order:  # Earlier batches hold the earlier plays: theirs win.
            self._artist_first = earliest | self._artist_first
        else:
            first = self._artist_first
            for item, at in earliest.items():
                if at < first.get(item, at + 1):
                    first[item] = at

    def discard(self) -> None:
        """Drop the sums (their batch was rolled back): the next write catches up instead."""
        if self._count:
            self._clear()
            self.stale = True

    def write(self, conn: Connection) -> None:
        """Write the sums, or catch up from the plays when they do not match them."""
        mark = conn.exec_driver_sql("SELECT totals_through FROM stats_meta").scalar_one()
        newest = conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM play").scalar_one()
        exact = (
            not self.stale
            and self._count == newest - mark
            and (self._count == 0 or (self._low > mark and self._high == newest))
        )
        if not exact:
            self._clear()
            self._catch_up(conn, mark)
        if self._count:  # Sorted by id: one pass over each table's pages.
            artists, first, last = self._artist_plays, self._artist_first, self._artist_last
            executemany(
                conn,
                _UPSERT_ARTISTS,
                ((item, artists[item], first[item], last[item]) for item in sorted(artists)),
            )
            for table, key, plays, last in (
                ("stats_album", "album_id", self._album_plays, self._album_last),
                ("stats_track", "track_id", self._track_plays, self._track_last),
            ):
                executemany(
                    conn,
                    _UPSERT_LAST.format(table=table, key=key),
                    ((item, plays[item], last[item]) for item in sorted(plays)),
                )
        conn.exec_driver_sql("UPDATE stats_meta SET totals_through = ?", (newest,))
        self._clear()
        self.stale = False

    def _catch_up(self, conn: Connection, mark: int) -> None:
        result = conn.exec_driver_sql(
            "SELECT p.id, p.track_id, t.artist_id, t.album_id, p.played_at FROM play p "
            "JOIN track t ON t.id = p.track_id WHERE p.id > ? ORDER BY p.played_at, p.id",
            (mark,),
        )
        while rows := result.fetchmany(_CATCH_UP_CHUNK):
            play_ids, track_ids, artists, albums, times = zip(*rows, strict=True)
            self.add(play_ids, track_ids, artists, albums, times)

    def _clear(self) -> None:
        self._count, self._low, self._high, self._latest = 0, 2**63, 0, 0
        for sums in (
            self._artist_plays,
            self._album_plays,
            self._track_plays,
            self._artist_first,
            self._artist_last,
            self._album_last,
            self._track_last,
        ):
            sums.clear()
