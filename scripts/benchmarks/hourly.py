"""The ``hourly`` section of ``scripts/bench``: the history per hour, for long-term statistics.

Reuses the ``store`` section's database when it ran (else ingests the history itself). Times
what ``stats/long_term_statistics.py`` does in the executor: the full read (the first set-up, a
time zone change), the recorder rows built from it, the set-up check (the totals before the
recorder's last hour) and an incremental read (the last 24 hours, nothing new imported).
"""

from __future__ import annotations

import time

from custom_components.aime.core.store.store import Store
from custom_components.aime.stats.long_term_statistics import RECENT_HOURS, _statistic_rows

from .common import Bench, Report, ingest_in_steps, log

FULL_READ_TARGET_S = 5.0
INCREMENTAL_TARGET_MS = 500


def run(bench: Bench) -> Report:
    """Time the reads and report how many hours the history fills."""
    history = bench.history()
    store = Store.open(bench.database_path())
    try:
        if store.counts().plays == 0:
            log(f"ingesting {len(history.plays):,} plays for the hourly statistics")
            ingest_in_steps(store, history.plays, bench.options.batch)
        plays = store.counts().plays
        started = time.perf_counter()
        read = store.hourly.hours(0)
        full_s = time.perf_counter() - started
        started = time.perf_counter()
        rows, _listened = _statistic_rows(read.hours)
        rows_s = time.perf_counter() - started
        last = read.hours[-1].start
        started = time.perf_counter()
        store.hourly.totals_before(last)
        check_s = time.perf_counter() - started
        started = time.perf_counter()
        recent = store.hourly.hours(last - RECENT_HOURS * 3_600, after_play_id=read.newest_play_id)
        incremental_s = time.perf_counter() - started
    finally:
        store.close()
    log(f"  {len(read.hours):,} hours, full read {full_s:.2f} s, rows {rows_s:.2f} s")
    return {
        "hourly_plays": plays,
        "hourly_hours": len(read.hours),
        "hourly_full_read_s": round(full_s, 3),
        "hourly_rows_s": round(rows_s, 3),
        "hourly_recorder_rows": 2 * len(rows),
        "hourly_setup_check_s": round(check_s, 3),
        "hourly_incremental_ms": round(incremental_s * 1000, 1),
        "hourly_incremental_hours": len(recent.hours),
        "targets": {
            "hourly_full_read_s": full_s + rows_s <= FULL_READ_TARGET_S,
            "hourly_incremental_ms": incremental_s * 1000 <= INCREMENTAL_TARGET_MS,
            "hourly_counts_every_play": read.hours[-1].plays_sum == plays,
        },
    }
