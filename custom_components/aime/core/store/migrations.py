"""Forward-only schema migrations.

Each step is frozen DDL: once released, a step never changes; a schema change is a new step.
A fresh database runs every step from version 1, so the upgrade path is the only path and
is exercised by every test that opens a store.
"""

from __future__ import annotations

from sqlalchemy import Connection

from .lean_rollups_step import LEAN_ROLLUPS_STEP
from .love_outbox_step import LOVE_OUTBOX_STEP
from .name_search import NAMED_TABLES, index_statements
from .outbox_step import OUTBOX_STEP
from .people_step import PEOPLE_STEP
from .playlist_rollups_step import PLAYLIST_ROLLUPS_STEP

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

# Version 3: statistics rollups, maintained at ingest (see ``rollups.py``). Everything here is
# derived from play and track and can be rebuilt; no foreign keys, so that upserts stay cheap.
# ``day`` is a local calendar date in stats_meta.time_zone, as days since 1970-01-01.
_V3 = (
    # built = 0: the rollups do not reflect the plays yet (a v2 file with plays): rebuild.
    # priced_*: plays whose length came from the track's duration, for the estimate of the
    # plays whose length is unknown. totals_through: the all-time totals (stats_artist,
    # stats_album, stats_track) count the plays with an id up to this one.
    """CREATE TABLE stats_meta (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        time_zone TEXT NOT NULL,
        built INTEGER NOT NULL,
        priced_plays INTEGER NOT NULL DEFAULT 0,
        priced_seconds INTEGER NOT NULL DEFAULT 0,
        totals_through INTEGER NOT NULL DEFAULT 0
    )""",
    "INSERT INTO stats_meta (id, time_zone, built) "
    "SELECT 1, 'UTC', NOT EXISTS (SELECT 1 FROM play)",
    # seconds: known listening seconds; estimated: plays whose length is unknown.
    """CREATE TABLE stats_day (
        day INTEGER PRIMARY KEY,
        plays INTEGER NOT NULL,
        seconds INTEGER NOT NULL,
        estimated INTEGER NOT NULL
    )""",
    """CREATE TABLE stats_day_hour (
        day INTEGER NOT NULL,
        hour INTEGER NOT NULL,
        plays INTEGER NOT NULL,
        PRIMARY KEY (day, hour)
    ) WITHOUT ROWID""",
    # All-time plays per local weekday (Monday 0) and hour, for the all-time heatmap.
    """CREATE TABLE stats_week_hour (
        weekday INTEGER NOT NULL,
        hour INTEGER NOT NULL,
        plays INTEGER NOT NULL,
        PRIMARY KEY (weekday, hour)
    ) WITHOUT ROWID""",
    # Every source that reported a play, merged reports included.
    """CREATE TABLE stats_day_source (
        day INTEGER NOT NULL,
        source_id INTEGER NOT NULL,
        plays INTEGER NOT NULL,
        PRIMARY KEY (day, source_id)
    ) WITHOUT ROWID""",
    # The track's primary artist (credit position 0).
    """CREATE TABLE stats_day_artist (
        day INTEGER NOT NULL,
        artist_id INTEGER NOT NULL,
        plays INTEGER NOT NULL,
        PRIMARY KEY (day, artist_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE stats_day_album (
        day INTEGER NOT NULL,
        album_id INTEGER NOT NULL,
        plays INTEGER NOT NULL,
        PRIMARY KEY (day, album_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE stats_artist (
        artist_id INTEGER PRIMARY KEY,
        plays INTEGER NOT NULL,
        first_played_at INTEGER NOT NULL,
        last_played_at INTEGER NOT NULL
    )""",
    "CREATE INDEX stats_artist_first ON stats_artist (first_played_at)",
    """CREATE TABLE stats_album (
        album_id INTEGER PRIMARY KEY,
        plays INTEGER NOT NULL,
        last_played_at INTEGER NOT NULL
    )""",
    """CREATE TABLE stats_track (
        track_id INTEGER PRIMARY KEY,
        plays INTEGER NOT NULL,
        last_played_at INTEGER NOT NULL
    )""",
    # Plays whose length is unknown, per day and track: where to add the duration once a
    # later report brings it. Day first, so that ingest appends.
    """CREATE TABLE stats_unpriced (
        day INTEGER NOT NULL,
        track_id INTEGER NOT NULL,
        plays INTEGER NOT NULL,
        PRIMARY KEY (day, track_id)
    ) WITHOUT ROWID""",
    # Tracks that learned their duration and whose unpriced plays are still to be priced:
    # done once per ingest call rather than per batch (it reads all of stats_unpriced).
    # Plays from first_priced_play on were priced with the duration when they were counted.
    """CREATE TABLE stats_repricing (
        track_id INTEGER PRIMARY KEY,
        first_priced_play INTEGER NOT NULL
    )""",
    # Listening sessions: a play starting more than 30 minutes after the previous one
    # started begins a new session. last_seconds is NULL while the last play's length is
    # unknown.
    """CREATE TABLE stats_session (
        start_at INTEGER PRIMARY KEY,
        last_at INTEGER NOT NULL,
        plays INTEGER NOT NULL,
        last_play_id INTEGER NOT NULL,
        last_track_id INTEGER NOT NULL,
        last_seconds INTEGER
    )""",
    "CREATE INDEX stats_session_unpriced ON stats_session (last_track_id) "
    "WHERE last_seconds IS NULL",
)

