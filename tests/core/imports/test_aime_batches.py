"""An AIME import flows batch by batch: the same store and report whatever the batch size,
progress after each batch, and a cancelled import that a second one completes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
import sqlite3
from typing import Any

import pytest

from custom_components.aime.core.imports.aime_identities import merged_tracks
from custom_components.aime.core.imports.aime_import import import_aime_database
from custom_components.aime.core.imports.aime_plan import (
    AimeImportReport,
    PlayPlanner,
    StoreEvidence,
    plan_plays,
)
from custom_components.aime.core.imports.aime_source import open_aime_database
from custom_components.aime.core.imports.aime_store import store_evidence
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.normalize import artist_key, track_key
from custom_components.aime.core.store.name_search import NAME_SEARCH_TABLES, NAMED_TABLES
from custom_components.aime.core.store.store import Store

from ...fixtures.aime_original import DDL, IMPORTED_AT, build_aime_database
from .test_aime_plan import EVERY, START, STORE_WINDOW, _database, _identities, _play

NOW = 1_737_000_000
T = 1_736_000_000
# Plays of Blue Train, and where they fall apart in batches of two, three or five rows (rows
# by time, then track):
# - the Roon report at T+2 000 and Last.fm's 400 s later: AIME's trackers saw one listen (3);
# - the Last.fm tracker noticed T+3 000 and T+4 150, 150 s after the scrobbles the store
#   holds at T+2 850 and T+4 000; the latter is also in the file (the history import's row)
#   (2);
# - Roon noticed T+6 000, Last.fm's tracker T+6 100, 150 s after the scrobble the store holds
#   at T+5 950: one listen, the scrobble (2, 5).
BLUE_TRAIN_PLAYS = [
    # (track, timestamp, source, written by a tracker at the timestamp)
    (1, T, "lastfm", False),
    (2, T + 1_000, "lastfm", False),
    (1, T + 2_000, "roon", True),
    (1, T + 2_400, "lastfm", False),
    (2, T + 3_000, "lastfm", True),
    (3, T + 4_000, "lastfm", False),
    (3, T + 4_150, "lastfm", True),
    (2, T + 5_000, "roon", True),
    (2, T + 5_150, "lastfm", False),  # The store merges this one (within its window).
    (4, T + 6_000, "roon", True),
    (4, T + 6_100, "lastfm", True),
    (1, T + 9_000, "lastfm", False),
    (94, T + 9_500, "lastfm", False),  # Orphan.
]
STORED_SCROBBLES = [
    ("Locomotion", T + 2_850),
    ("Lazy Bird", T + 4_000),
    ("I'm Old Fashioned", T + 5_950),
]


def _blue_train(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        for statement in DDL:
            conn.execute(statement)
        conn.execute("INSERT INTO artists (id, name) VALUES (1, 'John Coltrane')")
        conn.execute("INSERT INTO albums (id, title, source) VALUES (1, 'Blue Train', 'lastfm')")
        conn.execute("INSERT INTO album_artist (album_id, artist_id) VALUES (1, 1)")
        conn.executemany(
            "INSERT INTO tracks (id, album_id, title) VALUES (?, 1, ?)",
            [(1, "Moment's Notice"), (2, "Locomotion"), (3, "Lazy Bird"), (4, "I'm Old Fashioned")],
        )
        conn.executemany(
            "INSERT INTO listening_history (track_id, timestamp, date, source, created_at) "
            "VALUES (?, ?, '', ?, coalesce(datetime(?, 'unixepoch'), ?))",
            [
                (track, at, source, at if noticed else None, IMPORTED_AT)
                for track, at, source, noticed in BLUE_TRAIN_PLAYS
            ],
        )
    conn.close()
    return path


def _scrobbles(store: Store) -> None:
    store.ingest(
        [
            PlayInput(title, "John Coltrane", at, Source.LASTFM, "Blue Train")
            for title, at in STORED_SCROBBLES
        ]
    )


def _open(folder: Path) -> Store:
    return Store.open(folder / "aime.db")


def _contents(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, in order; the name indexes checked equal to their tables
    instead (their segments depend on the statements that wrote them)."""
    with sqlite3.connect(store.path) as conn:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            )
            if row[0] not in NAME_SEARCH_TABLES
        ]
        for table in NAMED_TABLES:  # Rank 1: raises when the index differs from the names.
            conn.execute(f"INSERT INTO {table}_key_search ({table}_key_search, rank) "
                         "VALUES ('integrity-check', 1)")  # fmt: skip
        return {
            table: sorted(conn.execute(f"SELECT * FROM {table}").fetchall(), key=repr)
            for table in tables
        }


