"""Opening, closing and refusing database files; WAL readers beside the writer."""

from __future__ import annotations

from pathlib import Path
import sqlite3
import threading

import pytest

from custom_components.aime.core.errors import StoreError, StoreOpenError, StoreOpenFailure
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.store.migrations import CURRENT_VERSION
from custom_components.aime.core.store.store import Store

T0 = 1_700_000_000


def sample(count: int, source: Source = Source.LASTFM, start: int = T0) -> list[PlayInput]:
    """``count`` distinct plays ten minutes apart."""
    return [
        PlayInput(f"Track {i}", f"Artist {i % 7}", start + 600 * i, source, album=f"Album {i % 3}")
        for i in range(count)
    ]


def test_new_store_uses_wal_and_foreign_keys(store: Store, db_path: Path) -> None:
    """A fresh file is created in WAL mode with foreign keys enforced."""
    assert db_path.exists()
    assert store.schema_version == CURRENT_VERSION
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    with store._engine.connect() as conn:  # the store's own connections
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


def test_counts_newest_and_size(store: Store) -> None:
    """Counts, newest play per source and bytes on disk follow what was ingested."""
    assert store.newest_played_at() is None
    store.ingest(sample(5) + sample(2, Source.ROON, start=T0 + 100_000))
    counts = store.counts()
    assert (counts.plays, counts.tracks, counts.albums) == (7, 5, 5)  # album = (artist, title)
    assert store.newest_played_at() == T0 + 100_600
    assert store.newest_played_at(Source.LASTFM) == T0 + 2400
    assert store.newest_played_at(Source.MANUAL) is None
    assert store.database_size() > 0


