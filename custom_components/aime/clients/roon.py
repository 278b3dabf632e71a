"""Roon client: the only module that imports roonapi.

Thread rules
- Everything here blocks except the properties, ``on_change`` and ``image_url``: connecting
  waits for the Core, every command waits up to 2.5 s for its reply. Call them from an
  executor thread, never from the event loop.
- ``on_change`` callbacks run on roonapi's websocket thread (zone and output events) or on the
  connection's reconnect thread (connection events). Hand them over to the event loop at once
  (``loop.call_soon_threadsafe``) and touch nothing else there.
- ``zones`` and ``outputs`` are snapshots of frozen dataclasses: safe to read from any thread.
- ``close()`` stops every thread the connection started and returns those still alive.

Why not plain ``RoonApi`` (protocol notes §2): its state is shared at class level, its blocking
start has no timeout, ``stop()`` can leave its reader asleep for 10 s, its merge keeps a
cleared ``now_playing``, ``zones_removed`` calls nobody back, and it reconnects only after
about 21 s. ``IsolatedRoonApi`` fixes that; ``RoonConnection`` adds typed state, errors ready
for translation and its own reconnection with a short, bounded backoff.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import suppress
from dataclasses import dataclass, replace
from enum import StrEnum
import itertools
import logging
import math
from pathlib import Path
import socket
import threading
import time
from typing import Any, Final, Literal
from urllib.parse import quote

from roonapi import RoonApi, discovery as roon_discovery
from roonapi.roonapisocket import RoonApiWebSocket
from roonapi.soodmessage import SOODMessage

from ..core.normalize import album_key, artist_key, fold, track_key

_LOGGER = logging.getLogger(__name__)

APPINFO: Final = {
    "extension_id": "aime_home_assistant",
    "display_name": "AIME for Home Assistant",
    "display_version": "0.1.0",
    "publisher": "AIME",
    "email": "aime-ha@users.noreply.github.com",
    "website": "https://github.com/aime-ha/aime-home-assistant",
}
DEFAULT_PORT: Final = 9330
REQUEST_TIMEOUT: Final = 2.5  # roonapi's own wait for a reply
CONNECT_TIMEOUT: Final = 5.0  # TCP connect; roonapi has none
DEFAULT_RECONNECT_DELAYS: Final = (0.5, 1.0, 2.0, 5.0, 10.0, 30.0)  # the last one repeats
# Once the Core ignores our token, each attempt stays open this long so the user can enable
# the extension in Roon (Roon answers on the open connection).
AUTHORIZATION_WAIT: Final = 300.0
PAGE_SIZE: Final = 100
SEARCH_LIMIT: Final = 300  # results of one category looked at by search_and_play
PLAY_SESSION: Final = "aime-play"
_SUCCESS: Final = "Success"

RoonControl = Literal["play", "pause", "playpause", "stop", "next", "previous"]
RepeatMode = Literal["off", "all", "one"]
SearchKind = Literal["album", "artist", "track", "playlist"]
ChangeCallback = Callable[["RoonEvent", list[str]], None]
Listener = Callable[["IsolatedRoonApi", str, list[str]], None]

_LOOP_FOR_REPEAT: Final[dict[str, str]] = {"off": "disabled", "all": "loop", "one": "loop_one"}
_REPEAT_FOR_LOOP: Final[dict[str, RepeatMode]] = {
    "disabled": "off",
    "loop": "all",
    "loop_one": "one",
}
_CATEGORY: Final[dict[str, str]] = {
    "album": "Albums",
    "artist": "Artists",
    "track": "Tracks",
    "playlist": "Playlists",
}
_MATCH_KEY: Final[dict[str, Callable[[str], str]]] = {
    "album": album_key,
    "artist": artist_key,
    "track": track_key,
    "playlist": fold,
}


# --- errors ----------------------------------------------------------------------------------


class RoonError(Exception):
    """Any Roon failure."""


class RoonConnectionError(RoonError):
    """The Core cannot be reached, or the connection failed."""


class RoonAuthorizationPending(RoonError):
    """The Core is reached but has not (or no longer) enabled the extension in its settings."""


class RoonFailure(StrEnum):
    """Why a command failed. Values double as translation keys."""

    NOT_CONNECTED = "roon_not_connected"
    NO_REPLY = "roon_no_reply"
    REJECTED = "roon_rejected"
    UNKNOWN_ZONE = "roon_unknown_zone"
    UNKNOWN_OUTPUT = "roon_unknown_output"
    FIXED_VOLUME = "roon_fixed_volume"
    VOLUME_NOT_SETTABLE = "roon_volume_not_settable"
    NO_STANDBY = "roon_no_standby"
    NOT_GROUPABLE = "roon_not_groupable"
    NOT_FOUND = "roon_not_found"
    STALE_ITEM = "roon_stale_item"


class RoonCommandError(RoonError):
    """A command failed; ``reason`` is a translation key, ``detail`` the Core's words."""

    def __init__(self, reason: RoonFailure, detail: str = "") -> None:
        super().__init__(f"{reason.value}: {detail}" if detail else reason.value)
        self.reason = reason
        self.detail = detail


