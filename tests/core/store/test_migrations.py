"""Forward migrations: a version-1 file opens as the current schema with its data intact."""

from __future__ import annotations

from pathlib import Path
import shutil
import sqlite3

from sqlalchemy import create_engine, inspect

from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.store import schema
from custom_components.aime.core.store.migrations import (
    CURRENT_VERSION,
    STEPS,
    VERSION_TABLE_DDL,
)
from custom_components.aime.core.store.name_search import NAME_SEARCH_TABLES
from custom_components.aime.core.store.store import Store

from ..stats.test_rollups import (
    actual_rollups,
    expected_rollups,
    ingest_in_random_batches,
    random_reports,
)

V1_FIXTURE = Path(__file__).parents[2] / "fixtures" / "aime_v1.db"


def test_v1_file_migrates_to_current(db_path: Path) -> None:
    """Plays, credits and devices of a v1 file survive; a backup of the v1 file is kept."""
    db_path.parent.mkdir(parents=True)
    shutil.copy(V1_FIXTURE, db_path)
    store = Store.open(db_path)
    try:
        assert store.schema_version == CURRENT_VERSION == 16
        counts = store.counts()
        assert (counts.artists, counts.albums, counts.tracks, counts.plays) == (2, 2, 2, 3)
        assert counts.collection_items == counts.playlists == 0
        assert store.newest_played_at(Source.ROON) == 1_700_000_000
        # The migrated store keeps its identities and its merged Last.fm report.
        result = store.ingest(
            [
                PlayInput(
                    "So What", "Miles Davis", 1_700_000_012, Source.LASTFM, album="Kind of Blue"
                )
            ]
        )
        assert (result.added, result.duplicates) == (0, 1)
        assert store.newest_played_at(Source.LASTFM) == 1_700_086_400
        assert store.counts().tracks == 2
    finally:
        store.close()
    backup = db_path.with_name("aime.db.v1.bak")
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchall() == [(1,)]
        assert conn.execute("SELECT count(*) FROM play").fetchall() == [(3,)]


def test_migrating_twice_replaces_the_old_backup(db_path: Path) -> None:
    """A stale backup from an earlier attempt does not block the migration."""
    db_path.parent.mkdir(parents=True)
    shutil.copy(V1_FIXTURE, db_path)
    db_path.with_name("aime.db.v1.bak").write_bytes(b"stale")
    Store.open(db_path).close()
    assert db_path.with_name("aime.db.v1.bak").read_bytes().startswith(b"SQLite format 3")


def test_schema_module_matches_migrated_tables(store: Store) -> None:
    """``schema.py`` (used by queries) describes exactly what the migrations create."""
    engine = create_engine(f"sqlite:///{store.path}")
    try:
        inspector = inspect(engine)
        actual = {
            name: [column["name"] for column in inspector.get_columns(name)]
            for name in inspector.get_table_names()
            if name != "schema_version" and name not in NAME_SEARCH_TABLES
        }
    finally:
        engine.dispose()
    expected = {
        name: [column.name for column in table.columns]
        for name, table in schema.metadata.tables.items()
    }
    assert actual == expected


def _write_v2_file(path: Path, version: int = 2) -> None:
    """A database at ``version`` (2 to 5), as that release wrote it, with three plays."""
    path.parent.mkdir(parents=True)
    with sqlite3.connect(path) as conn:
        conn.execute(VERSION_TABLE_DDL)
        for step in range(1, version + 1):
            for statement in STEPS[step]:
                conn.execute(statement)
        conn.execute("INSERT INTO schema_version (version) VALUES (?)", (version,))
        conn.execute("INSERT INTO artist (id, key, name) VALUES (1, 'miles davis', 'Miles Davis')")
        conn.execute("INSERT INTO album (id, artist_id, key, title) VALUES (1, 1, 'kob', 'KoB')")
        conn.execute(
            "INSERT INTO track (id, album_id, artist_id, key, title, duration) "
            "VALUES (1, 1, 1, 'so what', 'So What', 562)"
        )
        conn.executemany(
            "INSERT INTO play (id, track_id, played_at, source_id, seconds_listened) "
            "VALUES (?, 1, ?, 2, ?)",
            # 2023-11-14 22:13:20 UTC is already the 15th in Tokyo.
            [(1, 1_700_000_000, None), (2, 1_700_000_600, 100), (3, 1_700_090_000, None)],
        )
    conn.close()


