"""The cover proxy fetches over https from public addresses only, redirects included.

Refused URLs answer 404 (as an unknown image) before any connection: every connection the
event loop makes is recorded, and none may go anywhere but Home Assistant's test server (and,
where the test seam lets it, the fake image host). Public-looking names are resolved by a
patched ``socket.getaddrinfo``: no test depends on real DNS or sends traffic off loopback.
"""

from __future__ import annotations

from collections.abc import Callable
from ipaddress import ip_address
import logging
from pathlib import Path
import socket
from typing import Any

from aiohttp.test_utils import TestClient
from homeassistant.core import HomeAssistant
import pytest

from custom_components.aime.panel.public_images import (
    MAX_REDIRECTS,
    TRUSTED_TEST_HOSTS,
    is_public_address,
)

from ..fakes.images import JPEG, FakeImageHost
from ..helpers.hub_history import NOW
from .conftest import get_cover, set_cover

pytestmark = pytest.mark.freeze_time(NOW)

FAKE_NAMES = {  # Names (public-looking, or numeric) and what the patched resolver answers.
    "covers.example.com": ["127.0.0.1"],
    "mixed.example.com": ["93.184.216.34", "10.0.0.1"],
    "mapped.example.com": ["::ffff:127.0.0.1"],
    "0x7f.1": ["127.0.0.1"],  # As the OS reads it (the current lane's plugin blocks lookups).
}


@pytest.fixture
def connections(hass: HomeAssistant, monkeypatch: pytest.MonkeyPatch) -> list[tuple[Any, ...]]:
    """The address of every socket the event loop connects (aiohttp's connector goes there)."""
    made: list[tuple[Any, ...]] = []
    connect = hass.loop.sock_connect

    async def sock_connect(sock: socket.socket, address: tuple[Any, ...]) -> None:
        made.append(address)
        await connect(sock, address)

    monkeypatch.setattr(hass.loop, "sock_connect", sock_connect)
    return made


@pytest.fixture
def fake_dns(monkeypatch: pytest.MonkeyPatch) -> None:
    """Answer ``FAKE_NAMES`` from memory; other names (``localhost``) as the system does."""
    resolve: Callable[..., list[Any]] = socket.getaddrinfo

    def getaddrinfo(host: Any, port: Any, *args: Any, **kwargs: Any) -> list[Any]:
        if (addresses := FAKE_NAMES.get(str(host))) is None:
            return resolve(host, port, *args, **kwargs)
        number = int(port or 0)
        return [
            (socket.AF_INET6, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (address, number, 0, 0))
            if ":" in address
            else (socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP, "", (address, number))
            for address in addresses
        ]

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)


def _off_the_test_server(connections: list[tuple[Any, ...]], client: TestClient) -> list[Any]:
    return [address for address in connections if address[1] != client.port]


@pytest.mark.parametrize(
    "source",
    [
        "http://127.0.0.1:{port}/cover.jpg",
        "https://127.0.0.1:{port}/cover.jpg",
        "https://127.1:{port}/cover.jpg",
        "https://2130706433:{port}/cover.jpg",
        "https://0x7f.1:{port}/cover.jpg",
        "https://localhost:{port}/cover.jpg",
        "https://mapped.example.com:{port}/cover.jpg",
        "https://mixed.example.com/cover.jpg",
        "http://169.254.169.254/latest",
        "https://169.254.169.254/latest",
        "file:///etc/passwd",
        "ftp://images.example.com/cover.jpg",
        "http://[::1]/",
        "https://[::1]:{port}/cover.jpg",
        "https://[::ffff:127.0.0.1]:{port}/cover.jpg",
        "https://[::ffff:a9fe:a9fe]/latest",
        "http://10.0.0.1/",
        "https://10.0.0.1/cover.jpg",
        "https://192.168.1.1/cover.jpg",
        "https://[fe80::1]/cover.jpg",
        "https://[fd00::1]/cover.jpg",
        "https://0.0.0.0/cover.jpg",
        "https://224.0.0.1/cover.jpg",
        "https://240.0.0.1/cover.jpg",
        "https:///cover.jpg",
    ],
)
@pytest.mark.usefixtures("fake_dns")
async def test_non_public_sources_are_refused_before_connecting(
    hass: HomeAssistant,
    store_path: Path,
    *,
    untrusted_image_host: FakeImageHost,
    client: TestClient,
    connections: list[tuple[Any, ...]],
    source: str,
) -> None:
    """Loopback, link-local, private, multicast, reserved, unspecified, other schemes: 404."""
    url = source.format(port=untrusted_image_host.port)
    album_id = set_cover(store_path, "Kind of Blue", url)
    assert (await get_cover(client, hass, album_id)).status == 404
    assert _off_the_test_server(connections, client) == []
    assert untrusted_image_host.requests == []


