"""Pricing again: a length learned after the plays were counted moves the rollups exactly."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from custom_components.aime.core.localtime import day_of_date
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.store.store import Store

from .test_rollups import START, actual_rollups, expected_rollups


def test_length_learned_later_is_priced(store: Store, db_path: Path) -> None:
    """Scrobbles of an unknown-length song become priced when Roon reports its duration."""
    scrobbles = [
        PlayInput("Long", "Band", START + hour * 3600, Source.LASTFM, album="LP")
        for hour in range(3)
    ]
    store.ingest(scrobbles)
    assert actual_rollups(db_path)["day"] == {day_of_date(date(2017, 1, 1)): (3, 0, 3)}
    later = PlayInput(
        "Long", "Band", START + 86_400, Source.ROON, album="LP", duration=400, seconds_listened=50
    )
    store.ingest([later])
    rollups = actual_rollups(db_path)
    assert rollups["day"][day_of_date(date(2017, 1, 1))] == (3, 1200, 0)
    assert rollups["priced"] == (3, 1200)
    assert rollups == expected_rollups(db_path, "UTC")
    # The last session (one play of the three hours apart) now knows its length.
    assert (START + 2 * 3600, START + 2 * 3600, 1, 3, 1, 400) in rollups["session"]


def test_merged_report_brings_listened_seconds(store: Store, db_path: Path) -> None:
    """A Roon report merged into a stored scrobble replaces the estimate by what was heard."""
    store.ingest([PlayInput("Song", "Band", START, Source.LASTFM, album="LP")])
    store.ingest(
        [PlayInput("Song", "Band", START + 30, Source.ROON, album="LP", seconds_listened=120)]
    )
    rollups = actual_rollups(db_path)
    assert rollups["day"] == {day_of_date(date(2017, 1, 1)): (1, 120, 0)}
    assert rollups == expected_rollups(db_path, "UTC")
    # Again with a known duration: listened seconds win over the duration.
    store.ingest([PlayInput("Song", "Band", START + 86_400, Source.ROON, album="LP", duration=300)])
    store.ingest([PlayInput("Song", "Band", START + 86_400 + 5, Source.LASTFM, album="LP")])
    store.ingest([PlayInput("Other", "Band", START + 2 * 86_400, Source.LASTFM, album="LP")])
    store.ingest(
        [PlayInput("Other", "Band", START + 2 * 86_400 + 9, Source.ROON, seconds_listened=77)]
    )
    assert actual_rollups(db_path) == expected_rollups(db_path, "UTC")