def test_v2_file_gains_statistics(db_path: Path) -> None:
    """A v2 file with plays migrates and its statistics are built in the given zone."""
    _write_v2_file(db_path)
    store = Store.open(db_path, time_zone="Asia/Tokyo")
    try:
        assert (store.schema_version, store.time_zone) == (CURRENT_VERSION, "Asia/Tokyo")
    finally:
        store.close()
    with sqlite3.connect(db_path) as conn:
        # Tokyo (UTC+9): the first two plays on the 15th, the third on the 16th.
        assert conn.execute("SELECT * FROM stats_day ORDER BY day").fetchall() == [
            (19676, 2, 562 + 100, 0),
            (19677, 1, 562, 0),
        ]
        assert conn.execute(
            "SELECT time_zone, built, totals_through FROM stats_meta"
        ).fetchall() == [("Asia/Tokyo", 1, 3)]
        assert conn.execute("SELECT plays FROM stats_artist").fetchall() == [(3,)]
    with sqlite3.connect(db_path.with_name("aime.db.v2.bak")) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchall() == [(2,)]


def test_v2_file_without_zone_is_built_in_utc(db_path: Path) -> None:
    """Opened without a zone, the statistics are built at once in UTC, then kept."""
    _write_v2_file(db_path)
    Store.open(db_path).close()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT day, plays FROM stats_day ORDER BY day").fetchall() == [
            (19675, 2),  # 2023-11-14 in UTC
            (19676, 1),
        ]
        assert conn.execute("SELECT built FROM stats_meta").fetchall() == [(1,)]


def test_v3_file_keeps_its_imported_plays_marked(db_path: Path) -> None:
    """Plays an earlier AIME import stored as ``aime_import`` are recorded as imported."""
    _write_v2_file(db_path, version=3)
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE play SET source_id = 3 WHERE id IN (1, 3)")
    conn.close()
    store = Store.open(db_path)
    try:
        assert store.schema_version == CURRENT_VERSION == 16
        # A play imported before keeps merging with the same play reported again.
        result = store.ingest(
            [PlayInput("So What", "Miles Davis", 1_700_000_060, Source.LASTFM, album="KoB")]
        )
        assert (result.added, result.merged) == (0, 1)
    finally:
        store.close()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT * FROM play_import ORDER BY play_id").fetchall() == [
            (1, "aime", 1, None),
            (3, "aime", 1, None),
        ]
        assert conn.execute("SELECT count(*) FROM artist_candidate").fetchall() == [(0,)]
    with sqlite3.connect(db_path.with_name("aime.db.v3.bak")) as conn:
        assert conn.execute("SELECT version FROM schema_version").fetchall() == [(3,)]


