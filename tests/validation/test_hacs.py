"""The HACS rules on this repository; broken copies prove each rule bites."""

from __future__ import annotations

import json
from pathlib import Path
import shutil

from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from PIL import Image
import pytest
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from ..helpers.ha_version import since
from . import hacs

ROOT = Path(__file__).parents[2]


@pytest.fixture(name="copy")
def copy_fixture(tmp_path: Path) -> Path:
    """The files HACS reads, copied to break them."""
    root = tmp_path / "repository"
    shutil.copytree(
        ROOT / "custom_components",
        root / "custom_components",
        ignore=shutil.ignore_patterns("__pycache__"),
    )
    for name in ("hacs.json", "LICENSE", "README.md"):
        shutil.copy(ROOT / name, root / name)
    return root


def test_repository_passes() -> None:
    assert hacs.validate_repository(ROOT) == []


def test_hacs_json_names_the_integration() -> None:
    manifest = json.loads((ROOT / "custom_components/aime/manifest.json").read_text("utf-8"))
    assert json.loads((ROOT / "hacs.json").read_text("utf-8"))["name"] == manifest["name"]


def test_license_is_required(copy: Path) -> None:
    (copy / "LICENSE").unlink()
    assert hacs.validate_repository(copy) == ["no LICENSE file at the repository's root"]


@pytest.mark.parametrize(
    ("hacs_json", "expected"),
    [
        ({"name": "AIME", "homeassistant": "2026.3.0", "unknown": 1}, "'unknown'"),
        ({"name": "AIME", "homeassistant": "soon"}, "'soon' is not a Home Assistant release"),
        ({"homeassistant": "2026.3.0"}, "'name'"),
        ({"name": "AIME", "homeassistant": "2025.4.0"}, "does not show brand/ images"),
    ],
)
def test_bad_hacs_json_fails(copy: Path, hacs_json: dict[str, object], expected: str) -> None:
    (copy / "hacs.json").write_text(json.dumps(hacs_json), encoding="utf-8")
    problems = hacs.validate_repository(copy)
    assert any(expected in problem for problem in problems), problems


def test_brand_icons_are_checked(copy: Path) -> None:
    brand = copy / "custom_components" / "aime" / "brand"
    Image.new("RGBA", (100, 100)).save(brand / "icon@2x.png")
    (brand / "favicon.ico").write_bytes(b"")
    assert hacs.validate_repository(copy) == [
        "brand/favicon.ico is not an image Home Assistant serves",
        "brand/icon@2x.png should be a 512x512 PNG",
    ]


def test_manifest_keys_hacs_reads(copy: Path) -> None:
    path = copy / "custom_components" / "aime" / "manifest.json"
    manifest = json.loads(path.read_text("utf-8"))
    del manifest["issue_tracker"]
    path.write_text(json.dumps(manifest), encoding="utf-8")
    assert hacs.validate_repository(copy) == ["manifest.json: no 'issue_tracker'"]


@since("2026.3", "brand images served from an integration's brand/ folder")
@pytest.mark.parametrize("image", ["icon.png", "icon@2x.png"])
async def test_home_assistant_shows_the_brand_images(
    hass: HomeAssistant, hass_client: ClientSessionGenerator, image: str
) -> None:
    """What the frontend and HACS load: AIME's own files, from no brands CDN."""
    assert await async_setup_component(hass, "brands", {})
    client = await hass_client()
    response = await client.get(f"/api/brands/integration/aime/{image}")
    assert response.status == 200
    assert response.content_type == "image/png"
    brand = ROOT / "custom_components" / "aime" / "brand" / image
    assert await response.read() == brand.read_bytes()
