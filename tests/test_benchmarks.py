"""The benchmarks of ``scripts/bench`` (small scale) and the one-way imports of their modules."""

from __future__ import annotations

import ast
import json
from pathlib import Path

import pytest

from scripts.benchmarks import runner, summary

BENCHMARKS = Path(runner.__file__).parent
SMALL_BENCH = ["--artists", "200", "--albums", "800", "--tracks", "6000"]


def _imported_benchmarks(module: Path) -> set[str]:
    """The modules of ``scripts/benchmarks`` that ``module`` imports (relative imports)."""
    names: set[str] = set()
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                names.add(node.module.split(".")[0])
            else:
                names.update(alias.name for alias in node.names)
    return names


def test_benchmark_modules_import_one_way() -> None:
    """Only the runner and ``__main__`` gather the sections; nothing imports back into them."""
    graph = {path.stem: _imported_benchmarks(path) for path in BENCHMARKS.glob("*.py")}
    assert graph["common"] == set()
    assert graph["__main__"] == {"runner"}
    assert [name for name, imported in graph.items() if "runner" in imported] == ["__main__"]

    def reaches(start: str, goal: str, seen: set[str]) -> bool:
        for name in graph.get(start, set()) - seen:
            seen.add(name)
            if name == goal or reaches(name, goal, seen):
                return True
        return False

    assert [name for name in graph if reaches(name, name, set())] == []


def test_bench_runs_on_the_real_shape(capsys: pytest.CaptureFixture[str]) -> None:
    """``--shape real``: the real-shaped history, stored as expected (no play merged away)."""
    sizes = ["--artists", "200", "--albums", "800", "--tracks", "3000"]
    report = runner.main(
        ["--plays", "3000", "--shape", "real", *sizes, "--only", "history", "--only", "store"]
    )
    capsys.readouterr()
    assert report["shape"] == "real"
    assert report["library"]["artists"] == 200
    assert report["plays_stored"] == report["expected_plays"]


@pytest.mark.usefixtures("socket_enabled")  # the lastfm_import section serves a fake Last.fm
def test_bench_reports_store_figures(capsys: pytest.CaptureFixture[str]) -> None:
    report = runner.main(["--plays", "3000", *SMALL_BENCH])

    assert json.loads(capsys.readouterr().out) == report
    for key in (
        "ingest_plays_per_s",
        "reingest_plays_per_s",
        "merged",
        "db_bytes_per_play",
        "peak_rss_mib",
        "generation_s",
        "counts",
        "python",
        "sqlite",
    ):
        assert key in report
    assert report["reingest_added"] == 0
    assert report["plays_stored"] == report["expected_plays"]
    assert report["merged"] == report["cross_source_duplicates"] > 0
    assert set(report["targets"]) >= {
        "ingest_plays_per_s",
        "reingest_plays_per_s",
        "db_bytes_per_play",
        "reingest_added_zero",
    }
    assert report["targets"]["reingest_added_zero"] is True


@pytest.mark.usefixtures("socket_enabled")
def test_bench_sections_and_kept_database(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    report = runner.main(["--plays", "500", "--only", "history", *SMALL_BENCH])
    assert report["sections"] == ["history"]
    assert "ingest_plays_per_s" not in report
    assert report["targets"] == {}

    database = tmp_path / "bench.db"
    report = runner.main(["--plays", "500", "--db", str(database), "--keep", *SMALL_BENCH])
    assert report["db_path"] == str(database)
    assert database.exists()
    capsys.readouterr()


def test_summary_puts_each_figure_next_to_its_target() -> None:
    """What ``scripts/test`` prints after its short run: missed rates and durations say so,
    figures the report lacks (sections not run) are left out, missed targets are named."""
    report = {
        "plays": 100_000,
        "ingest_plays_per_s": 12_000,
        "stats_q_window_7d_ms": {"p50": 2.0, "p95": 3.0},
        "stats_q_range_all_ms": {"p50": 60.0, "p95": 75.5},
        "playlist_rediscovery_all_ms": {"p50": 40.0, "p95": 45.0, "max": 120.0},
        "playlist_target_p95_ms": 50.0,
        "targets": {"ingest_plays_per_s": False, "playlists_p95": True},
    }
    lines = list(summary.summary_lines(report))
    assert lines[0].startswith("100,000 plays; load average at the end of the run: ")
    by_label = {line.split("  ")[0]: line for line in lines[1:-1]}
    assert set(by_label) == {"ingest", "slowest panel query p95", "slowest playlist p95"}
    assert " ".join(by_label["ingest"].split()) == "ingest 12,000 plays/s target >= 50,000 MISSED"
    assert by_label["slowest panel query p95"].endswith("75.5 ms       target <= 50  MISSED")
    assert by_label["slowest playlist p95"].endswith("45.0 ms       target <= 50  ok")
    assert lines[-1] == "targets missed: ingest_plays_per_s"
