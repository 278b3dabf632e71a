"""Every ``done`` rule of quality_scale.yaml names the tests that prove it, and they exist.

Rules without a test elsewhere are checked here: entity names, unique ids and translations,
runtime data, where actions are registered, parallel updates, strict typing, the README.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
import json
from pathlib import Path
import re

from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.entity_platform import async_get_platforms
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
import yaml

from custom_components.aime.const import DOMAIN
from custom_components.aime.services import ACTIONS

ROOT = Path(__file__).parent.parent
TESTS = ROOT / "tests"
INTEGRATION = ROOT / "custom_components" / "aime"
README = (ROOT / "README.md").read_text(encoding="utf-8")
HERE = "tests/test_quality_scale.py"

# Each rule claimed done, and the tests (file::function) whose passing proves the claim.
RULE_CHECKS: dict[str, list[str]] = {
    # Bronze
    "action-setup": [f"{HERE}::test_actions_are_registered_without_entries"],
    "appropriate-polling": [
        "tests/lastfm/test_coordinator.py::test_failures_back_off_then_go_unavailable",
        "tests/lastfm/test_coordinator.py::test_scan_interval_option_applies_without_reload",
    ],
    "brands": [
        "tests/validation/test_hacs.py::test_repository_passes",
        "tests/validation/test_hacs.py::test_brand_icons_are_checked",
    ],
    "common-modules": [f"{HERE}::test_common_modules_exist"],
    "config-flow-test-coverage": [
        "tests/test_config_flow.py::test_user_flow_creates_hub",
        "tests/roon/test_config_flow.py::test_discovered_core_is_added_once_enabled",
        "tests/enrichment/test_options_flow.py::test_discogs_added_changed_and_removed",
    ],
    "config-flow": [f"{HERE}::test_manifest_declares_config_flow"],
    "dependency-transparency": ["tests/test_manifest.py::test_manifest_requirements"],
    "docs-actions": [f"{HERE}::test_readme_documents_every_action"],
    "docs-high-level-description": [f"{HERE}::test_readme_sections"],
    "docs-installation-instructions": [f"{HERE}::test_readme_sections"],
    "docs-removal-instructions": [f"{HERE}::test_readme_sections"],
    "entity-event-setup": [
        "tests/test_sensor.py::test_recorded_plays_refresh_the_sensors",
        "tests/roon/test_media_player.py::test_rename_keeps_the_entity",
    ],
    "entity-unique-id": [f"{HERE}::test_every_entity_is_named_registered_and_translated"],
    "has-entity-name": [
        f"{HERE}::test_every_entity_is_named_registered_and_translated",
        f"{HERE}::test_every_entity_class_sets_has_entity_name",
    ],
    "runtime-data": [f"{HERE}::test_hass_data_only_holds_typed_shared_state"],
    "test-before-configure": [
        "tests/test_config_flow.py::test_lastfm_errors_then_success",
        "tests/roon/test_config_flow.py::test_unreachable_address",
        "tests/enrichment/test_options_flow.py::test_discogs_errors",
        "tests/enrichment/test_options_flow.py::test_spotify_errors",
        "tests/enrichment/test_options_flow.py::test_ai_errors",
    ],
    "test-before-setup": [
        "tests/test_init.py::test_unusable_database",
        "tests/lastfm/test_coordinator.py::test_setup_with_refused_key_needs_reauth",
        "tests/lastfm/test_coordinator.py::test_setup_retried_when_lastfm_is_down",
        "tests/roon/test_coordinator.py::test_core_unreachable_at_setup",
        "tests/roon/test_coordinator.py::test_unknown_token_at_setup_asks_to_reauthenticate",
    ],
    "unique-config-entry": [
        "tests/test_config_flow.py::test_hub_unique",
        "tests/test_config_flow.py::test_lastfm_account_only_once",
        "tests/roon/test_config_flow.py::test_core_already_added",
    ],
    # Silver
    "action-exceptions": [
        "tests/lastfm/test_services.py::test_entry_checks",
        "tests/roon/test_media_player.py::test_join_is_validated",
    ],
    "config-entry-unloading": [
        "tests/test_init.py::test_setup_and_unload",
        "tests/test_init.py::test_unload_during_import_and_poll",
        "tests/roon/test_media_player.py::test_unload_leaves_no_thread",
    ],
    "docs-configuration-parameters": [f"{HERE}::test_readme_sections"],
    "docs-installation-parameters": [f"{HERE}::test_readme_sections"],
    "integration-owner": [f"{HERE}::test_manifest_names_an_owner"],
    "log-when-unavailable": [
        "tests/lastfm/test_coordinator.py::test_failures_back_off_then_go_unavailable",
        "tests/roon/test_coordinator.py::test_core_restart_mid_play",
    ],
    "entity-unavailable": [
        "tests/lastfm/test_coordinator.py::test_failures_back_off_then_go_unavailable",
        "tests/roon/test_coordinator.py::test_network_loss",
        "tests/roon/test_media_player.py::test_zone_removed_and_core_errors",
    ],
    "parallel-updates": [f"{HERE}::test_every_platform_sets_parallel_updates"],
    "reauthentication-flow": [
        "tests/test_config_flow.py::test_reauth",
        "tests/roon/test_config_flow.py::test_reauth_gets_a_new_token",
    ],
    "test-coverage": [f"{HERE}::test_coverage_is_enforced"],
    # Gold
    "devices": ["tests/test_sensor.py::test_hub_sensors", "tests/test_sensor.py::test_sensors"],
    "diagnostics": [
        "tests/test_diagnostics.py::test_diagnostics",
        "tests/test_diagnostics.py::test_lastfm_diagnostics",
        "tests/test_diagnostics.py::test_roon_diagnostics",
    ],
    "docs-data-update": [f"{HERE}::test_readme_sections"],
    "docs-examples": [f"{HERE}::test_readme_sections"],
    "docs-known-limitations": [f"{HERE}::test_readme_sections"],
    "docs-supported-functions": [
        f"{HERE}::test_readme_documents_every_action",
        f"{HERE}::test_readme_documents_every_websocket_command",
    ],
    "docs-troubleshooting": [f"{HERE}::test_readme_sections"],
    "docs-use-cases": [f"{HERE}::test_readme_sections"],
    "dynamic-devices": ["tests/roon/test_media_player.py::test_volume_incremental_and_fixed"],
    "entity-category": ["tests/test_sensor.py::test_hub_sensors"],
    "entity-device-class": ["tests/test_sensor.py::test_hub_sensors"],
    "entity-disabled-by-default": [
        "tests/test_sensor.py::test_less_used_sensors_disabled_by_default"
    ],
    "entity-translations": [f"{HERE}::test_every_entity_is_named_registered_and_translated"],
    "exception-translations": [
        "tests/test_translations.py::test_every_raised_key_renders_a_sentence",
        "tests/test_translations.py::test_home_assistant_renders_each_raised_error",
    ],
    "icon-translations": [f"{HERE}::test_every_entity_is_named_registered_and_translated"],
    "reconfiguration-flow": [
        "tests/test_config_flow.py::test_reconfigure_credentials",
        "tests/test_config_flow.py::test_hub_reconfigure_sets_the_dedup_window",
        "tests/roon/test_config_flow.py::test_reconfigure_keeps_the_entities",
    ],
    "repair-issues": ["tests/test_init.py::test_unusable_database"],
    "stale-devices": [
        "tests/test_config_flow.py::test_reconfigure_to_another_user",
        "tests/roon/test_media_player.py::test_only_gone_players_can_be_deleted",
    ],
}


def _rules() -> dict[str, dict[str, str]]:
    raw = yaml.safe_load((INTEGRATION / "quality_scale.yaml").read_text(encoding="utf-8"))
    return {
        rule: value if isinstance(value, dict) else {"status": value}
        for rule, value in raw["rules"].items()
    }


def _test_functions(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.name
        for node in tree.body
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef)
        and node.name.startswith("test_")
    }


def test_every_done_rule_names_its_checks() -> None:
    """A rule is done only with tests to show for it; todo and exempt rules say why."""
    rules = _rules()
    done = {rule for rule, value in rules.items() if value["status"] == "done"}
    assert done == set(RULE_CHECKS)
    for rule, value in rules.items():
        if value["status"] != "done":
            assert value.get("comment"), f"{rule} is {value['status']} without a reason"


@pytest.mark.parametrize("rule", sorted(RULE_CHECKS))
def test_named_checks_exist(rule: str) -> None:
    """Each test a rule names is a test function of that file (renames show up here)."""
    for check in RULE_CHECKS[rule]:
        file_name, function = check.split("::")
        assert function in _test_functions(ROOT / file_name), f"{rule}: {check} not found"


# --- Bronze ---------------------------------------------------------------------------------


async def test_actions_are_registered_without_entries(hass: HomeAssistant) -> None:
    """action-setup: every action exists once the integration is set up, before any entry."""
    assert await async_setup_component(hass, DOMAIN, {})
    registered = hass.services.async_services_for_domain(DOMAIN)
    assert set(registered) == {action.name for action in ACTIONS}


def test_common_modules_exist() -> None:
    """common-modules: one base entity module per entry kind, one coordinator per source."""
    for module in (
        "hub/entity.py",
        "lastfm/entity.py",
        "roon/entity.py",
        "stats/coordinator.py",
        "lastfm/coordinator.py",
        "roon/coordinator.py",
    ):
        assert (INTEGRATION / module).is_file(), module


def test_manifest_declares_config_flow() -> None:
    """config-flow: set up from the UI only (no YAML)."""
    manifest = json.loads((INTEGRATION / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["config_flow"] is True
    assert (INTEGRATION / "config_flow.py").is_file()


def test_manifest_names_an_owner() -> None:
    """integration-owner: at least one code owner."""
    manifest = json.loads((INTEGRATION / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["codeowners"]


def _modules() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted(INTEGRATION.rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"))


def _hass_keys(tree: ast.Module) -> set[str]:
    """Module-level names bound to a ``HassKey``."""
    keys: set[str] = set()
    for node in tree.body:
        if isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            if "HassKey" in ast.unparse(node.annotation):
                keys.add(node.target.id)
        elif (
            isinstance(node, ast.Assign)
            and isinstance(node.value, ast.Call)
            and ast.unparse(node.value.func).endswith("HassKey")
        ):
            keys.update(t.id for t in node.targets if isinstance(t, ast.Name))
    return keys


def _hass_data_keys(tree: ast.Module) -> Iterator[ast.expr]:
    """The key of every ``hass.data[...]`` and ``hass.data.get/setdefault/pop(...)``."""
    for node in ast.walk(tree):
        if isinstance(node, ast.Subscript) and ast.unparse(node.value).endswith("hass.data"):
            yield node.slice
        elif (
            isinstance(node, ast.Call)
            and isinstance(node.func, ast.Attribute)
            and ast.unparse(node.func.value).endswith("hass.data")
            and node.args
        ):
            yield node.args[0]


def test_hass_data_only_holds_typed_shared_state() -> None:
    """runtime-data: an entry's objects live in entry.runtime_data; hass.data only holds
    state shared by all entries (the one store, locks), each under a typed HassKey."""
    offending = [
        f"{path.relative_to(INTEGRATION)}: hass.data[{ast.unparse(key)}]"
        for path, tree in _modules()
        for key in _hass_data_keys(tree)
        if not (isinstance(key, ast.Name) and key.id in _hass_keys(tree))
    ]
    assert not offending
    setup = (INTEGRATION / "__init__.py").read_text(encoding="utf-8")
    assert "entry.runtime_data = " in setup


def _entity_classes() -> dict[str, tuple[Path, ast.ClassDef]]:
    classes: dict[str, tuple[Path, ast.ClassDef]] = {}
    for path, tree in _modules():
        for node in ast.walk(tree):
            if isinstance(node, ast.ClassDef):
                classes[node.name] = (path, node)
    return classes


def _sets_has_entity_name(node: ast.ClassDef) -> bool:
    return any(
        isinstance(statement, ast.Assign | ast.AnnAssign)
        and "_attr_has_entity_name" in ast.unparse(statement).split("=")[0]
        and ast.unparse(statement).rstrip().endswith("True")
        for statement in node.body
    )


def _base_name(base: ast.expr) -> str:
    """A base class's name, without its type arguments (``HubCoordinatorEntity[...]``)."""
    return ast.unparse(base.value if isinstance(base, ast.Subscript) else base)


