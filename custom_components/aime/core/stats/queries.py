"""Listening statistics, every figure in the store's local time zone (see ``localtime.py``).

``Stats`` is what the Home Assistant layer calls (from the executor: every method blocks).
Each call reads one consistent snapshot. Figures come from the rollups (``rollups.py``):
a window costs a few rows per day, whatever the size of the history. Top lists come from
``top_lists.py``, the other figures from ``figure_reader.py``. Listening time adds, for each
play of unknown length, the mean duration of the plays whose duration is known.

Every figure takes ``listener``: a person's entity id for that person's plays alone (their
own rollups, see ``scope.py``), None for everyone's.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import date, datetime

from sqlalchemy import Connection

from ..localtime import LocalTime, date_of_day, day_of_date, weekday_of_day
from . import collection as collection_stats, journal
from .figure_reader import FigureReader, longest_run, peak_index, percent_change
from .models import (
    CollectionPage,
    CollectionSort,
    CollectionStats,
    Comparison,
    HistoryFilter,
    HistoryPage,
    JournalEntry,
    ListeningTime,
    MonthFigures,
    SensorFigures,
    Streaks,
    Timeline,
    Window,
    WindowStats,
)
from .page_models import CollectionFacets, Shelf
from .scope import Scope
from .track_windows import TrackWindows

SENSOR_TOP = 10

type Connect = Callable[[], AbstractContextManager[Connection]]


class Stats:
    """Read-only statistics over one store."""

    def __init__(self, connect: Connect) -> None:
        """``connect`` opens a read connection (one snapshot until it closes)."""
        self._connect = connect
        self._clocks: dict[str, LocalTime] = {}
        self._tracks = TrackWindows()

    def sensors(self, now: datetime, *, listener: str | None = None) -> SensorFigures:
        """Every sensor figure, together."""
        with self._reading(listener) as reader:
            today = reader.today(now)
            week = today - weekday_of_day(today)
            day = reader.listening(today, today)
            return SensorFigures(
                plays_today=day.plays,
                plays_this_week=reader.listening(week, today).plays,
                listening_seconds_today=day.seconds,
                estimated_plays_today=day.estimated_plays,
                total_plays=reader.total_plays(),
                top_artists_7d=reader.top_artists(today - 6, today, SENSOR_TOP)[1],
                top_albums_7d=reader.top_albums(today - 6, today, SENSOR_TOP)[1],
                current_streak=reader.current_streak(today),
                new_artists_30d=reader.new_artists(today - 29, today),
                last_play=journal.last_play(reader.conn, reader.clock, reader.scope),
                collection_size=reader.collection_size(),
            )

    def window(
        self, now: datetime, window: Window, top: int = 10, *, listener: str | None = None
    ) -> WindowStats:
        """Everything about one window ending today."""
        with self._reading(listener) as reader:
            first, last = reader.window_days(window, reader.today(now))
            figures = reader.figures(first, last, top, window.value)
            heatmap = figures.heatmap
            return WindowStats(
                window=window.value,
                first_day=date_of_day(first).isoformat(),
                last_day=date_of_day(last).isoformat(),
                new_artists=reader.new_artists(first, last),
                peak_hour=peak_index(
                    [sum(row[hour] for row in figures.heatmap) for hour in range(24)]
                ),
                peak_weekday=peak_index([sum(row) for row in heatmap]),
                **figures.as_fields(),
            )

    def periods(self, now: datetime, *, listener: str | None = None) -> dict[str, ListeningTime]:
        """Plays and listening time today, this week, this month, this year and in all."""
        with self._reading(listener) as reader:
            today = reader.today(now)
            return {
                window.value: reader.listening(*reader.window_days(window, today))
                for window in (Window.TODAY, Window.WEEK, Window.MONTH, Window.YEAR, Window.ALL)
            }

    def streaks(self, now: datetime, *, listener: str | None = None) -> Streaks:
        """Current and longest runs of days with plays."""
        with self._reading(listener) as reader:
            today = reader.today(now)
            longest, first, last = longest_run(reader.active_days(None, today))
            return Streaks(
                current=reader.current_streak(today),
                longest=longest,
                longest_first=date_of_day(first).isoformat() if longest else None,
                longest_last=date_of_day(last).isoformat() if longest else None,
            )

    def monthly_trend(
        self, now: datetime, months: int | None = 12, *, listener: str | None = None
    ) -> list[MonthFigures]:
        """Plays and listening time per local calendar month, oldest first, the current last.

        ``months=None`` goes back to the first month with a play.
        """
        with self._reading(listener) as reader:
            today = date_of_day(reader.today(now))
            if months is None:
                first_day = date_of_day(reader.first_day(reader.today(now)))
                months = (today.year - first_day.year) * 12 + today.month - first_day.month + 1
            index = today.year * 12 + today.month - 1 - (max(months, 1) - 1)
            start = date(index // 12, index % 12 + 1, 1)
            totals: dict[tuple[int, int], list[int]] = {}
            for year, month in _months(start, today):
                totals[year, month] = [0, 0, 0]
            for day, plays, seconds, estimated in reader.conn.exec_driver_sql(
                "SELECT day, plays, seconds, estimated "
                f"FROM {reader.scope.table('stats_day')} WHERE day BETWEEN ? AND ?",
                (day_of_date(start), day_of_date(today)),
            ):
                moment = date_of_day(day)
                total = totals[moment.year, moment.month]
                total[0] += plays
                total[1] += seconds
                total[2] += estimated
            return [
                MonthFigures(
                    f"{year:04d}-{month:02d}",
                    plays,
                    seconds + estimated * reader.typical,
                    estimated,
                )
                for (year, month), (plays, seconds, estimated) in totals.items()
            ]

    def compare(
        self,
        current: tuple[date, date],
        previous: tuple[date, date],
        top: int = 5,
        *,
        listener: str | None = None,
    ) -> Comparison:
        """Two periods (first and last local dates, inclusive) side by side."""
        with self._reading(listener) as reader:
            now, before = (reader.summary(*period, top) for period in (current, previous))
            return Comparison(
                current=now,
                previous=before,
                plays_change=percent_change(now.plays, before.plays),
                listening_change=percent_change(now.listening_seconds, before.listening_seconds),
                unique_artists_change=percent_change(now.unique_artists, before.unique_artists),
            )

    def history(
        self,
        filters: HistoryFilter | None = None,
        page: int = 0,
        page_size: int = 50,
        *,
        listener: str | None = None,
    ) -> HistoryPage:
        """The journal, newest first."""
        with self._reading(listener) as reader:
            return journal.history(
                reader.conn,
                reader.clock,
                filters or HistoryFilter(),
                (page, page_size),
                reader.scope,
            )

    def plays_at(self, times: list[int], *, listener: str | None = None) -> list[JournalEntry]:
        """The plays started at these UTC times (epoch seconds), oldest first."""
        with self._reading(listener) as reader:
            return journal.plays_at(reader.conn, reader.clock, times, reader.scope)

    def timeline(self, day: date, *, listener: str | None = None) -> Timeline:
        """One local day, hour by hour."""
        with self._reading(listener) as reader:
            return journal.timeline(reader.conn, reader.clock, day, reader.typical, reader.scope)

    def collection_stats(self, now: datetime, *, listener: str | None = None) -> CollectionStats:
        """The collection against the listening history."""
        with self._reading(listener) as reader:
            today = date_of_day(reader.today(now))
            return collection_stats.collection_stats(reader.conn, reader.clock, today, reader.scope)

    def collection_page(
        self,
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
        now: datetime | None = None,
        listener: str | None = None,
    ) -> CollectionPage:
        """One page of the collection listing; the ``not_played_year`` shelf needs ``now``."""
        with self._reading(listener) as reader:
            year_start = None
            if shelf is Shelf.NOT_PLAYED_YEAR:
                if now is None:
                    raise ValueError("the not_played_year shelf needs now")
                today = date_of_day(reader.today(now))
                year_start = collection_stats.last_12_months_start(reader.clock, today)
            return collection_stats.collection_page(
                reader.conn,
                page=page,
                page_size=page_size,
                text=text,
                record_format=record_format,
                sort=sort,
                descending=descending,
                genre=genre,
                style=style,
                decade=decade,
                shelf=shelf,
                year_start=year_start,
                scope=reader.scope,
            )

    def collection_facets(self) -> CollectionFacets:
        """What the collection listing can be filtered by."""
        with self._reading() as reader:
            return collection_stats.collection_facets(reader.conn)

    @contextmanager
    def _reading(self, listener: str | None = None) -> Iterator[FigureReader]:
        """One snapshot, counting ``listener``'s plays (a person's entity id), or everyone's."""
        with self._connect() as conn:
            zone = conn.exec_driver_sql("SELECT time_zone FROM stats_meta").scalar_one()
            clock = self._clocks.get(zone)
            if clock is None:
                clock = self._clocks[zone] = LocalTime(zone)
            yield FigureReader(conn, clock, self._tracks, Scope.of(conn, listener))


def _months(start: date, end: date) -> Iterable[tuple[int, int]]:
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
