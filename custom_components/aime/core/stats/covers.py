"""The best image known of albums and artists: stored links, for a proxy to fetch.

An album shows its owned record's cover (Discogs), else an enrichment image (sources in name
order); an artist its enrichment image. These are third-party URLs: data for the Home
Assistant layer, which serves them through its own view and never hands them to a browser.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection

from .queries import Stats

_CHUNK = 500


def album_covers(conn: Connection, album_ids: Iterable[int]) -> dict[int, str]:
    """The cover of each album that has one."""
    covers: dict[int, str] = {}
    for chunk in _chunks(album_ids):
        rows = conn.exec_driver_sql(
            "SELECT al.id, coalesce((SELECT c.cover_url FROM collection_item c "
            "WHERE c.album_id = al.id AND c.cover_url IS NOT NULL ORDER BY c.id LIMIT 1), "
            "(SELECT e.url FROM enrichment e WHERE e.album_id = al.id AND e.kind = 'image' "
            f"ORDER BY e.source LIMIT 1)) FROM album al WHERE al.id IN ({_marks(chunk)})",
            tuple(chunk),
        )
        covers |= {album_id: url for album_id, url in rows if url}
    return covers


def artist_images(conn: Connection, artist_ids: Iterable[int]) -> dict[int, str]:
    """The image of each artist that has one."""
    images: dict[int, str] = {}
    for chunk in _chunks(artist_ids):
        rows = conn.exec_driver_sql(
            "SELECT artist_id, url FROM enrichment WHERE album_id IS NULL AND kind = 'image' "
            f"AND artist_id IN ({_marks(chunk)}) ORDER BY source DESC",
            tuple(chunk),
        )
        images |= {artist_id: url for artist_id, url in rows if url}  # The first source wins.
    return images


def _chunks(ids: Iterable[int]) -> list[list[int]]:
    unique = sorted(set(ids))
    return [unique[start : start + _CHUNK] for start in range(0, len(unique), _CHUNK)]


def _marks(chunk: list[int]) -> str:
    return ",".join("?" * len(chunk))


def known_covers(
    stats: Stats, album_ids: Iterable[int], artist_ids: Iterable[int] = ()
) -> tuple[dict[int, str], dict[int, str]]:
    """Album covers and artist images, read together in one snapshot."""
    with stats._reading() as reader:  # One snapshot; the reader is this package's own.
        return album_covers(reader.conn, album_ids), artist_images(reader.conn, artist_ids)
