"""`scripts/bench-panel`'s bundle report: the panel's first load follows static imports only."""

from __future__ import annotations

import gzip
from pathlib import Path

from scripts.benchmarks.panel_bundle import bundle_report


def _write(path: Path, text: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_first_load_is_the_entry_and_its_static_imports(tmp_path: Path) -> None:
    """A chunk reached through import("...") only is lazy: counted apart, with ECharts."""
    _write(tmp_path / "aime-panel.js", 'import{a}from"./chunks/chunk-A.js";import"./chunks/b.js";')
    lazy = 'const l=()=>import("./echarts-setup-X.js");export{l as a};'
    _write(tmp_path / "chunks/chunk-A.js", lazy)
    _write(tmp_path / "chunks/b.js", 'import{c}from"./chunk-C.js";')
    _write(tmp_path / "chunks/chunk-C.js", "export const c=1;")
    _write(tmp_path / "chunks/echarts-setup-X.js", 'import"./chunk-C.js";' + "x" * 5000)
    _write(tmp_path / "aime-cards.js", 'import"./chunks/chunk-C.js";')

    report = bundle_report(tmp_path)

    assert report["panel_first_load_files"] == [
        "aime-panel.js",
        "chunks/b.js",
        "chunks/chunk-A.js",
        "chunks/chunk-C.js",
    ]
    first_load = ["aime-panel.js", "chunks/b.js", "chunks/chunk-A.js", "chunks/chunk-C.js"]
    assert report["panel_first_load"] == {
        "bytes": sum(report["files"][name]["bytes"] for name in first_load),
        "gzip": sum(report["files"][name]["gzip"] for name in first_load),
        "files": 4,
    }
    # chunk-C is already loaded with the panel: the lazy part is the ECharts chunk alone.
    echarts = tmp_path / "chunks/echarts-setup-X.js"
    assert report["panel_lazy_chunks"] == {
        "bytes": echarts.stat().st_size,
        "gzip": len(gzip.compress(echarts.read_bytes(), compresslevel=9, mtime=0)),
        "files": 1,
    }
    assert list(report["echarts_chunks"]) == ["chunks/echarts-setup-X.js"]
    assert report["cards"]["files"] == 2
    assert report["targets"] == {"panel_first_load_gzip": True, "panel_with_charts_gzip": True}
