"""Per-person statistics rollups: the household's daily and all-time rollups, per listener.

Written only for plays that name who listened (``play.listener_id``), so a household-only
store writes none. Rather than mirror every incremental rule of ``rollups.py``, a person's
days and sessions around the plays that changed are recounted from that person's plays
(through the partial index ``play_listener``): a live play re-reads one day and one session,
an import batch the days it covers. The all-time totals grow with each added play; a person
whose plays were re-assigned (``Store.assign_listener``) is rebuilt whole.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from typing import Any

from sqlalchemy import Connection

from ..localtime import LocalTime
from .bulk import chunks, executemany, fetch
from .sessions import SESSION_GAP, session_runs

_DAY = 86_400
_HOUR = 3_600
_RUN_GAP_DAYS = 7  # Changed days further apart are recounted as separate ranges.
DAY_TABLES = ("person_day", "person_day_hour", "person_day_artist", "person_day_album")
PERSON_TABLES = (
    *DAY_TABLES,
    "person_week_hour",
    "person_artist",
    "person_album",
    "person_track",
    "person_session",
)
_PLAYS = (
    "SELECT p.id, p.played_at, p.track_id, p.seconds_listened, t.artist_id, t.album_id, "
    "t.duration FROM play p JOIN track t ON t.id = p.track_id "
    "WHERE p.listener_id = ? AND p.played_at >= ? AND p.played_at < ? ORDER BY p.played_at, p.id"
)
_ADD_ARTIST = (
    "INSERT INTO person_artist (listener_id, artist_id, plays, first_played_at, last_played_at) "
    "VALUES (?, ?, ?, ?, ?) ON CONFLICT (listener_id, artist_id) DO UPDATE SET "
    "plays = plays + excluded.plays, "
    "first_played_at = min(first_played_at, excluded.first_played_at), "
    "last_played_at = max(last_played_at, excluded.last_played_at)"
)
_ADD_LAST = (
    "INSERT INTO person_{kind} (listener_id, {kind}_id, plays, last_played_at) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (listener_id, {kind}_id) DO UPDATE SET plays = plays + excluded.plays, "
    "last_played_at = max(last_played_at, excluded.last_played_at)"
)
_ADD_WEEK_HOUR = (
    "INSERT INTO person_week_hour (listener_id, weekday, hour, plays) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (listener_id, weekday, hour) DO UPDATE SET plays = plays + excluded.plays"
)

type _Play = tuple[int, int, int, int | None, int, int, int | None]
"""(id, played_at, track_id, seconds_listened, artist_id, album_id, duration)"""


class PersonRollups:
    """Keeps the per-person rollups of one store; used under the store's write lock."""

    def __init__(self, clock: Callable[[], LocalTime]) -> None:
        self._clock = clock  # The household rollups' clock: one time zone for both.

    def plays_changed(
        self, conn: Connection, added: Sequence[int], priced: Sequence[int] = ()
    ) -> None:
        """Plays became a person's (``added``: new, or a household play a person reported), or
        a person's play learned its length (``priced``: plays of the household are ignored)."""
        changed: dict[int, list[int]] = {}  # listener -> start times
        new: list[tuple[int, int, int]] = []  # (listener, played_at, track_id)
        adding = set(added)
        for chunk in chunks(list(dict.fromkeys([*added, *priced]))):
            marks = ",".join("?" * len(chunk))
            for play_id, listener, at, track in fetch(
                conn,
                "SELECT id, listener_id, played_at, track_id FROM play "
                f"WHERE id IN ({marks}) AND listener_id IS NOT NULL",
                chunk,
            ):
                changed.setdefault(listener, []).append(at)
                if play_id in adding:
                    new.append((listener, at, track))
        self._add_totals(conn, new)
        clock = self._clock()
        for listener, times in changed.items():
            for low, high in _ranges(times):
                self._recount_days(conn, clock, listener, clock.day(low), clock.day(high))
                self._recount_sessions(conn, listener, low, high)

    def tracks_priced(self, conn: Connection, track_ids: Iterable[int]) -> None:
        """Tracks learned their duration: recount the persons' days and sessions holding them."""
        tracks = list(track_ids)
        found: list[int] = []
        for chunk in chunks(tracks):
            marks = ",".join("?" * len(chunk))
            found.extend(
                row[0]
                for row in fetch(
                    conn,
                    "SELECT id FROM play WHERE listener_id IS NOT NULL AND seconds_listened IS NULL"
                    f" AND track_id IN ({marks})",
                    chunk,
                )
            )
        if found:
            self.plays_changed(conn, [], found)

    def rebuild(self, conn: Connection, listeners: Iterable[int] | None = None) -> None:
        """Recount these persons' rollups (every person's when ``None``) from their plays."""
        if listeners is None:
            for table in PERSON_TABLES:
                conn.exec_driver_sql(f"DELETE FROM {table}")
            listeners = [row[0] for row in fetch(conn, "SELECT id FROM listener")]
        clock = self._clock()
        for listener in listeners:
            for table in PERSON_TABLES:
                conn.exec_driver_sql(f"DELETE FROM {table} WHERE listener_id = ?", (listener,))
            bounds = fetch(
                conn,
                "SELECT min(played_at), max(played_at) FROM play WHERE listener_id = ?",
                (listener,),
            )[0]
            if bounds[0] is None:
                continue
            low, high = clock.day(bounds[0]), clock.day(bounds[1])
            plays = self._recount_days(conn, clock, listener, low, high)
            self._add_totals(conn, [(listener, play[1], play[2]) for play in plays])
            self._recount_sessions(conn, listener, bounds[0], bounds[1])

    # --- recounts -------------------------------------------------------------------------

    def _add_totals(self, conn: Connection, plays: list[tuple[int, int, int]]) -> None:
        """Add (listener, played_at, track) plays to the persons' all-time totals."""
        if not plays:
            return
        details: dict[int, tuple[int, int]] = {}
        tracks = sorted({track for _, _, track in plays})
        for chunk in chunks(tracks):
            marks = ",".join("?" * len(chunk))
            for track, artist, album in fetch(
                conn, f"SELECT id, artist_id, album_id FROM track WHERE id IN ({marks})", chunk
            ):
                details[track] = (artist, album)
        artists: dict[tuple[int, int], list[int]] = {}
        albums: dict[tuple[int, int], list[int]] = {}
        by_track: dict[tuple[int, int], list[int]] = {}
        for listener, at, track in plays:
            artist, album = details[track]
            for sums, key in ((artists, artist), (albums, album), (by_track, track)):
                found = sums.get((listener, key))
                if found is None:
                    sums[listener, key] = [1, at, at]
                else:
                    found[0] += 1
                    found[1], found[2] = min(found[1], at), max(found[2], at)
        executemany(conn, _ADD_ARTIST, [(*key, *value) for key, value in artists.items()])
        for kind, sums in (("album", albums), ("track", by_track)):
            executemany(
                conn,
                _ADD_LAST.format(kind=kind),
                [(*key, plays, last) for key, (plays, _, last) in sums.items()],
            )

    def _recount_days(
        self, conn: Connection, clock: LocalTime, listener: int, low: int, high: int
    ) -> list[_Play]:
        """Rewrite the person's rollups of local days ``low`` to ``high``; return their plays."""
        start, end = clock.day_range(low, high)
        plays: list[_Play] = fetch(conn, _PLAYS, (listener, start, end))
        old_hours = fetch(
            conn,
            "SELECT day, hour, plays FROM person_day_hour "
            "WHERE listener_id = ? AND day BETWEEN ? AND ?",
            (listener, low, high),
        )
        for table in DAY_TABLES:
            conn.exec_driver_sql(
                f"DELETE FROM {table} WHERE listener_id = ? AND day BETWEEN ? AND ?",
                (listener, low, high),
            )
        local = clock.local_seconds([play[1] for play in plays])
        days: dict[int, list[int]] = {}
        hours: Counter[tuple[int, int]] = Counter()
        artists: Counter[tuple[int, int]] = Counter()
        albums: Counter[tuple[int, int]] = Counter()
        for play, seconds in zip(plays, local, strict=True):
            day = seconds // _DAY
            length = play[3] or play[6]
            totals = days.setdefault(day, [0, 0, 0])
            totals[0] += 1
            if length is None:
                totals[2] += 1
            else:
                totals[1] += length
            hours[day, seconds % _DAY // _HOUR] += 1
            artists[day, play[4]] += 1
            albums[day, play[5]] += 1
        executemany(
            conn,
            "INSERT INTO person_day (listener_id, day, plays, seconds, estimated) "
            "VALUES (?, ?, ?, ?, ?)",
            [(listener, day, *totals) for day, totals in days.items()],
        )
        for table, counts in (
            ("person_day_hour (listener_id, day, hour", hours),
            ("person_day_artist (listener_id, day, artist_id", artists),
            ("person_day_album (listener_id, day, album_id", albums),
        ):
            executemany(
                conn,
                f"INSERT INTO {table}, plays) VALUES (?, ?, ?, ?)",
                [(listener, *key, plays) for key, plays in counts.items()],
            )
        week: Counter[tuple[int, int]] = Counter()
        for (day, hour), plays_then in hours.items():
            week[(day + 3) % 7, hour] += plays_then  # 1970-01-01, day 0, was a Thursday.
        for day, hour, plays_then in old_hours:
            week[(day + 3) % 7, hour] -= plays_then
        executemany(conn, _ADD_WEEK_HOUR, [(listener, *key, n) for key, n in week.items() if n])
        conn.exec_driver_sql(
            "DELETE FROM person_week_hour WHERE listener_id = ? AND plays = 0", (listener,)
        )
        return plays

    def _recount_sessions(self, conn: Connection, listener: int, low: int, high: int) -> None:
        """Rewrite the person's sessions around plays started from ``low`` to ``high``.

        The stored sessions that could join them are the last one starting before ``low``
        and those starting up to a gap after ``high``: sessions are more than a gap apart.
        """
        stored = fetch(
            conn,
            "SELECT min(start_at), max(last_at) FROM person_session WHERE listener_id = ? "
            "AND start_at <= ? AND start_at >= coalesce((SELECT max(start_at) FROM "
            "person_session WHERE listener_id = ? AND start_at < ?), ?)",
            (listener, high + SESSION_GAP, listener, low, low),
        )[0]
        first = min(low, stored[0]) if stored[0] is not None else low
        last = max(high, stored[1]) if stored[1] is not None else high
        conn.exec_driver_sql(
            "DELETE FROM person_session WHERE listener_id = ? AND start_at BETWEEN ? AND ?",
            (listener, first, last),
        )
        plays: list[Any] = fetch(conn, _PLAYS, (listener, first, last + 1))
        if not plays:
            return
        ids, times, tracks, heard, _, _, durations = zip(*plays, strict=True)
        lengths = [seconds or duration for seconds, duration in zip(heard, durations, strict=True)]
        runs = session_runs(times, ids, tracks, lengths)
        executemany(
            conn,
            "INSERT INTO person_session (listener_id, start_at, last_at, plays, last_play_id, "
            "last_track_id, last_seconds) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(listener, *run.row()) for run in runs],
        )


def _ranges(times: list[int]) -> list[tuple[int, int]]:
    """The first and last of ``times`` in runs, split where they are far apart."""
    ranges: list[tuple[int, int]] = []
    for at in sorted(times):
        if ranges and at - ranges[-1][1] <= _RUN_GAP_DAYS * _DAY:
            ranges[-1] = (ranges[-1][0], at)
        else:
            ranges.append((at, at))
    return ranges
