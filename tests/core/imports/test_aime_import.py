"""Import of an original AIME database: what comes over, what is repaired, idempotence."""

from __future__ import annotations

import hashlib
from pathlib import Path
import sqlite3
from typing import Any

import pytest

from custom_components.aime.core.enrichment.ai_texts import AiTextKind
from custom_components.aime.core.imports.aime_import import (
    IMPORTED_TEXT_MODEL,
    AimeImportReport,
    import_aime_database,
)
from custom_components.aime.core.imports.aime_source import (
    AimeImportError,
    AimeImportFailure,
    epoch,
    read_aime_database,
)
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.store.store import Store

from ...fixtures.aime_original import (
    DDL,
    DISRAELI_TEXT,
    KIND_OF_BLUE_SUMMARY,
    KIND_OF_BLUE_TEXT,
    build_aime_database,
)

NOW = 1_737_000_000


@pytest.fixture
def aime_db(tmp_path: Path) -> Path:
    return build_aime_database(tmp_path / "musique.db")


def _query(store: Store, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(store.path) as conn:
        return conn.execute(sql, params).fetchall()


def test_first_import(store: Store, aime_db: Path) -> None:
    """Everything importable comes over; every defect is repaired or counted."""
    report = import_aime_database(store, aime_db, now=NOW)
    assert report.as_dict() == {
        "imported": {
            "plays": 9,
            "collection_items": 2,
            "links": 6,
            "images": 4,
            "texts": 3,
            "loved_tracks": 1,
        },
        "merged": {"plays": 0, "albums": 1},
        "repaired": {"albums_reclassified": 1, "albums_split": 1},
        "skipped": {
            "album_artists": {"orphan": 2},
            "tracks": {"orphan": 1},
            "plays": {
                "orphan": 2,
                "album_not_imported": 1,
                "duplicate_in_aime": 2,
                "invalid_time": 1,
            },
            "images": {"orphan": 1, "malformed": 1, "subject_not_imported": 3},
            "metadata": {"orphan": 1},
            "collection_items": {"invalid_discogs_id": 1},
            "albums": {"without_artist": 1, "no_plays": 2},
            "links": {"already_present": 1, "album_not_imported": 1, "invalid_url": 1},
            "texts": {
                "ambiguous_album": 1,
                "error_message": 1,
                "placeholder": 2,
                "album_not_imported": 1,
            },
        },
    }
    counts = store.counts()
    assert (counts.artists, counts.albums, counts.tracks, counts.plays) == (5, 5, 8, 9)
    assert counts.collection_items == 2


def test_albums_merged_by_title_are_split(store: Store, aime_db: Path) -> None:
    """Each track of "After Hours" goes back to its artist; editions of Mezzanine are one."""
    import_aime_database(store, aime_db, now=NOW)
    rows = _query(
        store,
        "SELECT ar.name, al.title, t.title FROM track t JOIN album al ON al.id = t.album_id "
        "JOIN artist ar ON ar.id = al.artist_id ORDER BY ar.name, t.title",
    )
    assert rows == [
        ("Massive Attack", "Mezzanine", "Angel"),
        ("Massive Attack", "Mezzanine", "Teardrop"),
        ("Miles Davis", "Kind of Blue", "Freddie Freeloader"),
        ("Miles Davis", "Kind of Blue", "So What"),
        ("Nina Simone", "After Hours", "Don't Let Me Be Misunderstood"),
        ("Nina Simone", "After Hours", "Just in Time"),
        ("The Velvet Underground", "After Hours", "After Hours"),
        ("The Velvet Underground", "After Hours", "Candy Says"),
    ]
    # Plays keep their own timestamps, source, loved flag; durations come along (0 = unknown).
    plays = _query(
        store,
        "SELECT t.title, p.played_at, p.source_id, p.loved, t.duration, t.loved FROM play p "
        "JOIN track t ON t.id = p.track_id WHERE t.title IN ('So What', 'Teardrop') "
        "ORDER BY p.played_at",
    )
    assert plays == [
        ("So What", 1_736_000_000, 3, 1, 562, 1),
        ("Teardrop", 1_736_300_000, 3, 0, 331, 0),
        ("Teardrop", 1_736_400_000, 3, 0, 331, 0),
    ]


def test_collection_links_images_and_texts(store: Store, aime_db: Path) -> None:
    import_aime_database(store, aime_db, now=NOW)
    records = _query(
        store,
        "SELECT al.title, ar.name, c.discogs_release_id, c.format, c.labels, c.pressing_year, "
        "c.original_year, c.cover_url, c.added_at FROM collection_item c "
        "JOIN album al ON al.id = c.album_id JOIN artist ar ON ar.id = al.artist_id "
        "ORDER BY c.discogs_release_id",
    )
    assert records == [
        ("Disraeli Gears", "Cream", 999, "cd", None, 1967, None, None, 1_736_071_200),
        ("Kind of Blue", "Miles Davis", 12345, "vinyl", "Columbia; Legacy", 2016, None,
         "https://img/kob-discogs.jpg", 1_735_812_000),
    ]  # fmt: skip
    links = _query(
        store,
        "SELECT coalesce(al.title, ar.name), e.source, e.kind, e.url, e.fetched_at "
        "FROM enrichment e LEFT JOIN album al ON al.id = e.album_id "
        "LEFT JOIN artist ar ON ar.id = e.artist_id ORDER BY 1, 2, 3",
    )
    assert links == [
        ("Disraeli Gears", "discogs", "link", "https://www.discogs.com/release/999", NOW),
        ("Kind of Blue", "discogs", "image", "https://img/kob-discogs.jpg", NOW),
        ("Kind of Blue", "discogs", "link", "https://www.discogs.com/release/12345", NOW),
        ("Kind of Blue", "spotify", "image", "https://img/kob-spotify.jpg", NOW),
        ("Kind of Blue", "spotify", "link", "https://open.spotify.com/album/kob", NOW),
        ("Mezzanine", "lastfm", "image", "https://img/mezz-lastfm.jpg", NOW),
        ("Mezzanine", "spotify", "link", "https://open.spotify.com/album/mezz", NOW),
        ("Miles Davis", "lastfm", "link", "https://www.last.fm/music/Miles+Davis", NOW),
        ("Miles Davis", "spotify", "image", "https://img/miles.jpg", NOW),
        ("Miles Davis", "spotify", "link",
         "https://open.spotify.com/artist/0kbYTNQb4Pb1rPbbaF0pT4", NOW),
    ]  # fmt: skip
    kob = _query(store, "SELECT id FROM album WHERE title = 'Kind of Blue'")[0][0]
    description = store.ai_texts.latest(AiTextKind.ALBUM_DESCRIPTION, "fr", album_id=kob)
    assert description is not None
    assert (description.text, description.model) == (KIND_OF_BLUE_TEXT, IMPORTED_TEXT_MODEL)
    assert description.created_at == 1_735_819_200  # metadata.updated_at
    summary = store.ai_texts.latest(AiTextKind.ALBUM_SUMMARY, "fr", album_id=kob)
    assert summary is not None
    assert summary.text == KIND_OF_BLUE_SUMMARY
    texts = _query(store, "SELECT text FROM ai_text ORDER BY id")
    assert [t[0] for t in texts] == [KIND_OF_BLUE_TEXT, KIND_OF_BLUE_SUMMARY, DISRAELI_TEXT]


def test_second_import_imports_nothing(store: Store, aime_db: Path) -> None:
    """Idempotent: the second run adds no row and says everything is already there."""
    import_aime_database(store, aime_db, now=NOW)
    before = store.counts()
    report = import_aime_database(store, aime_db, now=NOW + 60)
    assert set(report.imported.values()) == {0}
    assert report.skipped["plays"]["already_present"] == 9
    assert report.skipped["collection_items"]["already_present"] == 2
    assert report.skipped["links"]["already_present"] == 7
    assert report.skipped["images"]["already_present"] == 4
    assert report.skipped["texts"]["already_present"] == 3
    assert store.counts() == before
    assert _query(store, "SELECT count(*) FROM ai_text") == [(3,)]


def test_import_merges_with_plays_already_recorded(store: Store, aime_db: Path) -> None:
    """A play Last.fm already reported becomes one play with two reports."""
    store.ingest(
        [PlayInput("So What", "Miles Davis", 1_736_000_030, Source.LASTFM, album="Kind of Blue")]
    )
    report = import_aime_database(store, aime_db, now=NOW)
    assert (report.imported["plays"], report.merged["plays"]) == (8, 1)
    assert store.count_plays(0, NOW) == 9
    assert store.count_plays(0, NOW, Source.AIME_IMPORT) == 9
    # Later plays land on the imported albums: Nina Simone's "After Hours", and the record
    # the import created behind the ingestor's back (its caches were reset).
    result = store.ingest(
        [
            PlayInput("Just in Time", "Nina Simone", 1_736_900_000, Source.LASTFM, "After Hours"),
            PlayInput("Strange Brew", "Cream", 1_736_900_300, Source.LASTFM, "Disraeli Gears"),
        ]
    )
    assert result.added == 2
    assert store.counts().albums == 5


def test_source_file_is_only_read(store: Store, aime_db: Path) -> None:
    """The AIME file is opened read-only: a read-only file imports and stays byte-identical."""
    digest = hashlib.sha256(aime_db.read_bytes()).hexdigest()
    aime_db.chmod(0o444)
    try:
        assert import_aime_database(store, aime_db).imported["plays"] == 9
    finally:
        aime_db.chmod(0o644)
    assert hashlib.sha256(aime_db.read_bytes()).hexdigest() == digest
    assert not aime_db.with_name("musique.db-wal").exists()


def test_unusable_files(store: Store, tmp_path: Path) -> None:
    with pytest.raises(AimeImportError) as caught:
        import_aime_database(store, tmp_path / "missing.db")
    assert caught.value.failure is AimeImportFailure.NOT_FOUND
    text = tmp_path / "notes.db"
    text.write_text("not a database" * 100)
    with pytest.raises(AimeImportError) as caught:
        read_aime_database(text)
    assert caught.value.failure is AimeImportFailure.UNREADABLE
    # The AIME store itself is not an AIME (original app) database.
    with pytest.raises(AimeImportError, match="aime_database_not_aime: album_artist") as caught:
        read_aime_database(store.path)
    assert caught.value.failure is AimeImportFailure.NOT_AIME


def test_older_versions_without_optional_tables_and_columns(store: Store, tmp_path: Path) -> None:
    """A database without images, metadata, service_states or some columns still imports."""
    path = tmp_path / "old.db"
    with sqlite3.connect(path) as conn:
        for statement in DDL[:6]:
            conn.execute(statement.replace("spotify_id VARCHAR(100),", ""))
        conn.execute("INSERT INTO artists (id, name) VALUES (1, 'Air'), (2, '   '), (3, 'AIR (2)')")
        conn.execute(
            "INSERT INTO albums (id, title, source, created_at) VALUES "
            "(1, 'Moon Safari', 'lastfm', 'yesterday'), (2, '', 'lastfm', NULL)"
        )
        conn.execute("INSERT INTO album_artist (album_id, artist_id) VALUES (1, 1), (1, 3)")
        conn.execute(
            "INSERT INTO tracks (id, album_id, title, track_number) VALUES "
            "(1, 1, 'Kelly Watch the Stars', 'two'), (2, 1, '  ', NULL)"
        )
        conn.execute(
            "INSERT INTO listening_history (track_id, timestamp, date, source, loved) "
            "VALUES (1, 1736000000, '', 'lastfm', 0), (3, 5, '', 'lastfm', 0)"
        )
        # An album whose only play is broken: nothing of it is imported.
        conn.execute("INSERT INTO artists (id, name) VALUES (4, 'Broken')")
        conn.execute("INSERT INTO albums (id, title, spotify_url) VALUES (3, 'B', 'https://b')")
        conn.execute("INSERT INTO album_artist (album_id, artist_id) VALUES (3, 4)")
        conn.execute("INSERT INTO tracks (id, album_id, title) VALUES (3, 3, 'B1')")
    conn.close()
    report = import_aime_database(store, path, now=NOW)
    assert report.imported["plays"] == 1
    assert report.skipped["plays"] == {"invalid_time": 1}
    assert report.skipped["links"] == {"album_not_imported": 1}
    assert report.skipped["tracks"] == {"untitled": 1}
    assert "albums_split" not in report.repaired  # "Air" and "AIR (2)" are one artist.
    assert _query(store, "SELECT title, track_number FROM track") == [
        ("Kelly Watch the Stars", None)
    ]


def test_split_without_link_times_falls_back_to_the_first_artist(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "merged.db"
    with sqlite3.connect(path) as conn:
        for statement in DDL[:6]:
            conn.execute(statement)
        conn.execute("INSERT INTO artists (id, name) VALUES (1, 'Foo Fighters'), (2, 'Mott')")
        conn.execute("INSERT INTO albums (id, title) VALUES (1, 'Greatest Hits')")
        conn.execute(
            "INSERT INTO album_artist (album_id, artist_id, created_at) VALUES "
            "(1, 1, NULL), (1, 2, NULL)"
        )
        conn.execute(
            "INSERT INTO tracks (id, album_id, title, created_at) VALUES (1, 1, 'Everlong', NULL)"
        )
        conn.execute(
            "INSERT INTO listening_history (track_id, timestamp, date, source) "
            "VALUES (1, 1736000000, '', 'lastfm')"
        )
    conn.close()
    report = import_aime_database(store, path, now=NOW)
    assert report.repaired == {"albums_split": 1, "albums_reclassified": 1}
    assert _query(store, "SELECT name FROM artist") == [("Foo Fighters",)]


def test_epoch() -> None:
    assert epoch("2025-01-02 10:00:00") == 1_735_812_000
    assert epoch("2025-01-02T10:00:00.5+01:00") == 1_735_808_400
    assert epoch(1_735_812_000.7) == 1_735_812_000
    assert epoch("") is None
    assert epoch(None) is None
    assert epoch("soon") is None


def test_report_is_plain_data() -> None:
    report = AimeImportReport()
    report.skipped["plays"]["orphan"] += 1
    assert report.as_dict() == {
        "imported": {},
        "merged": {},
        "repaired": {},
        "skipped": {"plays": {"orphan": 1}},
    }
