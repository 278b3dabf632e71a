"""Listening statistics, every figure in the store's local time zone (see ``localtime.py``).

``Stats`` is what the Home Assistant layer calls (from the executor: every method blocks).
Each call reads one consistent snapshot. Figures come from the rollups (``rollups.py``):
a window costs a few rows per day, whatever the size of the history. Top lists come from
``top_lists.py``. Listening time adds, for each play of unknown length, the mean duration of
the plays whose duration is known.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import AbstractContextManager, contextmanager
from datetime import date, datetime
from functools import cached_property

from sqlalchemy import Connection

from ..localtime import LocalTime, date_of_day, day_of_date, weekday_of_day
from . import collection as collection_stats, journal
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
    PeriodFigures,
    PeriodSummary,
    SensorFigures,
    SessionStats,
    Streaks,
    Timeline,
    Window,
    WindowStats,
)
from .page_models import CollectionFacets, Shelf
from .rollups import DEFAULT_PLAY_SECONDS
from .top_lists import RESOLVED, TopListReader
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

    def sensors(self, now: datetime) -> SensorFigures:
        """Every sensor figure, together."""
        with self._reading() as reader:
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
                last_play=journal.last_play(reader.conn, reader.clock),
                collection_size=reader.collection_size(),
            )

    def window(self, now: datetime, window: Window, top: int = 10) -> WindowStats:
        """Everything about one window ending today."""
        with self._reading() as reader:
            first, last = reader.window_days(window, reader.today(now))
            figures = reader.figures(first, last, top, window.value)
            return WindowStats(
                window=window.value,
                first_day=date_of_day(first).isoformat(),
                last_day=date_of_day(last).isoformat(),
                new_artists=reader.new_artists(first, last),
                peak_hour=_peak([sum(row[hour] for row in figures.heatmap) for hour in range(24)]),
                peak_weekday=_peak([sum(row) for row in figures.heatmap]),
                **figures.as_fields(),
            )

    def periods(self, now: datetime) -> dict[str, ListeningTime]:
        """Plays and listening time today, this week, this month, this year and in all."""
        with self._reading() as reader:
            today = reader.today(now)
            return {
                window.value: reader.listening(*reader.window_days(window, today))
                for window in (Window.TODAY, Window.WEEK, Window.MONTH, Window.YEAR, Window.ALL)
            }

    def streaks(self, now: datetime) -> Streaks:
        """Current and longest runs of days with plays."""
        with self._reading() as reader:
            today = reader.today(now)
            longest, first, last = _longest_run(reader.active_days(None, today))
            return Streaks(
                current=reader.current_streak(today),
                longest=longest,
                longest_first=date_of_day(first).isoformat() if longest else None,
                longest_last=date_of_day(last).isoformat() if longest else None,
            )

    def monthly_trend(self, now: datetime, months: int | None = 12) -> list[MonthFigures]:
        """Plays and listening time per local calendar month, oldest first, the current last.

        ``months=None`` goes back to the first month with a play.
        """
        with self._reading() as reader:
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
                "SELECT day, plays, seconds, estimated FROM stats_day WHERE day BETWEEN ? AND ?",
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
        self, current: tuple[date, date], previous: tuple[date, date], top: int = 5
    ) -> Comparison:
        """Two periods (first and last local dates, inclusive) side by side."""
        with self._reading() as reader:
            now, before = (reader.summary(*period, top) for period in (current, previous))
            return Comparison(
                current=now,
                previous=before,
                plays_change=_change(now.plays, before.plays),
                listening_change=_change(now.listening_seconds, before.listening_seconds),
                unique_artists_change=_change(now.unique_artists, before.unique_artists),
            )

    def history(
        self, filters: HistoryFilter | None = None, page: int = 0, page_size: int = 50
    ) -> HistoryPage:
        """The journal, newest first."""
        with self._reading() as reader:
            return journal.history(
                reader.conn, reader.clock, filters or HistoryFilter(), page, page_size
            )

    def plays_at(self, times: list[int]) -> list[JournalEntry]:
        """The plays started at these UTC times (epoch seconds), oldest first."""
        with self._reading() as reader:
            return journal.plays_at(reader.conn, reader.clock, times)

    def timeline(self, day: date) -> Timeline:
        """One local day, hour by hour."""
        with self._reading() as reader:
            return journal.timeline(reader.conn, reader.clock, day, reader.typical)

    def collection_stats(self, now: datetime) -> CollectionStats:
        """The collection against the listening history."""
        with self._reading() as reader:
            today = date_of_day(reader.today(now))
            return collection_stats.collection_stats(reader.conn, reader.clock, today)

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
    ) -> CollectionPage:
        """One page of the collection listing; the ``not_played_year`` shelf needs ``now``."""
        with self._reading() as reader:
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
            )

    def collection_facets(self) -> CollectionFacets:
        """What the collection listing can be filtered by."""
        with self._reading() as reader:
            return collection_stats.collection_facets(reader.conn)

    @contextmanager
    def _reading(self) -> Iterator[_Reader]:
        with self._connect() as conn:
            zone = conn.exec_driver_sql("SELECT time_zone FROM stats_meta").scalar_one()
            clock = self._clocks.get(zone)
            if clock is None:
                clock = self._clocks[zone] = LocalTime(zone)
            yield _Reader(conn, clock, self._tracks)


class _Reader(TopListReader):
    """The figures, over one read connection (the top lists come from ``TopListReader``)."""

    def today(self, now: datetime) -> int:
        if now.tzinfo is None or now.utcoffset() is None:
            raise ValueError("now must be an aware datetime")
        return self.clock.today(now)

    @cached_property
    def typical(self) -> int:
        """Seconds assumed for a play of unknown length."""
        plays, seconds = self.conn.exec_driver_sql(
            "SELECT priced_plays, priced_seconds FROM stats_meta"
        ).one()
        return round(seconds / plays) if plays else DEFAULT_PLAY_SECONDS

    def first_day(self, today: int) -> int:
        """The first day with a play (today when there is none)."""
        first = self.conn.exec_driver_sql("SELECT min(day) FROM stats_day").scalar()
        return min(first, today) if first is not None else today

    def figures(self, first: int, last: int, top: int, track_key: str) -> PeriodFigures:
        """The figures of days ``first`` to ``last`` (none when ``first > last``).

        ``track_key`` names the per-track counts to cache (see ``TrackWindows``).
        """
        listening = self.listening(first, last)
        artists, top_artists = self.top_artists(first, last, top)
        albums, top_albums = self.top_albums(first, last, top)
        tracks, top_tracks = self.top_tracks(first, last, top, track_key)
        active = self.active_days(first, last)
        return PeriodFigures(
            plays=listening.plays,
            listening_seconds=listening.seconds,
            estimated_plays=listening.estimated_plays,
            active_days=len(active),
            unique_artists=artists,
            unique_albums=albums,
            unique_tracks=tracks,
            top_artists=top_artists,
            top_albums=top_albums,
            top_tracks=top_tracks,
            heatmap=self.heatmap(first, last),
            sessions=self.sessions(first, last) if first <= last else SessionStats(0, 0, 0, None),
            longest_streak=_longest_run(active)[0],
        )

    def window_days(self, window: Window, today: int) -> tuple[int, int]:
        moment = date_of_day(today)
        starts = {
            Window.TODAY: today,
            Window.WEEK: today - weekday_of_day(today),
            Window.MONTH: day_of_date(moment.replace(day=1)),
            Window.YEAR: day_of_date(moment.replace(month=1, day=1)),
            Window.DAYS_7: today - 6,
            Window.DAYS_30: today - 29,
            Window.DAYS_365: today - 364,
        }
        first = starts.get(window)
        return (self.first_day(today) if first is None else first), today

    def listening(self, first: int | None, last: int) -> ListeningTime:
        plays, seconds, estimated = self.conn.exec_driver_sql(
            "SELECT coalesce(sum(plays), 0), coalesce(sum(seconds), 0), "
            "coalesce(sum(estimated), 0) FROM stats_day WHERE day BETWEEN ? AND ?",
            (first if first is not None else -(2**62), last),
        ).one()
        return ListeningTime(plays, seconds + estimated * self.typical, estimated)

    def total_plays(self) -> int:
        return int(
            self.conn.exec_driver_sql("SELECT coalesce(sum(plays), 0) FROM stats_day").scalar_one()
        )

    def active_days(self, first: int | None, last: int) -> list[int]:
        return list(
            self.conn.exec_driver_sql(
                "SELECT day FROM stats_day WHERE day BETWEEN ? AND ? ORDER BY day",
                (first if first is not None else -(2**62), last),
            ).scalars()
        )

    def current_streak(self, today: int) -> int:
        expected, streak = today, 0
        result = self.conn.exec_driver_sql(
            "SELECT day FROM stats_day WHERE day <= ? ORDER BY day DESC", (today,)
        )
        for day in result.scalars():
            if day == today - 1 and streak == 0:
                expected = day  # No play yet today: yesterday's streak is still alive.
            if day != expected:
                break
            streak += 1
            expected -= 1
        result.close()
        return streak

    def new_artists(self, first: int, last: int) -> int:
        start, end = self.clock.day_range(first, last)
        return int(
            self.conn.exec_driver_sql(
                "SELECT count(*) FROM stats_artist "
                "WHERE first_played_at >= ? AND first_played_at < ?" + RESOLVED["artist"],
                (start, end),
            ).scalar_one()
        )

    def collection_size(self) -> int:
        return int(self.conn.exec_driver_sql("SELECT count(*) FROM collection_item").scalar_one())

    # --- shapes of listening --------------------------------------------------------------

    def heatmap(self, first: int, last: int) -> list[list[int]]:
        grid = [[0] * 24 for _ in range(7)]
        rows = (
            self.conn.exec_driver_sql("SELECT weekday, hour, plays FROM stats_week_hour")
            if self.covers_all(first, last)
            else self.conn.exec_driver_sql(
                "SELECT (day + 3) % 7, hour, sum(plays) FROM stats_day_hour "
                "WHERE day BETWEEN ? AND ? GROUP BY 1, 2",
                (first, last),
            )
        )
        for weekday, hour, plays in rows:
            grid[weekday][hour] = plays
        return grid

    def sessions(self, first: int, last: int) -> SessionStats:
        start, end = self.clock.day_range(first, last)
        # SQLite takes the bare start_at from the row holding the max().
        count, total, longest, longest_start = self.conn.exec_driver_sql(
            "SELECT count(*), coalesce(sum(length), 0), coalesce(max(length), 0), start_at FROM "
            "(SELECT start_at, last_at - start_at + coalesce(last_seconds, ?) AS length "
            "FROM stats_session WHERE start_at >= ? AND start_at < ?)",
            (self.typical, start, end),
        ).one()
        return SessionStats(
            count=count,
            average_seconds=round(total / count) if count else 0,
            longest_seconds=longest,
            longest_start=self.clock.to_local(longest_start).isoformat() if count else None,
        )

    def summary(self, first_date: date, last_date: date, top: int) -> PeriodSummary:
        first, last = day_of_date(first_date), day_of_date(last_date)
        listening = self.listening(first, last)
        artists, top_artists = self.top_artists(first, last, top)
        return PeriodSummary(
            first_day=first_date.isoformat(),
            last_day=last_date.isoformat(),
            plays=listening.plays,
            listening_seconds=listening.seconds,
            estimated_plays=listening.estimated_plays,
            unique_artists=artists,
            top_artists=top_artists,
        )


def _peak(values: list[int]) -> int | None:
    best = max(values, default=0)
    return values.index(best) if best else None


def _longest_run(days: list[int]) -> tuple[int, int, int]:
    """Length, first and last day of the longest run of consecutive days (the earliest)."""
    best = (0, 0, 0)
    run_start = previous = None
    for day in days:
        if previous is None or day != previous + 1:
            run_start = day
        previous = day
        assert run_start is not None
        if day - run_start + 1 > best[0]:
            best = (day - run_start + 1, run_start, day)
    return best


def _months(start: date, end: date) -> Iterable[tuple[int, int]]:
    year, month = start.year, start.month
    while (year, month) <= (end.year, end.month):
        yield year, month
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def _change(current: int, previous: int) -> float | None:
    return round((current - previous) * 100 / previous, 1) if previous else None