def test_every_entity_class_sets_has_entity_name() -> None:
    """has-entity-name: every entity class (or an ancestor of ours) sets it to True."""
    classes = _entity_classes()

    def is_entity(name: str) -> bool:
        if name.endswith("Entity"):
            return True
        return name in classes and any(is_entity(ast.unparse(b)) for b in classes[name][1].bases)

    def has_name(name: str) -> bool:
        if name not in classes:
            return False
        node = classes[name][1]
        return _sets_has_entity_name(node) or any(has_name(_base_name(b)) for b in node.bases)

    entity_classes = [name for name in classes if is_entity(name) and not name.endswith("Entity")]
    assert entity_classes
    assert [name for name in entity_classes if not has_name(name)] == []


@pytest.mark.usefixtures("entity_registry_enabled_by_default")
async def test_every_entity_is_named_registered_and_translated(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    lastfm_entry: MockConfigEntry,
    roon_entry: MockConfigEntry,
    entity_registry: er.EntityRegistry,
) -> None:
    """has-entity-name, entity-unique-id, entity-translations and icon-translations, on
    every entity of a hub, a Last.fm account and a Roon Core."""
    for entry in (lastfm_entry, roon_entry):
        entry.add_to_hass(hass)
        assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    english = json.loads((INTEGRATION / "translations" / "en.json").read_text(encoding="utf-8"))
    icons = json.loads((INTEGRATION / "icons.json").read_text(encoding="utf-8"))

    entities = [
        (platform.domain, entity)
        for platform in async_get_platforms(hass, DOMAIN)
        for entity in platform.entities.values()
    ]
    assert {domain for domain, _ in entities} == {"button", "media_player", "sensor"}
    for domain, entity in entities:
        assert entity.has_entity_name, entity.entity_id
        assert entity.unique_id, entity.entity_id
        assert entity_registry.async_get(entity.entity_id) is not None
        key = entity.translation_key
        assert key, f"{entity.entity_id} has no translation key"
        assert key in english["entity"][domain], f"{domain}.{key} is not translated"
        has_icon = key in icons.get("entity", {}).get(domain, {})
        assert has_icon or entity.device_class is not None, f"{domain}.{key} has no icon"
    await hass.config_entries.async_unload(roon_entry.entry_id)


