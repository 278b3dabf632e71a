"""AIME's own packaging rules: manifest values, requirement ranges, both languages alike.

hassfest's and HACS's generic rules are checked in tests/validation/.
"""

from __future__ import annotations

from collections.abc import Iterator
import importlib.metadata
import json
from pathlib import Path
import re
import string
from typing import Any

from packaging.requirements import Requirement
import pytest
import yaml

from custom_components.aime.core.errors import StoreOpenFailure

ROOT = Path(__file__).parent.parent
INTEGRATION = ROOT / "custom_components" / "aime"
NAME = "AIME — AI Music Enabler"
# Always installed with Home Assistant: pinning them would fight its own pins.
HA_SHIPPED = {"sqlalchemy", "aiohttp", "voluptuous"}
PIN = re.compile(r"^(?P<name>[A-Za-z0-9][A-Za-z0-9._-]*)==(?P<version>[0-9][0-9A-Za-z.]*)$")


def _load_json(path: Path) -> Any:
    return json.loads(path.read_text(encoding="utf-8"))


def _canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _strings(tree: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, str]]:
    """Every (dotted key, text) pair of a translation file."""
    for key, value in tree.items():
        if isinstance(value, dict):
            yield from _strings(value, f"{prefix}{key}.")
        else:
            yield f"{prefix}{key}", value


def _placeholders(text: str) -> set[str]:
    return {field for _, field, _, _ in string.Formatter().parse(text) if field}


@pytest.fixture(name="manifest")
def manifest_fixture() -> dict[str, Any]:
    manifest: dict[str, Any] = _load_json(INTEGRATION / "manifest.json")
    return manifest


def test_manifest_values(manifest: dict[str, Any]) -> None:
    """The values AIME declares (their form is hassfest's business)."""
    assert manifest["domain"] == "aime"
    assert manifest["name"] == NAME
    assert manifest["codeowners"] == ["@aime-ha"]
    assert manifest["config_flow"] is True
    assert manifest["integration_type"] == "hub"
    assert manifest["iot_class"] == "local_push"
    assert manifest["documentation"] == "https://github.com/aime-ha/aime-home-assistant"
    assert manifest["issue_tracker"] == f"{manifest['documentation']}/issues"
    # One entry per Last.fm user or Roon core comes later: the hub is unique by unique id.
    assert "single_config_entry" not in manifest


def test_manifest_requirements(manifest: dict[str, Any]) -> None:
    """Bounded ranges, none that Home Assistant ships; both lanes test one version inside each.

    Ranges rather than pins: a core integration pinning the same library (pylast for ``lastfm``)
    must find its version accepted, or each would reinstall its own (scripts/check-requirements).
    """
    lanes = [_pins(ROOT / name) for name in ("requirements_test.txt", "requirements_current.txt")]
    shipped = HA_SHIPPED | {
        _canonical(re.split(r"[<>=!~;\[ ]", requirement)[0])
        for requirement in importlib.metadata.requires("homeassistant") or []
    }
    assert manifest["requirements"]
    for line in manifest["requirements"]:
        requirement = Requirement(line)
        name = _canonical(requirement.name)
        assert name not in shipped, f"{line} ships with Home Assistant"
        bounds = {spec.operator for spec in requirement.specifier}
        assert bounds & {"==", "<", "<=", "~="}, f"{line} has no upper bound"
        tested = {lane.get(name) for lane in lanes}
        assert len(tested) == 1, f"{line}: the lanes test {tested}"
        version = tested.pop()
        assert version, f"{line} is not pinned in the test lanes"
        assert requirement.specifier.contains(version), f"{line} refuses the tested {version}"
        assert importlib.metadata.version(name) == version


def _pins(path: Path) -> dict[str, str]:
    """The ``name==version`` lines of a requirements file, by canonical name."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return {
        _canonical(match["name"]): match["version"]
        for line in lines
        if (match := PIN.match(line.strip()))
    }


def test_translations_match() -> None:
    """Both languages have the same keys and the same placeholders in each string."""
    english = dict(_strings(_load_json(INTEGRATION / "translations" / "en.json")))
    french = dict(_strings(_load_json(INTEGRATION / "translations" / "fr.json")))
    assert english.keys() == french.keys()
    for key, text in english.items():
        assert text.strip(), key
        assert french[key].strip(), key
        assert _placeholders(french[key]) == _placeholders(text), key
        # hassfest refuses HTML in translations.
        assert not re.search(r"<[a-z/]", text + french[key], re.IGNORECASE), key


def test_store_failures_are_translated() -> None:
    """Every way the store can refuse a file has an error message and a repair issue."""
    english = _load_json(INTEGRATION / "translations" / "en.json")
    for failure in StoreOpenFailure:
        assert "{path}" in english["exceptions"][failure.value]["message"]
        issue = english["issues"][failure.value]
        assert issue["title"]
        assert "{path}" in issue["description"]
        assert "reload" in issue["description"]


def test_quality_scale() -> None:
    """Every rule has a status; exemptions say why."""
    rules = yaml.safe_load((INTEGRATION / "quality_scale.yaml").read_text(encoding="utf-8"))
    assert len(rules["rules"]) == 52
    for rule, value in rules["rules"].items():
        if isinstance(value, str):
            assert value in {"done", "todo"}, rule
        else:
            assert value["status"] in {"done", "todo", "exempt"}, rule
            assert value["comment"], rule
