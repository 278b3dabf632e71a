"""The rules the HACS action checks an integration repository against (HACS is not on PyPI).

Repository layout (one integration under ``custom_components/``), the manifest keys HACS reads,
``hacs.json`` (only its known keys, a valid minimum Home Assistant release), a LICENSE file,
and brand images the declared minimum release shows: Home Assistant serves a custom
integration's own ``brand/`` folder from 2026.3.0 on, and the brands repository no longer
takes custom integrations, so a lower minimum would install without an icon.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from awesomeversion import AwesomeVersion, AwesomeVersionException
from PIL import Image
import voluptuous as vol
from voluptuous.humanize import humanize_error

FIRST_RELEASE_WITH_LOCAL_BRANDS = AwesomeVersion("2026.3.0")
MANIFEST_KEYS = ("domain", "documentation", "issue_tracker", "codeowners", "name", "version")
# Square icons HACS and Home Assistant show (the @2x one for high-density screens).
BRAND_ICONS = {"icon.png": 256, "icon@2x.png": 512}
BRAND_IMAGES = {
    f"{dark}{kind}{density}.png"
    for dark in ("", "dark_")
    for kind in ("icon", "logo")
    for density in ("", "@2x")
}


def _release(value: str) -> str:
    try:
        version = AwesomeVersion(value)
        valid = version.strategy != "unknown" and version.section(0) >= 2020
    except AwesomeVersionException:
        valid = False
    if not valid:
        raise vol.Invalid(f"'{value}' is not a Home Assistant release")
    return value


HACS_JSON_SCHEMA = vol.Schema(
    {
        vol.Required("name"): vol.All(str, vol.Length(min=1)),
        vol.Optional("content_in_root"): bool,
        vol.Optional("country"): vol.Any(str, [str]),
        vol.Optional("filename"): str,
        vol.Optional("hacs"): str,
        vol.Optional("hide_default_branch"): bool,
        vol.Optional("homeassistant"): vol.All(str, _release),
        vol.Optional("persistent_directory"): str,
        vol.Optional("render_readme"): bool,
        vol.Optional("zip_release"): bool,
    }
)


def validate_repository(root: Path) -> list[str]:
    """Every HACS rule for the integration repository at ``root``; empty when it passes."""
    integrations = sorted(p for p in (root / "custom_components").iterdir() if p.is_dir())
    integrations = [p for p in integrations if p.name != "__pycache__"]
    if len(integrations) != 1:
        return [f"custom_components/ holds {len(integrations)} integrations, HACS takes one"]
    integration = integrations[0]
    manifest: dict[str, Any] = json.loads((integration / "manifest.json").read_text("utf-8"))
    problems = [f"manifest.json: no '{key}'" for key in MANIFEST_KEYS if not manifest.get(key)]

    hacs_path = root / "hacs.json"
    if not hacs_path.is_file():
        return [*problems, "hacs.json is missing"]
    hacs = json.loads(hacs_path.read_text("utf-8"))
    try:
        HACS_JSON_SCHEMA(hacs)
    except vol.Invalid as err:
        problems.append(f"Invalid hacs.json: {humanize_error(hacs, err)}")

    if not any((root / name).is_file() for name in ("LICENSE", "LICENSE.md", "LICENSE.txt")):
        problems.append("no LICENSE file at the repository's root")
    if not (root / "README.md").is_file() and hacs.get("render_readme") is not False:
        problems.append("no README.md to render")
    problems += _brand_problems(integration, hacs.get("homeassistant"))
    return problems


def _brand_problems(integration: Path, minimum: str | None) -> list[str]:
    brand = integration / "brand"
    problems = (
        [
            f"brand/{name} is not an image Home Assistant serves"
            for name in sorted(p.name for p in brand.iterdir())
            if name not in BRAND_IMAGES
        ]
        if brand.is_dir()
        else ["no brand/ folder: no icon in HACS nor in Home Assistant"]
    )
    for name, size in BRAND_ICONS.items():
        path = brand / name
        if not path.is_file():
            problems.append(f"brand/{name} is missing")
            continue
        with Image.open(path) as image:
            if image.format != "PNG" or image.size != (size, size):
                problems.append(f"brand/{name} should be a {size}x{size} PNG")
    try:
        shown = minimum is not None and AwesomeVersion(minimum) >= FIRST_RELEASE_WITH_LOCAL_BRANDS
    except AwesomeVersionException:
        shown = True  # Not a release at all: reported with hacs.json's schema.
    if not shown:
        problems.append(
            f"hacs.json: homeassistant {minimum} does not show brand/ images "
            f"(served from {FIRST_RELEASE_WITH_LOCAL_BRANDS} on)"
        )
    return problems
