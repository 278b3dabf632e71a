"""Roon plays into the history, end to end: the fake Core plays, the real roonapi reports.

Time is the fake Core's: ``advance`` plays music and moves the recorder's clock by the same
amount, so an album plays in a second or two. Each step waits until every message the Core
pushed has reached the recorder (the change log is called after it, on the same thread).
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Callable
from contextlib import closing
from functools import partial
import logging
from pathlib import Path
import sqlite3
import time
from typing import Any

from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.helpers.dispatcher import async_dispatcher_connect
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aime.clients.roon import RoonConnection, RoonEvent
from custom_components.aime.const import CONF_KIND, CONF_RADIO_STATIONS, DOMAIN, KIND_ROON
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.store.store import Store
from custom_components.aime.hub.recording import (
    EVENT_PLAY_RECORDED,
    SIGNAL_PLAYS_RECORDED,
    async_record_plays,
)
from custom_components.aime.hub.store_access import StoreAccess
from custom_components.aime.roon import history as roon_history

from ..fakes.roon import FakeRoonCore
from ..fakes.roon.harness import ChangeLog
from ..helpers.loop_watch import LoopWatch

TOKEN = "saved-token"
KIND_OF_BLUE = [("So What", 562), ("Freddie Freeloader", 586), ("Blue in Green", 337)]
KIND_OF_BLUE += [("All Blues", 693), ("Flamenco Sketches", 566)]


class ManualClock:
    """The recorder's clock, moved by the test together with the Core's music."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.epoch = time.time() - 86_400  # plays land yesterday: never "in the future"

    def monotonic(self) -> float:
        return self.now

    def time(self) -> float:
        return self.epoch + self.now

    def reboot(self) -> None:
        """A new process: the monotonic clock starts again, the wall clock goes on."""
        wall = self.time()
        self.now = 5.0
        self.epoch = wall - self.now


