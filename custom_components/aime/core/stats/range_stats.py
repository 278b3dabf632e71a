"""Statistics of any range of local days, for the panel's ``aime/range``.

Built from the same rollups as the named windows (``queries.py``): a range of ten years
reads a few rows per day, plus the owned albums' genres and the artists first heard in it.
"""

from __future__ import annotations

from collections import Counter
from datetime import date

from ..localtime import date_of_day, day_of_date, weekday_of_day
from ..text import split_list
from .figure_reader import FigureReader
from .page_models import Genre, Granularity, NewArtist, RangeStats, SeriesPoint
from .queries import Stats
from .top_lists import RESOLVED

_TRACK_WINDOW_KEY = "range"  # One cached per-track count, reused while a range is browsed.
MAX_NEW_ARTISTS = 500
MAX_SERIES_POINTS = 4000  # Beyond, the series is cut coarser (days, then weeks, then months).


def range_stats(
    stats: Stats,
    today: date,
    first_day: date | None,
    last_day: date | None,
    *,
    top: int = 10,
    granularity: Granularity = Granularity.MONTH,
    listener: str | None = None,
) -> RangeStats:
    """``first_day`` omitted: since the first play; ``last_day`` omitted: ``today``.

    ``listener``: a person's entity id for that person's plays alone, None for everyone's.
    """
    with stats._reading(listener) as reader:  # One snapshot; the reader is this package's own.
        last = day_of_date(last_day or today)
        first = day_of_date(first_day) if first_day else reader.first_day(last)
        return RangeStats(
            first_day=date_of_day(first).isoformat(),
            last_day=date_of_day(last).isoformat(),
            granularity=(granularity := _fitting(first, last, granularity)).value,
            top_genres=_top_genres(reader, first, last, top),
            new_artists=_new_artists(reader, first, last),
            series=_series(reader, first, last, granularity),
            **reader.figures(first, last, top, _TRACK_WINDOW_KEY).as_fields(),
        )


def _top_genres(reader: FigureReader, first: int, last: int, top: int) -> list[Genre]:
    """Plays of owned albums by their records' genres (an album counts once per genre)."""
    genres: Counter[str] = Counter()
    per_album = (  # The whole history: from the per-album totals, not every day's rows.
        f"SELECT album_id, plays FROM {reader.scope.table('stats_album')} "
        "WHERE ? <= ? AND album_id IN "
        if reader.covers_all(first, last)
        else "SELECT album_id, sum(plays) AS plays "
        f"FROM {reader.scope.table('stats_day_album')} "
        "WHERE day BETWEEN ? AND ? AND album_id IN "
    )
    rows = reader.conn.exec_driver_sql(
        "SELECT a.plays, (SELECT group_concat(c.genres, '; ') FROM collection_item c "
        f"WHERE c.album_id = a.album_id) FROM ({per_album}"
        "(SELECT album_id FROM collection_item WHERE genres IS NOT NULL) GROUP BY album_id) a",
        (first, last),
    )
    for plays, names in rows:
        for name in set(split_list(names)):
            genres[name] += plays
    ranked = sorted(genres.items(), key=lambda item: (-item[1], item[0].casefold(), item[0]))
    return [Genre(name, plays) for name, plays in ranked[:top]]


def _new_artists(reader: FigureReader, first: int, last: int) -> list[NewArtist]:
    start, end = reader.clock.day_range(first, last)
    rows = reader.conn.exec_driver_sql(
        "SELECT s.artist_id, ar.name, s.first_played_at "
        f"FROM {reader.scope.table('stats_artist')} s "
        "JOIN artist ar ON ar.id = s.artist_id "
        "WHERE s.first_played_at >= ? AND s.first_played_at < ?"
        + RESOLVED["artist"]
        + " ORDER BY s.first_played_at, s.artist_id LIMIT ?",
        (start, end, MAX_NEW_ARTISTS),
    )
    return [
        NewArtist(artist_id, name, reader.clock.to_local(at).isoformat())
        for artist_id, name, at in rows
    ]


def _series(
    reader: FigureReader, first: int, last: int, granularity: Granularity
) -> list[SeriesPoint]:
    """One point per day, week (from Monday) or month of the range, empty ones included."""
    starts = _cut_starts(first, last, granularity)
    index = {start: position for position, start in enumerate(starts)}
    totals = [[0, 0, 0] for _ in starts]
    rows = reader.conn.exec_driver_sql(
        "SELECT day, plays, seconds, estimated "
        f"FROM {reader.scope.table('stats_day')} WHERE day BETWEEN ? AND ?",
        (first, last),
    )
    for day, plays, seconds, estimated in rows:
        total = totals[index[max(_cut_start(day, granularity), first)]]
        total[0] += plays
        total[1] += seconds
        total[2] += estimated
    return [
        SeriesPoint(date_of_day(start).isoformat(), plays, seconds + estimated * reader.typical)
        for start, (plays, seconds, estimated) in zip(starts, totals, strict=True)
    ]


def _fitting(first: int, last: int, granularity: Granularity) -> Granularity:
    order = list(Granularity)
    for coarser in order[order.index(granularity) :]:
        if (
            coarser is Granularity.MONTH
            or (last - first) // (7 if coarser is Granularity.WEEK else 1) < MAX_SERIES_POINTS
        ):
            return coarser
    return Granularity.MONTH


def _cut_starts(first: int, last: int, granularity: Granularity) -> list[int]:
    starts: list[int] = []
    day = first
    while day <= last:
        starts.append(day)
        day = _next_cut(day, granularity)
    return starts


def _cut_start(day: int, granularity: Granularity) -> int:
    if granularity is Granularity.DAY:
        return day
    if granularity is Granularity.WEEK:
        return day - weekday_of_day(day)
    return day_of_date(date_of_day(day).replace(day=1))


def _next_cut(day: int, granularity: Granularity) -> int:
    if granularity is Granularity.DAY:
        return day + 1
    if granularity is Granularity.WEEK:
        return day - weekday_of_day(day) + 7
    moment = date_of_day(day)
    year, month = (moment.year + 1, 1) if moment.month == 12 else (moment.year, moment.month + 1)
    return day_of_date(date(year, month, 1))
