"""Roon section of the benchmarks: Core event → Home Assistant state, and a seek flood.

A real Home Assistant (the test harness's, in this process) loads AIME's Roon entry; the fake
Roon Core runs on its own thread and loop, as a Core on another machine would, and the real
roonapi connects to it over 127.0.0.1. Nothing in between is replaced.

- latency: the Core pushes a volume change; the clock stops when Home Assistant's
  ``state_changed`` event for that player fires (one event at a time, 1,000 times).
- burst: the Core pushes 1,000 ``zones_seek_changed`` within one second while a probe on the
  event loop measures how late its 5 ms sleeps wake up.
"""

from __future__ import annotations

import asyncio
from collections.abc import Coroutine, Iterator
from contextlib import contextmanager
import statistics
import sys
import threading
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from homeassistant.core import Event, HomeAssistant

    from tests.fakes.roon import FakeRoonCore

from .common import Bench, Report, log

LATENCY_EVENTS = 1000
LATENCY_TARGET_P99_MS = 50.0
BURST_EVENTS = 1000
BURST_SECONDS = 1.0
LOOP_LAG_TARGET_MS = 100.0
ENTITY_ID = "media_player.living_room"
TOKEN = "bench-token"


def run(bench: Bench) -> Report:
    """Run the Roon measurements in a fresh event loop (Home Assistant's)."""
    log(f"roon: {LATENCY_EVENTS} volume events, then {BURST_EVENTS} seeks in {BURST_SECONDS} s")
    figures: Report = asyncio.run(_measure(str(bench.workdir / "roon-hass")))
    latency_p99, lag = figures["roon_event_latency_p99_ms"], figures["roon_burst_loop_lag_ms"]
    log(f"  event → state p50 {figures['roon_event_latency_p50_ms']} ms, p99 {latency_p99} ms")
    log(f"  seek burst: worst loop lag {lag} ms, {figures['roon_burst_state_writes']} writes")
    figures["targets"] = {
        "roon_event_latency_p99": latency_p99 <= LATENCY_TARGET_P99_MS,
        "roon_burst_loop_lag": lag < LOOP_LAG_TARGET_MS,
    }
    return figures


class CoreThread:
    """The fake Core on a loop of its own, in a thread."""

    def __init__(self) -> None:
        self.loop = asyncio.new_event_loop()
        self._thread = threading.Thread(target=self.loop.run_forever, name="bench-fake-core")

    @contextmanager
    def running(self) -> Iterator[FakeRoonCore]:
        from tests.fakes.roon import FakeRoonCore

        self._thread.start()
        core = self.call(FakeRoonCore(valid_tokens={TOKEN}).start())
        try:
            yield core
        finally:
            self.call(core.stop())
            self.loop.call_soon_threadsafe(self.loop.stop)
            self._thread.join()
            self.loop.close()

    def call[T](self, coroutine: Coroutine[Any, Any, T]) -> T:
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(30)


async def _measure(config_dir: str) -> Report:
    from homeassistant import loader
    from pytest_homeassistant_custom_component.common import (
        MockConfigEntry,
        async_test_home_assistant,
    )

    import custom_components  # noqa: F401  (lets Home Assistant find AIME)
    from custom_components.aime.const import DOMAIN

    core_thread = CoreThread()
    with core_thread.running() as core:
        async with async_test_home_assistant(config_dir=config_dir) as hass:
            hass.data.pop(loader.DATA_CUSTOM_COMPONENTS, None)
            entry = MockConfigEntry(
                domain=DOMAIN,
                unique_id=core.core_id,
                title=core.display_name,
                data={"kind": "roon", "host": "127.0.0.1", "port": core.port, "token": TOKEN},
            )
            entry.add_to_hass(hass)
            if not await hass.config_entries.async_setup(entry.entry_id):
                sys.exit(f"bench: the Roon entry did not load ({entry.reason})")
            await hass.async_block_till_done()
            try:
                latencies = await _latencies(hass, core_thread, core)
                lag, writes = await _burst(hass, core_thread, core)
            finally:
                await hass.config_entries.async_unload(entry.entry_id)
                await hass.async_stop(force=True)
    quantiles = statistics.quantiles(latencies, n=100)
    return {
        "roon_events": len(latencies),
        "roon_event_latency_p50_ms": round(statistics.median(latencies), 2),
        "roon_event_latency_p99_ms": round(quantiles[98], 2),
        "roon_event_latency_max_ms": round(max(latencies), 2),
        "roon_burst_events": BURST_EVENTS,
        "roon_burst_loop_lag_ms": round(lag, 2),
        "roon_burst_state_writes": writes,
    }


async def _latencies(
    hass: HomeAssistant, core_thread: CoreThread, core: FakeRoonCore
) -> list[float]:
    """Milliseconds from the Core sending a change to Home Assistant's state_changed."""
    arrived = asyncio.Event()
    stamps: list[float] = []

    def changed(event: Event[Any]) -> None:
        if event.data["entity_id"] == ENTITY_ID:
            stamps.append(time.perf_counter())
            arrived.set()

    remove = hass.bus.async_listen("state_changed", changed)

    async def push(value: int) -> float:
        output = core.outputs["out-living"]
        output["volume"]["value"] = value
        sent = time.perf_counter()
        await core.push("outputs", {"outputs_changed": [output]})
        return sent

    latencies = []
    try:
        for index in range(LATENCY_EVENTS):
            arrived.clear()
            sent = await asyncio.wrap_future(
                asyncio.run_coroutine_threadsafe(push(index % 2 * 10 + 40), core_thread.loop)
            )
            await asyncio.wait_for(arrived.wait(), 5)
            latencies.append((stamps[-1] - sent) * 1000)
    finally:
        remove()
    return latencies


async def _burst(
    hass: HomeAssistant, core_thread: CoreThread, core: FakeRoonCore
) -> tuple[float, int]:
    """The worst event-loop lag (ms) during a seek flood, and the state writes it caused."""
    writes = 0

    def changed(event: Event[Any]) -> None:
        nonlocal writes
        writes += event.data["entity_id"] == ENTITY_ID

    remove = hass.bus.async_listen("state_changed", changed)
    done = asyncio.Event()
    worst = 0.0

    async def probe() -> None:
        nonlocal worst
        while not done.is_set():
            started = time.perf_counter()
            await asyncio.sleep(0.005)
            worst = max(worst, time.perf_counter() - started - 0.005)

    async def flood() -> None:
        batch = 20
        for start in range(0, BURST_EVENTS, batch):
            for index in range(start, start + batch):
                change = {"zone_id": "zone-living", "seek_position": index % 500}
                await core.push("zones", {"zones_seek_changed": [change]})
            await asyncio.sleep(BURST_SECONDS * batch / BURST_EVENTS)

    probing = asyncio.create_task(probe())
    await asyncio.wrap_future(asyncio.run_coroutine_threadsafe(flood(), core_thread.loop))
    await asyncio.sleep(0.2)  # the last events arrive
    done.set()
    await probing
    remove()
    return worst * 1000, writes
