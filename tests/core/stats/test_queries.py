"""Statistics against a hand-computed history (see ``stats_fixture.py`` for P0..P16).

Listening time: a play counts what it was listened for (Roon), else its track's duration,
else the mean duration of the plays priced by duration. Only P9 (Last.fm, Beta, known
duration 300) is priced by duration, so every play of unknown length (Gamma) counts 300 s.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import asdict
from datetime import date, datetime, timedelta
import json
from pathlib import Path
import sqlite3

import pytest
from sqlalchemy import create_engine

from custom_components.aime.core.localtime import LocalTime
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.stats import journal
from custom_components.aime.core.stats.models import (
    CollectionSort,
    HistoryFilter,
    ListeningTime,
    Ranked,
    Window,
)
from custom_components.aime.core.store.store import Store

from ..stats_fixture import NOW, PARIS, history, local, roon

ESTIMATE = 300


@pytest.fixture
def paris(db_path: Path) -> Iterator[Store]:
    """The fixture history in a Paris store, ingested three reports per batch."""
    store = Store.open(db_path, time_zone="Europe/Paris")
    result = store.ingest(history(), batch_size=3)
    assert (result.added, result.merged) == (17, 1)
    yield store
    store.close()


def names(ranked: Sequence[Ranked]) -> list[tuple[str, int]]:
    """(name, plays) of a top list."""
    return [(entry.name, entry.plays) for entry in ranked]


def test_periods_are_local_calendar_periods(paris: Store) -> None:
    """Today, this week (from Monday 28th), this month, this year, all time."""
    assert paris.stats.periods(NOW) == {
        "today": ListeningTime(1, 250, 0),  # P16
        "week": ListeningTime(4, 880, 0),  # P13-P16: 200 + 180 + 250 + 250
        # October: 250 + 100 + 300 + 300 + 630 + 250 = 1830 known, P10 and P11 estimated.
        "month": ListeningTime(10, 1830 + 2 * ESTIMATE, 2),
        # March 30-31: 300 + 300 + 200 + 180 = 980 known, P5 and P6 estimated; plus October.
        "year": ListeningTime(16, 980 + 1830 + 4 * ESTIMATE, 4),
        "all": ListeningTime(17, 200 + 980 + 1830 + 4 * ESTIMATE, 4),
    }


def test_midnight_and_dst_boundaries(paris: Store) -> None:
    """23:59 and 00:00 fall on their own local days; the spring-forward day has 23 hours."""
    march_30 = datetime(2024, 3, 30, 23, 59, 30, tzinfo=PARIS)
    assert paris.stats.periods(march_30)["today"].plays == 1  # P1 only
    # P2 00:00, P3 01:59, P4 03:00 (one real minute after P3), P5 23:59: 680 s + P5.
    march_31 = datetime(2024, 3, 31, 12, 0, tzinfo=PARIS)
    assert paris.stats.periods(march_31)["today"] == ListeningTime(4, 680 + ESTIMATE, 1)
    april_1 = datetime(2024, 4, 1, 0, 0, 30, tzinfo=PARIS)
    assert paris.stats.periods(april_1)["today"] == ListeningTime(1, ESTIMATE, 1)  # P6
    timeline = paris.stats.timeline(date(2024, 3, 31))
    assert len(timeline.hours) == 23
    assert [hour.hour for hour in timeline.hours[:4]] == [0, 1, 3, 4]  # no 02:00
    assert [
        (hour.start, [entry.title for entry in hour.plays]) for hour in timeline.hours if hour.plays
    ] == [
        ("2024-03-31T00:00:00+01:00", ["Beta"]),
        ("2024-03-31T01:00:00+01:00", ["Alpha"]),
        ("2024-03-31T03:00:00+02:00", ["Omega"]),
        ("2024-03-31T23:00:00+02:00", ["Gamma"]),
    ]
    assert (timeline.plays, timeline.listening_seconds, timeline.estimated_plays) == (
        4,
        680 + ESTIMATE,
        1,
    )


def test_fall_back_day_has_two_2am_hours(paris: Store) -> None:
    """2024-10-27 has 25 hours; P10 and P11 both start at 02:30, an hour apart."""
    timeline = paris.stats.timeline(date(2024, 10, 27))
    assert len(timeline.hours) == 25
    assert [hour.hour for hour in timeline.hours[:5]] == [0, 1, 2, 2, 3]
    played = {hour.start: hour.plays for hour in timeline.hours if hour.plays}
    assert list(played) == [
        "2024-10-27T02:00:00+02:00",
        "2024-10-27T02:00:00+01:00",
        "2024-10-27T20:00:00+01:00",
    ]
    merged = played["2024-10-27T20:00:00+01:00"][0]
    assert (merged.title, merged.sources, merged.device, merged.seconds) == (
        "Beta",
        ["roon", "lastfm"],
        "Kitchen",
        300,
    )
    # P12 300 s known, P10 and P11 estimated.
    assert (timeline.plays, timeline.listening_seconds, timeline.estimated_plays) == (
        3,
        300 + 2 * ESTIMATE,
        2,
    )
    window = paris.stats.window(datetime(2024, 10, 27, 21, 0, tzinfo=PARIS), Window.TODAY)
    assert window.heatmap[6][2] == 2  # Sunday, 02:00 twice


def test_last_7_days(paris: Store) -> None:
    """October 24-30: P7-P16, the merged scrobble counted once."""
    stats = paris.stats.window(NOW, Window.DAYS_7)
    assert (stats.first_day, stats.last_day) == ("2024-10-24", "2024-10-30")
    assert (stats.plays, stats.listening_seconds, stats.estimated_plays) == (
        10,
        1830 + 2 * ESTIMATE,
        2,
    )
    assert (stats.unique_artists, stats.unique_albums, stats.unique_tracks) == (4, 4, 5)
    # Ties break by name: Ada (P8, P13, P14) before Di (P7, P15, P16).
    assert names(stats.top_artists) == [("Ada", 3), ("Di", 3), ("Bo", 2), ("Cy", 2)]
    assert names(stats.top_albums) == [("First", 3), ("Fourth", 3), ("Second", 2), ("Third", 2)]
    assert stats.top_albums[0].artist == "Ada"
    assert names(stats.top_tracks) == [
        ("Delta", 3),
        ("Alpha", 2),
        ("Beta", 2),
        ("Gamma", 2),
        ("Omega", 1),
    ]
    assert stats.top_tracks[0].artist == "Di"
    # Albums and tracks carry their artist's (and a track its album's) id: the panel links them.
    artist_ids = {artist.name: artist.id for artist in stats.top_artists}
    album_ids = {album.name: album.id for album in stats.top_albums}
    assert stats.top_albums[0].artist_id == artist_ids["Ada"]
    assert (stats.top_tracks[0].artist_id, stats.top_tracks[0].album_id) == (
        artist_ids["Di"],
        album_ids["Fourth"],
    )
    assert (stats.top_artists[0].artist_id, stats.top_artists[0].album_id) == (None, None)
    # Di's first play ever is P7; Ada played in 2022, Bo and Cy in March.
    assert stats.new_artists == 1
    assert (stats.active_days, stats.longest_streak) == (6, 4)  # 24-27, then 29-30


def test_sessions_split_on_gaps_over_30_minutes(paris: Store) -> None:
    """P13 -> P14 is 29 min (one session), P14 -> P15 31 min (a new one)."""
    sessions = paris.stats.window(NOW, Window.DAYS_7).sessions
    # P7 250, P8 100, P9 300, P10 300 (est.), P11 300 (est., an hour after P10), P12 300,
    # P13+P14 29 * 60 + 180 = 1920, P15 250, P16 250: 3970 s in 9 sessions.
    assert (sessions.count, sessions.longest_seconds) == (9, 1920)
    assert sessions.average_seconds == round(3970 / 9)
    assert sessions.longest_start == "2024-10-29T20:00:00+01:00"
    # All time adds P0 200, P1+P2 60 + 300, P3+P4 60 + 180 (one real minute across the DST
    # jump), P5+P6 60 + 300 (est., across midnight): 5130 s in 13 sessions.
    everything = paris.stats.window(NOW, Window.ALL).sessions
    assert (everything.count, everything.average_seconds) == (13, round(5130 / 13))


def test_heatmap_and_peaks(paris: Store) -> None:
    """Monday-first weekday rows of local hours; ties go to the earlier hour and weekday."""
    stats = paris.stats.window(NOW, Window.DAYS_7)
    cells = {
        (weekday, hour): plays
        for weekday, row in enumerate(stats.heatmap)
        for hour, plays in enumerate(row)
        if plays
    }
    assert cells == {
        (3, 18): 1,  # Thursday 24th, P7
        (4, 18): 1,  # Friday, P8
        (5, 18): 1,  # Saturday, P9
        (6, 2): 2,  # Sunday 27th, P10 and P11
        (6, 20): 1,  # P12
        (1, 20): 2,  # Tuesday 29th, P13 and P14
        (1, 21): 1,  # P15
        (2, 9): 1,  # Wednesday 30th, P16
    }
    assert (stats.peak_hour, stats.peak_weekday) == (18, 1)  # 18h ties 20h; Tue ties Sun
    everything = paris.stats.window(NOW, Window.ALL)
    assert sum(map(sum, everything.heatmap)) == 17
    assert everything.heatmap[6][0] == 1  # P2, Sunday March 31st at midnight


def test_long_windows_and_all_time(paris: Store) -> None:
    """365 days reach back to March (not to 2022); all time includes P0."""
    year = paris.stats.window(NOW, Window.DAYS_365)
    assert (year.first_day, year.plays) == ("2023-11-01", 16)
    assert year.listening_seconds == 980 + 1830 + 4 * ESTIMATE
    assert names(year.top_tracks) == [
        ("Beta", 4),  # P1, P2, P9, P12
        ("Gamma", 4),  # P5, P6, P10, P11
        ("Alpha", 3),  # P3, P8, P13
        ("Delta", 3),
        ("Omega", 2),
    ]
    assert year.new_artists == 3  # Bo, Cy and Di; Ada played in 2022
    assert paris.stats.window(NOW, Window.YEAR).plays == 16
    everything = paris.stats.window(NOW, Window.ALL)
    assert (everything.first_day, everything.plays, everything.new_artists) == (
        "2022-06-01",
        17,
        4,
    )
    assert names(everything.top_artists) == [("Ada", 6), ("Bo", 4), ("Cy", 4), ("Di", 3)]
    assert names(everything.top_tracks) == [
        ("Alpha", 4),
        ("Beta", 4),
        ("Gamma", 4),
        ("Delta", 3),
        ("Omega", 2),
    ]
    assert names(paris.stats.window(NOW, Window.ALL, top=1).top_tracks) == [("Alpha", 4)]
    month = paris.stats.window(NOW, Window.MONTH)
    assert (month.first_day, month.plays, month.new_artists) == ("2024-10-01", 10, 1)


def test_streaks(paris: Store) -> None:
    """October 24-27 is the longest run; 28th breaks it; 29-30 is the current one."""
    streaks = paris.stats.streaks(NOW)
    assert (streaks.current, streaks.longest) == (2, 4)
    assert (streaks.longest_first, streaks.longest_last) == ("2024-10-24", "2024-10-27")
    # No play yet on the 31st: yesterday's streak is still alive; gone on November 1st.
    assert paris.stats.streaks(NOW + timedelta(days=1)).current == 2
    assert paris.stats.streaks(NOW + timedelta(days=2)).current == 0
    assert paris.stats.streaks(datetime(2024, 10, 28, 12, tzinfo=PARIS)).current == 4


def test_sensor_figures(paris: Store) -> None:
    """Everything the sensors show, in one call."""
    figures = paris.stats.sensors(NOW)
    assert (figures.plays_today, figures.plays_this_week, figures.total_plays) == (1, 4, 17)
    assert (figures.listening_seconds_today, figures.estimated_plays_today) == (250, 0)
    assert names(figures.top_artists_7d) == [("Ada", 3), ("Di", 3), ("Bo", 2), ("Cy", 2)]
    assert names(figures.top_albums_7d)[0] == ("First", 3)
    assert (figures.current_streak, figures.new_artists_30d) == (2, 1)
    assert figures.collection_size == 0
    assert figures.last_play is not None
    assert (figures.last_play.title, figures.last_play.artist) == ("Delta", "Di")
    assert figures.last_play.local_time == "2024-10-30T09:00:00+01:00"
    assert figures.last_play.played_at == local("2024-10-30 09:00")
    json.dumps(asdict(figures))  # JSON-friendly as is


def test_last_play_is_the_newest_read_through_the_indexes(paris: Store, db_path: Path) -> None:
    """Of two plays started the same second, the one recorded last; found through the
    indexes, not by joining and sorting every play, even once SQLite has the tables'
    statistics (ANALYZE: a store that was closed once) that made it choose the latter."""
    at = local("2024-10-30 10:00")
    paris.ingest(
        [PlayInput(title, "Eve", at, Source.ROON, album="Twice") for title in ("First", "Second")]
    )
    figures = paris.stats.sensors(NOW.replace(hour=11))
    assert figures.last_play is not None
    assert figures.last_play.title == "Second"
    statements: list[str] = []
    with sqlite3.connect(db_path) as conn:
        conn.execute("ANALYZE")
        conn.set_trace_callback(statements.append)
        engine = create_engine("sqlite://", creator=lambda: conn)
        with engine.connect() as connection:
            newest = journal.last_play(connection, LocalTime("Europe/Paris"))
            assert newest is not None
            assert newest.title == "Second"
        conn.set_trace_callback(None)
        (read,) = [sql for sql in statements if "FROM play p" in sql]
        plan = [row[3] for row in conn.execute(f"EXPLAIN QUERY PLAN {read}")]
    assert not [step for step in plan if step.startswith("SCAN")], plan


def test_monthly_trend(paris: Store) -> None:
    """The last 12 months, empty ones included."""
    trend = paris.stats.monthly_trend(NOW)
    assert [month.month for month in trend][0::11] == ["2023-11", "2024-10"]
    by_month = {month.month: (month.plays, month.listening_seconds) for month in trend}
    assert by_month["2024-03"] == (5, 980 + ESTIMATE)  # P1-P5
    assert by_month["2024-04"] == (1, ESTIMATE)  # P6
    assert by_month["2024-10"] == (10, 1830 + 2 * ESTIMATE)
    assert sum(plays for plays, _ in by_month.values()) == 16
    everything = paris.stats.monthly_trend(NOW, months=None)
    assert (everything[0].month, everything[0].plays, len(everything)) == ("2022-06", 1, 29)


def test_comparison(paris: Store) -> None:
    """October 24-30 against March 25-31."""
    comparison = paris.stats.compare(
        (date(2024, 10, 24), date(2024, 10, 30)), (date(2024, 3, 25), date(2024, 3, 31))
    )
    previous = comparison.previous
    assert (previous.plays, previous.listening_seconds, previous.unique_artists) == (
        5,
        980 + ESTIMATE,
        3,
    )
    assert names(previous.top_artists) == [("Ada", 2), ("Bo", 2), ("Cy", 1)]
    assert comparison.current.plays == 10
    assert comparison.plays_change == 100.0
    assert comparison.listening_change == round((2430 - 1280) * 100 / 1280, 1)
    assert comparison.unique_artists_change == 33.3
    empty = paris.stats.compare(
        (date(2024, 10, 24), date(2024, 10, 30)), (date(2020, 1, 1), date(2020, 1, 7))
    )
    assert empty.plays_change is None
    assert (empty.previous.plays, empty.previous.top_artists) == (0, [])


def _titles(
    store: Store, filters: HistoryFilter | None, page: int = 0, size: int = 50
) -> tuple[int, list[str]]:
    result = store.stats.history(filters, page, size)
    return result.total, [entry.title for entry in result.entries]


def _artist_id(store: Store, name: str) -> int:
    with sqlite3.connect(store.path) as conn:
        return int(conn.execute("SELECT id FROM artist WHERE name = ?", (name,)).fetchone()[0])


def _album_id(store: Store, title: str) -> int:
    with sqlite3.connect(store.path) as conn:
        return int(conn.execute("SELECT id FROM album WHERE title = ?", (title,)).fetchone()[0])


def test_history_pages_newest_first(paris: Store) -> None:
    """Pages of the journal; deep pages skip whole days."""
    assert _titles(paris, None, 0, 5) == (17, ["Delta", "Delta", "Omega", "Alpha", "Beta"])
    assert _titles(paris, None, 3, 5) == (17, ["Beta", "Alpha"])  # P1, P0
    assert _titles(paris, None, 4, 5) == (17, [])
    entry = paris.stats.history(None, 0, 1).entries[0]
    assert (entry.source, entry.sources, entry.seconds) == ("roon", ["roon"], 250)


def test_history_filters(paris: Store) -> None:
    """Each filter alone, then combined."""
    ada, bo = _artist_id(paris, "Ada"), _artist_id(paris, "Bo")
    alpha = ["Alpha"]
    assert _titles(paris, HistoryFilter(artist_id=ada)) == (
        6,
        ["Omega", *alpha, *alpha, "Omega", *alpha, *alpha],  # P14, P13, P8, P4, P3, P0
    )
    assert _titles(paris, HistoryFilter(artist_id=ada), 1, 4) == (6, ["Alpha", "Alpha"])
    assert _titles(paris, HistoryFilter(album_id=_album_id(paris, "Fourth")))[0] == 3
    # Last.fm: P5, P6, P9, P10, P11 and its report merged into P12.
    assert _titles(paris, HistoryFilter(source=Source.LASTFM)) == (
        6,
        ["Beta", "Gamma", "Gamma", "Beta", "Gamma", "Gamma"],
    )
    assert _titles(paris, HistoryFilter(source=Source.ROON))[0] == 12
    assert _titles(paris, HistoryFilter(source=Source.MANUAL)) == (0, [])
    assert _titles(paris, HistoryFilter(text="gam"))[0] == 4
    assert _titles(paris, HistoryFilter(text="OMÉGA"))[0] == 2  # case and accents ignored
    assert _titles(paris, HistoryFilter(text="ada"))[0] == 6  # the artist's name
    assert _titles(paris, HistoryFilter(text="nothing like it")) == (0, [])
    october_27 = HistoryFilter(first_day=date(2024, 10, 27), last_day=date(2024, 10, 27))
    assert _titles(paris, october_27) == (3, ["Beta", "Gamma", "Gamma"])
    assert _titles(paris, HistoryFilter(artist_id=bo, source=Source.LASTFM)) == (
        2,
        ["Beta", "Beta"],  # P12 (merged report), P9
    )
    around = HistoryFilter(text="beta", first_day=date(2024, 10, 26), last_day=date(2024, 10, 27))
    assert _titles(paris, around) == (2, ["Beta", "Beta"])
    dated_artist = HistoryFilter(artist_id=ada, first_day=date(2024, 10, 1))
    assert _titles(paris, dated_artist)[0] == 3  # P8, P13, P14
    assert _titles(paris, HistoryFilter(artist_id=10_000)) == (0, [])


def test_history_loved(paris: Store) -> None:
    """Loved is the track's current state, as set by the loved-tracks sync."""
    paris.set_loved([("Di", "Delta")])
    assert _titles(paris, HistoryFilter(loved=True)) == (3, ["Delta", "Delta", "Delta"])
    assert _titles(paris, HistoryFilter(loved=False))[0] == 14
    assert paris.stats.history(None, 0, 1).entries[0].loved


