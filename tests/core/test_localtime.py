"""Local days and hours in zones with DST, half-hour offsets and midnight transitions."""

from __future__ import annotations

from datetime import date, datetime
import random
from zoneinfo import ZoneInfo

import pytest

from custom_components.aime.core.localtime import (
    LocalTime,
    date_of_day,
    day_of_date,
    weekday_of_day,
)

ZONES = [
    "Europe/Paris",
    "America/Sao_Paulo",  # DST began at midnight until 2019
    "America/Asuncion",  # DST ends at midnight
    "Asia/Kolkata",  # +05:30
    "Australia/Lord_Howe",  # DST moves the clock by 30 minutes
    "Pacific/Chatham",  # +12:45 / +13:45
    "UTC",
]


@pytest.mark.parametrize("zone", ZONES)
def test_days_and_hours_match_the_wall_clock(zone: str) -> None:
    """Every time falls in the day whose span holds it, at its wall-clock hour and minute."""
    clock = LocalTime(zone)
    rng = random.Random(zone)
    times = [rng.randrange(946_684_800, 1_767_225_600) for _ in range(5000)]
    times += range(1_509_235_200, 1_509_321_600, 300)  # Around several 2017 transitions.
    times += range(1_554_000_000, 1_554_200_000, 300)
    times += range(1_570_280_000, 1_570_300_000, 60)  # Lord Howe, 2019-10-05T15:30Z: mid-hour
    for at, local in zip(times, clock.local_seconds(times), strict=True):
        day = local // 86_400
        assert clock.day_start(day) <= at < clock.day_start(day + 1)
        wall = datetime.fromtimestamp(at, ZoneInfo(zone))
        assert divmod(local % 86_400, 60)[0] == wall.hour * 60 + wall.minute
    # Asked again, the cached offsets give the same answers.
    assert clock.local_seconds(times) == clock.local_seconds(list(times))


def test_day_numbers_and_weekdays() -> None:
    """Days count from 1970-01-01, a Thursday; weekdays count from Monday."""
    assert day_of_date(date(1970, 1, 1)) == 0
    assert date_of_day(day_of_date(date(2024, 2, 29))) == date(2024, 2, 29)
    assert weekday_of_day(0) == 3
    assert weekday_of_day(day_of_date(date(2024, 10, 28))) == 0  # a Monday


def test_dst_days_last_23_and_25_hours() -> None:
    """Day spans follow the clock changes."""
    paris = LocalTime("Europe/Paris")
    spring, autumn = day_of_date(date(2024, 3, 31)), day_of_date(date(2024, 10, 27))
    assert paris.day_start(spring + 1) - paris.day_start(spring) == 23 * 3600
    assert paris.day_start(autumn + 1) - paris.day_start(autumn) == 25 * 3600
    assert paris.to_local(paris.day_start(autumn)).isoformat() == "2024-10-27T00:00:00+02:00"
