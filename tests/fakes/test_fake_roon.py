"""The fake Roon Core, checked at the protocol level: raw MOO/1 frames and the real roonapi.

The core runs on the hass loop; roonapi runs in the executor (it blocks and has threads).
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from functools import partial
import itertools
from typing import Any

import aiohttp
from homeassistant.core import HomeAssistant
import pytest

from custom_components.aime.clients.roon import APPINFO, IsolatedRoonApi, stop_roonapi_and_join

from .roon import DEFAULT_CORE_ID, FakeRoonCore
from .roon.harness import ChangeLog
from .roon.moo import COMPLETE, CONTINUE, REQUEST, MooMessage, decode, encode
from .roon.zones import QueueEntry

HOST = "127.0.0.1"
TRANSPORT = "com.roonlabs.transport:2"
BROWSE = "com.roonlabs.browse:1"
SUCCESS = "MOO/1 COMPLETE Success"


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """The fake needs neither the recorder nor the integration."""


@pytest.fixture
async def core(hass: HomeAssistant, socket_enabled: None) -> AsyncGenerator[FakeRoonCore]:
    fake = await FakeRoonCore().start()
    yield fake
    await fake.stop()


@pytest.fixture
async def api(hass: HomeAssistant, core: FakeRoonCore) -> AsyncGenerator[Any]:
    """The real roonapi (per-instance state), registered with the fake."""
    started = await hass.async_add_executor_job(
        partial(
            IsolatedRoonApi,
            APPINFO,
            None,
            HOST,
            core.port,
            init_timeout=5,
            reconnect_delay=None,
        )
    )
    assert started.connected
    yield started
    assert await hass.async_add_executor_job(stop_roonapi_and_join, started) == []


@pytest.fixture
def changes(hass: HomeAssistant, api: Any) -> ChangeLog:
    log = ChangeLog(hass.loop)
    api.register_state_callback(log)
    return log


async def _run(hass: HomeAssistant, function: Any, *args: Any) -> Any:
    return await hass.async_add_executor_job(partial(function, *args))


class MooClient:
    """A bare MOO/1 client: checks every frame the core sends."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws
        self.pushes: list[MooMessage] = []
        self._ids = itertools.count(10)

    async def send(self, name: str, body: dict[str, Any] | None = None) -> int:
        request_id = next(self._ids)
        await self.ws.send_bytes(encode(REQUEST, name, request_id, body))
        return request_id

    async def receive(self) -> MooMessage:
        frame = await self.ws.receive(timeout=5)
        assert frame.type is aiohttp.WSMsgType.BINARY
        head, _, payload = frame.data.partition(b"\n\n")
        assert (b"Content-Type: " in head) == bool(payload)
        assert payload != b"{}"
        return decode(frame.data)

    async def call(self, name: str, body: dict[str, Any] | None = None) -> MooMessage:
        request_id = await self.send(name, body)
        while (message := await self.receive()).request_id != request_id:
            self.pushes.append(message)
        return message


@pytest.fixture
async def moo(core: FakeRoonCore) -> AsyncGenerator[MooClient]:
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(f"http://{HOST}:{core.port}/api") as ws,
    ):
        yield MooClient(ws)


# --- framing, registration -----------------------------------------------------------------------


