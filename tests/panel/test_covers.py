"""The cover proxy: signed same-origin URLs, fetched server-side, cached, never forged."""

from __future__ import annotations

import json
from pathlib import Path
import sqlite3

from aiohttp.test_utils import TestClient
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aime.panel.covers import CoverKind, cover_url

from ..fakes.cover_art import cover_key, cover_png
from ..fakes.images import JPEG, FakeImageHost
from ..helpers.hub_history import NOW
from .conftest import Ask, get_cover, result, set_cover

pytestmark = pytest.mark.freeze_time(NOW)


async def test_a_cover_is_proxied_and_cached(
    hass: HomeAssistant,
    ask: Ask,
    store_path: Path,
    image_host: FakeImageHost,
    client: TestClient,
) -> None:
    """The album's answer names only the same-origin URL; an <img> (no auth) gets the image."""
    source = image_host.url("/cover.jpg")
    album_id = set_cover(store_path, "Kind of Blue", source)
    album = await result(ask, {"type": "aime/album", "album_id": album_id})
    assert album["cover"].startswith(f"/api/aime/cover/album/{album_id}?token=")
    assert source not in json.dumps(album)  # The third-party URL never reaches the browser.
    history = await result(ask, {"type": "aime/history", "album_id": album_id})
    assert {entry["cover"] for entry in history["entries"]} == {album["cover"]}
    for _ in range(2):
        response = await client.get(album["cover"])
        assert response.status == 200
        assert response.headers["Content-Type"] == "image/jpeg"
        assert await response.read() == JPEG
    assert image_host.requests == ["/cover.jpg"]  # The second one came from the cache.


async def test_forged_tokens_are_refused(
    hass: HomeAssistant,
    store_path: Path,
    image_host: FakeImageHost,
    client: TestClient,
) -> None:
    """No token, a made-up one, another album's: 401, and nothing is fetched."""
    album_id = set_cover(store_path, "Kind of Blue", image_host.url("/cover.jpg"))
    other = cover_url(hass, CoverKind.ALBUM, album_id + 1).partition("?")[2]
    album_token = cover_url(hass, CoverKind.ALBUM, album_id).partition("?")[2]
    for url in (
        f"/api/aime/cover/album/{album_id}",
        f"/api/aime/cover/album/{album_id}?token=" + "0" * 64,
        f"/api/aime/cover/album/{album_id}?{other}",
        f"/api/aime/cover/artist/{album_id}?{album_token}",  # Signed for the album, not this.
    ):
        assert (await client.get(url)).status == 401, url
    assert image_host.requests == []


async def test_missing_and_bad_images(
    hass: HomeAssistant,
    ask: Ask,
    store_path: Path,
    image_host: FakeImageHost,
    client: TestClient,
) -> None:
    """No image known: 404 (and ``cover`` null); a source that is no image: 502."""
    album_id = set_cover(store_path, "Pastel Blues", image_host.url("/page.html"))
    assert (await get_cover(client, hass, album_id)).status == 502
    gone = set_cover(store_path, "A Love Supreme", image_host.url("/gone.jpg"))
    assert (await get_cover(client, hass, gone)).status == 502
    with sqlite3.connect(store_path) as conn:
        bare = conn.execute("SELECT id FROM album WHERE title = 'Waltz for Debby'").fetchone()[0]
    assert (await result(ask, {"type": "aime/album", "album_id": bare}))["cover"] is None
    assert (await get_cover(client, hass, bare)).status == 404
    assert (await client.get(cover_url(hass, CoverKind.ARTIST, 1))).status == 404


async def test_svg_is_never_served(
    hass: HomeAssistant,
    store_path: Path,
    image_host: FakeImageHost,
    client: TestClient,
) -> None:
    """An SVG could run script on Home Assistant's origin: refused (502), never cached."""
    album_id = set_cover(store_path, "Pastel Blues", image_host.url("/logo.svg"))
    for _ in range(2):
        response = await get_cover(client, hass, album_id)
        assert response.status == 502
        assert b"<svg" not in await response.read()
    assert image_host.requests == ["/logo.svg"] * 2


async def test_a_generated_png_cover_is_served_as_png(
    hass: HomeAssistant,
    store_path: Path,
    image_host: FakeImageHost,
    client: TestClient,
) -> None:
    """The demo's covers (``cover_art.py``) go through the proxy byte for byte, unsniffable."""
    key = cover_key("Miles Davis", "Kind of Blue")
    album_id = set_cover(store_path, "Kind of Blue", image_host.art_url(key))
    response = await get_cover(client, hass, album_id)
    assert response.status == 200
    assert response.headers["Content-Type"] == "image/png"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert await response.read() == cover_png(key)


async def test_artist_images(
    hass: HomeAssistant,
    ask: Ask,
    store_path: Path,
    image_host: FakeImageHost,
    client: TestClient,
) -> None:
    """An artist's enrichment image is served the same way."""
    with sqlite3.connect(store_path) as conn:
        miles = conn.execute("SELECT id FROM artist WHERE name = 'Miles Davis'").fetchone()[0]
        conn.execute(
            "INSERT INTO enrichment (artist_id, source, kind, url, fetched_at) "
            "VALUES (?, 'spotify', 'image', ?, 1)",
            (miles, image_host.url("/cover.jpg")),
        )
    artist = await result(ask, {"type": "aime/artist", "artist_id": miles})
    assert artist["cover"].startswith(f"/api/aime/cover/artist/{miles}?token=")
    response = await client.get(artist["cover"])
    assert (response.status, await response.read()) == (200, JPEG)


async def test_the_view_is_there_without_the_hub(
    hass: HomeAssistant, hub: MockConfigEntry, client: TestClient
) -> None:
    """Unloaded hub: a signed URL answers 404, never an error."""
    url = cover_url(hass, CoverKind.ALBUM, 1)
    assert await hass.config_entries.async_unload(hub.entry_id)
    assert (await client.get(url)).status == 404
