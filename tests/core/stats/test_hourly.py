"""Plays and listened seconds per UTC hour equal a naive recount of the plays."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
import random

import pytest

from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.stats.hourly import HOUR, HourTotals
from custom_components.aime.core.stats.rollups import DEFAULT_PLAY_SECONDS
from custom_components.aime.core.store.store import Store

START = int(datetime(2023, 1, 1, tzinfo=UTC).timestamp())
SPAN = 2 * 365 * 86_400


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    store = Store.open(tmp_path / "aime.db", time_zone="Europe/Paris")
    yield store
    store.close()


def random_plays(count: int, seed: int, name: str = "Track") -> list[PlayInput]:
    """Plays over two years: known durations, Roon listened seconds and unknown lengths."""
    rng = random.Random(seed)
    plays = []
    for index in range(count):
        kind = index % 3
        plays.append(
            PlayInput(
                f"{name} {index}",
                f"Artist {index % 7}",
                START + rng.randrange(SPAN),
                Source.ROON if kind == 1 else Source.LASTFM,
                f"Album {index % 11}",
                duration=rng.randrange(60, 600) if kind != 2 else None,
                seconds_listened=rng.randrange(10, 60) if kind == 1 else None,
            )
        )
    return plays


def naive_hours(plays: list[PlayInput], unknown: int) -> list[HourTotals]:
    """Every hour with plays, recounted from the inputs."""
    counts: Counter[int] = Counter()
    seconds: Counter[int] = Counter()
    for play in plays:
        hour = play.played_at // HOUR * HOUR
        counts[hour] += 1
        length = play.seconds_listened or play.duration
        seconds[hour] += length if length is not None else unknown
    hours, plays_sum, seconds_sum = [], 0, 0
    for hour in sorted(counts):
        plays_sum += counts[hour]
        seconds_sum += seconds[hour]
        hours.append(HourTotals(hour, counts[hour], seconds[hour], plays_sum, seconds_sum))
    return hours


def test_every_hour_and_running_total(store: Store) -> None:
    """Each hour holds its plays and seconds; the sums run from the first play."""
    plays = random_plays(3_000, seed=1)
    store.ingest(plays)
    known = [p.duration for p in plays if p.duration is not None and not p.seconds_listened]
    read = store.hourly.hours(0)

    assert read.first_hour == 0
    assert read.newest_play_id == 3_000
    # Unknown lengths count at the mean of the known ones, as the statistics sensors price them.
    assert read.unknown_length != DEFAULT_PLAY_SECONDS
    assert abs(read.unknown_length - sum(known) / len(known)) < 30
    assert read.hours == naive_hours(plays, read.unknown_length)
    assert read.hours[-1].plays_sum == 3_000


def test_incremental_reads_continue_the_running_totals(store: Store) -> None:
    """A read from an hour on, or from the earliest play added after an id, carries the
    totals of every earlier play, so the recorder's sums stay continuous."""
    first, second = random_plays(2_000, seed=2), random_plays(500, seed=3, name="Song")
    store.ingest(first)
    before = store.hourly.hours(0)
    store.ingest(second)
    everything = store.hourly.hours(0)

    since = START + SPAN // 2
    recent = store.hourly.hours(since)
    assert recent.first_hour == since // HOUR * HOUR
    assert recent.hours == [h for h in everything.hours if h.start >= recent.first_hour]

    # After the first batch's last id: from the earliest play of the second batch.
    changed = store.hourly.hours(since, after_play_id=before.newest_play_id)
    earliest = min(play.played_at for play in second) // HOUR * HOUR
    assert changed.first_hour == earliest
    assert changed.hours == [h for h in everything.hours if h.start >= earliest]
    # Nothing added since: the plain recent read.
    assert store.hourly.hours(since, after_play_id=everything.newest_play_id) == recent

    plays, seconds = store.hourly.totals_before(since)
    earlier = [h for h in everything.hours if h.start < since]
    assert (plays, seconds) == (earlier[-1].plays_sum, earlier[-1].seconds_sum)


def test_an_empty_store(store: Store) -> None:
    read = store.hourly.hours(0, after_play_id=0)
    assert (read.hours, read.newest_play_id, read.unknown_length) == ([], 0, DEFAULT_PLAY_SECONDS)
    assert store.hourly.totals_before(START) == (0, 0)


def test_totals_before_any_moment(store: Store) -> None:
    """Whole local days from the rollups plus the plays of the last day equal a recount,
    whatever the moment: midnights, DST nights, mid-hour."""
    plays = random_plays(2_000, seed=4)
    store.ingest(plays)
    unknown = store.hourly.hours(0).unknown_length
    rng = random.Random(5)
    moments = [START + rng.randrange(SPAN) for _ in range(30)]
    moments += [
        int(datetime(2023, 3, 25, 23, 0, tzinfo=UTC).timestamp()),  # Paris midnight, DST night
        int(datetime(2023, 10, 29, 0, 59, tzinfo=UTC).timestamp()),  # the repeated Paris hour
        int(datetime(2024, 1, 1, tzinfo=UTC).timestamp()),
    ]
    for moment in moments:
        earlier = [play for play in plays if play.played_at < moment]
        seconds = sum((play.seconds_listened or play.duration or unknown) for play in earlier)
        assert store.hourly.totals_before(moment) == (len(earlier), seconds), moment