@pytest.fixture
def stores(tmp_path: Path) -> Iterator[tuple[Store, Store]]:
    """Two fresh stores: one imports in one batch, the other in small ones."""
    opened = []
    for name in ("whole", "batched"):
        (tmp_path / name).mkdir()
        opened.append(_open(tmp_path / name))
    yield opened[0], opened[1]
    for store in opened:
        store.close()


@pytest.mark.parametrize("batch_size", [1, 2, 3, 5])
def test_batches_change_nothing_on_the_fixture(
    stores: tuple[Store, Store], tmp_path: Path, batch_size: int
) -> None:
    """The fixture database (merged albums, duplicates, orphans, a noticed time) imports to
    the same report and the same rows, whatever the batch size."""
    whole, batched = stores
    path = build_aime_database(tmp_path / "musique.db")
    expected = import_aime_database(whole, path, now=NOW).as_dict()
    assert import_aime_database(batched, path, now=NOW, batch_size=batch_size).as_dict() == (
        expected
    )
    assert _contents(batched) == _contents(whole)


@pytest.mark.parametrize("batch_size", [2, 3, 5])
def test_duplicates_and_scrobble_starts_across_batches(
    stores: tuple[Store, Store], tmp_path: Path, batch_size: int
) -> None:
    """Both trackers' reports of one listen 400 s apart, in two batches, are one play; a noticed
    time takes its scrobble's start, stored in an earlier batch; the store merges reports
    across batches as it does within one."""
    whole, batched = stores
    path = _blue_train(tmp_path / "musique.db")
    for store in stores:
        _scrobbles(store)
    expected = import_aime_database(whole, path, now=NOW)
    assert expected.skipped["plays"] == {
        "orphan": 1,
        "duplicate_in_file": 2,  # Last.fm's report at T+2 400; the noticed T+4 150.
        "already_present": 3,  # The noticed T+3 000 and T+6 100, and the row at T+4 000.
    }
    assert expected.repaired["play_times_from_lastfm"] == 3
    assert expected.merged["plays"] == 2  # T+5 150 into T+5 000, T+6 000 into T+5 950.
    report = import_aime_database(batched, path, now=NOW, batch_size=batch_size)
    assert report.as_dict() == expected.as_dict()
    assert _contents(batched) == _contents(whole)


def test_progress_after_each_batch(store: Store, tmp_path: Path) -> None:
    """Progress counts the rows of the play table, orphans included, up to all of them."""
    seen: list[tuple[int, int]] = []
    path = _blue_train(tmp_path / "musique.db")
    import_aime_database(store, path, now=NOW, batch_size=3, progress=lambda *a: seen.append(a))
    total = len(BLUE_TRAIN_PLAYS)
    assert seen == [(3, total), (6, total), (9, total), (12, total), (13, total)]


def test_a_cancelled_import_is_completed_by_the_next(
    stores: tuple[Store, Store], tmp_path: Path
) -> None:
    """Cancelled after its first batch: the plays of that batch are stored and marked as
    imported, records and texts wait; importing again adds the rest, no play twice, and
    leaves the store as one uninterrupted import does."""
    whole, cancelled = stores
    path = build_aime_database(tmp_path / "musique.db")
    import_aime_database(whole, path, now=NOW)
    done: list[int] = []
    report = import_aime_database(
        cancelled,
        path,
        now=NOW,
        batch_size=4,
        progress=lambda rows, _: done.append(rows),
        cancelled=lambda: bool(done),
    )
    assert report.cancelled
    assert report.as_dict()["cancelled"] is True
    assert done == [4]
    first = report.imported["plays"]
    assert 0 < first < whole.counts().plays
    assert "collection_items" not in report.imported
    rows = _contents(cancelled)
    assert len(rows["play_import"]) == len(rows["play"]) == first
    assert not rows["collection_item"]

    again = import_aime_database(cancelled, path, now=NOW)
    assert not again.cancelled
    assert again.skipped["plays"]["already_present"] == first
    assert again.imported["plays"] == whole.counts().plays - first
    assert _contents(cancelled) == _contents(whole)


def _same_second(path: Path) -> Path:
    """ "Candy Says" on After Hours (merged across The Velvet Underground and Nina Simone; the
    title is known as the former's) and on a Discogs record of Nina Simone's, played at the
    same second: two plays, the second one in the next batch."""
    with sqlite3.connect(path) as conn:
        for statement in DDL:
            conn.execute(statement)
        conn.executemany(
            "INSERT INTO artists (id, name) VALUES (?, ?)",
            [(1, "The Velvet Underground"), (2, "Nina Simone"), (3, "Hal Schaefer")],
        )
        conn.executemany(
            "INSERT INTO albums (id, title, source, discogs_id) VALUES (?, ?, ?, ?)",
            [
                (1, "After Hours", "manual", None),
                (2, "The Velvet Underground", "lastfm", None),
                (3, "Little Girl Blue", "discogs", "555"),
            ],
        )
        conn.executemany(
            "INSERT INTO album_artist (album_id, artist_id) VALUES (?, ?)",
            [(1, 1), (1, 2), (2, 1), (3, 2), (3, 3)],
        )
        conn.executemany(
            "INSERT INTO tracks (id, album_id, title) VALUES (?, ?, 'Candy Says')",
            [(1, 1), (2, 2), (3, 3)],
        )
        conn.executemany(
            "INSERT INTO listening_history (track_id, timestamp, date, source, created_at) "
            "VALUES (?, ?, '', 'lastfm', ?)",
            [(2, T - 5_000, IMPORTED_AT), (1, T, IMPORTED_AT), (3, T, IMPORTED_AT)],
        )
    conn.close()
    return path


