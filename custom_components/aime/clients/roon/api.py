"""roonapi, isolated: ``IsolatedRoonApi`` and a prompt ``stop_roonapi_and_join``."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import suppress
import logging
import math
import socket
import threading
import time
from typing import Any

from roonapi import RoonApi
from roonapi.roonapisocket import RoonApiWebSocket

from .const import CONNECT_TIMEOUT, REQUEST_TIMEOUT

_LOGGER = logging.getLogger(__name__)
_SOCKET_THREAD_PREFIX = "roonapi-socket-"


class _QuietDroppedSocket(logging.Filter):
    """websocket-client logs every dropped connection at ERROR ("... - goodbye").

    For our Roon sockets the connection owner already logs the loss once, and again on recovery;
    the library's line would be a second, alarming one on every Core restart.
    """

    def filter(self, record: logging.LogRecord) -> bool:
        return not (
            (record.threadName or "").startswith(_SOCKET_THREAD_PREFIX)
            and record.getMessage().endswith(" - goodbye")
        )


logging.getLogger("websocket").addFilter(_QuietDroppedSocket())

Listener = Callable[["IsolatedRoonApi", str, list[str]], None]


class _Replies(dict[int, Any]):
    """roonapi's reply table, waking waiters as soon as a reply lands (instead of 50 ms polls)."""

    def __init__(self) -> None:
        super().__init__()
        self._landed = threading.Condition()

    def __setitem__(self, request_id: int, body: Any) -> None:
        with self._landed:
            super().__setitem__(request_id, body)
            self._landed.notify_all()

    def wake(self) -> None:
        with self._landed:
            self._landed.notify_all()

    def wait_for(self, request_id: int, timeout: float, alive: Callable[[], bool]) -> Any:
        """The first truthy reply to ``request_id``, or None after ``timeout`` or a drop."""
        deadline = time.monotonic() + timeout
        with self._landed:
            while not (reply := self.get(request_id)) and alive():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._landed.wait(remaining)
            self.pop(request_id, None)
        return reply or None


class _RoonSocket(RoonApiWebSocket):  # type: ignore[misc]
    """roonapi's websocket thread, with a bounded TCP connect, a hook when the link drops,
    and subscriptions registered before they are sent (see ``subscribe``)."""

    _exit: bool
    failed_state: bool

    def __init__(
        self, host: str, port: int, *, connect_timeout: float, on_lost: Callable[[], None]
    ) -> None:
        super().__init__(f"ws://{host}:{port}/api")
        self.name = f"{_SOCKET_THREAD_PREFIX}{host}:{port}"
        self._results = _Replies()
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
        try:
            tcp = socket.create_connection(self._address, timeout=self._connect_timeout)
        except OSError as err:
            _LOGGER.debug("Cannot reach the Roon Core at %s:%s: %s", *self._address, err)
        else:
            tcp.settimeout(None)
            self.tcp_socket = tcp
            if self._exit:
                tcp.close()
            else:
                self._socket.prepared_socket = tcp
                self._socket.run_forever(ping_interval=10)
        if not self._exit:
            self._exit = True
            self.failed_state = True
            self._on_lost()
        self._results.wake()

    def on_close(self, w_socket: Any, close_status_code: Any, close_msg: Any) -> None:
        super().on_close(w_socket, close_status_code, close_msg)
        self._results.wake()


