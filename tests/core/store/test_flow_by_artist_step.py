"""Version 16 keys the sessions' changes by artist: a version 15 file keeps every change."""

from __future__ import annotations

from pathlib import Path
import sqlite3

from custom_components.aime.core.store.migrations import CURRENT_VERSION, STEPS
from custom_components.aime.core.store.store import Store

from ..stats.test_rollups import (
    actual_rollups,
    expected_rollups,
    ingest_in_random_batches,
    random_reports,
)

ZONE = "Europe/Paris"


def _back_to_version_15(db_path: Path) -> None:
    """The changes by session with their index by artist, as version 15 wrote them."""
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute(
            "SELECT start_at, from_artist, to_artist, times FROM stats_session_flow"
        ).fetchall()
        conn.execute("DROP TABLE stats_session_flow")
        for statement in STEPS[9]:
            if "stats_session_flow " in statement or "stats_session_flow_from " in statement:
                conn.execute(statement)
        conn.executemany("INSERT INTO stats_session_flow VALUES (?, ?, ?, ?)", rows)
        conn.execute("UPDATE schema_version SET version = 15")
    conn.close()


def test_v15_file_keeps_its_changes_keyed_by_artist(db_path: Path) -> None:
    """The rows are the same, the index is gone, and later plays replace sessions as before."""
    store = Store.open(db_path, time_zone=ZONE)
    try:
        ingest_in_random_batches(store, random_reports(11), 11)
    finally:
        store.close()
    before = actual_rollups(db_path)
    _back_to_version_15(db_path)
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("SELECT count(*) FROM stats_session_flow").fetchone()[0] > 0
        assert conn.execute(
            "SELECT 1 FROM sqlite_master WHERE name = 'stats_session_flow_from'"
        ).fetchone()
    conn.close()

    store = Store.open(db_path, time_zone=ZONE)
    try:
        assert store.schema_version == CURRENT_VERSION == 16
        assert actual_rollups(db_path) == before
        # Plays among the stored ones: their sessions' changes are found by artist and replaced.
        ingest_in_random_batches(store, random_reports(12, count=300), 12)
    finally:
        store.close()
    with sqlite3.connect(db_path) as conn:
        index = conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'stats_session_flow_from'")
        assert index.fetchone() is None
        key = [
            row[2]
            for row in conn.execute("PRAGMA index_info('sqlite_autoindex_stats_session_flow_1')")
        ]
        assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
    conn.close()
    assert key == ["from_artist", "start_at", "to_artist"]
    assert actual_rollups(db_path) == expected_rollups(db_path, ZONE)
