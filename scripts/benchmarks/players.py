"""Players section of the benchmarks: Home Assistant media players reporting every second.

A real Home Assistant (the test harness's, in this process) loads the AIME hub with 50 chosen
media players. Each reports its position every second for 10 simulated minutes (30,000 state
changes through the real state machine and event bus), playing tracks of 3 to 5 minutes, so
listens count and end and plays are written to the store as they would be. The recorder's clock
is the simulated one, moved second by second; its 5-second observation of the playing players
runs at each simulated fifth second.

- decision latency: from ``hass.states.async_set`` to the end of AIME's handler for that
  change (the tracker's decision made), p50 / p99 / max;
- loop delay: the longest stretch any one AIME callback (a state change, a 5-second tick) held
  the event loop, in wall-clock time and in the loop thread's CPU time (on a loaded machine the
  difference is time spent descheduled); writes run in the executor and are not on the loop.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from pathlib import Path
import statistics
import time
from typing import Any

from .common import Bench, Report, log

PLAYERS = 50
SIMULATED_SECONDS = 600
TICK_EVERY = 5
DECISION_TARGET_P99_MS = 1.0
LOOP_DELAY_TARGET_MS = 5.0
START = datetime(2026, 1, 10, 20, 0, tzinfo=UTC)


class SimulatedClock:
    """The recorder's clock: moved by the benchmark, one simulated second at a time."""

    def __init__(self) -> None:
        self.now = 0.0

    def monotonic(self) -> float:
        return self.now

    def time(self) -> float:
        return START.timestamp() + self.now


def run(bench: Bench) -> Report:
    """Run the players' measurements in a fresh event loop (Home Assistant's)."""
    changes = PLAYERS * SIMULATED_SECONDS
    log(f"players: {PLAYERS} players x {SIMULATED_SECONDS} s of positions = {changes} changes")
    figures: Report = asyncio.run(_measure(str(bench.workdir / "players-hass")))
    p99, delay = figures["players_decision_p99_ms"], figures["players_loop_delay_max_ms"]
    log(f"  state change → decision p50 {figures['players_decision_p50_ms']} ms, p99 {p99} ms")
    log(f"  longest AIME callback on the loop: {delay} ms; {figures['players_plays']} plays")
    figures["targets"] = {
        "players_decision_p99": p99 <= DECISION_TARGET_P99_MS,
        "players_loop_delay": delay <= LOOP_DELAY_TARGET_MS,
        "players_loop_cpu": figures["players_loop_cpu_max_ms"] <= LOOP_DELAY_TARGET_MS,
    }
    return figures


def _timed(
    method: Callable[..., None], spans: list[float], sent_at: dict[str, float] | None = None
) -> Callable[..., None]:
    """``method`` timed; with ``sent_at``, also from the state change it handles to its end."""
    from homeassistant.core import callback

    @callback  # As AIME's own handler: run on the loop, not in the executor.
    def timed(*args: Any) -> None:
        started, cpu = time.perf_counter(), time.thread_time()
        method(*args)
        ended = time.perf_counter()
        spans.append(ended - started)
        CPU_SPANS.append(time.thread_time() - cpu)
        if sent_at is not None:
            LATENCIES.append(ended - sent_at[args[0].data["entity_id"]])

    return timed


LATENCIES: list[float] = []  # state change → decision, seconds
# The loop thread's CPU time in each AIME callback: a wall-clock span much longer than it was
# spent descheduled (a shared machine), not working.
CPU_SPANS: list[float] = []


