"""The ``stats`` section of ``scripts/bench``: statistics over the synthetic history.

Reuses the ``store`` section's database when it ran (else ingests the history itself), switches
it to Europe/Paris (a full rebuild of the rollups, timed), adds a record collection, then times
every sensor figure together and each websocket-style query, p50/p95 over ``RUNS`` runs after
one cold run, with ``now`` one minute after the newest play.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
import random
import sqlite3
import statistics
import time
from typing import TYPE_CHECKING, Any
from zoneinfo import ZoneInfo

from custom_components.aime.core.models import Source
from custom_components.aime.core.stats_models import CollectionSort, HistoryFilter, Window
from custom_components.aime.core.store import Store

if TYPE_CHECKING:
    from .bench import Bench

SENSORS_TARGET_MS = 100
QUERY_TARGET_MS = 50
RUNS = 50
TIME_ZONE = "Europe/Paris"
COLLECTION_RECORDS = 2000
_FORMATS = ("Vinyl", "Vinyl", "Vinyl", "CD", "CD", "Cassette")

type Report = dict[str, Any]


def run(bench: Bench) -> Report:
    """Time the statistics at the history's size; see the module docstring."""
    from .bench import _ingest, log

    history = bench.history()
    path = bench.database_path()
    store = Store.open(path)
    report: Report = {}
    try:
        if store.counts().plays == 0:
            log(f"ingesting {len(history.plays):,} plays for the statistics")
            _, seconds = _ingest(store, history.plays, bench.options.batch)
            report["stats_ingest_plays_per_s"] = round(len(history.plays) / max(seconds, 1e-9))
        log(f"rebuilding the statistics for {TIME_ZONE}")
        started = time.perf_counter()
        rebuilt = store.set_time_zone(TIME_ZONE)
        report["stats_rebuild_s"] = round(time.perf_counter() - started, 3) if rebuilt else None
        _add_collection(path, bench.options.seed)
        newest = store.newest_played_at() or 0
        now = datetime.fromtimestamp(newest + 60, ZoneInfo(TIME_ZONE))
        report["stats_now"] = now.isoformat()
        report |= _time_queries(store, now)
        report["stats_rollup_rows"] = _rollup_rows(path)
    finally:
        store.close()
    sensors_ok = report["stats_sensors_ms"]["p95"] < SENSORS_TARGET_MS
    queries = {name: figures for name, figures in report.items() if name.startswith("stats_q_")}
    report["targets"] = {
        "stats_sensors_under_100_ms": sensors_ok,
        "stats_queries_under_50_ms_p95": all(
            figures["p95"] < QUERY_TARGET_MS for figures in queries.values()
        ),
    }
    return report


def _time_queries(store: Store, now: datetime) -> Report:
    from .bench import log

    stats = store.stats
    yesterday = now.date() - timedelta(days=1)
    latest = stats.history(None, 0, 1).entries[0]
    top_artist = stats.sensors(now).top_artists_7d[0].name
    word = max(top_artist.split(), key=len)
    month = HistoryFilter(first_day=now.date() - timedelta(days=29), last_day=now.date())
    queries: dict[str, Callable[[], object]] = {
        "stats_sensors_ms": lambda: stats.sensors(now),
        "stats_q_window_7d_ms": lambda: stats.window(now, Window.DAYS_7),
        "stats_q_window_30d_ms": lambda: stats.window(now, Window.DAYS_30),
        "stats_q_window_365d_ms": lambda: stats.window(now, Window.DAYS_365),
        "stats_q_window_all_ms": lambda: stats.window(now, Window.ALL),
        "stats_q_history_page_ms": lambda: stats.history(None, 10, 50),
        "stats_q_history_deep_page_ms": lambda: stats.history(None, 5000, 50),
        "stats_q_history_artist_ms": lambda: stats.history(
            HistoryFilter(artist_id=latest.artist_id), 0, 50
        ),
        "stats_q_history_album_ms": lambda: stats.history(
            HistoryFilter(album_id=latest.album_id), 0, 50
        ),
        "stats_q_history_source_ms": lambda: stats.history(
            HistoryFilter(source=Source.ROON), 2, 50
        ),
        "stats_q_history_last_30_days_ms": lambda: stats.history(month, 3, 50),
        "stats_q_history_text_ms": lambda: stats.history(HistoryFilter(text=word), 0, 50),
        "stats_q_timeline_ms": lambda: stats.timeline(yesterday),
        "stats_q_collection_page_ms": lambda: stats.collection_page(
            sort=CollectionSort.PLAYS, descending=True
        ),
        "stats_q_collection_stats_ms": lambda: stats.collection_stats(now),
        # Not websocket queries on their own, timed for reference.
        "stats_trend_12_months_ms": lambda: stats.monthly_trend(now),
        "stats_streaks_ms": lambda: stats.streaks(now),
    }
    report: Report = {"stats_history_text": word}
    for name, query in queries.items():
        cold = _timed(query)
        runs = sorted(_timed(query) for _ in range(RUNS))
        report[name] = {
            "cold": round(cold, 2),
            "p50": round(statistics.median(runs), 2),
            "p95": round(runs[int(0.95 * (len(runs) - 1))], 2),
        }
        log(f"  {name}: {report[name]}")
    return report


def _timed(query: Callable[[], object]) -> float:
    started = time.perf_counter()
    query()
    return (time.perf_counter() - started) * 1000


def _add_collection(path: Any, seed: int) -> None:
    """A record collection of already played albums and a few never played ones."""
    rng = random.Random(seed)
    with sqlite3.connect(path) as conn:
        if conn.execute("SELECT count(*) FROM collection_item").fetchone()[0]:
            return
        albums = [row[0] for row in conn.execute("SELECT id FROM album")]
        chosen = rng.sample(albums, min(COLLECTION_RECORDS, len(albums)))
        conn.executemany(
            "INSERT INTO collection_item (album_id, format, original_year, added_at) "
            "VALUES (?, ?, ?, ?)",
            [
                (album, rng.choice(_FORMATS), rng.randint(1960, 2024), 1_600_000_000 + n)
                for n, album in enumerate(chosen)
            ],
        )
    conn.close()


def _rollup_rows(path: Any) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name LIKE 'stats_%'"
            )
        ]
        rows = {
            table: conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in tables
        }
    conn.close()
    return rows