async def test_a_refusal_is_logged_without_the_query(
    hass: HomeAssistant,
    store_path: Path,
    client: TestClient,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """URLs may carry tokens: the debug line names the scheme and host only."""
    album_id = set_cover(store_path, "Kind of Blue", "https://10.0.0.1/a.jpg?token=s3cret")
    with caplog.at_level(logging.DEBUG, logger="custom_components.aime"):
        assert (await get_cover(client, hass, album_id)).status == 404
    assert "Cover from https://10.0.0.1 refused" in caplog.text
    assert "s3cret" not in caplog.text
    assert "a.jpg" not in caplog.text


@pytest.mark.parametrize(
    "target",
    [
        "http://127.0.0.1:{port}/cover.jpg",
        "https://127.0.0.1:{port}/cover.jpg",
        "https://localhost:{port}/cover.jpg",
        "http://169.254.169.254/latest",
        "file:///etc/passwd",
    ],
)
@pytest.mark.usefixtures("fake_dns")
async def test_a_redirect_is_checked_like_the_first_url(
    hass: HomeAssistant,
    store_path: Path,
    *,
    untrusted_image_host: FakeImageHost,
    client: TestClient,
    connections: list[tuple[Any, ...]],
    target: str,
) -> None:
    """A host let through (the test seam) redirecting to loopback: the redirect is refused."""
    hass.data[TRUSTED_TEST_HOSTS] = frozenset({"covers.example.com"})
    port = untrusted_image_host.port
    untrusted_image_host.redirects["moved.jpg"] = target.format(port=port)
    direct = set_cover(store_path, "Kind of Blue", f"http://covers.example.com:{port}/cover.jpg")
    response = await get_cover(client, hass, direct)
    assert (response.status, await response.read()) == (200, JPEG)  # The seam works.
    moved = set_cover(store_path, "Pastel Blues", f"http://covers.example.com:{port}/moved.jpg")
    assert (await get_cover(client, hass, moved)).status == 404
    assert untrusted_image_host.requests == ["/cover.jpg", "/moved.jpg"]
    assert {address[:2] for address in _off_the_test_server(connections, client)} <= {
        ("127.0.0.1", port)  # Connections to the first hop only (one, or one per request).
    }


async def test_redirects_are_followed_a_few_times(
    hass: HomeAssistant, store_path: Path, image_host: FakeImageHost, client: TestClient
) -> None:
    """Allowed redirects are followed, up to ``MAX_REDIRECTS``; a loop ends in a 502."""
    image_host.redirects |= {"moved.jpg": "/cover.jpg", "loop.jpg": image_host.url("/loop.jpg")}
    moved = set_cover(store_path, "Kind of Blue", image_host.url("/moved.jpg"))
    response = await get_cover(client, hass, moved)
    assert (response.status, await response.read()) == (200, JPEG)
    looping = set_cover(store_path, "Pastel Blues", image_host.url("/loop.jpg"))
    assert (await get_cover(client, hass, looping)).status == 502
    assert image_host.requests == ["/moved.jpg", "/cover.jpg"] + ["/loop.jpg"] * (MAX_REDIRECTS + 1)


@pytest.mark.parametrize(
    ("address", "public"),
    [
        ("8.8.8.8", True),
        ("2001:4860:4860::8888", True),
        ("::ffff:8.8.8.8", True),
        ("127.0.0.1", False),
        ("100.64.0.1", False),  # Carrier-grade NAT.
        ("192.0.2.1", False),  # Documentation.
        ("233.252.0.1", False),  # Multicast, however global.
        ("::", False),
        ("::ffff:10.0.0.1", False),
        ("2002:a00:1::", False),  # 6to4 of 10.0.0.1.
        ("64:ff9b::a9fe:a9fe", False),  # NAT64 of 169.254.169.254.
        ("ff0e::1", False),
    ],
)
def test_public_addresses(address: str, public: bool) -> None:
    """Public unicast addresses only, IPv4 embedded in IPv6 judged as IPv4."""
    assert is_public_address(ip_address(address)) is public
