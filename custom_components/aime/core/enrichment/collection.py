"""The record collection: applying a Discogs sync to the store, and reading it back.

A collection item is one Discogs release the user owns, linked to an album through the same
identity rules as plays (album artist and normalised title), so that records and plays meet.
Rules:

- A sync is a complete snapshot: items whose release is no longer in it are removed. Items
  without a Discogs release id (imported from elsewhere) are never removed by a sync.
- Two copies of one release are one item (``discogs_release_id`` is unique); they are
  counted in ``duplicates``.
- An original year, once learned from the master release, is kept when a later snapshot
  does not bring it again (the client fetches each master once).
- Album rows are never deleted here: plays may point at them, and the ingestor caches ids.
- Labels, genres and styles are stored joined with ``core.text.LIST_SEPARATOR`` (Discogs genres
  contain commas: "Folk, World, & Country").
- Formats are ``RecordFormat`` values; reading also accepts other spellings ("Vinyl").
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import AbstractContextManager
from dataclasses import dataclass, field
from enum import StrEnum
from itertools import batched
from typing import Any

from sqlalchemy import Connection

from ..models import AiTextKind
from ..normalize import primary_artist
from ..text import join_list, split_list

_CHUNK = 500

type Connect = Callable[[], AbstractContextManager[Connection]]
type ResolveAlbums = Callable[[Connection, Sequence[tuple[str, str]]], list[int]]


class RecordFormat(StrEnum):
    """The physical (or not) format of a record."""

    VINYL = "vinyl"
    CD = "cd"
    CASSETTE = "cassette"
    DIGITAL = "digital"
    BOX_SET = "box_set"
    OTHER = "other"


@dataclass(frozen=True, slots=True)
class CollectionEntry:
    """One owned release, as a collection source reports it.

    ``artist`` is the release's credit as displayed ("Duke Ellington & John Coltrane");
    ``pressing_year`` is the year of this pressing, ``original_year`` the year of the first
    release of the album (the Discogs master), when known. ``added_at`` is a UTC epoch.
    """

    release_id: int
    title: str
    artist: str
    record_format: RecordFormat
    instance_id: int | None = None
    master_id: int | None = None
    labels: tuple[str, ...] = ()
    genres: tuple[str, ...] = ()
    styles: tuple[str, ...] = ()
    pressing_year: int | None = None
    original_year: int | None = None
    cover_url: str | None = None
    added_at: int | None = None


@dataclass(slots=True)
class CollectionSyncResult:
    """What applying a snapshot did. ``total`` is the number of items afterwards."""

    received: int = 0
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    removed: int = 0
    duplicates: int = 0
    skipped: int = 0
    total: int = 0


@dataclass(frozen=True, slots=True)
class AiText:
    """A stored AI text with where it came from."""

    text: str
    model: str
    language: str
    created_at: int


@dataclass(frozen=True, slots=True)
class ExportRecord:
    """One collection item with everything an export shows."""

    id: int
    album_id: int
    artist: str
    title: str
    record_format: RecordFormat | None
    original_year: int | None
    pressing_year: int | None
    labels: tuple[str, ...]
    genres: tuple[str, ...]
    styles: tuple[str, ...]
    cover_url: str | None
    discogs_release_id: int | None
    added_at: int | None
    links: dict[str, str] = field(default_factory=dict)  # "spotify" -> album URL...
    images: dict[str, str] = field(default_factory=dict)  # "spotify" -> album image URL...
    description: AiText | None = None

    @property
    def year(self) -> int | None:
        """The year the album came out: the original year, else this pressing's."""
        return self.original_year or self.pressing_year

    @property
    def discogs_url(self) -> str | None:
        if self.discogs_release_id is None:
            return None
        return f"https://www.discogs.com/release/{self.discogs_release_id}"


def album_artist_of(credit: str) -> str:
    """The album artist a record is filed under, as plays name it (see ``ingest.py``)."""
    return primary_artist(credit)