# --- typed state -----------------------------------------------------------------------------


class RoonEvent(StrEnum):
    """What ``on_change`` callbacks receive, with the ids concerned (none for connection events)."""

    ZONES_CHANGED = "zones_changed"
    ZONES_SEEK_CHANGED = "zones_seek_changed"
    ZONES_REMOVED = "zones_removed"
    OUTPUTS_CHANGED = "outputs_changed"
    OUTPUTS_REMOVED = "outputs_removed"
    CONNECTED = "connected"  # back after a loss: re-read zones and outputs
    DISCONNECTED = "disconnected"  # lost: reconnecting in the background
    AUTHORIZATION_REQUIRED = "authorization_required"  # the Core no longer knows the token


class VolumeType(StrEnum):
    NUMBER = "number"
    DB = "db"
    INCREMENTAL = "incremental"  # up/down steps only, no level


@dataclass(frozen=True, slots=True)
class RoonVolume:
    """An output's volume control; an output without one has a fixed volume."""

    type: VolumeType
    minimum: float = 0
    maximum: float = 100
    value: float | None = None
    step: float = 1
    muted: bool = False

    @property
    def settable(self) -> bool:
        """Whether a level can be set (not for incremental controls)."""
        return self.type is not VolumeType.INCREMENTAL and self.maximum > self.minimum

    @property
    def level(self) -> float | None:
        """The volume on a 0-1 scale, linear over min..max (dB included)."""
        if not self.settable or self.value is None:
            return None
        ratio = (self.value - self.minimum) / (self.maximum - self.minimum)
        return min(max(ratio, 0.0), 1.0)

    def raw_for(self, level: float) -> float:
        """The Core's value for a 0-1 level, on the control's step grid."""
        level = min(max(level, 0.0), 1.0)
        raw = self.minimum + level * (self.maximum - self.minimum)
        if self.step > 0:
            raw = self.minimum + round((raw - self.minimum) / self.step) * self.step
        raw = min(max(raw, self.minimum), self.maximum)
        if float(self.step).is_integer() and float(self.minimum).is_integer():
            return round(raw)
        return round(raw, 6)


@dataclass(frozen=True, slots=True)
class RoonSourceControl:
    control_key: str
    display_name: str
    status: str  # selected | deselected | standby | indeterminate
    supports_standby: bool


@dataclass(frozen=True, slots=True)
class RoonOutput:
    output_id: str
    zone_id: str
    display_name: str
    volume: RoonVolume | None
    source_controls: tuple[RoonSourceControl, ...] = ()
    can_group_with_output_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RoonNowPlaying:
    title: str
    artist: str | None
    album: str | None
    length: int | None  # None for live radio
    image_key: str | None
    seek_position: float | None

    @property
    def is_live(self) -> bool:
        return self.length is None


@dataclass(frozen=True, slots=True)
class RoonZone:
    """A zone; read ``state`` (not ``now_playing``) to know whether something plays."""

    zone_id: str
    display_name: str
    state: str  # playing | paused | loading | stopped
    outputs: tuple[RoonOutput, ...]
    now_playing: RoonNowPlaying | None
    seek_position: float | None
    shuffle: bool
    repeat: RepeatMode
    auto_radio: bool
    is_play_allowed: bool
    is_pause_allowed: bool
    is_seek_allowed: bool
    is_next_allowed: bool
    is_previous_allowed: bool
    queue_items_remaining: int
    queue_time_remaining: int

    @property
    def output_ids(self) -> tuple[str, ...]:
        return tuple(output.output_id for output in self.outputs)


@dataclass(frozen=True, slots=True)
class RoonBrowseItem:
    title: str
    subtitle: str | None
    image_key: str | None
    item_key: str | None
    hint: str | None  # None | list | action_list | action | header


@dataclass(frozen=True, slots=True)
class RoonBrowsePage:
    title: str
    subtitle: str | None
    image_key: str | None
    level: int
    count: int  # items in the whole list
    offset: int
    items: tuple[RoonBrowseItem, ...]


