"""hassfest's checks on AIME's manifest, translations, actions, icons and config schema.

They run on both lanes, with the schemas and validators of the Home Assistant installed there.
The broken copies prove that a bad file fails the suite.
"""

from __future__ import annotations

from collections.abc import Callable
import json
from pathlib import Path
import shutil
from typing import Any

import pytest

from custom_components import aime

from . import hassfest

INTEGRATION = Path(aime.__file__).parent


@pytest.fixture(name="copy")
def copy_fixture(tmp_path: Path) -> Path:
    """A copy of the integration folder to break."""
    return Path(shutil.copytree(INTEGRATION, tmp_path / "aime"))


def _new_problems(check: Callable[[Path], list[str]], copy: Path) -> list[str]:
    """What ``check`` finds in the broken copy and not in the integration itself."""
    known = set(check(INTEGRATION))
    return [problem for problem in check(copy) if problem not in known]


def _edit_json(path: Path, edit: Callable[[dict[str, Any]], None]) -> None:
    data = json.loads(path.read_text(encoding="utf-8"))
    edit(data)
    path.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")


@pytest.mark.parametrize(
    "check",
    [
        hassfest.validate_manifest,
        hassfest.validate_translations,
        hassfest.validate_services,
        hassfest.validate_icons,
    ],
    ids=lambda check: check.__name__.removeprefix("validate_"),
)
def test_aime_passes(check: Callable[[Path], list[str]]) -> None:
    assert check(INTEGRATION) == []


def test_config_schema_refuses_yaml() -> None:
    manifest = json.loads((INTEGRATION / "manifest.json").read_text(encoding="utf-8"))
    assert hassfest.validate_config_schema(aime, manifest) == []


def test_flat_exception_entry_fails(copy: Path) -> None:
    """A plain-string exception renders as its raw key: hassfest wants {"message": ...}."""

    def flatten(data: dict[str, Any]) -> None:
        data["exceptions"]["store_not_loaded"] = "The AIME store is not loaded."

    _edit_json(copy / "translations" / "fr.json", flatten)
    [problem] = _new_problems(hassfest.validate_translations, copy)
    assert "fr.json" in problem
    assert "store_not_loaded" in problem


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("See <b>this</b>", "HTML"),
        ("Open https://example.com/help", "URLs"),
        (" Padded", "leading or trailing spaces"),
        ("Quoted '{name}'", "single quotes"),
    ],
)
def test_bad_translation_text_fails(copy: Path, text: str, reason: str) -> None:
    def spoil(data: dict[str, Any]) -> None:
        data["config"]["abort"]["spoiled"] = text

    _edit_json(copy / "translations" / "en.json", spoil)
    [problem] = _new_problems(hassfest.validate_translations, copy)
    assert reason in problem


def test_broken_json_fails(copy: Path) -> None:
    (copy / "translations" / "en.json").write_text('{"config": ', encoding="utf-8")
    with pytest.raises(AssertionError, match=r"Invalid JSON in en\.json"):
        hassfest.validate_translations(copy)


def test_unsorted_or_incomplete_manifest_fails(copy: Path) -> None:
    def spoil(data: dict[str, Any]) -> None:
        del data["version"]
        data["codeowners"] = data.pop("codeowners")

    _edit_json(copy / "manifest.json", spoil)
    problems = _new_problems(hassfest.validate_manifest, copy)
    assert any("version" in problem for problem in problems)
    assert any("not sorted" in problem for problem in problems)


def test_action_without_icon_or_translation_fails(copy: Path) -> None:
    with (copy / "services.yaml").open("a", encoding="utf-8") as services:
        services.write("\nundocumented:\n  fields: {}\n")
    assert _new_problems(hassfest.validate_icons, copy) == [
        "icons.json: action undocumented has no icon"
    ]
    [problem] = _new_problems(hassfest.validate_services, copy)
    assert "undocumented has no name" in problem


def test_bad_icon_fails(copy: Path) -> None:
    def spoil(data: dict[str, Any]) -> None:
        data["entity"]["sensor"]["total_plays"]["default"] = "counter"

    _edit_json(copy / "icons.json", spoil)
    [problem] = _new_problems(hassfest.validate_icons, copy)
    assert "total_plays" in problem
