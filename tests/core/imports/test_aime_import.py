"""Import of an original AIME database: what comes over, what is repaired, idempotence."""

from __future__ import annotations

import hashlib
from pathlib import Path
import sqlite3
from typing import Any

import pytest

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
from custom_components.aime.core.models import AiTextKind, PlayInput, Source
from custom_components.aime.core.store.store import Store

from ...fixtures.aime_original import (
    DDL,
    DISRAELI_TEXT,
    JUST_IN_TIME_SCROBBLE,
    KIND_OF_BLUE_SUMMARY,
    KIND_OF_BLUE_TEXT,
    build_aime_database,
)

NOW = 1_737_000_000


@pytest.fixture
def aime_db(tmp_path: Path) -> Path:
    folder = tmp_path / "aime_app"  # Beside the store's folder, as a user would keep it.
    folder.mkdir()
    return build_aime_database(folder / "musique.db")


def _query(store: Store, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    with sqlite3.connect(store.path) as conn:
        return conn.execute(sql, params).fetchall()


def test_first_import(store: Store, aime_db: Path) -> None:
    """Everything importable comes over; every defect is repaired or counted."""
    report = import_aime_database(store, aime_db, now=NOW)
    assert report.as_dict() == {
        "imported": {
            "plays": 10,
            "collection_items": 2,
            "links": 6,
            "images": 4,
            "texts": 3,
            "loved_tracks": 1,
        },
        # Teardrop: Roon's report and Last.fm's, 150 s apart, are one play.
        "merged": {"plays": 1, "albums": 1},
        # After Hours is merged, but no evidence puts its plays under two artists.
        "repaired": {"albums_reclassified": 1},
        "artists": {"resolved_plays": 1, "by_known_title": 1, "unresolved_plays": 3},
        "skipped": {
            "album_artists": {"orphan": 2},
            "tracks": {"orphan": 1},
            "plays": {
                "orphan": 2,
                "album_not_imported": 1,
                "duplicate_in_file": 2,  # So What twice; Teardrop under the Deluxe Edition.
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
                "placeholder": 3,  # Two shared sample texts and "... par Massive Attack".
                "album_not_imported": 1,
            },
        },
    }
    counts = store.counts()
    # Artists: Miles Davis, The Velvet Underground, Massive Attack, the stand-in for "The
    # Velvet Underground or Nina Simone", and Cream of a record never played.
    assert (counts.artists, counts.albums, counts.tracks, counts.plays) == (5, 6, 9, 10)
    assert counts.collection_items == 2


def test_plays_keep_their_source(store: Store, aime_db: Path) -> None:
    """Last.fm and Roon plays stay theirs; the import is recorded beside them."""
    import_aime_database(store, aime_db, now=NOW)
    assert store.count_plays(0, NOW, Source.LASTFM) == 8  # 7 plays and Teardrop's report
    assert store.count_plays(0, NOW, Source.ROON) == 3
    assert store.count_plays(0, NOW, Source.AIME_IMPORT) == 0
    assert _query(store, "SELECT origin, exact_time, count(*) FROM play_import GROUP BY 1, 2") == [
        ("aime", 0, 4),  # Roon's three and the one AIME's Last.fm tracker noticed
        ("aime", 1, 6),
    ]


def test_albums_merged_by_title_are_split_on_evidence(store: Store, aime_db: Path) -> None:
    """A track goes to an artist only on evidence; editions of Mezzanine are one album."""
    artist, title, album, started = JUST_IN_TIME_SCROBBLE
    misunderstood = "Don't Let Me Be Misunderstood"
    store.ingest(
        [
            PlayInput(title, artist, started, Source.LASTFM, album),
            # Both artists recorded this song: only the scrobble at the time tells whose it was.
            PlayInput(misunderstood, "Nina Simone", 1_736_200_240, Source.LASTFM, album),
            PlayInput(misunderstood, "The Velvet Underground", 1_700_000_000, Source.LASTFM),
        ]
    )
    report = import_aime_database(store, aime_db, now=NOW)
    assert report.repaired["albums_split"] == 1
    assert report.artists == {
        "by_lastfm_scrobble": 2,  # Nina Simone's scrobbles at the time of two plays
        "by_known_title": 1,  # "Candy Says" is on The Velvet Underground's own album.
        "resolved_plays": 3,
        "unresolved_plays": 1,
    }
    rows = _query(
        store,
        "SELECT ar.name, al.title, t.title FROM track t JOIN album al ON al.id = t.album_id "
        "JOIN artist ar ON ar.id = al.artist_id ORDER BY ar.name, al.title, t.title",
    )
    assert rows == [
        ("Massive Attack", "Mezzanine", "Angel"),
        ("Massive Attack", "Mezzanine", "Teardrop"),
        ("Miles Davis", "Kind of Blue", "Freddie Freeloader"),
        ("Miles Davis", "Kind of Blue", "So What"),
        ("Nina Simone", "After Hours", misunderstood),
        ("Nina Simone", "After Hours", "Just in Time"),
        ("The Velvet Underground", "", misunderstood),
        ("The Velvet Underground", "After Hours", "Candy Says"),
        ("The Velvet Underground", "The Velvet Underground", "Candy Says"),
        ("The Velvet Underground | Nina Simone (?)", "After Hours", "After Hours"),
    ]
    assert report.skipped["plays"]["already_present"] == 2  # The scrobbles were the plays.
    # Plays keep their own timestamps, source, loved flag; durations come along (0 = unknown).
    plays = _query(
        store,
        "SELECT t.title, p.played_at, p.source_id, p.loved, t.duration, t.loved FROM play p "
        "JOIN track t ON t.id = p.track_id WHERE t.title IN ('So What', 'Teardrop') "
        "ORDER BY p.played_at",
    )
    assert plays == [
        ("So What", 1_736_000_000, 1, 1, 562, 1),
        ("Teardrop", 1_736_300_000, 2, 0, 331, 0),
        ("Teardrop", 1_736_400_000, 2, 0, 331, 0),
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
    assert report.merged["plays"] == 0
    assert report.skipped["plays"]["already_present"] == 11  # 10 plays and Teardrop's report
    assert report.skipped["collection_items"]["already_present"] == 2
    assert report.skipped["links"]["already_present"] == 7
    assert report.skipped["images"]["already_present"] == 4
    assert report.skipped["texts"]["already_present"] == 3
    assert store.counts() == before
    assert _query(store, "SELECT count(*) FROM ai_text") == [(3,)]


def test_import_merges_with_plays_already_recorded(store: Store, aime_db: Path) -> None:
    """A play Roon already reported becomes one play with two reports; one Last.fm already
    reported at the same second is already present."""
    store.ingest(
        [
            PlayInput("So What", "Miles Davis", 1_736_000_030, Source.ROON, album="Kind of Blue"),
            PlayInput("Angel", "Massive Attack", 1_736_300_400, Source.LASTFM, album="Mezzanine"),
        ]
    )
    report = import_aime_database(store, aime_db, now=NOW)
    assert (report.imported["plays"], report.merged["plays"]) == (8, 2)
    assert report.skipped["plays"]["already_present"] == 1
    assert store.count_plays(0, NOW) == 10
    # Later plays land on the imported albums: Nina Simone's "After Hours", and the record
    # the import created behind the ingestor's back (its caches were reset).
    result = store.ingest(
        [
            PlayInput("Just in Time", "Nina Simone", 1_736_900_000, Source.LASTFM, "After Hours"),
            PlayInput("Strange Brew", "Cream", 1_736_900_300, Source.LASTFM, "Disraeli Gears"),
        ]
    )
    assert result.added == 2
    assert store.counts().albums == 7


def _listing(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()}


def test_source_file_and_folder_are_left_as_they_were(store: Store, aime_db: Path) -> None:
    """A read-only file imports; its folder keeps the same files with the same bytes."""
    before = _listing(aime_db.parent)
    aime_db.chmod(0o444)
    try:
        assert import_aime_database(store, aime_db).imported["plays"] == 10
    finally:
        aime_db.chmod(0o644)
    assert _listing(aime_db.parent) == before


def test_an_unmerged_write_ahead_log_is_read(store: Store, tmp_path: Path) -> None:
    """The app ran in WAL mode: plays still in its -wal file come over; nothing is created."""
    folder = tmp_path / "aime_app"
    folder.mkdir()
    path = build_aime_database(folder / "musique.db")
    writer = sqlite3.connect(path)
    writer.execute("PRAGMA journal_mode = WAL")
    writer.execute("PRAGMA wal_autocheckpoint = 0")
    writer.execute(
        "INSERT INTO listening_history (track_id, timestamp, date, source, loved, created_at) "
        "VALUES (2, 1736900000, '', 'lastfm', 0, '2025-02-01 00:00:00')"
    )
    writer.commit()
    try:
        before = _listing(folder)
        assert (folder / "musique.db-wal").exists()
        report = import_aime_database(store, path, now=NOW)
        assert _listing(folder) == before
    finally:
        writer.close()
    assert report.imported["plays"] == 11


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
    assert not report.artists
    assert _query(store, "SELECT title, track_number FROM track") == [
        ("Kelly Watch the Stars", None)
    ]


def test_a_merged_album_without_evidence_is_not_guessed(store: Store, tmp_path: Path) -> None:
    """ "Greatest Hits" by Foo Fighters and Mott: its play stays unresolved, not Foo Fighters'."""
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
    assert report.repaired == {"albums_reclassified": 1}
    assert report.artists == {"unresolved_plays": 1}
    assert _query(store, "SELECT name FROM artist") == [("Foo Fighters | Mott (?)",)]
    assert _query(store, "SELECT key, name FROM artist_candidate ORDER BY position") == [
        ("foo fighters", "Foo Fighters"),
        ("mott", "Mott"),
    ]


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
        "artists": {},
        "skipped": {"plays": {"orphan": 1}},
    }
