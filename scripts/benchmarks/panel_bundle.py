"""The panel's bundle sizes for `scripts/bench-panel`: bytes and gzip bytes of each shipped file.

The panel's first load is its entry (``aime-panel.js``) and every chunk it imports statically,
transitively; a chunk reached only through ``import("...")`` (ECharts) loads when a view needs it.
"""

from __future__ import annotations

import gzip
from pathlib import Path
import re
from typing import Any

from scripts.devhass.config_dir import INTEGRATION_SOURCE

BUNDLE_DIR = INTEGRATION_SOURCE / "frontend"
PANEL_ENTRY = "aime-panel.js"
CARDS_ENTRY = "aime-cards.js"
TARGET_PANEL_GZIP_BYTES = 350 * 1024
# esbuild's minified static imports: `import{a as b}from"./chunks/x.js"` or `import"./x.js"`.
_STATIC_IMPORT = re.compile(r"""(?:\bfrom|\bimport)\s*["'](\.{1,2}/[^"']+\.js)["']""")
_DYNAMIC_IMPORT = re.compile(r"""\bimport\(\s*["'](\.{1,2}/[^"']+\.js)["']\s*\)""")


def _sizes(path: Path) -> dict[str, int]:
    data = path.read_bytes()
    return {"bytes": len(data), "gzip": len(gzip.compress(data, compresslevel=9, mtime=0))}


def _imports(path: Path, pattern: re.Pattern[str]) -> set[Path]:
    text = path.read_text(encoding="utf-8")
    return {(path.parent / found).resolve() for found in pattern.findall(text)}


def _static_closure(entry: Path) -> set[Path]:
    """The entry and every file it imports statically, transitively."""
    seen: set[Path] = set()
    pending = [entry.resolve()]
    while pending:
        path = pending.pop()
        if path in seen:
            continue
        seen.add(path)
        pending.extend(_imports(path, _STATIC_IMPORT) - seen)
    return seen


def _total(paths: set[Path], sizes: dict[str, dict[str, int]], root: Path) -> dict[str, int]:
    names = [path.relative_to(root).as_posix() for path in paths]
    return {
        "bytes": sum(sizes[name]["bytes"] for name in names),
        "gzip": sum(sizes[name]["gzip"] for name in names),
        "files": len(names),
    }


def bundle_report(bundle_dir: Path = BUNDLE_DIR) -> dict[str, Any]:
    """Sizes of every shipped JavaScript file, the panel's first load and its lazy chunks."""
    bundle_dir = bundle_dir.resolve()
    files = sorted(bundle_dir.rglob("*.js"))
    sizes = {path.relative_to(bundle_dir).as_posix(): _sizes(path) for path in files}
    panel = _static_closure(bundle_dir / PANEL_ENTRY)
    lazy: set[Path] = set()
    for path in panel:
        lazy |= _imports(path, _DYNAMIC_IMPORT)
    lazy_closure = set().union(*(_static_closure(path) for path in lazy)) - panel if lazy else set()
    echarts = {name: size for name, size in sizes.items() if "echarts" in name}
    first_load = _total(panel, sizes, bundle_dir)
    with_charts = _total(panel | lazy_closure, sizes, bundle_dir)
    return {
        "files": sizes,
        "panel_first_load": first_load,
        "panel_first_load_files": sorted(p.relative_to(bundle_dir).as_posix() for p in panel),
        "panel_lazy_chunks": _total(lazy_closure, sizes, bundle_dir) if lazy_closure else None,
        "panel_with_charts": with_charts,
        "echarts_chunks": echarts,
        "cards": _total(_static_closure(bundle_dir / CARDS_ENTRY), sizes, bundle_dir),
        "target_panel_gzip_bytes": TARGET_PANEL_GZIP_BYTES,
        "targets": {
            "panel_first_load_gzip": first_load["gzip"] <= TARGET_PANEL_GZIP_BYTES,
            "panel_with_charts_gzip": with_charts["gzip"] <= TARGET_PANEL_GZIP_BYTES,
        },
    }