def test_every_platform_sets_parallel_updates() -> None:
    """parallel-updates: each platform module says how many updates may run at once."""
    for platform in ("button", "media_player", "sensor"):
        tree = ast.parse((INTEGRATION / f"{platform}.py").read_text(encoding="utf-8"))
        names = {
            target.id
            for node in tree.body
            if isinstance(node, ast.Assign)
            for target in node.targets
            if isinstance(target, ast.Name)
        }
        assert "PARALLEL_UPDATES" in names, platform


# Requirements without type information (PEP 561), which hassfest's strict-typing check refuses.
UNTYPED_REQUIREMENTS = {"roonapi", "spotipy", "discogs_client"}


def test_strict_typing_claim() -> None:
    """strict-typing is todo: mypy --strict passes on the integration (scripts/test runs it),
    but these libraries ship no py.typed. When one does, this test says to update the rule."""
    pyproject = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert re.search(r"^strict = true$", pyproject, re.MULTILINE)
    script = (ROOT / "scripts" / "test").read_text(encoding="utf-8")
    assert re.search(r"mypy\S*\s+--strict\s+custom_components/aime", script)
    site = Path(pytest.__file__).parent.parent
    untyped = {
        module
        for module in ("roonapi", "pylast", "spotipy", "discogs_client")
        if not (site / module / "py.typed").is_file()
    }
    assert untyped == UNTYPED_REQUIREMENTS
    assert _rules()["strict-typing"]["status"] == "todo"


