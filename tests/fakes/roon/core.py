"""FakeRoonCore: a loopback Roon Core that the real roonapi connects to, unchanged.

It serves, on one aiohttp app on 127.0.0.1, ``GET /api`` (MOO/1 over a websocket, binary
frames) and ``GET /api/image/{key}`` (small PNGs, 404 for unknown keys), on the caller's loop:

    core = await FakeRoonCore().start()      # core.port
    ...
    await core.stop()

What it speaks (protocol notes §2): registry ``info``/``register`` with pending authorization
(``auto_authorize=False`` keeps an unknown extension waiting until ``authorize_pending()``);
transport subscriptions (zones, outputs, queue) answered ``Subscribed`` then pushed
``Changed``; ``get_zones``/``get_outputs``, ``control``, ``pause_all``, ``seek``,
``change_volume``, ``mute``, ``change_settings``, ``group_outputs``/``ungroup_outputs``,
``standby``/``convenience_switch``, ``transfer_zone``; browse ``browse``/``load`` over
``library.Library``; image ``get_image``. Anything else is answered
``COMPLETE InvalidRequest {"error": ...}``; a stale item key ``COMPLETE InvalidItemKey``.

Playing really changes the zone: the queue, ``now_playing`` and ``state`` follow the actions
and are pushed as ``zones_changed``. Time only moves with ``await core.advance(seconds)``,
or by itself once ``core.play_speed`` is set (``60.0``: one real second plays a minute): then
positions follow ``core.monotonic`` (``time.monotonic``), not the number of ticks, so a busy
loop waking up late does not slow the music down (tests replace it and ``core.sleep``).

Test hooks: ``requests`` (every ``(name, body)`` received), ``unanswered`` (request names to
leave without a reply), editable ``zones``/``outputs`` with ``push_zones_changed``/``push``,
``load_queue``, ``rename_zone``, ``add_zone``/``remove_zone``, ``wait_pending``,
``drop_connections`` (``abrupt=True``: a network loss) and ``restart`` (refuse connections for
a moment, come back on the same port with the same core id and tokens), ``ping_clients``.

Default zones: ``zone-living`` "Living Room" (``out-living``, number volume 0-100, playing Kind
of Blue), ``zone-kitchen`` "Kitchen" (``out-kitchen``, dB volume -80..0 step 0.5, stopped; it
groups with the living room), ``zone-office`` "Office" (``out-office``, incremental volume, no
standby, paused on Homogenic). A fixed-volume output: ``add_zone(..., volume=None)``.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Iterable
import contextlib
import copy
from dataclasses import dataclass, field
import itertools
import logging
import time
from typing import Any
import uuid

from aiohttp import WSCloseCode, WSMsgType, web

from .library import (
    ADD_NEXT,
    HIERARCHIES,
    QUEUE,
    START_RADIO,
    BrowseSession,
    InvalidItemKey,
    InvalidLevels,
    Library,
    PlayRequest,
    Track,
)
from .moo import COMPLETE, CONTINUE, REQUEST, MooFormatError, MooMessage, decode, encode
from .zones import (
    Player,
    QueueEntry,
    db_volume,
    incremental_volume,
    now_playing,
    number_volume,
    png,
    snap_volume,
)

_LOGGER = logging.getLogger(__name__)

DEFAULT_CORE_ID = "fake-core-0001"
DEFAULT_CORE_NAME = "Fake Roon Core"
REGISTRY = "com.roonlabs.registry:1"
TRANSPORT = "com.roonlabs.transport:2"
BROWSE = "com.roonlabs.browse:1"
IMAGE = "com.roonlabs.image:1"
PING = "com.roonlabs.ping:1"
PROVIDED_SERVICES = [TRANSPORT, BROWSE, IMAGE]
LOOPS = ("disabled", "loop", "loop_one")
PREVIOUS_RESTARTS_AFTER = 3  # seconds into a track, "previous" restarts it instead


class MooError(Exception):
    """Answer the request ``COMPLETE <name>``, with ``{"error": message}`` when given."""

    def __init__(self, name: str, message: str | None = None) -> None:
        super().__init__(f"{name}: {message}")
        self.name = name
        self.message = message


@dataclass(eq=False)
class Connection:
    """One extension's websocket, its subscriptions and browse sessions."""

    ws: web.WebSocketResponse
    transport: asyncio.Transport | None
    registered: bool = False
    # endpoint -> subscription_key -> (request id, zone the queue subscription follows)
    subscriptions: dict[str, dict[int, tuple[int, str | None]]] = field(default_factory=dict)
    sessions: dict[tuple[str, str | None], BrowseSession] = field(default_factory=dict)
    replies: dict[int, asyncio.Future[MooMessage]] = field(default_factory=dict)
    request_ids: itertools.count[int] = field(default_factory=itertools.count)
    closed: asyncio.Event = field(default_factory=asyncio.Event)


