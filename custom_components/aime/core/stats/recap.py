"""The listening recap ("Wrapped") of a month, a year or a range of local dates.

Every figure comes from the statistics engine (``queries.py``) and its rollups, read in one
snapshot, in the store's time zone: a year costs a few thousand rollup rows, plus one pass
over the year's plays for the top tracks (``TrackWindows``).

The previous period is the previous calendar month for a month, the previous calendar year for
a year, and the same number of days just before for a range. Covers are the links the store
keeps (``covers.py``: the Discogs record's cover, else an enrichment image): data for the
caller, which must not hot-link them into a page it renders. Minutes are whole minutes,
rounded down.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum

from ..localtime import date_of_day, day_of_date
from .covers import album_covers, artist_images
from .figure_reader import FigureReader, longest_run, peak_index, percent_change
from .models import Ranked
from .queries import Stats

RECAP_TOP = 10
MAX_RANGE_DAYS = 366  # A custom range spans at most a (leap) year.
_TRACK_WINDOW_KEY = "recap"  # One cached per-track count, reused by recaps of one period.


class RecapKind(StrEnum):
    """What a recap covers."""

    MONTH = "month"
    YEAR = "year"
    CUSTOM = "custom"


@dataclass(frozen=True, slots=True)
class RecapPeriod:
    """Local dates ``first`` to ``last``, inclusive."""

    kind: RecapKind
    first: date
    last: date

    @classmethod
    def month(cls, year: int, month: int) -> RecapPeriod:
        """A calendar month."""
        first = date(year, month, 1)
        following = date(year + month // 12, month % 12 + 1, 1)
        return cls(RecapKind.MONTH, first, following - timedelta(days=1))

    @classmethod
    def year(cls, year: int) -> RecapPeriod:
        """A calendar year."""
        return cls(RecapKind.YEAR, date(year, 1, 1), date(year, 12, 31))

    @classmethod
    def custom(cls, first: date, last: date) -> RecapPeriod:
        """A range of local dates; ``ValueError`` when reversed or longer than allowed."""
        if first > last:
            raise ValueError("first is after last")
        if (last - first).days + 1 > MAX_RANGE_DAYS:
            raise ValueError(f"longer than {MAX_RANGE_DAYS} days")
        return cls(RecapKind.CUSTOM, first, last)

    @property
    def days(self) -> int:
        """How many local days the period spans."""
        return (self.last - self.first).days + 1

    @property
    def key(self) -> str:
        """``2024-10``, ``2024`` or ``2024-10-01_2024-10-14`` (file names, notification ids)."""
        if self.kind is RecapKind.MONTH:
            return f"{self.first:%Y-%m}"
        if self.kind is RecapKind.YEAR:
            return f"{self.first:%Y}"
        return f"{self.first.isoformat()}_{self.last.isoformat()}"

    def previous(self) -> RecapPeriod:
        """The period compared with this one (see the module docstring)."""
        if self.kind is RecapKind.MONTH:
            before = self.first - timedelta(days=1)
            return RecapPeriod.month(before.year, before.month)
        if self.kind is RecapKind.YEAR:
            return RecapPeriod.year(self.first.year - 1)
        return RecapPeriod(
            RecapKind.CUSTOM, self.first - timedelta(days=self.days), self.first - timedelta(days=1)
        )


def last_month(today: date) -> RecapPeriod:
    """The last complete calendar month before ``today``'s."""
    before = today.replace(day=1) - timedelta(days=1)
    return RecapPeriod.month(before.year, before.month)


def last_year(today: date) -> RecapPeriod:
    """The last complete calendar year before ``today``'s."""
    return RecapPeriod.year(today.year - 1)


@dataclass(frozen=True, slots=True)
class RecapItem:
    """An artist, album or track of a top list; ``artist`` names an album's or track's artist."""

    id: int
    name: str
    plays: int
    artist: str | None
    cover_url: str | None  # Stored link (data): never hot-linked by AIME's pages.


@dataclass(frozen=True, slots=True)
class RecapDay:
    """The busiest local day."""

    date: str
    plays: int
    listening_seconds: int


@dataclass(frozen=True, slots=True)
class RecapPeak:
    """The busiest local clock hour (0-23) or weekday (Monday 0), summed over the period."""

    value: int
    plays: int


