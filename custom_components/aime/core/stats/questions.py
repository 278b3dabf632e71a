"""Answers to questions asked in words (Assist, LLM tools): plays between two instants, the
top of a period, and the records of the collection left unplayed.

Built on the statistics engine: the journal pages, the top lists over a reader snapshot, and
the collection listing, so they follow the same identity and time zone rules.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from ..localtime import date_of_day, day_of_date
from .figure_reader import FigureReader
from .models import CollectionRecord, CollectionSort, HistoryFilter, JournalEntry, Ranked, Window
from .queries import Stats

_PAGE = 500
_TRACK_WINDOW_KEY = "questions"  # The per-track counts cached for custom periods.


@dataclass(frozen=True, slots=True)
class PlaysBetween:
    """Plays from ``start`` (included) to ``end`` (excluded): how many, and the newest ones."""

    total: int
    entries: list[JournalEntry]


@dataclass(frozen=True, slots=True)
class PeriodTop:
    """The top artists, albums and tracks of local dates ``first_day`` to ``last_day``."""

    first_day: str
    last_day: str
    plays: int
    listening_seconds: int
    unique_artists: int
    top_artists: list[Ranked]
    top_albums: list[Ranked]
    top_tracks: list[Ranked]


@dataclass(frozen=True, slots=True)
class Unplayed:
    """Records matching a question: how many, and the first ones (oldest play first)."""

    total: int
    records: list[CollectionRecord]


def plays_between(
    stats: Stats, start: datetime, end: datetime, limit: int, *, listener: str | None = None
) -> PlaysBetween:
    """The plays with ``start <= played_at < end`` (aware datetimes), newest first.

    Here and below, ``listener`` (a person's entity id) counts that person's plays alone.
    """
    first_at, end_at = int(start.timestamp()), int(end.timestamp())
    # A day of margin each side: the store's local days may not be the caller's.
    filters = HistoryFilter(
        first_day=(start - timedelta(days=1)).date(), last_day=(end + timedelta(days=1)).date()
    )
    total, page = 0, 0
    kept: list[JournalEntry] = []
    while True:
        found = stats.history(filters, page, _PAGE, listener=listener)
        for entry in found.entries:
            if entry.played_at < first_at:
                return PlaysBetween(total, kept)
            if entry.played_at < end_at:
                total += 1
                if len(kept) < limit:
                    kept.append(entry)
        page += 1
        if page * _PAGE >= found.total or not found.entries:
            return PlaysBetween(total, kept)


def window_top(
    stats: Stats, now: datetime, window: Window, top: int, *, listener: str | None = None
) -> PeriodTop:
    """The top lists of a named window ending today (the local date of ``now``)."""
    with stats._reading(listener) as reader:  # One snapshot; the reader is this package's own.
        first, last = reader.window_days(window, reader.today(now))
        return _top(reader, first, last, top, window.value)


def period_top(
    stats: Stats, first_day: date, last_day: date, top: int, *, listener: str | None = None
) -> PeriodTop:
    """The top lists of local dates ``first_day`` to ``last_day``, inclusive."""
    with stats._reading(listener) as reader:
        first, last = day_of_date(first_day), day_of_date(last_day)
        return _top(reader, first, last, top, _TRACK_WINDOW_KEY)


def _top(reader: FigureReader, first: int, last: int, top: int, key: str) -> PeriodTop:
    listening = reader.listening(first, last)
    artists, top_artists = reader.top_artists(first, last, top)
    _albums, top_albums = reader.top_albums(first, last, top)
    _tracks, top_tracks = reader.top_tracks(first, last, top, key)
    return PeriodTop(
        first_day=date_of_day(first).isoformat(),
        last_day=date_of_day(last).isoformat(),
        plays=listening.plays,
        listening_seconds=listening.seconds,
        unique_artists=artists,
        top_artists=top_artists,
        top_albums=top_albums,
        top_tracks=top_tracks,
    )


def never_played(stats: Stats, limit: int, *, listener: str | None = None) -> Unplayed:
    """Records whose album has no play at all."""
    return _walk(stats, (CollectionSort.PLAYS, listener), limit, lambda record: record.plays == 0)


def not_played_since(
    stats: Stats, since: datetime, limit: int, *, listener: str | None = None
) -> Unplayed:
    """Records played, but not since ``since`` (records never played are not counted)."""
    cutoff = int(since.timestamp())
    return _walk(
        stats,
        (CollectionSort.LAST_PLAYED, listener),
        limit,
        lambda record: record.last_played_at is not None and record.last_played_at < cutoff,
    )


def _walk(
    stats: Stats,
    order: tuple[CollectionSort, str | None],
    limit: int,
    wanted: Callable[[CollectionRecord], bool],
) -> Unplayed:
    """Walk the listing in ``order`` (a sort, ascending, and whose plays) while records match."""
    sort, listener = order
    total, page = 0, 0
    kept: list[CollectionRecord] = []
    while True:
        found = stats.collection_page(page=page, page_size=_PAGE, sort=sort, listener=listener)
        for record in found.records:
            if not wanted(record):  # Matching records come first in this order.
                return Unplayed(total, kept)
            total += 1
            if len(kept) < limit:
                kept.append(record)
        page += 1
        if page * _PAGE >= found.total or not found.records:
            return Unplayed(total, kept)