def test_close_is_idempotent_and_final(db_path: Path) -> None:
    """Closing twice is harmless; a closed store refuses work; the WAL is checkpointed."""
    store = Store.open(db_path)
    store.ingest(sample(3))
    store.close()
    store.close()
    with pytest.raises(StoreError):
        store.counts()
    wal = db_path.with_name("aime.db-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_empty_file_is_initialised(db_path: Path) -> None:
    """A zero-byte file (e.g. created by a backup tool) becomes a fresh store."""
    db_path.parent.mkdir(parents=True)
    db_path.touch()
    store = Store.open(db_path)
    store.close()
    assert db_path.read_bytes().startswith(b"SQLite format 3")


def _refused(db_path: Path, failure: StoreOpenFailure) -> StoreOpenError:
    before = db_path.read_bytes() if db_path.is_file() else None
    with pytest.raises(StoreOpenError) as caught:
        Store.open(db_path)
    assert caught.value.failure is failure
    assert caught.value.path == db_path
    if before is not None:
        assert db_path.read_bytes() == before, "a refused file must never be modified"
    return caught.value


def test_garbage_file_is_refused_untouched(db_path: Path) -> None:
    """Random bytes are reported as corrupt; nothing is written."""
    db_path.parent.mkdir(parents=True)
    db_path.write_bytes(b"\x00garbage, not a database\xff" * 100)
    _refused(db_path, StoreOpenFailure.CORRUPT)
    assert sorted(p.name for p in db_path.parent.iterdir()) == ["aime.db"]


def test_damaged_pages_are_refused_untouched(db_path: Path) -> None:
    """A valid header over damaged pages fails the integrity check."""
    store = Store.open(db_path)
    store.ingest(sample(400))
    store.close()
    data = bytearray(db_path.read_bytes())
    page = 4096
    for offset in range(2 * page, len(data) - page, page):
        data[offset + 8 : offset + 400] = b"\xa5" * 392
    db_path.write_bytes(bytes(data))
    _refused(db_path, StoreOpenFailure.CORRUPT)


def test_foreign_database_is_refused(db_path: Path) -> None:
    """Another application's SQLite file is left alone."""
    db_path.parent.mkdir(parents=True)
    with sqlite3.connect(db_path) as conn:
        conn.execute("CREATE TABLE contacts (name TEXT)")
    error = _refused(db_path, StoreOpenFailure.NOT_AIME)
    assert "contacts" in error.detail


def test_newer_schema_is_refused(db_path: Path) -> None:
    """A file written by a newer AIME is not downgraded."""
    Store.open(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE schema_version SET version = 99")
    _refused(db_path, StoreOpenFailure.TOO_NEW)


def test_missing_version_row_is_corrupt(db_path: Path) -> None:
    """An AIME file whose version row vanished cannot be trusted."""
    Store.open(db_path).close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("DELETE FROM schema_version")
    _refused(db_path, StoreOpenFailure.CORRUPT)


def test_unreadable_path_is_refused(db_path: Path) -> None:
    """A folder where the file should be cannot be opened (and is not replaced)."""
    db_path.mkdir(parents=True)
    _refused(db_path, StoreOpenFailure.UNREADABLE)
    assert db_path.is_dir()


def test_read_only_file_is_refused(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A file that cannot be opened for writing is reported as unreadable."""
    Store.open(db_path).close()
    real_open = Path.open

    def deny_write(self: Path, mode: str = "r", *args: object, **kwargs: object) -> object:
        if self == db_path and "+" in mode:
            raise PermissionError(13, "Permission denied")
        return real_open(self, mode, *args, **kwargs)  # type: ignore[call-overload]

    monkeypatch.setattr(Path, "open", deny_write)  # the file system edge: root ignores chmod
    _refused(db_path, StoreOpenFailure.UNREADABLE)


def test_sqlite_cannot_open_the_file(db_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite's own "unable to open" is reported as unreadable."""
    Store.open(db_path).close()

    def refuse(*args: object, **kwargs: object) -> sqlite3.Connection:
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(sqlite3.dbapi2, "connect", refuse)  # the driver edge, as SQLAlchemy uses it
    _refused(db_path, StoreOpenFailure.UNREADABLE)


def test_readers_do_not_block_the_writer(store: Store) -> None:
    """A long read transaction in another thread does not stop ingest (WAL)."""
    store.ingest(sample(10))
    reading, release = threading.Event(), threading.Event()
    seen: list[int] = []

    def long_reader() -> None:
        with sqlite3.connect(store.path) as conn:
            conn.execute("BEGIN")
            seen.append(conn.execute("SELECT count(*) FROM play").fetchone()[0])
            reading.set()
            release.wait(10)
            seen.append(conn.execute("SELECT count(*) FROM play").fetchone()[0])
            conn.execute("COMMIT")

    reader = threading.Thread(target=long_reader)
    reader.start()
    assert reading.wait(10)
    try:
        assert store.ingest(sample(10, start=T0 + 10_000_000)).added == 10
        assert store.counts().plays == 20
    finally:
        release.set()
        reader.join(10)
    assert seen == [10, 10]  # the reader kept its snapshot while the writer committed


def test_count_plays_by_range_and_source(store: Store) -> None:
    """Counts include the reports a source made that were merged into another's play."""
    store.ingest(sample(4))
    store.ingest([PlayInput("Track 1", "Artist 1", T0 + 600 + 20, Source.ROON, album="Album 1")])
    store.ingest(sample(1, Source.ROON, start=T0 + 50_000))
    assert store.count_plays(T0, T0 + 1800) == 4
    assert store.count_plays(T0, T0 + 1800, Source.LASTFM) == 4
    assert store.count_plays(T0, T0 + 1800, Source.ROON) == 1  # merged into a Last.fm play
    assert store.count_plays(T0, T0 + 100_000, Source.ROON) == 2
    assert store.count_plays(T0 + 1, T0 + 599) == 0


def test_set_loved_is_a_full_sync(store: Store) -> None:
    """Loved songs match whatever album they were played from; others are unloved."""
    store.ingest(
        [
            PlayInput("So What", "Miles Davis", T0, Source.LASTFM, album="Kind of Blue"),
            PlayInput("So What", "Miles Davis", T0 + 900, Source.ROON, album="Jazz Best Of"),
            PlayInput("Blue in Green", "Miles Davis", T0 + 1800, Source.LASTFM),
        ]
    )
    first = store.set_loved([("Miles Davis", "so what"), ("Nobody", "Unknown"), ("", "x")])
    assert (first.songs, first.loved_tracks, first.changed) == (2, 2, 2)
    second = store.set_loved([("MILES DAVIS feat. Bill Evans", "Blue in Green (Remastered)")])
    assert (second.loved_tracks, second.changed) == (1, 3)
    assert store.set_loved([]).loved_tracks == 0


def test_dedup_window_can_change_while_open(store: Store) -> None:
    """The window applies to the next ingest without reopening."""
    store.dedup_window = 60
    result = store.ingest(
        [
            PlayInput("A", "B", T0, Source.ROON),
            PlayInput("A", "B", T0 + 90, Source.LASTFM),
        ]
    )
    assert (store.dedup_window, result.added) == (60, 2)
