"""The playlist algorithms on the hand-built history of ``playlist_fixture.py``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import timedelta
import sqlite3
from typing import Any

import pytest

from custom_components.aime.core.playlists import ai as playlist_ai
from custom_components.aime.core.playlists.models import (
    EMPTY_HISTORY,
    NO_MATCH,
    Algorithm,
    Candidate,
    DayType,
    Fallback,
    PlaylistError,
    PlaylistRequest,
)
from custom_components.aime.core.stats.models import Window
from custom_components.aime.core.store.store import Store

from ..playlist_fixture import NOW, fill

type Ids = dict[str, int]


@pytest.fixture
def ids(store: Store) -> Ids:
    """The history, recorded; track ids by title."""
    return fill(store)


def titles(store: Store, request: PlaylistRequest, **kwargs: Any) -> list[str]:
    """The generated playlist's track titles."""
    return [track.title for track in store.playlists.generate(request, **kwargs).tracks]


def request(algorithm: Algorithm, max_tracks: int = 5, **kwargs: Any) -> PlaylistRequest:
    """A request at ``NOW``."""
    return PlaylistRequest(algorithm, NOW, max_tracks=max_tracks, **kwargs)


@pytest.mark.usefixtures("ids")
@pytest.mark.parametrize(
    ("algorithm", "max_tracks", "options", "expected"),
    [
        # S2 is the longest; then S1; S3 and S4 tie on plays and length: the latest first.
        (Algorithm.TOP_SESSIONS, 5, {}, ["b1", "b2", "b3", "a1", "c1"]),
        (Algorithm.TOP_SESSIONS, 8, {}, ["b1", "b2", "b3", "a1", "c1", "a2", "a3", "d1"]),
        # Ada+Bo share 3 sessions; then Ada+Cy (8 plays), Bo+Cy (7), Cy+Di (4), one each.
        (Algorithm.ARTIST_CORRELATIONS, 5, {}, ["a1", "b1", "a2", "b3", "a3"]),
        (
            Algorithm.ARTIST_CORRELATIONS,
            10,
            {},
            ["a1", "b1", "a2", "b3", "a3", "c1", "b2", "d2", "d1"],
        ),
        # Ada (3 changes away) -> Bo -> Ada (cycle) -> Cy -> Di; then wherever tracks are left.
        (Algorithm.ARTIST_FLOW, 5, {}, ["a1", "b1", "a2", "c1", "d2"]),
        (
            Algorithm.ARTIST_FLOW,
            10,
            {},
            ["a1", "b1", "a2", "c1", "d2", "a3", "b3", "b2", "d1"],
        ),
        # 20:00: a1 and b1 three times (b1 played later), a2 twice, then the latest first.
        (Algorithm.TIME_BASED, 7, {"hour": 20}, ["b1", "a1", "a2", "c1", "b3", "b2", "a3"]),
        (Algorithm.TIME_BASED, 5, {"hour": 8, "day_type": DayType.WEEKEND}, ["d2", "c1", "d1"]),
        # Alpha and Beta were heard through once each; Alpha has more plays. Beta in track order.
        (Algorithm.COMPLETE_ALBUMS, 6, {}, ["a1", "a2", "a3", "b2", "b3", "b1"]),
        (Algorithm.COMPLETE_ALBUMS, 5, {}, ["a1", "a2", "a3"]),
        # Loved d2, then the heavily played (3 plays) a1 and b1, least recently played first.
        (Algorithm.REDISCOVERY, 5, {}, ["d2", "a1", "b1"]),
        # 196 days: d2's last play (Saturday) is too recent.
        (Algorithm.REDISCOVERY, 5, {"rediscovery_days": 196}, ["a1", "b1"]),
    ],
)
def test_algorithm(
    store: Store,
    algorithm: Algorithm,
    max_tracks: int,
    options: dict[str, Any],
    expected: list[str],
) -> None:
    """Each algorithm gives the hand-computed tracks."""
    assert titles(store, request(algorithm, max_tracks, **options)) == expected


