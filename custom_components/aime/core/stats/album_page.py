"""One album's page for the panel (``aime/album``): what is known of it and its plays.

Index-backed whatever the history's size: the album's tracks come through the track table's
(album, key) index, its totals from the rollups, its plays a page at a time as the journal
reads them. Listening time is counted from the per-track totals (each play at the track's
length, else the typical length), so it needs no pass over the plays.
"""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection

from ..localtime import LocalTime
from ..models import AiTextKind
from ..text import split_list, text_language
from . import journal
from .models import HistoryFilter
from .page_models import AlbumPage, AlbumTrack, Description, OwnedRecord
from .queries import Stats
from .scope import Scope

DISCOGS_RELEASE = "https://www.discogs.com/release/{}"


def album_page(
    stats: Stats,
    album_id: int,
    *,
    page: int = 0,
    page_size: int = 50,
    language: str = "en",
    listener: str | None = None,
) -> AlbumPage | None:
    """The album, or ``None`` when no album has this id; its plays by ``listener`` (a
    person's entity id) or everyone."""
    with stats._reading(listener) as reader:  # One snapshot; the reader is this package's own.
        conn, scope = reader.conn, reader.scope
        found = conn.exec_driver_sql(
            "SELECT al.title, al.artist_id, ar.name FROM album al "
            "JOIN artist ar ON ar.id = al.artist_id WHERE al.id = ?",
            (album_id,),
        ).one_or_none()
        if found is None:
            return None
        title, artist_id, artist = found
        records = owned_records(conn, album_id)
        tracks = _tracks(conn, scope, album_id)
        plays, last_played_at = conn.exec_driver_sql(
            f"SELECT plays, last_played_at FROM {scope.table('stats_album')} WHERE album_id = ?",
            (album_id,),
        ).one_or_none() or (0, None)
        history = journal.history(
            conn, reader.clock, HistoryFilter(album_id=album_id), (page, page_size), scope
        )
        return AlbumPage(
            album_id=album_id,
            title=title,
            artist_id=artist_id,
            artist=artist,
            pressing_year=_first(record.pressing_year for record in records),
            original_year=_first(record.original_year for record in records),
            genres=_merged(record.genres for record in records),
            styles=_merged(record.styles for record in records),
            links=_links(conn, album_id, records),
            records=records,
            description=_description(conn, album_id, language),
            total_plays=plays,
            listening_seconds=sum(
                track.plays * (track.duration or reader.typical) for track in tracks
            ),
            first_played_at=(
                _first_played_at(conn, reader.clock, scope, album_id) if plays else None
            ),
            last_played_at=last_played_at,
            tracks=tracks,
            page=history.page,
            page_size=history.page_size,
            plays=history.entries,
        )


def owned_records(conn: Connection, album_id: int) -> list[OwnedRecord]:
    """The album's records in the collection, first added first."""
    rows = conn.exec_driver_sql(
        "SELECT id, format, pressing_year, original_year, labels, genres, styles, "
        "discogs_release_id, added_at FROM collection_item WHERE album_id = ? ORDER BY id",
        (album_id,),
    )
    return [
        OwnedRecord(
            id=record_id,
            format=record_format,
            pressing_year=pressing,
            original_year=original,
            labels=labels,
            genres=list(split_list(genres)),
            styles=list(split_list(styles)),
            discogs_url=DISCOGS_RELEASE.format(release) if release is not None else None,
            added_at=added_at,
        )
        for (record_id, record_format, pressing, original, labels, genres, styles, release,
             added_at) in rows
    ]  # fmt: skip


def _tracks(conn: Connection, scope: Scope, album_id: int) -> list[AlbumTrack]:
    rows = conn.exec_driver_sql(
        "SELECT t.id, t.title, ar.name, ar.id, t.track_number, t.duration, coalesce(s.plays, 0), "
        "s.last_played_at FROM track t JOIN artist ar ON ar.id = t.artist_id "
        f"LEFT {scope.join('stats_track', 's', 's.track_id = t.id')} WHERE t.album_id = ? "
        "ORDER BY t.track_number IS NULL, t.track_number, coalesce(s.plays, 0) DESC, t.key, t.id",
        (album_id,),
    )
    return [AlbumTrack(*row) for row in rows]


def _links(conn: Connection, album_id: int, records: list[OwnedRecord]) -> dict[str, str]:
    links = dict(
        conn.exec_driver_sql(
            "SELECT source, url FROM enrichment WHERE album_id = ? AND kind = 'link' "
            "ORDER BY source",
            (album_id,),
        )
        .tuples()
        .all()
    )
    discogs = _first(record.discogs_url for record in records)
    return {"discogs": discogs, **links} if discogs else links


def _description(conn: Connection, album_id: int, language: str) -> Description | None:
    row = conn.exec_driver_sql(
        "SELECT text, model, created_at FROM ai_text WHERE album_id = ? AND kind = ? "
        "AND language = ? ORDER BY created_at DESC, id DESC LIMIT 1",
        (album_id, AiTextKind.ALBUM_DESCRIPTION.value, text_language(language)),
    ).one_or_none()
    return Description(*row) if row else None


def _first_played_at(conn: Connection, clock: LocalTime, scope: Scope, album_id: int) -> int | None:
    """The first play: its day from the rollup, then that day's plays through the time index."""
    day = conn.exec_driver_sql(
        f"SELECT min(day) FROM {scope.table('stats_day_album')} WHERE album_id = ?", (album_id,)
    ).scalar()
    if day is None:
        return None
    first: int | None = conn.exec_driver_sql(
        "SELECT min(p.played_at) FROM play p JOIN track t ON t.id = p.track_id "
        "WHERE t.album_id = ? AND p.played_at >= ? AND p.played_at < ?" + scope.plays(),
        (album_id, *clock.day_range(day, day)),
    ).scalar()
    return first


def _first[T](values: Iterable[T | None]) -> T | None:
    return next((value for value in values if value is not None), None)


def _merged(lists: Iterable[list[str]]) -> list[str]:
    """Every name once, in the order the records give them."""
    return list(dict.fromkeys(name for names in lists for name in names))
