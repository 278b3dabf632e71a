"""Forward-only schema migrations.

Each step is frozen DDL: once released, a step never changes; a schema change is a new step.
A fresh database runs every step from version 1, so the upgrade path is the only path and
is exercised by every test that opens a store.
"""

from __future__ import annotations

from sqlalchemy import Connection

# Version 1: the listening history.
_V1 = (
    """CREATE TABLE source (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL UNIQUE
    )""",
    """CREATE TABLE artist (
        id INTEGER PRIMARY KEY,
        key TEXT NOT NULL UNIQUE,
        name TEXT NOT NULL
    )""",
    # Album identity is (album artist, normalised title):
    # two artists' "Greatest Hits" are two albums.
    """CREATE TABLE album (
        id INTEGER PRIMARY KEY,
        artist_id INTEGER NOT NULL REFERENCES artist(id),
        key TEXT NOT NULL,
        title TEXT NOT NULL,
        UNIQUE (artist_id, key)
    )""",
    # artist_id is the primary credited artist: with the title key it identifies the song
    # across sources whose album names differ.
    """CREATE TABLE track (
        id INTEGER PRIMARY KEY,
        album_id INTEGER NOT NULL REFERENCES album(id),
        artist_id INTEGER NOT NULL REFERENCES artist(id),
        key TEXT NOT NULL,
        title TEXT NOT NULL,
        duration INTEGER,
        track_number INTEGER,
        loved INTEGER NOT NULL DEFAULT 0,
        UNIQUE (album_id, key)
    )""",
    """CREATE TABLE credit (
        track_id INTEGER NOT NULL REFERENCES track(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        artist_id INTEGER NOT NULL REFERENCES artist(id),
        PRIMARY KEY (track_id, position)
    ) WITHOUT ROWID""",
    """CREATE TABLE device (
        id INTEGER PRIMARY KEY,
        source_id INTEGER NOT NULL REFERENCES source(id),
        name TEXT NOT NULL,
        UNIQUE (source_id, name)
    )""",
    # source_id is the source that reported the play first.
    """CREATE TABLE play (
        id INTEGER PRIMARY KEY,
        track_id INTEGER NOT NULL REFERENCES track(id),
        played_at INTEGER NOT NULL,
        source_id INTEGER NOT NULL REFERENCES source(id),
        device_id INTEGER REFERENCES device(id),
        loved INTEGER NOT NULL DEFAULT 0,
        seconds_listened INTEGER
    )""",
    # The natural key, ordered by time first so the same index serves time-window queries.
    "CREATE UNIQUE INDEX play_identity ON play (played_at, track_id, source_id)",
    # Another source's report merged into a play, with its own start time, so that
    # re-ingesting it is recognised as a duplicate rather than merged again.
    # Columns in key order: SQLite 3.40's quick_check misreads WITHOUT ROWID tables otherwise.
    """CREATE TABLE play_report (
        played_at INTEGER NOT NULL,
        play_id INTEGER NOT NULL REFERENCES play(id) ON DELETE CASCADE,
        source_id INTEGER NOT NULL REFERENCES source(id),
        PRIMARY KEY (played_at, play_id, source_id)
    ) WITHOUT ROWID""",
    "CREATE INDEX play_report_play ON play_report (play_id)",
    "INSERT INTO source (id, name) VALUES (1, 'lastfm'), (2, 'roon'), (3, 'aime_import'), "
    "(4, 'manual')",
)

# Version 2: collection, enrichment, playlists and scheduled jobs.
_V2 = (
    """CREATE TABLE collection_item (
        id INTEGER PRIMARY KEY,
        album_id INTEGER NOT NULL REFERENCES album(id),
        discogs_release_id INTEGER UNIQUE,
        discogs_instance_id INTEGER,
        format TEXT,
        labels TEXT,
        genres TEXT,
        styles TEXT,
        pressing_year INTEGER,
        original_year INTEGER,
        cover_url TEXT,
        added_at INTEGER
    )""",
    "CREATE INDEX collection_item_album ON collection_item (album_id)",
    """CREATE TABLE enrichment (
        id INTEGER PRIMARY KEY,
        album_id INTEGER REFERENCES album(id) ON DELETE CASCADE,
        artist_id INTEGER REFERENCES artist(id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        kind TEXT NOT NULL,
        url TEXT NOT NULL,
        fetched_at INTEGER NOT NULL,
        CHECK ((album_id IS NULL) <> (artist_id IS NULL))
    )""",
    "CREATE UNIQUE INDEX enrichment_subject ON enrichment (album_id, artist_id, source, kind)",
    """CREATE TABLE ai_text (
        id INTEGER PRIMARY KEY,
        album_id INTEGER REFERENCES album(id) ON DELETE CASCADE,
        subject TEXT,
        kind TEXT NOT NULL,
        language TEXT NOT NULL,
        model TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        text TEXT NOT NULL,
        CHECK (length(trim(text)) > 0)
    )""",
    "CREATE INDEX ai_text_subject ON ai_text (album_id, kind, language)",
    """CREATE TABLE playlist (
        id INTEGER PRIMARY KEY,
        name TEXT NOT NULL,
        algorithm TEXT NOT NULL,
        parameters TEXT NOT NULL DEFAULT '{}',
        created_at INTEGER NOT NULL
    )""",
    """CREATE TABLE playlist_track (
        playlist_id INTEGER NOT NULL REFERENCES playlist(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        track_id INTEGER NOT NULL REFERENCES track(id),
        PRIMARY KEY (playlist_id, position)
    ) WITHOUT ROWID""",
    """CREATE TABLE job_run (
        job TEXT PRIMARY KEY,
        last_run INTEGER NOT NULL,
        status TEXT NOT NULL,
        detail TEXT
    )""",
)

STEPS: dict[int, tuple[str, ...]] = {1: _V1, 2: _V2}
CURRENT_VERSION = max(STEPS)

VERSION_TABLE_DDL = "CREATE TABLE schema_version (version INTEGER NOT NULL)"


def migrate(conn: Connection, from_version: int) -> int:
    """Apply every step after ``from_version`` inside the caller's transaction.

    Returns the version reached. ``from_version`` 0 means an empty database.
    """
    if from_version == 0:
        conn.exec_driver_sql(VERSION_TABLE_DDL)
        conn.exec_driver_sql("INSERT INTO schema_version (version) VALUES (0)")
    for version in range(from_version + 1, CURRENT_VERSION + 1):
        for statement in STEPS[version]:
            conn.exec_driver_sql(statement)
        conn.exec_driver_sql("UPDATE schema_version SET version = ?", (version,))
    return CURRENT_VERSION