@dataclass(frozen=True, slots=True)
class RecapStreak:
    """The longest run of consecutive days with plays inside the period (the earliest one)."""

    days: int
    first: str | None
    last: str | None


@dataclass(frozen=True, slots=True)
class RecapRecord:
    """The record of the collection whose album was played most in the period."""

    id: int
    album_id: int
    artist: str
    title: str
    format: str | None
    year: int | None
    cover_url: str | None
    plays: int


@dataclass(frozen=True, slots=True)
class RecapComparison:
    """The previous period's figures; changes are percentages (``None`` when it had none)."""

    first_day: str
    last_day: str
    plays: int
    listening_seconds: int
    listening_minutes: int
    plays_delta: int
    minutes_delta: int
    plays_change: float | None
    listening_change: float | None


@dataclass(frozen=True, slots=True)
class Recap:
    """The recap of one period (``dataclasses.asdict`` it for JSON)."""

    period: str
    key: str
    first_day: str
    last_day: str
    days: int
    plays: int
    listening_seconds: int
    listening_minutes: int
    estimated_plays: int
    active_days: int
    unique_artists: int
    unique_albums: int
    unique_tracks: int
    top_artists: list[RecapItem]
    top_albums: list[RecapItem]
    top_tracks: list[RecapItem]
    new_artists: int  # First play ever inside the period.
    top_new_artists: list[RecapItem]
    longest_streak: RecapStreak
    busiest_day: RecapDay | None
    busiest_hour: RecapPeak | None
    busiest_weekday: RecapPeak | None
    top_record: RecapRecord | None
    previous: RecapComparison


def recap(
    stats: Stats, period: RecapPeriod, top: int = RECAP_TOP, *, listener: str | None = None
) -> Recap:
    """The recap of ``period`` (blocking: call it in the executor), of ``listener``'s plays
    (a person's entity id) or everyone's."""
    top = max(top, 1)
    with stats._reading(listener) as reader:  # One snapshot; the reader is this package's own.
        return _Recapper(reader, period, top).recap()


