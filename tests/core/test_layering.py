"""The domain core must stay importable and testable without Home Assistant."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).parents[2] / "custom_components" / "aime" / "core"


def _imported_modules(module: Path) -> list[str]:
    """Every module the file imports, relative ones resolved to their place under ``aime``."""
    package = list(module.relative_to(CORE.parent).parent.parts)
    imported: list[str] = []
    for node in ast.walk(ast.parse(module.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            imported.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package[: len(package) - (node.level - 1)]
                imported.append("aime:" + ".".join([*base, *filter(None, [node.module])]))
            elif node.module:
                imported.append(node.module)
    return imported


@pytest.mark.parametrize(
    "module", sorted(CORE.rglob("*.py")), ids=lambda path: str(path.relative_to(CORE))
)
def test_core_module_has_no_home_assistant_import(module: Path) -> None:
    """No core module imports homeassistant, directly or from the integration's glue."""
    offending = [
        name
        for name in _imported_modules(module)
        if name.split(".")[0] in {"homeassistant", "custom_components"}
        or (name.startswith("aime:") and not name.startswith("aime:core"))
    ]
    assert not offending, f"{module.relative_to(CORE)} imports {offending}"


def _package_imports() -> dict[str, set[str]]:
    """Core package (``stats``, ``store``…) -> the other core packages its modules import."""
    graph: dict[str, set[str]] = {}
    for module in CORE.rglob("*.py"):
        parts = module.relative_to(CORE).parts
        if len(parts) < 2:
            continue  # Top-level modules (models, text…) are shared leaves, not packages.
        for name in _imported_modules(module):
            target = name.removeprefix("aime:core.").split(".")[0]
            if name.startswith("aime:core.") and target != parts[0] and (CORE / target).is_dir():
                graph.setdefault(parts[0], set()).add(target)
    return graph


def _reaches(graph: dict[str, set[str]], start: str, goal: str) -> bool:
    seen: set[str] = set()
    todo = [start]
    while todo:
        for follower in graph.get(todo.pop(), set()) - seen:
            if follower == goal:
                return True
            seen.add(follower)
            todo.append(follower)
    return False


def test_core_packages_do_not_import_each_other_in_a_circle() -> None:
    """Each core package sits above the ones it imports: stats and enrichment, store and stats…"""
    graph = _package_imports()
    assert {"stats", "enrichment"} <= graph["store"]  # The scan does see imports.
    circles = sorted(
        (first, second)
        for first in graph
        for second in graph
        if first < second and _reaches(graph, first, second) and _reaches(graph, second, first)
    )
    assert not circles, f"core packages importing each other: {circles}; imports: {graph}"