def test_coverage_is_enforced() -> None:
    """test-coverage: scripts/test fails under 95 % line coverage of the integration."""
    script = (ROOT / "scripts" / "test").read_text(encoding="utf-8")
    assert "--cov=custom_components/aime" in script
    match = re.search(r"--cov-fail-under=(\d+)", script)
    assert match
    assert int(match.group(1)) >= 95


# --- README ----------------------------------------------------------------------------------

# Rule → what the README must say for it (a heading, or a phrase).
README_PARTS: dict[str, list[str]] = {
    "docs-high-level-description": ["# AIME — AI Music Enabler for Home Assistant"],
    "docs-installation-instructions": ["## Install", "### With HACS", "### By hand"],
    "docs-removal-instructions": ["## Where your data lives", "Removing the integration"],
    "docs-installation-parameters": ["### Add an account", "### Add a Roon Core"],
    "docs-configuration-parameters": ["### Options", "### Daily jobs"],
    "docs-data-update": [
        "### When Last.fm fails",
        "### When the Core goes away",
        "### Daily jobs",
    ],
    "docs-examples": ["### A dashboard", "```yaml"],
    "docs-known-limitations": ["### Known limitations"],
    "docs-troubleshooting": ["## If the database cannot be opened"],
    "docs-use-cases": ["## Get started"],
}


@pytest.mark.parametrize("rule", sorted(README_PARTS))
def test_readme_sections(rule: str) -> None:
    """The docs-* rules: the README has the section each one asks for."""
    for part in README_PARTS[rule]:
        if part.startswith("#"):
            assert re.search(rf"^{re.escape(part)}$", README, re.MULTILINE), f"{rule}: {part}"
        else:
            assert part in README, f"{rule}: {part}"


def test_readme_documents_every_action() -> None:
    """docs-actions: every registered action is documented by its full name."""
    assert [a.name for a in ACTIONS if f"aime.{a.name}" not in README] == []


async def test_readme_documents_every_websocket_command(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """docs-supported-functions: every websocket command AIME registers is in the README."""
    commands = [kind for kind in hass.data["websocket_api"] if kind.startswith(f"{DOMAIN}/")]
    assert commands
    documented = set(re.findall(r'[`"](aime/[a-z_/]+)[`"]', README))
    assert [kind for kind in commands if kind not in documented] == []
