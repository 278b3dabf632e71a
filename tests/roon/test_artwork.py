"""Roon artwork reaches the browser through Home Assistant, never from the Core's LAN address.

The Core serves images at ``http://<core-ip>:<port>/api/image/...``: that works on its LAN
only, not over HTTPS nor remotely, and names the Core. Players, the media browser, search
results and the hub's now-playing sensor all show URLs of Home Assistant's own instead.
"""

from __future__ import annotations

from typing import Any

from homeassistant.components.media_player import DOMAIN as MP_DOMAIN
from homeassistant.const import ATTR_ENTITY_PICTURE
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import (
    ClientSessionGenerator,
    WebSocketGenerator,
)

from ..fakes.roon import FakeRoonCore
from ..fakes.roon.zones import png

LIVING = "media_player.living_room"
KITCHEN = "media_player.kitchen"
NOW_PLAYING = "sensor.aime_now_playing"
KIND_OF_BLUE = png("img-kind-of-blue", 500)


def _core_address(core: FakeRoonCore) -> list[str]:
    return ["127.0.0.1", f":{core.port}", "/api/image/"]


def _assert_hides_the_core(core: FakeRoonCore, shown: Any) -> None:
    text = repr(shown)
    assert not [part for part in _core_address(core) if part in text], text


@pytest.mark.usefixtures("init_roon")
async def test_player_artwork_is_proxied(
    hass: HomeAssistant, fake_roon: FakeRoonCore, hass_client_no_auth: ClientSessionGenerator
) -> None:
    """The player's picture is Home Assistant's proxy; its token is enough to fetch it."""
    state = hass.states.get(LIVING)
    assert state is not None
    _assert_hides_the_core(fake_roon, state.attributes)
    picture = state.attributes[ATTR_ENTITY_PICTURE]
    assert picture.startswith(f"/api/media_player_proxy/{LIVING}?token=")
    client = await hass_client_no_auth()
    response = await client.get(picture)
    assert response.status == 200
    assert await response.read() == KIND_OF_BLUE


@pytest.mark.usefixtures("init_roon")
async def test_browse_and_search_thumbnails_are_proxied(
    hass: HomeAssistant,
    fake_roon: FakeRoonCore,
    hass_ws_client: WebSocketGenerator,
    hass_client_no_auth: ClientSessionGenerator,
) -> None:
    """Browse thumbnails go through the player's browse-image proxy, and serve the Core's bytes."""
    ws = await hass_ws_client(hass)
    await ws.send_json_auto_id(
        {
            "type": "media_player/browse_media",
            "entity_id": KITCHEN,
            "media_content_type": "music",
            "media_content_id": "aime://browse/albums",
        }
    )
    response = await ws.receive_json()
    assert response["success"], response
    albums = response["result"]
    _assert_hides_the_core(fake_roon, albums)
    kind_of_blue = next(c for c in albums["children"] if c["title"] == "Kind of Blue")
    thumbnail = kind_of_blue["thumbnail"]
    assert thumbnail.startswith(f"/api/media_player_proxy/{KITCHEN}/browse_media/image/")

    client = await hass_client_no_auth()
    image = await client.get(thumbnail)
    assert image.status == 200
    assert image.content_type == "image/png"
    assert await image.read() == KIND_OF_BLUE
    forged = await client.get(thumbnail.replace("token=", "token=x"))
    assert forged.status in {401, 403}  # Refused: 401 on 2025.4, 403 on newer releases.

    player = hass.data["entity_components"][MP_DOMAIN].get_entity(KITCHEN)

    class Query:
        search_query = "Kind of Blue"
        media_filter_classes = None

    found = await player.async_search_media(Query())
    results = getattr(found, "result", found)
    assert results
    _assert_hides_the_core(fake_roon, [r.as_dict() for r in results])
    assert all(r.thumbnail.startswith("/api/media_player_proxy/") for r in results)


@pytest.mark.usefixtures("init_integration")
async def test_now_playing_picture_is_served_by_home_assistant(
    hass: HomeAssistant,
    fake_roon: FakeRoonCore,
    roon_entry: MockConfigEntry,
    hass_client_no_auth: ClientSessionGenerator,
) -> None:
    """The hub sensor's picture: signed, cached, and gone with the Core's entry."""
    fake_roon.zones["zone-living"]["now_playing"]["image_key"] = "img-now"  # not in the library
    roon_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(roon_entry.entry_id)
    await hass.async_block_till_done()
    state = hass.states.get(NOW_PLAYING)
    assert state is not None
    assert state.state == "So What"
    _assert_hides_the_core(fake_roon, [s.as_dict() for s in hass.states.async_all()])
    picture = state.attributes[ATTR_ENTITY_PICTURE]
    assert state.attributes["artwork_url"] == picture
    assert picture.startswith(f"/api/aime/roon_artwork/{roon_entry.entry_id}/img-now?token=")

    client = await hass_client_no_auth()
    response = await client.get(picture)
    assert response.status == 200
    assert response.content_type == "image/png"
    assert await response.read() == png("img-now", 500)
    assert (await client.get(picture.replace("token=", "token=0"))).status == 401
    other_key = picture.replace("img-now", "img-kind-of-blue")
    assert (await client.get(other_key)).status == 401  # a signature covers one image only

    fake_roon.zones["zone-living"]["now_playing"]["image_key"] = "img-next"
    assert not fake_roon.known_image("img-now")
    assert (await client.get(picture)).status == 200  # from the cache

    assert await hass.config_entries.async_unload(roon_entry.entry_id)
    await hass.async_block_till_done()
    assert (await client.get(picture)).status == 404


@pytest.mark.usefixtures("init_integration")
async def test_now_playing_picture_is_never_an_svg(
    hass: HomeAssistant,
    fake_roon: FakeRoonCore,
    roon_entry: MockConfigEntry,
    hass_client_no_auth: ClientSessionGenerator,
) -> None:
    """Raster images only: an SVG from Home Assistant's origin could run script if opened."""
    fake_roon.zones["zone-living"]["now_playing"]["image_key"] = "img-svg"
    fake_roon.svg_images["img-svg"] = (
        b'<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>'
    )
    roon_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(roon_entry.entry_id)
    await hass.async_block_till_done()
    state = hass.states.get(NOW_PLAYING)
    assert state is not None
    client = await hass_client_no_auth()
    response = await client.get(state.attributes[ATTR_ENTITY_PICTURE])
    assert response.status == 502
    assert b"<script>" not in await response.read()
