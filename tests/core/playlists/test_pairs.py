"""artist_correlations' pairs, counted from the top artists down, against every pair counted."""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from itertools import combinations
from pathlib import Path
import random

import pytest
from sqlalchemy import create_engine

from custom_components.aime.core.localtime import LocalTime
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.playlists.context import Context
from custom_components.aime.core.playlists.models import Algorithm, PlaylistRequest
from custom_components.aime.core.playlists.pairs import Pair, paired_artists, ranked_pairs
from custom_components.aime.core.stats.models import Window
from custom_components.aime.core.store.store import Store

START = int(datetime(2024, 1, 1, tzinfo=UTC).timestamp())


def _history(store: Store) -> None:
    """200 sessions of a few of 30 artists, the first ones in many more sessions."""
    rng = random.Random(5)
    plays = []
    for session in range(200):
        at = START + session * 86_400
        for artist in {min(int(rng.expovariate(0.25)), 29) for _ in range(6)}:
            plays.append(PlayInput(f"Song {artist}", f"Artist {artist}", at, Source.LASTFM))
            at += 240
    store.ingest(plays)


def _tiebreak(pair: Pair) -> tuple[int, int]:
    return pair[0]


@pytest.mark.parametrize("max_tracks", [5, 10, 20])
@pytest.mark.parametrize("seed", [None, 4])
@pytest.mark.parametrize("window", [Window.ALL, Window.DAYS_365])
def test_pairs_equal_every_pair_ranked(
    store: Store, db_path: Path, max_tracks: int, seed: int | None, window: Window
) -> None:
    """The pairs counted first, then the rest once reached, rank as all pairs counted at once."""
    _history(store)
    now = datetime.fromtimestamp(START + 200 * 86_400, UTC)
    request = PlaylistRequest(
        Algorithm.ARTIST_CORRELATIONS, now, max_tracks=max_tracks, window=window, seed=seed
    )
    engine = create_engine(f"sqlite:///{db_path}")
    with engine.connect() as conn:
        sessions: defaultdict[int, set[int]] = defaultdict(set)
        for start, artist in conn.exec_driver_sql(
            "SELECT start_at, artist_id FROM stats_session_artist"
        ):
            sessions[artist].add(start)
        clock = LocalTime("UTC")
        paired = paired_artists(Context(conn, clock, request))
        every = {
            (min(a, b), max(a, b)): shared
            for (a, _), (b, _) in combinations(paired, 2)
            if (shared := len(sessions[a] & sessions[b]))
        }
        expected = Context(conn, clock, request).ranked(
            every.items(), score=lambda pair: -pair[1], tiebreak=_tiebreak, first=max_tracks
        )
        actual = ranked_pairs(Context(conn, clock, request), paired, _tiebreak)
        assert len(every) > 2 * max_tracks
        assert list(actual) == list(expected)
    engine.dispose()
