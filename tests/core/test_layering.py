"""Which package of AIME may import which: the table, read against the code's own imports.

The domain core must stay importable and testable without Home Assistant; the kernel (``hub/``)
knows no feature; features depend on the kernel and on features below them, never on the
entry modules that wire them. ``ALLOWED`` is the whole truth: a new import between packages
that it does not list fails here, and so does a table with a cycle. ARCHITECTURE.md shows it.
Imports under ``if TYPE_CHECKING:`` are left out: they are annotations and never run.
"""

from __future__ import annotations

import ast
from graphlib import CycleError, TopologicalSorter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).parents[2] / "custom_components" / "aime"
CORE = PACKAGE / "core"
ARCHITECTURE = PACKAGE.parents[1] / "ARCHITECTURE.md"

# Shared helpers every layer above the core may use.
BASE = frozenset({"const", "exceptions", "validation", "texts", "action", "signed_images"})
CORE_PACKAGES = frozenset(
    {
        "core",
        "core.store",
        "core.stats",
        "core.enrichment",
        "core.playlists",
        "core.imports",
        "core.outbox",
    }
)
# Modules Home Assistant loads (the entry, platforms, flows) and the registries above features.
ENTRY_MODULES = frozenset(
    {
        "__init__",
        "entry_setup",
        "services",
        "websocket_api",
        "config_flow",
        "diagnostics",
        "sensor",
        "button",
        "media_player",
        "media_source",
    }
)

ALLOWED: dict[str, frozenset[str]] = {
    # The domain: plain Python.
    "core": frozenset(),
    "core.stats": frozenset({"core"}),
    "core.enrichment": frozenset({"core", "core.stats"}),
    "core.playlists": frozenset({"core", "core.stats"}),
    "core.outbox": frozenset({"core"}),
    "core.store": frozenset(
        {"core", "core.enrichment", "core.outbox", "core.playlists", "core.stats"}
    ),
    "core.imports": frozenset({"core", "core.enrichment", "core.store"}),
    # Outside services, each through its own library.
    "clients": frozenset({"core", "core.enrichment"}),
    "clients.roon": frozenset({"core"}),
    # Shared helpers.
    "const": frozenset(),
    "action": frozenset({"exceptions"}),
    "signed_images": frozenset(),
    "flow_fields": frozenset(),
    "exceptions": frozenset({"const"}),
    "texts": frozenset({"const", "core"}),
    "validation": frozenset({"exceptions"}),
    # The kernel.
    "hub": frozenset({"const", "core", "core.store", "exceptions", "texts"}),
    # Features, each above the kernel and the features it names.
    "stats": frozenset({"const", "core.stats", "hub", "texts"}),
    "ai": BASE | {"clients", "core.enrichment", "core.playlists", "core.store", "hub"},
    "aime_import": BASE | {"core.imports", "hub", "lastfm", "stats"},
    "recap": BASE | {"ai", "core.enrichment", "core.stats", "hub"},
    "enrichment": BASE
    | {"ai", "clients", "core.enrichment", "core.stats", "core.store", "flow_fields", "hub"},
    "playlists": BASE | {"ai", "core.playlists", "core.stats", "core.store", "hub"},
    "scrobbling": BASE | {"clients", "core", "core.outbox", "core.store", "hub"},
    "lastfm": BASE | {"clients", "core", "core.store", "hub", "scrobbling", "stats"},
    "listenbrainz": BASE
    | {"clients", "core", "core.store", "flow_fields", "hub", "scrobbling", "stats"},
    "players": BASE | {"core", "flow_fields", "hub"},
    "scrobble_endpoint": BASE | {"core", "flow_fields", "hub"},
    "roon": BASE
    | {"clients.roon", "core", "core.playlists", "core.stats", "core.store", "hub", "playlists"},
    "panel": BASE | {"clients.roon", "core.stats", "core.store", "hub", "roon", "stats"},
    "assist": BASE | {"core", "core.playlists", "core.stats", "hub", "playlists", "roon"},
    # Entry modules: they wire and register the features.
    "entry_setup": frozenset(
        {
            "ai",
            "assist",
            "const",
            "enrichment",
            "hub",
            "lastfm",
            "listenbrainz",
            "panel",
            "players",
            "recap",
            "roon",
            "scrobble_endpoint",
            "stats",
        }
    ),
    "__init__": frozenset(
        {
            "const",
            "entry_setup",
            "hub",
            "lastfm",
            "listenbrainz",
            "roon",
            "services",
            "websocket_api",
        }
    ),
    "services": BASE | {"ai", "aime_import", "enrichment", "lastfm", "playlists", "recap", "roon"},
    "websocket_api": frozenset(
        {
            "aime_import",
            "core",
            "core.stats",
            "core.store",
            "panel",
            "playlists",
            "scrobble_endpoint",
            "scrobbling",
            "validation",
        }
    ),
    "config_flow": frozenset(
        {
            "clients",
            "const",
            "enrichment",
            "flow_fields",
            "lastfm",
            "listenbrainz",
            "players",
            "roon",
            "scrobble_endpoint",
            "scrobbling",
        }
    ),
    "diagnostics": frozenset(
        {"__init__", "const", "core.store", "enrichment", "hub", "lastfm", "listenbrainz", "roon"}
    ),
    "sensor": frozenset({"__init__", "enrichment", "hub", "lastfm", "playlists", "stats"}),
    "button": frozenset({"__init__", "hub"}),
    "media_player": frozenset({"roon"}),
    "media_source": frozenset({"roon"}),
}
FEATURES = (
    frozenset(ALLOWED)
    - BASE
    - CORE_PACKAGES
    - ENTRY_MODULES
    - {
        "clients",
        "clients.roon",
        "flow_fields",
        "hub",
    }
)


