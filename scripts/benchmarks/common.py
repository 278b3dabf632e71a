"""What every benchmark shares: progress on stderr, the synthetic history, ingesting it.

The sections (``store.py``, ``stats.py``…) and the panel benchmark import this module only,
never the runner nor each other, so the benchmark modules import in one direction.
"""

from __future__ import annotations

import argparse
from collections.abc import Iterator
import contextlib
import cProfile
from dataclasses import dataclass, field
import gc
import io
from pathlib import Path
import pstats
import random
import resource
import sqlite3
import sys
import time
from typing import Any

from custom_components.aime.core.models import IngestResult, PlayInput
from custom_components.aime.core.store.store import Store

from ..real_history import RealLibrary, generate_real_plays
from ..synthetic_history import DEFAULT_END, PlayStream, SyntheticLibrary, generate_plays

TIME_ZONE = "Europe/Paris"  # The zone the statistics, recap and panel benchmarks count days in.
COLLECTION_RECORDS = 2000
_FORMATS = ("Vinyl", "Vinyl", "Vinyl", "CD", "CD", "Cassette")
_PROGRESS_EVERY = 100_000

type Report = dict[str, Any]
# Library sizes by history shape (``--shape``): the tidy history's, and issue 24's listener's.
SHAPE_SIZES = {
    "tidy": {"artists": 10_000, "albums": 40_000, "tracks": 300_000},
    "real": {"artists": 20_000, "albums": 40_000, "tracks": 150_000},
}


def log(message: str) -> None:
    """One progress line on stderr (stdout carries only the JSON report)."""
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


@dataclass(slots=True)
class History:
    """The synthetic listening history every section works on."""

    library: SyntheticLibrary | RealLibrary
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
            self._history = build_history(self.options)
        return self._history

    def database_path(self) -> Path:
        """The benchmark's database: ``--db``, else one in the scratch directory."""
        return Path(self.options.db) if self.options.db else self.workdir / "bench.db"


def library_sizes(options: argparse.Namespace) -> dict[str, int]:
    """The library's sizes: the shape's, unless given (``--artists``, ``--albums``…)."""
    defaults = SHAPE_SIZES[getattr(options, "shape", "tidy")]
    return {name: getattr(options, name, None) or size for name, size in defaults.items()}


def build_library(options: argparse.Namespace) -> SyntheticLibrary | RealLibrary:
    """The shape's library (``--shape``: tidy, the default, or real)."""
    if getattr(options, "shape", "tidy") == "real":
        return RealLibrary.build(options.seed, **library_sizes(options))
    return SyntheticLibrary.build(options.seed, **library_sizes(options))


def generate_history(
    library: SyntheticLibrary | RealLibrary,
    options: argparse.Namespace,
    plays: int,
    end: int = DEFAULT_END,
) -> PlayStream:
    """``plays`` plays of ``library``'s shape over ``--years`` up to ``end``, from ``--seed``."""
    if isinstance(library, RealLibrary):
        return generate_real_plays(
            library, plays=plays, years=options.years, seed=options.seed, end=end
        )
    return generate_plays(library, plays=plays, years=options.years, seed=options.seed, end=end)


def build_history(options: argparse.Namespace) -> History:
    sizes = library_sizes(options)
    shape = getattr(options, "shape", "tidy")
    log(f"building the {shape} library ({sizes['artists']} artists, {sizes['tracks']} tracks)")
    started = time.perf_counter()
    library = build_library(options)
    built = time.perf_counter()
    log(f"generating {options.plays:,} plays over {options.years} years")
    stream = generate_history(library, options, options.plays)
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
        "rss_after_generation_mib": peak_rss_mib(),
    }
    log(f"generated in {generated - started:.1f} s")
    return History(library, plays, stream.distinct_plays, stream.cross_source_duplicates, timings)


def ingest_in_steps(store: Store, plays: list[PlayInput], batch: int) -> tuple[IngestResult, float]:
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
def profiled(enabled: bool, label: str) -> Iterator[None]:
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


def file_size(path: Path) -> int:
    """Bytes of ``path``; 0 when it does not exist."""
    return path.stat().st_size if path.exists() else 0


def peak_rss_mib() -> float:
    """The process's peak resident memory, in MiB (ru_maxrss is in KiB on Linux)."""
    return round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)


def add_collection(path: Path, seed: int) -> None:
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
