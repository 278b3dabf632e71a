"""``scripts/benchmarks/ha_commands.py``: each command ``scripts/bench-ha`` times has a query."""

from __future__ import annotations

import contextlib
from dataclasses import asdict
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

from custom_components.aime.core.playlists.models import PlaylistError
from custom_components.aime.core.stats.models import HistoryFilter
from custom_components.aime.core.store.store import Store
from scripts.benchmarks.ha_commands import (
    PLAYLIST_ALGORITHMS,
    store_playlist,
    store_query,
    summary,
)
from scripts.benchmarks.panel_backend import panel_commands
from scripts.real_history import RealLibrary, generate_real_plays

PARIS = ZoneInfo("Europe/Paris")


def test_every_timed_command_runs_on_the_store(tmp_path: Path) -> None:
    """The panel's commands (their arguments as the views send them) and the statistics' ones."""
    library = RealLibrary.build(3, artists=50, albums=120, tracks=800)
    now = datetime(2025, 1, 2, 12, tzinfo=PARIS)
    store = Store.open(tmp_path / "aime.db", time_zone="Europe/Paris")
    try:
        store.ingest(generate_real_plays(library, plays=1500, years=1, seed=3))
        answers: dict[str, Any] = {
            "aime/timeline": {"day": now.date().isoformat()},
            "aime/history": asdict(store.stats.history(HistoryFilter(), 0, 1)),
            "aime/collection/facets": asdict(store.stats.collection_facets()),
        }
        commands = panel_commands(lambda command: answers[command["type"]], "2025-01-01")
        commands |= {
            "periods": {"type": "aime/periods"},
            "trend": {"type": "aime/trend", "months": 12},
            "stats": {"type": "aime/stats", "window": "7d"},
        }
        for command in commands.values():
            assert store_query(store, command, now)() is not None
        for algorithm in PLAYLIST_ALGORITHMS:
            with contextlib.suppress(PlaylistError):  # A tiny history may hold nothing.
                store_playlist(store, algorithm, now)()
        playlists = store.playlists.summaries()
        get = {"type": "aime/playlists/get", "playlist_id": playlists[0].id}
        assert store_query(store, get, now)() is not None
    finally:
        store.close()


def test_summary_is_median_and_nearest_rank_p95() -> None:
    assert summary([float(n) for n in range(1, 21)]) == {"n": 20, "p50": 10.5, "p95": 19.0}
