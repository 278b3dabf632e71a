"""The listening store: SQLite through SQLAlchemy 2, WAL, foreign keys on.

Every method blocks; the Home Assistant glue calls them from the executor. Writes are
serialised by one lock (SQLite has a single writer anyway); WAL lets readers run while a
write is in progress, so readers never block the writer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
import logging
from pathlib import Path
import shutil
import sqlite3
import threading
import time
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, select
from sqlalchemy.exc import DBAPIError

from ..enrichment.ai_text_store import AiTextStore
from ..enrichment.collection import Collection
from ..enrichment.links import Enrichment
from ..errors import StoreError, StoreOpenError, StoreOpenFailure
from ..localtime import LocalTime
from ..models import SOURCE_CODES, IngestResult, LovedSync, PlayInput, Source, StoreCounts
from ..normalize import artist_key, primary_artist, track_key
from ..playlists.generator import Playlists
from ..stats.hourly import HourlyStats
from ..stats.queries import Stats
from ..stats.rollups import Rollups
from . import listened, schema
from .ingest import Ingestor
from .migrations import CURRENT_VERSION, migrate

_LOGGER = logging.getLogger(__name__)

DEFAULT_DEDUP_WINDOW = 300
DEFAULT_BATCH_SIZE = 5000
_SQLITE_MAGIC = b"SQLite format 3\x00"
_PRAGMAS = (
    "PRAGMA foreign_keys = ON",
    "PRAGMA synchronous = NORMAL",
    "PRAGMA busy_timeout = 30000",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA cache_size = -32000",
)


class Store:
    """Synchronous store over one SQLite file."""

    def __init__(
        self,
        path: Path,
        engine: Engine,
        dedup_window: int,
        time_zone: str,
        clock: Callable[[], float] = time.time,
    ) -> None:
        """Use ``Store.open``: it validates and migrates the file first."""
        self._path = path
        self._engine = engine
        self._write_lock = threading.Lock()
        self._rollups = Rollups(time_zone)
        self._ingestor = Ingestor(dedup_window, clock, rollups=self._rollups)
        self._stats = Stats(self._read)
        self._hourly = HourlyStats(self._read)
        self._ai_texts = AiTextStore(self._read, self._write)
        self._collection = Collection(self._read, self._write, self._ingestor.resolve_albums)
        self._enrichment = Enrichment(self._read, self._write)
        self._playlists = Playlists(self._read, self._write)
        self._closed = False

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        dedup_window: int = DEFAULT_DEDUP_WINDOW,
        time_zone: str | None = None,
        clock: Callable[[], float] = time.time,
    ) -> Store:
        """Open (creating or migrating) the database at ``path``.

        Raises ``StoreOpenError`` when the file is corrupt, unreadable, not an AIME database,
        or written by a newer AIME. The file is then left exactly as it was.
        ``time_zone`` (IANA name) is the one statistics count days in; when it differs from
        the stored one, or the statistics are missing (a migrated file), they are rebuilt.
        ``clock`` (epoch seconds) bounds future start times and paces statistics rebuilds.
        """
        _check_file(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = _create_engine(path)
        try:
            _prepare(engine, path)
            with engine.connect() as conn:
                stored_zone, built = conn.exec_driver_sql(
                    "SELECT time_zone, built FROM stats_meta"
                ).one()
            store = cls(path, engine, dedup_window, stored_zone, clock)
            if time_zone is not None:
                store.set_time_zone(time_zone)
            elif not built:
                store.rebuild_statistics()
            store._finish_interrupted_ingest()
        except BaseException:
            engine.dispose()
            raise
        return store

    @property
    def path(self) -> Path:
        """The database file."""
        return self._path

    @property
    def dedup_window(self) -> int:
        """Seconds within which two sources' reports of one song are one play."""
        return self._ingestor.dedup_window

    @dedup_window.setter
    def dedup_window(self, seconds: int) -> None:
        with self._write_lock:
            self._ingestor.dedup_window = seconds

    @property
    def time_zone(self) -> str:
        """The IANA time zone statistics count local days in."""
        return self._rollups.time_zone

    @property
    def stats(self) -> Stats:
        """Statistics over this store; its methods block like the store's."""
        return self._stats

    @property
    def hourly(self) -> HourlyStats:
        """Plays per UTC hour, for long-term statistics; its methods block like the store's."""
        return self._hourly

    @property
    def collection(self) -> Collection:
        """The record collection (Discogs sync, exports); its methods block like the store's."""
        return self._collection

    @property
    def enrichment(self) -> Enrichment:
        """Images and links from other services; its methods block like the store's."""
        return self._enrichment

    @property
    def playlists(self) -> Playlists:
        """Playlist generation and the saved playlists; its methods block like the store's."""
        return self._playlists

    @property
    def ai_texts(self) -> AiTextStore:
        """The AI texts kept in this store; its methods block like the store's."""
        return self._ai_texts

    @contextmanager
    def catalog_write(self) -> Iterator[Connection]:
        """A write transaction for core modules that add rows beside ``ingest`` (imports).

        The ingestor forgets its id caches afterwards: artists and albums may have been added
        behind its back.
        """
        try:
            with self._write() as conn:
                yield conn
        finally:
            self._ingestor.reset()

    def set_time_zone(self, name: str) -> bool:
        """Count local days in zone ``name`` from now on; return whether statistics were rebuilt.

        Rebuilding reads every play once (seconds for a million). An unknown zone raises
        ``ZoneInfoNotFoundError`` and changes nothing.
        """
        LocalTime(name)  # Validate before touching anything.
        with self._write() as conn:
            stored_zone, built = conn.exec_driver_sql(
                "SELECT time_zone, built FROM stats_meta"
            ).one()
            if stored_zone == name and built:
                return False
            previous = self._rollups.time_zone
            self._rollups.time_zone = name
            try:
                self._rollups.rebuild(conn)
            except BaseException:
                self._rollups.time_zone = previous
                raise
        _LOGGER.info("Statistics rebuilt for time zone %s", name)
        return True

    def rebuild_statistics(self) -> None:
        """Recompute every statistics rollup from the plays.

        Needed only after plays or track durations were changed behind the store's back.
        """
        with self._write() as conn:
            self._rollups.rebuild(conn)

    def _finish_interrupted_ingest(self) -> None:
        """Write the totals and prices an interrupted ``ingest`` call left undone."""
        self._rollups.repricing = True
        with self._write() as conn:
            self._rollups.finish(conn)

    @property
    def schema_version(self) -> int:
        """The schema version of the open database."""
        with self._read() as conn:
            return int(conn.exec_driver_sql("SELECT version FROM schema_version").scalar_one())

    def close(self) -> None:
        """Checkpoint the WAL and release every connection. Safe to call twice."""
        if self._closed:
            return
        self._closed = True
        with self._write_lock:
            try:
                with self._engine.connect() as conn:
                    conn.execution_options(aime_begin=None)
                    conn.exec_driver_sql("PRAGMA optimize")
                    conn.exec_driver_sql("PRAGMA wal_checkpoint(TRUNCATE)")
            except DBAPIError:  # pragma: no cover - closing must not fail on a busy reader
                _LOGGER.debug("WAL checkpoint skipped at close", exc_info=True)
            self._engine.dispose()

    def ingest(
        self,
        plays: Iterable[PlayInput],
        *,
        batch_size: int = DEFAULT_BATCH_SIZE,
        bulk: bool = False,
    ) -> IngestResult:
        """Record plays, idempotently, one transaction per batch (see ``ingest.py``).

        A ``bulk`` import (a history import, page by page) leaves stale statistics for its
        caller to settle once at its end, instead of rebuilding them every minute meanwhile.
        """
        total = IngestResult()
        iterator = iter(plays)
        while batch := list(islice(iterator, batch_size)):
            with self._write() as conn:
                total.absorb(self._ingestor.ingest_batch(conn, batch))
        reconciler = self._ingestor.reconciler
        if reconciler.changed:  # Imported plays moved (``reconcile.py``): tidy up.
            with self._write() as conn:
                reconciler.finish(conn)
            self._ingestor.reset()  # Its caches may name rows that are gone.
        if not bulk and reconciler.rebuild_due(self._ingestor.now()):
            self.settle_statistics()
        elif self._rollups.pending:
            with self._write() as conn:
                self._rollups.finish(conn)
        return total

    def settle_statistics(self) -> None:
        """Rebuild the statistics now if imported plays moved since the last rebuild.

        ``ingest`` rebuilds them at most once a minute (see ``reconcile.py``); a bulk import
        calls this when it ends.
        """
        reconciler = self._ingestor.reconciler
        if reconciler.stale:
            with self._write() as conn:
                self._rollups.rebuild(conn)
            reconciler.rebuilt(self._ingestor.now())

    def counts(self) -> StoreCounts:
        """Row counts of the main tables."""
        tables = (schema.artist, schema.album, schema.track, schema.play)
        extra = (schema.collection_item, schema.playlist)
        with self._read() as conn:
            values = [
                conn.execute(select(func.count()).select_from(table)).scalar_one()
                for table in (*tables, *extra)
            ]
        return StoreCounts(*values)

    def newest_played_at(self, source: Source | None = None) -> int | None:
        """Start time of the newest play, or of the newest one ``source`` reported."""
        play, report = schema.play, schema.play_report
        with self._read() as conn:
            if source is None:
                return conn.execute(select(func.max(play.c.played_at))).scalar_one_or_none()
            code = SOURCE_CODES[source]
            # Walks the time index backwards and stops at the first match.
            first_reported = conn.execute(
                select(play.c.played_at)
                .where(play.c.source_id == code)
                .order_by(play.c.played_at.desc())
                .limit(1)
            ).scalar_one_or_none()
            merged = conn.execute(
                select(func.max(report.c.played_at)).where(report.c.source_id == code)
            ).scalar_one_or_none()
        return max((v for v in (first_reported, merged) if v is not None), default=None)

    def count_plays(self, start: int, end: int, source: Source | None = None) -> int:
        """Plays that started in [start, end] (reported by ``source``, when given)."""
        play, report = schema.play, schema.play_report
        in_range = play.c.played_at.between(start, end)
        with self._read() as conn:
            if source is None:
                return conn.execute(select(func.count()).where(in_range)).scalar_one()
            code = SOURCE_CODES[source]
            first = conn.execute(
                select(func.count()).where(in_range, play.c.source_id == code)
            ).scalar_one()
            merged = conn.execute(
                select(func.count()).where(
                    report.c.played_at.between(start, end), report.c.source_id == code
                )
            ).scalar_one()
        return int(first) + int(merged)

    def find_play(self, play: PlayInput) -> int | None:
        """The id of the stored play ``play`` was recorded as (its own row or the one it joined)."""
        with self._read() as conn:
            return listened.find_play(conn, play)

    def set_seconds_listened(self, play_id: int, seconds: int) -> bool:
        """Set how long a stored play was listened; statistics follow in the same transaction.

        Idempotent: returns whether anything changed (see ``listened.py``).
        """
        with self._write() as conn:
            return listened.set_seconds_listened(conn, self._rollups, play_id, seconds)

    def set_loved(self, songs: Iterable[tuple[str, str]]) -> LovedSync:
        """Make exactly these (artist, title) songs the loved ones; return what changed.

        Songs are matched like plays are (primary artist and title, folded), so a love made
        on one service marks the track whatever album it was played from.
        """
        wanted = {
            (artist_key(primary_artist(artist)), track_key(title))
            for artist, title in songs
            if artist.strip() and title.strip()
        }
        with self._write() as conn:
            conn.exec_driver_sql(
                "CREATE TEMP TABLE IF NOT EXISTS loved_song "
                "(artist_key TEXT, title_key TEXT, PRIMARY KEY (artist_key, title_key))"
            )
            conn.exec_driver_sql("DELETE FROM loved_song")
            conn.exec_driver_sql("INSERT INTO loved_song VALUES (?, ?)", list(wanted) or [("", "")])
            is_loved = (
                "EXISTS (SELECT 1 FROM loved_song l JOIN artist a ON a.key = l.artist_key "
                "WHERE a.id = track.artist_id AND l.title_key = track.key)"
            )
            changed = conn.exec_driver_sql(
                f"UPDATE track SET loved = {is_loved} WHERE loved != {is_loved}"
            ).rowcount
            loved = conn.exec_driver_sql("SELECT count(*) FROM track WHERE loved").scalar_one()
            conn.exec_driver_sql("DELETE FROM loved_song")
        return LovedSync(songs=len(wanted), loved_tracks=int(loved), changed=int(changed))

    def database_size(self) -> int:
        """Bytes on disk: the main file plus its write-ahead log."""
        files = (self._path, self._path.with_name(self._path.name + "-wal"))
        return sum(file.stat().st_size for file in files if file.exists())

    @contextmanager
    def _read(self) -> Iterator[Connection]:
        self._ensure_open()
        with self._engine.connect() as conn:
            yield conn

    @contextmanager
    def _write(self) -> Iterator[Connection]:
        self._ensure_open()
        with self._write_lock, self._engine.connect() as conn:
            conn.execution_options(aime_begin="BEGIN IMMEDIATE")
            try:
                with conn.begin():
                    yield conn
            except BaseException:
                self._ingestor.reset()  # cached ids may name rows that were rolled back
                raise

    def _ensure_open(self) -> None:
        if self._closed:
            raise StoreError("the store is closed")


def _check_file(path: Path) -> None:
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


def _create_engine(path: Path) -> Engine:
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


def _prepare(engine: Engine, path: Path) -> None:
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
