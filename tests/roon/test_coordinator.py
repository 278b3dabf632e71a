"""The Roon bridge: setup, Core restarts, reauth, now playing, coalescing, clean unload."""

from __future__ import annotations

import asyncio
from datetime import timedelta
import logging
import threading

from homeassistant.config_entries import SOURCE_REAUTH, ConfigEntryState
from homeassistant.const import (
    EVENT_HOMEASSISTANT_STOP,
    EVENT_STATE_CHANGED,
    STATE_PAUSED,
    STATE_PLAYING,
    STATE_UNAVAILABLE,
)
from homeassistant.core import Event, HomeAssistant
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_time_changed

from custom_components.aime.core.models import Source
from custom_components.aime.hub.now_playing import NowPlaying, async_current_now_playing
from custom_components.aime.roon import (
    coordinator as roon_coordinator,
    history as roon_history,
)
from custom_components.aime.roon.coordinator import RoonCoordinator

from ..fakes.roon import FakeRoonCore
from .test_media_player import LIVING, OFFICE, attr, is_state, wait_state

FAST = (0.05, 0.1, 0.2)


@pytest.fixture(autouse=True)
def fast_reconnect(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(roon_coordinator, "RECONNECT_DELAYS", FAST)


def _coordinator(entry: MockConfigEntry) -> RoonCoordinator:
    roon = entry.runtime_data
    return roon.coordinator


def _roon_threads() -> list[str]:
    return [t.name for t in threading.enumerate() if "roon" in t.name.casefold()]


async def test_core_restart_mid_play(
    hass: HomeAssistant,
    fake_roon: FakeRoonCore,
    init_roon: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Players go unavailable while the Core is away and come back by themselves."""
    caplog.set_level(logging.INFO, logger="custom_components.aime")
    await fake_roon.restart(downtime=0.5)
    await wait_state(hass, LIVING, is_state(STATE_UNAVAILABLE))
    state = await wait_state(hass, LIVING, is_state(STATE_PLAYING))
    assert state.attributes["media_title"] == "So What"
    assert init_roon.state is ConfigEntryState.LOADED
    lost = [r for r in caplog.records if "Lost the Roon Core" in r.getMessage()]
    back = [r for r in caplog.records if "Reconnected to the Roon Core" in r.getMessage()]
    assert (len(lost), len(back)) == (1, 1)
    # Nothing else at ERROR: websocket-client's own "goodbye" line is not repeated for it.
    assert not [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]

    # Commands work again on the new connection.
    await hass.services.async_call(
        "media_player", "media_pause", {"entity_id": LIVING}, blocking=True
    )
    await wait_state(hass, LIVING, is_state(STATE_PAUSED))


async def test_network_loss(
    hass: HomeAssistant, fake_roon: FakeRoonCore, init_roon: MockConfigEntry
) -> None:
    await fake_roon.drop_connections(abrupt=True)
    await wait_state(hass, OFFICE, is_state(STATE_UNAVAILABLE))
    await wait_state(hass, OFFICE, is_state(STATE_PAUSED))


async def test_core_unreachable_at_setup(
    hass: HomeAssistant, fake_roon: FakeRoonCore, roon_entry: MockConfigEntry
) -> None:
    await fake_roon.stop()
    roon_entry.add_to_hass(hass)
    assert not await hass.config_entries.async_setup(roon_entry.entry_id)
    assert roon_entry.state is ConfigEntryState.SETUP_RETRY
    assert roon_entry.reason is not None
    assert "127.0.0.1" in roon_entry.reason


async def test_unknown_token_at_setup_asks_to_reauthenticate(
    hass: HomeAssistant,
    fake_roon: FakeRoonCore,
    roon_entry: MockConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(roon_coordinator, "CONNECT_TIMEOUT", 0.3)
    fake_roon.valid_tokens.clear()
    fake_roon.auto_authorize = False
    roon_entry.add_to_hass(hass)
    assert not await hass.config_entries.async_setup(roon_entry.entry_id)
    assert roon_entry.state is ConfigEntryState.SETUP_ERROR
    flows = hass.config_entries.flow.async_progress()
    assert [flow["context"]["source"] for flow in flows] == [SOURCE_REAUTH]
    assert flows[0]["step_id"] == "roon_reauth"
    for flow in flows:
        hass.config_entries.flow.async_abort(flow["flow_id"])


async def test_token_revoked_while_running_asks_to_reauthenticate(
    hass: HomeAssistant,
    fake_roon: FakeRoonCore,
    init_roon: MockConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The Core restarts without AIME's token: the user is asked to enable it again."""
    init_roon.runtime_data.connection._timeout = 0.3  # type: ignore[union-attr]
    fake_roon.valid_tokens.clear()
    fake_roon.auto_authorize = False
    await fake_roon.restart(downtime=0.1)
    await wait_state(hass, LIVING, is_state(STATE_UNAVAILABLE))
    for _ in range(250):
        if hass.config_entries.flow.async_progress():
            break
        await asyncio.sleep(0.02)
    flows = hass.config_entries.flow.async_progress()
    assert flows[0]["context"]["source"] == SOURCE_REAUTH
    for flow in flows:
        hass.config_entries.flow.async_abort(flow["flow_id"])


@pytest.fixture
def published(monkeypatch: pytest.MonkeyPatch) -> dict[str, NowPlaying]:
    """What the bridge published per key (the real publisher still runs)."""
    seen: dict[str, NowPlaying] = {}
    publish = roon_coordinator.async_publish_now_playing

    def spy(hass: HomeAssistant, key: str, playing: NowPlaying | None) -> None:
        if playing is None:
            seen.pop(key, None)
        else:
            seen[key] = playing
        publish(hass, key, playing)

    monkeypatch.setattr(roon_coordinator, "async_publish_now_playing", spy)
    return seen


async def test_now_playing_per_zone(
    hass: HomeAssistant,
    published: dict[str, NowPlaying],
    fake_roon: FakeRoonCore,
    init_roon: MockConfigEntry,
) -> None:
    """Each playing zone is published to the hub; paused or gone, it is withdrawn."""
    assert async_current_now_playing(hass) == published["roon:zone-living"]
    living = published["roon:zone-living"]
    assert (living.source, living.player, living.track) == (Source.ROON, "Living Room", "So What")
    assert (living.artist, living.album) == ("Miles Davis", "Kind of Blue")
    assert living.artwork_url is not None
    # Served by Home Assistant (tests/roon/test_artwork.py), never the Core's LAN address.
    assert living.artwork_url.startswith("/api/aime/roon_artwork/")
    assert "/img-kind-of-blue?token=" in living.artwork_url
    assert living.started_at is not None
    assert abs((dt_util.utcnow() - living.started_at).total_seconds() - 42) < 5
    assert "roon:zone-office" not in published  # paused

    await hass.services.async_call(
        "media_player", "media_next_track", {"entity_id": LIVING}, blocking=True
    )
    await wait_state(hass, LIVING, attr("media_title", "Freddie Freeloader"))
    assert published["roon:zone-living"].track == "Freddie Freeloader"
    await hass.services.async_call(
        "media_player", "media_pause", {"entity_id": LIVING}, blocking=True
    )
    await wait_state(hass, LIVING, is_state(STATE_PAUSED))
    assert "roon:zone-living" not in published

    await hass.services.async_call(
        "media_player", "media_play", {"entity_id": OFFICE}, blocking=True
    )
    await wait_state(hass, OFFICE, is_state(STATE_PLAYING))
    assert "roon:zone-office" in published
    assert await hass.config_entries.async_unload(init_roon.entry_id)
    assert not published
    assert async_current_now_playing(hass) is None


async def test_seek_burst_ends_on_the_last_position(
    hass: HomeAssistant, fake_roon: FakeRoonCore, init_roon: MockConfigEntry
) -> None:
    """1,000 seek events over the Roon protocol: never more writes than events, the last wins."""
    writes: list[Event] = []
    hass.bus.async_listen(
        EVENT_STATE_CHANGED,
        lambda event: writes.append(event) if event.data["entity_id"] == LIVING else None,
    )
    for index in range(1000):
        change = {"zone_id": "zone-living", "seek_position": 1 + index % 500}
        await fake_roon.push("zones", {"zones_seek_changed": [change]})
    # The bridge ends on the last position; how many writes that took depends on timing only.
    coordinator = _coordinator(init_roon)
    async with asyncio.timeout(60):  # A hang guard, not a speed check.
        while True:
            if coordinator.zones["zone-living"].seek_position == 500:
                break
            await asyncio.sleep(0.01)
    await hass.async_block_till_done()
    assert len(writes) <= 1000


async def test_changes_between_two_flushes_cost_one_refresh(
    hass: HomeAssistant, init_roon: MockConfigEntry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A burst of changes noted while the loop is busy is read once, whatever the timing."""
    coordinator = _coordinator(init_roon)
    refreshes: list[set[str]] = []
    refresh = coordinator._refresh

    def counted_refresh(zone_ids: set[str], output_ids: set[str], *, everything: bool) -> None:
        refreshes.append(set(zone_ids))
        refresh(zone_ids, output_ids, everything=everything)

    monkeypatch.setattr(coordinator, "_refresh", counted_refresh)

    def burst() -> None:  # on a thread of its own, as roonapi calls back
        for _ in range(1000):
            coordinator._on_change(roon_coordinator.RoonEvent.ZONES_SEEK_CHANGED, ["zone-living"])
        coordinator._on_change(roon_coordinator.RoonEvent.ZONES_CHANGED, ["zone-office"])

    thread = threading.Thread(target=burst)
    thread.start()
    thread.join()  # Holds the loop: no flush can run before the burst is over.
    await hass.async_block_till_done()
    assert refreshes == [{"zone-living", "zone-office"}]


async def test_consistency_check_repairs_a_missed_change(
    hass: HomeAssistant, init_roon: MockConfigEntry
) -> None:
    coordinator = _coordinator(init_roon)
    coordinator.zones = {}
    coordinator._zone_by_output = {}
    async_fire_time_changed(hass, dt_util.utcnow() + timedelta(minutes=2))
    await hass.async_block_till_done()
    assert coordinator.zone_of("out-living") is not None
    state = hass.states.get(LIVING)
    assert state is not None
    assert state.state == STATE_PLAYING


async def test_home_assistant_stop_ends_the_threads(
    hass: HomeAssistant, init_roon: MockConfigEntry
) -> None:
    assert _roon_threads()
    hass.bus.async_fire(EVENT_HOMEASSISTANT_STOP)
    await hass.async_block_till_done()
    assert not _roon_threads()


async def test_setup_failure_after_connecting_closes_the_connection(
    hass: HomeAssistant, roon_entry: MockConfigEntry, monkeypatch: pytest.MonkeyPatch
) -> None:
    async def broken(*args: object) -> None:
        raise RuntimeError("recorder failed")

    monkeypatch.setattr(roon_history, "async_start_recording", broken)
    roon_entry.add_to_hass(hass)
    assert not await hass.config_entries.async_setup(roon_entry.entry_id)
    assert roon_entry.state is ConfigEntryState.SETUP_ERROR
    assert not _roon_threads()


async def test_changes_after_unload_are_ignored(
    hass: HomeAssistant, init_roon: MockConfigEntry
) -> None:
    coordinator = _coordinator(init_roon)
    assert await hass.config_entries.async_unload(init_roon.entry_id)
    coordinator._on_change(roon_coordinator.RoonEvent.ZONES_CHANGED, ["zone-living"])
    await hass.async_block_till_done()
    state = hass.states.get(LIVING)
    assert state is not None
    assert state.state == STATE_UNAVAILABLE
