"""Schema version 16: leaner rollups (issue 24; a step of ``migrations.py``, frozen DDL).

Version 9 kept ``stats_session_flow`` by session and a covering index of the same rows by
artist, for an artist's successors over a window (``core/playlists/reads.py``): keyed by artist,
the table answers those reads by itself, and a session's changes are found through its artists
(``stats_session_artist``) when the session is replaced (``core/stats/session_rollups.py``).
Version 3's ``stats_unpriced`` listed the plays of unknown length per day and track, nearly a
row per such play: the plays a newly learned duration prices are found through the plays' index
by track instead (``core/stats/repricing.py``).
"""

from __future__ import annotations

LEAN_ROLLUPS_STEP = (
    # IF EXISTS: a file the tests take back to an older version number meets this step again.
    "DROP INDEX IF EXISTS stats_session_flow_from",
    # Columns in key order: SQLite 3.40's quick_check misreads WITHOUT ROWID tables otherwise.
    """CREATE TABLE stats_session_flow_v16 (
        from_artist INTEGER NOT NULL,
        start_at INTEGER NOT NULL,
        to_artist INTEGER NOT NULL,
        times INTEGER NOT NULL,
        PRIMARY KEY (from_artist, start_at, to_artist)
    ) WITHOUT ROWID""",
    "INSERT INTO stats_session_flow_v16 (from_artist, start_at, to_artist, times) "
    "SELECT from_artist, start_at, to_artist, times FROM stats_session_flow "
    "ORDER BY from_artist, start_at, to_artist",
    "DROP TABLE stats_session_flow",
    "ALTER TABLE stats_session_flow_v16 RENAME TO stats_session_flow",
    "DROP TABLE IF EXISTS stats_unpriced",
)
