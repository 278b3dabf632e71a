"""Album covers and artist images for the panel, served by Home Assistant.

The images AIME knows are third-party URLs (Discogs, Spotify). The panel must not load them
itself (no request leaves Home Assistant, and the browser would tell those services what is
being looked at), so it shows ``/api/aime/cover/<kind>/<id>`` instead: this view finds the
image in the store, fetches it (over https, from public hosts only: ``public_images.py``)
and keeps the last ones in memory. The URLs are signed like Roon's artwork (``signed_images.py``).
"""

from __future__ import annotations

from enum import StrEnum
from http import HTTPStatus
from typing import Final

from aiohttp import web
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.http import KEY_HASS, HomeAssistantView
from homeassistant.util.hass_dict import HassKey

from ..core.stats.covers import known_covers
from ..core.store.store import Store
from ..hub.lookup import hub_store
from ..signed_images import SignedImages, image_response
from ..validation import MAX_STORE_INT
from .public_images import RefusedSourceError, async_fetch_image

URL: Final = "/api/aime/cover/{kind}/{item_id}"
CACHE_SIZE: Final = 200  # A page of covers, each a few tens of kB.


class CoverKind(StrEnum):
    """What a cover shows."""

    ALBUM = "album"
    ARTIST = "artist"


_COVERS: HassKey[SignedImages[str]] = HassKey("aime_covers")  # Images by source URL.


@callback
def async_setup_covers(hass: HomeAssistant) -> None:
    """Serve the covers (once per Home Assistant run: views cannot be removed)."""
    if _COVERS not in hass.data:
        hass.data[_COVERS] = SignedImages(CACHE_SIZE)
        hass.http.register_view(CoverView())


@callback
def cover_url(hass: HomeAssistant, kind: CoverKind, item_id: int) -> str:
    """The same-origin URL of an album's cover or an artist's image."""
    covers = hass.data.get(_COVERS)
    if covers is None:
        async_setup_covers(hass)
        covers = hass.data[_COVERS]
    token = covers.token(kind.value, str(item_id))
    return f"/api/aime/cover/{kind.value}/{item_id}?token={token}"


class CoverView(HomeAssistantView):
    """Serves the images of the covers the panel shows."""

    url = URL
    name = "api:aime:cover"
    requires_auth = False  # <img> sends no header: the URL's signature is checked instead

    async def get(self, request: web.Request, kind: str, item_id: str) -> web.Response:
        """The image, from the cache or its source."""
        hass = request.app[KEY_HASS]
        covers = hass.data[_COVERS]
        if not covers.allows(request, kind, item_id):
            return web.Response(status=HTTPStatus.UNAUTHORIZED)
        number = _item_number(item_id)
        if kind not in set(CoverKind) or number is None:
            return web.Response(status=HTTPStatus.NOT_FOUND)
        if (access := hub_store(hass)) is None:
            return web.Response(status=HTTPStatus.NOT_FOUND)
        source = await access.async_run(_image_source, access.store, CoverKind(kind), number)
        if source is None:
            return web.Response(status=HTTPStatus.NOT_FOUND)
        if (image := covers.cache.get(source)) is None:
            try:
                image = await async_fetch_image(hass, source)
            except RefusedSourceError:  # Not a public https URL: as if there were no image.
                return web.Response(status=HTTPStatus.NOT_FOUND)
            if image is None:
                return web.Response(status=HTTPStatus.BAD_GATEWAY)
            covers.remember(source, image)
        return image_response(image, "private, max-age=86400")


def _item_number(item_id: str) -> int | None:
    if not item_id.isdigit() or len(item_id) > 19:
        return None
    number = int(item_id)
    return number if 0 < number <= MAX_STORE_INT else None


def _image_source(store: Store, kind: CoverKind, item_id: int) -> str | None:
    """The third-party URL of the image (blocking)."""
    albums, artists = known_covers(
        store.stats,
        [item_id] if kind is CoverKind.ALBUM else [],
        [item_id] if kind is CoverKind.ARTIST else [],
    )
    return (albums if kind is CoverKind.ALBUM else artists).get(item_id)