def test_collection(paris: Store) -> None:
    """Records by format, played in the last 12 months, never played; the listing."""
    with sqlite3.connect(paris.path) as conn:
        ada = conn.execute("SELECT id FROM artist WHERE name = 'Ada'").fetchone()[0]
        conn.execute(
            "INSERT INTO album (id, artist_id, key, title) VALUES (99, ?, 'unplayed', 'Unplayed')",
            (ada,),
        )
        albums = dict(conn.execute("SELECT title, id FROM album"))
        conn.executemany(
            "INSERT INTO collection_item (album_id, format, original_year, added_at) "
            "VALUES (?, ?, ?, ?)",
            [
                (albums["First"], "Vinyl", 1999, 3),
                (albums["Third"], "CD", None, 1),
                (albums["Unplayed"], "Vinyl", 2005, 2),
            ],
        )
    stats = paris.stats.collection_stats(NOW)
    assert (stats.records, stats.by_format) == (3, {"Vinyl": 2, "CD": 1})
    # Since 2023-10-31: First (P14) and Third (P11) were played, Unplayed never.
    assert (stats.played_last_12_months, stats.played_share, stats.never_played) == (
        2,
        round(2 / 3, 4),
        1,
    )
    assert paris.stats.collection_stats(datetime(2026, 1, 1, tzinfo=PARIS)).played_share == 0
    listing = paris.stats.collection_page(sort=CollectionSort.PLAYS, descending=True)
    assert [(record.title, record.plays) for record in listing.records] == [
        ("First", 6),
        ("Third", 4),
        ("Unplayed", 0),
    ]
    assert listing.records[0].last_played_at == local("2024-10-29 20:29")
    year_sorted = paris.stats.collection_page(sort=CollectionSort.YEAR)
    assert [record.title for record in year_sorted.records] == ["First", "Unplayed", "Third"]
    assert paris.stats.collection_page(text="third").total == 1
    assert paris.stats.collection_page(record_format="CD").records[0].title == "Third"
    paged = paris.stats.collection_page(page=1, page_size=2, sort=CollectionSort.ADDED)
    assert (paged.total, [record.title for record in paged.records]) == (3, ["First"])
    assert paris.stats.sensors(NOW).collection_size == 3


