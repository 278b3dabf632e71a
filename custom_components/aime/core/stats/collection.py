"""The record collection against the listening history: figures and a paged listing.

A record counts as played when its album (same identity rules as plays: album artist and
title) has a play; several records of one album (two pressings) share its plays.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection

from ..localtime import LocalTime, day_of_date
from ..normalize import fold
from .models import CollectionPage, CollectionRecord, CollectionSort, CollectionStats

MAX_PAGE_SIZE = 500
UNKNOWN_FORMAT = "unknown"

_SORT_COLUMNS = {
    CollectionSort.ARTIST: "ar.key",
    CollectionSort.TITLE: "al.key",
    CollectionSort.ADDED: "c.added_at",
    CollectionSort.YEAR: "coalesce(c.original_year, c.pressing_year)",
    CollectionSort.PLAYS: "coalesce(s.plays, 0)",
    CollectionSort.LAST_PLAYED: "s.last_played_at",
}
_FROM = (
    "FROM collection_item c JOIN album al ON al.id = c.album_id "
    "JOIN artist ar ON ar.id = al.artist_id LEFT JOIN stats_album s ON s.album_id = c.album_id"
)


def collection_stats(conn: Connection, clock: LocalTime, today: date) -> CollectionStats:
    """Records by format, share played in the last 12 months, records never played.

    The last 12 months run from the day after the same date a year ago to today.
    """
    year_ago = _one_year_before(today) + timedelta(days=1)
    since = clock.day_start(day_of_date(year_ago))
    records, played, never = conn.exec_driver_sql(
        "SELECT count(*), coalesce(sum(s.last_played_at >= ?), 0), "
        "coalesce(sum(s.album_id IS NULL), 0) FROM collection_item c "
        "LEFT JOIN stats_album s ON s.album_id = c.album_id",
        (since,),
    ).one()
    by_format = {
        name or UNKNOWN_FORMAT: count
        for name, count in conn.exec_driver_sql(
            "SELECT format, count(*) FROM collection_item GROUP BY format ORDER BY 2 DESC, 1"
        )
    }
    share = played / records if records else 0.0
    return CollectionStats(records, by_format, played, round(share, 4), never)


def collection_page(
    conn: Connection,
    *,
    page: int = 0,
    page_size: int = 50,
    text: str | None = None,
    record_format: str | None = None,
    sort: CollectionSort = CollectionSort.ARTIST,
    descending: bool = False,
) -> CollectionPage:
    """One page of the collection, filtered by text (artist or title) and format."""
    page, page_size = max(page, 0), min(max(page_size, 1), MAX_PAGE_SIZE)
    clauses: list[str] = []
    params: dict[str, Any] = {}
    if text:
        escaped = fold(text).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        clauses.append("(ar.key LIKE :text ESCAPE '\\' OR al.key LIKE :text ESCAPE '\\')")
        params["text"] = f"%{escaped}%"
    if record_format is not None:
        clauses.append("coalesce(c.format, :unknown) = :format")
        params |= {"format": record_format, "unknown": UNKNOWN_FORMAT}
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    total = conn.exec_driver_sql(f"SELECT count(*) {_FROM} {where}", params).scalar_one()
    direction = "DESC" if descending else "ASC"
    # Records without the sort value go last either way; then a stable order.
    order = (
        f"ORDER BY {_SORT_COLUMNS[sort]} IS NULL, {_SORT_COLUMNS[sort]} {direction}, "
        "ar.key, al.key, c.id"
    )
    rows = conn.exec_driver_sql(
        "SELECT c.id, c.album_id, ar.name, al.title, c.format, "
        "coalesce(c.original_year, c.pressing_year), c.labels, c.genres, c.styles, c.cover_url, "
        f"c.added_at, coalesce(s.plays, 0), s.last_played_at {_FROM} {where} {order} "
        "LIMIT :limit OFFSET :offset",
        params | {"limit": page_size, "offset": page * page_size},
    ).all()
    return CollectionPage(page, page_size, int(total), [CollectionRecord(*row) for row in rows])


def _one_year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # February 29th
        return day.replace(year=day.year - 1, day=28)
