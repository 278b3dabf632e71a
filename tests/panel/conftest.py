"""The hub over the small Paris history (``hub_history.py``), for the panel's backend tests."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from pathlib import Path
import sqlite3
from typing import Any

from aiohttp import ClientResponse
from aiohttp.test_utils import TestClient
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.aime.panel.covers import CoverKind, cover_url
from custom_components.aime.panel.public_images import TRUSTED_TEST_HOSTS

from ..fakes.images import FakeImageHost
from ..helpers.hub_ws import Ask


@pytest.fixture
async def image_host(hass: HomeAssistant, untrusted_image_host: FakeImageHost) -> FakeImageHost:
    """A fake image host on 127.0.0.1 the cover proxy may fetch from (``public_images.py``)."""
    hass.data[TRUSTED_TEST_HOSTS] = frozenset({"127.0.0.1"})
    return untrusted_image_host


@pytest.fixture
async def untrusted_image_host(socket_enabled: None) -> AsyncGenerator[FakeImageHost]:
    """A fake image host on 127.0.0.1, on the running (hass) loop, as any local server is to
    the cover proxy: refused."""
    host = await FakeImageHost().start()
    try:
        yield host
    finally:
        await host.stop()


async def result(ask: Ask, command: dict[str, Any]) -> Any:
    """The result of a command that must succeed."""
    answer = await ask(command)
    assert answer["success"], answer
    return answer["result"]


@pytest.fixture
async def client(hub: MockConfigEntry, hass_client_no_auth: ClientSessionGenerator) -> TestClient:
    """A browser's <img> requests: no authentication, only the URL's token."""
    return await hass_client_no_auth()


def set_cover(store_path: Path, title: str, url: str) -> int:
    """Store ``url`` as the cover of the record titled ``title``; return the album's id."""
    with sqlite3.connect(store_path) as conn:
        album_id: int = conn.execute("SELECT id FROM album WHERE title = ?", (title,)).fetchone()[0]
        conn.execute("UPDATE collection_item SET cover_url = ? WHERE album_id = ?", (url, album_id))
    return album_id


async def get_cover(client: TestClient, hass: HomeAssistant, album_id: int) -> ClientResponse:
    """Fetch an album's cover through the URL the panel would be given."""
    return await client.get(cover_url(hass, CoverKind.ALBUM, album_id))
