"""The figures of a range of local days, read from the rollups over one read connection.

``Stats`` (``queries.py``) and the pages built beside it (recap, range statistics, questions)
read through a ``FigureReader``: listening time, active days, streaks, new artists, the
heatmap and sessions, and the top lists it inherits from ``TopListReader``.
"""

from __future__ import annotations

from datetime import date, datetime
from functools import cached_property

from ..localtime import day_of_date
from .models import ListeningTime, PeriodFigures, PeriodSummary, SessionStats, Window
from .rollups import DEFAULT_PLAY_SECONDS
from .top_lists import RESOLVED, TopListReader


class FigureReader(TopListReader):
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
        first = self.conn.exec_driver_sql(
            f"SELECT min(day) FROM {self.scope.table('stats_day')}"
        ).scalar()
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
            longest_streak=longest_run(active)[0],
        )

    def window_days(self, window: Window, today: int) -> tuple[int, int]:
        first = window.first_day(today)
        return (self.first_day(today) if first is None else first), today

    def listening(self, first: int | None, last: int) -> ListeningTime:
        plays, seconds, estimated = self.conn.exec_driver_sql(
            "SELECT coalesce(sum(plays), 0), coalesce(sum(seconds), 0), "
            f"coalesce(sum(estimated), 0) FROM {self.scope.table('stats_day')} "
            "WHERE day BETWEEN ? AND ?",
            (first if first is not None else -(2**62), last),
        ).one()
        return ListeningTime(plays, seconds + estimated * self.typical, estimated)

    def total_plays(self) -> int:
        return int(
            self.conn.exec_driver_sql(
                f"SELECT coalesce(sum(plays), 0) FROM {self.scope.table('stats_day')}"
            ).scalar_one()
        )

    def active_days(self, first: int | None, last: int) -> list[int]:
        return list(
            self.conn.exec_driver_sql(
                f"SELECT day FROM {self.scope.table('stats_day')} "
                "WHERE day BETWEEN ? AND ? ORDER BY day",
                (first if first is not None else -(2**62), last),
            ).scalars()
        )

    def current_streak(self, today: int) -> int:
        expected, streak = today, 0
        result = self.conn.exec_driver_sql(
            f"SELECT day FROM {self.scope.table('stats_day')} WHERE day <= ? ORDER BY day DESC",
            (today,),
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
                f"SELECT count(*) FROM {self.scope.table('stats_artist')} "
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
            self.conn.exec_driver_sql(
                f"SELECT weekday, hour, plays FROM {self.scope.table('stats_week_hour')}"
            )
            if self.covers_all(first, last)
            else self.conn.exec_driver_sql(
                "SELECT (day + 3) % 7, hour, sum(plays) "
                f"FROM {self.scope.table('stats_day_hour')} "
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
            f"FROM {self.scope.table('stats_session')} WHERE start_at >= ? AND start_at < ?)",
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


def peak_index(values: list[int]) -> int | None:
    """Where the largest value is (the first of equals); ``None`` when all are zero."""
    best = max(values, default=0)
    return values.index(best) if best else None


def longest_run(days: list[int]) -> tuple[int, int, int]:
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


def percent_change(current: int, previous: int) -> float | None:
    """The change from ``previous`` to ``current`` in percent; ``None`` from nothing."""
    return round((current - previous) * 100 / previous, 1) if previous else None
