"""Plain results of the panel's pages (``dataclasses.asdict`` them); see ``models.py``.

Album and track entries carry the names a Roon search needs (title and artist), so the Home
Assistant layer can add what to play; every album-ish entry carries its ``album_id`` so it
can add the cover's URL.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from .models import JournalEntry, PeriodFigures, Ranked


class Granularity(StrEnum):
    """How a range's series is cut: local days, weeks from Monday, calendar months."""

    DAY = "day"
    WEEK = "week"
    MONTH = "month"


class Shelf(StrEnum):
    """Records picked by their plays."""

    NEVER_PLAYED = "never_played"
    NOT_PLAYED_YEAR = "not_played_year"  # Played once, but not in the last 12 months.


@dataclass(frozen=True, slots=True)
class NewArtist:
    """An artist whose first play ever falls in the range."""

    id: int
    name: str
    first_played: str  # Local time.


@dataclass(frozen=True, slots=True)
class SeriesPoint:
    """Plays of one cut of a range; ``start`` is its first local date."""

    start: str
    plays: int
    listening_seconds: int


@dataclass(frozen=True, slots=True)
class Genre:
    """A collection genre and the plays of its owned albums."""

    name: str
    plays: int


@dataclass(frozen=True, slots=True)
class RangeStats(PeriodFigures):
    """Statistics of local days ``first_day`` to ``last_day``, for ``aime/range``."""

    first_day: str
    last_day: str
    granularity: str
    top_genres: list[Genre]
    new_artists: list[NewArtist]
    series: list[SeriesPoint]


@dataclass(frozen=True, slots=True)
class OwnedRecord:
    """A record of the collection (Discogs)."""

    id: int
    format: str | None
    pressing_year: int | None
    original_year: int | None
    labels: str | None
    genres: list[str]
    styles: list[str]
    discogs_url: str | None
    added_at: int | None


@dataclass(frozen=True, slots=True)
class Description:
    """The newest AI description of an album."""

    text: str
    model: str
    generated_at: int


@dataclass(frozen=True, slots=True)
class AlbumTrack:
    """A track of an album and its plays."""

    track_id: int
    title: str
    artist: str
    artist_id: int
    track_number: int | None
    duration: int | None
    plays: int
    last_played_at: int | None


@dataclass(frozen=True, slots=True)
class AlbumPage:
    """Everything about one album, for ``aime/album``; ``plays`` is one page, newest first."""

    album_id: int
    title: str
    artist_id: int
    artist: str
    pressing_year: int | None
    original_year: int | None
    genres: list[str]
    styles: list[str]
    links: dict[str, str]  # Service -> page: discogs, spotify.
    records: list[OwnedRecord]
    description: Description | None
    total_plays: int
    listening_seconds: int
    first_played_at: int | None
    last_played_at: int | None
    tracks: list[AlbumTrack]
    page: int
    page_size: int
    plays: list[JournalEntry]


@dataclass(frozen=True, slots=True)
class ArtistAlbum:
    """An album of the artist: its plays and the records owned."""

    album_id: int
    title: str
    artist: str
    plays: int
    last_played_at: int | None
    owned: int


@dataclass(frozen=True, slots=True)
class MonthPlays:
    """Plays of one local calendar month."""

    month: str  # "2024-03"
    plays: int


@dataclass(frozen=True, slots=True)
class ArtistPage:
    """Everything about one artist, for ``aime/artist``.

    ``candidates`` names the artists an unresolved one stands for (the AIME database import
    merged them); it is empty for an ordinary artist.
    """

    artist_id: int
    name: str
    candidates: list[str]
    links: dict[str, str]
    total_plays: int
    first_played_at: int | None
    last_played_at: int | None
    months: list[MonthPlays]
    albums: list[ArtistAlbum]
    top_tracks: list[Ranked]


@dataclass(frozen=True, slots=True)
class Facet:
    """One value of a collection filter and how many records have it."""

    value: str
    records: int


@dataclass(frozen=True, slots=True)
class CollectionFacets:
    """The values the collection can be filtered by, most records first."""

    formats: list[Facet]
    genres: list[Facet]
    styles: list[Facet]
    decades: list[Facet]  # "1970"; records without a year are left out.
