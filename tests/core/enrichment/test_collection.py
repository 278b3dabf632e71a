"""Applying a Discogs snapshot to the store, enrichment rows, and reading records for export."""

from __future__ import annotations

import sqlite3

import pytest

from custom_components.aime.core.enrichment.collection import (
    AiText,
    CollectionEntry,
    CollectionSyncResult,
    RecordFormat,
)
from custom_components.aime.core.enrichment.links import AlbumToEnrich, ArtistToEnrich, Enriched
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.store.store import Store

PLAYED_AT = 1_700_000_000
DAY = 86_400

KIND_OF_BLUE = CollectionEntry(
    release_id=1001,
    title="Kind of Blue (Legacy Edition)",
    artist="Miles Davis",
    record_format=RecordFormat.VINYL,
    instance_id=7001,
    master_id=5460,
    labels=("Columbia", "Legacy"),
    genres=("Jazz",),
    styles=("Modal",),
    pressing_year=2016,
    original_year=1959,
    cover_url="https://img/kob.jpg",
    added_at=1_600_000_000,
)
FOLK = CollectionEntry(
    release_id=1002,
    title="Blue",
    artist="Joni Mitchell",
    record_format=RecordFormat.CD,
    genres=("Folk, World, & Country", "Pop"),
)


def play(title: str, artist: str, album: str, offset: int = 0) -> PlayInput:
    return PlayInput(title, artist, PLAYED_AT + offset, Source.LASTFM, album=album)


def rows(store: Store, sql: str) -> list[tuple[object, ...]]:
    with sqlite3.connect(store.path) as conn:
        return conn.execute(sql).fetchall()


def test_records_meet_plays(store: Store) -> None:
    """A record is filed under the album its plays already use, editions ignored."""
    store.ingest([play("So What", "Miles Davis", "Kind of Blue")])

    result = store.collection.apply_discogs_sync([KIND_OF_BLUE, FOLK])

    assert result == CollectionSyncResult(received=2, added=2, total=2)
    assert rows(
        store,
        "SELECT al.title, ar.name, c.format, c.labels, c.genres, c.original_year "
        "FROM collection_item c JOIN album al ON al.id = c.album_id "
        "JOIN artist ar ON ar.id = al.artist_id ORDER BY c.id",
    ) == [
        ("Kind of Blue", "Miles Davis", "vinyl", "Columbia; Legacy", "Jazz", 1959),
        ("Blue", "Joni Mitchell", "cd", None, "Folk, World, & Country; Pop", None),
    ]
    # A play ingested after the sync reaches the record's album too.
    store.ingest([play("A Case of You", "Joni Mitchell", "Blue", 600)])
    assert store.counts().albums == 2
    page = store.stats.collection_page()
    assert [(r.title, r.plays) for r in page.records] == [("Blue", 1), ("Kind of Blue", 1)]


def test_resync_updates_removes_and_keeps_years(store: Store) -> None:
    """A later snapshot updates changed items, removes missing ones and keeps known years."""
    store.collection.apply_discogs_sync([KIND_OF_BLUE, FOLK])
    assert store.collection.known_original_years() == {1001: 1959}
    store.ingest([play("Untracked", "Someone", "Elsewhere")])
    with sqlite3.connect(store.path) as conn:  # An item from elsewhere, not from Discogs.
        conn.execute("INSERT INTO collection_item (album_id, format) VALUES (3, 'vinyl')")

    # Without the master year this time, labels changed, a duplicate copy, a blank title.
    changed = CollectionEntry(
        release_id=1001,
        title="Kind of Blue",
        artist="Miles Davis",
        record_format=RecordFormat.VINYL,
        instance_id=7001,
        labels=("Columbia",),
        pressing_year=2016,
        cover_url="https://img/kob.jpg",
        added_at=1_600_000_000,
    )
    blank = CollectionEntry(release_id=9, title=" ", artist="X", record_format=RecordFormat.CD)
    result = store.collection.apply_discogs_sync([changed, changed, blank])

    assert result == CollectionSyncResult(
        received=3, updated=1, removed=1, duplicates=1, skipped=1, total=2
    )
    assert rows(store, "SELECT discogs_release_id, labels, original_year FROM collection_item") == [
        (1001, "Columbia", 1959),
        (None, None, None),
    ]
    again = store.collection.apply_discogs_sync([changed])
    assert (again.unchanged, again.updated, again.added) == (1, 0, 0)
    assert store.collection.apply_discogs_sync([]).removed == 1