class Collection:
    """The collection over a store's connections; every method blocks."""

    def __init__(self, read: Connect, write: Connect, resolve_albums: ResolveAlbums) -> None:
        """``resolve_albums`` finds or creates albums through the store's ingestor."""
        self._read = read
        self._write = write
        self._resolve_albums = resolve_albums

    def known_original_years(self) -> dict[int, int]:
        """Discogs release id -> original year, for the releases whose year is known."""
        with self._read() as conn:
            rows = conn.exec_driver_sql(
                "SELECT discogs_release_id, original_year FROM collection_item "
                "WHERE discogs_release_id IS NOT NULL AND original_year IS NOT NULL"
            )
            return {int(release): int(year) for release, year in rows}

    def apply_discogs_sync(self, entries: Sequence[CollectionEntry]) -> CollectionSyncResult:
        """Make the Discogs items exactly ``entries`` (a complete snapshot), in one transaction."""
        result = CollectionSyncResult(received=len(entries))
        unique: dict[int, CollectionEntry] = {}
        for entry in entries:
            if not entry.title.strip() or not album_artist_of(entry.artist):
                result.skipped += 1
            elif entry.release_id in unique:
                result.duplicates += 1
            else:
                unique[entry.release_id] = entry
        with self._write() as conn:
            existing = {
                int(row[0]): tuple(row[1:])
                for row in conn.exec_driver_sql(
                    "SELECT discogs_release_id, album_id, discogs_instance_id, format, labels, "
                    "genres, styles, pressing_year, original_year, cover_url, added_at "
                    "FROM collection_item WHERE discogs_release_id IS NOT NULL"
                )
            }
            albums = [(album_artist_of(e.artist), e.title.strip()) for e in unique.values()]
            album_ids = self._resolve_albums(conn, albums) if albums else []
            inserts: list[tuple[Any, ...]] = []
            updates: list[tuple[Any, ...]] = []
            for entry, album_id in zip(unique.values(), album_ids, strict=True):
                values = _row_values(entry, album_id)
                stored = existing.get(entry.release_id)
                if stored is None:
                    inserts.append((entry.release_id, *values))
                    continue
                if values[7] is None:  # Keep an original year learned earlier.
                    values = (*values[:7], stored[7], *values[8:])
                if values == stored:
                    result.unchanged += 1
                else:
                    updates.append((*values, entry.release_id))
            if inserts:
                conn.exec_driver_sql(
                    "INSERT INTO collection_item (discogs_release_id, album_id, "
                    "discogs_instance_id, format, labels, genres, styles, pressing_year, "
                    "original_year, cover_url, added_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    inserts,
                )
            if updates:
                conn.exec_driver_sql(
                    "UPDATE collection_item SET album_id = ?, discogs_instance_id = ?, "
                    "format = ?, labels = ?, genres = ?, styles = ?, pressing_year = ?, "
                    "original_year = ?, cover_url = ?, added_at = ? WHERE discogs_release_id = ?",
                    updates,
                )
            gone = [(release,) for release in existing if release not in unique]
            for chunk in batched(gone, _CHUNK, strict=False):
                conn.exec_driver_sql(
                    "DELETE FROM collection_item WHERE discogs_release_id = ?", list(chunk)
                )
            result.added, result.updated, result.removed = len(inserts), len(updates), len(gone)
            result.total = int(
                conn.exec_driver_sql("SELECT count(*) FROM collection_item").scalar_one()
            )
        return result

    def export_records(
        self, *, record_format: RecordFormat | None = None, language: str = "en"
    ) -> list[ExportRecord]:
        """Every item (of one format, when given), by artist, then year, then title.

        Each carries its enrichment links and images, and the newest album description
        written in ``language`` (texts in another language are left out).
        """
        # Formats written by other importers may be spelled "Vinyl" or "Box set".
        where = "WHERE lower(replace(c.format, ' ', '_')) = ?" if record_format else ""
        params: tuple[Any, ...] = (record_format.value,) if record_format is not None else ()
        with self._read() as conn:
            rows = conn.exec_driver_sql(
                "SELECT c.id, c.album_id, ar.name, al.title, c.format, c.original_year, "
                "c.pressing_year, c.labels, c.genres, c.styles, c.cover_url, "
                "c.discogs_release_id, c.added_at FROM collection_item c "
                "JOIN album al ON al.id = c.album_id JOIN artist ar ON ar.id = al.artist_id "
                f"{where} ORDER BY ar.key, ar.id, coalesce(c.original_year, c.pressing_year) "
                "IS NULL, coalesce(c.original_year, c.pressing_year), al.key, c.id",
                params,
            ).all()
            album_ids = sorted({int(row[1]) for row in rows})
            links, images = _enrichment_of(conn, album_ids)
            descriptions = _descriptions_of(conn, album_ids, language)
        return [
            ExportRecord(
                id=row[0],
                album_id=row[1],
                artist=row[2],
                title=row[3],
                record_format=_format_or_none(row[4]),
                original_year=row[5],
                pressing_year=row[6],
                labels=split_list(row[7]),
                genres=split_list(row[8]),
                styles=split_list(row[9]),
                cover_url=row[10],
                discogs_release_id=row[11],
                added_at=row[12],
                links=links.get(row[1], {}),
                images=images.get(row[1], {}),
                description=descriptions.get(row[1]),
            )
            for row in rows
        ]