class _Recapper:
    def __init__(self, reader: FigureReader, period: RecapPeriod, top: int) -> None:
        self.reader = reader
        self.period = period
        self.top = top
        self.first, self.last = day_of_date(period.first), day_of_date(period.last)

    def recap(self) -> Recap:
        reader, first, last, top = self.reader, self.first, self.last, self.top
        listening = reader.listening(first, last)
        artists, top_artists = reader.top_artists(first, last, top)
        albums, top_albums = reader.top_albums(first, last, top)
        tracks, top_tracks = reader.top_tracks(first, last, top, _TRACK_WINDOW_KEY)
        active = reader.active_days(first, last)
        streak, streak_first, streak_last = longest_run(active)
        heatmap = reader.heatmap(first, last)
        hours = [sum(row[hour] for row in heatmap) for hour in range(24)]
        weekdays = [sum(row) for row in heatmap]
        previous = self.period.previous()
        before = reader.listening(day_of_date(previous.first), day_of_date(previous.last))
        minutes = listening.seconds // 60
        return Recap(
            period=self.period.kind.value,
            key=self.period.key,
            first_day=self.period.first.isoformat(),
            last_day=self.period.last.isoformat(),
            days=self.period.days,
            plays=listening.plays,
            listening_seconds=listening.seconds,
            listening_minutes=minutes,
            estimated_plays=listening.estimated_plays,
            active_days=len(active),
            unique_artists=artists,
            unique_albums=albums,
            unique_tracks=tracks,
            top_artists=self._items(top_artists, self._artist_images(top_artists)),
            top_albums=self._items(top_albums, self._album_covers([e.id for e in top_albums])),
            top_tracks=self._items(top_tracks, self._track_covers(top_tracks)),
            new_artists=reader.new_artists(first, last),
            top_new_artists=self._new_artists(),
            longest_streak=RecapStreak(
                streak,
                date_of_day(streak_first).isoformat() if streak else None,
                date_of_day(streak_last).isoformat() if streak else None,
            ),
            busiest_day=self._busiest_day(),
            busiest_hour=_peak_of(hours),
            busiest_weekday=_peak_of(weekdays),
            top_record=self._top_record(),
            previous=RecapComparison(
                first_day=previous.first.isoformat(),
                last_day=previous.last.isoformat(),
                plays=before.plays,
                listening_seconds=before.seconds,
                listening_minutes=before.seconds // 60,
                plays_delta=listening.plays - before.plays,
                minutes_delta=minutes - before.seconds // 60,
                plays_change=percent_change(listening.plays, before.plays),
                listening_change=percent_change(listening.seconds, before.seconds),
            ),
        )

    # --- covers ---------------------------------------------------------------------------

    def _items(self, ranked: list[Ranked], covers: Mapping[int, str]) -> list[RecapItem]:
        return [
            RecapItem(entry.id, entry.name, entry.plays, entry.artist, covers.get(entry.id))
            for entry in ranked
        ]

    def _album_covers(self, album_ids: list[int]) -> dict[int, str]:
        return album_covers(self.reader.conn, album_ids)

    def _artist_images(self, ranked: list[Ranked]) -> dict[int, str]:
        return artist_images(self.reader.conn, (entry.id for entry in ranked))

    def _track_covers(self, ranked: list[Ranked]) -> dict[int, str]:
        """A track shows its album's cover."""
        if not ranked:
            return {}
        ids = tuple(entry.id for entry in ranked)
        album_of: dict[int, int] = dict(
            self.reader.conn.exec_driver_sql(
                f"SELECT id, album_id FROM track WHERE id IN ({','.join('?' * len(ids))})", ids
            )
            .tuples()
            .all()
        )
        covers = self._album_covers(sorted(set(album_of.values())))
        return {track: covers[album] for track, album in album_of.items() if album in covers}

    # --- the other figures ----------------------------------------------------------------

    def _new_artists(self) -> list[RecapItem]:
        """Artists first played in the period, the most played there first."""
        start, end = self.reader.clock.day_range(self.first, self.last)
        rows = self.reader.conn.exec_driver_sql(
            "SELECT d.artist_id, a.name, sum(d.plays) AS plays "
            f"FROM {self.reader.scope.table('stats_day_artist')} d "
            f"{self.reader.scope.join('stats_artist', 's', 's.artist_id = d.artist_id')} "
            "JOIN artist a ON a.id = d.artist_id "
            "WHERE d.day BETWEEN ? AND ? AND s.first_played_at >= ? AND s.first_played_at < ? "
            "GROUP BY d.artist_id ORDER BY plays DESC, a.name COLLATE NOCASE, d.artist_id "
            "LIMIT ?",
            (self.first, self.last, start, end, self.top),
        ).all()
        ranked = [Ranked(item, name, plays) for item, name, plays in rows]
        return self._items(ranked, self._artist_images(ranked))

    def _busiest_day(self) -> RecapDay | None:
        row = self.reader.conn.exec_driver_sql(
            "SELECT day, plays, seconds + estimated * ? "
            f"FROM {self.reader.scope.table('stats_day')} WHERE day BETWEEN ? AND ? "
            "ORDER BY plays DESC, day LIMIT 1",
            (self.reader.typical, self.first, self.last),
        ).one_or_none()
        return None if row is None else RecapDay(date_of_day(row[0]).isoformat(), row[1], row[2])

    def _top_record(self) -> RecapRecord | None:
        """Ties go to the artist, then the title, in name order; one record per album."""
        row = self.reader.conn.exec_driver_sql(
            "SELECT c.id, c.album_id, ar.name, al.title, c.format, "
            "coalesce(c.original_year, c.pressing_year), c.cover_url, p.plays FROM "
            "(SELECT album_id, sum(plays) AS plays "
            f"FROM {self.reader.scope.table('stats_day_album')} WHERE day BETWEEN ? AND ? "
            "AND album_id IN (SELECT album_id FROM collection_item) GROUP BY album_id) p "
            "JOIN collection_item c ON c.id = "
            "(SELECT min(id) FROM collection_item WHERE album_id = p.album_id) "
            "JOIN album al ON al.id = p.album_id JOIN artist ar ON ar.id = al.artist_id "
            "ORDER BY p.plays DESC, ar.key, al.key, c.id LIMIT 1",
            (self.first, self.last),
        ).one_or_none()
        return None if row is None else RecapRecord(*row)


def _peak_of(values: list[int]) -> RecapPeak | None:
    """The first of the largest values (an earlier hour or weekday wins a tie)."""
    index = peak_index(values)
    return None if index is None else RecapPeak(index, values[index])
