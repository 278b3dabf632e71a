"""Tests for the synthetic listening history (small scale)."""

from __future__ import annotations

from collections import Counter
from itertools import pairwise

import pytest

from custom_components.aime.core.models import PlayInput, Source
from scripts.synthetic_history import (
    CROSS_SOURCE_MAX_OFFSET,
    DEFAULT_END,
    MAX_SESSION,
    MIN_SESSION_GAP,
    ROON_ZONES,
    PlayStream,
    SyntheticLibrary,
    generate_plays,
    hour_of_week,
    name_key,
)

SIZES = {"artists": 200, "albums": 800, "tracks": 6000}
PLAYS = 2000


@pytest.fixture(scope="module")
def library() -> SyntheticLibrary:
    return SyntheticLibrary.build(7, **SIZES)


@pytest.fixture(scope="module")
def history(library: SyntheticLibrary) -> tuple[PlayStream, list[PlayInput]]:
    stream = generate_plays(library, plays=PLAYS, seed=7)
    return stream, list(stream)


@pytest.fixture(scope="module")
def stream(history: tuple[PlayStream, list[PlayInput]]) -> PlayStream:
    return history[0]


@pytest.fixture(scope="module")
def plays(history: tuple[PlayStream, list[PlayInput]]) -> list[PlayInput]:
    return history[1]


def primary_artist(play: PlayInput) -> str:
    return play.artists[0] if play.artists else play.artist.split(" feat. ")[0]


def test_library_has_the_requested_shape(library: SyntheticLibrary) -> None:
    assert (library.artist_count, library.album_count, library.track_count) == (200, 800, 6000)
    assert len({name_key(name) for name in library.artist_names}) == 200
    for artist in range(library.artist_count):
        assert len(library.albums_of(artist)) >= 1
        for album in library.albums_of(artist):
            tracks = library.tracks_of(album)
            assert [library.track_number[track] for track in tracks] == list(
                range(1, len(tracks) + 1)
            )
            assert library.album_artist[album] == artist
    assert all(90 <= duration <= 900 for duration in library.track_duration)
    assert 200 < sorted(library.track_duration)[3000] < 290  # Median near 240 s.
    assert sorted(library.hit_order) == list(range(6000))


def test_names_look_like_a_real_library(library: SyntheticLibrary) -> None:
    names = library.artist_names
    assert any(name.startswith("The ") for name in names)
    accented = sum(name != name.encode("ascii", "ignore").decode() for name in names)
    assert 0.03 < accented / len(names) < 0.4
    featured = sum(guest >= 0 for guest in library.track_featured) / library.track_count
    assert 0.02 < featured < 0.09
    editions = sum(("Remaster" in t or "Edition" in t) for t in library.album_titles)
    assert 0.02 < editions / library.album_count < 0.1
    titles_by_artists = Counter(
        title for title, artist in set(zip(library.album_titles, library.album_artist, strict=True))
    )
    assert any(count >= 2 for count in titles_by_artists.values())  # Two "Greatest Hits".
    track = library.track(next(i for i, g in enumerate(library.track_featured) if g >= 0))
    assert track.credit == f"{track.artist} feat. {track.featured}"
    assert track.artists == (track.artist, track.featured)


def test_same_seed_same_history(library: SyntheticLibrary, plays: list[PlayInput]) -> None:
    again = SyntheticLibrary.build(7, **SIZES)
    assert again.artist_names == library.artist_names
    assert again.track_titles == library.track_titles
    assert list(generate_plays(again, plays=PLAYS, seed=7)) == plays
    assert list(generate_plays(again, plays=PLAYS, seed=8)) != plays


def test_plays_are_chronological_and_in_the_span(plays: list[PlayInput]) -> None:
    assert len(plays) == PLAYS
    times = [play.played_at for play in plays]
    assert all(earlier < later for earlier, later in pairwise(times))
    assert DEFAULT_END - 10 * 366 * 86400 < times[0] < times[-1] <= DEFAULT_END
    assert times[-1] - times[0] > 8 * 365 * 86400


def test_popular_artists_dominate(library: SyntheticLibrary, plays: list[PlayInput]) -> None:
    rank = {name: index for index, name in enumerate(library.artist_names)}
    by_rank = Counter(rank[primary_artist(play)] for play in plays)
    head = sum(count for artist, count in by_rank.items() if artist < 10)
    tail = sum(count for artist, count in by_rank.items() if artist >= 100)
    assert head > 3 * tail


def test_sources_and_cross_source_duplicates(stream: PlayStream, plays: list[PlayInput]) -> None:
    sources = Counter(play.source for play in plays)
    assert set(sources) == {Source.LASTFM, Source.ROON}
    assert 0.05 < sources[Source.ROON] / PLAYS < 0.3
    roon = [play for play in plays if play.source is Source.ROON]
    assert all(play.device in ROON_ZONES and play.duration for play in roon)
    assert all(play.seconds_listened and play.artists for play in roon)
    assert any(play.loved for play in plays if play.source is Source.LASTFM)

    duplicates = 0
    for play in plays:
        if play.source is Source.LASTFM:
            duplicates += any(
                other.title == play.title
                and primary_artist(other) == primary_artist(play)
                and abs(other.played_at - play.played_at) <= CROSS_SOURCE_MAX_OFFSET + 1
                for other in roon
            )
    assert duplicates == stream.cross_source_duplicates > 0
    assert stream.distinct_plays == PLAYS - duplicates


def test_sessions(plays: list[PlayInput]) -> None:
    sessions: list[list[PlayInput]] = [[plays[0]]]
    for previous, play in pairwise(plays):
        if play.played_at - previous.played_at >= MIN_SESSION_GAP:
            sessions.append([])
        sessions[-1].append(play)
    assert 100 < len(sessions) < 700
    for session in sessions:
        songs = [(primary_artist(play), play.title) for play in session]
        roon_sources = {play.source for play in session}
        assert len(session) <= MAX_SESSION * 2
        if roon_sources == {Source.LASTFM}:
            assert len(session) <= MAX_SESSION
            assert len(set(songs)) == len(songs)  # No song twice in a session.
    same_album_in_a_row = sum(
        previous.album == play.album for previous, play in pairwise(plays) if play.album
    )
    assert same_album_in_a_row > 0.2 * PLAYS  # Albums are played through.


def test_evenings_and_weekends_are_busier(plays: list[PlayInput]) -> None:
    hours = Counter(hour_of_week(play.played_at) for play in plays)
    evenings = sum(hours[day * 24 + hour] for day in range(7) for hour in range(19, 23))
    nights = sum(hours[day * 24 + hour] for day in range(7) for hour in range(2, 6))
    assert evenings > 5 * nights
    weekdays = sum(count for hour, count in hours.items() if hour < 120) / 5
    weekend = sum(count for hour, count in hours.items() if hour >= 120) / 2
    assert weekend > weekdays


def test_distinct_plays_needs_the_whole_stream(library: SyntheticLibrary) -> None:
    stream = generate_plays(library, plays=10, seed=1)
    next(stream)
    with pytest.raises(RuntimeError):
        _ = stream.distinct_plays


def test_impossible_density_is_refused(library: SyntheticLibrary) -> None:
    with pytest.raises(ValueError, match="do not fit"):
        generate_plays(library, plays=1_000_000, years=0.5)
