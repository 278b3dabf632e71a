"""A small listening history in Paris, around Thursday 2026-12-03 10:00 (the frozen now)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from custom_components.aime.core.enrichment.collection import CollectionEntry, RecordFormat
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.store.store import Store

PARIS = "Europe/Paris"
NOW = (2026, 12, 3, 10, 0)

# (local time in Paris, title, artist, album)
PLAYS = (
    ((2025, 6, 1, 12, 0), "Saeta", "Miles Davis", "Sketches of Spain"),
    ((2026, 11, 29, 10, 0), "Jóga", "Björk", "Homogenic"),  # Sunday morning.
    ((2026, 11, 29, 19, 0), "So What", "Miles Davis", "Kind of Blue"),  # Sunday evening.
    ((2026, 11, 29, 19, 5), "Blue in Green", "Miles Davis", "Kind of Blue"),
    ((2026, 11, 29, 19, 10), "Hunter", "Björk", "Homogenic"),
    ((2026, 11, 30, 8, 0), "So What", "Miles Davis", "Kind of Blue"),  # Monday: this week.
    ((2026, 12, 1, 20, 0), "Formation", "Beyoncé", "Lemonade"),  # This month.
    ((2026, 12, 3, 9, 0), "So What", "Miles Davis", "Kind of Blue"),  # Today.
    ((2026, 12, 3, 9, 5), "Blue in Green", "Miles Davis", "Kind of Blue"),
)
RECORDS = (
    CollectionEntry(1, "Kind of Blue", "Miles Davis", RecordFormat.VINYL),
    CollectionEntry(2, "Homogenic", "Björk", RecordFormat.CD),
    CollectionEntry(3, "Sketches of Spain", "Miles Davis", RecordFormat.VINYL),  # A year ago.
    CollectionEntry(4, "Blue Train", "John Coltrane", RecordFormat.VINYL),  # Never played.
)


def paris_time(parts: tuple[int, int, int, int, int]) -> datetime:
    """A local time in Paris."""
    return datetime(*parts, tzinfo=ZoneInfo(PARIS))


def write_history(path: Path) -> None:
    """The plays and the collection, written before the hub opens the store."""
    path.parent.mkdir(parents=True, exist_ok=True)
    store = Store.open(path, time_zone=PARIS)
    try:
        store.ingest(
            [
                PlayInput(
                    title,
                    artist,
                    int(paris_time(at).timestamp()),
                    Source.LASTFM,
                    album=album,
                    duration=240,
                )
                for at, title, artist, album in PLAYS
            ]
        )
        store.collection.apply_discogs_sync(RECORDS)
    finally:
        store.close()