def test_failed_sync_changes_nothing(store: Store) -> None:
    """The snapshot is applied in one transaction, and the ingestor recovers from a rollback."""
    store.collection.apply_discogs_sync([FOLK])
    bad = CollectionEntry(
        release_id=1003,
        title="New",
        artist="Newcomer",
        record_format=RecordFormat.VINYL,
        added_at="not a number",  # type: ignore[arg-type]
    )
    with sqlite3.connect(store.path) as conn:
        conn.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON collection_item "
            "WHEN NEW.added_at = 'not a number' BEGIN SELECT RAISE(ABORT, 'refused'); END"
        )
    with pytest.raises(Exception, match="refused"):
        store.collection.apply_discogs_sync([bad])
    assert rows(store, "SELECT discogs_release_id FROM collection_item") == [(1002,)]
    assert rows(store, "SELECT name FROM artist WHERE name = 'Newcomer'") == []
    store.ingest([play("Song", "Newcomer", "New")])
    assert rows(store, "SELECT name FROM artist WHERE name = 'Newcomer'") == [("Newcomer",)]


def test_export_records(store: Store) -> None:
    """Records by artist then year; links, images and the description in the language asked."""
    later = CollectionEntry(
        release_id=1004,
        title="Sketches of Spain",
        artist="Miles Davis",
        record_format=RecordFormat.CD,
        pressing_year=1960,
    )
    undated = CollectionEntry(
        release_id=1005, title="Undated", artist="Miles Davis", record_format=RecordFormat.OTHER
    )
    store.collection.apply_discogs_sync([later, undated, FOLK, KIND_OF_BLUE])
    kob = rows(store, "SELECT id FROM album WHERE key = 'kind of blue'")[0][0]
    store.enrichment.save_album(
        kob, "spotify", url="https://s/kob", image_url="https://i/kob", now=5
    )
    with sqlite3.connect(store.path) as conn:
        conn.executemany(
            "INSERT INTO ai_text (album_id, kind, language, model, created_at, text) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (kob, "album_description", "en", "m1", 10, "Old."),
                (kob, "album_description", "en", "m2", 20, "New."),
                (kob, "album_description", "fr", "m2", 30, "Nouveau."),
                (kob, "haiku", "en", "m2", 40, "Not a description."),
            ],
        )
        conn.execute(
            "UPDATE collection_item SET format = 'mystery' WHERE discogs_release_id = 1005"
        )
        conn.execute(
            "UPDATE collection_item SET format = 'Box set' WHERE discogs_release_id = 1004"
        )

    records = store.collection.export_records(language="en")

    assert [(r.artist, r.title, r.year) for r in records] == [
        ("Joni Mitchell", "Blue", None),
        ("Miles Davis", "Kind of Blue (Legacy Edition)", 1959),
        ("Miles Davis", "Sketches of Spain", 1960),
        ("Miles Davis", "Undated", None),
    ]
    first = records[1]
    assert (first.links, first.images) == (
        {"spotify": "https://s/kob"},
        {"spotify": "https://i/kob"},
    )
    assert first.description == AiText("New.", "m2", "en", 20)
    assert first.discogs_url == "https://www.discogs.com/release/1001"
    assert first.labels == ("Columbia", "Legacy")
    assert records[2].record_format is RecordFormat.BOX_SET  # Stored as "Box set".
    assert records[3].record_format is RecordFormat.OTHER
    box_sets = store.collection.export_records(record_format=RecordFormat.BOX_SET)
    assert [r.title for r in box_sets] == ["Sketches of Spain"]
    assert records[0].description is None
    vinyl = store.collection.export_records(record_format=RecordFormat.VINYL, language="fr")
    assert [(r.title, r.description) for r in vinyl] == [
        ("Kind of Blue (Legacy Edition)", AiText("Nouveau.", "m2", "fr", 30))
    ]
    with sqlite3.connect(store.path) as conn:
        conn.execute("UPDATE collection_item SET format = NULL, discogs_release_id = NULL")
    assert {r.record_format for r in store.collection.export_records()} == {None}
    assert store.collection.export_records()[0].discogs_url is None


