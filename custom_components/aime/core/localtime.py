"""Local calendar arithmetic in the user's time zone, DST-correct.

A *day* is a local calendar date numbered as days since 1970-01-01; it starts at local
midnight, so DST days last 23 or 25 hours. A play belongs to the day whose span contains
its start. Days are defined by their starting instants, so every UTC second belongs to
exactly one day even in zones whose clocks fall back across midnight.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, datetime, time, timedelta
from itertools import repeat
from operator import add, floordiv
from zoneinfo import ZoneInfo

EPOCH_ORDINAL = date(1970, 1, 1).toordinal()
_DAY = 86_400
_HOUR = 3_600
_OFFSET_CACHE_LIMIT = 400_000  # UTC hours: ~45 years of history.


def day_of_date(value: date) -> int:
    """The day number of a calendar date."""
    return value.toordinal() - EPOCH_ORDINAL


def date_of_day(day: int) -> date:
    """The calendar date of a day number."""
    return date.fromordinal(day + EPOCH_ORDINAL)


def weekday_of_day(day: int) -> int:
    """Monday 0 ... Sunday 6 (1970-01-01 was a Thursday)."""
    return (day + 3) % 7


class LocalTime:
    """Maps UTC epoch seconds to local days and clock hours in one zone, and back.

    Offsets are cached per UTC hour; the few hours holding a transition (or a
    midnight-crossing fall-back) take the exact, slower path.
    """

    def __init__(self, name: str) -> None:
        """Raise ``ZoneInfoNotFoundError`` (a ``KeyError``) for an unknown zone."""
        self.name = name
        self.zone = ZoneInfo(name)
        self._offsets: dict[int, int] = {}
        self._irregular: set[int] = set()  # Hours that take the exact path.
        self._day_starts: dict[int, int] = {}

    def local_seconds(self, timestamps: Sequence[int]) -> list[int]:
        """``day * 86400 + seconds since that day's local midnight (wall clock)`` per time."""
        hours = list(map(floordiv, timestamps, repeat(_HOUR)))
        offsets = list(map(self._offsets.get, hours))
        if None in offsets:  # Hours seen for the first time: learn them, then look again.
            for hour in {
                hour for hour, offset in zip(hours, offsets, strict=True) if offset is None
            }:
                if hour not in self._irregular:
                    self._learn(hour)
            offsets = list(map(self._offsets.get, hours))
            if None in offsets:  # An hour holding a transition: the exact path.
                return [
                    at + offset if offset is not None else self._exact_local(at)
                    for at, offset in zip(timestamps, offsets, strict=True)
                ]
        return list(map(add, timestamps, offsets))

    def day(self, at: int) -> int:
        """The local day ``at`` falls in."""
        return self.local_seconds([at])[0] // _DAY

    def day_start(self, day: int) -> int:
        """The UTC epoch second at which local ``day`` begins."""
        start = self._day_starts.get(day)
        if start is None:
            # fold=0 puts a midnight that does not exist at the end of the gap, i.e. the
            # first instant of the day, and an ambiguous one at its first occurrence.
            midnight = datetime.combine(date_of_day(day), time(0), self.zone)
            start = self._day_starts[day] = int(midnight.timestamp())
        return start

    def day_range(self, first: int, last: int) -> tuple[int, int]:
        """UTC [start, end) of the local days ``first`` to ``last`` inclusive."""
        return self.day_start(first), self.day_start(last + 1)

    def today(self, now: datetime) -> int:
        """The local day of an aware ``now``."""
        return self.day(int(now.timestamp()))

    def to_local(self, at: int) -> datetime:
        """An aware local datetime for a UTC epoch second."""
        return datetime.fromtimestamp(at, self.zone)

    def _learn(self, hour: int) -> None:
        """Cache the offset of a UTC hour, unless a transition or a day boundary breaks it."""
        first = hour * _HOUR
        offset = self._offset(first)
        if offset == self._offset(first + _HOUR - 1) and self._regular(first, offset):
            if len(self._offsets) >= _OFFSET_CACHE_LIMIT:
                self._offsets.clear()
            self._offsets[hour] = offset
        else:
            self._irregular.add(hour)

    def _exact_local(self, at: int) -> int:
        """Classify by day starts; keep the wall-clock time of day."""
        wall = at + self._offset(at)
        day = wall // _DAY
        if at >= self.day_start(day + 1):
            day += 1
        elif at < self.day_start(day):
            day -= 1
        return day * _DAY + wall % _DAY

    def _regular(self, first: int, offset: int) -> bool:
        """Whether the hour from ``first`` lies inside the day its wall-clock date names."""
        day = (first + offset) // _DAY
        last_day = (first + _HOUR - 1 + offset) // _DAY
        crossing_ok = day == last_day or self.day_start(last_day) == last_day * _DAY - offset
        return (
            crossing_ok
            and self.day_start(day) <= first
            and first + _HOUR <= self.day_start(last_day + 1)
        )

    def _offset(self, at: int) -> int:
        offset = datetime.fromtimestamp(at, self.zone).utcoffset() or timedelta()
        return int(offset.total_seconds())
