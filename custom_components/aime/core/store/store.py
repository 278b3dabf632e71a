"""The listening store: SQLite through SQLAlchemy 2, WAL, foreign keys on.

Every method blocks; the Home Assistant glue calls them from the executor. Writes are
serialised by one lock (SQLite has a single writer anyway); WAL lets readers run while a
write is in progress, so readers never block the writer. Opening the file (refusals, engine,
migration) is in ``database_file.py``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from itertools import islice
import logging
from pathlib import Path
import threading
import time

from sqlalchemy import Connection, Engine, func, select
from sqlalchemy.exc import DBAPIError

from ..enrichment.ai_text_store import AiTextStore
from ..enrichment.collection import Collection
from ..enrichment.links import Enrichment
from ..errors import StoreError
from ..localtime import LocalTime
from ..models import SOURCE_CODES, IngestResult, LovedSync, PlayInput, Source, StoreCounts
from ..outbox.loves import LoveOutbox
from ..outbox.queue import Outbox
from ..playlists.generator import Playlists
from ..stats.hourly import HourlyStats
from ..stats.queries import Stats
from ..stats.rollups import Rollups
from . import listened, loved, schema
from .database_file import (
    check_database_file,
    create_database_engine,
    prepare_database,
    set_autocheckpoint,
)
from .ingest import Ingestor, collector_paused
from .people import PeopleMethods

_LOGGER = logging.getLogger(__name__)

DEFAULT_DEDUP_WINDOW = 300
# Plays per transaction: each commit rewrites the hot pages of every rollup, so fewer, larger
# transactions ingest a history faster (10,000: ~10 % over 5,000); past that, re-ingesting
# slows (20,000: -20 %). A live play is a batch of one.
DEFAULT_BATCH_SIZE = 10_000


class Store(PeopleMethods):
    """Synchronous store over one SQLite file (people's methods in ``people.py``)."""

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
        self._outbox = Outbox(self._read, self._write)
        self._loves = LoveOutbox(self._read, self._write, lambda: self._outbox.routes)
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
        check_database_file(path)
        path.parent.mkdir(parents=True, exist_ok=True)
        engine = create_database_engine(path)
        try:
            prepare_database(engine, path)
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

    @property
    def outbox(self) -> Outbox:
        """The scrobbling outbox; its methods block like the store's."""
        return self._outbox

    @property
    def loves(self) -> LoveOutbox:
        """Loves made in AIME and their queue to the accounts the outbox routes to."""
        return self._loves

    @contextmanager
    def catalog_write(self, *, catalog: bool = True) -> Iterator[Connection]:
        """A write transaction for core modules that add rows beside ``ingest`` (imports).

        The ingestor forgets its id caches afterwards: artists and albums may have been added
        behind its back. A caller that adds no artist, album, track or play (``catalog=False``:
        rows beside the plays only, like ``play_import``) keeps them: only whether imported
        plays wait for a report is looked up again.
        """
        try:
            with self._write() as conn:
                yield conn
        finally:
            if catalog:
                self._ingestor.reset()
            else:
                self._ingestor.reconciler.reset()

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
        caller to settle once at its end, instead of rebuilding them every minute meanwhile;
        its all-time totals are written every few thousand plays (``totals.py``).
        Plays recorded live are queued in the outbox in the same transaction (``outbox/``).
        """
        total = IngestResult()
        reconciler = self._ingestor.reconciler
        iterator = iter(plays)
        batch = list(islice(iterator, batch_size))
        while batch:
            following = list(islice(iterator, batch_size))
            with collector_paused(), self._write() as conn:
                set_autocheckpoint(conn, bulk=bulk)
                done = self._ingestor.ingest_batch(conn, batch)
                if not bulk:
                    self._outbox.enqueue(conn, done, int(self._ingestor.now()))
                total.absorb(done)
                if not following and not reconciler.changed and self._rollups.due(bulk=bulk):
                    # The totals in the last batch's transaction: one commit less per call
                    # (a history import calls once per page of 200 plays).
                    self._rollups.finish(conn)
            batch = following
        if reconciler.changed:  # Imported plays moved (``reconcile.py``): tidy up.
            with self._write() as conn:
                reconciler.finish(conn)
            self._ingestor.reset()  # Its caches may name rows that are gone.
        if not bulk and reconciler.rebuild_due(self._ingestor.now()):
            self.settle_statistics()
        elif self._rollups.due(bulk=bulk):
            with self._write() as conn:
                self._rollups.finish(conn)
        return total

    def settle_statistics(self) -> None:
        """Rebuild the statistics now if imported plays moved since the last rebuild.

        ``ingest`` rebuilds them at most once a minute (see ``reconcile.py``); a bulk import
        calls this when it ends (which also writes the all-time totals it left summing).
        """
        reconciler = self._ingestor.reconciler
        if reconciler.stale:
            with self._write() as conn:
                self._rollups.rebuild(conn)
            reconciler.rebuilt(self._ingestor.now())
        elif self._rollups.due(bulk=False):
            with self._write() as conn:
                self._rollups.finish(conn)

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
        with self._write() as conn:
            return loved.set_loved(conn, songs)

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
