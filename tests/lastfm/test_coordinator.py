"""The Last.fm coordinator against the fake Last.fm: incremental sync, errors, loved tracks."""

from __future__ import annotations

from collections.abc import Callable
from datetime import timedelta
import logging
from pathlib import Path
import sqlite3

from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import SOURCE_REAUTH, ConfigEntryState
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)

from custom_components.aime.clients import lastfm as lastfm_client
from custom_components.aime.core.models import Source
from custom_components.aime.core.store.store import Store
from custom_components.aime.lastfm.coordinator import LastfmCoordinator

from ..fakes.lastfm import DEFAULT_API_KEY, FakeLastfm, FakeScrobble

pytestmark = pytest.mark.usefixtures("no_lastfm_pacing")

T0 = 1_700_000_000  # 2023-11-14T22:13:20Z
TOTAL = "sensor.last_fm_alice_total_scrobbles"
NOW_PLAYING = "sensor.last_fm_alice_now_playing"


def _history(count: int, start: int, step: int = 240) -> list[FakeScrobble]:
    """``count`` distinct scrobbles, ``step`` seconds apart from ``start``."""
    return [
        FakeScrobble(f"Artist {i % 37}", f"Song {i}", f"Album {i % 11}", start + i * step)
        for i in range(count)
    ]


def _store(entry: MockConfigEntry) -> Store:
    store: Store = entry.runtime_data.store
    return store


def _coordinator(entry: MockConfigEntry) -> LastfmCoordinator:
    lastfm = entry.runtime_data
    return lastfm.coordinator


async def _plays(hass: HomeAssistant, entry: MockConfigEntry) -> int:
    return await hass.async_add_executor_job(_store(entry).count_plays, 0, 2**40, Source.LASTFM)


async def _poll(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, entry: MockConfigEntry
) -> None:
    """Let the coordinator's next poll happen, whatever its current interval."""
    interval = _coordinator(entry).update_interval
    assert interval is not None
    freezer.tick(interval + timedelta(seconds=1))
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)


async def _setup(hass: HomeAssistant, entry: MockConfigEntry) -> None:
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)


async def test_first_sync_reads_only_the_newest_page(
    hass: HomeAssistant, fake_lastfm: FakeLastfm, lastfm_entry: MockConfigEntry
) -> None:
    """A fresh store gets the newest 200 scrobbles; older history is the import's job."""
    history = _history(450, T0)
    fake_lastfm.scrobble_many("Alice", history)

    await _setup(hass, lastfm_entry)

    assert lastfm_entry.state is ConfigEntryState.LOADED
    assert await _plays(hass, lastfm_entry) == 200
    newest = await hass.async_add_executor_job(_store(lastfm_entry).newest_played_at, Source.LASTFM)
    assert newest == history[-1].played_at
    oldest_kept = history[-200].played_at
    count = await hass.async_add_executor_job(
        _store(lastfm_entry).count_plays, oldest_kept, newest, Source.LASTFM
    )
    assert count == 200
    assert len(fake_lastfm.requests_for("user.getRecentTracks")) == 1
    assert hass.states.get(TOTAL).state == "450"


