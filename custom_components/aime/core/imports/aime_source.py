"""Reading a database of the original AIME app (v4.x), read-only, into plain records.

The file and its folder are left exactly as they were: the database (with its write-ahead log,
when the app left one) is copied to a temporary folder and the copy is read, so SQLite creates
no ``-wal``/``-shm`` file next to the original and a log not yet checkpointed is still read.
Orphan rows (the
original never enabled foreign keys, so deleted and merged albums left metadata, images and
album links behind) are dropped here and counted by reason. Columns a given AIME version lacks
read as ``None``. ``aime_import.py`` decides what the records become in the AIME store.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Collection, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from functools import partial
from pathlib import Path
import shutil
import sqlite3
import tempfile
from typing import Any

from .pacing import PausePoint, no_pause

REQUIRED_TABLES = frozenset({"albums", "artists", "album_artist", "tracks", "listening_history"})
# The app's trackers stored the poll time and the row in the same second; its Last.fm history
# import stored the scrobble's own start time, long before the row was written.
_NOTICED_SLACK = 10
_SCAN_BATCH = 10_000
type _Rows = Callable[..., Iterator[dict[str, Any]]]  # ``_rows`` of one connection


class AimeImportFailure(StrEnum):
    """Why an AIME database cannot be read. Values double as translation keys."""

    NOT_FOUND = "aime_database_not_found"
    UNREADABLE = "aime_database_unreadable"
    NOT_AIME = "aime_database_not_aime"


class AimeImportError(Exception):
    """The file is missing, unreadable or not an AIME database. Nothing was imported."""

    def __init__(self, failure: AimeImportFailure, detail: str = "") -> None:
        super().__init__(f"{failure.value}: {detail}" if detail else failure.value)
        self.failure = failure
        self.detail = detail  # Shown to the user: the missing tables, or SQLite's reason.


@dataclass(slots=True)
class AimeArtist:
    id: int
    name: str
    spotify_id: str | None
    lastfm_url: str | None


@dataclass(slots=True)
class AimeAlbum:
    """An album row; ``artist_links`` are (artist id, link time), in the order they were made."""

    id: int
    title: str
    year: int | None
    support: str | None
    source: str | None
    discogs_id: str | None
    spotify_url: str | None
    discogs_url: str | None
    image_url: str | None
    ai_description: str | None
    created_at: int | None
    artist_links: list[tuple[int, int | None]] = field(default_factory=list)


@dataclass(slots=True)
class AimeTrack:
    id: int
    album_id: int
    title: str
    track_number: int | None
    duration: int | None
    created_at: int | None


@dataclass(slots=True)
class AimePlay:
    """``noticed``: the time is when a tracker of the app saw the play, not when it started."""

    track_id: int
    timestamp: int
    source: str
    loved: bool
    noticed: bool


@dataclass(slots=True)
class AimeImage:
    url: str
    image_type: str | None
    source: str | None
    artist_id: int | None
    album_id: int | None


@dataclass(slots=True)
class AimeMetadata:
    album_id: int
    ai_info: str | None
    resume: str | None
    labels: str | None
    updated_at: int | None


@dataclass(slots=True)
class AimeDatabase:
    """Everything the import uses; ``dropped`` counts orphan or malformed rows by kind."""

    artists: dict[int, AimeArtist]
    albums: dict[int, AimeAlbum]
    tracks: dict[int, AimeTrack]
    plays: list[AimePlay]
    images: list[AimeImage]
    metadata: dict[int, AimeMetadata]
    dropped: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))


@dataclass(slots=True)
class PlaysOverview:
    """What the import learns in one pass over the plays before planning them, in memory that
    does not grow with them: ``rows`` (orphans included), the tracks played, those the app's
    Last.fm tracker noticed plays of and the span of those (positive) times, and the plays of
    the tracks asked for (in the file's order)."""

    rows: int = 0
    played: set[int] = field(default_factory=set)
    noticed: set[int] = field(default_factory=set)
    noticed_span: tuple[int, int] | None = None
    plays: list[AimePlay] = field(default_factory=list)


class AimeSource:
    """An open copy of an AIME database: its small tables read into ``db`` (without plays),
    its plays read on demand. Valid inside ``open_aime_database`` only."""

    def __init__(self, conn: sqlite3.Connection, db: AimeDatabase, pause: PausePoint) -> None:
        self._conn = conn
        self.db = db
        self._pause = pause
        present = {row[1] for row in conn.execute("PRAGMA table_info(listening_history)")}
        self._order = "id" if "id" in present else "rowid"
        self._columns = ", ".join(
            column if column in present else "NULL"  # Absent from this AIME version.
            for column in ("track_id", "timestamp", "source", "loved", "created_at")
        )

    def overview(self, tracks: Collection[int]) -> PlaysOverview:
        """One pass over the plays; counts the orphans among ``db.dropped``."""
        seen = PlaysOverview()
        for rows in self._batches(f"ORDER BY {self._order}", _SCAN_BATCH):
            for row in rows:
                self._pause()
                seen.rows += 1
                play = self._play(row)
                if play is None:
                    self.db.dropped["plays"]["orphan"] += 1
                    continue
                seen.played.add(play.track_id)
                if play.noticed and play.source == "lastfm" and (at := play.timestamp) > 0:
                    seen.noticed.add(play.track_id)
                    low, high = seen.noticed_span or (at, at)
                    seen.noticed_span = (min(low, at), max(high, at))
                if play.track_id in tracks:
                    seen.plays.append(play)
        return seen

    def play_batches(self, size: int) -> Iterator[tuple[int, list[AimePlay]]]:
        """The plays by time then track (the file's order among equals), ``size`` rows at a
        time: (rows read, the plays among them that are no orphans)."""
        order = f"ORDER BY aime_time(timestamp), track_id, {self._order}"
        for rows in self._batches(order, size):
            self._pause()
            yield len(rows), [play for row in rows if (play := self._play(row)) is not None]

    def _batches(self, order: str, size: int) -> Iterator[list[tuple[Any, ...]]]:
        try:
            cursor = self._conn.execute(f"SELECT {self._columns} FROM listening_history {order}")
            while rows := cursor.fetchmany(size):
                yield rows
        except sqlite3.Error as err:
            raise AimeImportError(AimeImportFailure.UNREADABLE, str(err)) from err

    def _play(self, row: tuple[Any, ...]) -> AimePlay | None:
        track_id, raw_time, raw_source, loved, created_at = row
        if track_id not in self.db.tracks:
            return None
        timestamp, source = _int(raw_time) or 0, _text(raw_source) or ""
        written = epoch(created_at)
        noticed = source == "roon" or (
            written is not None and abs(written - timestamp) <= _NOTICED_SLACK
        )
        return AimePlay(track_id, timestamp, source, bool(loved), noticed)


@contextmanager
def open_aime_database(path: Path, pause: PausePoint = no_pause) -> Iterator[AimeSource]:
    """Open a copy of the AIME database at ``path`` (nothing is written next to it);
    ``pause()`` is called between rows read (``pacing.py``)."""
    if not path.is_file():
        raise AimeImportError(AimeImportFailure.NOT_FOUND, path.name)
    with tempfile.TemporaryDirectory(prefix="aime-import-") as folder:
        copy = Path(folder) / "musique.db"
        try:
            shutil.copyfile(path, copy)
            wal = path.with_name(f"{path.name}-wal")
            if wal.is_file():
                shutil.copyfile(wal, copy.with_name(f"{copy.name}-wal"))
        except OSError as err:  # strerror only: the full message names the folder.
            raise AimeImportError(AimeImportFailure.UNREADABLE, err.strerror or "") from err
        conn = sqlite3.connect(copy)
        try:
            conn.create_function("aime_time", 1, _time, deterministic=True)
            try:
                tables = {
                    row[0]
                    for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                }
                if missing := REQUIRED_TABLES - tables:
                    raise AimeImportError(AimeImportFailure.NOT_AIME, ", ".join(sorted(missing)))
                source = AimeSource(conn, _read(conn, tables, pause), pause)
            except sqlite3.Error as err:
                raise AimeImportError(AimeImportFailure.UNREADABLE, str(err)) from err
            yield source
        finally:
            conn.close()


def read_aime_database(path: Path) -> AimeDatabase:
    """Read the whole AIME database at ``path``, plays included (in the file's order)."""
    with open_aime_database(path) as source:
        source.db.plays = source.overview(source.db.tracks.keys()).plays
        return source.db


def _read(conn: sqlite3.Connection, tables: set[str], pause: PausePoint) -> AimeDatabase:
    """Everything but the plays."""
    rows = partial(_rows, conn, pause=pause)
    artists = {
        row["id"]: AimeArtist(row["id"], name, row["spotify_id"], row["lastfm_url"])
        for row in rows("artists", ("id", "name", "spotify_id", "lastfm_url"))
        if (name := _text(row["name"]))
    }
    album_columns = (
        "id", "title", "year", "support", "source", "discogs_id", "spotify_url",
        "discogs_url", "image_url", "ai_description", "created_at",
    )  # fmt: skip
    albums = {
        row["id"]: AimeAlbum(
            row["id"],
            title,
            _int(row["year"]) or None,
            _text(row["support"]),
            _text(row["source"]),
            _text(row["discogs_id"]),
            _text(row["spotify_url"]),
            _text(row["discogs_url"]),
            _text(row["image_url"]),
            _text(row["ai_description"]),
            epoch(row["created_at"]),
        )
        for row in rows("albums", album_columns)
        if (title := _text(row["title"]))
    }
    db = AimeDatabase(artists, albums, {}, [], [], {})
    _read_links(rows, db)
    track_columns = ("id", "album_id", "title", "track_number", "duration_seconds", "created_at")
    for row in rows("tracks", track_columns):
        title = _text(row["title"])
        if row["album_id"] not in albums or not title:
            db.dropped["tracks"]["orphan" if title else "untitled"] += 1
            continue
        db.tracks[row["id"]] = AimeTrack(
            row["id"], row["album_id"], title, _int(row["track_number"]),
            _int(row["duration_seconds"]), epoch(row["created_at"]),
        )  # fmt: skip
    if "images" in tables:
        _read_images(rows, db)
    if "metadata" in tables:
        _read_metadata(rows, db)
    return db


def _read_links(rows: _Rows, db: AimeDatabase) -> None:
    # Insertion order: the first linked artist is the album's primary artist in AIME.
    links = rows("album_artist", ("album_id", "artist_id", "created_at"), order="rowid")
    for row in links:
        album = db.albums.get(row["album_id"])
        if album is None or row["artist_id"] not in db.artists:
            db.dropped["album_artists"]["orphan"] += 1
        else:
            album.artist_links.append((row["artist_id"], epoch(row["created_at"])))


def _read_images(rows: _Rows, db: AimeDatabase) -> None:
    columns = ("url", "image_type", "source", "artist_id", "album_id")
    for row in rows("images", columns):
        url, artist, album = _text(row["url"]), row["artist_id"], row["album_id"]
        if not url or (artist is None) == (album is None):
            db.dropped["images"]["malformed"] += 1
        elif (artist is not None and artist not in db.artists) or (
            album is not None and album not in db.albums
        ):
            db.dropped["images"]["orphan"] += 1
        else:
            db.images.append(AimeImage(url, row["image_type"], row["source"], artist, album))


def _read_metadata(rows: _Rows, db: AimeDatabase) -> None:
    columns = ("album_id", "ai_info", "resume", "labels", "updated_at", "created_at")
    for row in rows("metadata", columns):
        if row["album_id"] not in db.albums:
            db.dropped["metadata"]["orphan"] += 1
            continue
        db.metadata[row["album_id"]] = AimeMetadata(
            row["album_id"],
            _text(row["ai_info"]),
            _text(row["resume"]),
            _text(row["labels"]),
            epoch(row["updated_at"]) or epoch(row["created_at"]),
        )


def _rows(
    conn: sqlite3.Connection,
    table: str,
    columns: tuple[str, ...],
    order: str = "id",
    *,
    pause: PausePoint,
) -> Iterator[dict[str, Any]]:
    """Rows as dicts, one at a time; a column this AIME version lacks reads as None."""
    present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
    selected = ", ".join(column if column in present else "NULL" for column in columns)
    order_by = order if order in present or order == "rowid" else "rowid"
    cursor = conn.execute(f"SELECT {selected} FROM {table} ORDER BY {order_by}")
    for row in cursor:
        pause()
        yield dict(zip(columns, row, strict=True))


def epoch(value: Any) -> int | None:
    """UTC epoch seconds of an AIME date: a number, or SQLite's "YYYY-MM-DD HH:MM:SS[.f]"."""
    if isinstance(value, int | float):
        return int(value)
    if not isinstance(value, str) or not value.strip():
        return None
    try:
        parsed = datetime.fromisoformat(value.strip())
    except ValueError:
        return None
    if parsed.tzinfo is None:  # SQLite's CURRENT_TIMESTAMP is UTC.
        parsed = parsed.replace(tzinfo=UTC)
    return int(parsed.timestamp())


def _time(value: Any) -> int:
    """A play's time as the import orders it (see ``AimeSource._play``)."""
    return _int(value) or 0


def _text(value: Any) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def _int(value: Any) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None
