"""Forward migrations: a version-1 file opens as the current schema with its data intact."""

from __future__ import annotations

from pathlib import Path
import shutil
import sqlite3

from sqlalchemy import create_engine, inspect

from custom_components.aime.core import schema
from custom_components.aime.core.migrations import CURRENT_VERSION
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.store import Store

V1_FIXTURE = Path(__file__).parents[1] / "fixtures" / "aime_v1.db"


def test_v1_file_migrates_to_current(db_path: Path) -> None:
    """Plays, credits and devices of a v1 file survive; a backup of the v1 file is kept."""
    db_path.parent.mkdir(parents=True)
    shutil.copy(V1_FIXTURE, db_path)
    store = Store.open(db_path)
    try:
        assert store.schema_version == CURRENT_VERSION == 2
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
            if name != "schema_version"
        }
    finally:
        engine.dispose()
    expected = {
        name: [column.name for column in table.columns]
        for name, table in schema.metadata.tables.items()
    }
    assert actual == expected