async def test_frames_and_registration(core: FakeRoonCore, moo: MooClient) -> None:
    """Binary frames, Content-Type with every body, no empty body; services need registering."""
    refused = await moo.call(f"{TRANSPORT}/get_zones")
    assert (refused.name, refused.body) == ("InvalidRequest", {"error": "extension not registered"})

    info = await moo.call("com.roonlabs.registry:1/info")
    assert (info.verb, info.name) == (COMPLETE, "Success")
    assert info.body is not None
    assert info.body["core_id"] == DEFAULT_CORE_ID

    registered = await moo.call("com.roonlabs.registry:1/register", dict(APPINFO))
    assert (registered.verb, registered.name) == (CONTINUE, "Registered")
    assert registered.body is not None
    assert registered.body["token"] in core.valid_tokens
    assert registered.body["http_port"] == core.port

    subscribed = await moo.call(f"{TRANSPORT}/subscribe_zones", {"subscription_key": 0})
    assert (subscribed.verb, subscribed.name) == (CONTINUE, "Subscribed")
    assert subscribed.body is not None
    assert [zone["zone_id"] for zone in subscribed.body["zones"]] == [
        "zone-living",
        "zone-kitchen",
        "zone-office",
    ]

    paused = await moo.call(
        f"{TRANSPORT}/control", {"zone_or_output_id": "out-living", "control": "pause"}
    )
    assert (paused.verb, paused.name, paused.body, paused.raw_body) == (
        COMPLETE,
        "Success",
        None,
        b"",
    )
    pushed = await moo.receive()
    assert (pushed.verb, pushed.name, pushed.request_id) == (
        CONTINUE,
        "Changed",
        subscribed.request_id,
    )
    assert pushed.body is not None
    assert pushed.body["zones_changed"][0]["state"] == "paused"

    unknown = await moo.call(f"{TRANSPORT}/teleport")
    assert (unknown.name, unknown.body) == (
        "InvalidRequest",
        {"error": f"unknown request {TRANSPORT}/teleport"},
    )
    bad_zone = await moo.call(
        f"{TRANSPORT}/control", {"zone_or_output_id": "nope", "control": "play"}
    )
    assert bad_zone.body == {"error": "zone not found"}

    gone = await moo.call(f"{TRANSPORT}/unsubscribe_zones", {"subscription_key": 0})
    assert gone.name == "Unsubscribed"
    await moo.call(f"{TRANSPORT}/control", {"zone_or_output_id": "zone-living", "control": "play"})
    assert moo.pushes == []


async def test_image_over_moo(core: FakeRoonCore, moo: MooClient) -> None:
    await moo.call("com.roonlabs.registry:1/register", dict(APPINFO))
    image = await moo.call("com.roonlabs.image:1/get_image", {"image_key": "img-debut", "width": 4})
    assert image.content_type == "image/png"
    assert image.raw_body.startswith(b"\x89PNG")
    missing = await moo.call("com.roonlabs.image:1/get_image", {"image_key": "img-nope"})
    assert (missing.name, missing.raw_body) == ("NotFound", b"")


async def test_pending_authorization(hass: HomeAssistant, core: FakeRoonCore) -> None:
    """An unknown extension gets no answer until the user enables it."""
    core.auto_authorize = False
    api = await _run(
        hass,
        partial(IsolatedRoonApi, blocking_init=False, reconnect_delay=None),
        APPINFO,
        None,
        HOST,
        core.port,
    )
    try:
        async with asyncio.timeout(5):
            await core.wait_pending()
        assert (api.token, api.ready) == (None, False)
        assert await core.authorize_pending() == 1
        async with asyncio.timeout(5):
            while not api.ready:  # noqa: ASYNC110 - roonapi offers nothing to wait on
                await asyncio.sleep(0.01)
        assert api.token in core.valid_tokens
        assert (api.core_id, api.core_name) == (DEFAULT_CORE_ID, "Fake Roon Core")
    finally:
        assert await _run(hass, stop_roonapi_and_join, api) == []


async def test_ping(core: FakeRoonCore, api: Any) -> None:
    assert await core.ping_clients() == 1


# --- transport -----------------------------------------------------------------------------------