def test_time_based_defaults_to_the_hour_of_now(store: Store, ids: Ids) -> None:
    """Without an hour, the hour of ``now`` in the store's time zone."""
    at_eight = replace(request(Algorithm.TIME_BASED), now=NOW.replace(hour=8))
    assert titles(store, at_eight) == ["d2", "c1", "d1"]


def test_playlist_model(store: Store, ids: Ids) -> None:
    """Tracks carry artist, album (and their ids) and duration; totals skip unknown durations."""
    with sqlite3.connect(store.path) as conn:
        album_id, artist_id = conn.execute(
            "SELECT album_id, artist_id FROM track WHERE id = ?", (ids["b1"],)
        ).fetchone()
    conn.close()
    playlist = store.playlists.generate(request(Algorithm.TOP_SESSIONS))
    assert playlist.name == "top_sessions 2024-07-19 12:00"
    assert playlist.algorithm == "top_sessions"
    assert playlist.tracks[0].as_dict() == {
        "track_id": ids["b1"],
        "title": "b1",
        "artist": "Bo",
        "album": "Beta",
        "duration": 300,
        "album_id": album_id,
        "artist_id": artist_id,
    }
    assert (playlist.total_duration, playlist.unknown_durations) == (3 * 300 + 200, 1)
    assert (playlist.unique_artists, playlist.unique_albums) == (3, 3)
    assert playlist.parameters == {"max_tracks": 5, "window": "all"}
    data = playlist.as_dict()
    assert data["tracks"][4] == {"position": 5, **playlist.tracks[4].as_dict()}
    assert data["track_count"] == 5


def test_parameters_record_the_options() -> None:
    """Only the options an algorithm uses are recorded."""
    timed = request(Algorithm.TIME_BASED, hour=8, seed=3, day_type=DayType.WEEKDAY)
    assert timed.parameters() == {
        "max_tracks": 5,
        "window": "all",
        "seed": 3,
        "day_type": "weekday",
        "hour": 8,
    }
    assert request(Algorithm.REDISCOVERY).parameters()["rediscovery_days"] == 90
    assert request(Algorithm.AI_GENERATED, prompt="x").parameters()["prompt"] == "x"


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"max_tracks": 4}, "max_tracks"),
        ({"max_tracks": 101}, "max_tracks"),
        ({"hour": 24}, "hour"),
        ({"rediscovery_days": 0}, "rediscovery_days"),
        ({"algorithm": Algorithm.AI_GENERATED}, "prompt"),
        ({"algorithm": Algorithm.AI_GENERATED, "prompt": "  "}, "prompt"),
        ({"prompt": "x" * 1001}, "prompt"),
        ({"now": NOW.replace(tzinfo=None)}, "aware"),
    ],
)
def test_invalid_requests(options: dict[str, Any], message: str) -> None:
    """Out-of-range options are refused."""
    values: dict[str, Any] = {"algorithm": Algorithm.TOP_SESSIONS, "now": NOW} | options
    with pytest.raises(ValueError, match=message):
        PlaylistRequest(**values)


@pytest.mark.parametrize("algorithm", list(Algorithm))
def test_empty_history(store: Store, algorithm: Algorithm) -> None:
    """No play at all: an error, never an empty playlist."""
    with pytest.raises(PlaylistError) as caught:
        store.playlists.generate(request(algorithm, prompt="jazz"), picker=lambda *_: [])
    assert caught.value.reason == EMPTY_HISTORY


@pytest.mark.usefixtures("ids")
def test_window_without_plays(store: Store) -> None:
    """The last 7 days hold no play."""
    with pytest.raises(PlaylistError, match=EMPTY_HISTORY):
        store.playlists.generate(request(Algorithm.TOP_SESSIONS, window=Window.DAYS_7))


@pytest.mark.usefixtures("ids")
@pytest.mark.parametrize(
    "options",
    [
        {"algorithm": Algorithm.TIME_BASED, "hour": 8, "day_type": DayType.WEEKDAY},
        {"algorithm": Algorithm.REDISCOVERY, "rediscovery_days": 199},
    ],
)
def test_nothing_matches(store: Store, options: dict[str, Any]) -> None:
    """Plays, but none the algorithm can use."""
    with pytest.raises(PlaylistError, match=NO_MATCH):
        store.playlists.generate(PlaylistRequest(now=NOW, **options))


