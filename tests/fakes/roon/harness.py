"""Helpers for tests that drive the real roonapi against the fake core on the hass loop."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
import socket
import threading
import types
from typing import Any

from .core import DEFAULT_CORE_ID, DEFAULT_CORE_NAME

SOOD_QUERY_PREFIX = b"SOOD\x02Q"


class ChangeLog:
    """An ``on_change`` callback: records calls (made on roonapi's threads) on the loop."""

    def __init__(self, loop: asyncio.AbstractEventLoop) -> None:
        self.events: list[tuple[str, list[str]]] = []
        self.threads: set[str] = set()
        self._loop = loop
        self._arrived = asyncio.Event()

    def __call__(self, event: str, ids: list[str]) -> None:
        self.threads.add(threading.current_thread().name)
        self._loop.call_soon_threadsafe(self._record, str(event), list(ids))

    def _record(self, event: str, ids: list[str]) -> None:
        self.events.append((event, ids))
        self._arrived.set()

    def names(self) -> list[str]:
        return [event for event, _ in self.events]

    async def wait_for(self, condition: Callable[[], bool], within: float = 5.0) -> None:
        """Wait until ``condition()`` holds, checking it after each recorded event."""
        async with asyncio.timeout(within):
            while not condition():
                self._arrived.clear()
                await self._arrived.wait()

    async def wait_event(self, event: str, item_id: str | None = None) -> None:
        """Wait until ``event`` (concerning ``item_id``, if given) has been recorded."""
        await self.wait_for(
            lambda: any(
                name == event and (item_id is None or item_id in ids) for name, ids in self.events
            )
        )


def sood_reply(http_port: int, unique_id: str = DEFAULT_CORE_ID) -> bytes:
    """A Core's answer to a SOOD query: ``SOOD\\x02R`` and length-prefixed properties."""
    properties = {
        "name": DEFAULT_CORE_NAME,
        "display_version": "2.0",
        "unique_id": unique_id,
        "service_id": "00720724-5143-4a9b-abac-0e50cba674bb",
        "tcp_port": "9332",
        "http_port": str(http_port),
        "_tid": "c64e3888-f2f2-4c4a-9f89-2093ae4217a6",
    }
    message = b"SOOD\x02R"
    for key, value in properties.items():
        message += bytes([len(key)]) + key.encode()
        message += len(value).to_bytes(2, "big") + value.encode()
    return message


class SoodResponder(asyncio.DatagramProtocol):
    """Answers SOOD queries on 127.0.0.1, as a Core does on the LAN."""

    def __init__(self, http_port: int, replies: list[bytes] | None = None) -> None:
        self.http_port = http_port
        self.replies = replies or [sood_reply(http_port)]
        self.queries = 0
        self.transport: asyncio.DatagramTransport | None = None

    async def start(self) -> int:
        """Listen on a free UDP port of 127.0.0.1; return it."""
        loop = asyncio.get_running_loop()
        transport, _ = await loop.create_datagram_endpoint(
            lambda: self, local_addr=("127.0.0.1", 0)
        )
        self.transport = transport
        return int(transport.get_extra_info("sockname")[1])

    def stop(self) -> None:
        if self.transport is not None:
            self.transport.close()

    def datagram_received(self, data: bytes, addr: tuple[str | Any, int]) -> None:
        if data.startswith(SOOD_QUERY_PREFIX) and self.transport is not None:
            self.queries += 1
            for reply in self.replies:
                self.transport.sendto(reply, addr)


def loopback_socket_module(port: int) -> types.ModuleType:
    """A stand-in for ``roonapi.discovery.socket`` whose datagrams all go to 127.0.0.1:port.

    Nothing reaches the multicast or broadcast address; replace the module with
    ``monkeypatch.setattr(roonapi.discovery, "socket", loopback_socket_module(port))``.
    """

    class LoopbackSocket(socket.socket):
        def sendto(self, data: Any, *args: Any) -> int:  # (data[, flags], address)
            return super().sendto(data, ("127.0.0.1", port))

    module = types.ModuleType("loopback_socket")
    module.__dict__.update(socket.__dict__)
    module.socket = LoopbackSocket  # type: ignore[attr-defined]
    return module