async def test_get_zones_and_outputs(hass: HomeAssistant, core: FakeRoonCore, api: Any) -> None:
    zones = await _run(hass, api._request, f"{TRANSPORT}/get_zones")
    outputs = await _run(hass, api._request, f"{TRANSPORT}/get_outputs")
    assert [zone["display_name"] for zone in zones["zones"]] == ["Living Room", "Kitchen", "Office"]
    by_id = {output["output_id"]: output for output in outputs["outputs"]}
    assert by_id["out-living"]["volume"]["type"] == "number"
    assert by_id["out-kitchen"]["volume"]["type"] == "db"
    assert by_id["out-office"]["volume"] == {"type": "incremental"}
    living = zones["zones"][0]
    assert living["now_playing"]["three_line"] == {
        "line1": "So What",
        "line2": "Miles Davis",
        "line3": "Kind of Blue",
    }
    assert (living["seek_position"], living["now_playing"]["length"]) == (42, 562)
    assert living["outputs"][0] == by_id["out-living"]


@pytest.mark.parametrize(
    ("output_id", "how", "value", "expected"),
    [
        ("out-living", "absolute", 150, 100),
        ("out-living", "relative", -200, 0),
        ("out-living", "relative_step", 3, 38),
        ("out-kitchen", "absolute", 5, 0),
        ("out-kitchen", "relative_step", 3, -28.5),
        ("out-kitchen", "absolute", -40.3, -40.5),
    ],
)
async def test_change_volume_clamps_and_snaps(
    hass: HomeAssistant,
    *,
    core: FakeRoonCore,
    api: Any,
    output_id: str,
    how: str,
    value: float,
    expected: float,
) -> None:
    assert await _run(hass, api.change_volume_raw, output_id, value, how) == SUCCESS
    assert core.outputs[output_id]["volume"]["value"] == expected


async def test_volume_errors(hass: HomeAssistant, core: FakeRoonCore, api: Any) -> None:
    request = api._request
    absolute = {"output_id": "out-office", "how": "absolute", "value": 10}
    assert await _run(hass, request, f"{TRANSPORT}/change_volume", absolute) == {
        "error": "incremental volume only takes relative_step"
    }
    assert await _run(hass, api.change_volume_raw, "out-office", -1, "relative_step") == SUCCESS
    assert core.incremental_steps == [("out-office", -1)]

    await core.add_zone("zone-deck", "Turntable", "out-deck")
    fixed = {"output_id": "out-deck", "how": "absolute", "value": 10}
    error = {"error": "this output has a fixed volume"}
    assert await _run(hass, request, f"{TRANSPORT}/change_volume", fixed) == error
    mute = {"output_id": "out-deck", "how": "mute"}
    assert await _run(hass, request, f"{TRANSPORT}/mute", mute) == error


async def test_mute_pushes_output_and_zone(
    hass: HomeAssistant, api: Any, changes: ChangeLog
) -> None:
    assert await _run(hass, api.mute, "out-living", True) == SUCCESS
    await changes.wait_event("outputs_changed", "out-living")
    await changes.wait_event("zones_changed", "zone-living")
    assert api.outputs["out-living"]["volume"]["is_muted"]
    assert api.zones["zone-living"]["outputs"][0]["volume"]["is_muted"]


async def test_seek_pushes_seek_changes(
    hass: HomeAssistant, core: FakeRoonCore, api: Any, changes: ChangeLog
) -> None:
    assert await _run(hass, api.seek, "zone-living", 600) == SUCCESS
    await changes.wait_event("zones_seek_changed", "zone-living")
    assert api.zones["zone-living"]["seek_position"] == 562  # clamped to the length
    assert api.zones["zone-living"]["queue_time_remaining"] == 586 + 337 + 693 + 566
    assert await _run(hass, api.seek, "zone-kitchen", 10) == {"error": "seek is not allowed"}


async def test_settings(hass: HomeAssistant, core: FakeRoonCore, api: Any) -> None:
    settings = core.zones["zone-living"]["settings"]
    cycle = {"zone_or_output_id": "zone-living", "loop": "next"}
    for expected in ("loop", "loop_one", "disabled"):
        assert await _run(hass, api._request, f"{TRANSPORT}/change_settings", cycle) == SUCCESS
        assert settings["loop"] == expected
    change = {"zone_or_output_id": "zone-living", "auto_radio": False, "shuffle": True}
    assert await _run(hass, api._request, f"{TRANSPORT}/change_settings", change) == SUCCESS
    assert (settings["auto_radio"], settings["shuffle"]) == (False, True)
    wrong = {"zone_or_output_id": "zone-living", "loop": "forever"}
    assert await _run(hass, api._request, f"{TRANSPORT}/change_settings", wrong) == {
        "error": "unknown loop 'forever'"
    }


