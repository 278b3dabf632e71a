"""AIME benchmarks: print one JSON object on stdout; progress goes to stderr.

    scripts/bench                              # every section, 1,000,000 plays
    scripts/bench --plays 100000 --only store  # one section
    scripts/bench --profile                    # also print the hottest functions to stderr

Each section is a function listed in ``SECTIONS`` (``runner.py``), in its own module of
``scripts/benchmarks/``: it reads the shared synthetic history from ``Bench.history()``
(``common.py``; built once, not timed with the sections) and adds its figures and pass/fail
targets to the report.
Targets are reported, never enforced: the exit code is 0 even when one is missed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
import gc
import json
from pathlib import Path
import platform
import shutil
import sqlite3
import tempfile
import time

import sqlalchemy

from custom_components.aime.core.store.store import DEFAULT_BATCH_SIZE

from . import hourly, people, players, playlists, recap, roon, stats, store
from .common import SHAPE_SIZES, Bench, Report, log, peak_rss_mib

type Section = Callable[[Bench], Report]

# Sections run in this order; each returns its figures and its pass/fail ``targets``.
SECTIONS: dict[str, Section] = {
    "history": store.history_section,  # The synthetic history: size, duplicates, speed.
    "store": store.store_section,  # Ingest, re-ingest (idempotence), size on disk.
    "lastfm_import": store.lastfm_import_section,  # Full import from the fake Last.fm.
    "stats": stats.run,  # Time-zone rebuild, sensor figures, each websocket query.
    "people": people.run,  # Two people's history: their ingest, per-person vs everyone's queries.
    "roon": roon.run,  # Core event to state change latency, loop lag in a seek flood.
    "players": players.run,  # 50 Home Assistant players x 10 min of positions: AIME's cost.
    "playlists": playlists.run,  # Each algorithm, all time and the last 365 days.
    "recap": recap.run,  # A year's and a month's recap (target: a year under 500 ms).
    "hourly": hourly.run,  # Long-term statistics: full and incremental hourly reads.
}


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__.split("\n")[0])
    parser.add_argument("--plays", type=int, default=1_000_000, help="reports to generate")
    parser.add_argument("--years", type=float, default=10, help="span of the history")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument(
        "--batch",
        type=int,
        default=DEFAULT_BATCH_SIZE,
        help="plays per store transaction (default: the store's)",
    )
    parser.add_argument(
        "--shape",
        choices=list(SHAPE_SIZES),
        default="tidy",
        help="the history: tidy (scripts/synthetic_history.py) or real (scripts/real_history.py)",
    )
    parser.add_argument("--artists", type=int, help="default: the shape's (tidy 10,000)")
    parser.add_argument("--albums", type=int, help="default: the shape's (40,000)")
    parser.add_argument("--tracks", type=int, help="default: the shape's (tidy 300,000)")
    parser.add_argument("--db", help="database file to create (default: in a temporary dir)")
    parser.add_argument("--keep", action="store_true", help="keep the database afterwards")
    parser.add_argument(
        "--only",
        action="append",
        choices=list(SECTIONS),
        help="run only this section (repeatable)",
    )
    parser.add_argument("--profile", action="store_true", help="cProfile the timed steps")
    parser.add_argument(
        "--stats-sizes",
        type=lambda text: [int(size) for size in text.split(",") if size],
        default=[100_000],
        help="comma-separated smaller histories the stats section also measures (0: none)",
    )
    return parser


def main(argv: list[str] | None = None) -> Report:
    """Run the benchmark, print the report as JSON on stdout and return it."""
    parser = _parser()
    options = parser.parse_args(argv)
    if options.plays < 1 or options.batch < 1:
        parser.error("--plays and --batch must be positive")
    if options.db and Path(options.db).exists():
        parser.error(f"{options.db} exists: the benchmark needs a fresh database")
    names = options.only or list(SECTIONS)
    workdir = Path(tempfile.mkdtemp(prefix="aime-bench-"))
    bench = Bench(options, workdir)
    report: Report = {"seed": options.seed, "shape": options.shape, "sections": names}
    targets: dict[str, bool] = {}
    started = time.perf_counter()
    try:
        for name in names:
            log(f"section {name}")
            figures = SECTIONS[name](bench)
            targets.update(figures.pop("targets", {}))
            report.update(figures)
    finally:
        gc.unfreeze()
        _clean_up(bench)
    report |= {
        "total_s": round(time.perf_counter() - started, 3),
        "peak_rss_mib": peak_rss_mib(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "sqlalchemy": sqlalchemy.__version__,
        "targets": targets,
    }
    if options.keep:
        report["db_path"] = str(bench.database_path())
    print(json.dumps(report, indent=2))
    return report


def _clean_up(bench: Bench) -> None:
    """Remove the scratch directory and, unless --keep, the database."""
    path = bench.database_path()
    if bench.options.keep:
        if path.parent == bench.workdir:
            log(f"kept {path}")
            return
    elif bench.options.db:
        for suffix in ("", "-wal", "-shm"):
            path.with_name(path.name + suffix).unlink(missing_ok=True)
    shutil.rmtree(bench.workdir, ignore_errors=True)
