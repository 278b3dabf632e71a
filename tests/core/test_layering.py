"""The domain core must stay importable and testable without Home Assistant."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

CORE = Path(__file__).parents[2] / "custom_components" / "aime" / "core"


@pytest.mark.parametrize("module", sorted(CORE.glob("*.py")), ids=lambda path: path.name)
def test_core_module_has_no_home_assistant_import(module: Path) -> None:
    """No core module imports homeassistant, directly or from the integration package."""
    tree = ast.parse(module.read_text(encoding="utf-8"))
    imported: list[str] = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            imported.extend(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            if node.level >= 2:  # "from .. import x" reaches the HA glue
                imported.append("." * node.level + (node.module or ""))
            elif node.module:
                imported.append(node.module)
    offending = [
        name for name in imported if name.split(".")[0] == "homeassistant" or name.startswith("..")
    ]
    assert not offending, f"{module.name} imports {offending}"
