"""After an AIME import, later reports of the same plays complete them instead of adding plays."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
import sqlite3
from typing import Any

import pytest

from custom_components.aime.core.imports.aime_import import import_aime_database
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.stats.models import Window
from custom_components.aime.core.store.store import Store

from ...fixtures.aime_original import (
    JUST_IN_TIME_SCROBBLE,
    Listen,
    build_aime_database,
    build_from_listens,
)

NOW = 1_737_000_000
STAND_IN = "The Velvet Underground | Nina Simone (?)"


@pytest.fixture
def imported(store: Store, tmp_path: Path) -> Store:
    """The store after importing the fixture database (10 plays, 3 of them unresolved)."""
    folder = tmp_path / "aime_app"
    folder.mkdir()
    import_aime_database(store, build_aime_database(folder / "musique.db"), now=NOW)
    return store


def _query(store: Store, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(store.path) as conn:
        return conn.execute(sql, params).fetchall()


def _artist_of(store: Store, title: str) -> list[tuple[Any, ...]]:
    return _query(
        store,
        "SELECT ar.name, al.title, p.played_at, p.source_id FROM play p "
        "JOIN track t ON t.id = p.track_id JOIN artist ar ON ar.id = t.artist_id "
        "JOIN album al ON al.id = t.album_id WHERE t.title = ? ORDER BY p.played_at",
        title,
    )


def test_a_later_scrobble_resolves_the_artist(imported: Store) -> None:
    """Nina Simone's scrobble of "Just in Time" is the unresolved play: it moves to her."""
    artist, title, album, started = JUST_IN_TIME_SCROBBLE
    result = imported.ingest([PlayInput(title, artist, started, Source.LASTFM, album)])
    assert (result.added, result.duplicates, result.merged) == (0, 1, 0)
    assert _artist_of(imported, title) == [("Nina Simone", "After Hours", started, 1)]
    assert imported.counts().plays == 10
    # The stand-in's track no play uses any more is gone; its other tracks stay.
    assert _query(
        imported,
        "SELECT t.title FROM track t JOIN artist ar ON ar.id = t.artist_id WHERE ar.name = ? "
        "ORDER BY t.title",
        STAND_IN,
    ) == [("After Hours",), ("Don't Let Me Be Misunderstood",)]
    # Statistics were recounted: Nina Simone is an artist with one play.
    stats = imported.stats.window(datetime.fromtimestamp(NOW, UTC), Window.ALL)
    assert [(r.name, r.plays) for r in stats.top_artists] == [
        ("Massive Attack", 3),
        ("Miles Davis", 2),
        ("The Velvet Underground", 2),
        ("Nina Simone", 1),
    ]
    assert _query(imported, "SELECT built FROM stats_meta") == [(1,)]
    # Importing the AIME database again adds nothing: its play is recognised under Nina.
    folder = imported.path.parent.parent / "aime_app"
    again = import_aime_database(imported, folder / "musique.db", now=NOW)
    assert again.imported["plays"] == 0
    assert imported.counts().plays == 10


def test_a_report_from_another_source_resolves_too(imported: Store) -> None:
    """Roon's report of "After Hours" two minutes in merges into the play, now by VU."""
    result = imported.ingest(
        [PlayInput("After Hours", "The Velvet Underground", 1_736_100_120, Source.ROON)]
    )
    assert (result.added, result.merged) == (0, 1)
    assert _artist_of(imported, "After Hours") == [("The Velvet Underground", "", 1_736_100_000, 1)]


def test_an_artist_outside_the_candidates_changes_nothing(imported: Store) -> None:
    """Miles Davis never was an artist of "After Hours": his scrobble is a play of its own."""
    result = imported.ingest(
        [PlayInput("After Hours", "Miles Davis", 1_736_100_000, Source.LASTFM)]
    )
    assert result.added == 1
    assert [row[0] for row in _artist_of(imported, "After Hours")] == [STAND_IN, "Miles Davis"]


def test_a_noticed_time_takes_the_scrobble_start(imported: Store) -> None:
    """AIME's tracker noticed "Candy Says" at 1_736_050_000; the scrobble says when it began."""
    result = imported.ingest(
        [
            PlayInput("Candy Says", "The Velvet Underground", 1_736_049_700, Source.LASTFM),
            # Too long before the noticed time: another play.
            PlayInput("Candy Says", "The Velvet Underground", 1_736_040_000, Source.LASTFM),
        ]
    )
    assert (result.added, result.duplicates) == (1, 1)
    assert [row[2] for row in _artist_of(imported, "Candy Says")] == [
        1_736_040_000,
        1_736_049_700,
        1_736_100_300,
    ]
    assert _query(
        imported,
        "SELECT i.exact_time FROM play_import i JOIN play p ON p.id = i.play_id "
        "WHERE p.played_at = 1736049700",
    ) == [(1,)]