async def test_pause_all_transfer_standby(
    hass: HomeAssistant, core: FakeRoonCore, api: Any
) -> None:
    assert await _run(hass, api.pause_all) == SUCCESS
    assert core.zones["zone-living"]["state"] == "paused"

    assert await _run(hass, api.transfer_zone, "zone-living", "out-kitchen") == SUCCESS
    assert core.zones["zone-kitchen"]["now_playing"]["two_line"]["line1"] == "So What"
    assert core.zones["zone-kitchen"]["state"] == "paused"
    assert "now_playing" not in core.zones["zone-living"]

    assert await _run(hass, api.standby, "out-office") == {
        "error": "no source control supports standby"
    }
    await _run(hass, api.playback_control, "zone-kitchen", "play")
    assert await _run(hass, api.standby, "out-kitchen") == SUCCESS
    assert core.outputs["out-kitchen"]["source_controls"][0]["status"] == "standby"
    assert core.zones["zone-kitchen"]["state"] == "paused"
    assert await _run(hass, api.convenience_switch, "out-kitchen") == SUCCESS
    assert core.outputs["out-kitchen"]["source_controls"][0]["status"] == "selected"


async def test_grouping(
    hass: HomeAssistant, core: FakeRoonCore, api: Any, changes: ChangeLog
) -> None:
    error = {"error": "these outputs cannot be grouped"}
    assert await _run(hass, api.group_outputs, ["out-living", "out-office"]) == error
    assert await _run(hass, api.group_outputs, ["out-living"]) == {
        "error": "give at least two known output ids"
    }

    assert await _run(hass, api.group_outputs, ["out-living", "out-kitchen"]) == SUCCESS
    await changes.wait_event("outputs_changed", "out-kitchen")
    assert api.is_grouped("out-kitchen")
    assert api.grouped_zone_names("out-kitchen") == ["Living Room", "Kitchen"]
    assert set(api.zones) == {"zone-living", "zone-office"}
    assert api.zones["zone-living"]["now_playing"]["two_line"]["line1"] == "So What"

    # Ungrouping the main output splits the whole group.
    assert await _run(hass, api.ungroup_outputs, ["out-living"]) == SUCCESS
    await changes.wait_for(lambda: api.outputs["out-kitchen"]["zone_id"] == "zone-kitchen")
    assert {zone_id: zone["display_name"] for zone_id, zone in api.zones.items()} == {
        "zone-living": "Living Room",
        "zone-kitchen": "Kitchen",
        "zone-office": "Office",
    }
    assert not api.is_grouped("out-kitchen")


async def test_queue_subscription(hass: HomeAssistant, core: FakeRoonCore, api: Any) -> None:
    received: list[dict[str, Any]] = []
    arrived = asyncio.Event()

    def on_queue(body: dict[str, Any]) -> None:
        received.append(body)
        hass.loop.call_soon_threadsafe(arrived.set)

    await _run(hass, api.register_queue_callback, on_queue, "zone-office")
    await asyncio.wait_for(arrived.wait(), 5)
    assert [item["two_line"]["line1"] for item in received[0]["items"]] == [
        "Jóga",
        "Unravel",
        "Bachelorette",
    ]
    arrived.clear()
    await _run(hass, api.playback_control, "zone-office", "next")
    await asyncio.wait_for(arrived.wait(), 5)
    remove, insert = received[1]["changes"]
    assert remove == {"operation": "remove", "index": 0, "count": 3}
    assert [item["two_line"]["line1"] for item in insert["items"]] == ["Unravel", "Bachelorette"]


# --- browse --------------------------------------------------------------------------------------