class Listening:
    """The fake Core, a connection to it, the recorder, and what it recorded."""

    def __init__(self, hass: HomeAssistant, core: FakeRoonCore, connection: RoonConnection) -> None:
        self.hass = hass
        self.core = core
        self.connection = connection
        self.clock = ManualClock()
        self.changes = ChangeLog(hass.loop)
        self.recorded: list[dict[str, Any]] = []
        self._expected = 0
        push = core._push

        async def counted_push(endpoint: str, body: dict[str, Any], zone_id: Any = None) -> None:
            if endpoint in ("zones", "outputs"):
                # roonapi reports each key of a message as one change, once per connection.
                self._expected += len(body) * core.connection_count
            await push(endpoint, body, zone_id)

        core._push = counted_push  # type: ignore[method-assign]
        hass.bus.async_listen(EVENT_PLAY_RECORDED, self._on_recorded)

    def _on_recorded(self, event: Event) -> None:
        self.recorded.append(dict(event.data))

    def start_log(self) -> None:
        """Follow the changes after the recorder did (callbacks run in order)."""
        self.connection.on_change(self.changes)

    async def settle(self) -> None:
        """Wait until every change the Core pushed went through the recorder, and is stored."""
        await self.changes.wait_for(lambda: len(self.changes.events) >= self._expected)
        await self.hass.async_block_till_done(wait_background_tasks=True)

    async def play(self, seconds: float, step: float = 5) -> None:
        """Play ``seconds`` of music, ``step`` at a time."""
        while seconds > 0:
            moved = min(step, seconds)
            seconds -= moved
            self.clock.now += moved
            await self.core.advance(moved)
            await self.settle()

    async def run(self, function: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        result = await self.hass.async_add_executor_job(partial(function, *args, **kwargs))
        await self.settle()
        return result

    def titles(self, zone: str | None = None) -> list[str]:
        return [r["track"] for r in self.recorded if zone is None or r["zone"] == zone]


@pytest.fixture
async def core(hass: HomeAssistant, socket_enabled: None) -> AsyncGenerator[FakeRoonCore]:
    fake = await FakeRoonCore(valid_tokens={TOKEN}).start()
    yield fake
    await fake.stop()


@pytest.fixture
async def store(hass: HomeAssistant, store_path: Any) -> AsyncGenerator[StoreAccess]:
    opened = await hass.async_add_executor_job(Store.open, store_path)
    access = StoreAccess(hass, opened)
    yield access
    await access.async_close()
    await hass.async_add_executor_job(opened.close)


@pytest.fixture
def entry(hass: HomeAssistant) -> MockConfigEntry:
    roon_entry = MockConfigEntry(
        domain=DOMAIN, unique_id="fake-core-0001", data={CONF_KIND: KIND_ROON}, options={}
    )
    roon_entry.add_to_hass(hass)
    return roon_entry


@pytest.fixture
async def listening(
    hass: HomeAssistant, core: FakeRoonCore, entry: MockConfigEntry, store: StoreAccess
) -> AsyncGenerator[Listening]:
    connection = await hass.async_add_executor_job(
        partial(RoonConnection.connect, "127.0.0.1", core.port, TOKEN, reconnect_delays=(0.05, 0.1))
    )
    world = Listening(hass, core, connection)
    stop = await roon_history.async_start_recording(
        hass, entry, connection, store, clock=world.clock
    )
    world.start_log()
    yield world
    await stop()
    assert await hass.async_add_executor_job(connection.close) == []


async def _count_plays(hass: HomeAssistant, store: StoreAccess) -> int:
    return await store.async_run(store.store.count_plays, 0, 2**31)


async def test_albums_in_two_zones(
    hass: HomeAssistant, listening: Listening, store: StoreAccess
) -> None:
    """Every track of an album counts once, stamped when it started, in every zone."""
    start = listening.clock.time() - 42  # the Living Room is 42 s into "So What"
    await listening.run(listening.connection.search_and_play, "zone-kitchen", "Blue Train", "album")
    await listening.play(1000)
    assert listening.titles("Kitchen") == ["Blue Train", "Moment's Notice"]
    assert listening.titles("Living Room") == ["So What", "Freddie Freeloader"]
    await listening.play(2000, step=10)
    assert listening.titles("Kitchen") == ["Blue Train", "Moment's Notice", "Locomotion"]
    assert listening.titles("Living Room") == [title for title, _ in KIND_OF_BLUE]
    assert listening.titles("Office") == []  # paused all along

    played_at = [r["played_at"] for r in listening.recorded if r["zone"] == "Living Room"]
    expected_starts = [start]
    for _, length in KIND_OF_BLUE[:-1]:
        expected_starts.append(expected_starts[-1] + length)
    assert [_epoch(at) for at in played_at] == [round(at) for at in expected_starts]
    assert {r["source"] for r in listening.recorded} == {"roon"}
    assert await _count_plays(hass, store) == 8


async def test_listened_time_is_what_was_heard(
    hass: HomeAssistant,
    listening: Listening,
    store_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Counted at half, stored with all that was heard: to the end, or until skipped."""
    watch = LoopWatch(monkeypatch)
    watch.watch(Store, "ingest", "find_play", "set_seconds_listened")
    start = round(listening.clock.time()) - 42  # 42 s into "So What": 520 s left
    await listening.play(520 + 586 + 200)  # then "Freddie Freeloader", 200 s of the next
    refreshes: list[None] = []
    async_dispatcher_connect(hass, SIGNAL_PLAYS_RECORDED, callback(lambda: refreshes.append(None)))
    await listening.run(listening.connection.control, "zone-living", "next")
    assert listening.titles() == ["So What", "Freddie Freeloader", "Blue in Green"]
    assert refreshes == [None]  # no new play, but the listening time moved: sensors refresh
    plays, day_seconds = await hass.async_add_executor_job(_stored_plays, store_path)
    assert plays == [
        ("So What", start, 520),
        ("Freddie Freeloader", start + 562, 586),
        ("Blue in Green", start + 562 + 586, 200),
    ]
    assert day_seconds == 520 + 586 + 200  # the statistics follow
    assert watch.called == {"ingest", "find_play", "set_seconds_listened"}
    assert watch.on_loop == []


def _stored_plays(path: Path) -> tuple[list[tuple[str, int, int | None]], int]:
    """(title, start, listened seconds) of every play, and the listening time of the days."""
    with closing(sqlite3.connect(path)) as conn:
        plays = conn.execute(
            "SELECT t.title, p.played_at, p.seconds_listened FROM play p "
            "JOIN track t ON t.id = p.track_id ORDER BY p.played_at, p.id"
        ).fetchall()
        seconds = conn.execute("SELECT coalesce(sum(seconds), 0) FROM stats_day").fetchone()[0]
    return plays, seconds


async def test_core_restart_mid_play(
    hass: HomeAssistant, listening: Listening, core: FakeRoonCore, store: StoreAccess
) -> None:
    """The Core restarts with "So What" not yet at half: it still counts, once."""
    await listening.play(150)  # 192 s into the track, 150 s heard
    await core.restart(downtime=0.2)
    listening.clock.now += 20
    await core.advance(20)  # the music went on while we were away
    await core.remove_zone("zone-office")  # and a zone went: noticed on reconnection
    await listening.changes.wait_event(RoonEvent.CONNECTED)
    listening._expected = len(listening.changes.events)
    await listening.settle()
    await listening.play(60)  # 230 s heard by now: counts at 240
    assert listening.titles() == []
    await listening.play(100)
    assert listening.titles() == ["So What"]

    await core.restart(downtime=0.1)  # again, after it counted: nothing new
    await listening.changes.wait_for(
        lambda: listening.changes.names().count(RoonEvent.CONNECTED) == 2
    )
    listening._expected = len(listening.changes.events)
    await listening.play(100)
    assert listening.titles() == ["So What"]
    assert await _count_plays(hass, store) == 1


async def test_radio_and_named_stations_are_not_recorded(
    hass: HomeAssistant, listening: Listening, entry: MockConfigEntry
) -> None:
    """Live radio never counts; nor does a station the user names (read at each decision)."""
    connection = listening.connection
    page = await listening.run(connection.browse, "internet_radio", session="test")
    fip = next(item for item in page.items if item.title == "FIP")
    await listening.run(connection.browse, "internet_radio", fip.item_key, session="test",
                        zone_id="zone-kitchen")  # fmt: skip
    hass.config_entries.async_update_entry(entry, options={CONF_RADIO_STATIONS: ["miles davis"]})
    await listening.play(600)
    assert listening.titles() == []  # Kitchen: FIP; Living Room: Miles Davis, named

    hass.config_entries.async_update_entry(entry, options={CONF_RADIO_STATIONS: []})
    await listening.play(600)
    assert listening.titles() == ["Freddie Freeloader"]


async def test_zone_removed_mid_track(
    hass: HomeAssistant, listening: Listening, core: FakeRoonCore
) -> None:
    """A zone that disappears after its track reached half still records it."""
    await listening.play(235)
    assert listening.titles() == []
    listening.clock.now += 5  # it played on until the zone went: 240 s heard
    await core.remove_zone("zone-living")
    await listening.settle()
    assert listening.titles() == ["So What"]


async def test_roon_scrobbling_to_lastfm_is_one_play(
    hass: HomeAssistant, listening: Listening, store: StoreAccess
) -> None:
    """Roon scrobbles the same play to Last.fm: the store merges the two reports."""
    await listening.play(300)
    (recorded,) = listening.recorded
    scrobble = PlayInput(
        title="So What",
        artist="Miles Davis",
        album="Kind of Blue",
        played_at=_epoch(recorded["played_at"]) + 3,
        source=Source.LASTFM,
    )
    result = await async_record_plays(hass, store, [scrobble])
    assert (result.added, result.merged) == (0, 1)
    assert await _count_plays(hass, store) == 1


async def test_stopped_recorder_records_nothing(
    hass: HomeAssistant,
    core: FakeRoonCore,
    entry: MockConfigEntry,
    store: StoreAccess,
) -> None:
    connection = await hass.async_add_executor_job(
        partial(RoonConnection.connect, "127.0.0.1", core.port, TOKEN)
    )
    world = Listening(hass, core, connection)
    stop = await roon_history.async_start_recording(
        hass, entry, connection, store, clock=world.clock
    )
    world.start_log()
    recorder = _recorder_of(connection)
    recorder.on_change(RoonEvent.ZONES_CHANGED, ["zone-gone"])  # changed, then removed at once
    await hass.async_block_till_done()
    await world.play(100)
    await stop()
    recorder.on_change(RoonEvent.ZONES_CHANGED, ["zone-living"])  # a late change: ignored
    recorder.on_change(RoonEvent.OUTPUTS_CHANGED, ["out-living"])  # never of interest
    await world.play(200)
    assert world.recorded == []
    assert await hass.async_add_executor_job(connection.close) == []


async def test_store_failure_is_logged(
    hass: HomeAssistant,
    listening: Listening,
    store: StoreAccess,
    caplog: pytest.LogCaptureFixture,
) -> None:
    await hass.async_add_executor_job(store.store.close)
    await listening.play(300)
    assert listening.recorded == []
    assert "Could not record 1 Roon plays" in caplog.text


def _recorder_of(connection: RoonConnection) -> roon_history.RoonRecorder:
    callback = connection._callbacks[0]
    recorder = getattr(callback, "__self__", None)
    assert isinstance(recorder, roon_history.RoonRecorder)
    return recorder


def _epoch(iso: str) -> int:
    from homeassistant.util import dt as dt_util

    parsed = dt_util.parse_datetime(iso)
    assert parsed is not None
    return int(parsed.timestamp())


async def test_rejected_play_is_logged(
    hass: HomeAssistant, listening: Listening, caplog: pytest.LogCaptureFixture
) -> None:
    """A play the store refuses (here: a clock set to 1970) is logged, not raised."""
    caplog.set_level(logging.DEBUG, "custom_components.aime")
    listening.clock.epoch = 0  # "So What" started before: the next track starts in 1970
    await listening.play(800)
    assert listening.titles() == ["So What"]
    assert "Roon play not recorded" in caplog.text
