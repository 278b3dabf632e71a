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