@pytest.mark.parametrize("batch_size", [1, 2])
def test_a_batch_completes_no_play_of_its_own_import(
    stores: tuple[Store, Store], tmp_path: Path, batch_size: int
) -> None:
    """A play stored by an earlier batch is marked as imported (so that later reports may
    complete it) only once no later batch of the import can reach it: Nina Simone's play
    does not take The Velvet Underground's, at the same second, as a later report would."""
    whole, batched = stores
    path = _same_second(tmp_path / "musique.db")
    expected = import_aime_database(whole, path, now=NOW)
    assert expected.imported["plays"] == 3
    assert import_aime_database(batched, path, now=NOW, batch_size=batch_size).as_dict() == (
        expected.as_dict()
    )
    assert _contents(batched) == _contents(whole)


def test_the_planner_forgets_only_what_no_later_play_can_reach() -> None:
    """Planned in batches of seven, thousands of listens seen by both trackers (Last.fm's
    noticed, taking the scrobble starts the store holds) give the plays of one batch."""
    starts = [START + i * EVERY // 5 for i in range(2_000)]  # Every 24 minutes.
    evidence = StoreEvidence()
    evidence.scrobbles[track_key("Moment's Notice")] = [
        (at, artist_key("John Coltrane")) for at in starts[::2]
    ]
    plays = [_play(at, "roon") for at in starts]
    plays += [_play(at + 150, "lastfm", noticed=True) for at in starts]
    plays += [_play(at + 500, "lastfm") for at in starts[1::2]]
    plays.sort(key=lambda p: (p.timestamp, p.track_id))
    db = _database(plays)
    whole = AimeImportReport()
    expected = plan_plays(db, _identities(), evidence, STORE_WINDOW, whole)
    batched = AimeImportReport()
    planner = PlayPlanner(db, _identities(), evidence, STORE_WINDOW, batched)
    planned = [
        item for start in range(0, len(plays), 7) for item in planner.plan(plays[start : start + 7])
    ]
    assert planned == expected
    assert batched == whole
    assert whole.repaired["play_times_from_lastfm"] == 1_000
    assert whole.skipped["plays"]["duplicate_in_file"] == 1_000


def test_evidence_holds_only_scrobbles_plays_of_the_file_may_be(
    store: Store, tmp_path: Path
) -> None:
    """The store's Last.fm history of the same years is not read whole: only the scrobbles of
    titles the app's Last.fm tracker noticed, around those times."""
    _scrobbles(store)
    store.ingest(
        [
            PlayInput("Blue Train", "John Coltrane", T + 3_000, Source.LASTFM, "Blue Train"),
            PlayInput("Locomotion", "John Coltrane", T - 10_000, Source.LASTFM, "Blue Train"),
        ]
    )
    with open_aime_database(_blue_train(tmp_path / "musique.db")) as source:
        seen = source.overview(merged_tracks(source.db))
        evidence = store_evidence(store, source.db, seen)
    coltrane = artist_key("John Coltrane")
    # Noticed: Locomotion at T+3 000, Lazy Bird at T+4 150, I'm Old Fashioned at T+6 100.
    assert evidence.scrobbles == {
        track_key("Locomotion"): [(T + 2_850, coltrane)],
        track_key("Lazy Bird"): [(T + 4_000, coltrane)],
        track_key("I'm Old Fashioned"): [(T + 5_950, coltrane)],
    }


def test_a_file_without_plays_reports_none(store: Store, tmp_path: Path) -> None:
    """No row of plays: no batch, no progress, and the report still counts zero plays."""
    path = tmp_path / "musique.db"
    with sqlite3.connect(path) as conn:
        for statement in DDL:
            conn.execute(statement)
    conn.close()
    seen: list[tuple[int, int]] = []
    report = import_aime_database(store, path, now=NOW, progress=lambda *a: seen.append(a))
    assert (report.imported["plays"], report.merged["plays"], seen) == (0, 0, [])
    assert "plays" in report.as_dict()["imported"]
