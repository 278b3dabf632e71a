"""Pairing with a Roon Core (the user enables the extension) and finding Cores (SOOD)."""

from __future__ import annotations

import logging
from pathlib import Path
import threading
import time

from roonapi import discovery as roon_discovery
from roonapi.soodmessage import SOODMessage

from .const import APPINFO, CONNECT_TIMEOUT
from .models import (
    RoonAuthorizationPending,
    RoonConnectionError,
    RoonLibraryMismatch,
    RoonPairing,
)
from .roonapi_shim import IsolatedRoonApi, stop_roonapi_and_join

_LOGGER = logging.getLogger(__name__)


def pair(
    host: str,
    port: int,
    *,
    timeout: float = 120.0,
    cancel: threading.Event | None = None,
) -> RoonPairing:
    """Register without a token and wait until the user enables the extension in Roon.

    Raises ``RoonAuthorizationPending`` when ``timeout`` passes (or ``cancel`` is set) with
    the Core reached but not yet approved, ``RoonConnectionError`` when it cannot be reached.
    """
    stop = cancel or threading.Event()
    try:
        api = IsolatedRoonApi(
            APPINFO,
            None,
            host,
            port,
            blocking_init=False,
            connect_timeout=min(timeout, CONNECT_TIMEOUT),
            reconnect_delay=None,
        )
    except RoonLibraryMismatch:
        raise
    except Exception as err:
        raise RoonConnectionError(f"{host}:{port}: {err}") from err
    try:
        deadline = time.monotonic() + timeout
        while not (api.ready and api.token):
            if api.failed:
                raise RoonConnectionError(f"cannot reach the Roon Core at {host}:{port}")
            if time.monotonic() >= deadline or stop.is_set():
                if api.socket_open:
                    raise RoonAuthorizationPending(f"{host}:{port}")
                raise RoonConnectionError(f"cannot reach the Roon Core at {host}:{port}")
            stop.wait(0.05)
        return RoonPairing(str(api.token), str(api.core_id), str(api.core_name))
    finally:
        stop_roonapi_and_join(api)


def discover(timeout: float = 5.0) -> list[tuple[str, int]]:
    """Roon Cores answering a SOOD query within ``timeout``: unique (host, port) pairs.

    Same query and parser as ``roonapi.discovery`` (through its ``socket`` module, which
    tests replace), but with the caller's timeout, integer ports, duplicates dropped (the
    query goes out twice) and malformed replies skipped.
    """
    query = (Path(roon_discovery.__file__).parent / ".soodmsg").read_bytes()
    net = roon_discovery.socket
    found: dict[tuple[str, int], None] = {}
    with net.socket(net.AF_INET, net.SOCK_DGRAM, net.IPPROTO_UDP) as sock:
        sock.setsockopt(net.IPPROTO_IP, net.IP_MULTICAST_TTL, 32)
        sock.sendto(query, (roon_discovery.SOOD_MULTICAST_IP, roon_discovery.SOOD_PORT))
        sock.setsockopt(net.SOL_SOCKET, net.SO_BROADCAST, 1)
        sock.sendto(query, ("<broadcast>", roon_discovery.SOOD_PORT))
        deadline = time.monotonic() + timeout
        while (remaining := deadline - time.monotonic()) > 0:
            sock.settimeout(remaining)
            try:
                data, (host, _) = sock.recvfrom(1024)
            except TimeoutError:
                break
            try:
                properties = SOODMessage(data).as_dictionary["properties"]
                found[(str(host), int(properties["http_port"]))] = None
            except Exception:  # roonapi's FormatException raises TypeError
                _LOGGER.debug("Ignoring a malformed SOOD reply from %s", host)
    return list(found)
