"""Statistics of any range of local days (``range_stats.py``) over the Paris history."""

from __future__ import annotations

from datetime import date

from custom_components.aime.core.stats.page_models import Genre, Granularity, NewArtist
from custom_components.aime.core.stats.range_stats import MAX_SERIES_POINTS, range_stats
from custom_components.aime.core.store.store import Store

from ..stats_fixture import NOW

TODAY = NOW.date()
ESTIMATE = 300  # Plays of unknown length count the typical length (see test_queries.py).


def test_october_by_week(shelf: Store) -> None:
    """P7..P16; weeks from Monday, the first one cut at the range's start; DST day inside."""
    october = range_stats(
        shelf.stats, TODAY, date(2024, 10, 1), date(2024, 10, 31), top=2,
        granularity=Granularity.WEEK,
    )  # fmt: skip
    assert (october.plays, october.estimated_plays) == (10, 2)
    assert october.listening_seconds == 1830 + 2 * ESTIMATE
    assert (october.active_days, october.longest_streak) == (6, 4)  # 24th-27th
    assert (october.unique_artists, october.unique_albums, october.unique_tracks) == (4, 4, 5)
    assert [(a.name, a.plays) for a in october.top_artists] == [("Ada", 3), ("Di", 3)]
    assert [(a.name, a.artist, a.plays) for a in october.top_albums] == [
        ("First", "Ada", 3),
        ("Fourth", "Di", 3),
    ]
    assert [series.start for series in october.series] == [
        "2024-10-01", "2024-10-07", "2024-10-14", "2024-10-21", "2024-10-28",
    ]  # fmt: skip
    assert [(s.plays, s.listening_seconds) for s in october.series][-2:] == [
        (6, 950 + 2 * ESTIMATE),
        (4, 880),
    ]
    # Both 02:30 of the fall-back Sunday land in the Sunday 2 o'clock cell.
    assert october.heatmap[6][2] == 2
    assert october.new_artists == [
        NewArtist(october.new_artists[0].id, "Di", "2024-10-24T18:00:00+02:00")
    ]
    # Genres of the owned albums played: First (Jazz) 3, Second (Jazz; Rock) 2.
    assert october.top_genres == [Genre("Jazz", 5), Genre("Rock", 2)]
    assert october.sessions.count == 9  # P13 and P14 share one


def test_a_dst_day_by_day(shelf: Store) -> None:
    """The 25-hour Sunday is one day of three plays."""
    day = range_stats(
        shelf.stats, TODAY, date(2024, 10, 27), date(2024, 10, 27), granularity=Granularity.DAY
    )
    assert [(s.start, s.plays) for s in day.series] == [("2024-10-27", 3)]
    spring = range_stats(
        shelf.stats, TODAY, date(2024, 3, 31), date(2024, 3, 31), granularity=Granularity.DAY
    )  # The 23-hour Sunday: P2, P3, P4, P5.
    assert spring.plays == 4


def test_defaults_run_from_the_first_play_to_today(shelf: Store) -> None:
    """No first day: since P0; no last day: today; months by default."""
    everything = range_stats(shelf.stats, TODAY, None, None)
    assert (everything.first_day, everything.last_day) == ("2022-06-01", "2024-10-30")
    assert everything.plays == 17
    assert everything.granularity == "month"
    assert len(everything.series) == 29  # June 2022 .. October 2024
    assert sum(point.plays for point in everything.series) == 17
    assert [artist.name for artist in everything.new_artists] == ["Ada", "Bo", "Cy", "Di"]
    # From the all-time totals: First (Jazz) 6 plays, Second (Jazz; Rock) 4.
    assert everything.top_genres == [Genre("Jazz", 10), Genre("Rock", 4)]


def test_a_range_without_plays(shelf: Store) -> None:
    """Zeros and empty lists, never an error."""
    empty = range_stats(shelf.stats, TODAY, date(2023, 1, 1), date(2023, 1, 31))
    assert (empty.plays, empty.active_days, empty.longest_streak) == (0, 0, 0)
    assert empty.top_artists == empty.top_genres == empty.new_artists == []
    assert [point.plays for point in empty.series] == [0]


def test_a_long_range_is_cut_coarser(shelf: Store) -> None:
    """Days over two centuries would be too many points: weeks, then months."""
    wide = range_stats(
        shelf.stats, TODAY, date(1900, 1, 1), date(2200, 12, 31), granularity=Granularity.DAY
    )
    assert wide.granularity == "month"
    assert len(wide.series) == 301 * 12
    assert len(wide.series) < MAX_SERIES_POINTS
    assert wide.plays == 17