@dataclass(frozen=True, slots=True)
class RoonPairing:
    token: str
    core_id: str
    core_name: str


@dataclass(frozen=True, slots=True)
class RoonMatch:
    """What search_and_play picked."""

    title: str
    subtitle: str | None


class PlayAction(StrEnum):
    PLAY_NOW = "Play Now"
    ADD_NEXT = "Add Next"
    QUEUE = "Queue"
    START_RADIO = "Start Radio"  # artists and albums only


def _text(raw: Any) -> str | None:
    return raw if isinstance(raw, str) and raw else None


def _number(raw: Any) -> float | None:
    return float(raw) if isinstance(raw, int | float) and not isinstance(raw, bool) else None


def _number_or(raw: Any, default: float) -> float:
    number = _number(raw)
    return default if number is None else number


def _parse_volume(raw: Any) -> RoonVolume | None:
    if not isinstance(raw, Mapping):
        return None
    try:
        kind = VolumeType(str(raw.get("type")))
    except ValueError:
        return None
    return RoonVolume(
        kind,
        minimum=_number_or(raw.get("min"), 0),
        maximum=_number_or(raw.get("max"), 0),
        value=_number(raw.get("value")),
        step=_number_or(raw.get("step"), 1),
        muted=bool(raw.get("is_muted")),
    )


def _parse_output(raw: Mapping[str, Any]) -> RoonOutput:
    return RoonOutput(
        output_id=str(raw["output_id"]),
        zone_id=str(raw.get("zone_id", "")),
        display_name=str(raw.get("display_name", "")),
        volume=_parse_volume(raw.get("volume")),
        source_controls=tuple(
            RoonSourceControl(
                str(control.get("control_key", "")),
                str(control.get("display_name", "")),
                str(control.get("status", "")),
                bool(control.get("supports_standby")),
            )
            for control in raw.get("source_controls") or ()
        ),
        can_group_with_output_ids=tuple(raw.get("can_group_with_output_ids") or ()),
    )


def _parse_now_playing(raw: Any, seek: float | None) -> RoonNowPlaying | None:
    if not isinstance(raw, Mapping):
        return None
    lines: Mapping[str, Any] = raw.get("three_line") or raw.get("two_line") or {}
    title = _text(lines.get("line1")) or _text((raw.get("one_line") or {}).get("line1")) or ""
    length = _number(raw.get("length"))
    return RoonNowPlaying(
        title=title,
        artist=_text(lines.get("line2")),
        album=_text(lines.get("line3")),
        length=int(length) if length else None,
        image_key=_text(raw.get("image_key")),
        seek_position=seek,
    )


def _parse_zone(raw: Mapping[str, Any]) -> RoonZone:
    settings = raw.get("settings") or {}
    state = str(raw.get("state", "stopped"))
    seek = _number(raw.get("seek_position"))
    # roonapi-style merges can keep a stale now_playing after the queue ends: trust state.
    now_playing = (
        None if state == "stopped" and not raw.get("now_playing") else raw.get("now_playing")
    )
    return RoonZone(
        zone_id=str(raw["zone_id"]),
        display_name=str(raw.get("display_name", "")),
        state=state,
        outputs=tuple(_parse_output(output) for output in raw.get("outputs") or ()),
        now_playing=_parse_now_playing(now_playing, seek),
        seek_position=seek,
        shuffle=bool(settings.get("shuffle")),
        repeat=_REPEAT_FOR_LOOP.get(str(settings.get("loop")), "off"),
        auto_radio=bool(settings.get("auto_radio")),
        is_play_allowed=bool(raw.get("is_play_allowed")),
        is_pause_allowed=bool(raw.get("is_pause_allowed")),
        is_seek_allowed=bool(raw.get("is_seek_allowed")),
        is_next_allowed=bool(raw.get("is_next_allowed")),
        is_previous_allowed=bool(raw.get("is_previous_allowed")),
        queue_items_remaining=int(raw.get("queue_items_remaining") or 0),
        queue_time_remaining=int(raw.get("queue_time_remaining") or 0),
    )


def _parse_page(raw: Mapping[str, Any]) -> RoonBrowsePage:
    info: Mapping[str, Any] = raw.get("list") or {}
    return RoonBrowsePage(
        title=str(info.get("title", "")),
        subtitle=_text(info.get("subtitle")),
        image_key=_text(info.get("image_key")),
        level=int(info.get("level") or 0),
        count=int(info.get("count") or 0),
        offset=int(raw.get("offset") or 0),
        items=tuple(
            RoonBrowseItem(
                title=str(item.get("title", "")),
                subtitle=_text(item.get("subtitle")),
                image_key=_text(item.get("image_key")),
                item_key=_text(item.get("item_key")),
                hint=_text(item.get("hint")),
            )
            for item in raw.get("items") or ()
        ),
    )


