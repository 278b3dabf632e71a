"""The ``history``, ``store`` and ``lastfm_import`` sections of ``scripts/bench``.

The synthetic history itself, ingesting it (then again, for idempotence) with its size on
disk, and a full-history import from the fake Last.fm.
"""

from __future__ import annotations

import time

from custom_components.aime.clients.lastfm import PAGE_SIZE, LastfmClient
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.store.store import Store
from tests.fakes.lastfm import DEFAULT_API_KEY, FakeLastfm

from .common import (
    Bench,
    Report,
    file_size,
    generate_history,
    ingest_in_steps,
    log,
    profiled,
)

INGEST_TARGET_PLAYS_PER_S = 50_000
REINGEST_TARGET_PLAYS_PER_S = 100_000
TARGET_BYTES_PER_PLAY = 120
LASTFM_IMPORT_TARGET_PLAYS_PER_S = 10_000
LASTFM_IMPORT_MAX_SCROBBLES = 100_000
LASTFM_BENCH_USER = "aime-bench"


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


def store_section(bench: Bench) -> Report:
    """Ingest, re-ingest (idempotence), size on disk."""
    history = bench.history()
    plays, batch = history.plays, bench.options.batch
    path = bench.database_path()
    store = Store.open(path)
    try:
        log(f"ingesting {len(plays):,} plays into {path} (batches of {batch})")
        cpu_started = time.process_time()
        with profiled(bench.options.profile, "ingest"):
            ingest, ingest_s = ingest_in_steps(store, plays, batch)
        # The process's CPU time beside the wall clock: on a busy machine the difference is
        # time spent waiting for a core, not AIME's work.
        ingest_cpu_s = time.process_time() - cpu_started
        log("re-ingesting the same plays")
        with profiled(bench.options.profile, "re-ingest"):
            reingest, reingest_s = ingest_in_steps(store, plays, batch)
        counts = store.counts()
        db_bytes_open = store.database_size()
    finally:
        store.close()
    db_bytes = file_size(path) + file_size(path.with_name(path.name + "-wal"))
    ingest_rate = len(plays) / max(ingest_s, 1e-9)
    reingest_rate = len(plays) / max(reingest_s, 1e-9)
    bytes_per_play = db_bytes / max(counts.plays, 1)
    return {
        "batch": batch,
        "ingest_s": round(ingest_s, 3),
        "ingest_plays_per_s": round(ingest_rate),
        "ingest_cpu_s": round(ingest_cpu_s, 3),
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


def lastfm_import_section(bench: Bench) -> Report:
    """Full-history import from the fake Last.fm, the way ``lastfm/history_import.py`` does it.

    Serves the history's first Last.fm plays (``--plays``, at most 100,000) from a fake
    Last.fm on 127.0.0.1 (its own thread and loop, no rate limit) and imports them end to end
    through ``LastfmClient.recent_page`` and ``Store.ingest`` into a fresh store: the newest
    page for the page count, then every page oldest first, each stored as one bulk call
    (without the importer's pacing and checkpoint), and the statistics settled at the end.
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
            with profiled(bench.options.profile, "lastfm import"):
                started = time.perf_counter()
                total_pages = client.recent_page(page=1, limit=PAGE_SIZE).total_pages
                fetch_s = time.perf_counter() - started
                for number in range(total_pages, 0, -1):
                    fetched = time.perf_counter()
                    page = client.recent_page(page=number, limit=PAGE_SIZE)
                    ingesting = time.perf_counter()
                    plays = [scrobble.to_play() for scrobble in reversed(page.scrobbles)]
                    added += store.ingest(plays, bulk=True).added
                    fetch_s += ingesting - fetched
                    ingest_s += time.perf_counter() - ingesting
                    pages += 1
                settling = time.perf_counter()
                store.settle_statistics()
                ingest_s += time.perf_counter() - settling
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
        stream = generate_history(history.library, options, wanted * 3 // 2)
        scrobbles = [play for play in stream if play.source is Source.LASTFM]
    return scrobbles[:wanted]