class FakeRoonCore:
    """A Roon Core on 127.0.0.1 with three zones and a small library (see module docstring)."""

    def __init__(
        self,
        *,
        auto_authorize: bool = True,
        valid_tokens: Iterable[str] = (),
        core_id: str = DEFAULT_CORE_ID,
        display_name: str = DEFAULT_CORE_NAME,
        display_version: str = "2.0 (build 1500) production",
        library: Library | None = None,
        default_zones: bool = True,
    ) -> None:
        self.auto_authorize = auto_authorize
        self.valid_tokens = set(valid_tokens)
        self.core_id = core_id
        self.display_name = display_name
        self.display_version = display_version
        self.library = library or Library.default()
        self.zones: dict[str, dict[str, Any]] = {}
        # Image keys served as this SVG instead of a PNG (a hostile or broken Core).
        self.svg_images: dict[str, bytes] = {}
        self.outputs: dict[str, dict[str, Any]] = {}
        self.requests: list[tuple[str, dict[str, Any] | None]] = []
        self.incremental_steps: list[tuple[str, int]] = []
        self.bad_frames: list[bytes | str] = []
        self.unanswered: set[str] = set()  # request names left without a reply
        self.tick_seconds = 1.0
        self.monotonic: Callable[[], float] = time.monotonic
        self.sleep: Callable[[float], Awaitable[None]] = asyncio.sleep
        self.port = 0
        self._play_speed = 0.0
        self._clock: asyncio.Task[None] | None = None
        self._players: dict[str, Player] = {}
        self._queues_sent: dict[str, tuple[int, ...]] = {}
        self._homes: dict[str, tuple[str, str]] = {}  # output -> its own zone id and name
        self._connections: set[Connection] = set()
        self._pending: list[tuple[Connection, int]] = []
        self._pending_added = asyncio.Event()
        self._serials = itertools.count(1)
        self._queue_ids = itertools.count(1)
        self._runner: web.AppRunner | None = None
        self._site: web.TCPSite | None = None
        self._handlers = {
            f"{REGISTRY}/info": self._info,
            f"{REGISTRY}/register": self._register,
            f"{TRANSPORT}/subscribe_zones": self._subscribe,
            f"{TRANSPORT}/subscribe_outputs": self._subscribe,
            f"{TRANSPORT}/subscribe_queue": self._subscribe,
            f"{TRANSPORT}/unsubscribe_zones": self._unsubscribe,
            f"{TRANSPORT}/unsubscribe_outputs": self._unsubscribe,
            f"{TRANSPORT}/unsubscribe_queue": self._unsubscribe,
            f"{TRANSPORT}/get_zones": self._get_zones,
            f"{TRANSPORT}/get_outputs": self._get_outputs,
            f"{TRANSPORT}/control": self._control,
            f"{TRANSPORT}/pause_all": self._pause_all,
            f"{TRANSPORT}/seek": self._seek,
            f"{TRANSPORT}/change_volume": self._change_volume,
            f"{TRANSPORT}/mute": self._mute,
            f"{TRANSPORT}/change_settings": self._change_settings,
            f"{TRANSPORT}/group_outputs": self._group_outputs,
            f"{TRANSPORT}/ungroup_outputs": self._ungroup_outputs,
            f"{TRANSPORT}/standby": self._standby,
            f"{TRANSPORT}/convenience_switch": self._convenience_switch,
            f"{TRANSPORT}/transfer_zone": self._transfer_zone,
            f"{BROWSE}/browse": self._browse,
            f"{BROWSE}/load": self._load,
            f"{IMAGE}/get_image": self._get_image,
        }
        if default_zones:
            self._add_default_zones()

    # --- server --------------------------------------------------------------------------

    async def start(self, port: int = 0) -> FakeRoonCore:
        """Serve on 127.0.0.1 (a free port unless given), on the running loop."""
        app = web.Application()
        app.router.add_get("/api", self._websocket)
        app.router.add_get("/api/image/{image_key}", self._image)
        self._runner = web.AppRunner(app, access_log=None)
        await self._runner.setup()
        self._site = web.TCPSite(self._runner, "127.0.0.1", port)
        await self._site.start()
        self.port = self._runner.addresses[0][1]
        self._sync_clock()
        return self

    async def stop(self) -> None:
        """Close every connection and stop serving."""
        if self._clock is not None:
            self._clock.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._clock
            self._clock = None
        if self._site is not None:
            await self._site.stop()
            self._site = None
        await self.drop_connections()
        if self._runner is not None:
            await self._runner.cleanup()
            self._runner = None

    async def drop_connections(self, *, abrupt: bool = False) -> None:
        """Close every websocket (``abrupt``: cut the TCP connection, as a network loss)."""
        connections = list(self._connections)
        self._pending.clear()
        for conn in connections:
            if abrupt and conn.transport is not None:
                conn.transport.abort()
            else:
                await conn.ws.close(code=WSCloseCode.GOING_AWAY, message=b"core restarting")
        for conn in connections:
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(conn.closed.wait(), 5)

    async def restart(self, downtime: float = 0.3) -> None:
        """A Core restart: drop everyone, refuse connections for ``downtime``, come back."""
        assert self._runner is not None, "start() the core first"
        if self._site is not None:
            await self._site.stop()
        await self.drop_connections()
        await asyncio.sleep(downtime)
        self._site = web.TCPSite(self._runner, "127.0.0.1", self.port)
        await self._site.start()

    @property
    def connection_count(self) -> int:
        return len(self._connections)

    @property
    def pending_registrations(self) -> int:
        """Extensions waiting for the user to enable them."""
        return len(self._pending)

    async def wait_pending(self) -> None:
        """Wait until an extension waits for the user to enable it."""
        while not self._pending:
            self._pending_added.clear()
            await self._pending_added.wait()

    def request_names(self) -> list[str]:
        """The method part of every request received, in order."""
        return [name.rsplit("/", 1)[-1] for name, _ in self.requests]

    async def authorize_pending(self) -> int:
        """The user clicks *Enable* in Roon: every waiting extension gets its token."""
        pending, self._pending = self._pending, []
        for conn, request_id in pending:
            token = uuid.uuid4().hex
            self.valid_tokens.add(token)
            await self._registered(conn, request_id, token)
        return len(pending)

    async def ping_clients(self, within: float = 2.0) -> int:
        """Ping every registered extension; return how many answered ``Success``."""
        waits = []
        for conn in list(self._connections):
            if conn.registered:
                request_id = next(conn.request_ids)
                reply = conn.replies[request_id] = asyncio.get_running_loop().create_future()
                await self._send(conn, encode(REQUEST, f"{PING}/ping", request_id))
                waits.append(reply)
        if not waits:
            return 0
        done, pending = await asyncio.wait(waits, timeout=within)
        for reply in pending:
            reply.cancel()
        return sum(1 for reply in done if reply.result().name == "Success")

    # --- time ----------------------------------------------------------------------------

    @property
    def play_speed(self) -> float:
        """Seconds of music played per real second; 0 (the default) stops the clock."""
        return self._play_speed

    @play_speed.setter
    def play_speed(self, speed: float) -> None:
        self._play_speed = speed
        self._sync_clock()

    def _sync_clock(self) -> None:
        running = self._clock is not None and not self._clock.done()
        if self._play_speed > 0 and not running and self._runner is not None:
            self._clock = asyncio.get_running_loop().create_task(self._tick())
        elif self._play_speed <= 0 and running and self._clock is not None:
            self._clock.cancel()
            self._clock = None

    async def _tick(self) -> None:
        # Each tick plays the time the clock says passed, however late it woke up: the music
        # played is the clock's elapsed time (times the speed), as on a real Core.
        last = self.monotonic()
        while True:
            await self.sleep(self.tick_seconds)
            now = self.monotonic()
            await self.advance((now - last) * self._play_speed)
            last = now

    async def advance(self, seconds: float) -> None:
        """Play ``seconds`` in every playing zone: seeks move, tracks end, queues run out."""
        changed: list[str] = []
        seeks: list[dict[str, Any]] = []
        for zone_id, zone in list(self.zones.items()):
            if zone["state"] != "playing":
                continue
            if self._play_for(zone_id, seconds):
                changed.append(zone_id)
            else:
                self._render(zone_id)
                seeks.append(self._seek_change(zone_id))
        if changed:
            await self._zones_changed(*changed)
        if seeks:
            await self._push("zones", {"zones_seek_changed": seeks})

    def _play_for(self, zone_id: str, seconds: float) -> bool:
        """Move the zone's position on; return whether the track changed."""
        zone, player = self.zones[zone_id], self._players[zone_id]
        remaining, changed = seconds, False
        for _ in range(10_000):  # Enough for hours of looping through short tracks.
            entry = player.current
            if entry is None or remaining <= 0:
                break
            if entry.length is None:  # Live radio never ends.
                player.position += remaining
                break
            left = entry.length - player.position
            if remaining < left:
                player.position += remaining
                break
            remaining -= left
            changed = True
            loop = zone["settings"]["loop"]
            if loop == "loop_one":
                player.position = 0
            elif player.index + 1 < len(player.entries) or loop == "loop":
                player.index = (player.index + 1) % len(player.entries)
                player.position = 0
            else:
                self._players[zone_id] = player = Player()
                zone["state"] = "stopped"
        return changed

    # --- zones ---------------------------------------------------------------------------

    def _add_default_zones(self) -> None:
        self._new_zone(
            "zone-living",
            "Living Room",
            "out-living",
            volume=number_volume(35),
            groupable=("out-kitchen",),
        )
        self._new_zone(
            "zone-kitchen",
            "Kitchen",
            "out-kitchen",
            volume=db_volume(-30),
            groupable=("out-living",),
        )
        self._new_zone(
            "zone-office",
            "Office",
            "out-office",
            volume=incremental_volume(),
            supports_standby=False,
        )
        kind_of_blue = self.library.album("Kind of Blue").tracks
        self.load_queue("zone-living", kind_of_blue, position=42, state="playing")
        self.load_queue("zone-office", self.library.album("Homogenic").tracks, 1, 60, "paused")

    def _new_zone(
        self,
        zone_id: str,
        name: str,
        output_id: str,
        *,
        volume: dict[str, Any] | None,
        groupable: Iterable[str] = (),
        supports_standby: bool = True,
    ) -> None:
        output: dict[str, Any] = {
            "output_id": output_id,
            "zone_id": zone_id,
            "display_name": name,
            "state": "stopped",
            "source_controls": [
                {
                    "control_key": "1",
                    "display_name": f"{name} amplifier",
                    "supports_standby": supports_standby,
                    "status": "selected",
                }
            ],
            "can_group_with_output_ids": [output_id, *groupable],
        }
        if volume is not None:
            output["volume"] = volume
        self.outputs[output_id] = output
        self._homes[output_id] = (zone_id, name)
        self._make_zone(zone_id, name, [output_id])

    def _make_zone(self, zone_id: str, name: str, output_ids: list[str]) -> dict[str, Any]:
        zone: dict[str, Any] = {
            "zone_id": zone_id,
            "display_name": name,
            "outputs": [{"output_id": output_id} for output_id in output_ids],
            "state": "stopped",
            "settings": {"loop": "disabled", "shuffle": False, "auto_radio": True},
        }
        self.zones[zone_id] = zone
        self._players[zone_id] = Player()
        for output_id in output_ids:
            self.outputs[output_id]["zone_id"] = zone_id
        self._render(zone_id)
        return zone

    def load_queue(
        self,
        zone_id: str,
        tracks: Iterable[Track],
        index: int = 0,
        position: float = 0,
        state: str = "playing",
    ) -> None:
        """Put ``tracks`` in the zone's queue (no push: set up state before clients connect)."""
        entries = [QueueEntry(next(self._queue_ids), track=track) for track in tracks]
        self._players[zone_id] = Player(entries, index, position)
        self.zones[zone_id]["state"] = state if entries else "stopped"
        self._render(zone_id)

    def player(self, zone_id: str) -> Player:
        return self._players[zone_id]

    async def add_zone(
        self,
        zone_id: str,
        name: str,
        output_id: str,
        *,
        volume: dict[str, Any] | None = None,
        groupable: Iterable[str] = (),
        supports_standby: bool = True,
    ) -> None:
        """A new zone appears (``volume=None``: a fixed-volume output); pushed as added."""
        self._new_zone(
            zone_id,
            name,
            output_id,
            volume=volume,
            groupable=groupable,
            supports_standby=supports_standby,
        )
        await self._push("zones", {"zones_added": [self.zones[zone_id]]})
        await self._push("outputs", {"outputs_added": [self.outputs[output_id]]})

    async def remove_zone(self, zone_id: str) -> None:
        """A zone disappears with its outputs; pushed as removed."""
        zone = self.zones.pop(zone_id)
        self._players.pop(zone_id, None)
        output_ids = [output["output_id"] for output in zone["outputs"]]
        for output_id in output_ids:
            self.outputs.pop(output_id, None)
        await self._push("zones", {"zones_removed": [zone_id]})
        await self._push("outputs", {"outputs_removed": output_ids})

    async def rename_zone(self, zone_id: str, name: str) -> None:
        """The user renames a (single-output) zone in Roon."""
        zone = self.zones[zone_id]
        zone["display_name"] = name
        for output in zone["outputs"]:
            self.outputs[output["output_id"]]["display_name"] = name
            self._homes[output["output_id"]] = (zone_id, name)
        await self._outputs_changed(*(output["output_id"] for output in zone["outputs"]))

    async def push_zones_changed(self, *zone_ids: str) -> None:
        """Push the zones exactly as ``core.zones`` holds them now."""
        await self._push("zones", {"zones_changed": [self.zones[z] for z in zone_ids]})

    async def push(self, endpoint: str, body: dict[str, Any]) -> None:
        """Push any ``Changed`` body on the ``zones``, ``outputs`` or ``queue`` subscriptions."""
        await self._push(endpoint, body)

    def _render(self, zone_id: str) -> None:
        """Write the player's state into the zone and its outputs."""
        zone, player = self.zones[zone_id], self._players[zone_id]
        entry = player.current
        if entry is None:
            zone["state"] = "stopped"
            zone.pop("now_playing", None)
            zone.pop("seek_position", None)
            remaining: list[QueueEntry] = []
        else:
            zone["seek_position"] = int(player.position)
            zone["now_playing"] = now_playing(entry, int(player.position))
            remaining = player.entries[player.index :]
        seekable = entry is not None and entry.length is not None
        more = player.index + 1 < len(player.entries) or zone["settings"]["loop"] == "loop"
        zone["is_seek_allowed"] = seekable
        zone["is_previous_allowed"] = seekable
        zone["is_next_allowed"] = seekable and more
        zone["is_pause_allowed"] = zone["state"] in ("playing", "loading")
        zone["is_play_allowed"] = entry is not None and not zone["is_pause_allowed"]
        zone["queue_items_remaining"] = len(remaining)
        zone["queue_time_remaining"] = max(
            0, sum(item.length or 0 for item in remaining) - int(player.position)
        )
        for output in zone["outputs"]:
            self.outputs[output["output_id"]]["state"] = zone["state"]
        self._sync_outputs(zone_id)

    def _sync_outputs(self, zone_id: str) -> None:
        zone = self.zones[zone_id]
        zone["outputs"] = [
            copy.deepcopy(self.outputs[output["output_id"]])
            for output in zone["outputs"]
            if output["output_id"] in self.outputs
        ]

    def _seek_change(self, zone_id: str) -> dict[str, Any]:
        zone = self.zones[zone_id]
        return {
            "zone_id": zone_id,
            "seek_position": zone.get("seek_position"),
            "queue_time_remaining": zone["queue_time_remaining"],
        }

    def _zone_id(self, body: dict[str, Any] | None, key: str = "zone_or_output_id") -> str:
        ident = (body or {}).get(key)
        if ident in self.zones:
            return str(ident)
        if ident in self.outputs:
            return str(self.outputs[ident]["zone_id"])
        raise MooError("InvalidRequest", "zone not found")

    def _output(self, body: dict[str, Any] | None) -> dict[str, Any]:
        output = self.outputs.get((body or {}).get("output_id", ""))
        if output is None:
            raise MooError("InvalidRequest", "output not found")
        return output

    async def _zones_changed(self, *zone_ids: str) -> None:
        for zone_id in zone_ids:
            self._render(zone_id)
        await self._push("zones", {"zones_changed": [self.zones[z] for z in zone_ids]})
        for zone_id in zone_ids:
            await self._push_queue(zone_id)

    async def _outputs_changed(self, *output_ids: str) -> None:
        await self._push("outputs", {"outputs_changed": [self.outputs[o] for o in output_ids]})
        zone_ids = dict.fromkeys(self.outputs[o]["zone_id"] for o in output_ids)
        await self._zones_changed(*zone_ids)

    # --- connections ---------------------------------------------------------------------

    async def _websocket(self, request: web.Request) -> web.WebSocketResponse:
        ws = web.WebSocketResponse(timeout=2.0)
        await ws.prepare(request)
        conn = Connection(ws, request.transport)
        self._connections.add(conn)
        try:
            async for frame in ws:
                if frame.type in (WSMsgType.BINARY, WSMsgType.TEXT):
                    await self._on_frame(conn, frame.data)
        finally:
            self._connections.discard(conn)
            self._pending = [(c, rid) for c, rid in self._pending if c is not conn]
            for reply in conn.replies.values():
                reply.cancel()
            conn.closed.set()
        return ws

    async def _on_frame(self, conn: Connection, data: bytes | str) -> None:
        try:
            message = decode(data)
        except MooFormatError:
            _LOGGER.warning("Bad MOO frame %r", data)
            self.bad_frames.append(data)
            return
        if message.verb != REQUEST:
            reply = conn.replies.pop(message.request_id, None)
            if reply is not None and not reply.done():
                reply.set_result(message)
            return
        self.requests.append((message.name, message.body))
        if message.name in self.unanswered:
            return
        handler = self._handlers.get(message.name)
        try:
            if handler is None:
                raise MooError("InvalidRequest", f"unknown request {message.name}")
            if not conn.registered and not message.name.startswith(REGISTRY):
                raise MooError("InvalidRequest", "extension not registered")
            await handler(conn, message)
        except MooError as err:
            body = {"error": err.message} if err.message else None
            await self._complete(conn, message.request_id, err.name, body)
        except (KeyError, TypeError, ValueError) as err:
            await self._complete(conn, message.request_id, "InvalidRequest", {"error": repr(err)})

    async def _send(self, conn: Connection, frame: bytes) -> None:
        if conn.ws.closed:
            return
        with contextlib.suppress(ConnectionError, RuntimeError):
            await conn.ws.send_bytes(frame)

    async def _complete(
        self,
        conn: Connection,
        request_id: int,
        name: str = "Success",
        body: dict[str, Any] | bytes | None = None,
        content_type: str = "application/json",
    ) -> None:
        frame = encode(COMPLETE, name, request_id, body, content_type=content_type)
        await self._send(conn, frame)

    async def _push(self, endpoint: str, body: dict[str, Any], zone_id: str | None = None) -> None:
        for conn in list(self._connections):
            for request_id, followed in list(conn.subscriptions.get(endpoint, {}).values()):
                if followed is None or followed == zone_id:
                    await self._send(conn, encode(CONTINUE, "Changed", request_id, body))

    # --- registry ------------------------------------------------------------------------

    async def _info(self, conn: Connection, message: MooMessage) -> None:
        await self._complete(conn, message.request_id, body=self._core_info())

    def _core_info(self) -> dict[str, Any]:
        return {
            "core_id": self.core_id,
            "display_name": self.display_name,
            "display_version": self.display_version,
        }

    async def _register(self, conn: Connection, message: MooMessage) -> None:
        body = message.body or {}
        if not body.get("extension_id"):
            raise MooError("InvalidRequest", "extension_id is required")
        token = body.get("token")
        if token in self.valid_tokens:
            await self._registered(conn, message.request_id, str(token))
        elif self.auto_authorize:
            token = uuid.uuid4().hex
            self.valid_tokens.add(token)
            await self._registered(conn, message.request_id, token)
        else:
            self._pending.append((conn, message.request_id))
            self._pending_added.set()

    async def _registered(self, conn: Connection, request_id: int, token: str) -> None:
        conn.registered = True
        body = self._core_info() | {
            "token": token,
            "provided_services": PROVIDED_SERVICES,
            "http_port": self.port,
        }
        await self._send(conn, encode(CONTINUE, "Registered", request_id, body))

    # --- transport -----------------------------------------------------------------------

    async def _subscribe(self, conn: Connection, message: MooMessage) -> None:
        body = message.body or {}
        endpoint = message.name.rsplit("/subscribe_", 1)[1]
        followed = self._zone_id(body) if endpoint == "queue" else None
        key = int(body["subscription_key"])
        conn.subscriptions.setdefault(endpoint, {})[key] = (message.request_id, followed)
        if endpoint == "zones":
            data: dict[str, Any] = {"zones": list(self.zones.values())}
        elif endpoint == "outputs":
            data = {"outputs": list(self.outputs.values())}
        else:
            assert followed is not None
            data = {"items": self._queue_items(followed)}
            self._queues_sent[followed] = tuple(item["queue_item_id"] for item in data["items"])
        await self._send(conn, encode(CONTINUE, "Subscribed", message.request_id, data))

    async def _unsubscribe(self, conn: Connection, message: MooMessage) -> None:
        endpoint = message.name.rsplit("/unsubscribe_", 1)[1]
        key = int((message.body or {})["subscription_key"])
        conn.subscriptions.get(endpoint, {}).pop(key, None)
        await self._complete(conn, message.request_id, "Unsubscribed")

    def _queue_items(self, zone_id: str) -> list[dict[str, Any]]:
        player = self._players[zone_id]
        items = []
        for entry in player.entries[player.index :]:
            item = now_playing(entry, 0)
            del item["seek_position"]
            items.append({"queue_item_id": entry.queue_item_id, **item})
        return items

    async def _push_queue(self, zone_id: str) -> None:
        items = self._queue_items(zone_id)
        ids = tuple(item["queue_item_id"] for item in items)
        before = self._queues_sent.get(zone_id, ())
        if ids == before:
            return
        self._queues_sent[zone_id] = ids
        changes = [
            {"operation": "remove", "index": 0, "count": len(before)},
            {"operation": "insert", "index": 0, "items": items},
        ]
        await self._push("queue", {"changes": changes}, zone_id)

    async def _get_zones(self, conn: Connection, message: MooMessage) -> None:
        await self._complete(conn, message.request_id, body={"zones": list(self.zones.values())})

    async def _get_outputs(self, conn: Connection, message: MooMessage) -> None:
        body = {"outputs": list(self.outputs.values())}
        await self._complete(conn, message.request_id, body=body)

    async def _control(self, conn: Connection, message: MooMessage) -> None:
        zone_id = self._zone_id(message.body)
        zone, player = self.zones[zone_id], self._players[zone_id]
        control = (message.body or {}).get("control")
        if control == "playpause":
            control = "pause" if zone["state"] == "playing" else "play"
        entry = player.current
        if control in ("next", "previous") and entry is not None and entry.length is None:
            raise MooError("InvalidRequest", "not allowed on live radio")
        if control == "play" and entry is not None:
            zone["state"] = "playing"
        elif control == "pause" and zone["state"] in ("playing", "loading"):
            zone["state"] = "paused"
        elif control == "stop" and entry is not None:
            zone["state"] = "stopped"
        elif control == "next" and entry is not None:
            self._skip_forward(zone_id)
        elif control == "previous" and entry is not None:
            if player.position > PREVIOUS_RESTARTS_AFTER or player.index == 0:
                player.position = 0
            else:
                player.index -= 1
                player.position = 0
        elif control not in ("play", "pause", "stop", "next", "previous"):
            raise MooError("InvalidRequest", f"unknown control {control!r}")
        await self._complete(conn, message.request_id)
        await self._zones_changed(zone_id)

    def _skip_forward(self, zone_id: str) -> None:
        zone, player = self.zones[zone_id], self._players[zone_id]
        if player.index + 1 < len(player.entries) or zone["settings"]["loop"] == "loop":
            player.index = (player.index + 1) % len(player.entries)
            player.position = 0
        else:
            self._players[zone_id] = Player()
            zone["state"] = "stopped"

    async def _pause_all(self, conn: Connection, message: MooMessage) -> None:
        playing = [zone_id for zone_id, zone in self.zones.items() if zone["state"] == "playing"]
        for zone_id in playing:
            self.zones[zone_id]["state"] = "paused"
        await self._complete(conn, message.request_id)
        if playing:
            await self._zones_changed(*playing)

    async def _seek(self, conn: Connection, message: MooMessage) -> None:
        body = message.body or {}
        zone_id = self._zone_id(body)
        player = self._players[zone_id]
        entry = player.current
        if entry is None or entry.length is None:
            raise MooError("InvalidRequest", "seek is not allowed")
        seconds = float(body["seconds"])
        if body.get("how") == "relative":
            seconds += player.position
        elif body.get("how") != "absolute":
            raise MooError("InvalidRequest", "how must be absolute or relative")
        player.position = min(max(seconds, 0), entry.length)
        self._render(zone_id)
        await self._complete(conn, message.request_id)
        await self._push("zones", {"zones_seek_changed": [self._seek_change(zone_id)]})

    async def _change_volume(self, conn: Connection, message: MooMessage) -> None:
        body = message.body or {}
        output = self._output(body)
        volume = output.get("volume")
        how, value = body.get("how"), float(body["value"])
        if volume is None:
            raise MooError("InvalidRequest", "this output has a fixed volume")
        if volume["type"] == "incremental":
            if how != "relative_step":
                raise MooError("InvalidRequest", "incremental volume only takes relative_step")
            self.incremental_steps.append((output["output_id"], int(value)))
            await self._complete(conn, message.request_id)
            return
        current = volume["value"]
        if how == "absolute":
            target = value
        elif how == "relative":
            target = current + value
        elif how == "relative_step":
            target = current + value * volume["step"]
        else:
            raise MooError("InvalidRequest", f"unknown how {how!r}")
        volume["value"] = snap_volume(target, volume["min"], volume["max"], volume["step"])
        await self._complete(conn, message.request_id)
        await self._outputs_changed(output["output_id"])

    async def _mute(self, conn: Connection, message: MooMessage) -> None:
        body = message.body or {}
        output = self._output(body)
        if "volume" not in output:
            raise MooError("InvalidRequest", "this output has a fixed volume")
        if body.get("how") not in ("mute", "unmute"):
            raise MooError("InvalidRequest", "how must be mute or unmute")
        output["volume"]["is_muted"] = body["how"] == "mute"
        await self._complete(conn, message.request_id)
        await self._outputs_changed(output["output_id"])

    async def _change_settings(self, conn: Connection, message: MooMessage) -> None:
        body = message.body or {}
        zone_id = self._zone_id(body)
        settings = self.zones[zone_id]["settings"]
        if "loop" in body:
            loop = body["loop"]
            if loop == "next":
                loop = LOOPS[(LOOPS.index(settings["loop"]) + 1) % len(LOOPS)]
            if loop not in LOOPS:
                raise MooError("InvalidRequest", f"unknown loop {loop!r}")
            settings["loop"] = loop
        for flag in ("shuffle", "auto_radio"):
            if flag in body:
                settings[flag] = bool(body[flag])
        await self._complete(conn, message.request_id)
        await self._zones_changed(zone_id)

    async def _group_outputs(self, conn: Connection, message: MooMessage) -> None:
        output_ids = list((message.body or {}).get("output_ids") or [])
        unknown = [o for o in output_ids if o not in self.outputs]
        if len(output_ids) < 2 or unknown:
            raise MooError("InvalidRequest", "give at least two known output ids")
        main = output_ids[0]
        allowed = self.outputs[main]["can_group_with_output_ids"]
        if any(output_id not in allowed for output_id in output_ids):
            raise MooError("InvalidRequest", "these outputs cannot be grouped")
        main_zone_id = self.outputs[main]["zone_id"]
        removed: list[str] = []
        changed = [main_zone_id]
        for output_id in output_ids[1:]:
            old_zone_id = self.outputs[output_id]["zone_id"]
            if old_zone_id == main_zone_id:
                continue
            old_zone = self.zones[old_zone_id]
            old_zone["outputs"] = [o for o in old_zone["outputs"] if o["output_id"] != output_id]
            if old_zone["outputs"]:
                changed.append(old_zone_id)
            else:
                del self.zones[old_zone_id]
                self._players.pop(old_zone_id, None)
                removed.append(old_zone_id)
            self.zones[main_zone_id]["outputs"].append({"output_id": output_id})
            self.outputs[output_id]["zone_id"] = main_zone_id
        for zone_id in changed:
            self._rename_group(zone_id)
            self._render(zone_id)
        await self._complete(conn, message.request_id)
        body: dict[str, Any] = {"zones_changed": [self.zones[z] for z in changed]}
        if removed:
            body = {"zones_removed": removed} | body
        await self._push("zones", body)
        await self._push("outputs", {"outputs_changed": [self.outputs[o] for o in output_ids]})

    async def _ungroup_outputs(self, conn: Connection, message: MooMessage) -> None:
        output_ids = list((message.body or {}).get("output_ids") or [])
        if not output_ids or any(o not in self.outputs for o in output_ids):
            raise MooError("InvalidRequest", "give known output ids")
        added: list[str] = []
        changed: list[str] = []
        moved: list[str] = []
        for zone_id in dict.fromkeys(self.outputs[o]["zone_id"] for o in output_ids):
            members = [o["output_id"] for o in self.zones[zone_id]["outputs"]]
            if len(members) < 2:
                continue
            leaving = (
                members[1:] if members[0] in output_ids else [o for o in members if o in output_ids]
            )
            self.zones[zone_id]["outputs"] = [{"output_id": o} for o in members if o not in leaving]
            for output_id in leaving:
                home_id, home_name = self._homes[output_id]
                new_id = home_id if home_id not in self.zones else f"zone-{output_id}"
                self._make_zone(new_id, home_name, [output_id])
                added.append(new_id)
                moved.append(output_id)
            self._rename_group(zone_id)
            self._render(zone_id)
            changed.append(zone_id)
        await self._complete(conn, message.request_id)
        if added or changed:
            body = {
                "zones_added": [self.zones[z] for z in added],
                "zones_changed": [self.zones[z] for z in changed],
            }
            await self._push("zones", body)
            await self._push("outputs", {"outputs_changed": [self.outputs[o] for o in moved]})

    def _rename_group(self, zone_id: str) -> None:
        zone = self.zones[zone_id]
        names = [self.outputs[o["output_id"]]["display_name"] for o in zone["outputs"]]
        zone["display_name"] = " + ".join(names)

    async def _standby(self, conn: Connection, message: MooMessage) -> None:
        body = message.body or {}
        output = self._output(body)
        key = body.get("control_key")
        controls = [
            control
            for control in output["source_controls"]
            if control["supports_standby"] and key in (None, control["control_key"])
        ]
        if not controls:
            raise MooError("InvalidRequest", "no source control supports standby")
        for control in controls:
            control["status"] = "standby"
        zone = self.zones[output["zone_id"]]
        if zone["state"] == "playing":
            zone["state"] = "paused"
        await self._complete(conn, message.request_id)
        await self._outputs_changed(output["output_id"])

    async def _convenience_switch(self, conn: Connection, message: MooMessage) -> None:
        body = message.body or {}
        output = self._output(body)
        key = body.get("control_key")
        for control in output["source_controls"]:
            if key in (None, control["control_key"]):
                control["status"] = "selected"
        await self._complete(conn, message.request_id)
        await self._outputs_changed(output["output_id"])

    async def _transfer_zone(self, conn: Connection, message: MooMessage) -> None:
        body = message.body or {}
        source = self._zone_id(body, "from_zone_or_output_id")
        target = self._zone_id(body, "to_zone_or_output_id")
        if source != target:
            self._players[target] = self._players[source]
            self._players[source] = Player()
            self.zones[target]["state"] = self.zones[source]["state"]
            self.zones[source]["state"] = "stopped"
        await self._complete(conn, message.request_id)
        await self._zones_changed(source, target)

    # --- browse --------------------------------------------------------------------------

    def _session(self, conn: Connection, body: dict[str, Any]) -> BrowseSession:
        hierarchy = body.get("hierarchy")
        if hierarchy not in HIERARCHIES:
            raise MooError("InvalidHierarchy")
        key = (str(hierarchy), body.get("multi_session_key"))
        if key not in conn.sessions:
            conn.sessions[key] = BrowseSession(self.library, str(hierarchy), self._serials)
        return conn.sessions[key]

    async def _browse(self, conn: Connection, message: MooMessage) -> None:
        body = message.body or {}
        session = self._session(conn, body)
        item_key = body.get("item_key")
        if body.get("pop_all"):
            session.reset(body.get("input"))
        elif body.get("pop_levels"):
            session.pop(int(body["pop_levels"]))
        elif item_key is not None:
            try:
                depth, node = session.lookup(str(item_key))
            except InvalidItemKey:
                raise MooError("InvalidItemKey") from None
            if node.hint in ("list", "action_list"):
                session.enter(depth, node)
            elif node.play is not None:
                await self._run_action(conn, message, node.play, session)
                return
            else:
                await self._complete(conn, message.request_id, body={"action": "none"})
                return
        elif body.get("input") is not None:
            session.reset(body["input"])
        if "set_display_offset" in body:
            session.top.display_offset = body["set_display_offset"]
        reply = {"action": "list", "list": session.list_info()}
        await self._complete(conn, message.request_id, body=reply)

    async def _run_action(
        self, conn: Connection, message: MooMessage, play: PlayRequest, session: BrowseSession
    ) -> None:
        """Run an action; a station played from its list answers with that list, as roonapi
        expects (``play_media`` reads its count), the actions of an action list with none."""
        try:
            zone_id = self._zone_id(message.body)
        except MooError:
            reply = {"action": "message", "message": "Zone is not configured", "is_error": True}
            await self._complete(conn, message.request_id, body=reply)
            return
        if play.station is not None:
            reply = {"action": "list", "list": session.list_info()}
        else:
            reply = {"action": "none"}
        await self._complete(conn, message.request_id, body=reply)
        await self._play(zone_id, play)

    async def _play(self, zone_id: str, play: PlayRequest) -> None:
        zone, player = self.zones[zone_id], self._players[zone_id]
        entries = [QueueEntry(next(self._queue_ids), track=track) for track in play.tracks]
        if play.station is not None:
            entries = [QueueEntry(next(self._queue_ids), station=play.station)]
        if player.current is None or play.station or play.action not in (ADD_NEXT, QUEUE):
            self._players[zone_id] = Player(entries)
            zone["state"] = "playing"
            if play.action == START_RADIO:
                zone["settings"]["auto_radio"] = True
        elif play.action == ADD_NEXT:
            player.entries[player.index + 1 : player.index + 1] = entries
        else:
            player.entries.extend(entries)
        await self._zones_changed(zone_id)

    async def _load(self, conn: Connection, message: MooMessage) -> None:
        body = message.body or {}
        session = self._session(conn, body)
        level = body.get("level")
        try:
            page = session.load(
                int(body.get("offset") or 0),
                int(body.get("count") or 100),
                None if level is None else int(level),
            )
        except InvalidLevels:
            raise MooError("InvalidLevels") from None
        await self._complete(conn, message.request_id, body=page)

    # --- images --------------------------------------------------------------------------

    def known_image(self, image_key: str) -> bool:
        if image_key in self.library.image_keys():
            return True
        return any(
            image_key == (zone.get("now_playing") or {}).get("image_key")
            for zone in self.zones.values()
        )

    async def _get_image(self, conn: Connection, message: MooMessage) -> None:
        body = message.body or {}
        image_key = str(body.get("image_key"))
        if not self.known_image(image_key):
            raise MooError("NotFound")
        image = png(image_key, int(body.get("width") or 8))
        await self._complete(conn, message.request_id, body=image, content_type="image/png")

    async def _image(self, request: web.Request) -> web.Response:
        image_key = request.match_info["image_key"]
        if not self.known_image(image_key):
            raise web.HTTPNotFound
        if image_key in self.svg_images:
            return web.Response(body=self.svg_images[image_key], content_type="image/svg+xml")
        size = int(request.query.get("width") or 8)
        return web.Response(body=png(image_key, size), content_type="image/png")
