"""Rollups for the playlists: what each session heard.

Per session (``stats_session``'s start): each primary artist's plays and changes away from
them to another artist (``stats_session_artist``), the changes themselves
(``stats_session_flow``), and the albums of which it heard ``THROUGH_MIN_TRACKS`` distinct
tracks or more (``stats_session_album``); over all time, per artist the sessions holding them
and their changes (``stats_artist_session``), the changes summed over every session
(``stats_artist_flow``) and, per album and distinct tracks heard, the sessions that heard it
through (``stats_album_through``). The playlist algorithms then read a few rows per session,
or per artist, instead of every play; over all time, the all-time tables alone.

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
ALL_TIME_TABLES = ("stats_artist_session", "stats_artist_flow", "stats_album_through")
PLAYLIST_TABLES = (*SESSION_TABLES, *ALL_TIME_TABLES)
_ADD_FLOW = (
    "INSERT INTO stats_artist_flow (from_artist, to_artist, times) VALUES (?, ?, ?) "
    "ON CONFLICT (from_artist, to_artist) DO UPDATE SET times = times + excluded.times"
)
_ADD_THROUGH = (
    "INSERT INTO stats_album_through (album_id, tracks, sessions) VALUES (?, ?, ?) "
    "ON CONFLICT (album_id, tracks) DO UPDATE SET sessions = sessions + excluded.sessions"
)

# A session's changes, found through its artists: the changes are keyed by the artist changed
# from (store version 16), and every such artist is one of the session's.
_FLOWS_OF = (
    "FROM stats_session_artist a JOIN stats_session_flow f "
    "ON f.from_artist = a.artist_id AND f.start_at = a.start_at"
)

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
    """Delete these sessions' rows, taking them out of the all-time totals."""
    removed: list[Any] = []
    flows: list[Any] = []
    through: list[Any] = []
    for chunk in chunks(starts):
        marks = ",".join("?" * len(chunk))
        within = f"WHERE start_at IN ({marks})"
        for into, statement in (
            (
                removed,
                "artist_id, count(*), sum(changes) FROM stats_session_artist {} GROUP BY artist_id",
            ),
            (
                flows,
                f"f.from_artist, f.to_artist, sum(f.times) {_FLOWS_OF} "
                f"WHERE a.start_at IN ({marks}) GROUP BY f.from_artist, f.to_artist",
            ),
            (
                through,
                "album_id, tracks, count(*) FROM stats_session_album {} GROUP BY album_id, tracks",
            ),
        ):
            into.extend(
                conn.exec_driver_sql(f"SELECT {statement.format(within)}", tuple(chunk)).all()
            )
        executemany(  # By key: a row value IN (subquery) would read each artist's changes.
            conn,
            "DELETE FROM stats_session_flow WHERE from_artist = ? AND start_at = ?",
            conn.exec_driver_sql(
                f"SELECT artist_id, start_at FROM stats_session_artist {within}", tuple(chunk)
            ).all(),
        )
        for table in ("stats_session_artist", "stats_session_album"):
            conn.exec_driver_sql(f"DELETE FROM {table} {within}", tuple(chunk))
    if removed:
        _add_totals(conn, [(artist, -sessions, -changes) for artist, sessions, changes in removed])
        conn.exec_driver_sql("DELETE FROM stats_artist_session WHERE sessions = 0")
    # Only the keys just lowered can have reached zero: no scan of the whole tables.
    for statement, emptied, rows in (
        (_ADD_FLOW, "stats_artist_flow WHERE from_artist = ? AND to_artist = ? AND times", flows),
        (
            _ADD_THROUGH,
            "stats_album_through WHERE album_id = ? AND tracks = ? AND sessions",
            through,
        ),
    ):
        if rows:
            executemany(conn, statement, [(first, second, -n) for first, second, n in rows])
            executemany(
                conn, f"DELETE FROM {emptied} = 0", [(first, second) for first, second, _ in rows]
            )


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
        changed: Counter[tuple[int, int]] = Counter()
        for (_, source, target), times in flow.items():
            changed[source, target] += times
        executemany(conn, _ADD_FLOW, [(*pair, times) for pair, times in changed.items()])
    distinct = set(zip(starts, albums, tracks, strict=True))
    heard = Counter(map(itemgetter(0, 1), distinct))
    through = [(start, album, n) for (start, album), n in heard.items() if n >= THROUGH_MIN_TRACKS]
    if through:
        executemany(
            conn,
            "INSERT INTO stats_session_album (start_at, album_id, tracks) VALUES (?, ?, ?)",
            through,
        )
        sessions_through = Counter((album, n) for _, album, n in through)
        executemany(conn, _ADD_THROUGH, [(*key, n) for key, n in sessions_through.items()])
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
