"""The panel benchmark's browser: one logged-in Chromium page, each measure in the page.

The first render of the journal, every view switch, the filter changes and a long journal
scroll, timed by the probes of ``panel_probes.py``; ``panel.py`` runs them and reports.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
import json
import statistics
from typing import Any

from playwright.sync_api import Browser, BrowserContext, Page

from scripts.devhass import DEMO_PASSWORD, DEMO_USERNAME
from tests.browser.harness import (
    DEFAULT_VARIANT,
    EXPECT_TIMEOUT_MS,
    NAVIGATION_TIMEOUT_MS,
    PAGE_HEIGHT,
    PageWatch,
)

from .common import Report, log
from .panel_probes import PROBES_JS

LONG_FRAME_MS = 50  # A frame over this at 60 Hz is worth noting while scrolling.
MEASURE_TIMEOUT_MS = 20_000
NAV_VIEWS = ("timeline", "stats", "collection", "playlists", "journal")
SEARCH_WORDS = ("Night", "River", "Heart", "Moon", "Rain", "Blue", "Fire", "Star")
STATS_WINDOWS = ("365d", "all", "7d", "30d")


def summary(values: list[float]) -> Report:
    """min / p50 / max (and the count) of timings in ms."""
    if not values:
        return {"n": 0}
    return {
        "n": len(values),
        "min": round(min(values), 1),
        "p50": round(statistics.median(values), 1),
        "max": round(max(values), 1),
    }


class PanelBench:
    """One logged-in browser on the demo Home Assistant; each method measures one thing."""

    def __init__(self, browser: Browser, hass_url: str, runs: int) -> None:
        """Log in once through Home Assistant's login form."""
        self.browser = browser
        self.hass_url = hass_url
        self.runs = runs
        self.failures: list[str] = []
        self.auth = self._log_in()

    def context(self, **options: Any) -> BrowserContext:
        context = self.browser.new_context(
            base_url=self.hass_url,
            viewport={"width": DEFAULT_VARIANT.width, "height": PAGE_HEIGHT},
            locale=DEFAULT_VARIANT.locale,
            **options,
        )
        context.set_default_timeout(EXPECT_TIMEOUT_MS)
        context.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
        PageWatch(self.hass_url).attach(context)  # Nothing leaves the machine.
        context.add_init_script(PROBES_JS)
        return context

    def _log_in(self) -> dict[str, Any]:
        context = self.context()
        page = context.new_page()
        page.goto("/")
        page.locator("input[name='username']").fill(DEMO_USERNAME)
        page.locator("input[name='password']").fill(DEMO_PASSWORD)
        page.get_by_role("checkbox").check()  # "Keep me logged in": tokens in localStorage.
        page.get_by_role("button", name="Log in").click()
        page.wait_for_function("() => Boolean(window.localStorage.getItem('hassTokens'))")
        state = dict(context.storage_state())
        context.close()
        return state

    # --- first render -----------------------------------------------------------------------

    def first_render(self) -> tuple[Report, Page]:
        """Open /aime/journal in fresh contexts (cold cache), then reload each (warm cache)."""
        cold: list[Report] = []
        warm: list[Report] = []
        page: Page | None = None
        for run in range(self.runs):
            if page is not None:
                page.context.close()
            page = self.context(storage_state=self.auth).new_page()
            cold.append(self._load(page, lambda p: p.goto("/aime/journal", wait_until="commit")))
            warm.append(self._load(page, lambda p: p.reload(wait_until="commit")))
            log(f"  first render {run + 1}/{self.runs}: cold {cold[-1]}, warm {warm[-1]}")
        assert page is not None
        return {"cold": _first_render_summary(cold), "warm": _first_render_summary(warm)}, page

    @staticmethod
    def _load(page: Page, navigate: Callable[[Page], Any]) -> Report:
        navigate(page)
        page.wait_for_function(
            "() => window.__aimeBench?.firstRender.rows_ms !== undefined",
            timeout=MEASURE_TIMEOUT_MS,
            polling=100,
        )
        figures: Report = page.evaluate(
            """() => {
            const first = window.__aimeBench.firstRender;
            const panel = performance.getEntriesByType("resource")
                .find((entry) => entry.name.includes("/aime-panel.js"));
            return {
                from_navigation_ms: first.rows_ms,
                panel_element_ms: first.panel_ms,
                skeleton_ms: first.skeleton_ms,
                panel_request_ms: panel ? panel.startTime : null,
                panel_loaded_ms: panel ? panel.responseEnd : null,
                from_panel_module_ms: panel ? first.rows_ms - panel.startTime : null,
            };
        }"""
        )
        return {
            key: round(value, 1) if value is not None else None for key, value in figures.items()
        }

    # --- view switches and filters ----------------------------------------------------------

    def measure(self, page: Page, label: str, spec: Report) -> float | None:
        result: Report = page.evaluate(
            "(spec) => window.__aimeBench.measure(spec)", {"timeoutMs": MEASURE_TIMEOUT_MS, **spec}
        )
        if "error" in result or result.get("timeout"):
            self.failures.append(f"{label}: {result}")
            log(f"  {label}: FAILED {result}")
            return None
        return float(result["ms"])

    def settle(self, page: Page, view: str) -> None:
        page.evaluate(
            "(spec) => window.__aimeBench.settled(spec)",
            {"view": view, "timeoutMs": MEASURE_TIMEOUT_MS},
        )

    def go(self, page: Page, view: str) -> float | None:
        """Click the nav link of `view` and wait for its final render; the time it took."""
        action = {"kind": "click", "nav": view}
        return self.measure(page, f"switch to {view}", {"action": action, "view": view})

    def view_switches(self, page: Page) -> Report:
        times: dict[str, list[float]] = {view: [] for view in (*NAV_VIEWS, "album", "artist")}
        self.settle(page, "journal")
        for run in range(self.runs):
            for view in NAV_VIEWS:
                if (ms := self.go(page, view)) is not None:
                    times[view].append(ms)
            for view in ("album", "artist"):
                links = page.evaluate("() => window.__aimeBench.albumAndArtistLinks()")
                result = page.evaluate(
                    "(spec) => window.__aimeBench.followHref(spec)",
                    {"href": links[view], "view": view, "timeoutMs": MEASURE_TIMEOUT_MS},
                )
                if "ms" in result and not result.get("timeout") and "error" not in result:
                    times[view].append(result["ms"])
                else:
                    self.failures.append(f"open {view}: {result}")
                self.go(page, "journal")
            log(f"  view switches {run + 1}/{self.runs}: " + _line(times))
        every = [ms for values in times.values() for ms in values]
        return {"by_view": {view: summary(v) for view, v in times.items()}, "all": summary(every)}

    def _filter(self, page: Page, view: str, testid: str, kind: str, values: list[str]) -> Report:
        """Apply each value, then clear it, each timed to the final render."""
        applied: list[float] = []
        cleared: list[float] = []
        for value in values:
            for store, new in ((applied, value), (cleared, "")):
                action = {"kind": kind, "view": view, "testid": testid, "value": new}
                spec = {"action": action, "view": view, "change": True}
                if (ms := self.measure(page, f"{testid}={new!r}", spec)) is not None:
                    store.append(ms)
        return {"apply": summary(applied), "clear": summary(cleared), "values": values}

    def _history_periods(self, page: Page, history_end: str) -> dict[str, list[float]]:
        """Custom periods ending on the history's last day: the preset ones end today, when
        only the demo's few thousand plays exist; these read the cached history's."""
        end = date.fromisoformat(history_end)
        year, month = (str(end - timedelta(days=days - 1)) for days in (365, 30))
        periods: dict[str, list[float]] = {
            "custom_365d_in_history": [],
            "custom_30d_in_history": [],
        }

        def set_day(testid: str, day: str) -> float | None:
            action = {"kind": "select", "view": "stats", "testid": testid, "value": day}
            spec = {"action": action, "view": "stats", "change": True}
            return self.measure(page, f"stats {testid}={day}", spec)

        click = {"kind": "click", "view": "stats", "testid": "period-custom"}
        # The same days as the preset shown: nothing changes but the view's inputs.
        self.measure(page, "stats custom period", {"action": click, "view": "stats"})
        set_day("period-first", year)  # From then until today: the last day can then move.
        if (ms := set_day("period-last", history_end)) is not None:
            periods["custom_365d_in_history"].append(ms)
        for _ in range(self.runs):
            for name, first in (("custom_30d_in_history", month), ("custom_365d_in_history", year)):
                if (ms := set_day("period-first", first)) is not None:
                    periods[name].append(ms)
        return periods

    def filters(self, page: Page, history_end: str) -> Report:
        report: Report = {}
        words = [SEARCH_WORDS[run % len(SEARCH_WORDS)] for run in range(self.runs)]
        self.go(page, "journal")
        report["journal_search"] = self._filter(page, "journal", "journal-search", "input", words)
        sources = [("lastfm", "roon")[run % 2] for run in range(self.runs)]
        report["journal_source"] = self._filter(
            page, "journal", "journal-source", "select", sources
        )
        self.go(page, "collection")
        formats = page.evaluate(
            "(spec) => window.__aimeBench.options(spec)",
            {"view": "collection", "testid": "collection-format"},
        )
        formats = [value for value in formats if value] or ["Vinyl"]
        chosen = [formats[run % len(formats)] for run in range(self.runs)]
        report["collection_format"] = self._filter(
            page, "collection", "collection-format", "select", chosen
        )
        report["collection_search"] = self._filter(
            page, "collection", "collection-search", "input", words
        )
        self.go(page, "stats")
        periods: dict[str, list[float]] = {window: [] for window in STATS_WINDOWS}
        for _ in range(self.runs):
            for window in STATS_WINDOWS:
                action = {"kind": "click", "view": "stats", "testid": f"period-{window}"}
                spec = {"action": action, "view": "stats", "change": True}
                if (ms := self.measure(page, f"stats period {window}", spec)) is not None:
                    periods[window].append(ms)
        periods |= self._history_periods(page, history_end)
        every = [ms for values in periods.values() for ms in values]
        report["stats_period"] = {
            "by_window": {window: summary(v) for window, v in periods.items()},
            "all": summary(every),
        }
        log("  filters: " + json.dumps(report))
        return report

    # --- journal scroll ---------------------------------------------------------------------

    def scroll(self, page: Page, rows: int, step_px: int, runs: int) -> Report:
        results = []
        for run in range(runs):
            self.go(page, "timeline")
            self.go(page, "journal")  # A fresh journal: its first page only.
            result = page.evaluate(
                "(spec) => window.__aimeBench.scrollJournal(spec)",
                {"rows": rows, "stepPx": step_px, "timeoutMs": 180_000},
            )
            frames = sorted(result.pop("frames"))
            figures = {
                "rows": result["rows"],
                "timeout": result["timeout"],
                "time_to_rows_ms": round(result["ms"], 1),
                "frames": len(frames),
                "frame_p50_ms": round(statistics.median(frames), 1),
                "frame_p95_ms": round(frames[int(0.95 * (len(frames) - 1))], 1),
                "frame_max_ms": round(frames[-1], 1),
                "frames_over_50ms": sum(1 for frame in frames if frame > LONG_FRAME_MS),
                "frames_over_50ms_with_a_new_page": result["longFramesWithNewRows"],
                "stalled_frames_at_bottom": result["stalledFrames"],
                "scroller": result["scroller"],
                "long_animation_frames": _long_frames(result["longFrames"]),
            }
            log(f"  scroll {run + 1}/{runs}: {figures}")
            results.append(figures)
        return {"step_px_per_frame": step_px, "target_rows": rows, "runs": results}


def _long_frames(frames: list[Report]) -> Report:
    """What the browser's long animation frames (over 50 ms) spent their time on."""
    ranked = sorted(frames, key=lambda frame: -frame["ms"])
    return {
        "n": len(frames),
        "scripts_ms": sum(frame["scripts_ms"] for frame in frames),
        "style_layout_ms": sum(frame["style_layout_ms"] for frame in frames),
        "longest": ranked[:5],
    }


def _line(times: dict[str, list[float]]) -> str:
    return ", ".join(f"{view} {values[-1]:.0f}" for view, values in times.items() if values)


def _first_render_summary(runs: list[Report]) -> Report:
    keys = ("from_navigation_ms", "from_panel_module_ms", "panel_request_ms", "skeleton_ms")
    return {
        key: summary([run[key] for run in runs if run.get(key) is not None]) for key in keys
    } | {"runs": runs}
