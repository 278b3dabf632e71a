"""The ``recap`` section of ``scripts/bench``: the listening recap of a year and of a month.

Reuses the ``store`` section's database when it ran, or the ``--db`` given (else ingests the
history itself), in
Europe/Paris with a record collection (as the ``stats`` section leaves it). Times the recap of
the last complete year and month before the newest play, Markdown included: once cold (a new
store, so no per-track counts cached), then ``RUNS`` times.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
import statistics
import time
from zoneinfo import ZoneInfo

from custom_components.aime.core.stats.recap import RecapPeriod, last_month, last_year, recap
from custom_components.aime.core.stats.recap_markdown import recap_markdown
from custom_components.aime.core.store.store import Store

from .common import TIME_ZONE, Bench, Report, add_collection, ingest_in_steps, log

TARGET_MS = 500
RUNS = 5


def run(bench: Bench) -> Report:
    """Time a year's and a month's recap; see the module docstring."""
    path = bench.database_path()
    store = Store.open(path)
    try:
        if store.counts().plays == 0:  # A kept --db is timed as it is.
            history = bench.history()
            log(f"ingesting {len(history.plays):,} plays for the recap")
            ingest_in_steps(store, history.plays, bench.options.batch)
        store.set_time_zone(TIME_ZONE)
        plays = store.counts().plays
        newest = store.newest_played_at() or 0
    finally:
        store.close()
    add_collection(path, bench.options.seed)
    today = datetime.fromtimestamp(newest + 60, ZoneInfo(TIME_ZONE)).date()
    report: Report = {"recap_plays": plays}
    for name, period in (("year", last_year(today)), ("month", last_month(today))):
        store = Store.open(path)  # Cold: nothing cached yet.
        try:
            figures = _time(lambda period=period, store=store: _recap(store, period))
        finally:
            store.close()
        figures["period"] = period.key
        report[f"recap_{name}_ms"] = figures
        log(f"  recap of {period.key}: {figures}")
    report["targets"] = {
        "recap_year_under_500_ms": report["recap_year_ms"]["max"] < TARGET_MS,
    }
    return report


def _recap(store: Store, period: RecapPeriod) -> int:
    """The recap and its Markdown; the number of plays it counted."""
    found = recap(store.stats, period)
    recap_markdown(found, language="en", exported_at=datetime.now(ZoneInfo(TIME_ZONE)))
    return found.plays


def _time(once: Callable[[], int]) -> Report:
    def timed() -> tuple[float, int]:
        started = time.perf_counter()
        counted = once()
        return (time.perf_counter() - started) * 1000, counted

    cold, counted = timed()
    runs = sorted(timed()[0] for _ in range(RUNS))
    return {
        "cold": round(cold, 1),
        "p50": round(statistics.median(runs), 1),
        "max": round(max(cold, runs[-1]), 1),
        "plays_in_period": counted,
    }