# Version 4: what the AIME database import knows about its plays (``core/imports``).
_V4 = (
    # A play that came from an import: its source stays the one that reported it (Last.fm or
    # Roon) so that a later report from that source is recognised. exact_time = 0: the time
    # is when the original app noticed the play (its trackers polled), not when it started.
    # candidates: for a play of an album the original app merged across artists, the keys of
    # those artists (one per line), even when evidence chose one. The source's own report of
    # the play corrects both (``store/reconcile.py``).
    """CREATE TABLE play_import (
        play_id INTEGER PRIMARY KEY REFERENCES play(id) ON DELETE CASCADE,
        origin TEXT NOT NULL,
        exact_time INTEGER NOT NULL,
        candidates TEXT
    )""",
    "CREATE INDEX play_import_open ON play_import (play_id) "
    "WHERE exact_time = 0 OR candidates IS NOT NULL",
    # Plays imported before version 4 lost their source; their time was the original's.
    "INSERT INTO play_import (play_id, origin, exact_time) "
    "SELECT id, 'aime', 1 FROM play WHERE source_id = 3",
    # An artist row standing for "one of these artists, nobody knows which": the original app
    # merged albums by title across artists and its tracks carry no artist of their own.
    # Candidates by artist key (they need not have plays of their own); a later report naming
    # one of them moves the play to that artist.
    """CREATE TABLE artist_candidate (
        artist_id INTEGER NOT NULL REFERENCES artist(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        key TEXT NOT NULL,
        name TEXT NOT NULL,
        PRIMARY KEY (artist_id, position)
    ) WITHOUT ROWID""",
    # The text a play was reported with where it differs from its song's stored names (the
    # first spelling seen names a track, album or artist): history shows what was reported.
    # NULL: the same as the stored name. See ``store/play_text.py``.
    """CREATE TABLE play_text (
        play_id INTEGER PRIMARY KEY REFERENCES play(id) ON DELETE CASCADE,
        title TEXT,
        artist TEXT,
        album TEXT
    )""",
)

# Version 5: an artist's page (``core/stats/artist_page.py``) finds the artist's tracks and
# days without scanning every track and every day (~100 ms on a million plays before).
_V5 = (
    "CREATE INDEX track_artist ON track (artist_id)",
    # Covering: the months of an artist read the index alone.
    "CREATE INDEX stats_day_artist_by_artist ON stats_day_artist (artist_id, day, plays)",
)

