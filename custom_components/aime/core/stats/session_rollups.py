"""Rollups for the playlists: what each session heard.

Per session (``stats_session``'s start): each primary artist's plays and changes away from
them to another artist (``stats_session_artist``), the changes themselves
(``stats_session_flow``), and the albums of which it heard ``THROUGH_MIN_TRACKS`` distinct
tracks or more (``stats_session_album``); per artist over all time, the sessions holding them
and their changes (``stats_artist_session``). The playlist algorithms then read a few rows
per session, or per artist, instead of every play.

Sessions only grow or join as plays arrive (``sessions.py``), and neither counts is additive
when two join (an artist heard on both sides is in one session, not two; a change may span
the join), so a written session's rows are replaced as a whole: from the batch's columns
when the session is new, else from its stored plays, read back by time (a few dozen rows for
a live play extending the session under way).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from itertools import chain, compress, repeat
from operator import and_, eq, itemgetter, ne
from typing import Any

from sqlalchemy import Connection

from .bulk import chunks, executemany
from .sessions import Session

THROUGH_MIN_TRACKS = 3  # An album is heard through with at least this many distinct tracks.
SESSION_TABLES = ("stats_session_artist", "stats_session_flow", "stats_session_album")
PLAYLIST_TABLES = (*SESSION_TABLES, "stats_artist_session")

type SessionPlays = tuple[Sequence[int], Sequence[int], Sequence[int], Sequence[int]]
"""Columns sorted by (played_at, id): session start per play, track, artist, album."""


def replace_sessions(
    conn: Connection,
    runs: list[Session],
    written: list[Session],
    deleted: list[int],
    batch: SessionPlays,
) -> None:
    """Rewrite the rows of the sessions just written (``merge_sessions``'s result).

    ``runs`` are the batch's sessions, in order, and ``batch`` its plays.
    """
    new = {(run.start_at, run.plays) for run in runs}
    merged = [session for session in written if (session.start_at, session.plays) not in new]
    _forget(conn, deleted)  # Every stored part of a written session (none for new ones).
    fresh = {session.start_at for session in written} - {session.start_at for session in merged}
    keep = [start in fresh for start in batch[0]]
    columns = [list(compress(column, keep)) for column in batch]
    for session in merged:
        rows = conn.exec_driver_sql(
            "SELECT t.id, t.artist_id, t.album_id FROM play p JOIN track t ON t.id = p.track_id "
            "WHERE p.played_at BETWEEN ? AND ? ORDER BY p.played_at, p.id",
            (session.start_at, session.last_at),
        ).all()
        columns[0].extend(repeat(session.start_at, len(rows)))
        for column, values in zip(columns[1:], zip(*rows, strict=True), strict=True):
            column.extend(values)
    _write(conn, (columns[0], columns[1], columns[2], columns[3]))


def session_plays(
    runs: list[Session], tracks: Sequence[int], artists: Sequence[int], albums: Sequence[int]
) -> SessionPlays:
    """The batch's columns with each play's session start (``runs`` from ``session_runs``)."""
    starts = list(chain.from_iterable(repeat(run.start_at, run.plays) for run in runs))
    return starts, tracks, artists, albums


def _forget(conn: Connection, starts: list[int]) -> None:
    """Delete these sessions' rows, taking them out of the all-time per-artist totals."""
    removed: list[Any] = []
    for chunk in chunks(starts):
        marks = ",".join("?" * len(chunk))
        removed.extend(
            conn.exec_driver_sql(
                "SELECT artist_id, count(*), sum(changes) FROM stats_session_artist "
                f"WHERE start_at IN ({marks}) GROUP BY artist_id",
                tuple(chunk),
            ).all()
        )
        for table in SESSION_TABLES:
            conn.exec_driver_sql(f"DELETE FROM {table} WHERE start_at IN ({marks})", tuple(chunk))
    if removed:
        _add_totals(conn, [(artist, -sessions, -changes) for artist, sessions, changes in removed])
        conn.exec_driver_sql("DELETE FROM stats_artist_session WHERE sessions = 0")


def _write(conn: Connection, plays: SessionPlays) -> None:
    """Insert the rows of whole sessions given as columns (consecutive plays by session)."""
    starts, tracks, artists, albums = plays
    if not starts:
        return
    by_artist = Counter(zip(starts, artists, strict=True))
    moves = map(and_, map(eq, starts, starts[1:]), map(ne, artists, artists[1:]))
    flow = Counter(compress(zip(starts, artists, artists[1:], strict=False), moves))
    away: Counter[tuple[int, int]] = Counter()
    for (start, source, _), times in flow.items():
        away[start, source] += times
    executemany(
        conn,
        "INSERT INTO stats_session_artist (start_at, artist_id, plays, changes) "
        "VALUES (?, ?, ?, ?)",
        [(*key, count, away[key]) for key, count in by_artist.items()],
    )
    if flow:
        executemany(
            conn,
            "INSERT INTO stats_session_flow (start_at, from_artist, to_artist, times) "
            "VALUES (?, ?, ?, ?)",
            [(start, source, target, times) for (start, source, target), times in flow.items()],
        )
    distinct = set(zip(starts, albums, tracks, strict=True))
    heard = Counter(map(itemgetter(0, 1), distinct))
    through = [(start, album, n) for (start, album), n in heard.items() if n >= THROUGH_MIN_TRACKS]
    if through:
        executemany(
            conn,
            "INSERT INTO stats_session_album (start_at, album_id, tracks) VALUES (?, ?, ?)",
            through,
        )
    sessions: Counter[int] = Counter(artist for _, artist in by_artist)
    changes: Counter[int] = Counter()
    for (_, artist), count in away.items():
        changes[artist] += count
    _add_totals(conn, [(artist, count, changes[artist]) for artist, count in sessions.items()])


def _add_totals(conn: Connection, deltas: list[tuple[int, int, int]]) -> None:
    executemany(
        conn,
        "INSERT INTO stats_artist_session (artist_id, sessions, changes) VALUES (?, ?, ?) "
        "ON CONFLICT (artist_id) DO UPDATE SET sessions = sessions + excluded.sessions, "
        "changes = changes + excluded.changes",
        deltas,
    )
