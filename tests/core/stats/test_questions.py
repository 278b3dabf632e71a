"""Plays between two instants across several journal pages, and the unplayed records."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from custom_components.aime.core.enrichment.collection import CollectionEntry, RecordFormat
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.stats.questions import (
    never_played,
    not_played_since,
    plays_between,
)
from custom_components.aime.core.store.store import Store

PARIS = ZoneInfo("Europe/Paris")
START = datetime(2026, 3, 1, tzinfo=PARIS)
PLAYS = 1_200  # More than two pages of the journal (500 a page).


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """One distinct track every 10 minutes from March 1st, and three records."""
    store = Store.open(db_path, time_zone="Europe/Paris")
    start = int(START.timestamp())
    store.ingest(
        [
            PlayInput(f"Track {n}", f"Artist {n % 7}", start + 600 * n, Source.LASTFM, album="A")
            for n in range(PLAYS)
        ]
        + [PlayInput("Old", "Gone", start - 400 * 86_400, Source.LASTFM, album="Past")]
    )
    store.collection.apply_discogs_sync(
        [
            CollectionEntry(1, "Past", "Gone", RecordFormat.VINYL),
            CollectionEntry(2, "Never", "Nobody", RecordFormat.CD),
            CollectionEntry(3, "A", "Artist 0", RecordFormat.CD),
        ]
    )
    try:
        yield store
    finally:
        store.close()


def test_plays_between_walks_the_pages(store: Store) -> None:
    """Counted across pages; the newest kept first, up to the limit; the end excluded."""
    start = START + timedelta(minutes=10 * 100)
    end = START + timedelta(minutes=10 * 1_150)
    found = plays_between(store.stats, start, end, 3)
    assert found.total == 1_050
    assert [entry.title for entry in found.entries] == ["Track 1149", "Track 1148", "Track 1147"]
    assert plays_between(store.stats, end, end + timedelta(days=30), 50).total == 50


def test_unplayed_records(store: Store) -> None:
    """Never played; played, but not in the last year (as of the first play of March)."""
    assert [record.title for record in never_played(store.stats, 10).records] == ["Never"]
    stale = not_played_since(store.stats, START - timedelta(days=365), 10)
    assert (stale.total, [record.title for record in stale.records]) == (1, ["Past"])
