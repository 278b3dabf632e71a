"""Loading a history into the real Home Assistant of ``scripts/bench-ha``, through its actions.

The history's plays go where a migrating user's are: every play with an album into an original
AIME app database (``aime.import_aime_database``), its Last.fm scrobbles into the fake Last.fm
(``aime.import_lastfm_history``, after adding the account through the config flow). While each
import and the long-term statistics backfill after it run, a few websocket calls (``PROBES``)
are timed again and again, to compare with the same calls on an idle Home Assistant.
"""

from __future__ import annotations

import argparse
import asyncio
from collections.abc import Awaitable
from dataclasses import dataclass
from datetime import datetime
import os
from pathlib import Path
import time
from typing import Any
from zoneinfo import ZoneInfo

from custom_components.aime.core.models import PlayInput, Source
from scripts.devhass.original_app import write_original_app_database
from tests.fakes.lastfm import FakeLastfm

from .common import TIME_ZONE, Report, build_library, generate_history, log
from .ha_commands import Command, newest_playlist, probe_commands, summary
from .ha_hass import Hass, Websocket, add_lastfm_entry, memory_kib

LASTFM_USER = "aime-bench"
LASTFM_API_KEY = "bench-api-key"
IMPORT_SENSOR = f"sensor.last_fm_{LASTFM_USER.replace('-', '_')}_history_import"
AIME_DATABASE = "aime-bench/musique.db"  # Under the configuration folder, as the action needs.
PROBE_PAUSE_S = 0.5  # Between two rounds of probes: a panel open on the journal, say.
IDLE_ROUNDS = 20
_IMPORT_DONE = ("finished", "cancelled", "paused")


@dataclass(slots=True)
class LoadedHistory:
    """What the imports need: the scrobbles for the fake, the last local day of the history."""

    scrobbles: list[PlayInput]
    history_end: str
    plays: int


def build_history(options: argparse.Namespace, config_dir: Path) -> LoadedHistory:
    """Generate the history (ending an hour ago) and write the original app's database."""
    started = time.perf_counter()
    library = build_library(options)
    end = int(time.time()) - 3600  # So that "today" and "the last 7 days" hold plays.
    stream = generate_history(library, options, options.plays, end)
    plays = list(stream)
    log(f"generated {len(plays):,} plays in {time.perf_counter() - started:.0f} s")
    written = write_original_app_database(
        config_dir / AIME_DATABASE, plays, (Source.ROON, Source.LASTFM)
    )
    log(f"wrote {written:,} plays to the original app's database {AIME_DATABASE}")
    newest = datetime.fromtimestamp(plays[-1].played_at, ZoneInfo(TIME_ZONE))
    scrobbles = [play for play in plays if play.source is Source.LASTFM]
    return LoadedHistory(scrobbles, newest.date().isoformat(), len(plays))


def fake_lastfm(scrobbles: list[PlayInput]) -> FakeLastfm:
    """The fake Last.fm with the benchmark's account and its scrobbles (none on a rerun)."""
    fake = FakeLastfm()
    fake.api_keys = {LASTFM_API_KEY}
    first = scrobbles[0].played_at if scrobbles else int(time.time()) - 86_400
    fake.add_user(LASTFM_USER, registered=first - 86_400)
    fake.scrobble_many(LASTFM_USER, scrobbles)
    return fake


async def probe_while(
    ws: Websocket, probes: dict[str, Command], work: Awaitable[Any]
) -> tuple[Any, dict[str, list[float]], float]:
    """Time ``probes`` round after round until ``work`` ends; its result, the times, seconds."""
    task = asyncio.ensure_future(work)
    times: dict[str, list[float]] = {name: [] for name in probes}
    started = time.perf_counter()
    while not task.done():
        for name, command in probes.items():
            times[name].append((await ws.call(command))[1])
        await asyncio.wait({task}, timeout=PROBE_PAUSE_S)
    return task.result(), times, time.perf_counter() - started


async def probe_idle(ws: Websocket, probes: dict[str, Command]) -> dict[str, list[float]]:
    """The same probes, ``IDLE_ROUNDS`` rounds, on an idle Home Assistant."""
    _, times, _ = await probe_while(ws, probes, _rounds(IDLE_ROUNDS))
    return times


async def _rounds(count: int) -> None:
    await asyncio.sleep(count * PROBE_PAUSE_S)


async def load(
    hass: Hass, ws: Websocket, probe_ws: Websocket, loaded: LoadedHistory, api_root: str
) -> Report:
    """Both imports and their backfills, timed, with the probes and the memory around them."""
    report: Report = {"memory_before_kib": memory_kib(hass.pid), "loadavg_before": os.getloadavg()}
    probes = probe_commands(loaded.history_end, None)
    phases: dict[str, dict[str, list[float]]] = {}
    log("importing the original AIME app's database (aime.import_aime_database)")
    answer, phases["aime_import"], seconds = await probe_while(
        probe_ws, probes, hass.action("import_aime_database", {"path": AIME_DATABASE})
    )
    report["aime_import_s"] = round(seconds, 1)
    report["aime_import"] = _counts(answer)
    log(f"  {seconds:.0f} s: {report['aime_import']}")
    _, phases["backfill_after_aime_import"], seconds = await probe_while(
        probe_ws, probes, hass.wait_for_backfill(ws)
    )
    report["backfill_after_aime_import_s"] = round(seconds, 1)
    report["memory_after_aime_import_kib"] = memory_kib(hass.pid)
    log(f"  long-term statistics written {seconds:.0f} s later")
    await hass.action("generate_playlist", {"algorithm": "rediscovery", "max_tracks": 25})
    probes = probe_commands(loaded.history_end, await newest_playlist(ws))
    log(f"importing {len(loaded.scrobbles):,} Last.fm scrobbles (aime.import_lastfm_history)")
    await add_lastfm_entry(hass, LASTFM_USER, LASTFM_API_KEY, api_root)
    _, phases["lastfm_import"], seconds = await probe_while(probe_ws, probes, _lastfm_import(hass))
    report["lastfm_import_s"] = round(seconds, 1)
    state = await hass.state(IMPORT_SENSOR)
    report["lastfm_import"] = {
        key: state["attributes"].get(key) for key in ("status", "plays_imported")
    }
    log(f"  {seconds:.0f} s: {report['lastfm_import']}")
    _, phases["backfill_after_lastfm_import"], seconds = await probe_while(
        probe_ws, probes, hass.wait_for_backfill(ws)
    )
    report["backfill_after_lastfm_import_s"] = round(seconds, 1)
    report["memory_after_kib"] = memory_kib(hass.pid)
    report["loadavg_after"] = os.getloadavg()
    report["probes_during_kept"] = {
        phase: {name: summary(times) for name, times in by_name.items() if times}
        for phase, by_name in phases.items()
    }
    return report


async def _lastfm_import(hass: Hass) -> None:
    """Start the Last.fm import and follow its sensor until it ends."""
    await hass.action("import_lastfm_history")
    while True:
        state = await hass.state(IMPORT_SENSOR)
        if state["attributes"].get("status") in _IMPORT_DONE:
            return
        await asyncio.sleep(1.0)


def _counts(answer: Any) -> dict[str, Any]:
    """The import report's counts, flattened (``imported.plays``)."""
    if not isinstance(answer, dict):
        return {}
    return {
        f"{key}.{inner}" if inner else key: number
        for key, value in answer.items()
        for inner, number in (value.items() if isinstance(value, dict) else [("", value)])
        if isinstance(number, int | bool)
    }