def test_v4_file_finds_an_artists_tracks_and_days_by_index(db_path: Path) -> None:
    """Version 5 indexes the artist page's lookups: no scan of every track or day."""
    _write_v2_file(db_path, version=4)
    Store.open(db_path).close()
    with sqlite3.connect(db_path) as conn:
        # Ten years of days for a few artists: on a handful of rows, newer SQLite rightly
        # prefers reading the table to a lookup through the index.
        conn.executemany(
            "INSERT OR IGNORE INTO stats_day_artist (day, artist_id, plays) VALUES (?, ?, 1)",
            [(day, artist) for day in range(19_000, 22_650) for artist in range(1, 6)],
        )
        plans = {
            query: " ".join(row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {query}", (1,)))
            for query in (
                "SELECT id FROM track WHERE artist_id = ?",
                "SELECT day, plays FROM stats_day_artist WHERE artist_id = ? ORDER BY day",
            )
        }
    conn.close()
    assert all("SCAN" not in plan for plan in plans.values()), plans


def test_v5_file_records_home_assistant_plays(db_path: Path) -> None:
    """Version 6 gives plays from Home Assistant's media players their source."""
    _write_v2_file(db_path, version=5)
    store = Store.open(db_path)
    try:
        assert store.schema_version == CURRENT_VERSION
        play = PlayInput("Naima", "John Coltrane", 1_700_100_000, Source.HOME_ASSISTANT)
        assert store.ingest([play]).added == 1
        assert store.newest_played_at(Source.HOME_ASSISTANT) == 1_700_100_000
    finally:
        store.close()


def test_v10_file_records_the_sources_of_wave_three(db_path: Path) -> None:
    """Version 11 gives ListenBrainz, Spotify's history and AIME's endpoint their sources."""
    _write_v2_file(db_path, version=5)
    store = Store.open(db_path)
    try:
        for offset, source in enumerate((Source.LISTENBRAINZ, Source.SPOTIFY, Source.ENDPOINT)):
            play = PlayInput("Naima", "John Coltrane", 1_700_100_000 + offset * 600, source)
            assert store.ingest([play]).added == 1
            assert store.newest_played_at(source) == 1_700_100_000 + offset * 600
    finally:
        store.close()


def test_v5_file_finds_names_by_trigram(db_path: Path) -> None:
    """Version 7 indexes the keys of the names it had, and keeps the index on later changes."""
    _write_v2_file(db_path, version=5)
    Store.open(db_path).close()
    with sqlite3.connect(db_path) as conn:
        found = conn.execute("SELECT rowid FROM track_key_search WHERE key GLOB '*wha*'").fetchall()
        plan = " ".join(
            row[3]
            for row in conn.execute(
                "EXPLAIN QUERY PLAN SELECT rowid FROM album_key_search WHERE key GLOB '*kob*'"
            )
        )
        conn.execute("UPDATE track SET key = 'all blues' WHERE id = 1")
        after_update = [
            conn.execute(
                "SELECT count(*) FROM track_key_search WHERE key GLOB ?", (text,)
            ).fetchone()[0]
            for text in ("*what*", "*blues*")
        ]
        conn.execute("DELETE FROM play")
        conn.execute("DELETE FROM track WHERE id = 1")
        after_delete = conn.execute(
            "SELECT count(*) FROM track_key_search WHERE key GLOB '*blues*'"
        ).fetchone()[0]
        for table in ("artist", "album", "track"):
            conn.execute(f"INSERT INTO {table}_key_search ({table}_key_search, rank) "
                         "VALUES ('integrity-check', 1)")  # fmt: skip
    conn.close()
    assert found == [(1,)]
    assert "VIRTUAL TABLE INDEX" in plan
    assert after_update == [0, 1]
    assert after_delete == 0


def test_v5_file_keeps_credits_beyond_the_primary_artist(db_path: Path) -> None:
    """Version 8 drops the primary artist's credit (the track's artist) and narrows indexes."""
    _write_v2_file(db_path, version=5)
    with sqlite3.connect(db_path) as conn:
        conn.execute("INSERT INTO artist (id, key, name) VALUES (2, 'coltrane', 'Coltrane')")
        conn.executemany(
            "INSERT INTO credit (track_id, position, artist_id) VALUES (1, ?, ?)", [(0, 1), (1, 2)]
        )
    conn.close()
    store = Store.open(db_path)
    try:
        assert store.schema_version == CURRENT_VERSION
        store.ingest([PlayInput("Blue in Green", "Miles Davis feat. Bill Evans", 1_700_100_000,
                                Source.LASTFM, album="KoB")])  # fmt: skip
    finally:
        store.close()
    with sqlite3.connect(db_path) as conn:
        assert conn.execute(
            "SELECT t.title, c.position, a.name FROM credit c JOIN track t ON t.id = c.track_id "
            "JOIN artist a ON a.id = c.artist_id ORDER BY t.id, c.position"
        ).fetchall() == [("So What", 1, "Coltrane"), ("Blue in Green", 1, "Bill Evans")]
        indexes = dict(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index'"))
    conn.close()
    assert "stats_session_unpriced" not in indexes
    assert "stats_artist_first" not in indexes
    assert "plays" in indexes["stats_day_artist_by_artist"]  # Covering, see test_v4_file_...
    with sqlite3.connect(db_path.with_name("aime.db.v5.bak")) as conn:
        assert conn.execute("SELECT count(*) FROM credit").fetchall() == [(2,)]
    conn.close()


def test_v8_file_gains_the_playlist_rollups(db_path: Path) -> None:
    """Version 9's rollups, built at the first open, equal what ingest writes."""
    store = Store.open(db_path, time_zone="Europe/Paris")
    try:
        ingest_in_random_batches(store, random_reports(7), 7)
        fresh = actual_rollups(db_path)
    finally:
        store.close()
    with sqlite3.connect(db_path) as conn:  # The same file as version 8 left it.
        for statement in STEPS[9]:
            if statement.startswith("CREATE TABLE"):
                conn.execute(f"DROP TABLE {statement.split()[2]}")
            elif statement.startswith("CREATE INDEX"):
                conn.execute(f"DROP INDEX IF EXISTS {statement.split()[2]}")
        for statement in STEPS[7]:  # Version 10 dropped these.
            if statement.startswith("CREATE TRIGGER") and "_insert " in statement:
                conn.execute(statement)
        conn.execute("DELETE FROM source WHERE id > 5")  # Version 11 added these.
        undo_people_step(conn)
        conn.execute("UPDATE schema_version SET version = 8")
    conn.close()
    store = Store.open(db_path, time_zone="Europe/Paris")
    try:
        assert store.schema_version == CURRENT_VERSION
    finally:
        store.close()
    assert actual_rollups(db_path) == fresh == expected_rollups(db_path, "Europe/Paris")
    assert all(fresh[name] for name in ("session_artist", "session_flow", "session_album"))


def test_v9_file_indexes_new_names_without_triggers(db_path: Path) -> None:
    """Version 10 drops the insert triggers of the name indexes; ingest indexes new names."""
    _write_v2_file(db_path, version=9)
    store = Store.open(db_path)
    try:
        assert store.schema_version == CURRENT_VERSION
        play = PlayInput("Naima", "John Coltrane", 1_700_100_000, Source.LASTFM, album="Giant")
        assert store.ingest([play]).added == 1
    finally:
        store.close()
    with sqlite3.connect(db_path) as conn:
        triggers = {row[0] for row in conn.execute("SELECT name FROM sqlite_master "
                                                   "WHERE type = 'trigger'")}  # fmt: skip
        found = [
            conn.execute(
                f"SELECT count(*) FROM {table}_key_search WHERE key GLOB ?", (text,)
            ).fetchone()[0]
            for table, text in (("artist", "*coltr*"), ("album", "*gian*"), ("track", "*aim*"))
        ]
        for table in ("artist", "album", "track"):
            conn.execute(f"INSERT INTO {table}_key_search ({table}_key_search, rank) "
                         "VALUES ('integrity-check', 1)")  # fmt: skip
    conn.close()
    assert not any(name.endswith("_key_search_insert") for name in triggers)
    assert {"track_key_search_delete", "track_key_search_update"} <= triggers
    assert found == [1, 1, 1]


def undo_people_step(conn: sqlite3.Connection) -> None:
    """Take a current file back to version 11: no listener, no per-person rollups, no outbox,
    no track links, no loves queued."""
    conn.execute("DROP TABLE IF EXISTS love_outbox")  # Version 15 added it.
    conn.execute("DROP TABLE IF EXISTS track_link")  # Version 14 added it.
    conn.execute("DROP TABLE IF EXISTS outbox")  # Version 13 added it.
    for statement in STEPS[12]:
        if statement.startswith("CREATE TABLE") and "listener (" not in statement:
            conn.execute(f"DROP TABLE {statement.split()[2]}")
    columns = "id, track_id, played_at, source_id, device_id, loved, seconds_listened"
    play_table = next(step for step in STEPS[1] if step.startswith("CREATE TABLE play ("))
    conn.execute(play_table.replace("TABLE play (", "TABLE play_v11 ("))
    conn.execute(f"INSERT INTO play_v11 ({columns}) SELECT {columns} FROM play")
    conn.execute("DROP TABLE play")
    conn.execute("DROP TABLE listener")
    conn.execute("ALTER TABLE play_v11 RENAME TO play")
    conn.execute("CREATE UNIQUE INDEX play_identity ON play (played_at, track_id, source_id)")
    conn.execute("UPDATE schema_version SET version = 11")


def test_v11_file_plays_are_the_households(db_path: Path) -> None:
    """Version 12: every play of a version 11 file is the household's; people come later."""
    store = Store.open(db_path, time_zone="Europe/Paris")
    try:
        ingest_in_random_batches(store, random_reports(5), 5)
        fresh = actual_rollups(db_path)
    finally:
        store.close()
    with sqlite3.connect(db_path) as conn:
        undo_people_step(conn)
        plays = conn.execute("SELECT * FROM play ORDER BY id").fetchall()
    conn.close()
    store = Store.open(db_path, time_zone="Europe/Paris")
    try:
        assert store.schema_version == CURRENT_VERSION
        assert store.listeners() == []
        store.ingest([PlayInput("Song", "Artist", 1_600_000_000, Source.ROON, listener="person.a")])
        assert store.listeners() == ["person.a"]
    finally:
        store.close()
    with sqlite3.connect(db_path) as conn:
        migrated = conn.execute("SELECT * FROM play ORDER BY id").fetchall()
        people = conn.execute("SELECT count(*) FROM person_day").fetchone()
    conn.close()
    assert [row[:-1] for row in migrated[: len(plays)]] == plays
    assert {row[-1] for row in migrated[: len(plays)]} == {None}
    assert people == (1,)
    assert fresh


def test_v12_file_gains_the_outbox(db_path: Path) -> None:
    """Version 13's outbox is added empty to a version 12 file; its plays stay."""
    Store.open(db_path).close()
    with sqlite3.connect(db_path) as conn:  # The same file as version 12 left it.
        conn.execute("DROP TABLE outbox")
        conn.execute("DROP TABLE track_link")
        conn.execute("DROP TABLE love_outbox")
        conn.execute("UPDATE schema_version SET version = 12")
    conn.close()
    store = Store.open(db_path)
    try:
        assert store.schema_version == CURRENT_VERSION
        assert store.outbox.entries() == []
    finally:
        store.close()


def test_v11_file_keeps_links_of_tracks(db_path: Path) -> None:
    """Version 14 lets a track have links of its own, one per service, gone with the track."""
    _write_v2_file(db_path, version=11)
    Store.open(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("PRAGMA foreign_keys = ON")
        add = "INSERT OR IGNORE INTO track_link (track_id, source, url) VALUES (1, 'spotify', ?)"
        assert conn.execute(add, ("https://open.spotify.com/track/a",)).rowcount == 1
        assert conn.execute(add, ("https://open.spotify.com/track/b",)).rowcount == 0
        conn.execute("DELETE FROM track_link WHERE track_id = 1")
        assert conn.execute("SELECT count(*) FROM track_link").fetchone() == (0,)


def test_v14_file_gains_the_love_outbox(db_path: Path) -> None:
    """Version 15's queue of loves is added empty to a version 14 file; its loves stay."""
    store = Store.open(db_path)
    try:
        store.ingest([PlayInput("So What", "Miles Davis", 1_600_000_000, Source.ROON)])
        store.set_loved([("Miles Davis", "So What")])
    finally:
        store.close()
    with sqlite3.connect(db_path) as conn:  # The same file as version 14 left it.
        conn.execute("DROP TABLE love_outbox")
        conn.execute("UPDATE schema_version SET version = 14")
    conn.close()
    store = Store.open(db_path)
    try:
        assert store.schema_version == CURRENT_VERSION == 16
        assert store.loves.entries() == []
        assert store.set_loved([("Miles Davis", "So What")]).changed == 0  # still loved
    finally:
        store.close()
