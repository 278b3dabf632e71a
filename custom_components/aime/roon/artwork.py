"""Roon artwork for the hub's now-playing sensor, served by Home Assistant.

The Core serves images on its LAN only (``http://<core>:9330/api/image/...``). The sensor's
picture must work remotely and over HTTPS and must not name the Core, so it points at this
view, which fetches the image from the Core and keeps the last few in memory.

Entity pictures are plain ``<img>`` URLs, sent without an Authorization header. As with Home
Assistant's media player proxy, the URL carries its own proof instead: a signature of the
entry and image key under a secret made at start, so the view fetches only what AIME showed.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field
import hashlib
from hmac import compare_digest, new as hmac_new
from http import HTTPStatus
import secrets
from typing import Final
from urllib.parse import quote

from aiohttp import web
from aiohttp.hdrs import CACHE_CONTROL
from homeassistant.components.media_player import async_fetch_image
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.http import KEY_AUTHENTICATED, KEY_HASS, HomeAssistantView
from homeassistant.util.hass_dict import HassKey

from ..const import LOGGER
from ..panel.covers import RASTER_TYPES

URL: Final = "/api/aime/roon_artwork/{entry_id}/{image_key}"
CACHE_SIZE: Final = 16  # images of 10-100 kB: the last few tracks' covers

type ImageUrl = Callable[[str], str]
type Image = tuple[bytes, str | None]


@dataclass(slots=True)
class _Artwork:
    """The signing secret, each entry's Core image URLs and the last images fetched."""

    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    image_urls: dict[str, ImageUrl] = field(default_factory=dict)
    cache: OrderedDict[tuple[str, str], Image] = field(default_factory=OrderedDict)

    def signature(self, entry_id: str, image_key: str) -> str:
        message = f"{entry_id}/{image_key}".encode()
        return hmac_new(self.secret, message, hashlib.sha256).hexdigest()

    def remember(self, key: tuple[str, str], image: Image) -> None:
        self.cache[key] = image
        self.cache.move_to_end(key)
        while len(self.cache) > CACHE_SIZE:
            self.cache.popitem(last=False)


_ARTWORK: HassKey[_Artwork] = HassKey("aime_roon_artwork")


@callback
def roon_artwork_url(
    hass: HomeAssistant, entry_id: str, image_url: ImageUrl, image_key: str
) -> str:
    """Home Assistant's URL for a Roon image of ``entry_id``'s Core (``image_url``: the Core's)."""
    artwork = hass.data.get(_ARTWORK)
    if artwork is None:
        artwork = hass.data[_ARTWORK] = _Artwork()
        hass.http.register_view(RoonArtworkView())
    artwork.image_urls[entry_id] = image_url
    token = artwork.signature(entry_id, image_key)
    return f"/api/aime/roon_artwork/{entry_id}/{quote(image_key, safe='')}?token={token}"


class RoonArtworkView(HomeAssistantView):
    """Serves the Roon images the now-playing sensor shows."""

    url = URL
    name = "api:aime:roon_artwork"
    requires_auth = False  # <img> sends no header: the URL's signature is checked instead

    async def get(self, request: web.Request, entry_id: str, image_key: str) -> web.Response:
        """The image, from the cache or the Core."""
        hass = request.app[KEY_HASS]
        artwork = hass.data[_ARTWORK]
        signature = artwork.signature(entry_id, image_key)
        if not (
            request[KEY_AUTHENTICATED] or compare_digest(request.query.get("token", ""), signature)
        ):
            return web.Response(status=HTTPStatus.UNAUTHORIZED)
        entry = hass.config_entries.async_get_entry(entry_id)
        if entry is None or entry.state is not ConfigEntryState.LOADED:
            artwork.image_urls.pop(entry_id, None)  # let go of a closed connection
            return web.Response(status=HTTPStatus.NOT_FOUND)
        if (image_url := artwork.image_urls.get(entry_id)) is None:
            return web.Response(status=HTTPStatus.NOT_FOUND)
        if (image := artwork.cache.get((entry_id, image_key))) is None:
            content, content_type = await async_fetch_image(LOGGER, hass, image_url(image_key))
            # Raster only: an SVG served from Home Assistant's origin could run script.
            if content is None or (content_type or "").split(";")[0] not in RASTER_TYPES:
                return web.Response(status=HTTPStatus.BAD_GATEWAY)
            image = (content, content_type)
            artwork.remember((entry_id, image_key), image)
        return web.Response(
            body=image[0],
            content_type=image[1],
            headers={CACHE_CONTROL: "max-age=3600", "X-Content-Type-Options": "nosniff"},
        )
