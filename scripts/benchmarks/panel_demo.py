"""The demo Home Assistant of `scripts/bench-panel`, its hub on a copy of the cached store."""

from __future__ import annotations

import contextlib
from datetime import datetime
from pathlib import Path
import shutil
import sqlite3
import time
from typing import Any
from zoneinfo import ZoneInfo

from tests.browser.demo_thread import DemoThread, HassApi, free_port

from .common import TIME_ZONE, log

RECORDER_POLL_S = 2.0
RECORDER_IDLE_POLLS = 3
RECORDER_WAIT_S = 600.0


def newest_day(store: Path) -> str:
    """The local day of the newest play of `store` (its history's last day)."""
    with contextlib.closing(sqlite3.connect(f"file:{store}?mode=ro", uri=True)) as conn:
        newest = conn.execute("SELECT max(played_at) FROM play").fetchone()[0]
    return datetime.fromtimestamp(newest, ZoneInfo(TIME_ZONE)).date().isoformat()


def _replace_store(config_dir: Path, store: Path) -> None:
    database = config_dir / "aime" / "aime.db"
    database.parent.mkdir(parents=True, exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)
    shutil.copyfile(store, database)


def _wait_for_recorder(api: HassApi) -> float:
    """Wait until the recorder has written what it was given; return how long that took.

    A new hub sends its whole history to the recorder as long-term statistics (~81,000 hours
    for 10 years): importing them keeps the recorder busy for a while after the start, competing
    with the store's queries for the CPU. The panel is measured after that one-off work.
    """
    started = time.perf_counter()
    idle_polls = 0
    while idle_polls < RECORDER_IDLE_POLLS and time.perf_counter() - started < RECORDER_WAIT_S:
        backlog = api.ws("recorder/info")["backlog"]
        idle_polls = idle_polls + 1 if backlog == 0 else 0
        time.sleep(RECORDER_POLL_S)
    waited = time.perf_counter() - started
    log(f"the recorder's backlog was empty after {waited:.0f} s")
    return round(waited, 1)


def start_demo(
    config_dir: Path, store: Path, report: dict[str, Any], *, over_store: bool
) -> DemoThread:
    """The provisioned demo Home Assistant, its hub on a copy of `store`.

    By default the demo is provisioned on its own small store, stopped, and started again over the
    copy: provisioning over a 1,000,000-play store times out on a loaded machine (the Last.fm
    entry's first poll ingests into it while the hub sends ~81,000 hours of long-term statistics,
    and the config-flow request gives up after 30 s). `over_store` copies it before the first start.
    """
    started = time.perf_counter()
    if over_store:
        _replace_store(config_dir, store)
    else:
        log("provisioning the demo Home Assistant on its own store first")
        first = DemoThread(config_dir, free_port())
        first.start()
        first.stop()
        _replace_store(config_dir, store)
    log(f"starting the demo Home Assistant over a copy of {store.name}")
    demo = DemoThread(config_dir, free_port())
    demo.start()
    report["recorder_backlog_wait_s"] = _wait_for_recorder(HassApi(demo, demo.demo.client))
    report["demo_start_s"] = round(time.perf_counter() - started, 1)
    report["demo_provisioned_over_store"] = over_store
    return demo