@pytest.mark.usefixtures("ids")
@pytest.mark.parametrize(
    ("window", "now", "expected"),
    [
        # The year 2024 holds everything; so do the last 365 days.
        (Window.YEAR, NOW, ["b1", "b2", "b3", "a1", "c1"]),
        (Window.DAYS_365, NOW, ["b1", "b2", "b3", "a1", "c1"]),
        # On Saturday 6 January: the week, 30 days and month hold everything; the day S3.
        (Window.WEEK, NOW.replace(month=1, day=6, hour=23), ["b1", "b2", "b3", "a1", "c1"]),
        (Window.DAYS_30, NOW.replace(month=1, day=6, hour=23), ["b1", "b2", "b3", "a1", "c1"]),
        (Window.MONTH, NOW.replace(month=1, day=6, hour=23), ["b1", "b2", "b3", "a1", "c1"]),
        (Window.TODAY, NOW.replace(month=1, day=6, hour=23), ["d1", "c1", "d2"]),
    ],
)
def test_windows(store: Store, window: Window, now: Any, expected: list[str]) -> None:
    """Windows are local calendar days ending today."""
    generated = replace(request(Algorithm.TOP_SESSIONS, window=window), now=now)
    assert titles(store, generated) == expected


@pytest.mark.usefixtures("ids")
def test_window_counts_plays_inside_it(store: Store) -> None:
    """Sequence algorithms and rediscovery read only the window's plays."""
    saturday = NOW.replace(month=1, day=6, hour=23)
    today = replace(request(Algorithm.ARTIST_FLOW, window=Window.TODAY), now=saturday)
    # Di has more plays than Cy: Di starts; back to Di (a cycle) for the last track.
    assert titles(store, today) == ["d2", "c1", "d1"]
    sunday = saturday + timedelta(hours=13)
    week = replace(request(Algorithm.REDISCOVERY, window=Window.WEEK), now=sunday)
    assert titles(store, replace(week, rediscovery_days=1)) == ["d2", "a1", "b1"]


@pytest.mark.usefixtures("ids")
@pytest.mark.parametrize("algorithm", [a for a in Algorithm if a is not Algorithm.AI_GENERATED])
def test_seed_is_reproducible(store: Store, algorithm: Algorithm) -> None:
    """The same seed gives the same playlist; tracks stay distinct."""
    first = titles(store, request(algorithm, 10, seed=42, hour=20))
    assert first == titles(store, request(algorithm, 10, seed=42, hour=20))
    assert len(first) == len(set(first))


@pytest.mark.usefixtures("ids")
def test_seed_breaks_ties_only(store: Store) -> None:
    """At 20:00 a1 and b1 tie: seeds order them either way, a2 always comes third."""
    orders = {
        tuple(titles(store, request(Algorithm.TIME_BASED, hour=20, seed=seed))[:3])
        for seed in range(12)
    }
    assert orders == {("a1", "b1", "a2"), ("b1", "a1", "a2")}


def test_complete_albums_cuts_the_only_album_short(store: Store) -> None:
    """When no album fits, the best one is cut to the playlist's length."""
    store.ingest(_plays_of("Ada", "Long", [f"t{n}" for n in range(1, 8)], start=1_700_000_000))
    assert titles(store, request(Algorithm.COMPLETE_ALBUMS)) == ["t1", "t2", "t3", "t4", "t5"]


def _plays_of(artist: str, album: str, titles_: Sequence[str], start: int) -> list[Any]:
    from custom_components.aime.core.models import PlayInput, Source

    return [
        PlayInput(title, artist, start + 240 * n, Source.LASTFM, album=album, track_number=n + 1)
        for n, title in enumerate(titles_)
    ]


# --- ai_generated ------------------------------------------------------------------------


