"""A benchmark report's headline figures next to their targets, one line each.

``python -m scripts.benchmarks.summary REPORT.json`` prints them; ``scripts/test`` shows them
after a short run so that a change costing 3x is seen in the run that makes it. Reported,
never failing: figures depend on the machine and its load, which the first line gives.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
import json
import os
from pathlib import Path
import sys

from . import hourly, people, players, playlists, recap, roon, stats, store
from .common import Report


@dataclass(frozen=True, slots=True)
class Headline:
    """One figure of a report: how to read it, its unit, and the target it must reach."""

    label: str
    read: Callable[[Report], float | None]
    unit: str
    target: float
    at_least: bool = False  # A rate must reach its target; a duration must stay under it.
    scaled: Callable[[Report], float | None] | None = None  # A target the report states.

    def line(self, report: Report) -> str | None:
        """``label  figure unit  target  ok|MISSED``; None when the report lacks the figure."""
        figure = self.read(report)
        if figure is None:
            return None
        target = (self.scaled(report) if self.scaled else None) or self.target
        met = figure >= target if self.at_least else figure <= target
        bound = ">=" if self.at_least else "<="
        shown = f"{figure:,.0f}" if figure >= 100 else f"{figure:.1f}"
        return (
            f"{self.label:<34} {shown:>10} {self.unit:<8} "
            f"target {bound} {target:,.0f}  {'ok' if met else 'MISSED'}"
        )


def _key(name: str) -> Callable[[Report], float | None]:
    return lambda report: report.get(name)


def _worst(prefix: str, figure: str) -> Callable[[Report], float | None]:
    """The highest ``figure`` of every timing whose key starts with ``prefix``."""

    def read(report: Report) -> float | None:
        values = [
            timing[figure]
            for key, timing in report.items()
            if key.startswith(prefix) and isinstance(timing, dict) and figure in timing
        ]
        return max(values) if values else None

    return read


def _total(*names: str) -> Callable[[Report], float | None]:
    def read(report: Report) -> float | None:
        values = [report.get(name) for name in names]
        return None if None in values else sum(v for v in values if v is not None)

    return read


def _worst_ratio(name: str, figure: str) -> Callable[[Report], float | None]:
    """The highest ``figure`` ratio of ``name``'s queries, in percent."""

    def read(report: Report) -> float | None:
        ratios = [ratio[figure] for ratio in (report.get(name) or {}).values()]
        return max(ratios) * 100 if ratios else None

    return read


def _nested(name: str, figure: str) -> Callable[[Report], float | None]:
    return lambda report: (report.get(name) or {}).get(figure)


HEADLINES = (
    Headline(
        "ingest", _key("ingest_plays_per_s"), "plays/s", store.INGEST_TARGET_PLAYS_PER_S, True
    ),
    Headline(
        "re-ingest",
        _key("reingest_plays_per_s"),
        "plays/s",
        store.REINGEST_TARGET_PLAYS_PER_S,
        True,
    ),
    Headline(
        "Last.fm history import",
        _key("lastfm_import_plays_per_s"),
        "plays/s",
        store.LASTFM_IMPORT_TARGET_PLAYS_PER_S,
        True,
    ),
    Headline("store size", _key("db_bytes_per_play"), "B/play", store.TARGET_BYTES_PER_PLAY),
    Headline("sensors p95", _nested("stats_sensors_ms", "p95"), "ms", stats.SENSORS_TARGET_MS),
    Headline("slowest panel query p95", _worst("stats_q_", "p95"), "ms", stats.QUERY_TARGET_MS),
    Headline("Roon event p99", _key("roon_event_latency_p99_ms"), "ms", roon.LATENCY_TARGET_P99_MS),
    Headline("Roon burst loop lag", _key("roon_burst_loop_lag_ms"), "ms", roon.LOOP_LAG_TARGET_MS),
    Headline(
        "player change → decision p99",
        _key("players_decision_p99_ms"),
        "ms",
        players.DECISION_TARGET_P99_MS,
    ),
    Headline(
        "players' loop delay (max)",
        _key("players_loop_delay_max_ms"),
        "ms",
        players.LOOP_DELAY_TARGET_MS,
    ),
    Headline(
        "slowest playlist p95",
        _worst("playlist_", "p95"),
        "ms",
        playlists.TARGET_MS,
        scaled=_key("playlist_target_p95_ms"),
    ),
    Headline("year recap (max)", _nested("recap_year_ms", "max"), "ms", recap.TARGET_MS),
    Headline(
        "a person's query vs everyone (p50)",
        _worst_ratio("people_ratio", "p50"),
        "%",
        people.RATIO_TARGET * 100,
    ),
    Headline(
        "hourly statistics, full read",
        _total("hourly_full_read_s", "hourly_rows_s"),
        "s",
        hourly.FULL_READ_TARGET_S,
    ),
)


def summary_lines(report: Report) -> Iterator[str]:
    """The headline figures the report holds, then the targets it missed, if any."""
    yield f"{report.get('plays', 0):,} plays; load average at the end of the run: {_load()}"
    for headline in HEADLINES:
        if (line := headline.line(report)) is not None:
            yield line
    missed = sorted(name for name, met in report.get("targets", {}).items() if not met)
    yield f"targets missed: {', '.join(missed)}" if missed else "every target met"


def _load() -> str:
    try:
        return " ".join(f"{value:.2f}" for value in os.getloadavg())
    except OSError:
        return "unknown"


def main(argv: list[str]) -> None:
    """Print the summary of the report file named by ``argv[0]``."""
    report = json.loads(Path(argv[0]).read_text(encoding="utf-8"))
    for line in summary_lines(report):
        print(f"    {line}")


if __name__ == "__main__":
    main(sys.argv[1:])