async def test_search_hierarchy(hass: HomeAssistant, api: Any) -> None:
    opts = {"hierarchy": "search", "multi_session_key": "s", "input": "blue", "pop_all": True}
    result = await _run(hass, api.browse_browse, opts)
    assert result["list"]["title"] == "Search"
    categories = (
        await _run(hass, api.browse_load, {"hierarchy": "search", "multi_session_key": "s"})
    )["items"]
    assert [(item["title"], item["hint"]) for item in categories] == [
        ("Albums", "list"),
        ("Tracks", "list"),
    ]
    opened = await _run(
        hass,
        api.browse_browse,
        {"hierarchy": "search", "multi_session_key": "s", "item_key": categories[0]["item_key"]},
    )
    assert (opened["list"]["title"], opened["list"]["level"], opened["list"]["count"]) == (
        "Albums",
        1,
        2,
    )
    albums = await _run(hass, api.browse_load, {"hierarchy": "search", "multi_session_key": "s"})
    assert [(i["title"], i["subtitle"], i["image_key"]) for i in albums["items"]] == [
        ("Kind of Blue", "Miles Davis", "img-kind-of-blue"),
        ("Blue Train", "John Coltrane", "img-blue-train"),
    ]

    everything = {"hierarchy": "search", "input": "kind blue miles", "pop_all": True}
    await _run(hass, api.browse_browse, everything)
    found = await _run(hass, api.browse_load, {"hierarchy": "search"})
    assert [item["title"] for item in found["items"]] == ["Albums"]


async def test_levels_paging_and_stale_keys(hass: HomeAssistant, api: Any) -> None:
    def browse(**opts: Any) -> Any:
        return api.browse_browse({"hierarchy": "artists", "multi_session_key": "k", **opts})

    def load(**opts: Any) -> Any:
        return api.browse_load({"hierarchy": "artists", "multi_session_key": "k", **opts})

    await _run(hass, partial(browse, pop_all=True))
    page = await _run(hass, partial(load, offset=2, count=3))
    assert [item["title"] for item in page["items"]] == ["Beyoncé", "Björk", "Daft Punk"]
    assert (page["offset"], page["list"]["count"]) == (2, 6)
    miles = (await _run(hass, partial(load, count=1)))["items"][0]
    assert miles["subtitle"] == "2 Albums"

    opened = await _run(hass, partial(browse, item_key=miles["item_key"]))
    assert (opened["list"]["title"], opened["list"]["level"]) == ("Miles Davis", 1)
    inside = (await _run(hass, load))["items"]
    assert [(item["title"], item["hint"]) for item in inside] == [
        ("Play Artist", "action_list"),
        ("Kind of Blue", "list"),
        ("Sketches of Spain", "list"),
    ]
    actions = await _run(hass, partial(browse, item_key=inside[0]["item_key"]))
    assert actions["list"]["level"] == 2
    names = [(item["title"], item["hint"]) for item in (await _run(hass, load))["items"]]
    assert names == [
        ("Play Now", "action"),
        ("Add Next", "action"),
        ("Queue", "action"),
        ("Start Radio", "action"),
    ]
    root = await _run(hass, partial(load, level=0, count=1))
    assert root["list"]["level"] == 0
    assert await _run(hass, partial(load, level=7)) == "MOO/1 COMPLETE InvalidLevels"

    back = await _run(hass, partial(browse, pop_levels=2))
    assert back["list"]["level"] == 0
    stale = await _run(hass, partial(browse, item_key=inside[1]["item_key"]))
    assert stale == "MOO/1 COMPLETE InvalidItemKey"
    assert await _run(hass, partial(browse, item_key="garbage")) == "MOO/1 COMPLETE InvalidItemKey"
    elsewhere = {
        "hierarchy": "artists",
        "multi_session_key": "other",
        "item_key": miles["item_key"],
    }
    assert await _run(hass, api.browse_browse, elsewhere) == "MOO/1 COMPLETE InvalidItemKey"
    assert await _run(hass, api.browse_browse, {"hierarchy": "composers"}) == (
        "MOO/1 COMPLETE InvalidHierarchy"
    )