# Version 6: plays from Home Assistant's media players have a source of their own.
_V6 = ("INSERT INTO source (id, name) VALUES (5, 'home_assistant')",)


# Version 7: the journal's text search finds names containing a text through trigram indexes
# of the folded keys instead of reading every track, album and artist (``stats/journal.py``).
# External content: the index holds no copy of the keys; triggers keep it equal to the tables
# (since version 10, inserts index their rows themselves).
# detail=none, columnsize=0: no positions or sizes, a third of the size; a GLOB on the key still
# finds candidates through the trigrams and SQLite checks each against the key itself.
_V7 = tuple(statement for table in NAMED_TABLES for statement in index_statements(table))

# Version 8: narrower ingest writes (issue 24). The primary artist's credit (position 0) was
# track.artist_id again: ``credit`` keeps the other credited artists only. (The artist's days
# keep their covering index: without ``plays`` in it, SQLite 3.5x reads the whole table for an
# artist's months rather than look each day up.) Repricing sessions scans them instead of
# keeping an index up to date at every play: it runs once per ingest call, and only when a
# track learned its duration. The artists first played in a period scan stats_artist (one row
# per artist, a millisecond) instead of an index rewritten for every artist the totals touch.
_V8 = (
    "DELETE FROM credit WHERE position = 0",
    "DROP INDEX stats_session_unpriced",
    "DROP INDEX stats_artist_first",
)

# Version 9: the playlists' rollups, in ``playlist_rollups_step.py``.
_V9 = PLAYLIST_ROLLUPS_STEP

# Version 10: new names enter the name indexes by batch (``name_search.py``), not through a
# trigger per inserted row: each fired index insert was a statement of its own, a third of
# ingest's time (issue 24). Deletes and renames, rare, keep their triggers.
_V10 = tuple(f"DROP TRIGGER {table}_key_search_insert" for table in ("artist", "album", "track"))

# Version 11: the sources of wave 3 (issue 26): ListenBrainz, Spotify's streaming history and
# AIME's own ListenBrainz-compatible endpoint.
_V11 = (
    "INSERT INTO source (id, name) VALUES (6, 'listenbrainz')",
    "INSERT INTO source (id, name) VALUES (7, 'spotify')",
    "INSERT INTO source (id, name) VALUES (8, 'endpoint')",
)

# Version 12: who listened, and the per-person rollups (issue 25), in ``people_step.py``.
_V12 = PEOPLE_STEP

# Version 13: the scrobbling outbox, in ``outbox_step.py``.
_V13 = OUTBOX_STEP

# Version 14: a track's own links (issue 26: the Spotify URI of a streaming history's tracks),
# one per source. Not in ``enrichment``: its rows name an album or an artist, never both nor
# neither (a CHECK that SQLite cannot change without copying the table).
_V14 = (
    """CREATE TABLE track_link (
        track_id INTEGER NOT NULL REFERENCES track(id) ON DELETE CASCADE,
        source TEXT NOT NULL,
        url TEXT NOT NULL,
        PRIMARY KEY (track_id, source)
    ) WITHOUT ROWID""",
)

# Version 15: loves made in AIME waiting for the Last.fm accounts, in ``love_outbox_step.py``.
_V15 = LOVE_OUTBOX_STEP
_V16 = LEAN_ROLLUPS_STEP  # Version 16: leaner rollups (issue 24), in ``lean_rollups_step.py``.

STEPS: dict[int, tuple[str, ...]] = {
    1: _V1,
    2: _V2,
    3: _V3,
    4: _V4,
    5: _V5,
    6: _V6,
    7: _V7,
    8: _V8,
    9: _V9,
    10: _V10,
    11: _V11,
    12: _V12,
    13: _V13,
    14: _V14,
    15: _V15,
    16: _V16,
}
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