def test_a_roon_poll_time_takes_the_scrobble_start(imported: Store) -> None:
    """AIME's Roon tracker saw "Freddie Freeloader" at its poll; Last.fm's scrobble of the
    same listen two minutes earlier merges into it and gives it its start."""
    result = imported.ingest(
        [PlayInput("Freddie Freeloader", "Miles Davis", 1_736_000_480, Source.LASTFM)]
    )
    assert (result.added, result.merged) == (0, 1)
    assert _artist_of(imported, "Freddie Freeloader") == [
        ("Miles Davis", "Kind of Blue", 1_736_000_480, 2)
    ]


def test_the_import_takes_scrobble_starts_already_stored(store: Store, tmp_path: Path) -> None:
    """The same, the other way round: the scrobble was stored before the AIME import."""
    store.ingest([PlayInput("Candy Says", "The Velvet Underground", 1_736_049_700, Source.LASTFM)])
    folder = tmp_path / "aime_app"
    folder.mkdir()
    report = import_aime_database(store, build_aime_database(folder / "musique.db"), now=NOW)
    assert report.repaired["play_times_from_lastfm"] == 1
    assert report.skipped["plays"]["already_present"] == 1
    assert store.counts().plays == 10


def test_unresolved_artists_are_left_out_of_artist_figures(imported: Store) -> None:
    """Per-artist tops and counts skip the stand-in; its album and tracks still count."""
    stats = imported.stats.window(datetime.fromtimestamp(NOW, UTC), Window.ALL)
    assert stats.plays == 10
    assert stats.unique_artists == 3
    assert STAND_IN not in [r.name for r in stats.top_artists]
    assert ("After Hours", STAND_IN, 3) in [(r.name, r.artist, r.plays) for r in stats.top_albums]
    month = imported.stats.window(datetime.fromtimestamp(1_736_300_000, UTC), Window.DAYS_30)
    assert month.unique_artists == 3
    assert month.new_artists == 3


def test_a_later_scrobble_corrects_an_artist_chosen_on_a_known_title(
    store: Store, tmp_path: Path
) -> None:
    """Both bands recorded "Hello"; the title was known under Band A only, so the import gave
    Band B's play to Band A. Band B's scrobble at that very second moves it back."""
    path = build_from_listens(
        tmp_path / "musique.db",
        [
            Listen("Band A", "Hello", "Live", 1_736_000_000, "lastfm", lag=200),
            Listen("Band B", "Hello", "Greatest Hits", 1_736_100_000),
            Listen("Band A", "Goodbye", "Greatest Hits", 1_736_101_000),
        ],
    )
    report = import_aime_database(store, path, now=NOW)
    assert report.artists == {"resolved_plays": 1, "by_known_title": 1, "unresolved_plays": 1}
    assert [row[0] for row in _artist_of(store, "Hello")] == ["Band A", "Band A"]

    result = store.ingest(
        [PlayInput("Hello", "Band B", 1_736_100_000, Source.LASTFM, "Greatest Hits")]
    )
    assert (result.added, result.duplicates) == (0, 1)
    assert _artist_of(store, "Hello") == [
        ("Band A", "Live", 1_736_000_200, 1),
        ("Band B", "Greatest Hits", 1_736_100_000, 1),
    ]


def test_statistics_are_rebuilt_at_most_once_a_minute(tmp_path: Path) -> None:
    """Page after page of a Last.fm import: moved plays recount at most once a minute, and
    ``settle_statistics`` (the import's end) recounts at once."""
    now = [float(NOW)]
    store = Store.open(tmp_path / "store" / "aime.db", clock=lambda: now[0])
    try:
        folder = tmp_path / "aime_app"
        folder.mkdir()
        import_aime_database(store, build_aime_database(folder / "musique.db"), now=NOW)

        def built() -> list[tuple[Any, ...]]:
            return _query(store, "SELECT built FROM stats_meta")

        def top() -> list[tuple[str, int]]:
            stats = store.stats.window(datetime.fromtimestamp(NOW, UTC), Window.ALL)
            return [(r.name, r.plays) for r in stats.top_artists]

        store.ingest([PlayInput("Candy Says", "The Velvet Underground", 1_736_049_700,
                                Source.LASTFM)])  # fmt: skip
        assert built() == [(1,)]  # The first page recounts at once.
        now[0] += 30
        artist, title, album, started = JUST_IN_TIME_SCROBBLE
        store.ingest([PlayInput(title, artist, started, Source.LASTFM, album)])
        assert built() == [(0,)]  # 30 s later: left stale...
        assert ("Nina Simone", 1) not in top()
        now[0] += 30
        store.ingest([PlayInput("So What", "Miles Davis", NOW - 100, Source.LASTFM)])
        assert built() == [(1,)]  # ...until a page a minute after the last recount.
        assert ("Nina Simone", 1) in top()

        store.ingest([PlayInput("After Hours", "Nina Simone", 1_736_100_000, Source.LASTFM)])
        assert built() == [(0,)]
        store.settle_statistics()
        assert built() == [(1,)]
        assert ("Nina Simone", 2) in top()
    finally:
        store.close()
