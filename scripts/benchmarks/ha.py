"""AIME inside a real Home Assistant: print one JSON object on stdout; progress goes to stderr.

    scripts/bench-ha --plays 100000              # real-shaped history, loaded once then cached
    nice -n 5 scripts/bench-ha --plays 1000000   # the issue-24 size (the first run: long)
    scripts/bench-ha --plays 100000 --reimport   # load it again, timing the imports

Starts `hass` (``ha_hass.py``: the develop script's configuration, onboarding and client, with
the AIME hub only) and, the first time for a size, loads a real-shaped history
(``scripts/real_history.py``; ``--shape tidy`` for the tidy one) through the real actions
(``ha_load.py``): ``aime.import_aime_database`` of an original AIME app database holding every
play, then ``aime.import_lastfm_history`` from the fake Last.fm holding the scrobbles. It times
each import, a few websocket calls while each import and the long-term statistics backfill
after it run (compared with the same calls on an idle Home Assistant: target within 2x), and
Home Assistant's memory (VmHWM of the `hass` process) before and after. The loaded
configuration folder is cached under ``.cache/`` (``--reimport`` loads it again).

Then, on the idle Home Assistant, it times every websocket command the panel and the cards send
(``ha_commands.py``; ``panel_backend.py``'s list and the statistics' commands) and
``aime.generate_playlist`` for each algorithm: median and p95 over ``--runs``; and each one's
core function on a copy of the store, outside Home Assistant: the difference is Home
Assistant's share. Targets (reported, never enforced): p95 <= 50 ms, the simple ones <= 10 ms,
playlists <= 100 ms at 1,000,000 plays (50 ms at 100,000 and below), Home Assistant's share
<= 3 ms, memory growth during the imports <= 150 MB.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
from datetime import datetime
import json
import os
from pathlib import Path
import shutil
import sqlite3
import tempfile
import time
from typing import Any
from zoneinfo import ZoneInfo

import aiohttp

from custom_components.aime.core.playlists.models import PlaylistError
from custom_components.aime.core.store.store import Store
from tests.browser.demo_thread import free_port

from .common import TIME_ZONE, Report, log
from .ha_commands import (
    PLAYLIST_ALGORITHMS,
    SIMPLE,
    Command,
    all_commands,
    newest_playlist,
    playlist_action,
    probe_commands,
    sensors_query,
    store_playlist,
    store_query,
    summary,
    time_store,
)
from .ha_hass import Hass, Websocket, memory_kib, start_hass
from .ha_load import LoadedHistory, build_history, fake_lastfm, load, probe_idle
from .panel_store import CACHE_DIR

TARGET_P95_MS = 50
TARGET_SIMPLE_P95_MS = 10
TARGET_PLAYLIST_P95_MS = {100_000: 50, 1_000_000: 100}
TARGET_HA_SHARE_MS = 3
TARGET_MEMORY_GROWTH_MIB = 150
TARGET_BUSY_RATIO = 2.0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="scripts/bench-ha", description=__doc__.split("\n")[0])
    parser.add_argument("--plays", type=int, default=100_000)
    parser.add_argument("--years", type=float, default=10)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--shape", choices=("real", "tidy"), default="real")
    parser.add_argument("--runs", type=int, default=10, help="timed runs of each command")
    parser.add_argument("--playlist-runs", type=int, default=3)
    parser.add_argument("--reimport", action="store_true", help="load the history again")
    for name in ("artists", "albums", "tracks"):
        parser.add_argument(f"--{name}", type=int, help="default: the shape's")
    return parser


def main(argv: list[str] | None = None) -> Report:
    """Run the benchmark, print the report as JSON on stdout and return it."""
    options = _parser().parse_args(argv)
    report = asyncio.run(_run(options))
    print(json.dumps(report, indent=2))
    return report


async def _run(options: argparse.Namespace) -> Report:
    cache = CACHE_DIR / f"bench-ha-{options.shape}-{options.plays}-{options.seed}"
    if options.reimport:
        shutil.rmtree(cache, ignore_errors=True)
    config_dir, marker = cache / "config", cache / "loaded.json"
    cached: Report | None = json.loads(marker.read_text()) if marker.exists() else None
    history = None if cached else build_history(options, config_dir)
    fake = fake_lastfm(history.scrobbles if history else [])
    report: Report = {"plays": options.plays, "shape": options.shape, "load": os.getloadavg()}
    with fake.running_in_thread(cached["lastfm_port"] if cached else 0):
        async with aiohttp.ClientSession() as session:
            log(f"starting Home Assistant in {config_dir}")
            hass = await start_hass(config_dir, free_port(), session)
            try:
                report |= await _measure(
                    hass,
                    options=options,
                    history=history,
                    cached=cached,
                    api_root=fake.api_root,
                    marker=marker,
                )
            finally:
                await hass.process.stop()
    report["targets"] = _targets(report, options.plays)
    return report


async def _measure(
    hass: Hass,
    *,
    options: argparse.Namespace,
    history: LoadedHistory | None,
    cached: Report | None,
    api_root: str,
    marker: Path,
) -> Report:
    ws, probe_ws = await hass.websocket(), await hass.websocket()
    if history is not None:
        await hass.wait_for_recorder(ws)  # The new hub's own start, not the imports.
        loading = await load(hass, ws, probe_ws, history, api_root)
        loading["history_end"] = history.history_end
        loading["lastfm_port"] = int(api_root.split(":")[2].split("/", maxsplit=1)[0])
        await asyncio.to_thread(marker.write_text, json.dumps(loading, indent=2))
        report: Report = {"loading": loading, "loaded_now": True}
    else:
        assert cached is not None
        log("the history is loaded already (cached): --reimport to time the imports again")
        await hass.wait_for_backfill(ws)
        report = {"loading": cached, "loaded_now": False}
    history_end = report["loading"]["history_end"]
    report["memory_now_kib"] = memory_kib(hass.pid)
    probes = probe_commands(history_end, await newest_playlist(ws))
    log("the probes on an idle Home Assistant")
    idle = {name: summary(times) for name, times in (await probe_idle(probe_ws, probes)).items()}
    report["probes_idle"] = idle
    report["busy_ratio_p95"] = {
        phase: {
            name: round(figures["p95"] / max(idle[name]["p95"], 0.1), 1)
            for name, figures in by_name.items()
            if name in idle
        }
        for phase, by_name in report["loading"].get("probes_during_kept", {}).items()
    }
    commands = await all_commands(ws, history_end)
    log(f"timing {len(commands)} websocket commands, {options.runs} runs each")
    report["websocket_ms"] = {
        name: await _time_ws(ws, command, options.runs) for name, command in commands.items()
    }
    report["playlist_action_ms"] = await _time_playlists(hass, options.playlist_runs)
    report["store_ms"] = _time_store(hass, commands, options)
    report["ha_share_ms"] = {
        name: round(figures["p50"] - report["store_ms"][name]["p50"], 2)
        for name, figures in report["websocket_ms"].items()
        if name in report["store_ms"]
    }
    await ws.close()
    await probe_ws.close()
    return report


async def _time_ws(ws: Websocket, command: Command, runs: int) -> dict[str, Any]:
    try:
        await ws.call(command)  # Cold: apart.
        times = [(await ws.call(command))[1] for _ in range(runs)]
    except Exception as err:
        return {"error": str(err)}
    return summary(times)


async def _time_playlists(hass: Hass, runs: int) -> dict[str, Any]:
    """``aime.generate_playlist`` per algorithm, through the REST API as the panel's view."""
    report: dict[str, Any] = {}
    for algorithm in PLAYLIST_ALGORITHMS:
        times = []
        try:
            for _ in range(runs):
                started = time.perf_counter()
                await hass.action("generate_playlist", playlist_action(algorithm))
                times.append((time.perf_counter() - started) * 1000)
        except Exception as err:
            report[algorithm.value] = {"error": str(err)[:200]}
            continue
        report[algorithm.value] = summary(times)
        log(f"  generate_playlist {algorithm.value}: {report[algorithm.value]}")
    return report


