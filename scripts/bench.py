"""AIME benchmarks: print one JSON object on stdout; progress goes to stderr.

    scripts/bench                              # every section, 1,000,000 plays
    scripts/bench --plays 100000 --only store  # one section
    scripts/bench --profile                    # also print the hottest functions to stderr

Each section is a function registered with ``@section``: it reads the shared synthetic history
from ``Bench.history()`` (built once, not timed with the sections) and adds its figures and
pass/fail targets to the report. Later milestones add their own sections (stats, playlists).
Targets are reported, never enforced: the exit code is 0 even when one is missed.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterator
import contextlib
import cProfile
from dataclasses import dataclass, field
import gc
import io
import json
from pathlib import Path
import platform
import pstats
import resource
import shutil
import sqlite3
import sys
import tempfile
import time
from typing import Any

import sqlalchemy

from custom_components.aime.clients.lastfm import PAGE_SIZE, LastfmClient
from custom_components.aime.core.models import IngestResult, PlayInput, Source
from custom_components.aime.core.store.store import Store
from tests.fakes.lastfm import DEFAULT_API_KEY, FakeLastfm

from .synthetic_history import SyntheticLibrary, generate_plays

INGEST_TARGET_PLAYS_PER_S = 50_000
REINGEST_TARGET_PLAYS_PER_S = 100_000
TARGET_BYTES_PER_PLAY = 120
LASTFM_IMPORT_TARGET_PLAYS_PER_S = 10_000
LASTFM_IMPORT_MAX_SCROBBLES = 100_000
LASTFM_BENCH_USER = "aime-bench"
_PROGRESS_EVERY = 100_000

type Report = dict[str, Any]
type Section = Callable[[Bench], Report]

SECTIONS: dict[str, Section] = {}


def section(name: str) -> Callable[[Section], Section]:
    """Register a benchmark section; sections run in registration order."""

    def register(function: Section) -> Section:
        SECTIONS[name] = function
        return function

    return register


def log(message: str) -> None:
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


@dataclass(slots=True)
class History:
    """The synthetic listening history every section works on."""

    library: SyntheticLibrary
    plays: list[PlayInput]
    expected_plays: int  # Distinct plays: reports minus injected cross-source duplicates.
    cross_source_duplicates: int
    timings: Report  # How long building it took; never counted in a section's timings.


@dataclass(slots=True)
class Bench:
    """Options, the shared history and a scratch directory, for the sections."""

    options: argparse.Namespace
    workdir: Path
    _history: History | None = field(default=None)

    def history(self) -> History:
        """Build the library and materialise the plays, once; report how long that took."""
        if self._history is None:
            self._history = _build_history(self.options)
        return self._history

    def database_path(self) -> Path:
        return Path(self.options.db) if self.options.db else self.workdir / "bench.db"


def _build_history(options: argparse.Namespace) -> History:
    log(f"building the library ({options.artists} artists, {options.tracks} tracks)")
    started = time.perf_counter()
    library = SyntheticLibrary.build(
        options.seed, artists=options.artists, albums=options.albums, tracks=options.tracks
    )
    built = time.perf_counter()
    log(f"generating {options.plays:,} plays over {options.years} years")
    stream = generate_plays(library, plays=options.plays, years=options.years, seed=options.seed)
    plays = list(stream)
    generated = time.perf_counter()
    # The history is a million long-lived objects the store never frees: without this, every
    # full collection during the timed sections walks them all (a harness cost, not AIME's).
    gc.collect()
    gc.freeze()
    timings = {
        "library_s": round(built - started, 3),
        "generation_s": round(generated - built, 3),
        "generation_plays_per_s": round(len(plays) / max(generated - built, 1e-9)),
        "rss_after_generation_mib": _peak_rss_mib(),
    }
    log(f"generated in {generated - started:.1f} s")
    return History(library, plays, stream.distinct_plays, stream.cross_source_duplicates, timings)


@section("history")
def history_section(bench: Bench) -> Report:
    """The synthetic history itself: size, duplicates, and how fast it is generated."""
    history = bench.history()
    library = history.library
    return {
        "plays": len(history.plays),
        "expected_plays": history.expected_plays,
        "cross_source_duplicates": history.cross_source_duplicates,
        "library": {
            "artists": library.artist_count,
            "albums": library.album_count,
            "tracks": library.track_count,
        },
        **history.timings,
    }


@section("store")
def store_section(bench: Bench) -> Report:
    """Ingest, re-ingest (idempotence), size on disk."""
    history = bench.history()
    plays, batch = history.plays, bench.options.batch
    path = bench.database_path()
    store = Store.open(path)
    try:
        log(f"ingesting {len(plays):,} plays into {path} (batches of {batch})")
        with _profiled(bench.options.profile, "ingest"):
            ingest, ingest_s = _ingest(store, plays, batch)
        log("re-ingesting the same plays")
        with _profiled(bench.options.profile, "re-ingest"):
            reingest, reingest_s = _ingest(store, plays, batch)
        counts = store.counts()
        db_bytes_open = store.database_size()
    finally:
        store.close()
    db_bytes = _file_size(path) + _file_size(path.with_name(path.name + "-wal"))
    ingest_rate = len(plays) / max(ingest_s, 1e-9)
    reingest_rate = len(plays) / max(reingest_s, 1e-9)
    bytes_per_play = db_bytes / max(counts.plays, 1)
    return {
        "batch": batch,
        "ingest_s": round(ingest_s, 3),
        "ingest_plays_per_s": round(ingest_rate),
        "ingest_added": ingest.added,
        "merged": ingest.merged,
        "rejected": len(ingest.rejected),
        "reingest_s": round(reingest_s, 3),
        "reingest_plays_per_s": round(reingest_rate),
        "reingest_added": reingest.added,
        "reingest_merged": reingest.merged,
        "plays_stored": counts.plays,
        "counts": {"artists": counts.artists, "albums": counts.albums, "tracks": counts.tracks},
        "db_bytes": db_bytes,
        "db_bytes_open": db_bytes_open,
        "db_bytes_per_play": round(bytes_per_play, 1),
        "targets": {
            "ingest_plays_per_s": ingest_rate >= INGEST_TARGET_PLAYS_PER_S,
            "reingest_plays_per_s": reingest_rate >= REINGEST_TARGET_PLAYS_PER_S,
            "db_bytes_per_play": bytes_per_play <= TARGET_BYTES_PER_PLAY,
            "reingest_added_zero": reingest.added == 0,
            "plays_stored_as_expected": counts.plays == history.expected_plays,
        },
    }


@section("lastfm_import")
def lastfm_import_section(bench: Bench) -> Report:
    """Full-history import from the fake Last.fm: pylast pages of 200, each ingested as read.

    Serves the history's first Last.fm plays (``--plays``, at most 100,000) from a fake
    Last.fm on 127.0.0.1 (its own thread and loop, no rate limit) and imports them end to end
    through ``LastfmClient.recent_page`` and ``Store.ingest`` into a fresh store.
    """
    scrobbles = _lastfm_scrobbles(bench, min(bench.options.plays, LASTFM_IMPORT_MAX_SCROBBLES))
    fake = FakeLastfm()
    fake.add_user(LASTFM_BENCH_USER)
    fake.scrobble_many(LASTFM_BENCH_USER, scrobbles)
    store = Store.open(bench.workdir / "lastfm-import.db")
    fetch_s = ingest_s = 0.0
    pages = added = 0
    try:
        with fake.running_in_thread():
            client = LastfmClient(DEFAULT_API_KEY, LASTFM_BENCH_USER, api_root=fake.api_root)
            log(f"importing {len(scrobbles):,} scrobbles from the fake Last.fm ({PAGE_SIZE}/page)")
            with _profiled(bench.options.profile, "lastfm import"):
                started = time.perf_counter()
                page, total_pages = 1, 1
                while page <= total_pages:
                    fetched = time.perf_counter()
                    result = client.recent_page(page=page, limit=PAGE_SIZE)
                    ingesting = time.perf_counter()
                    added += store.ingest([item.to_play() for item in result.scrobbles]).added
                    fetch_s += ingesting - fetched
                    ingest_s += time.perf_counter() - ingesting
                    total_pages, pages, page = result.total_pages, pages + 1, page + 1
                elapsed = time.perf_counter() - started
        served = fake.user(LASTFM_BENCH_USER).playcount
        stored = store.count_plays(scrobbles[0].played_at, scrobbles[-1].played_at, Source.LASTFM)
    finally:
        store.close()
    rate = stored / max(elapsed, 1e-9)
    log(f"  {stored:,} plays in {elapsed:.1f} s, {rate:,.0f} plays/s")
    return {
        "lastfm_import_scrobbles": served,
        "lastfm_import_pages": pages,
        "lastfm_import_s": round(elapsed, 3),
        "lastfm_import_fetch_s": round(fetch_s, 3),
        "lastfm_import_ingest_s": round(ingest_s, 3),
        "lastfm_import_plays_per_s": round(rate),
        "lastfm_import_added": added,
        "lastfm_import_stored": stored,
        "targets": {
            "lastfm_import_plays_per_s": rate >= LASTFM_IMPORT_TARGET_PLAYS_PER_S,
            "lastfm_import_stored_all": stored == served == added,
        },
    }


def _lastfm_scrobbles(bench: Bench, wanted: int) -> list[PlayInput]:
    """The first ``wanted`` Last.fm plays of the history, from a longer one when it has fewer."""
    history = bench.history()
    scrobbles = [play for play in history.plays if play.source is Source.LASTFM]
    if len(scrobbles) < wanted:
        # Roon plays make up the rest of a history: generate one long enough.
        options = bench.options
        stream = generate_plays(
            history.library, plays=wanted * 3 // 2, years=options.years, seed=options.seed
        )
        scrobbles = [play for play in stream if play.source is Source.LASTFM]
    return scrobbles[:wanted]


@section("stats")
def stats_section(bench: Bench) -> Report:
    """Statistics: time-zone rebuild, all sensor figures together, each websocket query."""
    from .bench_stats import run  # Its own module: it needs this one's helpers.

    return run(bench)


@section("roon")
def roon_section(bench: Bench) -> Report:
    """Roon: Core event to state change latency, and loop lag during a seek flood."""
    from .bench_roon import run  # Its own module: it starts a Home Assistant.

    return run(bench)


@section("playlists")
def playlists_section(bench: Bench) -> Report:
    """Playlists: each algorithm's time, all time and over the last 365 days."""
    from .bench_playlists import run  # Its own module: it needs this one's helpers.

    return run(bench)


