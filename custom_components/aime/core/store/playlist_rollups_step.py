"""Schema version 9: the playlists' rollups (a step of ``migrations.py``, frozen DDL)."""

from __future__ import annotations

# Version 9: rollups for the playlists (``core/stats/session_rollups.py``), so that each
# algorithm reads rows per session or artist instead of the window's plays. Derived
# like version 3's: a store with plays rebuilds its statistics at open (``built = 0``), in the
# rebuild's batches of plays, so the new tables equal what ingest would have written.
PLAYLIST_ROLLUPS_STEP = (
    # changes: the session's changes from this artist to another between consecutive plays.
    """CREATE TABLE stats_session_artist (
        start_at INTEGER NOT NULL,
        artist_id INTEGER NOT NULL,
        plays INTEGER NOT NULL,
        changes INTEGER NOT NULL,
        PRIMARY KEY (start_at, artist_id)
    ) WITHOUT ROWID""",
    # An artist's sessions, for artist_correlations' pairs.
    "CREATE INDEX stats_session_artist_by_artist ON stats_session_artist (artist_id, start_at)",
    """CREATE TABLE stats_session_flow (
        start_at INTEGER NOT NULL,
        from_artist INTEGER NOT NULL,
        to_artist INTEGER NOT NULL,
        times INTEGER NOT NULL,
        PRIMARY KEY (start_at, from_artist, to_artist)
    ) WITHOUT ROWID""",
    # Covering: an artist's successors over a window read the index alone.
    "CREATE INDEX stats_session_flow_from ON stats_session_flow "
    "(from_artist, start_at, to_artist, times)",
    # Albums of which the session heard at least three distinct tracks.
    """CREATE TABLE stats_session_album (
        start_at INTEGER NOT NULL,
        album_id INTEGER NOT NULL,
        tracks INTEGER NOT NULL,
        PRIMARY KEY (start_at, album_id)
    ) WITHOUT ROWID""",
    # All time: the sessions holding each artist, and the changes away from them.
    """CREATE TABLE stats_artist_session (
        artist_id INTEGER PRIMARY KEY,
        sessions INTEGER NOT NULL,
        changes INTEGER NOT NULL
    )""",
    # All time: each change between two artists, summed over every session (artist_flow).
    """CREATE TABLE stats_artist_flow (
        from_artist INTEGER NOT NULL,
        to_artist INTEGER NOT NULL,
        times INTEGER NOT NULL,
        PRIMARY KEY (from_artist, to_artist)
    ) WITHOUT ROWID""",
    # All time: the sessions that heard an album through, per distinct tracks heard.
    """CREATE TABLE stats_album_through (
        album_id INTEGER NOT NULL,
        tracks INTEGER NOT NULL,
        sessions INTEGER NOT NULL,
        PRIMARY KEY (album_id, tracks)
    ) WITHOUT ROWID""",
    # The loved tracks (rediscovery) without reading every track: partial, a row per loved track.
    "CREATE INDEX track_loved ON track (id) WHERE loved",
    # A track's plays over a window, for an artist's tracks and the AI pool's matches.
    "CREATE INDEX play_track ON play (track_id, played_at)",
    "UPDATE stats_meta SET built = 0 WHERE EXISTS (SELECT 1 FROM play)",
)
