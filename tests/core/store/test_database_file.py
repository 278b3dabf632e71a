"""Opening database files: WAL and foreign keys, and refusing files the store must not touch."""

from __future__ import annotations

from pathlib import Path
import sqlite3

import pytest

from custom_components.aime.core.errors import StoreOpenError, StoreOpenFailure
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.store.migrations import CURRENT_VERSION
from custom_components.aime.core.store.store import Store

T0 = 1_700_000_000


def test_new_store_uses_wal_and_foreign_keys(store: Store, db_path: Path) -> None:
    """A fresh file is created in WAL mode with foreign keys enforced."""
    assert db_path.exists()
    assert store.schema_version == CURRENT_VERSION
    with sqlite3.connect(db_path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)
    with store._engine.connect() as conn:  # the store's own connections
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1


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
    store.ingest(
        PlayInput(f"Track {i}", f"Artist {i % 7}", T0 + 600 * i, Source.LASTFM) for i in range(400)
    )
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
