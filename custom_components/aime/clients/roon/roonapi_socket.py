"""roonapi's websocket thread as the shim needs it (``roonapi_shim.py`` says why, point by point).

A bounded TCP connect, a hook when the link drops, sends serialised, subscriptions recorded
before they are sent, and websocket-client's "goodbye" ERROR quieted for these threads only.
The version guard of ``roonapi_shim.py`` checks the private methods used here too.
"""

from __future__ import annotations

from collections.abc import Callable
import logging
import socket
import threading
from typing import Any, Final

from roonapi.roonapisocket import RoonApiWebSocket

from .state import ReplyTable

_LOGGER = logging.getLogger(__name__)
_SOCKET_THREAD_PREFIX = "roonapi-socket-"


class _QuietDroppedSockets(logging.Filter):
    """Drops websocket-client's "... - goodbye" ERROR, from our socket threads only.

    Attached to the ``websocket`` logger while at least one of our socket threads runs
    (reference counted), removed when the last one ends.
    """

    def __init__(self) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._running = 0

    def filter(self, record: logging.LogRecord) -> bool:
        return not (
            (record.threadName or "").startswith(_SOCKET_THREAD_PREFIX)
            and record.getMessage().endswith(" - goodbye")
        )

    def attach(self) -> None:
        with self._lock:
            self._running += 1
            if self._running == 1:
                logging.getLogger("websocket").addFilter(self)

    def detach(self) -> None:
        with self._lock:
            self._running -= 1
            if self._running == 0:
                logging.getLogger("websocket").removeFilter(self)


QUIET_DROPS: Final = _QuietDroppedSockets()


class PatchedRoonSocket(RoonApiWebSocket):  # type: ignore[misc]
    """roonapi's websocket thread, with a bounded TCP connect, a hook when the link drops,
    and subscriptions registered before they are sent (see ``subscribe``)."""

    _exit: bool
    failed_state: bool

    def __init__(
        self, host: str, port: int, *, connect_timeout: float, on_lost: Callable[[], None]
    ) -> None:
        super().__init__(f"ws://{host}:{port}/api")
        self.name = f"{_SOCKET_THREAD_PREFIX}{host}:{port}"
        self._results = ReplyTable()
        self._address = (host, port)
        self._connect_timeout = connect_timeout
        self._on_lost = on_lost
        self._sending = threading.RLock()
        self.tcp_socket: socket.socket | None = None

    def send_request(self, command: str, body: Any = None, *args: Any) -> Any:
        with self._sending:
            return super().send_request(command, body, *args)

    def subscribe(
        self, service: str, endpoint: str, callback: Callable[[Any], None], opt_data: Any = None
    ) -> None:
        """roonapi registers a subscription after sending it: from any thread but the reader,
        a quick ``Subscribed`` could arrive first and be taken for a plain reply, then lost."""
        with self._sending:
            request_id, subkey = self._requestid, self._subkey
            self._subkey += 1
            data = {"subscription_key": subkey} | (opt_data if isinstance(opt_data, dict) else {})
            self._subscriptions[request_id] = {
                "service": service,
                "endpoint": endpoint,
                "request_id": request_id,
                "subkey": subkey,
                "callback": callback,
            }
            if self.send_request(f"{service}/subscribe_{endpoint}", data) is False:
                del self._subscriptions[request_id]

    def run(self) -> None:
        """Connect (bounded), serve until the link drops, then tell the owner once."""
        QUIET_DROPS.attach()
        try:
            self._run_forever()
        finally:
            QUIET_DROPS.detach()
        if not self._exit:
            self._exit = True
            self.failed_state = True
            self._on_lost()
        self._results.wake()

    def _run_forever(self) -> None:
        try:
            tcp = socket.create_connection(self._address, timeout=self._connect_timeout)
        except OSError as err:
            _LOGGER.debug("Cannot reach the Roon Core at %s:%s: %s", *self._address, err)
            return
        tcp.settimeout(None)
        self.tcp_socket = tcp
        if self._exit:
            tcp.close()
        else:
            self._socket.prepared_socket = tcp
            self._socket.run_forever(ping_interval=10)

    def on_close(self, w_socket: Any, close_status_code: Any, close_msg: Any) -> None:
        super().on_close(w_socket, close_status_code, close_msg)
        self._results.wake()