class IsolatedRoonApi(RoonApi):  # type: ignore[misc]
    """``RoonApi`` with per-instance state, a bounded start, full-zone merges and a prompt stop.

    - ``holder``: the instance is appended before connecting, so another thread can stop one
      whose blocking start is still waiting (``stop_roonapi_and_join(holder[0])``).
    - ``init_timeout``: a blocking start gives up after this long, or as soon as the socket
      fails; check ``connected`` afterwards. ``cancel`` (an event) ends it at once, from any
      thread, and stops the instance's requests.
    - ``reconnect_delay``: roonapi's own reconnection (None: off, the owner reconnects).
    - ``listener(api, event, ids)``: every merged change, removals included, and
      ``"disconnected"`` when the link drops; it runs on the websocket thread.
    """

    request_timeout = REQUEST_TIMEOUT

    def __init__(
        self,
        appinfo: Mapping[str, Any],
        token: str | None,
        host: str,
        port: int,
        *,
        blocking_init: bool = True,
        holder: list[IsolatedRoonApi] | None = None,
        init_timeout: float | None = None,
        connect_timeout: float = CONNECT_TIMEOUT,
        reconnect_delay: float | None = 20.0,
        listener: Listener | None = None,
        cancel: threading.Event | None = None,
    ) -> None:
        self._zones: dict[str, dict[str, Any]] = {}
        self._outputs: dict[str, dict[str, Any]] = {}
        self._state_callbacks: list[Any] = []
        self._volume_controls: dict[str, Any] = {}
        self.state_lock = threading.RLock()
        self._stopping = threading.Event()
        self._cancel = cancel or threading.Event()
        self._subscribed = {"zones": threading.Event(), "outputs": threading.Event()}
        self._starting = True
        self._init_deadline = time.monotonic() + (init_timeout or math.inf)
        self._connect_timeout = connect_timeout
        self._reconnect_delay = reconnect_delay
        self._listener = listener
        if holder is not None:
            holder.append(self)
        try:
            super().__init__(dict(appinfo), token, host, port, blocking_init)
        finally:
            self._starting = False

    # roonapi reads ``_exit`` to end its blocking start and its watcher; during the start it
    # also turns true at the deadline or once the socket has failed (roonapi would spin on).
    @property
    def _exit(self) -> bool:
        if self._stopping.is_set() or self._cancel.is_set():
            return True
        if not self._starting:
            return False
        return time.monotonic() >= self._init_deadline or self.failed

    @_exit.setter
    def _exit(self, value: bool) -> None:
        if value:
            self._stopping.set()
        else:
            self._stopping.clear()

    @property
    def failed(self) -> bool:
        """The websocket could not connect or has dropped."""
        sock = self._roonsocket
        return bool(sock is not None and sock.failed_state)

    @property
    def socket_open(self) -> bool:
        """The websocket is open (registration may still wait for the user)."""
        sock = self._roonsocket
        return bool(sock is not None and sock.connected)

    @property
    def connected(self) -> bool:
        """Registered and the websocket open."""
        return bool(self.ready and self.socket_open and not self._exit)

    def _server_setup(self, host: str, port: int) -> None:
        # roonapi clears `ready` only once the new socket reports connected: until then a
        # stale True would let requests reach a Core that has not registered us yet.
        self.ready = False
        self._host = host
        self._port = port
        self._roonsocket = _RoonSocket(
            host, port, connect_timeout=self._connect_timeout, on_lost=self._socket_lost
        )
        self._roonsocket.register_connected_callback(self._socket_connected)
        self._roonsocket.register_registered_calback(self._server_registered)
        self._roonsocket.register_volume_controls_callback(self._on_volume_control_request)
        self._roonsocket.start()

    def _socket_lost(self) -> None:
        if self._listener is not None:
            self._listener(self, "disconnected", [])

    def _socket_watcher(self) -> None:
        """roonapi's reconnect loop, but interruptible by stop() (and off without a delay)."""
        if self._reconnect_delay is None:
            return
        while not self._stopping.wait(min(2.0, self._reconnect_delay)):
            if self.failed and not self._stopping.wait(self._reconnect_delay):
                self._server_setup(self._host, self._port)

    def _request(self, command: str, data: Any = None) -> Any:
        sock = self._roonsocket
        if self._exit or not self.ready or sock is None or not sock.connected:
            return None
        try:
            request_id = sock.send_request(command, data)
        except Exception as err:  # websocket-client raises several kinds
            _LOGGER.debug("Roon request %s not sent: %s", command, err)
            return None
        if request_id is False:
            return None
        return sock.results.wait_for(
            request_id, self.request_timeout, lambda: sock.connected and not self._exit
        )

    # roonapi asks for zones and outputs right after registering; the subscription answers
    # that moment anyway, so wait for it instead of replacing the dicts it fills.
    def _get_zones(self) -> dict[str, dict[str, Any]]:
        self._subscribed["zones"].wait(self.request_timeout if self.connected else 0)
        return self._zones

    def _get_outputs(self) -> dict[str, dict[str, Any]]:
        self._subscribed["outputs"].wait(self.request_timeout if self.connected else 0)
        return self._outputs

    def _on_state_change(self, msg: Any) -> None:
        if not isinstance(msg, Mapping):
            return
        events: list[tuple[str, list[str]]] = []
        with self.state_lock:
            for key, values in msg.items():
                if isinstance(values, list):
                    events.extend(self._merge(key, values))
        for event, ids in events:
            self._call_state_callbacks(event, ids)
            if self._listener is not None:
                try:
                    self._listener(self, event, ids)
                except Exception:
                    _LOGGER.exception("Error in the Roon state listener")

    def _merge(self, key: str, values: list[Any]) -> list[tuple[str, list[str]]]:
        """Apply one change; zones and outputs are replaced whole, as the Core sends them."""
        if key in ("zones", "outputs"):  # Subscribed: the complete list.
            table = self._zones if key == "zones" else self._outputs
            id_key = "zone_id" if key == "zones" else "output_id"
            fresh = {item[id_key]: item for item in values}
            gone = [item_id for item_id in table if item_id not in fresh]
            table.clear()
            table.update(fresh)
            self._subscribed[key].set()
            events = [(f"{key}_changed", list(fresh))]
            return [*events, (f"{key}_removed", gone)] if gone else events
        if key in ("zones_added", "zones_changed"):
            self._zones.update((zone["zone_id"], zone) for zone in values)
            return [("zones_changed", [zone["zone_id"] for zone in values])]
        if key in ("outputs_added", "outputs_changed"):
            self._outputs.update((output["output_id"], output) for output in values)
            return [("outputs_changed", [output["output_id"] for output in values])]
        if key == "zones_seek_changed":
            ids = []
            for change in values:
                zone = self._zones.get(change["zone_id"])
                if zone is None:
                    continue
                zone.update(change)
                if isinstance(zone.get("now_playing"), dict) and "seek_position" in change:
                    zone["now_playing"]["seek_position"] = change["seek_position"]
                ids.append(change["zone_id"])
            return [("zones_seek_changed", ids)]
        if key in ("zones_removed", "outputs_removed"):
            table = self._zones if key == "zones_removed" else self._outputs
            for item_id in values:
                table.pop(item_id, None)
            return [(key, [str(item_id) for item_id in values])]
        _LOGGER.debug("Unknown Roon state change %s", key)
        return []

    def _call_state_callbacks(self, event: str, ids: list[str]) -> None:
        """roonapi's register_state_callback contract (filters match ids, not names)."""
        if event not in ("zones_changed", "zones_seek_changed", "outputs_changed"):
            return
        for callback, event_filter, id_filter in self._state_callbacks:
            if (event_filter and event not in event_filter) or (
                id_filter and set(id_filter).isdisjoint(ids)
            ):
                continue
            try:
                callback(event, ids)
            except Exception:
                _LOGGER.exception("Error in a Roon state callback")


