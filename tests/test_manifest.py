"""Packaging rules for hassfest and HACS: manifest, hacs.json, translations, icons, brand."""

from __future__ import annotations

from collections.abc import Iterator
import importlib.metadata
import json
from pathlib import Path
import re
import string
from typing import Any

from PIL import Image
import pytest
import yaml

from custom_components.aime.core.errors import StoreOpenFailure

ROOT = Path(__file__).parent.parent
INTEGRATION = ROOT / "custom_components" / "aime"
NAME = "AIME — AI Music Enabler"
# Always installed with Home Assistant: pinning them would fight its own pins.
HA_SHIPPED = {"sqlalchemy", "aiohttp", "voluptuous"}
SEMVER = re.compile(r"^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)(?:-[0-9A-Za-z.-]+)?$")
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


def test_manifest_keys(manifest: dict[str, Any]) -> None:
    """hassfest's order (domain, name, then alphabetical) and the values HACS needs."""
    keys = list(manifest)
    assert keys[:2] == ["domain", "name"]
    assert keys[2:] == sorted(keys[2:])
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
    assert SEMVER.match(manifest["version"])


def test_manifest_requirements(manifest: dict[str, Any]) -> None:
    """Exact pins, none that Home Assistant ships, matching the test environment."""
    test_pins = {
        line.strip()
        for line in (ROOT / "requirements_test.txt").read_text(encoding="utf-8").splitlines()
        if line.strip() and not line.startswith("#")
    }
    shipped = HA_SHIPPED | {
        _canonical(re.split(r"[<>=!~;\[ ]", requirement)[0])
        for requirement in importlib.metadata.requires("homeassistant") or []
    }
    assert manifest["requirements"]
    for requirement in manifest["requirements"]:
        match = PIN.match(requirement)
        assert match, f"{requirement} is not pinned with =="
        name = _canonical(match["name"])
        assert name not in shipped, f"{requirement} ships with Home Assistant"
        assert requirement in test_pins, f"{requirement} differs from requirements_test.txt"
        assert importlib.metadata.version(name) == match["version"]


def test_hacs_json(manifest: dict[str, Any]) -> None:
    hacs = _load_json(ROOT / "hacs.json")
    assert hacs["name"] == manifest["name"]
    assert hacs["homeassistant"] == "2025.4.0"
    assert hacs["render_readme"] is True


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


def test_icons_json() -> None:
    assert isinstance(_load_json(INTEGRATION / "icons.json"), dict)


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


@pytest.mark.parametrize(("file_name", "size"), [("icon.png", 256), ("icon@2x.png", 512)])
def test_brand_icon(file_name: str, size: int) -> None:
    with Image.open(INTEGRATION / "brand" / file_name) as image:
        assert image.format == "PNG"
        assert image.size == (size, size)