def package_of(module: str) -> str:
    """The unit of the table a module belongs to (``core.stats``, ``roon``, ``sensor``...)."""
    parts = module.split(".") if module else ["__init__"]
    if (
        parts[0] in {"core", "clients"}
        and len(parts) > 1
        and (PACKAGE / "/".join(parts[:2])).is_dir()
    ):
        return ".".join(parts[:2])
    return parts[0]


def _module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE).with_suffix("").parts)
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def _type_checking_nodes(tree: ast.Module) -> set[int]:
    inside: set[int] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.If) and getattr(node.test, "id", None) == "TYPE_CHECKING":
            inside.update(id(child) for statement in node.body for child in ast.walk(statement))
    return inside


def _sources() -> dict[str, Path]:
    return {
        _module_name(path): path
        for path in PACKAGE.rglob("*.py")
        if "frontend" not in path.relative_to(PACKAGE).parts
    }


def imports_between_packages() -> dict[tuple[str, str], list[str]]:
    """Each (importer, imported) pair of packages, with the modules that make it."""
    modules = _sources()
    found: dict[tuple[str, str], list[str]] = {}
    for module, path in modules.items():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        annotations_only = _type_checking_nodes(tree)
        package = list(path.relative_to(PACKAGE).parent.parts)
        for node in ast.walk(tree):
            if id(node) in annotations_only or not isinstance(node, ast.ImportFrom):
                continue
            if not node.level:
                assert not (node.module or "").startswith("custom_components"), module
                continue
            base = package[: len(package) - (node.level - 1)]
            names = [node.module] if node.module else [alias.name for alias in node.names]
            for name in names:
                target = ".".join([*base, *name.split(".")])
                while target and target not in modules:
                    target = target.rpartition(".")[0]
                pair = (package_of(module), package_of(target))
                if pair[0] != pair[1]:
                    found.setdefault(pair, []).append(module)
    return found


def test_every_import_between_packages_is_in_the_table() -> None:
    """No upward import, no new dependency that the table (and ARCHITECTURE.md) does not show."""
    unlisted = {
        f"{importer} -> {imported} ({', '.join(sorted(set(modules)))})"
        for (importer, imported), modules in imports_between_packages().items()
        if imported not in ALLOWED.get(importer, frozenset())
    }
    assert not unlisted, "\n".join(sorted(unlisted))


def test_every_package_is_in_the_table() -> None:
    """A new package says where it stands."""
    assert {package_of(module) for module in _sources()} <= set(ALLOWED)


def test_the_table_has_no_cycle() -> None:
    """What the table allows can always be set up and read bottom-up."""
    try:
        tuple(TopologicalSorter(ALLOWED).static_order())
    except CycleError as err:  # pragma: no cover - the assertion message says it
        pytest.fail(f"cycle in the allowed dependencies: {err.args[1]}")


def test_the_kernel_and_the_core_know_no_feature() -> None:
    """The kernel rests on the core and the shared helpers; the core on nothing of the glue."""
    assert ALLOWED["hub"] <= BASE | CORE_PACKAGES
    for package in CORE_PACKAGES:
        assert ALLOWED[package] <= CORE_PACKAGES, package


def test_features_never_import_the_modules_that_wire_them() -> None:
    """Features sit below the entry modules, the registries and the platforms."""
    for feature in FEATURES:
        assert not ALLOWED[feature] & ENTRY_MODULES, feature


def table_row(package: str) -> str:
    """The package's row in ARCHITECTURE.md (``BASE`` written as "shared helpers")."""
    allowed = ALLOWED[package]
    shared = allowed.issuperset(BASE)
    names = [f"`{name}`" for name in sorted(allowed - BASE if shared else allowed)]
    if shared:
        names.insert(0, "shared helpers")
    return f"| `{package}` | {', '.join(names) or '—'} |"


def test_architecture_shows_the_table() -> None:
    """ARCHITECTURE.md's table is this one, row for row."""
    text = ARCHITECTURE.read_text(encoding="utf-8")
    for package in ALLOWED:
        assert table_row(package) in text, table_row(package)


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