async def _measure(config_dir: str) -> Report:
    from homeassistant import loader
    from pytest_homeassistant_custom_component.common import (
        MockConfigEntry,
        async_test_home_assistant,
    )

    import custom_components  # noqa: F401  (lets Home Assistant find AIME)
    from custom_components.aime.const import CONF_PLAYERS, DOMAIN
    from custom_components.aime.core.store.store import Store
    from custom_components.aime.hub.runtime import HubRuntime
    from custom_components.aime.hub.store_access import StoreAccess
    from custom_components.aime.players.recorder import async_setup_players

    clock = SimulatedClock()
    entity_ids = [f"media_player.bench_{index}" for index in range(PLAYERS)]
    async with async_test_home_assistant(config_dir=config_dir) as hass:
        hass.data.pop(loader.DATA_CUSTOM_COMPONENTS, None)
        entry = MockConfigEntry(
            domain=DOMAIN, unique_id=DOMAIN, title="AIME", options={CONF_PLAYERS: entity_ids}
        )
        entry.add_to_hass(hass)
        # The hub's kernel and the players feature alone: the rest of the hub (statistics,
        # panel, jobs) is not what this section measures.
        store = await hass.async_add_executor_job(Store.open, Path(config_dir) / "aime.db")
        hub = HubRuntime(hass, entry, StoreAccess(hass, store))
        recorder = await async_setup_players(hass, hub, clock=clock)
        log("  the players are followed")
        handled: list[float] = []  # AIME's own time per state change
        ticks: list[float] = []
        # Re-subscribe through timed handlers (the benchmark's probes, not AIME's code).
        sent_at: dict[str, float] = {}
        recorder._async_changed = _timed(recorder._async_changed, handled, sent_at)
        recorder.async_follow(entity_ids)
        tick = _timed(recorder._async_tick, ticks)
        handled.clear()
        LATENCIES.clear()
        CPU_SPANS.clear()
        started = time.perf_counter()
        try:
            for second in range(SIMULATED_SECONDS):
                clock.now = float(second)
                now = START + timedelta(seconds=second)
                for index, entity_id in enumerate(entity_ids):
                    sent_at[entity_id] = time.perf_counter()
                    hass.states.async_set(entity_id, "playing", _attributes(index, second, now))
                    await asyncio.sleep(0)  # Its handler runs: players report one by one.
                if second % TICK_EVERY == 0:  # From the loop, as Home Assistant's timer calls it.
                    hass.loop.call_soon(tick, now)
                    await asyncio.sleep(0)
            log("  all changes sent; waiting for the plays' writes")
            await recorder.listening.async_wait_writes()
            elapsed = time.perf_counter() - started
            counts = await hass.async_add_executor_job(store.counts)
        finally:
            await hub.async_stop()
            await hub.access.async_close()
            await hass.async_add_executor_job(store.close)
            await hass.async_stop(force=True)
    latencies = LATENCIES
    spans = handled + ticks
    quantiles = statistics.quantiles(latencies, n=100)
    return {
        "players_state_changes": len(latencies),
        "players_decision_p50_ms": round(statistics.median(latencies) * 1000, 3),
        "players_decision_p99_ms": round(quantiles[98] * 1000, 3),
        "players_decision_max_ms": round(max(latencies) * 1000, 3),
        "players_aime_handler_p99_ms": round(statistics.quantiles(handled, n=100)[98] * 1000, 3),
        "players_tick_max_ms": round(max(ticks) * 1000, 3),
        "players_loop_delay_max_ms": round(max(spans) * 1000, 3),
        "players_loop_delay_p999_ms": round(statistics.quantiles(spans, n=1000)[998] * 1000, 3),
        "players_loop_cpu_max_ms": round(max(CPU_SPANS) * 1000, 3),
        "players_callbacks_over_5_ms": sum(span > LOOP_DELAY_TARGET_MS / 1000 for span in spans),
        "players_plays": counts.plays,
        "players_wall_s": round(elapsed, 2),
    }


def _attributes(index: int, second: int, now: datetime) -> dict[str, Any]:
    """Player ``index``'s state at ``second``: tracks of 180 to 300 s, one after another."""
    length = 180 + (index * 7) % 121
    offset = (index * 13) % length  # players do not all start a track at once
    number, position = divmod(second + offset, length)
    return {
        "friendly_name": f"Bench {index}",
        "media_content_type": "music",
        "media_title": f"Track {number} of player {index}",
        "media_artist": f"Artist {index % 17}",
        "media_album_name": f"Album {index % 23}",
        "media_duration": length,
        "media_position": position,
        "media_position_updated_at": now,
    }
