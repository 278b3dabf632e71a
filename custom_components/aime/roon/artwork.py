"""Roon artwork for the hub's now-playing sensor, served by Home Assistant.

The Core serves images on its LAN only (``http://<core>:9330/api/image/...``). The sensor's
picture must work remotely and over HTTPS and must not name the Core, so it points at this
view, which fetches the image from the Core and keeps the last few in memory.

Entity pictures are plain ``<img>`` URLs, sent without an Authorization header, so the URL is
signed for its entry and image key (``signed_images.py``): the view fetches only what AIME showed.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from http import HTTPStatus
from typing import Final
from urllib.parse import quote

from aiohttp import web
from homeassistant.components.media_player import async_fetch_image
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.http import KEY_HASS, HomeAssistantView
from homeassistant.util.hass_dict import HassKey

from ..const import LOGGER
from ..signed_images import SignedImages, image_response, raster_type

URL: Final = "/api/aime/roon_artwork/{entry_id}/{image_key}"
CACHE_SIZE: Final = 16  # images of 10-100 kB: the last few tracks' covers

type ImageUrl = Callable[[str], str]


@dataclass(slots=True)
class _Artwork:
    """The signed images by entry and image key, and each entry's Core image URLs."""

    images: SignedImages[tuple[str, str]] = field(default_factory=lambda: SignedImages(CACHE_SIZE))
    image_urls: dict[str, ImageUrl] = field(default_factory=dict)


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
    token = artwork.images.token(entry_id, image_key)
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
        if not artwork.images.allows(request, entry_id, image_key):
            return web.Response(status=HTTPStatus.UNAUTHORIZED)
        entry = hass.config_entries.async_get_entry(entry_id)
        if entry is None or entry.state is not ConfigEntryState.LOADED:
            artwork.image_urls.pop(entry_id, None)  # let go of a closed connection
            return web.Response(status=HTTPStatus.NOT_FOUND)
        if (image_url := artwork.image_urls.get(entry_id)) is None:
            return web.Response(status=HTTPStatus.NOT_FOUND)
        if (image := artwork.images.cache.get((entry_id, image_key))) is None:
            content, content_type = await async_fetch_image(LOGGER, hass, image_url(image_key))
            if content is None or (media_type := raster_type(content_type)) is None:
                return web.Response(status=HTTPStatus.BAD_GATEWAY)
            image = (content, media_type)
            artwork.images.remember((entry_id, image_key), image)
        return image_response(image, "max-age=3600")
