"""What the panel's views wait for: each websocket command they send, timed in the page.

The same commands, with the arguments the views use, sent through the page's own connection
(``hass.callWS``, as the views do) and timed with ``performance.now()``: the round trip includes
Home Assistant's websocket handling and the store query in its executor, not the rendering.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from itertools import product
import math
import statistics
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # The current test lane has no Playwright; panel_commands needs none.
    from playwright.sync_api import Page

from .common import log

PAGE_SIZE = 50
COLLECTION_PAGE_SIZE = 48
TOP = 10
COMPARE_TOP = 5  # The statistics view's comparison.


CALL_WS = "(command) => document.querySelector('home-assistant').hass.callWS(command)"
# Each command `runs + 1` times in a row; the first (cold) apart. Milliseconds, or the error.
_TIME_COMMANDS = """async ({ commands, runs }) => {
    const hass = document.querySelector("home-assistant").hass;
    const report = {};
    for (const [name, command] of Object.entries(commands)) {
        const times = [];
        try {
            for (let run = 0; run <= runs; run += 1) {
                const started = performance.now();
                await hass.callWS(command);
                times.push(performance.now() - started);
            }
            report[name] = times;
        } catch (error) {
            report[name] = { error: error.message ?? error.code ?? String(error) };
        }
    }
    return report;
}"""


def panel_commands(
    call: Callable[[dict[str, Any]], Any], history_end: str
) -> dict[str, dict[str, Any]]:
    """Every command to time: its name and arguments, as the views send them.

    ``call`` sends one command and answers its result (the page's connection, or any other).
    The preset windows end today, when the demo's own plays are the only ones: the same
    windows ending on the cached history's last day (`history_end`) show what the 1,000,000
    plays cost.
    """
    today = call({"type": "aime/timeline"})["day"]
    first = call({"type": "aime/history", "page": 0, "page_size": 1})["entries"][0]
    facets = call({"type": "aime/collection/facets"})
    vinyl = next((facet["value"] for facet in facets.get("formats", [])), None)
    collection = {
        "page": 0,
        "page_size": COLLECTION_PAGE_SIZE,
        "sort": "artist",
        "descending": False,
    }
    commands: dict[str, dict[str, Any]] = {
        "history_first_page": {"type": "aime/history", "page": 0, "page_size": PAGE_SIZE},
        "history_page_20": {"type": "aime/history", "page": 19, "page_size": PAGE_SIZE},
        "history_text": {
            "type": "aime/history", "page": 0, "page_size": PAGE_SIZE, "text": "Night"
        },
        "history_source": {
            "type": "aime/history", "page": 0, "page_size": PAGE_SIZE, "source": "lastfm"
        },
        "timeline_today": {"type": "aime/timeline", "day": today},
        "streaks": {"type": "aime/streaks"},
        "collection_first_page": {"type": "aime/collection", **collection, "with_stats": True},
        "collection_text": {"type": "aime/collection", **collection, "text": "Night"},
        "collection_facets": {"type": "aime/collection/facets"},
        "playlists_list": {"type": "aime/playlists/list"},
        "album": {"type": "aime/album", "album_id": first["album_id"]},
        "artist": {"type": "aime/artist", "artist_id": first["artist_id"]},
    }  # fmt: skip
    if vinyl:
        commands["collection_format"] = {"type": "aime/collection", **collection, "format": vinyl}
    windows = (("7d", 7, "day"), ("30d", 30, "day"), ("365d", 365, "week"))
    for (window, days, granularity), (end, suffix) in product(
        windows, ((today, ""), (history_end, "_to_history_end"))
    ):
        first_day = _days_before(end, days - 1)
        commands[f"range_{window}{suffix}"] = {
            "type": "aime/range",
            "first_day": first_day,
            "last_day": end,
            "granularity": granularity,
            "top": TOP,
        }
        previous_last = _days_before(first_day, 1)
        commands[f"compare_{window}{suffix}"] = {
            "type": "aime/compare",
            "current": {"first_day": first_day, "last_day": end},
            "previous": {
                "first_day": _days_before(previous_last, days - 1),
                "last_day": previous_last,
            },
            "top": COMPARE_TOP,
        }
    commands["range_all"] = {
        "type": "aime/range", "last_day": today, "granularity": "month", "top": TOP
    }  # fmt: skip
    return commands


def _days_before(day: str, days: int) -> str:
    return (date.fromisoformat(day) - timedelta(days=days)).isoformat()


def time_websocket_commands(page: Page, runs: int, history_end: str) -> dict[str, Any]:
    """min / p50 / p95 / max round trip (ms) of each command, the first (cold) call apart."""
    commands = panel_commands(lambda command: page.evaluate(CALL_WS, command), history_end)
    timings = page.evaluate(_TIME_COMMANDS, {"commands": commands, "runs": runs})
    report: dict[str, Any] = {}
    for name, times in timings.items():
        if isinstance(times, dict):  # A command a view sends failed: report it, go on.
            report[name] = times
        else:
            cold, warm = times[0], times[1:]
            report[name] = {
                "cold": round(cold, 1),
                "min": round(min(warm), 1),
                "p50": round(statistics.median(warm), 1),
                "p95": round(_p95(warm), 1),
                "max": round(max(warm), 1),
            }
        log(f"  {name}: {report[name]}")
    return report


def _p95(values: list[float]) -> float:
    """The nearest-rank 95th percentile (the maximum below 20 values)."""
    ranked = sorted(values)
    return ranked[max(math.ceil(0.95 * len(ranked)) - 1, 0)]
