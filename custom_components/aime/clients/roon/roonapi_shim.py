"""The one module that reaches into roonapi's private methods, for roonapi 0.1.6 only.

Its websocket thread (2, 3, 4, 6 and 7 below) is in ``roonapi_socket.py``, guarded from here.

A contribute-ready patch: each override below says what it changes, and each would go away
with the upstream change listed here (roonapi, https://github.com/pavoni/pyroon):

1. Per-instance state. ``_zones``, ``_outputs``, ``_state_callbacks`` and ``_volume_controls``
   are class attributes mutated in place: two ``RoonApi`` objects share zones and callbacks.
   Upstream: create them in ``__init__``.
2. A bounded start. ``blocking_init`` waits for ``ready`` with no timeout (forever when the
   token is not yet enabled) and the websocket has no TCP connect timeout. Upstream: ``timeout``
   and ``connect_timeout`` arguments, and give up as soon as the socket failed.
3. A prompt stop. ``stop()`` closes the fd under the reader, which may then sleep 10 s in
   epoll; the watcher sleeps 2 s per turn and reconnects after about 20 s. Upstream:
   ``shutdown(SHUT_RDWR)`` before closing, an ``Event`` for the watcher, a settable delay.
4. Replies. ``_request`` polls its table 50 x 50 ms and keeps waiting after a drop; sends are
   not serialised; ``subscribe`` records a subscription after sending it, so a quick
   ``Subscribed`` can be taken for a reply and lost. Upstream: a ``Condition`` on the table,
   a send lock, record before sending.
5. Merges. Changes are merged shallowly (a cleared ``now_playing`` stays), removals call
   nobody back and an unknown id raises ``KeyError``. Upstream: replace zones and outputs
   whole, report removals, skip unknown ids.
6. A drop hook (``failed_state`` is only polled) and ``ready`` cleared on reconnection.
7. websocket-client logs every dropped connection at ERROR ("... - goodbye"); the owner of
   the connection already logs the loss. Quieted for our socket threads only, and only
   while they run (``QUIET_DROPS``): no logging state is touched at import.

Version guard: ``check_roonapi()`` runs before each start. On a roonapi release other than
``SUPPORTED_VERSIONS`` it checks that every private method overridden or called here still
exists: if one is missing it raises ``RoonLibraryMismatch`` (naming the versions and the
missing hooks), otherwise it warns once and carries on.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from contextlib import suppress
from functools import cache
from importlib import metadata
import logging
import math
import socket
import threading
import time
from typing import Any, Final

from roonapi import RoonApi
from roonapi.roonapisocket import RoonApiWebSocket

from .const import CONNECT_TIMEOUT, REQUEST_TIMEOUT
from .models import RoonLibraryMismatch
from .roonapi_socket import PatchedRoonSocket
from .state import merge_change

_LOGGER = logging.getLogger(__name__)

SUPPORTED_VERSIONS: Final = frozenset({"0.1.6"})
# The private methods overridden or called below: a release without one would break us.
_HOOKS: Final[dict[type, str]] = {
    RoonApi: "_server_setup _socket_connected _server_registered _on_state_change _request "
    "_on_volume_control_request _get_zones _get_outputs _socket_watcher",
    RoonApiWebSocket: "run on_open on_close send_request subscribe register_connected_callback "
    "register_registered_calback register_volume_controls_callback",
}
_warned_versions: set[str] = set()

Listener = Callable[["IsolatedRoonApi", str, list[str]], None]


@cache
def installed_roonapi_version() -> str:
    """The installed roonapi's version ("unknown" without package metadata)."""
    try:
        return metadata.version("roonapi")
    except metadata.PackageNotFoundError:
        return "unknown"


def missing_hooks() -> list[str]:
    """The private roonapi methods this shim needs and the installed roonapi lacks."""
    return [
        f"{owner.__name__}.{name}"
        for owner, names in _HOOKS.items()
        for name in names.split()
        if not callable(getattr(owner, name, None))
    ]


def check_roonapi() -> None:
    """Raise ``RoonLibraryMismatch`` if roonapi cannot carry the shim; warn once if untested."""
    installed = installed_roonapi_version()
    if installed in SUPPORTED_VERSIONS:
        return
    supported = ", ".join(sorted(SUPPORTED_VERSIONS))
    if missing := missing_hooks():
        raise RoonLibraryMismatch(installed, supported, missing)
    if installed not in _warned_versions:
        _warned_versions.add(installed)
        _LOGGER.warning(
            "roonapi %s is installed; AIME's Roon shim was written for %s. "
            "Its hooks are all present, so AIME carries on",
            installed,
            supported,
        )


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
        check_roonapi()  # before anything starts: fails loudly on a roonapi without our hooks
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
        self._roonsocket = PatchedRoonSocket(
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
                    events.extend(
                        merge_change(self._zones, self._outputs, key, values, self._on_subscribed)
                    )
        for event, ids in events:
            self._call_state_callbacks(event, ids)
            if self._listener is not None:
                try:
                    self._listener(self, event, ids)
                except Exception:
                    _LOGGER.exception("Error in the Roon state listener")

    def _on_subscribed(self, kind: str) -> None:
        self._subscribed[kind].set()

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
