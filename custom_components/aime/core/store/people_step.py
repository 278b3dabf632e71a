"""Schema version 12: who listened (a step of ``migrations.py``, frozen DDL).

Every play may name the Home Assistant person who listened (``listener``); NULL is the
household, which every play before this version becomes. Per-person statistics have rollups
of their own (``core/stats/person_rollups.py``), keyed by the listener first and written only
for plays that have one: a household-only store writes none of them. They mirror the
household's rollups of the same name (``stats_day`` and ``person_day``...).
"""

from __future__ import annotations

PEOPLE_STEP = (
    """CREATE TABLE listener (
        id INTEGER PRIMARY KEY,
        entity_id TEXT NOT NULL UNIQUE
    )""",
    "ALTER TABLE play ADD COLUMN listener_id INTEGER REFERENCES listener(id)",
    # Two people can play the same song at the same second on the same kind of source (two
    # Last.fm accounts): the natural key gains who listened, the household as 0.
    "DROP INDEX play_identity",
    "CREATE UNIQUE INDEX play_identity "
    "ON play (played_at, track_id, source_id, coalesce(listener_id, 0))",
    # A person's plays by time; partial, so the household's plays cost it nothing.
    "CREATE INDEX play_listener ON play (listener_id, played_at) WHERE listener_id IS NOT NULL",
    """CREATE TABLE person_day (
        listener_id INTEGER NOT NULL,
        day INTEGER NOT NULL,
        plays INTEGER NOT NULL,
        seconds INTEGER NOT NULL,
        estimated INTEGER NOT NULL,
        PRIMARY KEY (listener_id, day)
    ) WITHOUT ROWID""",
    """CREATE TABLE person_day_hour (
        listener_id INTEGER NOT NULL,
        day INTEGER NOT NULL,
        hour INTEGER NOT NULL,
        plays INTEGER NOT NULL,
        PRIMARY KEY (listener_id, day, hour)
    ) WITHOUT ROWID""",
    """CREATE TABLE person_week_hour (
        listener_id INTEGER NOT NULL,
        weekday INTEGER NOT NULL,
        hour INTEGER NOT NULL,
        plays INTEGER NOT NULL,
        PRIMARY KEY (listener_id, weekday, hour)
    ) WITHOUT ROWID""",
    """CREATE TABLE person_day_artist (
        listener_id INTEGER NOT NULL,
        day INTEGER NOT NULL,
        artist_id INTEGER NOT NULL,
        plays INTEGER NOT NULL,
        PRIMARY KEY (listener_id, day, artist_id)
    ) WITHOUT ROWID""",
    # The artist first: led by the listener, SQLite would read it for a range of days too.
    "CREATE INDEX person_day_artist_by_artist "
    "ON person_day_artist (artist_id, listener_id, day, plays)",
    """CREATE TABLE person_day_album (
        listener_id INTEGER NOT NULL,
        day INTEGER NOT NULL,
        album_id INTEGER NOT NULL,
        plays INTEGER NOT NULL,
        PRIMARY KEY (listener_id, day, album_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE person_artist (
        listener_id INTEGER NOT NULL,
        artist_id INTEGER NOT NULL,
        plays INTEGER NOT NULL,
        first_played_at INTEGER NOT NULL,
        last_played_at INTEGER NOT NULL,
        PRIMARY KEY (listener_id, artist_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE person_album (
        listener_id INTEGER NOT NULL,
        album_id INTEGER NOT NULL,
        plays INTEGER NOT NULL,
        last_played_at INTEGER NOT NULL,
        PRIMARY KEY (listener_id, album_id)
    ) WITHOUT ROWID""",
    """CREATE TABLE person_track (
        listener_id INTEGER NOT NULL,
        track_id INTEGER NOT NULL,
        plays INTEGER NOT NULL,
        last_played_at INTEGER NOT NULL,
        PRIMARY KEY (listener_id, track_id)
    ) WITHOUT ROWID""",
    # A person's sessions are built from that person's plays alone: two people listening at
    # once are two sessions.
    """CREATE TABLE person_session (
        listener_id INTEGER NOT NULL,
        start_at INTEGER NOT NULL,
        last_at INTEGER NOT NULL,
        plays INTEGER NOT NULL,
        last_play_id INTEGER NOT NULL,
        last_track_id INTEGER NOT NULL,
        last_seconds INTEGER,
        PRIMARY KEY (listener_id, start_at)
    ) WITHOUT ROWID""",
)