def _row_values(entry: CollectionEntry, album_id: int) -> tuple[Any, ...]:
    """The stored columns after discogs_release_id, in ``existing`` order."""
    return (
        album_id,
        entry.instance_id,
        entry.record_format.value,
        join_list(entry.labels),
        join_list(entry.genres),
        join_list(entry.styles),
        entry.pressing_year,
        entry.original_year,
        entry.cover_url,
        entry.added_at,
    )


def _format_or_none(value: str | None) -> RecordFormat | None:
    if not value:
        return None
    try:
        return RecordFormat(value.strip().lower().replace(" ", "_"))
    except ValueError:
        return RecordFormat.OTHER


def _in_chunks(conn: Connection, sql: str, ids: list[int], *extra: Any) -> Iterator[Any]:
    """Run ``sql`` (with an ``{ids}`` placeholder) over ``ids`` in chunks; yield the rows."""
    for chunk in batched(ids, _CHUNK, strict=False):
        marks = ",".join("?" * len(chunk))
        yield from conn.exec_driver_sql(sql.format(ids=marks), (*chunk, *extra))


def _enrichment_of(
    conn: Connection, album_ids: list[int]
) -> tuple[dict[int, dict[str, str]], dict[int, dict[str, str]]]:
    links: dict[int, dict[str, str]] = {}
    images: dict[int, dict[str, str]] = {}
    rows = _in_chunks(
        conn,
        "SELECT album_id, source, kind, url FROM enrichment "
        "WHERE album_id IN ({ids}) AND kind IN ('link', 'image') ORDER BY source",
        album_ids,
    )
    for album_id, source, kind, url in rows:
        (links if kind == "link" else images).setdefault(album_id, {})[source] = url
    return links, images


def _descriptions_of(conn: Connection, album_ids: list[int], language: str) -> dict[int, AiText]:
    rows = _in_chunks(
        conn,
        "SELECT album_id, text, model, language, created_at FROM ai_text "
        "WHERE album_id IN ({ids}) AND kind = ? AND language = ? ORDER BY created_at, id",
        album_ids,
        AiTextKind.ALBUM_DESCRIPTION.value,
        language,
    )
    # Rows come oldest first, so the newest text of each album wins.
    return {
        album_id: AiText(text, model, lang, created)
        for album_id, text, model, lang, created in rows
    }
