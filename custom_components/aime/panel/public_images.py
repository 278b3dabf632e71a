"""The cover proxy's fetches: raster images over https, from public addresses only.

The URLs the store holds come from outside (Discogs, Spotify, an imported database). Fetched
as they are, one could make Home Assistant read its own network, a cloud's metadata service or
a local file for whoever sees the covers. So an image is fetched only over https (what the
image hosts of Discogs and Spotify use) from hosts whose every address is public, checked when
the connection is made (a name cannot resolve to another address in between), and redirects
are followed here, a few at most, each checked like the first URL.

AIME's tests and the demo serve images from fake hosts on 127.0.0.1: they, and nothing else,
name those hosts under ``TRUSTED_TEST_HOSTS`` in ``hass.data``; those may use http too.
"""

from __future__ import annotations

from http import HTTPStatus
from ipaddress import IPv4Address, IPv6Address, IPv6Network, ip_address
import socket
from typing import Any, Final, NoReturn

from aiohttp import (
    ClientConnectorError,
    ClientError,
    ClientResponse,
    ClientSession,
    ClientTimeout,
    DummyCookieJar,
    TCPConnector,
    ThreadedResolver,
)
from aiohttp.abc import ResolveResult
from aiohttp.hdrs import CONTENT_TYPE, LOCATION, USER_AGENT
from homeassistant.const import EVENT_HOMEASSISTANT_CLOSE
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.helpers.aiohttp_client import SERVER_SOFTWARE
from homeassistant.util.hass_dict import HassKey
from homeassistant.util.ssl import get_default_context
from yarl import URL

from ..const import LOGGER
from ..signed_images import Image, raster_type

# Host names (as URLs write them, e.g. "127.0.0.1") of fake image hosts: set only by tests and
# the demo, never from a user's configuration.
TRUSTED_TEST_HOSTS: HassKey[frozenset[str]] = HassKey("aime_trusted_test_image_hosts")
ALLOWED_SCHEMES: Final = frozenset({"https"})
TEST_SCHEMES: Final = frozenset({"http", "https"})
MAX_REDIRECTS: Final = 3
MAX_IMAGE_BYTES: Final = 5 * 1024 * 1024
FETCH_TIMEOUT: Final = ClientTimeout(total=15)
_REDIRECTS: Final = frozenset({301, 302, 303, 307, 308})
_NAT64: Final = IPv6Network("64:ff9b::/96")  # Its addresses reach the IPv4 address they embed.
_SESSION: HassKey[ClientSession] = HassKey("aime_public_images_session")


class RefusedSourceError(Exception):
    """The URL, or one it redirects to, is not an https URL of a public host."""


class _NonPublicAddressError(OSError):
    """A host name resolves to an address that is not public (aiohttp wraps this OSError)."""


def is_public_address(address: IPv4Address | IPv6Address) -> bool:
    """Whether ``address`` is a public unicast address, seen through IPv6's IPv4 embeddings."""
    if isinstance(address, IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour
        if embedded is None and address in _NAT64:
            embedded = IPv4Address(int(address) & 0xFFFFFFFF)
        if embedded is not None:
            return is_public_address(embedded)
    return address.is_global and not address.is_multicast


async def async_fetch_image(hass: HomeAssistant, source: str) -> Image | None:
    """The raster image at ``source``, None when it is not one (logged without the URL's query).

    Raises RefusedSourceError, before connecting, when ``source`` or a redirect is refused.
    """
    session = _session(hass)
    url = URL(source)
    for _ in range(MAX_REDIRECTS + 1):
        _check(hass, url)
        try:
            async with session.get(url, timeout=FETCH_TIMEOUT, allow_redirects=False) as response:
                location = response.headers.get(LOCATION)
                if response.status not in _REDIRECTS or not location:
                    return await _image(response, url)
            url = url.join(URL(location))
        except ClientConnectorError as err:
            if isinstance(err.os_error, _NonPublicAddressError):
                _refuse(url, "the host resolves to an address that is not public")
            _not_fetched(url, err)
            return None
        except (ClientError, TimeoutError, ValueError) as err:
            _not_fetched(url, err)
            return None
    LOGGER.debug("Cover from %s not fetched: more than %s redirects", _origin(url), MAX_REDIRECTS)
    return None


def _check(hass: HomeAssistant, url: URL) -> None:
    """Refuse what may not be fetched; host names are checked when they are resolved."""
    if url.host is not None and url.host in hass.data.get(TRUSTED_TEST_HOSTS, ()):
        if url.scheme not in TEST_SCHEMES:
            _refuse(url, "not an http URL")
        return
    if url.scheme not in ALLOWED_SCHEMES or not url.host:
        _refuse(url, "not an https URL")
    try:
        address = ip_address(url.host)
    except ValueError:
        if not _looks_like_an_address(url.host):
            return  # A name: the connector's resolver checks what it resolves to.
        _refuse(url, "not an address in its usual form")  # "127.1" is 127.0.0.1 to the OS.
    if not is_public_address(address):
        _refuse(url, "not a public address")


def _looks_like_an_address(host: str) -> bool:
    """aiohttp's test (``helpers.is_ip_address``): such hosts bypass the resolver."""
    return ":" in host or host.replace(".", "").isdigit()


def _refuse(url: URL, reason: str) -> NoReturn:
    LOGGER.debug("Cover from %s refused: %s", _origin(url), reason)
    raise RefusedSourceError(reason)


async def _image(response: ClientResponse, url: URL) -> Image | None:
    content_type = raster_type(response.headers.get(CONTENT_TYPE))
    if response.status == HTTPStatus.OK and content_type is not None:
        body = await response.content.read(MAX_IMAGE_BYTES + 1)
        if len(body) <= MAX_IMAGE_BYTES:
            return body, content_type
    LOGGER.debug("Cover from %s not an image (HTTP %s)", _origin(url), response.status)
    return None


def _not_fetched(url: URL, err: Exception) -> None:
    LOGGER.debug("Cover from %s not fetched: %s", _origin(url), type(err).__name__)


def _origin(url: URL) -> str:
    """The scheme and host only: paths and queries may carry tokens."""
    return f"{url.scheme}://{url.host or ''}"


class _PublicResolver(ThreadedResolver):
    """Resolves host names, refusing those with any address that is not public."""

    def __init__(self, hass: HomeAssistant) -> None:
        super().__init__()
        self._hass = hass

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        resolved = await super().resolve(host, port, family)
        if host in self._hass.data.get(TRUSTED_TEST_HOSTS, ()):
            return resolved
        if not all(is_public_address(ip_address(found["host"])) for found in resolved):
            raise _NonPublicAddressError(f"{host} resolves to an address that is not public")
        return resolved


@callback
def _session(hass: HomeAssistant) -> ClientSession:
    """The proxy's own session: Home Assistant's shared one resolves names its own way."""
    if (session := hass.data.get(_SESSION)) is None:
        connector = TCPConnector(resolver=_PublicResolver(hass), ssl=get_default_context())
        session = hass.data[_SESSION] = ClientSession(
            connector=connector,
            cookie_jar=DummyCookieJar(),  # No cookie of one image host goes to another.
            headers={USER_AGENT: SERVER_SOFTWARE},
        )

        async def close(_event: Event[Any]) -> None:
            hass.data.pop(_SESSION, None)
            await session.close()

        hass.bus.async_listen_once(EVENT_HOMEASSISTANT_CLOSE, close)
    return session