def _checked(result: Any) -> Any:
    """roonapi's reply: 'MOO/1 COMPLETE <name>' without a body, the body dict, None on timeout."""
    if result is None:
        raise RoonCommandError(RoonFailure.NO_REPLY)
    if isinstance(result, Mapping):
        if "error" in result:
            raise RoonCommandError(RoonFailure.REJECTED, str(result["error"]))
        if result.get("is_error"):
            raise RoonCommandError(RoonFailure.REJECTED, str(result.get("message", "")))
        return result
    name = str(result).split(" ", 2)[-1]
    if name == _SUCCESS:
        return result
    if name == "InvalidItemKey":
        raise RoonCommandError(RoonFailure.STALE_ITEM, name)
    raise RoonCommandError(RoonFailure.REJECTED, name)


# --- roonapi, isolated -----------------------------------------------------------------------


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
        self.name = f"roonapi-socket-{host}:{port}"
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


# --- the connection --------------------------------------------------------------------------


class RoonConnection:
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

    # --- browsing ------------------------------------------------------------------------

    def browse(
        self,
        hierarchy: str,
        item_key: str | None = None,
        *,
        session: str,
        offset: int = 0,
        count: int = PAGE_SIZE,
        zone_id: str | None = None,
        search_input: str | None = None,
    ) -> RoonBrowsePage | None:
        """Open an item (or the hierarchy's root) in ``session`` and load one page of it.

        ``search_input`` (with the ``search`` hierarchy's root): what to search for.

        ``session`` is the caller's ``multi_session_key``: keys it hands out stay valid until
        that session opens another branch. Returns None when the item was an action (it ran,
        on ``zone_id``). Re-opening the item that is already open keeps its keys valid, so
        the next page is ``browse(same key, offset=...)`` or ``load(...)``.
        """
        opts: dict[str, Any] = {"hierarchy": hierarchy, "multi_session_key": session}
        if item_key is None:
            opts["pop_all"] = True
            if search_input is not None:
                opts["input"] = search_input
        else:
            opts["item_key"] = item_key
        if zone_id is not None:
            opts["zone_or_output_id"] = zone_id
        result = self._request(lambda api: api.browse_browse(opts))
        if result.get("action") != "list":
            return None
        return self.load(hierarchy, session=session, offset=offset, count=count)

    def load(
        self, hierarchy: str, *, session: str, offset: int = 0, count: int = PAGE_SIZE
    ) -> RoonBrowsePage:
        """One page of the list currently open in ``session``."""
        opts = {
            "hierarchy": hierarchy,
            "multi_session_key": session,
            "offset": offset,
            "count": count,
        }
        return _parse_page(self._request(lambda api: api.browse_load(opts)))

    def search_and_play(
        self,
        zone_id: str,
        query: str,
        kind: SearchKind,
        action: PlayAction = PlayAction.PLAY_NOW,
        *,
        artist: str | None = None,
    ) -> RoonMatch:
        """Search Roon, pick the best match and run ``action`` on it in ``zone_id``.

        Matching ignores case, accents and edition annotations (``core.normalize``); an
        ``artist`` breaks ties. The walk from search to action happens in one session, reset
        first and used by nothing else, so no item key outlives the call.
        """
        self._zone(zone_id)
        base = {"hierarchy": "search", "multi_session_key": PLAY_SESSION}
        with self._play_lock:
            self._browse_raw(base | {"pop_all": True, "input": query})
            categories = self._load_all(base, PAGE_SIZE)
            category = next((c for c in categories if c.title == _CATEGORY[kind]), None)
            if category is None:
                raise RoonCommandError(RoonFailure.NOT_FOUND, query)
            self._browse_raw(base | {"item_key": category.item_key})
            best = _best_match(self._load_all(base, SEARCH_LIMIT), query, kind, artist)
            if best is None:
                raise RoonCommandError(RoonFailure.NOT_FOUND, query)
            actions = self._actions_of(base, best)
            chosen = next(
                (
                    i
                    for i in actions
                    if i.hint == "action" and i.title.casefold() == action.casefold()
                ),
                None,
            )
            if chosen is None:
                raise RoonCommandError(RoonFailure.NOT_FOUND, f"{action}: {best.title}")
            self._browse_raw(base | {"item_key": chosen.item_key, "zone_or_output_id": zone_id})
        return RoonMatch(best.title, best.subtitle)

    def _browse_raw(self, opts: dict[str, Any]) -> Mapping[str, Any]:
        result: Mapping[str, Any] = self._request(lambda api: api.browse_browse(opts))
        return result

    def _load_all(self, base: dict[str, Any], limit: int) -> list[RoonBrowseItem]:
        items: list[RoonBrowseItem] = []
        while len(items) < limit:
            page = self.load(
                base["hierarchy"],
                session=base["multi_session_key"],
                offset=len(items),
                count=min(PAGE_SIZE, limit - len(items)),
            )
            items += page.items
            if not page.items or len(items) >= page.count:
                break
        return items

    def _actions_of(self, base: dict[str, Any], item: RoonBrowseItem) -> list[RoonBrowseItem]:
        """A track is an action list; albums, artists, playlists open on a "Play ..." one."""
        if item.hint == "list":
            self._browse_raw(base | {"item_key": item.item_key})
            opening = next(
                (i for i in self._load_all(base, PAGE_SIZE) if i.hint == "action_list"), None
            )
            if opening is None:
                raise RoonCommandError(RoonFailure.NOT_FOUND, f"nothing to play in {item.title}")
            item = opening
        self._browse_raw(base | {"item_key": item.item_key})
        return self._load_all(base, PAGE_SIZE)


