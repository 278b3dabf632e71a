"""A two-person household: every figure per person equals the same figure of a store holding
only that person's plays, and the rollups behind them equal a naive recomputation."""

from __future__ import annotations

from dataclasses import asdict
from datetime import datetime, timedelta
from pathlib import Path
import sqlite3
from typing import Any
from zoneinfo import ZoneInfo

import pytest

from custom_components.aime.core.models import Source
from custom_components.aime.core.stats.album_page import album_page
from custom_components.aime.core.stats.artist_page import artist_page
from custom_components.aime.core.stats.models import HistoryFilter, Window
from custom_components.aime.core.stats.page_models import Granularity
from custom_components.aime.core.stats.questions import (
    never_played,
    period_top,
    plays_between,
    window_top,
)
from custom_components.aime.core.stats.range_stats import range_stats
from custom_components.aime.core.stats.recap import RecapPeriod, recap
from custom_components.aime.core.store.store import Store

from ..stats.test_rollups import START
from .household import (
    ALICE,
    BOB,
    KITCHEN,
    LIVING_ROOM,
    ZONE,
    expected_person_rollups,
    household_reports,
    listener_ids,
    person_rollups,
    played_by,
)

_IDS = {"id", "play_id", "track_id", "artist_id", "album_id", "sources"}


def _names(value: Any) -> Any:
    """A result without the store's own ids (two stores number their rows differently)."""
    if isinstance(value, dict):
        return {key: _names(item) for key, item in value.items() if key not in _IDS}
    if isinstance(value, list):
        return [_names(item) for item in value]
    return value


def _figures(store: Store, listener: str | None, now: datetime) -> dict[str, Any]:
    """Every query the panel, cards, sensors, recap and Assist call, by name."""
    stats = store.stats
    days = (now.date() - timedelta(days=20), now.date() - timedelta(days=3))
    month = now.date().replace(day=1) - timedelta(days=1)
    who = {"listener": listener}
    figures: dict[str, Any] = {
        "sensors": stats.sensors(now, **who),
        "periods": stats.periods(now, **who),
        "streaks": stats.streaks(now, **who),
        "months": stats.monthly_trend(now, None, **who),
        "compare": stats.compare(days, (days[0] - timedelta(days=30), days[0]), 5, **who),
        "history": stats.history(HistoryFilter(), 0, 500, **who),
        "history_days": stats.history(
            HistoryFilter(first_day=days[0], last_day=days[1]), 1, 7, **who
        ),
        "history_text": stats.history(HistoryFilter(text="song 1"), 0, 500, **who),
        "timeline": stats.timeline(days[1], **who),
        "range": range_stats(stats, now.date(), None, None, granularity=Granularity.WEEK, **who),
        "range_days": range_stats(stats, now.date(), *days, **who),
        "recap": recap(stats, RecapPeriod.month(month.year, month.month), **who),
        "period_top": period_top(stats, *days, 5, **who),
        "between": plays_between(stats, now - timedelta(days=9), now, 20, **who),
        "never_played": never_played(stats, 10, **who),
        "collection": stats.collection_stats(now, **who),
    }
    for window in Window:
        figures[f"window_{window.value}"] = stats.window(now, window, 5, **who)
        figures[f"top_{window.value}"] = window_top(stats, now, window, 5, **who)
    last = figures["sensors"].last_play  # The same artist and album in both stores.
    artist, album = last.artist_id, last.album_id
    figures["artist"] = artist_page(stats, artist, **who)
    figures["album"] = album_page(stats, album, page_size=5, **who)
    figures["artist_history"] = stats.history(HistoryFilter(artist_id=artist), 0, 9, **who)
    found = {name: _names(_plain(value)) for name, value in figures.items()}
    # The catalog differs (the other people's albums and tracks): what was played is compared.
    found["artist"]["albums"] = [item for item in found["artist"]["albums"] if item["plays"]]
    found["album"]["tracks"] = [item for item in found["album"]["tracks"] if item["plays"]]
    return found


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {key: _plain(item) for key, item in value.items()}
    if isinstance(value, list):
        return [_plain(item) for item in value]
    return asdict(value) if hasattr(value, "__dataclass_fields__") else value


