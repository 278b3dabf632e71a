"""Plain, JSON-friendly results of the statistics queries (``dataclasses.asdict`` them).

Dates are ISO strings (``2024-03-31``), local times ISO strings with their UTC offset,
``played_at`` values UTC epoch seconds, durations whole seconds. Weekdays count from
Monday (0) to Sunday (6); hours are local clock hours.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from enum import StrEnum
from typing import Any

from ..localtime import date_of_day, day_of_date, weekday_of_day
from ..models import Source


class Window(StrEnum):
    """Windows in local calendar terms; each ends today (the local date of ``now``)."""

    TODAY = "today"
    WEEK = "week"  # Since Monday.
    MONTH = "month"  # Since the 1st.
    YEAR = "year"  # Since January 1st.
    DAYS_7 = "7d"  # The last 7 local days, today included.
    DAYS_30 = "30d"
    DAYS_365 = "365d"
    ALL = "all"

    def first_day(self, today: int) -> int | None:
        """The window's first local day (day numbers as ``core/localtime.py``); ``None``: all."""
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
        return starts.get(self)


@dataclass(frozen=True, slots=True)
class Ranked:
    """An artist, album or track in a top list.

    ``artist`` and ``artist_id`` are an album's or track's artist, ``album_id`` a track's album:
    the panel links them.
    """

    id: int
    name: str
    plays: int
    artist: str | None = None
    artist_id: int | None = None
    album_id: int | None = None


@dataclass(frozen=True, slots=True)
class ListeningTime:
    """Plays and listening time; ``estimated_plays`` of them had no known length."""

    plays: int
    seconds: int
    estimated_plays: int


@dataclass(frozen=True, slots=True)
class SessionStats:
    """Sessions starting in a window. A play starting > 30 min after the previous one ends it."""

    count: int
    average_seconds: int
    longest_seconds: int
    longest_start: str | None  # Local time.


@dataclass(frozen=True, slots=True)
class Streaks:
    """Runs of consecutive local days with at least one play.

    The current streak still counts when today has no play yet but yesterday had one.
    """

    current: int
    longest: int
    longest_first: str | None
    longest_last: str | None


@dataclass(frozen=True, slots=True)
class PeriodFigures:
    """What a named window (``WindowStats``) and a panel range (``RangeStats``) both show."""

    plays: int
    listening_seconds: int
    estimated_plays: int
    active_days: int
    unique_artists: int
    unique_albums: int
    unique_tracks: int
    top_artists: list[Ranked]
    top_albums: list[Ranked]
    top_tracks: list[Ranked]
    heatmap: list[list[int]]  # heatmap[weekday][hour]: plays.
    sessions: SessionStats
    longest_streak: int  # Within the period.

    def as_fields(self) -> dict[str, Any]:
        """The figures as keyword arguments (a shallow copy, unlike ``asdict``)."""
        return {figure.name: getattr(self, figure.name) for figure in fields(self)}


@dataclass(frozen=True, slots=True)
class WindowStats(PeriodFigures):
    """Everything about one window, for the ``aime/stats`` query."""

    window: str
    first_day: str
    last_day: str
    new_artists: int  # First play ever (whole history) inside the window.
    peak_hour: int | None
    peak_weekday: int | None


@dataclass(frozen=True, slots=True)
class JournalEntry:
    """One play, for the journal, the timeline and the last-play sensor."""

    play_id: int
    played_at: int
    local_time: str
    track_id: int
    title: str
    artist_id: int
    artist: str
    album_id: int
    album: str
    source: str
    sources: list[str]  # Every source that reported it, the first one first.
    device: str | None
    loved: bool
    seconds: int | None  # Known length: listened seconds, else the track's duration.


@dataclass(frozen=True, slots=True)
class SensorFigures:
    """Every figure the sensors show, read together in one snapshot."""

    plays_today: int
    plays_this_week: int
    listening_seconds_today: int
    estimated_plays_today: int
    total_plays: int
    top_artists_7d: list[Ranked]
    top_albums_7d: list[Ranked]
    current_streak: int
    new_artists_30d: int
    last_play: JournalEntry | None
    collection_size: int


@dataclass(frozen=True, slots=True)
class PeriodSummary:
    """One side of a comparison."""

    first_day: str
    last_day: str
    plays: int
    listening_seconds: int
    estimated_plays: int
    unique_artists: int
    top_artists: list[Ranked]


@dataclass(frozen=True, slots=True)
class Comparison:
    """Two periods side by side; changes are percentages from ``previous`` to ``current``.

    A change is ``None`` when the previous value is 0.
    """

    current: PeriodSummary
    previous: PeriodSummary
    plays_change: float | None
    listening_change: float | None
    unique_artists_change: float | None


@dataclass(frozen=True, slots=True)
class MonthFigures:
    """One local calendar month of the trend."""

    month: str  # "2024-03"
    plays: int
    listening_seconds: int
    estimated_plays: int


@dataclass(frozen=True, slots=True)
class HistoryFilter:
    """Journal filters; all optional, combined with AND. Days are local dates, inclusive.

    ``text`` matches track titles, artist names and album titles, ignoring case and accents.
    ``artist_id`` matches the track's primary artist, as the statistics do.
    ``source`` matches every play that source reported, merged reports included.
    """

    text: str | None = None
    artist_id: int | None = None
    album_id: int | None = None
    source: Source | None = None
    loved: bool | None = None
    first_day: date | None = None
    last_day: date | None = None


@dataclass(frozen=True, slots=True)
class HistoryPage:
    """One page of the journal, newest first."""

    page: int
    page_size: int
    total: int
    entries: list[JournalEntry]


@dataclass(frozen=True, slots=True)
class TimelineHour:
    """One hour of a local day; DST days have 23 or 25 of them."""

    start: str  # Local time, with its offset: the two 02:00 of a fall-back day differ.
    hour: int
    plays: list[JournalEntry]


@dataclass(frozen=True, slots=True)
class Timeline:
    """One local day, hour by hour."""

    day: str
    plays: int
    listening_seconds: int
    estimated_plays: int
    hours: list[TimelineHour]


@dataclass(frozen=True, slots=True)
class CollectionStats:
    """The record collection against the listening history."""

    records: int
    by_format: dict[str, int]
    played_last_12_months: int
    played_share: float  # Of the records, 0..1.
    never_played: int


class CollectionSort(StrEnum):
    """Orders of the collection listing."""

    ARTIST = "artist"
    TITLE = "title"
    ADDED = "added"
    YEAR = "year"
    PLAYS = "plays"
    LAST_PLAYED = "last_played"


@dataclass(frozen=True, slots=True)
class CollectionRecord:
    """One record of the collection with its listening figures."""

    id: int
    album_id: int
    artist_id: int
    artist: str
    title: str
    format: str | None
    year: int | None
    labels: str | None
    genres: str | None
    styles: str | None
    cover_url: str | None
    added_at: int | None
    plays: int
    last_played_at: int | None


@dataclass(frozen=True, slots=True)
class CollectionPage:
    """One page of the collection listing."""

    page: int
    page_size: int
    total: int
    records: list[CollectionRecord] = field(default_factory=list)