def test_enrichment_rows(store: Store) -> None:
    """Saving replaces a subject's rows for that source; no URL at all records a miss."""
    store.ingest([play("So What", "Miles Davis", "Kind of Blue")])
    album, artist = rows(store, "SELECT id, artist_id FROM album")[0]
    enrichment = store.enrichment
    assert enrichment.album(album, "spotify") is None

    enrichment.save_album(album, "spotify", url="https://s/a", image_url=None, now=100)
    enrichment.save_album(album, "spotify", url="https://s/b", image_url="https://i/b", now=200)
    enrichment.save_artist(artist, "spotify", url=None, image_url=None, now=300)

    assert enrichment.album(album, "spotify") == Enriched("https://s/b", "https://i/b", 200)
    assert enrichment.artist(artist, "spotify") == Enriched(None, None, 300)
    assert rows(store, "SELECT count(*) FROM enrichment") == [(3,)]


def test_lists_to_enrich(store: Store) -> None:
    """Owned records first, then the most played; a miss is retried after ``retry_after``."""
    store.ingest(
        [
            play("T1", "Ada", "Often", 0),
            play("T2", "Ada", "Often", 300),
            play("T3", "Bob", "Once", 600),
            play("No album", "Cy", "", 900),
        ]
    )
    store.collection.apply_discogs_sync(
        [CollectionEntry(release_id=1, title="Owned", artist="Dee", record_format=RecordFormat.CD)]
    )
    ids = dict(rows(store, "SELECT title, id FROM album"))
    artists = dict(rows(store, "SELECT name, id FROM artist"))
    enrichment = store.enrichment
    now = PLAYED_AT + DAY

    missing = enrichment.albums_missing("spotify", now=now)
    assert missing == [
        AlbumToEnrich(ids["Owned"], "Dee", "Owned", True),
        AlbumToEnrich(ids["Often"], "Ada", "Often", False),
        AlbumToEnrich(ids["Once"], "Bob", "Once", False),
    ]
    assert enrichment.albums_missing("spotify", now=now, collection_only=True) == missing[:1]
    assert enrichment.albums_missing("spotify", now=now, limit=-1) == []
    assert [a.name for a in enrichment.artists_missing("spotify", now=now)] == [
        "Ada",
        "Bob",
        "Cy",
        "Dee",
    ]

    enrichment.save_album(ids["Owned"], "spotify", url=None, image_url=None, now=now)
    enrichment.save_album(ids["Often"], "spotify", url="https://s/o", image_url=None, now=now)
    enrichment.save_artist(artists["Ada"], "spotify", url=None, image_url="https://i/a", now=now)
    assert [a.title for a in enrichment.albums_missing("spotify", now=now)] == ["Once"]
    assert [a.title for a in enrichment.albums_missing("other", now=now)] == [
        "Owned",
        "Often",
        "Once",
    ]
    month_later = now + 31 * DAY
    assert [a.title for a in enrichment.albums_missing("spotify", now=month_later)] == [
        "Owned",
        "Once",
    ]
    assert enrichment.artists_missing("spotify", now=now, limit=1) == [
        ArtistToEnrich(artists["Bob"], "Bob")
    ]
    assert enrichment.album_to_enrich(ids["Often"]) == AlbumToEnrich(
        ids["Often"], "Ada", "Often", False
    )
    assert enrichment.album_to_enrich(999) is None
