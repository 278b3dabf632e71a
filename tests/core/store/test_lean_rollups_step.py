"""Version 16 keys the sessions' changes by artist and drops the list of unpriced plays: a
version 15 file keeps every change, and prices its plays when their tracks learn a length."""

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
    """The changes by session with their index by artist, and the unpriced plays per day and
    track, as version 15 wrote them."""
    with sqlite3.connect(db_path) as conn:
        rows = conn.execute(
            "SELECT start_at, from_artist, to_artist, times FROM stats_session_flow"
        ).fetchall()
        conn.execute("DROP TABLE stats_session_flow")
        for statement in (*STEPS[3], *STEPS[9]):
            if any(f"{name} " in statement for name in ("stats_session_flow", "stats_unpriced")):
                conn.execute(statement)
        conn.executemany("INSERT INTO stats_session_flow VALUES (?, ?, ?, ?)", rows)
        conn.execute(  # Days in UTC: the table goes whatever it holds.
            "INSERT INTO stats_unpriced (day, track_id, plays) "
            "SELECT p.played_at / 86400, p.track_id, count(*) FROM play p "
            "JOIN track t ON t.id = p.track_id "
            "WHERE p.seconds_listened IS NULL AND t.duration IS NULL GROUP BY 1, 2"
        )
        conn.execute("UPDATE schema_version SET version = 15")
    conn.close()


def _names(db_path: Path) -> set[str]:
    with sqlite3.connect(db_path) as conn:
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
    conn.close()
    return names


def test_v15_file_keeps_its_changes_and_prices_its_plays(db_path: Path) -> None:
    """The changes are the same rows keyed by artist; later plays replace sessions and price
    the plays of tracks that learn their length, as a recomputation from the plays."""
    store = Store.open(db_path, time_zone=ZONE)
    try:
        ingest_in_random_batches(store, random_reports(11), 11)
    finally:
        store.close()
    before = actual_rollups(db_path)
    _back_to_version_15(db_path)
    assert {"stats_session_flow_from", "stats_unpriced"} <= _names(db_path)

    store = Store.open(db_path, time_zone=ZONE)
    try:
        assert store.schema_version == CURRENT_VERSION == 16
        assert actual_rollups(db_path) == before
        # Plays of the same songs among the stored ones: sessions are replaced, and songs whose
        # length was unknown learn it (the stored reports lack it a fifth of the time).
        ingest_in_random_batches(store, random_reports(12, count=300), 12)
    finally:
        store.close()
    assert not {"stats_session_flow_from", "stats_unpriced"} & _names(db_path)
    with sqlite3.connect(db_path) as conn:
        key = [
            row[2]
            for row in conn.execute("PRAGMA index_info('sqlite_autoindex_stats_session_flow_1')")
        ]
        assert conn.execute("PRAGMA quick_check").fetchone() == ("ok",)
    conn.close()
    assert key == ["from_artist", "start_at", "to_artist"]
    assert actual_rollups(db_path) == expected_rollups(db_path, ZONE)