@section("recap")
def recap_section(bench: Bench) -> Report:
    """Recap: a year's and a month's listening recap (target: a year under 500 ms)."""
    from .bench_recap import run  # Its own module: it needs this one's helpers.

    return run(bench)


@section("hourly")
def hourly_section(bench: Bench) -> Report:
    """Long-term statistics: the history per hour, full and incremental reads."""
    from .bench_hourly import run  # Its own module: it needs this one's helpers.

    return run(bench)


def _ingest(store: Store, plays: list[PlayInput], batch: int) -> tuple[IngestResult, float]:
    """Ingest in store batches; slices of ~100k plays only serve progress messages."""
    total = IngestResult()
    step = max(batch, _PROGRESS_EVERY // batch * batch)
    started = time.perf_counter()
    for first in range(0, len(plays), step):
        result = store.ingest(plays[first : first + step], batch_size=batch)
        result.added_plays.clear()  # Only counts matter here; do not hold a second list.
        total.absorb(result)
        done = min(first + step, len(plays))
        elapsed = time.perf_counter() - started
        log(f"  {done:,} plays, {done / max(elapsed, 1e-9):,.0f} plays/s")
    return total, time.perf_counter() - started


@contextlib.contextmanager
def _profiled(enabled: bool, label: str) -> Iterator[None]:
    """Print the 25 functions with the most cumulative time to stderr, when enabled."""
    if not enabled:
        yield
        return
    profiler = cProfile.Profile()
    profiler.enable()
    try:
        yield
    finally:
        profiler.disable()
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats("tottime").print_stats(25)
        print(f"--- profile: {label} ---\n{out.getvalue()}", file=sys.stderr)


def _file_size(path: Path) -> int:
    return path.stat().st_size if path.exists() else 0


def _peak_rss_mib() -> float:
    # ru_maxrss is in KiB on Linux.
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="scripts/bench", description=__doc__.split("\n")[0])
    parser.add_argument("--plays", type=int, default=1_000_000, help="reports to generate")
    parser.add_argument("--years", type=float, default=10, help="span of the history")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--batch", type=int, default=5000, help="plays per store transaction")
    parser.add_argument("--artists", type=int, default=10_000)
    parser.add_argument("--albums", type=int, default=40_000)
    parser.add_argument("--tracks", type=int, default=300_000)
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
    report: Report = {"seed": options.seed, "sections": names}
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
        "peak_rss_mib": _peak_rss_mib(),
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


if __name__ == "__main__":
    main()
