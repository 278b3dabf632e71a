"""Plays and listened seconds per UTC hour, with running totals, for long-term statistics.

Home Assistant keeps hourly statistics at UTC hour starts and builds days, weeks and months
in the home time zone from them, so UTC hours are all it needs. A play counts for what it
was listened to (Roon), else its track's duration, else ``unknown_length``: the mean length
the statistics sensors price unknown lengths at, fixed for one read so that the running
totals of one read agree with each other.

The running totals include every play before the first hour read, so an incremental read
continues the totals an earlier read sent; the daily rollups give them without reading every
earlier play.
"""

from __future__ import annotations

from collections.abc import Callable
from contextlib import AbstractContextManager
from dataclasses import dataclass
from typing import NamedTuple

from sqlalchemy import Connection

from ..localtime import LocalTime
from .rollups import DEFAULT_PLAY_SECONDS

HOUR = 3_600

type Connect = Callable[[], AbstractContextManager[Connection]]

_LENGTH = "coalesce(p.seconds_listened, t.duration, ?)"
# Whole local days come from the daily rollups (a few thousand rows, not every play).
_DAYS_BEFORE = (
    "SELECT coalesce(sum(plays), 0), coalesce(sum(seconds), 0), coalesce(sum(estimated), 0) "
    "FROM stats_day WHERE day < ?"
)
_PLAYS_BETWEEN = (
    f"SELECT count(*), coalesce(sum({_LENGTH}), 0) FROM play p "
    "JOIN track t ON t.id = p.track_id WHERE p.played_at >= ? AND p.played_at < ?"
)
_HOURS = (
    f"SELECT p.played_at / {HOUR} AS hour, count(*), sum({_LENGTH}) FROM play p "
    "JOIN track t ON t.id = p.track_id WHERE p.played_at >= ? GROUP BY hour ORDER BY hour"
)


class HourTotals(NamedTuple):
    """One hour with plays: its own figures and the running totals through its end."""

    start: int  # UTC epoch second of the hour's start
    plays: int
    seconds: int
    plays_sum: int
    seconds_sum: int


@dataclass(frozen=True, slots=True)
class HourlyRead:
    """Hours from ``first_hour`` on, read in one snapshot of the store."""

    first_hour: int  # UTC epoch second: every hour with plays from here on is in ``hours``
    hours: list[HourTotals]
    newest_play_id: int  # Plays with a higher id were added after this read.
    unknown_length: int


class HourlyStats:
    """Hourly reads over one store; its methods block like the store's."""

    def __init__(self, connect: Connect) -> None:
        """``connect`` opens a read connection (one snapshot until it closes)."""
        self._connect = connect

    def hours(self, since: int, *, after_play_id: int | None = None) -> HourlyRead:
        """Every hour with plays from the hour holding ``since`` on.

        With ``after_play_id``, reading starts earlier when a play added after that id (an
        imported past play) lies earlier: every hour whose running totals it changed is read.
        """
        with self._connect() as conn:
            newest = conn.exec_driver_sql("SELECT coalesce(max(id), 0) FROM play").scalar_one()
            if after_play_id is not None:
                # By id range: the played_at index would be walked whole for nothing new.
                earliest = conn.exec_driver_sql(
                    "SELECT min(played_at) FROM play NOT INDEXED WHERE id > ?", (after_play_id,)
                ).scalar()
                if earliest is not None:
                    since = min(since, earliest)
            first = since // HOUR * HOUR
            unknown = unknown_length(conn)
            plays_sum, seconds_sum = _before(conn, first, unknown)
            hours: list[HourTotals] = []
            for hour, plays, seconds in conn.exec_driver_sql(_HOURS, (unknown, first)):
                plays_sum += plays
                seconds_sum += seconds
                hours.append(HourTotals(hour * HOUR, plays, seconds, plays_sum, seconds_sum))
        return HourlyRead(first, hours, newest, unknown)

    def totals_before(self, end: int) -> tuple[int, int]:
        """Plays and listened seconds of every play before ``end`` (UTC epoch second)."""
        with self._connect() as conn:
            return _before(conn, end, unknown_length(conn))


def unknown_length(conn: Connection) -> int:
    """Seconds a play of unknown length counts for: the mean of the known lengths."""
    plays, seconds = conn.exec_driver_sql(
        "SELECT priced_plays, priced_seconds FROM stats_meta"
    ).one()
    return round(seconds / plays) if plays else DEFAULT_PLAY_SECONDS


def _before(conn: Connection, end: int, unknown: int) -> tuple[int, int]:
    """Totals of the plays before ``end``: the rollups' local days before its day, then the
    plays of its day up to ``end``."""
    if end <= 0:
        return 0, 0
    zone = conn.exec_driver_sql("SELECT time_zone FROM stats_meta").scalar_one()
    clock = LocalTime(zone)
    day = clock.day(end)
    plays, seconds, estimated = conn.exec_driver_sql(_DAYS_BEFORE, (day,)).one()
    day_plays, day_seconds = conn.exec_driver_sql(
        _PLAYS_BETWEEN, (unknown, clock.day_start(day), end)
    ).one()
    return int(plays + day_plays), int(seconds + estimated * unknown + day_seconds)