def _time_store(hass: Hass, commands: dict[str, Command], options: argparse.Namespace) -> Report:
    """The same core functions on a copy of Home Assistant's store, in this process."""
    source = hass.process.log_file.parent / "aime" / "aime.db"
    with tempfile.TemporaryDirectory(prefix="aime-bench-ha-") as scratch:
        copy = Path(scratch) / "aime.db"
        with (
            contextlib.closing(sqlite3.connect(f"file:{source}?mode=ro", uri=True)) as conn,
            contextlib.closing(sqlite3.connect(copy)) as target,
        ):
            conn.backup(target)
        store = Store.open(copy)
        try:
            now = datetime.now(ZoneInfo(TIME_ZONE))
            report: Report = {}
            for name, command in commands.items():
                report[name] = time_store(store_query(store, command, now), options.runs)
            report["sensors"] = time_store(sensors_query(store, now), options.runs)
            for algorithm in PLAYLIST_ALGORITHMS:
                try:
                    report[f"playlist_{algorithm.value}"] = time_store(
                        store_playlist(store, algorithm, now), options.playlist_runs
                    )
                except PlaylistError as err:
                    report[f"playlist_{algorithm.value}"] = {"error": err.reason}
        finally:
            store.close()
    return report


def _targets(report: Report, plays: int) -> dict[str, bool]:
    websocket = {
        name: figures
        for name, figures in report.get("websocket_ms", {}).items()
        if "p95" in figures
    }
    playlists = [
        figures for figures in report.get("playlist_action_ms", {}).values() if "p95" in figures
    ]
    playlist_target = TARGET_PLAYLIST_P95_MS[1_000_000 if plays > 100_000 else 100_000]
    loading = report["loading"]
    targets = {
        "websocket_p95_under_50_ms": all(
            figures["p95"] <= TARGET_P95_MS for figures in websocket.values()
        ),
        "simple_p95_under_10_ms": all(
            websocket[name]["p95"] <= TARGET_SIMPLE_P95_MS for name in SIMPLE if name in websocket
        ),
        f"playlists_p95_under_{playlist_target}_ms": bool(playlists)
        and all(figures["p95"] <= playlist_target for figures in playlists),
        "ha_share_under_3_ms": all(
            share <= TARGET_HA_SHARE_MS for share in report.get("ha_share_ms", {}).values()
        ),
    }
    for phase, ratios in report.get("busy_ratio_p95", {}).items():
        targets[f"responsive_during_{phase}"] = all(
            ratio <= TARGET_BUSY_RATIO for ratio in ratios.values()
        )
    if "memory_after_kib" in loading:
        growth = (
            loading["memory_after_kib"]["VmHWM"] - loading["memory_before_kib"]["VmHWM"]
        ) / 1024
        loading["memory_growth_mib"] = round(growth, 1)
        targets["memory_growth_under_150_mb"] = growth <= TARGET_MEMORY_GROWTH_MIB
    return targets
