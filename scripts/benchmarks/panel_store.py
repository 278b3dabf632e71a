"""The 1,000,000-play store the panel benchmark runs Home Assistant on (built once, then cached).

Same synthetic library and history as ``scripts/bench`` (seeded, so the same arguments give the
same store), with statistics rebuilt for the demo's time zone and a record collection.
"""

from __future__ import annotations

from pathlib import Path
import shutil
import time

from custom_components.aime.core.store.store import Store

from ..synthetic_history import SyntheticLibrary, generate_plays
from .common import TIME_ZONE, add_collection, ingest_in_steps, log

CACHE_DIR = Path(__file__).resolve().parents[2] / ".cache"
BATCH = 5000


def cached_store(plays: int, seed: int = 1, years: float = 10) -> Path:
    """Return the path of a store of `plays` synthetic plays, building it the first time."""
    path = CACHE_DIR / f"bench-panel-{plays}-{seed}.db"
    if path.exists():
        return path
    CACHE_DIR.mkdir(exist_ok=True)
    building = path.with_suffix(".building")
    for leftover in building.parent.glob(building.name + "*"):
        leftover.unlink()
    started = time.perf_counter()
    log(f"building a store of {plays:,} plays (cached in {path.name} afterwards)")
    library = SyntheticLibrary.build(seed, artists=10_000, albums=40_000, tracks=300_000)
    history = list(generate_plays(library, plays=plays, years=years, seed=seed))
    store = Store.open(building)
    try:
        ingest_in_steps(store, history, BATCH)
        store.set_time_zone(TIME_ZONE)
    finally:
        store.close()
    add_collection(building, seed)
    shutil.move(building, path)
    for suffix in ("-wal", "-shm"):
        building.with_name(building.name + suffix).unlink(missing_ok=True)
    log(f"store built in {time.perf_counter() - started:.0f} s")
    return path