async def test_roonapi_play_media_walks_the_browse_tree(
    hass: HomeAssistant, core: FakeRoonCore, api: Any, changes: ChangeLog
) -> None:
    assert await _run(hass, api.play_media, "zone-kitchen", ["Library", "Albums", "A Love Supreme"])
    await changes.wait_for(lambda: api.zones["zone-kitchen"]["state"] == "playing")
    assert api.zones["zone-kitchen"]["now_playing"]["three_line"]["line3"] == "A Love Supreme"
    assert [entry.track.album for entry in core.player("zone-kitchen").entries if entry.track] == [
        "A Love Supreme"
    ] * 4

    assert await _run(hass, api.play_media, "zone-office", ["My Live Radio", "FIP"])
    await changes.wait_for(
        lambda: api.zones["zone-office"]["now_playing"]["one_line"]["line1"] == "FIP"
    )
    office = api.zones["zone-office"]
    assert "length" not in office["now_playing"]
    assert not office["is_seek_allowed"]
    assert await _run(hass, api.play_media, "zone-office", ["Genres", "Jazz"], "Queue")

    no_zone = {"hierarchy": "internet_radio", "pop_all": True}
    await _run(hass, api.browse_browse, no_zone)
    station = (await _run(hass, api.browse_load, {"hierarchy": "internet_radio"}))["items"][0]
    result = await _run(
        hass, api.browse_browse, {"hierarchy": "internet_radio", "item_key": station["item_key"]}
    )
    assert result == {"action": "message", "message": "Zone is not configured", "is_error": True}


# --- time ----------------------------------------------------------------------------------------


async def test_advance_plays_through_the_album(
    hass: HomeAssistant, core: FakeRoonCore, api: Any, changes: ChangeLog
) -> None:
    def living() -> dict[str, Any]:
        zone: dict[str, Any] = api.zones["zone-living"]
        return zone

    await core.advance(10)
    await changes.wait_event("zones_seek_changed", "zone-living")
    assert living()["seek_position"] == 52
    assert living()["now_playing"]["seek_position"] == 52

    await core.advance(520)  # So What ends at 562: Freddie Freeloader, 10 s in
    await changes.wait_for(
        lambda: living()["now_playing"]["two_line"]["line1"] == "Freddie Freeloader"
    )
    assert living()["seek_position"] == 10
    assert living()["queue_items_remaining"] == 4

    core.zones["zone-living"]["settings"]["loop"] = "loop_one"
    await core.advance(586)
    await changes.wait_for(lambda: len(changes.events) == 3)
    assert changes.events[-1] == ("zones_changed", ["zone-living"])  # the track restarted
    assert living()["now_playing"]["two_line"]["line1"] == "Freddie Freeloader"
    assert living()["seek_position"] == 10

    core.zones["zone-living"]["settings"]["loop"] = "disabled"
    await core.advance(10_000)  # past the end of the album
    await changes.wait_for(lambda: living()["state"] == "stopped")
    assert "now_playing" not in core.zones["zone-living"]
    assert core.zones["zone-office"]["seek_position"] == 60  # paused zones do not move


async def test_loop_wraps_and_radio_never_ends(hass: HomeAssistant, core: FakeRoonCore) -> None:
    core.zones["zone-living"]["settings"]["loop"] = "loop"
    await core.advance(562 - 42 + 586 + 337 + 693 + 566 + 5)
    assert core.zones["zone-living"]["now_playing"]["two_line"]["line1"] == "So What"
    assert core.zones["zone-living"]["seek_position"] == 5

    fip = core.library.stations[0]
    core.player("zone-kitchen").entries = [QueueEntry(999, station=fip)]
    core.zones["zone-kitchen"]["state"] = "playing"
    await core.advance(3600)
    assert core.zones["zone-kitchen"]["state"] == "playing"
    assert core.zones["zone-kitchen"]["seek_position"] == 3600