def _best_match(
    items: Sequence[RoonBrowseItem], query: str, kind: SearchKind, artist: str | None
) -> RoonBrowseItem | None:
    """The best item: title exact, prefix, contained, or all words found in title + subtitle.

    With ``artist``, items by that artist come first.
    """
    key = _MATCH_KEY[kind]
    wanted = key(query)
    words = set(fold(query).split())
    wanted_artist = artist_key(artist) if artist else ""
    best: tuple[int, int] = (0, 0)
    chosen: RoonBrowseItem | None = None
    for item in items:
        title = key(item.title)
        if title == wanted:
            title_score = 4
        elif title.startswith(wanted):
            title_score = 3
        elif wanted in title:
            title_score = 2
        else:
            title_score = int(words <= set(fold(f"{item.title} {item.subtitle or ''}").split()))
        if not wanted or not title_score:
            continue
        artist_score = int(bool(wanted_artist) and wanted_artist in fold(item.subtitle or ""))
        if (artist_score, title_score) > best:
            best, chosen = (artist_score, title_score), item
    return chosen


def _parse_all[T](raw: Mapping[str, Any], parse: Callable[[Mapping[str, Any]], T]) -> dict[str, T]:
    parsed: dict[str, T] = {}
    for item_id, item in raw.items():
        try:
            parsed[item_id] = parse(item)
        except (KeyError, TypeError, ValueError):
            _LOGGER.warning("Ignoring a malformed Roon object %s", item_id)
    return parsed


def _updated[T](
    current: dict[str, T],
    raw: Mapping[str, Any],
    ids: list[str],
    parse: Callable[[Mapping[str, Any]], T],
) -> dict[str, T]:
    """A new snapshot with ``ids`` re-read, or dropped when gone (copy on write)."""
    updated = dict(current)
    for item_id in ids:
        if item_id not in raw:
            updated.pop(item_id, None)
            continue
        try:
            updated[item_id] = parse(raw[item_id])
        except (KeyError, TypeError, ValueError):
            _LOGGER.warning("Ignoring a malformed Roon object %s", item_id)
    return updated


def _with_seeks(
    current: dict[str, RoonZone], raw: Mapping[str, Any], ids: list[str]
) -> dict[str, RoonZone]:
    """The cheap path for the Core's once-a-second seek updates: only positions change."""
    updated = dict(current)
    for zone_id in ids:
        zone, fresh = updated.get(zone_id), raw.get(zone_id)
        if zone is None or fresh is None:
            continue
        seek = _number(fresh.get("seek_position"))
        now_playing = zone.now_playing and replace(zone.now_playing, seek_position=seek)
        updated[zone_id] = replace(
            zone,
            seek_position=seek,
            now_playing=now_playing,
            queue_time_remaining=int(fresh.get("queue_time_remaining") or 0),
        )
    return updated


def _delays(delays: tuple[float, ...]) -> Iterator[float]:
    yield from delays
    yield from itertools.repeat(delays[-1])


# --- pairing and discovery -------------------------------------------------------------------


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