def test_ai_pool_and_picks(store: Store, ids: Ids) -> None:
    """Album-title matches lead the pool; the rest is filled by plays; picks are checked."""
    offered: list[list[Candidate]] = []

    def picker(prompt: str, pool: Sequence[Candidate]) -> list[int | str]:
        offered.append(list(pool))
        return [ids["c1"], 9999, "x", str(ids["b1"]), ids["c1"]]

    playlist = store.playlists.generate(
        request(Algorithm.AI_GENERATED, prompt="Gamma vibes"), picker=picker
    )
    assert [track.title for track in playlist.tracks] == ["c1", "b1"]
    pool = offered[0]
    assert [c.track.title for c in pool] == ["c1", "a1", "b1", "a2", "a3", "b2", "b3", "d1", "d2"]
    assert (pool[0].relevance, pool[0].plays, pool[1].relevance) == (3, 2, 0)
    assert playlist.parameters == {
        "max_tracks": 5,
        "window": "all",
        "prompt": "Gamma vibes",
        "pool_size": 9,
    }


@pytest.mark.parametrize(
    ("answer", "fallback"),
    [(RuntimeError("model down"), Fallback.PICKER_FAILED), ([], Fallback.NO_VALID_PICK)],
)
def test_ai_fallback(
    store: Store, ids: Ids, answer: Exception | list[int], fallback: Fallback
) -> None:
    """A failing or empty answer gives the top of the pool, flagged."""

    def picker(prompt: str, pool: Sequence[Candidate]) -> list[int]:
        if isinstance(answer, Exception):
            raise answer
        return answer

    playlist = store.playlists.generate(
        request(Algorithm.AI_GENERATED, prompt="Gamma"), picker=picker
    )
    assert [track.title for track in playlist.tracks] == ["c1", "a1", "b1", "a2", "a3"]
    assert playlist.parameters["fallback"] == fallback.value


def test_ai_matches_artists_titles_genres_and_texts(store: Store, ids: Ids) -> None:
    """Artist names, track titles, collection genres and AI texts all count."""
    with store._write() as conn:  # Rows other features will write.
        delta = conn.exec_driver_sql("SELECT id FROM album WHERE title = 'Delta'").scalar()
        beta = conn.exec_driver_sql("SELECT id FROM album WHERE title = 'Beta'").scalar()
        conn.exec_driver_sql(
            "INSERT INTO ai_text (album_id, kind, language, model, created_at, text) "
            "VALUES (?, 'description', 'fr', 'm', 0, 'Un album MÉLANCOLIQUE et mélancolique')",
            (delta,),
        )
        conn.exec_driver_sql(
            "INSERT INTO collection_item (album_id, genres, styles) VALUES (?, 'Jazz', 'Cool')",
            (beta,),
        )
    scores: dict[str, int] = {}

    def picker(prompt: str, pool: Sequence[Candidate]) -> list[int]:
        scores.update({c.track.title: c.relevance for c in pool})
        return []

    prompt = "ada, jazz, a3 and mélancolique"
    store.playlists.generate(request(Algorithm.AI_GENERATED, prompt=prompt), picker=picker)
    assert playlist_ai.prompt_terms(prompt) == ["ada", "jazz", "melancolique"]
    # Ada: artist 4; Beta: genre 2; Delta: AI text 1 (the accented word as typed).
    assert scores == {
        "a1": 4, "a2": 4, "a3": 4, "b1": 2, "b2": 2, "b3": 2, "d1": 1, "d2": 1, "c1": 0
    }  # fmt: skip
    title_hit = request(Algorithm.AI_GENERATED, prompt="a1x c1")
    assert playlist_ai.prompt_terms(title_hit.prompt or "") == ["a1x"]


def test_ai_title_match(store: Store, ids: Ids) -> None:
    """A word of a track's title makes it relevant."""
    store.ingest(_plays_of("Eve", "Songs", ["Blue Moon"], start=1_700_000_000))
    scores: dict[str, int] = {}

    def picker(prompt: str, pool: Sequence[Candidate]) -> list[int]:
        scores.update({c.track.title: c.relevance for c in pool if c.relevance})
        return []

    store.playlists.generate(request(Algorithm.AI_GENERATED, prompt="moon"), picker=picker)
    assert scores == {"Blue Moon": 2}


