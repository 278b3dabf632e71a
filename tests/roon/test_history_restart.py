"""A Roon play in progress survives a restart of the entry or of Home Assistant, end to end.

The Roon entry is set up in Home Assistant against the fake Core; the recorder's clock is the
test's (see ``test_history``), and the fake Core plays on while Home Assistant is down. Each
track must be recorded exactly once, stamped with its start, with all the time it was heard.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from contextlib import closing
from pathlib import Path
import sqlite3
from typing import Any

from homeassistant import loader
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import CoreState, Event, HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import storage
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
    async_test_home_assistant,
)

from custom_components.aime.const import STORE_FILENAME, STORE_FOLDER
from custom_components.aime.hub.recording import EVENT_PLAY_RECORDED
from custom_components.aime.roon import history as roon_history
from custom_components.aime.roon.history import SAVE_INTERVAL

from ..fakes.roon import FakeRoonCore
from ..fakes.roon.harness import ChangeLog
from .test_history import ManualClock

SO_WHAT_LEFT = 562 - 42  # the Living Room is 42 s into "So What" (562 s)


class Running:
    """The Roon entry in Home Assistant, the fake Core, and the test's clock."""

    def __init__(
        self,
        hass: HomeAssistant,
        core: FakeRoonCore,
        entry: MockConfigEntry,
        clock: ManualClock | None = None,
    ) -> None:
        self.hass = hass
        self.core = core
        self.entry = entry
        self.clock = clock or ManualClock()
        self.recorded: list[dict[str, Any]] = []
        self.changes = ChangeLog(hass.loop)
        self._expected = 0
        push = core._push

        async def counted_push(endpoint: str, body: dict[str, Any], zone_id: Any = None) -> None:
            if endpoint in ("zones", "outputs"):
                self._expected += len(body) * core.connection_count
            await push(endpoint, body, zone_id)

        core._push = counted_push  # type: ignore[method-assign]
        hass.bus.async_listen(EVENT_PLAY_RECORDED, self._on_recorded)

    def _on_recorded(self, event: Event) -> None:
        self.recorded.append(dict(event.data))

    async def start(self) -> None:
        """Set the entry up, and follow its connection's changes after the recorder does."""
        assert await self.hass.config_entries.async_setup(self.entry.entry_id)
        await self.hass.async_block_till_done(wait_background_tasks=True)
        self.changes, self._expected = ChangeLog(self.hass.loop), 0
        self.entry.runtime_data.connection.on_change(self.changes)

    async def unload(self) -> None:
        assert await self.hass.config_entries.async_unload(self.entry.entry_id)
        await self._wait_disconnected()

    async def _wait_disconnected(self) -> None:
        async with asyncio.timeout(5):
            for conn in list(self.core._connections):
                await conn.closed.wait()

    async def play(self, seconds: float, step: float = 5) -> None:
        """Play ``seconds`` of music, ``step`` at a time, everything recorded after each."""
        while seconds > 0:
            moved = min(step, seconds)
            seconds -= moved
            self.clock.now += moved
            await self.core.advance(moved)
            await self.changes.wait_for(lambda: len(self.changes.events) >= self._expected)
            await self.hass.async_block_till_done(wait_background_tasks=True)

    async def down_for(self, seconds: float) -> None:
        """Home Assistant is away; the Core plays on."""
        self.clock.now += seconds
        await self.core.advance(seconds)