async def test_new_scrobbles_between_polls_are_all_recorded(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    lastfm_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """25 scrobbles between two polls give 25 plays; 450 (three pages) give 450."""
    fake_lastfm.scrobble_many("Alice", _history(10, T0))
    await _setup(hass, lastfm_entry)
    assert await _plays(hass, lastfm_entry) == 10

    fake_lastfm.scrobble_many("Alice", _history(25, T0 + 100_000))
    await _poll(hass, freezer, lastfm_entry)
    assert await _plays(hass, lastfm_entry) == 35
    assert hass.states.get(TOTAL).state == "35"

    fake_lastfm.requests.clear()
    fake_lastfm.scrobble_many("Alice", _history(450, T0 + 200_000))
    await _poll(hass, freezer, lastfm_entry)
    assert await _plays(hass, lastfm_entry) == 485
    pages = [params["page"] for params in fake_lastfm.requests_for("user.getRecentTracks")]
    assert pages == ["1", "2", "3"]
    # Every request after the first sync asks from the newest stored scrobble on.
    assert {params["from"] for params in fake_lastfm.requests_for("user.getRecentTracks")} == {
        str(T0 + 100_000 + 24 * 240)
    }


async def test_restart_adds_no_duplicates(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    lastfm_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Reloading (as a restart does) reads the newest scrobble again without a second play."""
    fake_lastfm.scrobble_many("Alice", _history(30, T0))
    await _setup(hass, lastfm_entry)
    store = _store(lastfm_entry)
    before = await hass.async_add_executor_job(store.counts)

    assert await hass.config_entries.async_reload(lastfm_entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    await _poll(hass, freezer, lastfm_entry)

    assert await hass.async_add_executor_job(_store(lastfm_entry).counts) == before
    assert await _plays(hass, lastfm_entry) == 30


async def test_now_playing_is_shown_not_stored(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    lastfm_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The track being scrobbled feeds the sensor only."""
    fake_lastfm.scrobble_many("Alice", _history(3, T0))
    await _setup(hass, lastfm_entry)
    assert hass.states.get(NOW_PLAYING).state == "not_scrobbling"

    fake_lastfm.set_now_playing(
        "Alice", "John Coltrane", "Acknowledgement", "A Love Supreme", image_url="http://img/x.jpg"
    )
    await _poll(hass, freezer, lastfm_entry)

    state = hass.states.get(NOW_PLAYING)
    assert state.state == "Acknowledgement"
    assert state.attributes["artist"] == "John Coltrane"
    assert state.attributes["album"] == "A Love Supreme"
    assert state.attributes["track"] == "Acknowledgement"
    assert state.attributes["entity_picture"] == "http://img/x.jpg"
    assert await _plays(hass, lastfm_entry) == 3

    fake_lastfm.clear_now_playing("Alice")
    await _poll(hass, freezer, lastfm_entry)
    assert hass.states.get(NOW_PLAYING).state == "not_scrobbling"
    assert "entity_picture" not in hass.states.get(NOW_PLAYING).attributes


def _fail_with_500(fake: FakeLastfm) -> None:
    fake.http_error_next(500)


def _fail_with_rate_limit(fake: FakeLastfm) -> None:
    fake.fail_next(29)


def _fail_with_timeout(fake: FakeLastfm) -> None:
    fake.delay = 1.0


@pytest.mark.parametrize("fail", [_fail_with_500, _fail_with_rate_limit, _fail_with_timeout])
async def test_failures_back_off_then_go_unavailable(
    *,
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    lastfm_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    fail: Callable[[FakeLastfm], None],
) -> None:
    """Two failures keep the last data with a longer interval; the third makes entities
    unavailable with one log line; recovery logs one line and restores the interval."""
    monkeypatch.setattr(lastfm_client, "REQUEST_TIMEOUT", 0.2)
    fake_lastfm.scrobble_many("Alice", _history(5, T0))
    await _setup(hass, lastfm_entry)
    coordinator = _coordinator(lastfm_entry)
    caplog.set_level(logging.INFO, logger="custom_components.aime")
    caplog.clear()

    intervals = []
    for _ in range(3):
        fail(fake_lastfm)
        await _poll(hass, freezer, lastfm_entry)
        fake_lastfm.delay = 0.0
        intervals.append(coordinator.update_interval)
        if len(intervals) < 3:
            assert hass.states.get(TOTAL).state == "5"
    assert intervals == [timedelta(seconds=120), timedelta(seconds=240), timedelta(seconds=480)]
    assert hass.states.get(TOTAL).state == STATE_UNAVAILABLE
    assert hass.states.get(NOW_PLAYING).state == STATE_UNAVAILABLE
    # The import's progress does not depend on polling.
    assert hass.states.get("sensor.last_fm_alice_history_import").state == "0"

    fail(fake_lastfm)
    await _poll(hass, freezer, lastfm_entry)
    fake_lastfm.delay = 0.0
    assert coordinator.update_interval == timedelta(seconds=900)

    down = [r for r in caplog.records if "Error fetching" in r.getMessage()]
    assert len(down) == 1
    assert "Last.fm cannot be reached" in down[0].getMessage()
    assert DEFAULT_API_KEY not in caplog.text

    await _poll(hass, freezer, lastfm_entry)
    assert hass.states.get(TOTAL).state == "5"
    assert coordinator.update_interval == timedelta(seconds=60)
    recovered = [r for r in caplog.records if "recovered" in r.getMessage()]
    assert len(recovered) == 1
    assert len([r for r in caplog.records if "Error fetching" in r.getMessage()]) == 1


async def test_unknown_user_fails_at_once(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    lastfm_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """An account that disappeared is not a passing failure: entities go unavailable."""
    await _setup(hass, lastfm_entry)
    del fake_lastfm.users["alice"]

    await _poll(hass, freezer, lastfm_entry)

    assert hass.states.get(TOTAL).state == STATE_UNAVAILABLE
    assert not _coordinator(lastfm_entry).last_update_success


@pytest.mark.parametrize("revoke", ["revoke_key", "suspend_key"])
async def test_refused_key_starts_reauth(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    lastfm_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    revoke: str,
) -> None:
    """Errors 10 (invalid key) and 26 (suspended) start the re-authentication flow."""
    await _setup(hass, lastfm_entry)

    getattr(fake_lastfm, revoke)(DEFAULT_API_KEY)
    await _poll(hass, freezer, lastfm_entry)

    flows = hass.config_entries.flow.async_progress_by_handler("aime")
    assert [flow["context"]["source"] for flow in flows] == [SOURCE_REAUTH]
    assert flows[0]["context"]["entry_id"] == lastfm_entry.entry_id
    assert hass.states.get(TOTAL).state == STATE_UNAVAILABLE


async def test_setup_with_refused_key_needs_reauth(
    hass: HomeAssistant, fake_lastfm: FakeLastfm, lastfm_entry: MockConfigEntry
) -> None:
    """A key revoked while Home Assistant was off: setup fails and asks for a new key."""
    fake_lastfm.revoke_key(DEFAULT_API_KEY)
    lastfm_entry.add_to_hass(hass)

    assert not await hass.config_entries.async_setup(lastfm_entry.entry_id)
    await hass.async_block_till_done()

    assert lastfm_entry.state is ConfigEntryState.SETUP_ERROR
    flows = hass.config_entries.flow.async_progress_by_handler("aime")
    assert [flow["context"]["source"] for flow in flows] == [SOURCE_REAUTH]


async def test_setup_retried_when_lastfm_is_down(
    hass: HomeAssistant, fake_lastfm: FakeLastfm, lastfm_entry: MockConfigEntry
) -> None:
    """Last.fm unreachable at startup: setup is retried later, and the store released."""
    fake_lastfm.http_error_next(503)
    lastfm_entry.add_to_hass(hass)

    assert not await hass.config_entries.async_setup(lastfm_entry.entry_id)
    await hass.async_block_till_done()

    assert lastfm_entry.state is ConfigEntryState.SETUP_RETRY


async def test_scan_interval_option_applies_without_reload(
    hass: HomeAssistant, init_lastfm: MockConfigEntry
) -> None:
    """A new scan interval takes effect on the running coordinator."""
    coordinator = _coordinator(init_lastfm)
    hass.config_entries.async_update_entry(init_lastfm, options={"scan_interval": 300})
    await hass.async_block_till_done()

    assert _coordinator(init_lastfm) is coordinator
    assert coordinator.update_interval == timedelta(seconds=300)


def _loved_titles(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        rows = conn.execute("SELECT title FROM track WHERE loved").fetchall()
    conn.close()
    return {title for (title,) in rows}


async def test_loved_tracks_at_setup_and_daily(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    lastfm_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    store_path: Path,
) -> None:
    """Loved tracks are read at setup, then once a day: exactly Last.fm's loved songs."""
    fake_lastfm.scrobble_many("Alice", _history(5, T0))
    fake_lastfm.love("Alice", "Artist 1", "Song 1")
    fake_lastfm.love("Alice", "artist 2", "SONG 2")  # matched as plays are
    await _setup(hass, lastfm_entry)
    assert await hass.async_add_executor_job(_loved_titles, store_path) == {"Song 1", "Song 2"}

    fake_lastfm.unlove("Alice", "Artist 1", "Song 1")
    fake_lastfm.love("Alice", "Artist 3", "Song 3")
    freezer.tick(timedelta(hours=23))
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert await hass.async_add_executor_job(_loved_titles, store_path) == {"Song 1", "Song 2"}

    freezer.tick(timedelta(hours=1, seconds=1))
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert await hass.async_add_executor_job(_loved_titles, store_path) == {"Song 2", "Song 3"}
    assert len(fake_lastfm.requests_for("user.getLovedTracks")) == 2


async def test_loved_tracks_failure_logged_once(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    init_lastfm: MockConfigEntry,
    store_path: Path,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A failed read is logged once, changes nothing, and the next success says so."""
    fake_lastfm.scrobble_many("Alice", _history(3, T0))
    fake_lastfm.love("Alice", "Artist 0", "Song 0")
    coordinator = _coordinator(init_lastfm)
    await coordinator.async_refresh()
    caplog.set_level(logging.INFO, logger="custom_components.aime")

    fake_lastfm.fail_next(16)
    await coordinator.async_sync_loved_tracks()
    fake_lastfm.http_error_next(502)
    await coordinator.async_sync_loved_tracks()

    failures = [r for r in caplog.records if "could not read the loved tracks" in r.getMessage()]
    assert [r.levelno for r in failures] == [logging.WARNING]
    assert await hass.async_add_executor_job(_loved_titles, store_path) == set()

    await coordinator.async_sync_loved_tracks()
    assert await hass.async_add_executor_job(_loved_titles, store_path) == {"Song 0"}
    assert any("loved tracks read again" in r.getMessage() for r in caplog.records)
