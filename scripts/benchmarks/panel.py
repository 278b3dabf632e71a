"""The panel's performance benchmark: print one JSON object on stdout; progress goes to stderr.

    scripts/bench-panel                 # 1,000,000 plays, 5 runs of each measure
    scripts/bench-panel --runs 3 --plays 100000

Starts the demo Home Assistant (`scripts/devhass`) on a free port with its hub on a copy of the
cached synthetic store (`scripts/benchmarks/panel_store.py`; see `panel_demo.py` for why the
demo is provisioned first and restarted over it), logs in once through HA's login form with
Debian's Chromium (headless, the browser tests' flags) and times, in the page
(`scripts/benchmarks/panel_probes.py`): the first render of the journal, every view switch, the
filter changes, a 1,000-row journal scroll and each websocket command the views send (through
the page's own connection), and reports the bundle sizes. Targets are reported, never enforced:
the exit code is 0 even when one is missed. The 1 s first-render target is compared with the
time from the panel module's request (HA's own frontend boot comes before it; both are shown).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
import platform
import shutil
import tempfile
import time

from playwright.sync_api import sync_playwright

from scripts.devhass.config_dir import LOG_FILE_NAME
from tests.browser.harness import CHROMIUM, CHROMIUM_ARGS

from .common import Report, log
from .panel_backend import CALL_WS, time_websocket_commands
from .panel_browser import PanelBench
from .panel_bundle import bundle_report
from .panel_demo import newest_day, start_demo
from .panel_store import cached_store

TARGET_FIRST_RENDER_MS = 1000
TARGET_SWITCH_MS = 300
TARGET_FILTER_MS = 150  # Issue 24: a search or a filter change, to the final render.
TARGET_LONG_FRAMES = 0  # Issue 24: no frame over 50 ms while scrolling 1,000 rows.
TARGET_COMMAND_P95_MS = 50  # Issue 24: every command a view sends, warm.
TARGET_SIMPLE_COMMAND_P95_MS = 10  # Issue 24: a journal page, a day's timeline.
SIMPLE_COMMANDS = ("history_first_page", "history_page_20", "timeline_today")


def _command_targets(timings: Report) -> dict[str, bool]:
    """Every command's p95 within 50 ms, the simple ones' within 10 ms (a failed one misses)."""
    p95 = {name: figures.get("p95", float("inf")) for name, figures in timings.items()}
    return {
        "websocket_commands_p95": all(ms <= TARGET_COMMAND_P95_MS for ms in p95.values()),
        "websocket_simple_commands_p95": all(
            p95.get(name, float("inf")) <= TARGET_SIMPLE_COMMAND_P95_MS for name in SIMPLE_COMMANDS
        ),
    }


def _targets(report: Report) -> dict[str, bool]:
    first = report["first_render"]["cold"]["from_panel_module_ms"]
    warm = report["first_render"]["warm"]["from_navigation_ms"]
    filters = report["filter_change"]
    filter_maxima = [
        figures[side]["max"]
        for name, figures in filters.items()
        if name != "stats_period"
        for side in ("apply", "clear")
        if figures[side].get("n")
    ]
    scroll_runs = report["journal_scroll"]["runs"]
    return {
        "first_render_from_panel_module_p50": first.get("p50", float("inf"))
        <= TARGET_FIRST_RENDER_MS,
        "first_render_warm_from_navigation_p50": warm.get("p50", float("inf"))
        <= TARGET_FIRST_RENDER_MS,
        "view_switch_max": report["view_switch"]["all"].get("max", float("inf"))
        <= TARGET_SWITCH_MS,
        "filter_change_max": max(filter_maxima, default=float("inf")) <= TARGET_FILTER_MS,
        "stats_period_change_max": filters["stats_period"]["all"].get("max", float("inf"))
        <= TARGET_FILTER_MS,
        **_command_targets(report["websocket_ms"]),
        "journal_scroll_1000_rows": all(not run["timeout"] for run in scroll_runs),
        "journal_scroll_long_frames": all(
            run["frames_over_50ms"] <= TARGET_LONG_FRAMES for run in scroll_runs
        ),
        **{f"bundle_{key}": value for key, value in report["bundle"].pop("targets").items()},
    }


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="scripts/bench-panel", description=__doc__.split("\n")[0])
    parser.add_argument("--plays", type=int, default=1_000_000, help="plays of the cached store")
    parser.add_argument("--runs", type=int, default=5, help="repetitions of each measure")
    parser.add_argument("--scroll-rows", type=int, default=1000)
    parser.add_argument("--scroll-step", type=int, default=100, help="px scrolled per frame")
    parser.add_argument("--scroll-runs", type=int, default=2)
    parser.add_argument(
        "--provision-over-store",
        action="store_true",
        help="copy the store before the demo's first start (its imports then add to it)",
    )
    return parser


def main(argv: list[str] | None = None) -> Report:
    """Run the benchmark, print the report as JSON on stdout and return it."""
    options = _parser().parse_args(argv)
    started = time.perf_counter()
    report: Report = {"plays_in_cached_store": options.plays, "runs": options.runs}
    report["bundle"] = bundle_report()
    store = cached_store(options.plays)
    workdir = Path(tempfile.mkdtemp(prefix="aime-bench-panel-"))
    config_dir = workdir / "config"
    demo = start_demo(config_dir, store, report, over_store=options.provision_over_store)
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
            bench = PanelBench(browser, demo.demo.base_url, options.runs)
            log("first render of the journal")
            report["first_render"], page = bench.first_render()
            first_page = page.evaluate(CALL_WS, {"type": "aime/history", "page": 0, "page_size": 1})
            report["plays_in_store"] = first_page["total"]
            log("websocket commands, timed in the page")
            report["history_end"] = history_end = newest_day(store)
            report["websocket_ms"] = time_websocket_commands(page, options.runs, history_end)
            log("view switches")
            report["view_switch"] = bench.view_switches(page)
            log("filter changes")
            report["filter_change"] = bench.filters(page, history_end)
            log(f"journal scroll to {options.scroll_rows} rows")
            report["journal_scroll"] = bench.scroll(
                page, options.scroll_rows, options.scroll_step, options.scroll_runs
            )
            report["failures"] = bench.failures
            browser.close()
    except Exception:
        log(f"failed; Home Assistant's log: {config_dir / LOG_FILE_NAME}")
        demo.stop()
        raise
    demo.stop()
    shutil.rmtree(workdir, ignore_errors=True)
    report |= {
        "total_s": round(time.perf_counter() - started, 1),
        "python": platform.python_version(),
        "chromium": str(CHROMIUM),
        "targets": _targets(report),
    }
    print(json.dumps(report, indent=2))
    return report


if __name__ == "__main__":
    main()
