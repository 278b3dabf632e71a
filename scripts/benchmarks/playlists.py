"""The ``playlists`` section of ``scripts/bench``: each algorithm over the synthetic history.

Reuses the ``store`` section's database when it ran (else ingests the history itself). Each
algorithm runs once cold, then ``RUNS`` times (p50, p95 and max reported), with ``now`` one
minute after the newest play, over all time and over the last 365 days. ``ai_generated`` is
timed with a picker that answers at once, so the figure is the candidate pool's cost.

Target (issue 24): p95 within 50 ms up to 100,000 plays, 100 ms at 1,000,000; between, in
proportion to the store's plays (``target_ms``).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime
import statistics
import time

from custom_components.aime.core.playlists.models import (
    Algorithm,
    Candidate,
    PlaylistError,
    PlaylistRequest,
)
from custom_components.aime.core.stats.models import Window
from custom_components.aime.core.store.store import Store

from .common import Bench, Report, ingest_in_steps, log

TARGET_MS = 50  # p95 up to SMALL_PLAYS plays,
LARGE_TARGET_MS = 100  # and at LARGE_PLAYS.
SMALL_PLAYS = 100_000
LARGE_PLAYS = 1_000_000
RUNS = 20
PROMPT = "late night jazz and soul, something like Nina Simone"


def _instant_picker(prompt: str, pool: Sequence[Candidate]) -> list[int]:
    return [candidate.track.track_id for candidate in pool[::2]]


def run(bench: Bench) -> Report:
    """Time every algorithm; see the module docstring."""
    history = bench.history()
    store = Store.open(bench.database_path())
    report: Report = {}
    try:
        store_plays = store.counts().plays
        if store_plays == 0:
            log(f"ingesting {len(history.plays):,} plays for the playlists")
            ingest_in_steps(store, history.plays, bench.options.batch)
            store_plays = store.counts().plays
        now = datetime.fromtimestamp((store.newest_played_at() or 0) + 60, UTC)
        for window in (Window.ALL, Window.DAYS_365):
            for algorithm in Algorithm:
                request = PlaylistRequest(algorithm, now, window=window, prompt=PROMPT, seed=1)
                report[f"playlist_{algorithm.value}_{window.value}_ms"] = figures = _time(
                    store, request
                )
                log(f"  {algorithm.value} ({window.value}): {figures}")
    finally:
        store.close()
    timings = [value for key, value in report.items() if key.startswith("playlist_")]
    report["playlist_target_p95_ms"] = target = target_ms(store_plays)
    report["targets"] = {"playlists_p95": all(figures["p95"] <= target for figures in timings)}
    return report


def target_ms(plays: int) -> float:
    """The p95 target for a store of ``plays`` plays (see the module docstring)."""
    share = (plays - SMALL_PLAYS) / (LARGE_PLAYS - SMALL_PLAYS)
    return TARGET_MS + (LARGE_TARGET_MS - TARGET_MS) * min(max(share, 0.0), 1.0)


def _time(store: Store, request: PlaylistRequest) -> Report:
    def once() -> tuple[float, int]:
        started = time.perf_counter()
        try:
            tracks = len(store.playlists.generate(request, picker=_instant_picker).tracks)
        except PlaylistError:  # A small history may hold nothing to pick (no_match): 0 tracks.
            tracks = 0
        return (time.perf_counter() - started) * 1000, tracks

    cold, tracks = once()
    runs = sorted(once()[0] for _ in range(RUNS))
    return {
        "cold": round(cold, 1),
        "p50": round(statistics.median(runs), 1),
        "p95": round(statistics.quantiles(runs, n=20, method="inclusive")[-1], 1),
        "max": round(max(cold, runs[-1]), 1),
        "tracks": tracks,
    }
