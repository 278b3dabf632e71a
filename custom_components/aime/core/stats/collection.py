"""The record collection against the listening history: figures and a paged listing.

A record counts as played when its album (same identity rules as plays: album artist and
title) has a play; several records of one album (two pressings) share its plays.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from typing import Any

from sqlalchemy import Connection

from ..localtime import LocalTime, day_of_date
from ..normalize import fold
from ..text import LIST_SEPARATOR, split_list
from .models import CollectionPage, CollectionRecord, CollectionSort, CollectionStats
from .page_models import CollectionFacets, Facet, Shelf
from .scope import EVERYONE, Scope

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
_YEAR = "coalesce(c.original_year, c.pressing_year)"
# CROSS JOIN: the records lead (a collection is smaller than the albums played); left to
# itself, SQLite walked every album looking for records (52 ms at 1,000,000 plays, none owned).
_FROM = (
    "FROM collection_item c CROSS JOIN album al ON al.id = c.album_id "
    "JOIN artist ar ON ar.id = al.artist_id LEFT {plays}"
)
_PLAYS = ("stats_album", "s", "s.album_id = c.album_id")  # Each record's plays, by scope.


def collection_stats(
    conn: Connection, clock: LocalTime, today: date, scope: Scope = EVERYONE
) -> CollectionStats:
    """Records by format, share played in the last 12 months, records never played (by
    ``scope``'s listeners).

    The last 12 months run from the day after the same date a year ago to today.
    """
    since = last_12_months_start(clock, today)
    records, played, never = conn.exec_driver_sql(
        "SELECT count(*), coalesce(sum(s.last_played_at >= ?), 0), "
        "coalesce(sum(s.album_id IS NULL), 0) FROM collection_item c "
        f"LEFT {scope.join(*_PLAYS)}",
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
    genre: str | None = None,
    style: str | None = None,
    decade: int | None = None,
    shelf: Shelf | None = None,
    year_start: int | None = None,
    scope: Scope = EVERYONE,
) -> CollectionPage:
    """One page of the collection, filtered by text (artist or title), format, genre, style,
    decade (1970: 1970-1979, by the original year, else the pressing's) and shelf.

    ``year_start`` (when the last 12 months began) is needed by the ``not_played_year`` shelf.
    """
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
    for column, name in (("genres", genre), ("styles", style)):
        if name is not None:  # One whole name of the list.
            clauses.append(f"instr(:sep || c.{column} || :sep, :sep || :{column} || :sep)")
            params |= {column: name, "sep": LIST_SEPARATOR}
    if decade is not None:
        clauses.append(f"{_YEAR} BETWEEN :decade AND :decade + 9")
        params["decade"] = decade - decade % 10
    if shelf is Shelf.NEVER_PLAYED:
        clauses.append("s.album_id IS NULL")
    elif shelf is Shelf.NOT_PLAYED_YEAR:
        if year_start is None:
            raise ValueError("the not_played_year shelf needs year_start")
        clauses.append("s.last_played_at < :year_start")
        params["year_start"] = year_start
    where = ("WHERE " + " AND ".join(clauses)) if clauses else ""
    source = _FROM.format(plays=scope.join(*_PLAYS))
    total = conn.exec_driver_sql(f"SELECT count(*) {source} {where}", params).scalar_one()
    direction = "DESC" if descending else "ASC"
    # Records without the sort value go last either way; then a stable order.
    order = (
        f"ORDER BY {_SORT_COLUMNS[sort]} IS NULL, {_SORT_COLUMNS[sort]} {direction}, "
        "ar.key, al.key, c.id"
    )
    rows = conn.exec_driver_sql(
        "SELECT c.id, c.album_id, ar.id, ar.name, al.title, c.format, "
        f"{_YEAR}, c.labels, c.genres, c.styles, c.cover_url, "
        f"c.added_at, coalesce(s.plays, 0), s.last_played_at {source} {where} {order} "
        "LIMIT :limit OFFSET :offset",
        params | {"limit": page_size, "offset": page * page_size},
    ).all()
    return CollectionPage(page, page_size, int(total), [CollectionRecord(*row) for row in rows])


def collection_facets(conn: Connection) -> CollectionFacets:
    """Formats, genres, styles and decades of the records, each with its number of records."""
    formats: Counter[str] = Counter()
    genres: Counter[str] = Counter()
    styles: Counter[str] = Counter()
    decades: Counter[str] = Counter()
    for record_format, genre_list, style_list, year in conn.exec_driver_sql(
        f"SELECT c.format, c.genres, c.styles, {_YEAR} FROM collection_item c"
    ):
        formats[record_format or UNKNOWN_FORMAT] += 1
        genres.update(set(split_list(genre_list)))
        styles.update(set(split_list(style_list)))
        if year is not None:
            decades[str(year - year % 10)] += 1
    return CollectionFacets(
        formats=_facets(formats),
        genres=_facets(genres),
        styles=_facets(styles),
        decades=sorted(_facets(decades), key=lambda facet: facet.value),
    )


def last_12_months_start(clock: LocalTime, today: date) -> int:
    """When the last 12 months began: the day after the same date a year ago."""
    return clock.day_start(day_of_date(_one_year_before(today) + timedelta(days=1)))


def _facets(counts: Counter[str]) -> list[Facet]:
    ranked = sorted(counts.items(), key=lambda item: (-item[1], item[0].casefold(), item[0]))
    return [Facet(value, records) for value, records in ranked]


def _one_year_before(day: date) -> date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # February 29th
        return day.replace(year=day.year - 1, day=28)
