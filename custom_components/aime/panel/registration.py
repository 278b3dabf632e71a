"""The AIME sidebar panel and dashboard cards: served from the integration's own folder.

The bundles are built from ``frontend/`` (see its ``build.mjs``) into ``../frontend/``. Their URLs
carry a hash of the files, so a browser never keeps an old panel after an update.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
import hashlib
from pathlib import Path

from homeassistant.components import frontend, panel_custom
from homeassistant.components.http import StaticPathConfig
from homeassistant.core import HomeAssistant, callback
from homeassistant.util.hass_dict import HassKey

from ..const import DOMAIN

BUNDLE_DIR = Path(__file__).parent.parent / "frontend"
STATIC_URL = f"/{DOMAIN}_static"
PANEL_URL_PATH = DOMAIN
PANEL_ELEMENT = "aime-panel"
PANEL_TITLE = "AIME"
PANEL_ICON = "mdi:music-circle-outline"
PANEL_BUNDLE = "aime-panel.js"
CARDS_BUNDLE = "aime-cards.js"


@dataclass(slots=True)
class _Served:
    """Set once per Home Assistant run: a static path cannot be unregistered."""

    version: str


_SERVED: HassKey[_Served] = HassKey(f"{DOMAIN}_frontend_served")


def bundle_version(bundle_dir: Path = BUNDLE_DIR) -> str:
    """A short hash of every shipped file: changes whenever the bundle does."""
    digest = hashlib.sha256()
    for path in sorted(p for p in bundle_dir.rglob("*") if p.is_file()):
        digest.update(path.relative_to(bundle_dir).as_posix().encode())
        digest.update(path.read_bytes())
    return digest.hexdigest()[:12]


def panel_module_url(version: str) -> str:
    """The panel's module URL, versioned for cache-busting."""
    return f"{STATIC_URL}/{PANEL_BUNDLE}?v={version}"


def cards_module_url(version: str) -> str:
    """The cards' module URL, versioned for cache-busting."""
    return f"{STATIC_URL}/{CARDS_BUNDLE}?v={version}"


async def async_register_frontend(hass: HomeAssistant) -> Callable[[], None]:
    """Show the panel in the sidebar and load the cards on every page; returns the undo."""
    served = hass.data.get(_SERVED)
    if served is None:
        version = await hass.async_add_executor_job(bundle_version)
        # Versioned URLs: the files can be cached for as long as the browser likes.
        await hass.http.async_register_static_paths(
            [StaticPathConfig(STATIC_URL, str(BUNDLE_DIR), cache_headers=True)]
        )
        served = hass.data[_SERVED] = _Served(version)
    await panel_custom.async_register_panel(
        hass,
        frontend_url_path=PANEL_URL_PATH,
        webcomponent_name=PANEL_ELEMENT,
        sidebar_title=PANEL_TITLE,
        sidebar_icon=PANEL_ICON,
        module_url=panel_module_url(served.version),
        require_admin=False,
        config={"version": served.version},
    )
    cards_url = cards_module_url(served.version)
    frontend.add_extra_js_url(hass, cards_url)

    @callback
    def _async_unregister() -> None:
        frontend.async_remove_panel(hass, PANEL_URL_PATH)
        frontend.remove_extra_js_url(hass, cards_url)

    return _async_unregister
