"""The ``stats`` section of ``scripts/bench``: statistics over the synthetic history.

Reuses the ``store`` section's database when it ran (else ingests the history itself), switches
it to Europe/Paris (a full rebuild of the rollups, timed), adds a record collection, then times
every sensor figure together and each websocket-style query, p50/p95 over ``RUNS`` runs after
one cold run, with ``now`` one minute after the newest play. Then the same on a freshly
ingested history of each smaller size in ``--stats-sizes`` (same span), side by side.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
import sqlite3
import statistics
import time
from zoneinfo import ZoneInfo

from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.stats.album_page import album_page
from custom_components.aime.core.stats.artist_page import artist_page
from custom_components.aime.core.stats.models import CollectionSort, HistoryFilter, Window
from custom_components.aime.core.stats.page_models import Granularity, Shelf
from custom_components.aime.core.stats.range_stats import range_stats
from custom_components.aime.core.store.store import Store

from .common import (
    TIME_ZONE,
    Bench,
    Report,
    add_collection,
    generate_history,
    ingest_in_steps,
    log,
)

SENSORS_TARGET_MS = 100
QUERY_TARGET_MS = 50
RUNS = 50


def run(bench: Bench) -> Report:
    """Time the statistics at the history's size, then at each smaller ``--stats-sizes``.

    The history's figures keep their flat ``stats_*`` keys; ``stats_by_size`` puts the p95 of
    every size side by side, to show that windowed figures do not grow with the history.
    """
    history = bench.history()
    report = _measure(bench.database_path(), history.plays, bench)
    by_size = {str(len(history.plays)): _summary(report)}
    targets = _targets(report, "")
    for size in sorted(
        {size for size in bench.options.stats_sizes if 0 < size < len(history.plays)}
    ):
        log(f"statistics at {size:,} plays")
        plays = list(generate_history(history.library, bench.options, size))
        path = bench.workdir / f"stats-{size}.db"
        figures = _measure(path, plays, bench)
        by_size[str(size)] = _summary(figures)
        targets |= _targets(figures, f"_at_{size}")
        for suffix in ("", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
    report["stats_by_size"] = dict(sorted(by_size.items(), key=lambda item: int(item[0])))
    report["targets"] = targets
    return report


def _measure(path: Path, plays: list[PlayInput], bench: Bench) -> Report:
    """Open (ingesting ``plays`` when the store is empty) and time everything."""
    store = Store.open(path)
    report: Report = {}
    try:
        if store.counts().plays == 0:
            log(f"ingesting {len(plays):,} plays for the statistics")
            _, seconds = ingest_in_steps(store, plays, bench.options.batch)
            report["stats_ingest_plays_per_s"] = round(len(plays) / max(seconds, 1e-9))
        log(f"rebuilding the statistics for {TIME_ZONE}")
        started = time.perf_counter()
        rebuilt = store.set_time_zone(TIME_ZONE)
        report["stats_rebuild_s"] = round(time.perf_counter() - started, 3) if rebuilt else None
        add_collection(path, bench.options.seed)
        newest = store.newest_played_at() or 0
        now = datetime.fromtimestamp(newest + 60, ZoneInfo(TIME_ZONE))
        report["stats_plays"] = store.counts().plays
        report["stats_now"] = now.isoformat()
        report |= _time_queries(store, now)
        report["stats_rollup_rows"] = _rollup_rows(path)
    finally:
        store.close()
    return report


def _queries(report: Report) -> dict[str, dict[str, float]]:
    return {name: figures for name, figures in report.items() if name.startswith("stats_q_")}


def _targets(report: Report, suffix: str) -> dict[str, bool]:
    return {
        f"stats_sensors_under_100_ms{suffix}": report["stats_sensors_ms"]["p95"]
        < SENSORS_TARGET_MS,
        f"stats_queries_under_50_ms_p95{suffix}": all(
            figures["p95"] < QUERY_TARGET_MS for figures in _queries(report).values()
        ),
    }


def _summary(report: Report) -> Report:
    """One size's p95s (ms), for the side-by-side table."""
    queries = _queries(report)
    return {
        "plays": report["stats_plays"],
        "rebuild_s": report["stats_rebuild_s"],
        "sensors_p95_ms": report["stats_sensors_ms"]["p95"],
        "slowest_query_p95_ms": max(figures["p95"] for figures in queries.values()),
        "queries_p95_ms": {
            name.removeprefix("stats_q_").removesuffix("_ms"): figures["p95"]
            for name, figures in queries.items()
        },
    }


def _time_queries(store: Store, now: datetime) -> Report:
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
        # The panel's pages (core/stats/range_stats.py, album_page.py, artist_page.py).
        "stats_q_range_year_by_week_ms": lambda: range_stats(
            stats,
            now.date(),
            now.date() - timedelta(days=364),
            None,
            granularity=Granularity.WEEK,
        ),
        "stats_q_range_all_ms": lambda: range_stats(stats, now.date(), None, None),
        "stats_q_album_ms": lambda: album_page(stats, latest.album_id),
        "stats_q_artist_ms": lambda: artist_page(stats, latest.artist_id),
        "stats_q_collection_shelf_ms": lambda: stats.collection_page(
            shelf=Shelf.NOT_PLAYED_YEAR, now=now
        ),
        "stats_q_collection_facets_ms": stats.collection_facets,
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


def _rollup_rows(path: Path) -> dict[str, int]:
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
