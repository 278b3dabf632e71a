"""Images and links from other services (Spotify...) for albums and artists.

One ``enrichment`` row per (subject, source, kind). Kinds: ``link`` (the service's page),
``image`` (a picture URL) and ``miss``: the service was asked and had no confident match.
A miss keeps the subject off the "to enrich" lists for ``retry_after`` seconds, so that a
record the service does not carry is not searched for every night. Saving a subject
replaces every row it had for that source.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from enum import StrEnum

from sqlalchemy import Connection

from ..normalize import album_key, artist_key, primary_artist

DEFAULT_RETRY_AFTER = 30 * 86_400

type Connect = Callable[[], AbstractContextManager[Connection]]


class EnrichmentKind(StrEnum):
    """What an enrichment row holds."""

    LINK = "link"
    IMAGE = "image"
    MISS = "miss"


@dataclass(frozen=True, slots=True)
class AlbumToEnrich:
    """An album without enrichment from a source; ``in_collection`` when a record of it is owned."""

    album_id: int
    artist: str
    title: str
    in_collection: bool


@dataclass(frozen=True, slots=True)
class ArtistToEnrich:
    """An artist without enrichment from a source."""

    artist_id: int
    name: str


@dataclass(frozen=True, slots=True)
class Enriched:
    """The link and image a source gave a subject (either may be missing)."""

    url: str | None
    image_url: str | None
    fetched_at: int


class Enrichment:
    """Enrichment over a store's connections; every method blocks."""

    def __init__(self, read: Connect, write: Connect) -> None:
        self._read = read
        self._write = write

    def save_album(
        self, album_id: int, source: str, *, url: str | None, image_url: str | None, now: int
    ) -> None:
        """Record what ``source`` gave the album; neither URL records a miss."""
        self._save("album_id", album_id, source, (url, image_url), now)

    def save_artist(
        self, artist_id: int, source: str, *, url: str | None, image_url: str | None, now: int
    ) -> None:
        """Record what ``source`` gave the artist; neither URL records a miss."""
        self._save("artist_id", artist_id, source, (url, image_url), now)

    def album(self, album_id: int, source: str) -> Enriched | None:
        """What ``source`` gave the album, or ``None`` when it was never asked."""
        return self._load("album_id", album_id, source)

    def artist(self, artist_id: int, source: str) -> Enriched | None:
        """What ``source`` gave the artist, or ``None`` when it was never asked."""
        return self._load("artist_id", artist_id, source)

    def album_to_enrich(self, album_id: int) -> AlbumToEnrich | None:
        """One album by id, whatever its enrichment (for a refresh asked by the user)."""
        with self._read() as conn:
            row = conn.exec_driver_sql(
                f"SELECT al.id, ar.name, al.title, {_OWNED} FROM album al "
                "JOIN artist ar ON ar.id = al.artist_id WHERE al.id = ?",
                (album_id,),
            ).one_or_none()
        return None if row is None else AlbumToEnrich(row[0], row[1], row[2], bool(row[3]))

    def find_album(self, artist: str, title: str) -> AlbumToEnrich | None:
        """The album ``title`` by ``artist``, named as plays and records name it."""
        with self._read() as conn:
            row = conn.exec_driver_sql(
                f"SELECT al.id, ar.name, al.title, {_OWNED} FROM album al "
                "JOIN artist ar ON ar.id = al.artist_id WHERE ar.key = ? AND al.key = ?",
                (artist_key(primary_artist(artist)), album_key(title)),
            ).one_or_none()
        return None if row is None else AlbumToEnrich(row[0], row[1], row[2], bool(row[3]))

    def find_artist(self, name: str) -> ArtistToEnrich | None:
        """The artist ``name`` (spelling, accents and a Discogs suffix do not matter)."""
        with self._read() as conn:
            row = conn.exec_driver_sql(
                "SELECT id, name FROM artist WHERE key = ?", (artist_key(name),)
            ).one_or_none()
        return None if row is None else ArtistToEnrich(row[0], row[1])

    def albums_missing(
        self,
        source: str,
        *,
        now: int,
        limit: int = 50,
        collection_only: bool = False,
        retry_after: int = DEFAULT_RETRY_AFTER,
    ) -> list[AlbumToEnrich]:
        """Albums ``source`` has not enriched: owned records first, then the most played.

        Albums without a title (plays reported without one) are never listed.
        """
        owned_only = f"AND {_OWNED}" if collection_only else ""
        with self._read() as conn:
            rows = conn.exec_driver_sql(
                f"SELECT al.id, ar.name, al.title, {_OWNED} AS owned FROM album al "
                "JOIN artist ar ON ar.id = al.artist_id "
                "LEFT JOIN stats_album s ON s.album_id = al.id "
                f"WHERE al.title != '' {owned_only} AND NOT EXISTS (SELECT 1 FROM enrichment e "
                "WHERE e.album_id = al.id AND e.source = ? AND (e.kind != 'miss' "
                "OR e.fetched_at > ?)) ORDER BY owned DESC, coalesce(s.plays, 0) DESC, al.id "
                "LIMIT ?",
                (source, now - retry_after, max(limit, 0)),
            ).all()
        return [AlbumToEnrich(row[0], row[1], row[2], bool(row[3])) for row in rows]

    def artists_missing(
        self, source: str, *, now: int, limit: int = 50, retry_after: int = DEFAULT_RETRY_AFTER
    ) -> list[ArtistToEnrich]:
        """Artists ``source`` has not enriched, the most played first."""
        with self._read() as conn:
            rows = conn.exec_driver_sql(
                "SELECT ar.id, ar.name FROM artist ar "
                "LEFT JOIN stats_artist s ON s.artist_id = ar.id "
                "WHERE NOT EXISTS (SELECT 1 FROM enrichment e WHERE e.album_id IS NULL "
                "AND e.artist_id = ar.id AND e.source = ? AND (e.kind != 'miss' "
                "OR e.fetched_at > ?)) ORDER BY coalesce(s.plays, 0) DESC, ar.id LIMIT ?",
                (source, now - retry_after, max(limit, 0)),
            ).all()
        return [ArtistToEnrich(row[0], row[1]) for row in rows]

    def _save(
        self,
        column: str,
        subject: int,
        source: str,
        urls: tuple[str | None, str | None],
        now: int,
    ) -> None:
        rows = [(kind, value) for kind, value in zip(("link", "image"), urls, strict=True) if value]
        with self._write() as conn:
            conn.exec_driver_sql(
                f"DELETE FROM enrichment WHERE {column} = ? AND source = ?", (subject, source)
            )
            conn.exec_driver_sql(
                f"INSERT INTO enrichment ({column}, source, kind, url, fetched_at) "
                "VALUES (?, ?, ?, ?, ?)",
                [(subject, source, kind, value, now) for kind, value in rows or [("miss", "")]],
            )

    def _load(self, column: str, subject: int, source: str) -> Enriched | None:
        with self._read() as conn:
            rows = conn.exec_driver_sql(
                f"SELECT kind, url, fetched_at FROM enrichment WHERE {column} = ? AND source = ?",
                (subject, source),
            ).all()
        if not rows:
            return None
        found = {kind: url for kind, url, _ in rows}
        return Enriched(found.get("link"), found.get("image"), max(row[2] for row in rows))


_OWNED = "EXISTS (SELECT 1 FROM collection_item c WHERE c.album_id = al.id)"
