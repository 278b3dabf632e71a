"""Images AIME serves from Home Assistant's origin to ``<img>`` tags, shared by its image views.

An ``<img>`` sends no Authorization header, so, as with Home Assistant's media player proxy,
the URL carries its own proof: a signature of what it shows under a secret made at start.
A view serves only what AIME handed out, keeps the last images in memory and serves raster
images only (an SVG served from Home Assistant's origin could run script when opened).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from dataclasses import dataclass, field
import hashlib
from hmac import compare_digest, new as hmac_new
import secrets
from typing import Final

from aiohttp import web
from aiohttp.hdrs import CACHE_CONTROL
from homeassistant.helpers.http import KEY_AUTHENTICATED

RASTER_TYPES: Final = frozenset(
    {"image/jpeg", "image/png", "image/gif", "image/webp", "image/avif", "image/bmp"}
)

TOKENS_KEPT: Final = 20_000  # About 2 MB of signatures, more than a session shows.

type Image = tuple[bytes, str]  # The bytes and their raster content type.


@dataclass(slots=True)
class SignedImages[Key: Hashable]:
    """The signing secret of one view and the last ``size`` images it fetched."""

    size: int
    secret: bytes = field(default_factory=lambda: secrets.token_bytes(32))
    cache: OrderedDict[Key, Image] = field(default_factory=OrderedDict)
    # Signatures already made: a page of the panel signs the same covers again and again.
    tokens: dict[str, str] = field(default_factory=dict)

    def token(self, *parts: str) -> str:
        """The signature a URL naming ``parts`` carries."""
        signed = "/".join(parts)
        if (token := self.tokens.get(signed)) is None:
            if len(self.tokens) >= TOKENS_KEPT:
                self.tokens.clear()
            token = hmac_new(self.secret, signed.encode(), hashlib.sha256).hexdigest()
            self.tokens[signed] = token
        return token

    def allows(self, request: web.Request, *parts: str) -> bool:
        """Whether the request is signed for ``parts`` (or comes from a logged-in user)."""
        token = request.query.get("token", "")
        return bool(request[KEY_AUTHENTICATED]) or compare_digest(token, self.token(*parts))

    def remember(self, key: Key, image: Image) -> None:
        """Keep ``image``, forgetting the least recently fetched beyond ``size``."""
        self.cache[key] = image
        self.cache.move_to_end(key)
        while len(self.cache) > self.size:
            self.cache.popitem(last=False)


def raster_type(content_type: str | None) -> str | None:
    """The media type of a Content-Type header when it names a raster image, else None."""
    media_type = (content_type or "").split(";")[0].strip().lower()
    return media_type if media_type in RASTER_TYPES else None


def image_response(image: Image, cache_control: str) -> web.Response:
    """The response serving ``image``; nosniff keeps browsers to the declared raster type."""
    return web.Response(
        body=image[0],
        content_type=image[1],
        headers={CACHE_CONTROL: cache_control, "X-Content-Type-Options": "nosniff"},
    )