def test_ai_pool_of_matches_alone_when_they_fill_it(
    store: Store, ids: Ids, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Enough matches fill the pool by relevance, then plays; the most played others stay out."""
    monkeypatch.setattr(playlist_ai, "POOL_SIZE", 3)
    store.ingest(_plays_of("Eve", "Songs", ["Moon A", "Moon B", "Moon C"], start=1_700_000_000))
    store.ingest(_plays_of("Eve", "Songs", ["Moon B", "Moon D"], start=1_700_100_000))
    pools: list[list[tuple[str, int, int]]] = []

    def picker(prompt: str, pool: Sequence[Candidate]) -> list[int]:
        pools.append([(c.track.title, c.plays, c.relevance) for c in pool])
        return []

    store.playlists.generate(request(Algorithm.AI_GENERATED, prompt="moon"), picker=picker)
    assert pools == [[("Moon B", 2, 2), ("Moon A", 1, 2), ("Moon C", 1, 2)]]


def test_ai_window_keeps_tracks_played_in_it(store: Store, ids: Ids) -> None:
    """With a window, the pool holds only the window's tracks."""
    now = NOW.replace(month=1, day=6, hour=23)
    seen: list[str] = []

    def picker(prompt: str, pool: Sequence[Candidate]) -> list[int]:
        seen.extend(c.track.title for c in pool)
        return [c.track.track_id for c in pool]

    today = replace(request(Algorithm.AI_GENERATED, prompt="ada", window=Window.TODAY), now=now)
    store.playlists.generate(today, picker=picker)
    assert seen == ["c1", "d1", "d2"]  # Ada's tracks match, but were not played that day.


def test_ai_needs_a_picker(store: Store, ids: Ids) -> None:
    """The core never guesses a model."""
    with pytest.raises(ValueError, match="picker"):
        store.playlists.generate(request(Algorithm.AI_GENERATED, prompt="x"))


def test_a_late_play_joining_two_sessions_counts_once(store: Store) -> None:
    """Sessions merged by a play filling their gap are one session to the algorithms."""
    start = int(NOW.timestamp()) - 6 * 3600
    album = _plays_of("Ed", "Eps", ["e1", "e2", "e3"], start=start)
    store.ingest([replace(album[0])])
    store.ingest([replace(album[2], played_at=start + 3000)])  # 50 minutes later: two sessions.
    today = request(Algorithm.COMPLETE_ALBUMS, window=Window.TODAY)
    with pytest.raises(PlaylistError):  # One track per session: no album heard through.
        titles(store, today)
    store.ingest([replace(album[1], played_at=start + 1500)])  # Late, it fills the gap.
    assert titles(store, today) == ["e1", "e2", "e3"]


# --- saved playlists ---------------------------------------------------------------------


def test_save_get_list_delete(store: Store, ids: Ids) -> None:
    """Playlists keep their tracks in order and their parameters."""
    book = store.playlists
    assert book.latest() is None
    first = book.save(book.generate(request(Algorithm.TOP_SESSIONS), name="One"), 100)
    second = book.save(book.generate(request(Algorithm.REDISCOVERY)), 200)
    assert (first.id, first.created_at, first.name) == (1, 100, "One")
    assert book.get(first.id or 0) == first
    assert book.latest() == second
    assert [s.as_dict() for s in book.summaries()] == [
        {
            "id": second.id,
            "name": second.name,
            "algorithm": "rediscovery",
            "created_at": 200,
            "track_count": 3,
            "total_duration": 250 + 200 + 300,
        },
        {
            "id": 1,
            "name": "One",
            "algorithm": "top_sessions",
            "created_at": 100,
            "track_count": 5,
            "total_duration": 1100,
        },
    ]
    assert book.delete(1) is True
    assert book.delete(1) is False
    assert book.get(1) is None
    assert [s.id for s in book.summaries()] == [second.id]
    assert store.counts().playlists == 1
