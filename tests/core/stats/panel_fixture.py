"""The Paris history (``stats_fixture.py``) with a small record collection, for the panel's pages.

Records: Ada's "First" (vinyl, Jazz / Hard Bop, 1959, a cover), Bo's "Second" (CD, Jazz;
Rock / Fusion, pressed 1975, no cover), "Unplayed" by Ada (vinyl, Rock, 1971, a cover), and
an unplayed album whose names are HTML, to be shown as text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
import sqlite3

import pytest

from custom_components.aime.core.enrichment.collection import CollectionEntry, RecordFormat
from custom_components.aime.core.store.store import Store

from ..stats_fixture import history

ODD = "<img src=x onerror=alert(1)>"
FIRST_COVER = "https://img.discogs.example/first.jpg"
UNPLAYED_COVER = "https://img.discogs.example/unplayed.jpg"
RECORDS = (
    CollectionEntry(
        1, "First", "Ada", RecordFormat.VINYL, genres=("Jazz",), styles=("Hard Bop",),
        original_year=1959, pressing_year=2015, cover_url=FIRST_COVER, added_at=30,
    ),
    CollectionEntry(
        2, "Second", "Bo", RecordFormat.CD, genres=("Jazz", "Rock"), styles=("Fusion",),
        pressing_year=1975, added_at=20,
    ),
    CollectionEntry(
        3, "Unplayed", "Ada", RecordFormat.VINYL, genres=("Rock",), original_year=1971,
        cover_url=UNPLAYED_COVER, added_at=10,
    ),
    CollectionEntry(4, ODD, ODD, RecordFormat.OTHER, added_at=5),
)  # fmt: skip


@pytest.fixture
def shelf(db_path: Path) -> Iterator[Store]:
    """The Paris history and its records."""
    store = Store.open(db_path, time_zone="Europe/Paris")
    store.ingest(history(), batch_size=3)
    store.collection.apply_discogs_sync(RECORDS)
    yield store
    store.close()


def album_id(store: Store, title: str) -> int:
    """The id of the album titled ``title``."""
    with sqlite3.connect(store.path) as conn:
        found: int = conn.execute("SELECT id FROM album WHERE title = ?", (title,)).fetchone()[0]
    return found


def artist_id(store: Store, name: str) -> int:
    """The id of the artist named ``name``."""
    with sqlite3.connect(store.path) as conn:
        found: int = conn.execute("SELECT id FROM artist WHERE name = ?", (name,)).fetchone()[0]
    return found
