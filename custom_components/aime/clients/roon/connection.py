"""``RoonConnection``: one live, self-reconnecting connection to a Roon Core, with commands."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
import itertools
import logging
import threading
import time
from typing import Any, Final
from urllib.parse import quote

from .browse import RoonBrowsing
from .const import APPINFO, AUTHORIZATION_WAIT, CONNECT_TIMEOUT, DEFAULT_RECONNECT_DELAYS
from .models import (
    ChangeCallback,
    RepeatMode,
    RoonAuthorizationPending,
    RoonCommandError,
    RoonConnectionError,
    RoonControl,
    RoonEvent,
    RoonFailure,
    RoonLibraryMismatch,
    RoonOutput,
    RoonVolume,
    RoonZone,
)
from .parse import _checked, _parse_all, _parse_output, _parse_zone, _updated, _with_seeks
from .roonapi_shim import IsolatedRoonApi, stop_roonapi_and_join

_LOGGER = logging.getLogger(__name__)

_LOOP_FOR_REPEAT: Final[dict[str, str]] = {"off": "disabled", "all": "loop", "one": "loop_one"}


class RoonConnection(RoonBrowsing):
    """A live connection to one Roon Core, with typed state and commands.

    Built by ``RoonConnection.connect``. While the Core is unreachable, ``available`` is
    false, commands raise ``RoonCommandError(NOT_CONNECTED)`` and a background thread
    reconnects (delays from ``reconnect_delays``, the last one repeating) until ``close()``.
    """

    def __init__(
        self,
        host: str,
        port: int,
        token: str,
        *,
        timeout: float,
        reconnect_delays: Sequence[float],
    ) -> None:
        self.host = host
        self.port = port
        self._token = token
        self._timeout = timeout
        self._reconnect_delays = tuple(reconnect_delays) or DEFAULT_RECONNECT_DELAYS
        self._lock = threading.Lock()
        self._play_lock = threading.Lock()
        self._api: IsolatedRoonApi | None = None
        self._available = False
        self._zones: dict[str, RoonZone] = {}
        self._outputs: dict[str, RoonOutput] = {}
        self._core_id = ""
        self._core_name = ""
        self._callbacks: tuple[ChangeCallback, ...] = ()
        self._closing = threading.Event()
        self._lost = threading.Event()
        self._reconnector: threading.Thread | None = None

    @classmethod
    def connect(
        cls,
        host: str,
        port: int,
        token: str,
        *,
        timeout: float = 10.0,
        reconnect_delays: Sequence[float] = DEFAULT_RECONNECT_DELAYS,
    ) -> RoonConnection:
        """Connect with a saved token, waiting at most ``timeout`` seconds.

        Raises ``RoonAuthorizationPending`` when the Core does not accept the token (the user
        must enable the extension) and ``RoonConnectionError`` when it cannot be reached.
        """
        connection = cls(host, port, token, timeout=timeout, reconnect_delays=reconnect_delays)
        connection._adopt(connection._open(timeout))
        connection._reconnector = threading.Thread(
            target=connection._reconnect_forever, name=f"aime-roon-{host}:{port}", daemon=True
        )
        connection._reconnector.start()
        return connection

    # --- state ---------------------------------------------------------------------------

    @property
    def core_id(self) -> str:
        return self._core_id

    @property
    def core_name(self) -> str:
        return self._core_name

    @property
    def token(self) -> str:
        return self._token

    @property
    def available(self) -> bool:
        return self._available

    @property
    def zones(self) -> dict[str, RoonZone]:
        return dict(self._zones)

    @property
    def outputs(self) -> dict[str, RoonOutput]:
        return dict(self._outputs)

    def on_change(self, callback: ChangeCallback) -> Callable[[], None]:
        """Add a change callback (see thread rules); returns a function removing it.

        Several listeners may follow one connection (entities, play recording), each called
        in turn on the same thread.
        """
        self._callbacks = (*self._callbacks, callback)

        def remove() -> None:
            self._callbacks = tuple(c for c in self._callbacks if c is not callback)

        return remove

    def image_url(self, image_key: str, width: int = 500, height: int = 500) -> str:
        """The Core's URL for an image (no request is made)."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return (
            f"http://{host}:{self.port}/api/image/{quote(image_key, safe='')}"
            f"?scale=fit&width={width}&height={height}"
        )

    def close(self, timeout: float = 5.0) -> list[threading.Thread]:
        """Stop every roonapi and reconnect thread; return the threads still alive."""
        deadline = time.monotonic() + timeout
        self._closing.set()  # also ends a start in progress on the reconnect thread
        self._lost.set()
        leftovers: list[threading.Thread] = []
        if self._reconnector is not None:
            self._reconnector.join(timeout)
            if self._reconnector.is_alive():
                leftovers.append(self._reconnector)
        with self._lock:
            api, self._api, self._available = self._api, None, False
        if api is not None:
            leftovers += stop_roonapi_and_join(api, max(deadline - time.monotonic(), 0.5))
        return leftovers

    # --- connecting ----------------------------------------------------------------------

    def _open(self, timeout: float) -> IsolatedRoonApi:
        holder: list[IsolatedRoonApi] = []
        try:
            api = IsolatedRoonApi(
                APPINFO,
                self._token,
                self.host,
                self.port,
                holder=holder,
                init_timeout=timeout,
                connect_timeout=min(timeout, CONNECT_TIMEOUT),
                reconnect_delay=None,
                listener=self._on_api_event,
                cancel=self._closing,
            )
        except RoonLibraryMismatch:
            raise  # not a connection problem: retrying cannot help
        except Exception as err:
            for started in holder:
                stop_roonapi_and_join(started)
            raise RoonConnectionError(f"{self.host}:{self.port}: {err}") from err
        if api.connected and not self._closing.is_set():
            return api
        pending = api.socket_open and not api.ready
        stop_roonapi_and_join(api)
        if pending:
            raise RoonAuthorizationPending(f"{self.host}:{self.port}")
        raise RoonConnectionError(f"cannot reach the Roon Core at {self.host}:{self.port}")

    def _adopt(self, api: IsolatedRoonApi) -> None:
        """Make ``api`` current and rebuild the snapshot from it."""
        with self._lock:
            self._api = api
            with api.state_lock:
                self._zones = _parse_all(api.zones, _parse_zone)
                self._outputs = _parse_all(api.outputs, _parse_output)
            self._core_id = str(api.core_id or "")
            self._core_name = str(api.core_name or "")
            self._token = str(api.token or self._token)
            self._available = True
            if api.failed:  # Dropped before it was current: its listener call was ignored.
                self._lost.set()

    def _reconnect_forever(self) -> None:
        while True:
            self._lost.wait()
            if self._closing.is_set():
                return
            self._lost.clear()
            self._reconnect()

    def _reconnect(self) -> None:
        with self._lock:
            lost, self._available = self._api, False
        self._notify(RoonEvent.DISCONNECTED, [])
        _LOGGER.info("Lost the Roon Core at %s:%s, reconnecting", self.host, self.port)
        if lost is not None and (leftovers := stop_roonapi_and_join(lost)):
            _LOGGER.warning("roonapi threads still running: %s", leftovers)
        told_pending = False
        for delay in _delays(self._reconnect_delays):
            if self._closing.wait(delay):
                return
            try:
                api = self._open(AUTHORIZATION_WAIT if told_pending else self._timeout)
            except RoonAuthorizationPending:
                if not told_pending:
                    self._notify(RoonEvent.AUTHORIZATION_REQUIRED, [])
                    told_pending = True
                continue
            except RoonConnectionError as err:
                _LOGGER.debug("Roon reconnection failed: %s", err)
                continue
            if self._closing.is_set():
                stop_roonapi_and_join(api)
                return
            self._adopt(api)
            _LOGGER.info("Reconnected to the Roon Core at %s:%s", self.host, self.port)
            self._notify(RoonEvent.CONNECTED, [])
            return

    def _on_api_event(self, api: IsolatedRoonApi, event: str, ids: list[str]) -> None:
        """Runs on roonapi's websocket thread, right after it merged the change."""
        with self._lock:
            if api is not self._api:
                return  # an instance being started or already replaced
            if event == "disconnected":
                self._lost.set()
                return
            if event == RoonEvent.ZONES_SEEK_CHANGED:
                self._zones = _with_seeks(self._zones, api.zones, ids)
            elif event.startswith("zones"):
                self._zones = _updated(self._zones, api.zones, ids, _parse_zone)
            else:
                self._outputs = _updated(self._outputs, api.outputs, ids, _parse_output)
        self._notify(RoonEvent(event), ids)

    def _notify(self, event: RoonEvent, ids: list[str]) -> None:
        for callback in self._callbacks:
            try:
                callback(event, ids)
            except Exception:
                _LOGGER.exception("Error in the Roon change callback")

    # --- commands ------------------------------------------------------------------------

    def _request(self, send: Callable[[IsolatedRoonApi], Any]) -> Any:
        with self._lock:
            api, available = self._api, self._available
        if api is None or not available:
            raise RoonCommandError(RoonFailure.NOT_CONNECTED)
        try:
            result = send(api)
        except (KeyError, TypeError, ValueError) as err:
            raise RoonCommandError(RoonFailure.REJECTED, repr(err)) from err
        return _checked(result)

    def _zone(self, zone_id: str) -> RoonZone:
        zone = self._zones.get(zone_id)
        if zone is None:
            raise RoonCommandError(RoonFailure.UNKNOWN_ZONE, zone_id)
        return zone

    def _output(self, output_id: str) -> RoonOutput:
        output = self._outputs.get(output_id)
        if output is None:
            raise RoonCommandError(RoonFailure.UNKNOWN_OUTPUT, output_id)
        return output

    def _volume(self, output_id: str) -> RoonVolume:
        volume = self._output(output_id).volume
        if volume is None:
            raise RoonCommandError(RoonFailure.FIXED_VOLUME, output_id)
        return volume

    def control(self, zone_id: str, command: RoonControl) -> None:
        self._zone(zone_id)
        self._request(lambda api: api.playback_control(zone_id, command))

    def pause_all(self) -> None:
        self._request(lambda api: api.pause_all())

    def seek(self, zone_id: str, seconds: float, *, relative: bool = False) -> None:
        self._zone(zone_id)
        how = "relative" if relative else "absolute"
        self._request(lambda api: api.seek(zone_id, round(seconds), how))

    def set_volume(self, output_id: str, level: float) -> None:
        """Set a 0-1 level: linear over the control's min..max (dB included)."""
        volume = self._volume(output_id)
        if not volume.settable:
            raise RoonCommandError(RoonFailure.VOLUME_NOT_SETTABLE, output_id)
        raw = volume.raw_for(level)
        self._request(lambda api: api.change_volume_raw(output_id, raw, "absolute"))

    def step_volume(self, output_id: str, steps: int) -> None:
        """Move ``steps`` of the control's own step (up if positive); any type but fixed."""
        self._volume(output_id)
        self._request(lambda api: api.change_volume_raw(output_id, steps, "relative_step"))

    def mute(self, output_id: str, muted: bool) -> None:
        self._volume(output_id)
        self._request(lambda api: api.mute(output_id, muted))

    def shuffle(self, zone_id: str, enabled: bool) -> None:
        self._zone(zone_id)
        self._request(lambda api: api.shuffle(zone_id, enabled))

    def repeat(self, zone_id: str, mode: RepeatMode) -> None:
        self._zone(zone_id)
        self._request(lambda api: api.repeat(zone_id, _LOOP_FOR_REPEAT[mode]))

    def standby(self, output_id: str) -> None:
        """Put the output's first source control that supports standby into standby."""
        output = self._output(output_id)
        control = next((c for c in output.source_controls if c.supports_standby), None)
        if control is None:
            raise RoonCommandError(RoonFailure.NO_STANDBY, output_id)
        self._request(lambda api: api.standby(output_id, control.control_key))

    def wake(self, output_id: str) -> None:
        """Switch the output's source controls on (Roon's convenience switch)."""
        self._output(output_id)
        self._request(lambda api: api.convenience_switch(output_id))

    def group(self, main_output_id: str, output_ids: Sequence[str]) -> None:
        """Group outputs with ``main_output_id`` (whose zone keeps its queue)."""
        main = self._output(main_output_id)
        members = [o for o in dict.fromkeys(output_ids) if o != main_output_id]
        for output_id in members:
            self._output(output_id)
            if output_id not in main.can_group_with_output_ids:
                raise RoonCommandError(RoonFailure.NOT_GROUPABLE, output_id)
        if members:
            self._request(lambda api: api.group_outputs([main_output_id, *members]))

    def ungroup(self, output_ids: Sequence[str]) -> None:
        for output_id in output_ids:
            self._output(output_id)
        self._request(lambda api: api.ungroup_outputs(list(output_ids)))

    def transfer(self, from_zone_id: str, to_zone_id: str) -> None:
        """Move the queue and playback of one zone to another."""
        self._zone(from_zone_id)
        self._zone(to_zone_id)
        self._request(lambda api: api.transfer_zone(from_zone_id, to_zone_id))


def _delays(delays: tuple[float, ...]) -> Iterator[float]:
    yield from delays
    yield from itertools.repeat(delays[-1])
