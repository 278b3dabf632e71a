"""Statistics rollups, updated inside each ingest transaction.

Per local day (in the store's time zone): plays, listening seconds and plays of unknown length,
plays per clock hour, per source, per primary artist (the track's credit at position 0) and
per album; sessions. Per artist, album and track: all-time plays and last play (first play
for artists), written once per ingest call (``totals.py``). Queries then read a few rows per
day instead of every play (see ``stats.py``).

A play's length is what it was listened for when the source says (Roon), else its track's
duration, else unknown: unknown lengths are counted (``estimated``) and priced at query time
at the mean duration of the plays whose duration is known (``stats_meta.priced_*``).
Reports that bring a length later correct the rollups already written, so that they always
equal a recomputation from the plays: listened seconds merged from a report, or updated (a
Roon play heard on after it counted), at once; a track's newly learned duration at the end of
the ``Store.ingest`` call (``reprice``), once for all the tracks that learned one. The SQL of
those corrections is in ``repricing.py``.

Rows are aggregated in Python, where the ingestor already holds the batch, and upserted. The
playlists' rollups (per session) are in ``session_rollups.py``.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from itertools import compress, repeat
from operator import add, floordiv, itemgetter, le, lshift, not_
from typing import Any, NamedTuple

from sqlalchemy import Connection

from ..localtime import LocalTime
from . import repricing
from .bulk import (
    KEY_BITS,
    UPSERT_DAY,
    UPSERT_PLAYS,
    add_priced,
    chunks,
    executemany,
    upsert_day_plays,
)
from .person_rollups import PersonRollups
from .session_rollups import PLAYLIST_TABLES, replace_sessions, session_plays
from .sessions import SESSION_GAP, Session, merge_sessions, session_runs
from .totals import Totals

DEFAULT_PLAY_SECONDS = 240  # Until some play's duration is known.
_REBUILD_CHUNK = 50_000
_TRACK_CACHE_LIMIT = 500_000
_DAY = 86_400
_HOUR = 3_600

STATS_TABLES = (
    "stats_day",
    "stats_day_hour",
    "stats_week_hour",
    "stats_day_source",
    "stats_day_artist",
    "stats_day_album",
    "stats_artist",
    "stats_album",
    "stats_track",
    "stats_repricing",
    "stats_session",
    *PLAYLIST_TABLES,
)


class _Columns(NamedTuple):
    """Plays as columns, sorted by (played_at, id)."""

    play_ids: Sequence[int]
    track_ids: Sequence[int]
    times: Sequence[int]
    sources: Sequence[int]
    listened: Sequence[int | None]
    artists: Sequence[int]
    albums: Sequence[int]
    durations: Sequence[int | None]


class Rollups:
    """Keeps the rollups of one store; used under the store's write lock."""

    def __init__(self, time_zone: str) -> None:
        self.clock = LocalTime(time_zone)
        # Track details in three dicts of ints: no tuple per track for the collector to scan.
        self._artist_of: dict[int, int] = {}
        self._album_of: dict[int, int] = {}
        self._duration_of: dict[int, int | None] = {}
        self._totals = Totals()
        self.repricing = False  # Tracks may wait in stats_repricing.
        self.people = PersonRollups(lambda: self.clock)

    @property
    def time_zone(self) -> str:
        """The IANA zone the days are counted in."""
        return self.clock.name

    @time_zone.setter
    def time_zone(self, name: str) -> None:
        self.clock = LocalTime(name)

    def due(self, *, bulk: bool) -> bool:
        """Whether an ingest call should ``finish`` now (a bulk one leaves the totals summing;
        ``bulk=False``: whether ``finish`` has anything to do)."""
        return self.repricing or self._totals.due(bulk=bulk)

    def reset(self) -> None:
        """Forget what a rolled-back batch may have left: cached tracks, summed totals."""
        self._forget_tracks()
        self._totals.discard()

    def finish(self, conn: Connection) -> None:
        """End of an ingest call: write the all-time totals, price what learned a duration."""
        self._totals.write(conn)
        if self.repricing:
            self.reprice(conn)

    def remember_track(
        self, track_id: int, artist_id: int, album_id: int, duration: int | None
    ) -> None:
        """Details of a track the ingestor resolved, to spare a lookup."""
        self._artist_of[track_id] = artist_id
        self._album_of[track_id] = album_id
        self._duration_of[track_id] = duration

    # --- ingest hooks ---------------------------------------------------------------------

    def add_plays(self, conn: Connection, rows: Sequence[Sequence[Any]]) -> None:
        """Count new play rows ``(id, track_id, played_at, source_id, _, _, listened, _)``."""
        if not rows:
            return
        play_ids, track_ids, times, sources, _, _, listened, _ = zip(*rows, strict=True)
        if not all(map(le, times, times[1:])):
            # Ids grow in insertion order, so a stable sort on the start orders by (start, id).
            play_ids, track_ids, times, sources, _, _, listened, _ = zip(
                *sorted(rows, key=itemgetter(2)), strict=True
            )
        if len(self._artist_of) > _TRACK_CACHE_LIMIT:  # Bound memory; reload what is needed.
            self._forget_tracks()
        self._load_tracks(conn, track_ids)
        artists = list(map(self._artist_of.__getitem__, track_ids))
        albums = list(map(self._album_of.__getitem__, track_ids))
        durations = list(map(self._duration_of.__getitem__, track_ids))
        self._add(
            conn,
            _Columns(play_ids, track_ids, times, sources, listened, artists, albums, durations),
        )

    def add_reports(self, conn: Connection, reports: Iterable[tuple[int, int]]) -> None:
        """Count other sources' reports merged into plays: ``(play's played_at, source_id)``."""
        pairs = list(reports)
        if pairs:
            times, sources = zip(*pairs, strict=True)
            days = map(floordiv, self.clock.local_seconds(times), repeat(_DAY))
            keys = map(add, map(lshift, days, repeat(KEY_BITS)), sources)
            upsert_day_plays(conn, "stats_day_source", "source_id", Counter(keys))

    def durations_filled(self, conn: Connection, durations: dict[int, int]) -> None:
        """Tracks learned their duration: note them for ``reprice``."""
        for track_id, duration in durations.items():
            if track_id in self._duration_of:
                self._duration_of[track_id] = duration
        repricing.note_durations(conn, durations)
        self.repricing = True

    def reprice(self, conn: Connection) -> int:
        """Price the plays of unknown length of tracks that learned their duration.

        Returns how many plays were priced.
        """
        self.repricing = False
        people = conn.exec_driver_sql(  # Through the partial index: at once when nobody.
            "SELECT EXISTS (SELECT 1 FROM play WHERE listener_id IS NOT NULL)"
        ).scalar()
        tracks = (
            [row[0] for row in conn.exec_driver_sql("SELECT track_id FROM stats_repricing")]
            if people
            else []
        )
        priced = repricing.reprice(conn, self.clock)
        if tracks:
            self.people.tracks_priced(conn, tracks)
        return priced

    def listened_filled(
        self, conn: Connection, listened: dict[int, int], *, replace: bool = False
    ) -> None:
        """Stored plays are about to learn how long they were listened: re-price them.

        Call before the update. Plays that already know their listened seconds keep them,
        unless ``replace``: then their day moves by the difference (a Roon play heard on).
        """
        repricing.listened_filled(conn, self.clock, listened, replace=replace)

    # --- rebuild --------------------------------------------------------------------------

    def rebuild(self, conn: Connection) -> None:
        """Recompute every rollup from the plays, in this store's time zone."""
        self.reset()
        self._totals = Totals()
        for table in STATS_TABLES:
            conn.exec_driver_sql(f"DELETE FROM {table}")
        conn.exec_driver_sql(
            "UPDATE stats_meta SET time_zone = ?, built = 1, priced_plays = 0, "
            "priced_seconds = 0, totals_through = 0",
            (self.time_zone,),
        )
        result = conn.exec_driver_sql(
            "SELECT p.id, p.track_id, p.played_at, p.source_id, p.seconds_listened, "
            "t.artist_id, t.album_id, t.duration FROM play p JOIN track t ON t.id = p.track_id "
            "ORDER BY p.played_at, p.id"
        )
        while rows := result.fetchmany(_REBUILD_CHUNK):
            self._add(conn, _Columns(*zip(*rows, strict=True)))
        reports = conn.exec_driver_sql(
            "SELECT p.played_at, r.source_id FROM play_report r JOIN play p ON p.id = r.play_id"
        )
        while chunk := reports.fetchmany(_REBUILD_CHUNK):
            self.add_reports(conn, [(at, source) for at, source in chunk])
        self._totals.write(conn)
        self.repricing = False
        self.people.rebuild(conn)

    # --- aggregation ----------------------------------------------------------------------

    def _add(self, conn: Connection, plays: _Columns) -> None:
        """Count plays given as columns, sorted by (played_at, id)."""
        local = self.clock.local_seconds(plays.times)
        days = list(map(floordiv, local, repeat(_DAY)))
        # (day, id) pairs packed in one int: counting ints is much cheaper than tuples.
        day_keys = list(map(lshift, days, repeat(KEY_BITS)))
        lengths = [
            heard or duration
            for heard, duration in zip(plays.listened, plays.durations, strict=True)
        ]
        self._add_days(conn, plays, days=days, local=local, lengths=lengths)
        for table, column, ids in (
            ("stats_day_artist", "artist_id", plays.artists),
            ("stats_day_album", "album_id", plays.albums),
        ):
            upsert_day_plays(conn, table, column, Counter(map(add, day_keys, ids)))
        self._totals.add(plays.play_ids, plays.track_ids, plays.artists, plays.albums, plays.times)
        # Plays without listened seconds whose duration is known: priced by the duration.
        by_duration = list(compress(plays.durations, map(not_, plays.listened)))
        priced = len(by_duration) - by_duration.count(None)
        if priced:
            add_priced(conn, priced, sum(filter(None, by_duration)))
        runs = session_runs(plays.times, plays.play_ids, plays.track_ids, lengths)
        written, deleted = self._add_sessions(conn, runs)
        batch = session_plays(runs, plays.track_ids, plays.artists, plays.albums)
        replace_sessions(conn, runs, written, deleted, batch)

    def _add_days(
        self,
        conn: Connection,
        plays: _Columns,
        *,
        days: list[int],
        local: list[int],
        lengths: list[int | None],
    ) -> None:
        """Per-day totals and sources, per-hour plays; ``days`` is sorted."""
        totals: list[tuple[int, int, int, int]] = []
        by_source: list[tuple[int, int, int]] = []
        start = 0
        while start < len(days):
            day = days[start]
            end = bisect_left(days, day + 1, start)
            span = lengths[start:end]
            totals.append((day, end - start, sum(filter(None, span)), span.count(None)))
            day_sources = plays.sources[start:end]
            by_source.extend((day, code, day_sources.count(code)) for code in set(day_sources))
            start = end
        conn.exec_driver_sql(UPSERT_DAY, totals)
        conn.exec_driver_sql(
            UPSERT_PLAYS.format(table="stats_day_source", keys="day, source_id"), by_source
        )
        hours = Counter(map(floordiv, local, repeat(_HOUR)))  # day * 24 + hour
        executemany(
            conn,
            UPSERT_PLAYS.format(table="stats_day_hour", keys="day, hour"),
            ((key // 24, key % 24, count) for key, count in hours.items()),
        )
        week_hours: Counter[int] = Counter()
        for key, count in hours.items():  # 1970-01-01, day 0, was a Thursday: weekday 3.
            week_hours[(key + 72) % 168] += count
        executemany(
            conn,
            UPSERT_PLAYS.format(table="stats_week_hour", keys="weekday, hour"),
            ((key // 24, key % 24, count) for key, count in week_hours.items()),
        )

    def _add_sessions(
        self, conn: Connection, runs: list[Session]
    ) -> tuple[list[Session], list[int]]:
        """Merge the batch's sessions with the stored ones: the sessions written, and the
        starts of the stored ones replaced."""
        low, high = runs[0].start_at, runs[-1].last_at
        stored = [
            Session(*row)
            for row in conn.exec_driver_sql(
                "SELECT start_at, last_at, plays, last_play_id, last_track_id, last_seconds "
                "FROM stats_session WHERE start_at <= ? AND start_at >= coalesce("
                "(SELECT max(start_at) FROM stats_session WHERE start_at < ?), ?)",
                (high + SESSION_GAP, low, low),
            )
        ]
        deleted, written = merge_sessions(stored, runs)
        if deleted:
            conn.exec_driver_sql(
                "DELETE FROM stats_session WHERE start_at = ?", [(at,) for at in deleted]
            )
        conn.exec_driver_sql(
            "INSERT INTO stats_session (start_at, last_at, plays, last_play_id, last_track_id,"
            " last_seconds) VALUES (?, ?, ?, ?, ?, ?)",
            [session.row() for session in written],
        )
        return written, deleted

    def _load_tracks(self, conn: Connection, track_ids: Iterable[int]) -> None:
        """Make sure the details of these tracks are cached (the ingestor usually did)."""
        cached = self._artist_of
        missing = [track for track in set(track_ids) if track not in cached]
        for chunk in chunks(missing):
            marks = ",".join("?" * len(chunk))
            for track_id, artist_id, album_id, duration in conn.exec_driver_sql(
                f"SELECT id, artist_id, album_id, duration FROM track WHERE id IN ({marks})",
                tuple(chunk),
            ):
                self.remember_track(track_id, artist_id, album_id, duration)

    def _forget_tracks(self) -> None:
        self._artist_of, self._album_of, self._duration_of = {}, {}, {}