async def test_accelerated_clock(
    hass: HomeAssistant, core: FakeRoonCore, api: Any, changes: ChangeLog
) -> None:
    core.tick_seconds = 0.02
    core.play_speed = 500.0  # 10 s of music per tick
    await changes.wait_for(lambda: api.zones["zone-living"]["seek_position"] >= 102)
    core.play_speed = 0
    position = core.zones["zone-living"]["seek_position"]
    await asyncio.sleep(0.1)
    assert core.zones["zone-living"]["seek_position"] == position


class LateLoop:
    """The fake Core's time in a test: each tick is let through by the test, ``late`` seconds
    after it was due (a busy loop)."""

    def __init__(self, late: float) -> None:
        self.now = 0.0
        self.late = late
        self.asleep: asyncio.Queue[None] = asyncio.Queue()  # the clock waits for a tick
        self.ticks: asyncio.Queue[None] = asyncio.Queue()

    def monotonic(self) -> float:
        return self.now

    async def sleep(self, seconds: float) -> None:
        self.asleep.put_nowait(None)
        await self.ticks.get()
        self.now += seconds + self.late

    async def tick(self) -> None:
        """Let one tick through and wait until the Core has played it."""
        self.ticks.put_nowait(None)
        await self.asleep.get()


async def test_clock_follows_time_when_the_loop_is_late(core: FakeRoonCore) -> None:
    """Ticks 0.5 s late: after 10 ticks of 1 s, 15 s have passed and 15 s were played."""
    late = LateLoop(0.5)
    core.monotonic, core.sleep = late.monotonic, late.sleep
    core.play_speed = 1.0
    await late.asleep.get()
    for _ in range(10):
        await late.tick()
    core.play_speed = 0
    assert late.now == 15.0
    assert core.player("zone-living").position == 42 + late.now
    assert core.zones["zone-living"]["seek_position"] == 57
    assert core.zones["zone-office"]["seek_position"] == 60  # paused: no time played


# --- images, restarts ----------------------------------------------------------------------------


async def test_image_endpoint(core: FakeRoonCore) -> None:
    async with aiohttp.ClientSession() as session:
        url = f"http://{HOST}:{core.port}/api/image/img-artist-bjork?scale=fit&width=16&height=16"
        async with session.get(url) as response:
            assert response.status == 200
            assert response.content_type == "image/png"
            body = await response.read()
            assert body.startswith(b"\x89PNG\r\n\x1a\n")
            assert int.from_bytes(body[16:20], "big") == 16  # width in IHDR
        async with session.get(f"http://{HOST}:{core.port}/api/image/unknown") as response:
            assert response.status == 404


async def test_restart_refuses_then_comes_back(
    hass: HomeAssistant, core: FakeRoonCore, api: Any
) -> None:
    token = api.token
    restarting = hass.async_create_task(core.restart(downtime=0.3))
    await asyncio.sleep(0.1)
    assert core.connection_count == 0
    async with aiohttp.ClientSession() as session:
        with pytest.raises(aiohttp.ClientConnectorError):
            await session.get(f"http://{HOST}:{core.port}/api/image/img-debut")
        await restarting
        async with session.ws_connect(f"http://{HOST}:{core.port}/api") as ws:
            client = MooClient(ws)
            again = await client.call(
                "com.roonlabs.registry:1/register", {**APPINFO, "token": token}
            )
            assert again.body is not None
            assert (again.body["core_id"], again.body["token"]) == (DEFAULT_CORE_ID, token)
    assert api.failed  # roonapi saw the drop


def test_moo_encoding_refuses_an_empty_body() -> None:
    with pytest.raises(ValueError, match="empty body"):
        encode(COMPLETE, "Success", 1, {})
    assert encode(COMPLETE, "Success", 1) == b"MOO/1 COMPLETE Success\nRequest-Id: 1\n\n"