def _api_threads(api: Any) -> list[threading.Thread]:
    """Threads running one of the api's methods (roonapi keeps no handle on its watcher)."""
    return [
        thread
        for thread in threading.enumerate()
        if getattr(getattr(thread, "_target", None), "__self__", None) is api
    ]


def _shutdown_socket(reader: Any) -> None:
    """Shut the reader's TCP socket down without closing it, so a blocked read wakes at once."""
    app_socket = getattr(reader._socket, "sock", None)
    for raw in (getattr(reader, "tcp_socket", None), getattr(app_socket, "sock", None)):
        if raw is not None:
            with suppress(OSError):
                raw.shutdown(socket.SHUT_RDWR)


def stop_roonapi_and_join(api: Any, timeout: float = 5.0) -> list[threading.Thread]:
    """Stop a RoonApi and join its threads; return those still alive after ``timeout``.

    ``api.stop()`` alone closes the socket from this thread while the reader may be entering
    epoll, which then sleeps up to 10 s (protocol notes §2.10). Here the TCP socket is shut
    down (not closed) so the reader wakes, then ``stop()`` runs and the ping and watcher
    threads are joined. Works for a plain ``RoonApi`` too (its watcher may take 2 s to end).
    """
    deadline = time.monotonic() + timeout
    api._exit = True
    threads = _api_threads(api)
    reader = api._roonsocket
    current = threading.current_thread()
    if reader is not None and reader.ident is not None and reader is not current:
        ping_thread = getattr(reader._socket, "ping_thread", None)
        reader._exit = True
        while reader.is_alive() and time.monotonic() < deadline:
            _shutdown_socket(reader)
            reader.join(min(0.1, max(deadline - time.monotonic(), 0)))
        threads += [reader, *([ping_thread] if ping_thread is not None else [])]
    with suppress(Exception):
        api.stop()
    for thread in threads:
        if thread is not current:
            thread.join(max(deadline - time.monotonic(), 0))
    return [thread for thread in threads if thread.is_alive() and thread is not current]