def test_naive_now_is_refused(paris: Store) -> None:
    """Local days need a time zone on ``now``."""
    with pytest.raises(ValueError, match="aware"):
        paris.stats.periods(datetime(2024, 10, 30, 12))  # noqa: DTZ001


def test_empty_store(store: Store) -> None:
    """Every figure of an empty store is zero or empty, not an error."""
    now = datetime(2024, 1, 1, tzinfo=PARIS)
    stats = store.stats.window(now, Window.ALL)
    assert (stats.plays, stats.top_artists, stats.peak_hour, stats.sessions.count) == (
        0,
        [],
        None,
        0,
    )
    assert store.stats.sensors(now).last_play is None
    assert store.stats.streaks(now).longest == 0
    assert store.stats.history().total == 0
    assert store.stats.collection_stats(now).played_share == 0
    assert len(store.stats.monthly_trend(now, months=None)) == 1


def names_of(first: list[str], plays: int, then: int) -> list[tuple[str, int]]:
    """Beta and Gamma with 4 plays, then Alpha, Delta and Omega with 3."""
    return [(name, plays) for name in first] + [
        (name, then) for name in ("Alpha", "Delta", "Omega")
    ]


def test_long_window_track_counts_stay_current(paris: Store) -> None:
    """365-day track counts follow new plays, moving days and deletions like a recount."""

    def tracks(store: Store, now: datetime) -> tuple[int, list[tuple[str, int]]]:
        window = store.stats.window(now, Window.DAYS_365)
        return window.unique_tracks, names(window.top_tracks)

    def fresh(now: datetime) -> tuple[int, list[tuple[str, int]]]:
        other = Store.open(paris.path)  # A new reader: counts from scratch.
        try:
            return tracks(other, now)
        finally:
            other.close()

    assert tracks(paris, NOW)[1][-1] == ("Omega", 2)
    paris.ingest([roon("Omega", local("2024-10-30 10:00"), 180)])  # plays added since
    assert tracks(paris, NOW) == fresh(NOW) == (5, names_of(["Beta", "Gamma"], 4, 3))
    for days in (1, 3, -2, 150, 160, 200, 500):  # days in and out, far jumps, an empty year
        later = NOW + timedelta(days=days)
        assert tracks(paris, later) == fresh(later), days
    with sqlite3.connect(paris.path) as conn:  # Plays removed behind the cache's back.
        conn.execute("DELETE FROM play_report")
        conn.execute("DELETE FROM play WHERE track_id = (SELECT id FROM track WHERE title='Beta')")
    paris.rebuild_statistics()
    assert tracks(paris, NOW) == fresh(NOW)
    assert tracks(paris, NOW)[0] == 4
