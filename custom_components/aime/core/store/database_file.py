"""The SQLite file under the store: refusing files it must not touch, the engine, migrating.

A file that is not an AIME database (another application's, a newer AIME's, a damaged one)
raises ``StoreOpenError`` and is left exactly as it was; an older one is backed up next to
itself, then migrated.
"""

from __future__ import annotations

import logging
from pathlib import Path
import shutil
import sqlite3
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.exc import DBAPIError

from ..errors import StoreOpenError, StoreOpenFailure
from .migrations import CURRENT_VERSION, migrate

_LOGGER = logging.getLogger(__name__)

_SQLITE_MAGIC = b"SQLite format 3\x00"
_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA busy_timeout = 30000",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA cache_size = -32000",
)
# WAL frames after which a commit checkpoints: SQLite's 1,000, more in a bulk import (each of
# its 200-play pages rewrites ~300 pages: every third one was copied to the file and synced).
_AUTOCHECKPOINT_FRAMES = 1000
_BULK_AUTOCHECKPOINT_FRAMES = 4000


def set_autocheckpoint(conn: Connection, *, bulk: bool) -> None:
    """Checkpoint this connection's commits at a bulk import's pace, or at SQLite's."""
    frames = _BULK_AUTOCHECKPOINT_FRAMES if bulk else _AUTOCHECKPOINT_FRAMES
    conn.exec_driver_sql(f"PRAGMA wal_autocheckpoint = {frames}")


def check_database_file(path: Path) -> None:
    """Refuse files SQLite must not touch, without writing anything."""
    if not path.exists():
        return
    try:
        with path.open("rb") as handle:
            header = handle.read(len(_SQLITE_MAGIC))
    except OSError as err:
        raise StoreOpenError(path, StoreOpenFailure.UNREADABLE, str(err)) from err
    if header and header != _SQLITE_MAGIC:
        raise StoreOpenError(path, StoreOpenFailure.CORRUPT, "not an SQLite database")
    if not _writable(path):
        raise StoreOpenError(path, StoreOpenFailure.UNREADABLE, "not writable")


def _writable(path: Path) -> bool:
    try:
        with path.open("r+b"):
            return True
    except OSError:
        return False


def create_database_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}")

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
        # Let SQLAlchemy's begin() emit BEGIN itself so DDL is transactional too.
        dbapi_connection.isolation_level = None
        for pragma in _PRAGMAS:
            dbapi_connection.execute(pragma)

    @event.listens_for(engine, "begin")
    def _on_begin(conn: Connection) -> None:
        # aime_begin=None: statements run outside a transaction (PRAGMAs, VACUUM INTO).
        begin = conn.get_execution_options().get("aime_begin", "BEGIN")
        if begin:
            conn.exec_driver_sql(begin)

    return engine


def prepare_database(engine: Engine, path: Path) -> None:
    """Check integrity and version, switch to WAL, and migrate."""
    try:
        with engine.connect() as conn:
            conn.execution_options(aime_begin=None)
            if conn.exec_driver_sql("PRAGMA quick_check(1)").scalar() != "ok":
                raise StoreOpenError(path, StoreOpenFailure.CORRUPT, "integrity check failed")
            version = _schema_version(conn, path)
            if version > CURRENT_VERSION:
                raise StoreOpenError(
                    path, StoreOpenFailure.TOO_NEW, f"schema {version} > {CURRENT_VERSION}"
                )
            conn.exec_driver_sql("PRAGMA journal_mode = WAL")
            if version > 0 and version < CURRENT_VERSION:
                _backup_before_migration(conn, path, version)
            conn.commit()  # ends SQLAlchemy's autobegun (statement-less) transaction
            if version < CURRENT_VERSION:
                conn.execution_options(aime_begin="BEGIN IMMEDIATE")
                with conn.begin():
                    migrate(conn, version)
                _LOGGER.info("AIME database at schema %s (was %s)", CURRENT_VERSION, version)
    except sqlite3.DatabaseError as err:  # pragma: no cover - raw driver errors are wrapped
        raise StoreOpenError(path, StoreOpenFailure.CORRUPT, str(err)) from err
    except DBAPIError as err:
        failure = (
            StoreOpenFailure.UNREADABLE
            if isinstance(err.orig, sqlite3.OperationalError) and "unable to open" in str(err.orig)
            else StoreOpenFailure.CORRUPT
        )
        raise StoreOpenError(path, failure, str(err.orig)) from err


def _schema_version(conn: Connection, path: Path) -> int:
    tables = set(
        conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'table'").scalars()
    )
    if "schema_version" in tables:
        version = conn.exec_driver_sql("SELECT max(version) FROM schema_version").scalar()
        if isinstance(version, int):
            return version
        raise StoreOpenError(path, StoreOpenFailure.CORRUPT, "schema version missing")
    if tables:
        raise StoreOpenError(path, StoreOpenFailure.NOT_AIME, ", ".join(sorted(tables)[:5]))
    return 0


def _backup_before_migration(conn: Connection, path: Path, version: int) -> None:
    """Keep a consistent copy of the file as it was, in case the user needs to go back."""
    backup = path.with_name(f"{path.name}.v{version}.bak")
    if backup.exists():
        backup.unlink()
    conn.exec_driver_sql("VACUUM INTO ?", (str(backup),))
    if not backup.exists():  # pragma: no cover - VACUUM INTO raises instead
        shutil.copy2(path, backup)
