"""Top lists (``top_lists.py``): ties, unresolved artists, and the three ways tracks are counted."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
import sqlite3

from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.stats.models import Ranked, Window
from custom_components.aime.core.stats.range_stats import range_stats
from custom_components.aime.core.stats.top_lists import TRACK_SCAN_DAYS
from custom_components.aime.core.store.store import Store

from ..stats_fixture import NOW, local

TODAY = NOW.date()


def names(ranked: Sequence[Ranked]) -> list[tuple[str, int]]:
    """(name, plays) of a top list."""
    return [(entry.name, entry.plays) for entry in ranked]


def test_ties_beyond_the_first_rows_are_ordered_by_name(store: Store) -> None:
    """Forty artists with one play each: the top five are the first five names."""
    at = local("2024-10-30 08:00")
    store.ingest(
        [
            PlayInput(f"Song {n}", f"Artist {n:02d}", at + 60 * n, Source.LASTFM, album="A")
            for n in reversed(range(40))
        ]
    )
    expected = [(f"Artist {n:02d}", 1) for n in range(5)]
    for window in (Window.TODAY, Window.ALL):
        stats = store.stats.window(NOW, window, top=5)
        assert (stats.unique_artists, names(stats.top_artists)) == (40, expected)
        assert len(stats.top_tracks) == 5


def test_short_and_long_ranges_count_tracks_alike(shelf: Store) -> None:
    """Counted from the plays (short range) or by ``TrackWindows`` (long): the same list."""
    spring = date(2024, 3, 31)  # P2..P6; the ranges leave out P0 and P1, so no all-time totals.
    short = range_stats(shelf.stats, TODAY, spring, date(2024, 4, 20))
    long = range_stats(shelf.stats, TODAY, spring, date(2024, 6, 30))
    assert (date(2024, 4, 20) - spring).days < TRACK_SCAN_DAYS <= (date(2024, 6, 30) - spring).days
    assert short.unique_tracks == long.unique_tracks == 4
    assert (
        names(short.top_tracks)
        == names(long.top_tracks)
        == [
            ("Gamma", 2),
            ("Alpha", 1),
            ("Beta", 1),
            ("Omega", 1),
        ]
    )


def test_an_unresolved_artist_is_no_top_artist(shelf: Store) -> None:
    """An artist standing for several (the AIME import) leaves the artists' list, not its music."""
    with sqlite3.connect(shelf.path) as conn:
        (cy,) = conn.execute("SELECT id FROM artist WHERE name = 'Cy'").fetchone()
        conn.executemany(
            "INSERT INTO artist_candidate (artist_id, position, key, name) VALUES (?, ?, ?, ?)",
            [(cy, 0, "cy", "Cy"), (cy, 1, "cyd", "Cyd")],
        )
    for first in (date(2024, 10, 1), None):  # A range of days, then all time (the totals).
        stats = range_stats(shelf.stats, TODAY, first, None, top=10)
        assert "Cy" not in [entry.name for entry in stats.top_artists]
        assert stats.unique_artists == 3
        assert "Third" in [entry.name for entry in stats.top_albums]
        assert "Gamma" in [entry.name for entry in stats.top_tracks]