@pytest.fixture
async def running(
    hass: HomeAssistant,
    fake_roon: FakeRoonCore,
    roon_entry: MockConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncGenerator[Running]:
    world = Running(hass, fake_roon, roon_entry)
    monkeypatch.setattr(roon_history, "SYSTEM_CLOCK", world.clock)
    roon_entry.add_to_hass(hass)
    await world.start()
    yield world
    if roon_entry.state is ConfigEntryState.LOADED and hass.state is CoreState.running:
        await hass.config_entries.async_unload(roon_entry.entry_id)


def _stored_plays(path: Path) -> list[tuple[str, int, int | None]]:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute(
            "SELECT t.title, p.played_at, p.seconds_listened FROM play p "
            "JOIN track t ON t.id = p.track_id ORDER BY p.played_at, p.id"
        ).fetchall()


# (seconds played before the restart, seconds Home Assistant is away, then played after)
RESTART_POINTS = {
    "before half": (100, 30, SO_WHAT_LEFT - 130 + 20),
    "just before half, counted while away": (240, 60, SO_WHAT_LEFT - 300 + 20),
    "after half": (300, 30, SO_WHAT_LEFT - 330 + 20),
    "across the end of the track": (400, 200, 20),
}


@pytest.mark.parametrize("point", RESTART_POINTS.values(), ids=RESTART_POINTS.keys())
async def test_entry_reloaded_mid_track(
    hass: HomeAssistant,
    running: Running,
    store_path: Path,
    hass_storage: dict[str, Any],
    point: tuple[float, float, float],
) -> None:
    """Unloaded and set up again mid-track: "So What" is one play, heard in full."""
    before, away, after = point
    start = round(running.clock.time()) - 42
    await running.play(before)
    await running.unload()
    saved = hass_storage[roon_history.listens_storage_key(running.entry.entry_id)]["data"]
    assert saved["zones"]["zone-living"]["started_at"] == start
    await running.down_for(away)
    await running.start()
    await running.play(after)

    so_what = [r for r in running.recorded if r["track"] == "So What"]
    assert len(so_what) == 1
    plays = await hass.async_add_executor_job(_stored_plays, store_path)
    assert plays[0] == ("So What", start, SO_WHAT_LEFT)
    assert [title for title, _, _ in plays].count("So What") == 1


async def test_track_started_over_while_away_is_a_new_listen(
    hass: HomeAssistant, running: Running, store_path: Path
) -> None:
    """Issue 23: saved at 226 s of "So What", the Core restarted too and came back at 42 s.

    Home Assistant sees it again at 172 s, behind the save: the saved listen (184 s heard)
    ends there, uncounted; the new one is counted with what was heard of it, never more than
    the track. Before the fix: one play of 574 s for the 562 s track, stamped at the first start.
    """
    await running.play(184)  # 42 s -> 226 s
    await running.unload()
    await running.down_for(10)
    kind_of_blue = running.core.library.album("Kind of Blue").tracks
    running.core.load_queue("zone-living", kind_of_blue, position=42, state="playing")
    await running.down_for(130)
    await running.start()
    restarted_at = round(running.clock.time())
    await running.play(562 - 172 + 20)

    plays = await hass.async_add_executor_job(_stored_plays, store_path)
    assert [play for play in plays if play[0] == "So What"] == [
        ("So What", restarted_at - 172, 140 + 390)
    ]


async def test_saved_every_minute_while_it_changes(
    hass: HomeAssistant, running: Running, store_path: Path, hass_storage: dict[str, Any]
) -> None:
    """The timer saves changed listens only; after a crash the last save is resumed."""
    key = roon_history.listens_storage_key(running.entry.entry_id)
    start = round(running.clock.time()) - 42
    await running.play(100)
    assert key not in hass_storage
    async_fire_time_changed(hass, dt_util.utcnow() + SAVE_INTERVAL)
    await hass.async_block_till_done(wait_background_tasks=True)
    saved = hass_storage[key]
    assert saved["data"]["zones"]["zone-living"]["heard"] == 100
    async_fire_time_changed(hass, dt_util.utcnow() + 2 * SAVE_INTERVAL)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert hass_storage[key] is saved  # nothing changed: nothing written

    # A crash 60 s later: Home Assistant never stopped, the next start finds the timer's save.
    await running.play(60)
    await running.unload()
    hass_storage[key] = saved
    await running.down_for(30)
    await running.start()
    await running.play(SO_WHAT_LEFT - 190 + 20)  # the position vouches for the 90 s unsaved
    plays = await hass.async_add_executor_job(_stored_plays, store_path)
    assert plays[0] == ("So What", start, SO_WHAT_LEFT)
    assert [r["track"] for r in running.recorded].count("So What") == 1


async def test_unreadable_save_is_ignored(
    hass: HomeAssistant,
    fake_roon: FakeRoonCore,
    roon_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """A save from elsewhere that makes no sense leaves the recorder starting afresh."""
    key = roon_history.listens_storage_key(roon_entry.entry_id)
    hass_storage[key] = {"version": 1, "key": key, "data": {"zones": ["not", "a", "dict"]}}
    roon_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(roon_entry.entry_id)
    await hass.async_block_till_done()
    assert roon_entry.state is ConfigEntryState.LOADED
    assert await hass.config_entries.async_unload(roon_entry.entry_id)
    assert set(hass_storage[key]["data"]["zones"]) == {"zone-living", "zone-office"}


async def test_unreadable_file_is_not_resumed(
    hass: HomeAssistant,
    fake_roon: FakeRoonCore,
    roon_entry: MockConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A file Home Assistant cannot read (not a corrupt one: it sets those aside itself)."""

    load = storage.Store.async_load
    ours = roon_history.listens_storage_key(roon_entry.entry_id)

    async def unreadable(self: storage.Store[Any]) -> Any:
        if self.key == ours:
            raise HomeAssistantError("Permission denied")
        return await load(self)

    monkeypatch.setattr(storage.Store, "async_load", unreadable)
    roon_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(roon_entry.entry_id)
    assert roon_entry.state is ConfigEntryState.LOADED
    assert "Roon listens in progress not resumed: Permission denied" in caplog.text
    assert await hass.config_entries.async_unload(roon_entry.entry_id)


async def test_removed_entry_forgets_its_listens(
    hass: HomeAssistant, hass_storage: dict[str, Any]
) -> None:
    """For the entry's removal: its saved listens go, another entry's stay."""
    for entry_id in ("gone", "kept"):
        key = roon_history.listens_storage_key(entry_id)
        hass_storage[key] = {"version": 1, "key": key, "data": {"zones": {}}}
    await roon_history.async_forget_listens(hass, "gone")
    assert roon_history.listens_storage_key("gone") not in hass_storage
    assert roon_history.listens_storage_key("kept") in hass_storage


@pytest.mark.parametrize("point", RESTART_POINTS.values(), ids=RESTART_POINTS.keys())
async def test_home_assistant_restarted_mid_track(
    hass: HomeAssistant,
    running: Running,
    hass_storage: dict[str, Any],
    point: tuple[float, float, float],
) -> None:
    """Home Assistant really stops; a new instance on the same folder resumes the listen."""
    before, away, after = point
    start = round(running.clock.time()) - 42
    await running.play(before)
    await hass.async_stop()  # entries stay loaded: the listens are saved at the final write
    saved = hass_storage[roon_history.listens_storage_key(running.entry.entry_id)]["data"]
    assert saved["zones"]["zone-living"]["started_at"] == start

    running.clock.reboot()  # a new process: its monotonic clock starts again
    await running.down_for(away)
    async with async_test_home_assistant(config_dir=hass.config.config_dir) as new_hass:
        new_hass.data.pop(loader.DATA_CUSTOM_COMPONENTS)  # as enable_custom_integrations
        old = running.entry
        entry = MockConfigEntry(
            domain=old.domain,
            entry_id=old.entry_id,
            unique_id=old.unique_id,
            data=dict(old.data),
            options=dict(old.options),
        )
        entry.add_to_hass(new_hass)
        restarted = Running(new_hass, running.core, entry, running.clock)
        await restarted.start()
        await restarted.play(after)
        assert await new_hass.config_entries.async_unload(entry.entry_id)
        store_path = Path(new_hass.config.path(STORE_FOLDER, STORE_FILENAME))
        plays = await new_hass.async_add_executor_job(_stored_plays, store_path)
        await new_hass.async_stop()

    assert [r["track"] for r in running.recorded + restarted.recorded].count("So What") == 1
    assert plays[0] == ("So What", start, SO_WHAT_LEFT)
    assert [title for title, _, _ in plays].count("So What") == 1


async def test_writes_decided_before_an_unload_are_kept(
    hass: HomeAssistant, running: Running, store_path: Path
) -> None:
    """The track ends just before the entry unloads: its final figure is still stored."""
    start = round(running.clock.time()) - 42
    await running.play(SO_WHAT_LEFT - 5)
    running.clock.now += 10
    await running.core.advance(10)  # "So What" ends...
    await running.changes.wait_for(lambda: len(running.changes.events) >= running._expected)
    await running.unload()  # ... and the entry unloads before the update was written
    plays = await hass.async_add_executor_job(_stored_plays, store_path)
    assert plays == [("So What", start, SO_WHAT_LEFT)]


async def test_counted_play_lost_in_a_crash_is_recorded_at_its_end(
    hass: HomeAssistant, running: Running, store_path: Path
) -> None:
    """Counted, then lost before it reached the database: recorded when it ends, once."""
    start = round(running.clock.time()) - 42
    await running.play(300)
    await running.unload()
    await hass.async_add_executor_job(_forget_plays, store_path)
    await running.start()
    await running.play(SO_WHAT_LEFT - 300 + 20)
    plays = await hass.async_add_executor_job(_stored_plays, store_path)
    assert plays == [("So What", start, SO_WHAT_LEFT)]
    assert [r["track"] for r in running.recorded] == ["So What", "So What"]  # new again


def _forget_plays(path: Path) -> None:
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("DELETE FROM play_report")
        conn.execute("DELETE FROM play")
