"""The sidebar panel and the cards: registered by the hub, served versioned, gone on unload."""

from __future__ import annotations

from http import HTTPStatus
from pathlib import Path

from homeassistant.components.frontend import DATA_EXTRA_MODULE_URL, DATA_PANELS
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.aime.panel.registration import (
    BUNDLE_DIR,
    CARDS_BUNDLE,
    PANEL_BUNDLE,
    bundle_version,
)


def _cards_urls(hass: HomeAssistant) -> list[str]:
    return [url for url in hass.data[DATA_EXTRA_MODULE_URL].urls if CARDS_BUNDLE in url]


async def test_panel_is_in_the_sidebar_for_every_user(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    panel = hass.data[DATA_PANELS]["aime"]
    assert panel.sidebar_title == "AIME"
    assert panel.require_admin is False
    module_url = panel.config["_panel_custom"]["module_url"]
    assert module_url == f"/aime_static/{PANEL_BUNDLE}?v={bundle_version()}"
    assert panel.config["_panel_custom"]["name"] == "aime-panel"


async def test_cards_load_on_every_page(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    assert _cards_urls(hass) == [f"/aime_static/{CARDS_BUNDLE}?v={bundle_version()}"]


async def test_bundle_is_served_from_the_integration_folder(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_client: ClientSessionGenerator,
) -> None:
    client = await hass_client()
    response = await client.get(f"/aime_static/{PANEL_BUNDLE}?v={bundle_version()}")
    assert response.status == HTTPStatus.OK
    assert await response.read() == (BUNDLE_DIR / PANEL_BUNDLE).read_bytes()
    assert "javascript" in response.headers["Content-Type"]


async def test_unload_removes_the_panel_and_the_cards_and_reload_brings_them_back(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    assert await hass.config_entries.async_unload(init_integration.entry_id)
    await hass.async_block_till_done()
    assert init_integration.state is ConfigEntryState.NOT_LOADED
    assert "aime" not in hass.data[DATA_PANELS]
    assert _cards_urls(hass) == []

    assert await hass.config_entries.async_setup(init_integration.entry_id)
    await hass.async_block_till_done()
    assert "aime" in hass.data[DATA_PANELS]
    assert len(_cards_urls(hass)) == 1


def test_version_follows_the_files(tmp_path: Path) -> None:
    (tmp_path / "aime-panel.js").write_text("one")
    first = bundle_version(tmp_path)
    assert first == bundle_version(tmp_path)
    (tmp_path / "chunks").mkdir()
    (tmp_path / "chunks" / "chart-1.js").write_text("two")
    assert bundle_version(tmp_path) != first


def test_shipped_bundle_has_both_entries() -> None:
    assert (BUNDLE_DIR / PANEL_BUNDLE).is_file()
    assert (BUNDLE_DIR / CARDS_BUNDLE).is_file()
