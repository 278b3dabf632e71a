"""A stored play's listened seconds, set after it was recorded (a Roon play heard on)."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path
import random
import sqlite3

import pytest

from custom_components.aime.core.localtime import day_of_date
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.store.store import Store

from ..stats.test_rollups import (
    START,
    actual_rollups,
    expected_rollups,
    ingest_in_random_batches,
    random_reports,
)

DAY = day_of_date(date(2017, 1, 1))
SO_WHAT = PlayInput(
    "So What",
    "Miles Davis",
    START,
    Source.ROON,
    album="Kind of Blue",
    duration=562,
    device="Kitchen",
    seconds_listened=281,
)


def _listened(db_path: Path) -> list[tuple[int, int | None]]:
    with sqlite3.connect(db_path) as conn:
        return conn.execute("SELECT id, seconds_listened FROM play ORDER BY id").fetchall()


def test_final_figure_replaces_the_threshold_one(store: Store, db_path: Path) -> None:
    """Recorded at half with 281 s, played to the end: 562 s, and the day's time follows."""
    store.ingest([SO_WHAT])
    play_id = store.find_play(SO_WHAT)
    assert play_id == 1
    assert actual_rollups(db_path)["day"] == {DAY: (1, 281, 0)}

    assert store.set_seconds_listened(play_id, 562)
    assert _listened(db_path) == [(1, 562)]
    rollups = actual_rollups(db_path)
    assert rollups["day"] == {DAY: (1, 562, 0)}
    assert (START, START, 1, 1, 1, 562) in rollups["session"]
    assert rollups == expected_rollups(db_path, "UTC")


def test_replaying_the_update_changes_nothing(store: Store, db_path: Path) -> None:
    store.ingest([SO_WHAT])
    assert store.set_seconds_listened(1, 500)
    before = actual_rollups(db_path)
    assert not store.set_seconds_listened(1, 500)
    assert actual_rollups(db_path) == before
    assert _listened(db_path) == [(1, 500)]
    assert not store.set_seconds_listened(99, 500)  # no such play: nothing to do


@pytest.mark.parametrize("seconds", [0, -5, 1_000_001, 12.5, None])
def test_bad_figures_are_refused(store: Store, db_path: Path, seconds: object) -> None:
    store.ingest([SO_WHAT])
    with pytest.raises(ValueError, match="listened seconds"):
        store.set_seconds_listened(1, seconds)  # type: ignore[arg-type]
    assert _listened(db_path) == [(1, 281)]


def test_found_by_its_natural_key(store: Store) -> None:
    """Source, start and song find the play; another start, source or song does not."""
    other_zone = replace(SO_WHAT, title="Blue in Green", device="Office")
    store.ingest([SO_WHAT, other_zone])
    assert store.find_play(SO_WHAT) == 1
    assert store.find_play(replace(SO_WHAT, seconds_listened=400, device="Cuisine")) == 1
    assert store.find_play(replace(SO_WHAT, title="So What (Remastered)")) == 1
    assert store.find_play(other_zone) == 2
    assert store.find_play(replace(SO_WHAT, played_at=START + 1)) is None
    assert store.find_play(replace(SO_WHAT, source=Source.LASTFM)) is None
    assert store.find_play(replace(SO_WHAT, artist="John Coltrane")) is None


def test_merged_into_a_scrobble_updates_that_play(store: Store, db_path: Path) -> None:
    """Roon's report joined the Last.fm scrobble: the update goes to the scrobble's play."""
    scrobble = PlayInput("So What", "Miles Davis", START - 4, Source.LASTFM, album="Kind of Blue")
    store.ingest([scrobble])
    store.ingest([SO_WHAT])
    assert store.find_play(SO_WHAT) == store.find_play(scrobble) == 1
    assert store.set_seconds_listened(1, 562)
    assert _listened(db_path) == [(1, 562)]
    assert actual_rollups(db_path) == expected_rollups(db_path, "UTC")


def test_play_of_unknown_length_learns_it(store: Store, db_path: Path) -> None:
    """A scrobble without duration nor listened time is priced by the update."""
    store.ingest([PlayInput("Unknown", "Band", START, Source.LASTFM)])
    assert actual_rollups(db_path)["day"] == {DAY: (1, 0, 1)}
    assert store.set_seconds_listened(1, 200)
    assert actual_rollups(db_path)["day"] == {DAY: (1, 200, 0)}
    assert actual_rollups(db_path) == expected_rollups(db_path, "UTC")


@pytest.mark.parametrize("seed", [1, 2])
def test_rollups_equal_a_recount_after_updates(db_path: Path, seed: int) -> None:
    """Updates of every kind of play (own, merged, unknown length, repriced) keep the rollups
    equal to a recount, across a time-zone change and a rebuild."""
    store = Store.open(db_path, time_zone="Europe/Paris")
    try:
        ingest_in_random_batches(store, random_reports(seed, 300), seed)
        rng = random.Random(seed)
        plays = [play_id for play_id, _ in _listened(db_path)]
        for play_id in rng.sample(plays, len(plays) // 2):
            seconds = rng.randint(1, 900)
            store.set_seconds_listened(play_id, seconds)
            store.set_seconds_listened(play_id, seconds)  # replayed: nothing moves
        assert actual_rollups(db_path) == expected_rollups(db_path, "Europe/Paris")
        # Later reports still merge and price on top of updated plays.
        ingest_in_random_batches(store, random_reports(seed + 50, 100), seed)
        incremental = actual_rollups(db_path)
        assert incremental == expected_rollups(db_path, "Europe/Paris")
        store.rebuild_statistics()
        assert actual_rollups(db_path) == incremental
    finally:
        store.close()