def _own_store(path: Path, store: Store, person: str) -> Store:
    own = Store.open(path, time_zone=ZONE, clock=lambda: START + 10**8)
    plays, reports = played_by(store.path, listener_ids(store.path)[person])
    own.ingest(plays)
    own.ingest(reports)
    return own


@pytest.mark.parametrize("seed", [1, 2])
def test_each_persons_figures_are_their_plays_alone(tmp_path: Path, seed: int) -> None:
    """Alice's and Bob's figures are those of a store holding their plays alone; everyone's
    plays are theirs and the household's."""
    store = Store.open(tmp_path / "home.db", time_zone=ZONE, clock=lambda: START + 10**8)
    reports = household_reports(seed, lengths=True)
    for start in range(0, len(reports), 37):  # Several calls, as live plays and imports come.
        store.ingest(reports[start : start + 37], batch_size=11)
    now = datetime.fromtimestamp(max(r.played_at for r in reports) + 3600, ZoneInfo(ZONE))
    try:
        assert store.listeners() == [ALICE, BOB]
        everyone = store.stats.sensors(now)
        alone: dict[str, int] = {}
        for person in (ALICE, BOB):
            own = _own_store(tmp_path / f"{person}.db", store, person)
            try:
                assert _figures(store, person, now) == _figures(own, None, now)
            finally:
                own.close()
            alone[person] = store.stats.sensors(now, listener=person).total_plays
        with sqlite3.connect(store.path) as conn:
            household = conn.execute(
                "SELECT count(*) FROM play WHERE listener_id IS NULL"
            ).fetchone()[0]
        conn.close()
        assert everyone.total_plays == alone[ALICE] + alone[BOB] + household
        assert min(alone.values()) > 0
        assert household > 0
        nobody = store.stats.sensors(now, listener="person.carol")
        assert (nobody.total_plays, nobody.top_artists_7d, nobody.last_play) == (0, [], None)
    finally:
        store.close()


def test_rollups_follow_assignments_and_lengths(tmp_path: Path) -> None:
    """Per-person rollups equal the recomputation after ingest, re-assignments, listened
    seconds set later, a track's length learned later and a time-zone change."""
    store = Store.open(tmp_path / "home.db", time_zone=ZONE, clock=lambda: START + 10**8)
    try:
        store.ingest(household_reports(3, 300), batch_size=7)

        def check() -> None:
            for listener in listener_ids(store.path).values():
                assert person_rollups(store.path, listener) == expected_person_rollups(
                    store.path, listener, tmp_path
                )

        check()
        assert store.assign_listener(Source.ROON, LIVING_ROOM, BOB) > 0
        check()
        assert store.assign_listener(Source.HOME_ASSISTANT, KITCHEN, None) > 0
        check()
        assert store.assign_listener(Source.HOME_ASSISTANT, KITCHEN, None) == 0
        assert store.assign_listener(Source.ROON, "No such zone", ALICE) == 0
        assert store.assign_listener(Source.LASTFM, None, BOB) > 0
        check()
        with sqlite3.connect(store.path) as conn:
            play_id = conn.execute(
                "SELECT id FROM play WHERE listener_id IS NOT NULL ORDER BY id DESC LIMIT 1"
            ).fetchone()[0]
        conn.close()
        assert store.set_seconds_listened(play_id, 77)
        check()
        played = household_reports(3, 300)[-1]
        store.ingest(
            [
                played.__class__(  # The same song, now with a length, later on.
                    played.title,
                    played.artist,
                    played.played_at + 86_400,
                    Source.ROON,
                    album=played.album,
                    duration=444,
                    listener=BOB,
                )
            ]
        )
        check()
        store.set_time_zone("America/Sao_Paulo")
        store.set_time_zone(ZONE)
        check()
    finally:
        store.close()


def test_two_people_at_the_same_second_are_two_plays(tmp_path: Path) -> None:
    """Same song, same second, two Last.fm accounts: two plays; each again is a duplicate."""
    store = Store.open(tmp_path / "home.db", time_zone=ZONE)
    try:
        reports = [
            play
            for play in household_reports(4, 200)
            if play.listener is not None and play.source is Source.LASTFM
        ]
        first = store.ingest(reports)
        again = store.ingest(reports)
        assert (again.added, again.merged, again.duplicates) == (0, 0, len(reports))
        assert first.added + first.merged == len(reports)
    finally:
        store.close()
