"""The Roon client: the real roonapi against the fake Roon Core, over 127.0.0.1.

The fake runs on the hass loop; the blocking client runs in the executor, as in the
integration. Every test ends with ``close()`` returning no thread, and HA's ``verify_cleanup``
checks again that no thread outlived the test.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from functools import partial
import threading
from typing import Any

import aiohttp
from homeassistant.core import HomeAssistant
import pytest
import roonapi.discovery

from custom_components.aime.clients import roon
from custom_components.aime.clients.roon import (
    IsolatedRoonApi,
    PlayAction,
    RoonAuthorizationPending,
    RoonCommandError,
    RoonConnection,
    RoonConnectionError,
    RoonEvent,
    RoonFailure,
    RoonVolume,
    VolumeType,
    browse as roon_browse,
    parse as roon_parse,
)

from ..fakes.roon import DEFAULT_CORE_ID, DEFAULT_CORE_NAME, FakeRoonCore
from ..fakes.roon.harness import ChangeLog, SoodResponder, loopback_socket_module, sood_reply

HOST = "127.0.0.1"
TOKEN = "saved-token"
FAST = (0.05, 0.1, 0.2)
# Waits the code under test must never sit out, and a guard far shorter than them but far
# longer than any loaded machine needs: these tests tell "at once" from "minutes", not speed.
LONG_WAIT = 600.0
HANG_GUARD = 60.0


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """The client needs neither the recorder nor the integration."""


@pytest.fixture
async def core(hass: HomeAssistant, socket_enabled: None) -> AsyncGenerator[FakeRoonCore]:
    fake = await FakeRoonCore(valid_tokens={TOKEN}).start()
    yield fake
    await fake.stop()


async def _connect(hass: HomeAssistant, port: int, token: str = TOKEN, **kwargs: Any) -> Any:
    kwargs.setdefault("timeout", 5)
    kwargs.setdefault("reconnect_delays", FAST)
    return await hass.async_add_executor_job(
        partial(RoonConnection.connect, HOST, port, token, **kwargs)
    )


@pytest.fixture
async def connection(hass: HomeAssistant, core: FakeRoonCore) -> AsyncGenerator[RoonConnection]:
    client: RoonConnection = await _connect(hass, core.port)
    yield client
    assert await hass.async_add_executor_job(client.close) == []


@pytest.fixture
def changes(hass: HomeAssistant, connection: RoonConnection) -> ChangeLog:
    log = ChangeLog(hass.loop)
    connection.on_change(log)
    return log


async def _run(hass: HomeAssistant, function: Any, *args: Any, **kwargs: Any) -> Any:
    return await hass.async_add_executor_job(partial(function, *args, **kwargs))


async def _fails(
    hass: HomeAssistant, reason: RoonFailure, function: Any, *args: Any, **kwargs: Any
) -> None:
    with pytest.raises(RoonCommandError) as caught:
        await _run(hass, function, *args, **kwargs)
    assert caught.value.reason is reason


# --- pairing and connecting --------------------------------------------------------------------


async def test_pair_waits_for_the_user(hass: HomeAssistant, core: FakeRoonCore) -> None:
    """Pairing registers without a token and returns once the user enables the extension."""
    core.auto_authorize = False
    pairing = hass.async_add_executor_job(partial(roon.pair, HOST, core.port, timeout=5))
    async with asyncio.timeout(5):
        await core.wait_pending()
    register = core.requests[-1][1] or {}
    assert register["extension_id"] == roon.APPINFO["extension_id"]
    assert "token" not in register
    assert not pairing.done()

    assert await core.authorize_pending() == 1
    paired = await pairing
    assert paired.token in core.valid_tokens
    assert (paired.core_id, paired.core_name) == (DEFAULT_CORE_ID, DEFAULT_CORE_NAME)

    client = await _connect(hass, core.port, paired.token)
    assert client.token == paired.token
    assert await _run(hass, client.close) == []


async def test_pair_times_out_while_pending(hass: HomeAssistant, core: FakeRoonCore) -> None:
    core.auto_authorize = False
    with pytest.raises(RoonAuthorizationPending):
        await _run(hass, roon.pair, HOST, core.port, timeout=0.3)


async def test_pair_can_be_cancelled(hass: HomeAssistant, core: FakeRoonCore) -> None:
    core.auto_authorize = False
    cancel = threading.Event()
    pairing = hass.async_add_executor_job(
        partial(roon.pair, HOST, core.port, timeout=30, cancel=cancel)
    )
    async with asyncio.timeout(HANG_GUARD):
        await core.wait_pending()  # the Core holds the request: the user has not said yes yet
    cancel.set()
    with pytest.raises(RoonAuthorizationPending):
        await pairing


async def test_connect_with_an_unknown_token_is_pending(
    hass: HomeAssistant, core: FakeRoonCore
) -> None:
    """A revoked token gets no reply from the Core: the bounded start says so."""
    core.auto_authorize = False
    # Without the bound it would wait for the user: the generous guard only catches that hang.
    async with asyncio.timeout(HANG_GUARD):
        with pytest.raises(RoonAuthorizationPending):
            await _connect(hass, core.port, "revoked", timeout=0.5)


async def test_unreachable_core(hass: HomeAssistant, core: FakeRoonCore) -> None:
    """A refused connection fails at once, for connecting and pairing alike."""
    port = core.port
    await core.stop()
    # Timeouts far longer than the guard: only a refusal handled at once ends within it.
    async with asyncio.timeout(HANG_GUARD):
        with pytest.raises(RoonConnectionError):
            await _connect(hass, port, timeout=LONG_WAIT)
        with pytest.raises(RoonConnectionError):
            await _run(hass, roon.pair, HOST, port, timeout=LONG_WAIT)


async def test_connect_reads_zones_and_outputs(
    hass: HomeAssistant, core: FakeRoonCore, connection: RoonConnection
) -> None:
    assert core.request_names() == ["register", "subscribe_zones", "subscribe_outputs"]
    assert (connection.core_id, connection.core_name) == (DEFAULT_CORE_ID, DEFAULT_CORE_NAME)
    assert connection.available

    zones = connection.zones
    assert {z.zone_id: (z.display_name, z.state) for z in zones.values()} == {
        "zone-living": ("Living Room", "playing"),
        "zone-kitchen": ("Kitchen", "stopped"),
        "zone-office": ("Office", "paused"),
    }
    living = zones["zone-living"]
    assert living.now_playing is not None
    assert (living.now_playing.title, living.now_playing.artist, living.now_playing.album) == (
        "So What",
        "Miles Davis",
        "Kind of Blue",
    )
    assert (living.now_playing.length, living.seek_position) == (562, 42)
    assert living.now_playing.image_key == "img-kind-of-blue"
    assert living.output_ids == ("out-living",)
    assert living.repeat == "off"
    assert zones["zone-kitchen"].now_playing is None
    assert zones["zone-office"].now_playing is not None
    assert zones["zone-office"].now_playing.title == "Jóga"

    outputs = connection.outputs
    assert outputs["out-living"].volume == RoonVolume(VolumeType.NUMBER, 0, 100, 35, 1, False)
    assert outputs["out-kitchen"].volume == RoonVolume(VolumeType.DB, -80, 0, -30, 0.5, False)
    assert outputs["out-office"].volume == RoonVolume(VolumeType.INCREMENTAL, 0, 0, None, 1)
    assert outputs["out-living"].can_group_with_output_ids == ("out-living", "out-kitchen")


async def test_callbacks_run_on_roonapi_thread(
    hass: HomeAssistant, connection: RoonConnection, changes: ChangeLog
) -> None:
    await _run(hass, connection.control, "zone-living", "pause")
    await changes.wait_event("zones_changed", "zone-living")
    assert changes.threads
    assert threading.main_thread().name not in changes.threads


# --- transport ---------------------------------------------------------------------------------


async def test_playback_controls(
    hass: HomeAssistant, connection: RoonConnection, changes: ChangeLog
) -> None:
    def living() -> roon.RoonZone:
        return connection.zones["zone-living"]

    def title() -> str | None:
        now_playing = living().now_playing
        return now_playing.title if now_playing else None

    steps: list[tuple[roon.RoonControl, str, str]] = [
        ("pause", "paused", "So What"),
        ("play", "playing", "So What"),
        ("playpause", "paused", "So What"),
        ("next", "paused", "Freddie Freeloader"),
        ("playpause", "playing", "Freddie Freeloader"),
        ("previous", "playing", "So What"),
        ("stop", "stopped", "So What"),
    ]
    for command, state, track in steps:
        await _run(hass, connection.control, "zone-living", command)
        await changes.wait_for(lambda s=state, t=track: (living().state, title()) == (s, t))  # type: ignore[misc]

    await _run(hass, connection.control, "zone-living", "play")
    await _run(hass, connection.control, "zone-kitchen", "play")  # nothing queued: no-op
    await _run(hass, connection.pause_all)
    await changes.wait_for(lambda: living().state == "paused")
    assert connection.zones["zone-kitchen"].state == "stopped"
    await _fails(hass, RoonFailure.UNKNOWN_ZONE, connection.control, "zone-nope", "play")


async def test_seek(
    hass: HomeAssistant, core: FakeRoonCore, connection: RoonConnection, changes: ChangeLog
) -> None:
    await _run(hass, connection.seek, "zone-living", 100.4)
    await changes.wait_event("zones_seek_changed", "zone-living")
    zone = connection.zones["zone-living"]
    assert zone.seek_position == 100
    assert zone.now_playing is not None
    assert zone.now_playing.seek_position == 100  # roonapi alone leaves it stale
    assert zone.queue_time_remaining == core.zones["zone-living"]["queue_time_remaining"]

    await _run(hass, connection.seek, "zone-living", -30, relative=True)
    await changes.wait_for(lambda: connection.zones["zone-living"].seek_position == 70)
    assert core.requests[-1] == (
        "com.roonlabs.transport:2/seek",
        {"zone_or_output_id": "zone-living", "how": "relative", "seconds": -30},
    )
    await _fails(hass, RoonFailure.REJECTED, connection.seek, "zone-kitchen", 10)


@pytest.mark.parametrize(
    ("output_id", "level", "raw", "back"),
    [
        ("out-living", 0.5, 50, 0.5),
        ("out-living", 0.333, 33, 0.33),
        ("out-living", 1.7, 100, 1.0),
        ("out-kitchen", 0.5, -40, 0.5),
        ("out-kitchen", 0.33, -53.5, 0.33125),
        ("out-kitchen", 0.0, -80, 0.0),
    ],
)
async def test_set_volume_scales_to_the_control(
    hass: HomeAssistant,
    *,
    core: FakeRoonCore,
    connection: RoonConnection,
    changes: ChangeLog,
    output_id: str,
    level: float,
    raw: float,
    back: float,
) -> None:
    """0-1 maps linearly onto min..max, on the step grid, for number and dB controls."""
    await _run(hass, connection.set_volume, output_id, level)
    assert core.requests[-1][1] == {"output_id": output_id, "how": "absolute", "value": raw}
    zone_id = core.outputs[output_id]["zone_id"]
    await changes.wait_for(
        lambda: (
            (volume := connection.zones[zone_id].outputs[0].volume) is not None
            and volume.value == raw
        )
    )
    volume = connection.outputs[output_id].volume
    assert volume is not None
    assert volume.level == pytest.approx(back)
    assert connection.zones[zone_id].outputs[0].volume == volume


async def test_volume_steps_and_mute(
    hass: HomeAssistant, core: FakeRoonCore, connection: RoonConnection, changes: ChangeLog
) -> None:
    await _run(hass, connection.step_volume, "out-living", 1)
    await _run(hass, connection.step_volume, "out-kitchen", -2)
    await changes.wait_for(
        lambda: (
            connection.outputs["out-living"].volume == RoonVolume(VolumeType.NUMBER, 0, 100, 36)
            and connection.outputs["out-kitchen"].volume
            == RoonVolume(VolumeType.DB, -80, 0, -31, 0.5)
        )
    )
    await _run(hass, connection.mute, "out-kitchen", True)
    await changes.wait_for(
        lambda: (volume := connection.outputs["out-kitchen"].volume) is not None and volume.muted
    )
    await _run(hass, connection.mute, "out-kitchen", False)
    await changes.wait_for(
        lambda: (
            (volume := connection.outputs["out-kitchen"].volume) is not None and not volume.muted
        )
    )


async def test_incremental_and_fixed_volumes(
    hass: HomeAssistant, core: FakeRoonCore, connection: RoonConnection, changes: ChangeLog
) -> None:
    """An incremental control only takes steps; a fixed output takes nothing."""
    await _fails(hass, RoonFailure.VOLUME_NOT_SETTABLE, connection.set_volume, "out-office", 0.5)
    await _run(hass, connection.step_volume, "out-office", 1)
    await _run(hass, connection.step_volume, "out-office", -1)
    assert core.incremental_steps == [("out-office", 1), ("out-office", -1)]

    await core.add_zone("zone-deck", "Turntable", "out-deck", volume=None)
    await changes.wait_for(lambda: "out-deck" in connection.outputs)
    assert connection.outputs["out-deck"].volume is None
    assert "zone-deck" in connection.zones
    sent = len(core.requests)
    await _fails(hass, RoonFailure.FIXED_VOLUME, connection.set_volume, "out-deck", 0.5)
    await _fails(hass, RoonFailure.FIXED_VOLUME, connection.step_volume, "out-deck", 1)
    await _fails(hass, RoonFailure.FIXED_VOLUME, connection.mute, "out-deck", True)
    await _fails(hass, RoonFailure.UNKNOWN_OUTPUT, connection.mute, "out-nope", True)
    assert len(core.requests) == sent


@pytest.mark.parametrize(
    ("mode", "loop"), [("all", "loop"), ("one", "loop_one"), ("off", "disabled")]
)
async def test_shuffle_and_repeat(
    hass: HomeAssistant,
    *,
    core: FakeRoonCore,
    connection: RoonConnection,
    changes: ChangeLog,
    mode: roon.RepeatMode,
    loop: str,
) -> None:
    await _run(hass, connection.shuffle, "zone-living", True)
    await _run(hass, connection.repeat, "zone-living", mode)
    assert core.zones["zone-living"]["settings"]["loop"] == loop
    await changes.wait_for(
        lambda: (
            (connection.zones["zone-living"].shuffle, connection.zones["zone-living"].repeat)
            == (True, mode)
        )
    )


async def test_standby_and_wake(
    hass: HomeAssistant, core: FakeRoonCore, connection: RoonConnection, changes: ChangeLog
) -> None:
    def status() -> str:
        return connection.outputs["out-living"].source_controls[0].status

    await _run(hass, connection.standby, "out-living")
    assert core.requests[-1][1] == {"output_id": "out-living", "control_key": "1"}
    await changes.wait_for(lambda: status() == "standby")
    await _run(hass, connection.wake, "out-living")
    await changes.wait_for(lambda: status() == "selected")
    await _fails(hass, RoonFailure.NO_STANDBY, connection.standby, "out-office")


async def test_group_and_ungroup(
    hass: HomeAssistant, core: FakeRoonCore, connection: RoonConnection, changes: ChangeLog
) -> None:
    await _run(hass, connection.group, "out-living", ["out-kitchen"])
    await changes.wait_event("zones_removed", "zone-kitchen")
    await changes.wait_for(lambda: connection.outputs["out-kitchen"].zone_id == "zone-living")
    zones = connection.zones
    assert set(zones) == {"zone-living", "zone-office"}
    assert zones["zone-living"].display_name == "Living Room + Kitchen"
    assert zones["zone-living"].output_ids == ("out-living", "out-kitchen")

    await _run(hass, connection.ungroup, ["out-kitchen"])
    await changes.wait_for(lambda: connection.outputs["out-kitchen"].zone_id == "zone-kitchen")
    zones = connection.zones
    assert {z.zone_id: z.display_name for z in zones.values()} == {
        "zone-living": "Living Room",
        "zone-kitchen": "Kitchen",
        "zone-office": "Office",
    }


async def test_grouping_is_validated_before_sending(
    hass: HomeAssistant, core: FakeRoonCore, connection: RoonConnection
) -> None:
    sent = len(core.requests)
    await _fails(hass, RoonFailure.NOT_GROUPABLE, connection.group, "out-living", ["out-office"])
    await _fails(hass, RoonFailure.UNKNOWN_OUTPUT, connection.group, "out-living", ["out-nope"])
    assert len(core.requests) == sent
    await _run(hass, connection.group, "out-living", ["out-living"])  # nothing to group
    assert len(core.requests) == sent


async def test_transfer(
    hass: HomeAssistant, connection: RoonConnection, changes: ChangeLog
) -> None:
    await _run(hass, connection.transfer, "zone-living", "zone-kitchen")
    await changes.wait_for(lambda: connection.zones["zone-kitchen"].state == "playing")
    kitchen = connection.zones["zone-kitchen"]
    assert kitchen.now_playing is not None
    assert kitchen.now_playing.title == "So What"
    living = connection.zones["zone-living"]
    assert (living.state, living.now_playing) == ("stopped", None)


async def test_a_cleared_queue_clears_now_playing(
    hass: HomeAssistant, core: FakeRoonCore, connection: RoonConnection, changes: ChangeLog
) -> None:
    """The Core sends the zone without now_playing; roonapi alone would keep the old one."""
    zone = core.zones["zone-living"]
    zone["state"] = "stopped"
    del zone["now_playing"]
    await core.push_zones_changed("zone-living")
    await changes.wait_for(lambda: connection.zones["zone-living"].now_playing is None)


async def test_zone_added_renamed_removed(
    hass: HomeAssistant, core: FakeRoonCore, connection: RoonConnection, changes: ChangeLog
) -> None:
    await core.rename_zone("zone-office", "Study")
    await changes.wait_for(lambda: connection.zones["zone-office"].display_name == "Study")
    assert connection.outputs["out-office"].display_name == "Study"
    await core.remove_zone("zone-office")
    await changes.wait_event("zones_removed", "zone-office")
    await changes.wait_event("outputs_removed", "out-office")
    assert "zone-office" not in connection.zones
    assert "out-office" not in connection.outputs


async def test_live_radio_zone(
    hass: HomeAssistant, core: FakeRoonCore, connection: RoonConnection, changes: ChangeLog
) -> None:
    page = await _run(hass, connection.browse, "internet_radio", session="radio")
    assert [item.title for item in page.items] == ["FIP", "Radio Swiss Jazz"]
    assert page.items[0].hint == "action"
    after = await _run(
        hass,
        connection.browse,
        "internet_radio",
        page.items[0].item_key,
        session="radio",
        zone_id="zone-kitchen",
    )
    assert after == page  # a station plays at once; the list stays
    await changes.wait_for(lambda: connection.zones["zone-kitchen"].state == "playing")
    kitchen = connection.zones["zone-kitchen"]
    assert kitchen.now_playing is not None
    assert kitchen.now_playing.is_live
    assert kitchen.now_playing.title == "FIP"
    assert not kitchen.is_seek_allowed
    assert not kitchen.is_next_allowed
    await _fails(hass, RoonFailure.REJECTED, connection.seek, "zone-kitchen", 10)


async def test_no_reply_and_not_connected(
    hass: HomeAssistant,
    core: FakeRoonCore,
    connection: RoonConnection,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(IsolatedRoonApi, "request_timeout", 0.2)
    core.unanswered.add("com.roonlabs.transport:2/control")
    await _fails(hass, RoonFailure.NO_REPLY, connection.control, "zone-living", "pause")
    assert await _run(hass, connection.close) == []
    await _fails(hass, RoonFailure.NOT_CONNECTED, connection.control, "zone-living", "pause")


# --- browsing ----------------------------------------------------------------------------------


async def test_browse_pages_with_independent_sessions(
    hass: HomeAssistant, connection: RoonConnection
) -> None:
    """Two callers with their own multi_session_key page through lists without interfering."""
    root = await _run(hass, connection.browse, "browse", session="a")
    assert root.title == "Explore"
    assert [item.title for item in root.items] == [
        "Library",
        "Playlists",
        "Genres",
        "My Live Radio",
    ]
    library = await _run(hass, connection.browse, "browse", root.items[0].item_key, session="a")
    albums_key = next(item.item_key for item in library.items if item.title == "Albums")
    first = await _run(hass, connection.browse, "browse", albums_key, session="a", count=4)
    assert (first.title, first.count, first.level, first.offset) == ("Albums", 10, 2, 0)
    assert [item.title for item in first.items] == [
        "Kind of Blue",
        "Sketches of Spain",
        "A Love Supreme",
        "Blue Train",
    ]
    assert first.items[0].image_key == "img-kind-of-blue"
    assert first.items[0].subtitle == "Miles Davis"

    # Session b goes elsewhere, deep into an album.
    other = await _run(hass, connection.browse, "albums", session="b")
    album = await _run(hass, connection.browse, "albums", other.items[4].item_key, session="b")
    assert album.title == "Lemonade"
    assert album.items[0].title == "Play Album"

    # Session a is where it was: the next pages, and page 1's keys still work.
    second = await _run(
        hass, connection.browse, "browse", albums_key, session="a", offset=4, count=4
    )
    assert [item.title for item in second.items] == [
        "Lemonade",
        "Renaissance",
        "Homogenic",
        "Debut",
    ]
    third = await _run(hass, connection.load, "browse", session="a", offset=8, count=4)
    assert [item.title for item in third.items] == ["Random Access Memories", "Ágætis byrjun"]
    opened = await _run(hass, connection.browse, "browse", first.items[2].item_key, session="a")
    assert opened.title == "A Love Supreme"
    assert [item.title for item in opened.items][:2] == ["Play Album", "Part I - Acknowledgement"]


async def test_browse_runs_actions(
    hass: HomeAssistant, connection: RoonConnection, changes: ChangeLog
) -> None:
    """Browsing an action runs it on the zone and returns no page."""
    albums = await _run(hass, connection.browse, "albums", session="m")
    debut = await _run(hass, connection.browse, "albums", albums.items[7].item_key, session="m")
    assert (debut.title, debut.items[0].title, debut.items[0].hint) == (
        "Debut",
        "Play Album",
        "action_list",
    )
    actions = await _run(hass, connection.browse, "albums", debut.items[0].item_key, session="m")
    assert [item.title for item in actions.items] == [
        "Play Now",
        "Add Next",
        "Queue",
        "Start Radio",
    ]
    play_now = actions.items[0].item_key
    await _fails(hass, RoonFailure.REJECTED, connection.browse, "albums", play_now, session="m")
    ran = await _run(
        hass, connection.browse, "albums", play_now, session="m", zone_id="zone-kitchen"
    )
    assert ran is None
    await changes.wait_for(
        lambda: (
            (np := connection.zones["zone-kitchen"].now_playing) is not None and np.album == "Debut"
        )
    )


async def test_stale_item_key(hass: HomeAssistant, connection: RoonConnection) -> None:
    """A key dies when its session pops back; keys of one session mean nothing in another."""
    artists = await _run(hass, connection.browse, "artists", session="a")
    miles = artists.items[0].item_key
    await _fails(hass, RoonFailure.STALE_ITEM, connection.browse, "artists", miles, session="b")
    await _run(hass, connection.browse, "artists", session="a")  # pop_all
    await _fails(hass, RoonFailure.STALE_ITEM, connection.browse, "artists", miles, session="a")


@pytest.mark.parametrize(
    ("query", "kind", "artist", "title", "playing"),
    [
        ("kind of blue", "album", None, "Kind of Blue", "So What"),
        ("BLUE TRAIN", "album", None, "Blue Train", "Blue Train"),
        ("agaetis byrjun", "album", None, "Ágætis byrjun", "Svefn-g-englar"),
        ("Beyonce", "artist", None, "Beyoncé", "Pray You Catch Me"),
        ("beyoncé", "artist", None, "Beyoncé", "Pray You Catch Me"),
        ("bjork", "artist", None, "Björk", "Hunter"),
        ("joga", "track", None, "Jóga", "Jóga"),
        ("blue train", "track", "John Coltrane", "Blue Train", "Blue Train"),
        ("late night jazz", "playlist", None, "Late Night Jazz", "So What"),
    ],
)
async def test_search_and_play(
    hass: HomeAssistant,
    *,
    core: FakeRoonCore,
    connection: RoonConnection,
    changes: ChangeLog,
    query: str,
    kind: roon.SearchKind,
    artist: str | None,
    title: str,
    playing: str,
) -> None:
    """Search ignores case and accents, picks the best match and plays it in one walk."""
    match = await _run(hass, connection.search_and_play, "zone-kitchen", query, kind, artist=artist)
    assert match.title == title

    def kitchen_plays() -> bool:
        now_playing = connection.zones["zone-kitchen"].now_playing
        return now_playing is not None and now_playing.title == playing

    await changes.wait_for(kitchen_plays)
    assert connection.zones["zone-kitchen"].state == "playing"
    sessions = {
        (body or {}).get("multi_session_key") for name, body in core.requests if "browse:1" in name
    }
    assert sessions == {roon.PLAY_SESSION}


async def test_search_and_play_enqueues(
    hass: HomeAssistant, core: FakeRoonCore, connection: RoonConnection, changes: ChangeLog
) -> None:
    player = core.player("zone-living")
    assert len(player.entries) == 5  # Kind of Blue, playing "So What"
    await _run(
        hass, connection.search_and_play, "zone-living", "get lucky", "track", PlayAction.ADD_NEXT
    )
    assert [e.track.title for e in player.entries[:2] if e.track] == ["So What", "Get Lucky"]
    await _run(hass, connection.search_and_play, "zone-living", "debut", "album", PlayAction.QUEUE)
    assert len(player.entries) == 9
    assert player.entries[-1].track is not None
    assert player.entries[-1].track.title == "Big Time Sensuality"
    await changes.wait_for(lambda: connection.zones["zone-living"].queue_items_remaining == 9)

    await _run(
        hass,
        connection.search_and_play,
        "zone-living",
        "homogenic",
        "album",
        PlayAction.START_RADIO,
    )
    await changes.wait_for(
        lambda: (
            (np := connection.zones["zone-living"].now_playing) is not None and np.title == "Hunter"
        )
    )


async def test_search_and_play_failures(hass: HomeAssistant, connection: RoonConnection) -> None:
    search = connection.search_and_play
    await _fails(hass, RoonFailure.NOT_FOUND, search, "zone-living", "nothing like this", "album")
    await _fails(hass, RoonFailure.NOT_FOUND, search, "zone-living", "miles davis", "playlist")
    await _fails(
        hass,
        RoonFailure.NOT_FOUND,
        search,
        "zone-living",
        "so what",
        "track",
        PlayAction.START_RADIO,
    )
    await _fails(hass, RoonFailure.UNKNOWN_ZONE, search, "zone-nope", "kind of blue", "album")


async def test_image_url_serves_the_artwork(
    hass: HomeAssistant, connection: RoonConnection
) -> None:
    now_playing = connection.zones["zone-living"].now_playing
    assert now_playing is not None
    assert now_playing.image_key is not None
    url = connection.image_url(now_playing.image_key, 300, 300)
    assert url.endswith("/api/image/img-kind-of-blue?scale=fit&width=300&height=300")
    async with aiohttp.ClientSession() as session:
        async with session.get(url) as response:
            assert response.status == 200
            assert response.content_type == "image/png"
            assert (await response.read()).startswith(b"\x89PNG")
        async with session.get(connection.image_url("img-nope")) as response:
            assert response.status == 404


# --- connection loss ---------------------------------------------------------------------------


@pytest.mark.parametrize("abrupt", [False, True])
async def test_core_restart_reconnects(
    hass: HomeAssistant,
    core: FakeRoonCore,
    connection: RoonConnection,
    changes: ChangeLog,
    abrupt: bool,
) -> None:
    """Restart or network loss: unavailable, then back by itself with the same token."""
    if abrupt:
        await core.drop_connections(abrupt=True)
    else:
        await core.restart(downtime=0.2)
    await changes.wait_event(RoonEvent.DISCONNECTED)
    await _fails(hass, RoonFailure.NOT_CONNECTED, connection.control, "zone-living", "pause")
    await changes.wait_event(RoonEvent.CONNECTED)
    assert connection.available
    assert changes.names()[:2] == ["disconnected", "connected"]
    assert core.request_names()[-3:] == ["register", "subscribe_zones", "subscribe_outputs"]
    assert core.requests[-3][1] is not None
    assert core.requests[-3][1]["token"] == TOKEN

    await _run(hass, connection.control, "zone-living", "pause")
    await changes.wait_for(lambda: connection.zones["zone-living"].state == "paused")


async def test_zones_changed_while_away_are_reread(
    hass: HomeAssistant, core: FakeRoonCore, connection: RoonConnection, changes: ChangeLog
) -> None:
    await core.drop_connections()
    await changes.wait_event(RoonEvent.DISCONNECTED)
    del core.zones["zone-office"]
    core.zones["zone-kitchen"]["display_name"] = "Cuisine"
    await changes.wait_event(RoonEvent.CONNECTED)
    assert set(connection.zones) == {"zone-living", "zone-kitchen"}
    assert connection.zones["zone-kitchen"].display_name == "Cuisine"


async def test_revoked_token_asks_for_authorization(
    hass: HomeAssistant, core: FakeRoonCore
) -> None:
    """The Core forgot us: say so once, then wait on an open connection for the user."""
    connection = await _connect(hass, core.port, timeout=0.3)
    changes = ChangeLog(hass.loop)
    connection.on_change(changes)
    core.valid_tokens.clear()
    core.auto_authorize = False
    await core.drop_connections()
    await changes.wait_event(RoonEvent.AUTHORIZATION_REQUIRED)
    assert not connection.available
    await asyncio.sleep(0.5)  # longer than the first attempt's timeout: the next one waits on
    assert changes.names() == ["disconnected", "authorization_required"]

    core.auto_authorize = True  # the user enables the extension
    assert await core.authorize_pending() >= 1
    await changes.wait_event(RoonEvent.CONNECTED)
    assert connection.token in core.valid_tokens
    assert connection.token != TOKEN
    assert await _run(hass, connection.close) == []


async def test_close_during_reconnection(hass: HomeAssistant, core: FakeRoonCore) -> None:
    """Closing does not wait for the next reconnection attempt, however far away it is."""
    connection = await _connect(hass, core.port, reconnect_delays=(0.05, LONG_WAIT))
    changes = ChangeLog(hass.loop)
    connection.on_change(changes)
    await core.stop()
    await changes.wait_event(RoonEvent.DISCONNECTED)
    await asyncio.sleep(0.5)  # refused attempts, now waiting out the long delay
    async with asyncio.timeout(HANG_GUARD):
        assert await _run(hass, connection.close) == []


async def test_close_while_waiting_for_authorization(
    hass: HomeAssistant, core: FakeRoonCore
) -> None:
    """An attempt waiting minutes for the user ends as soon as the connection closes."""
    connection = await _connect(hass, core.port, timeout=0.3)
    changes = ChangeLog(hass.loop)
    connection.on_change(changes)
    core.valid_tokens.clear()
    core.auto_authorize = False
    await core.drop_connections()
    await changes.wait_event(RoonEvent.AUTHORIZATION_REQUIRED)
    async with asyncio.timeout(5):
        await core.wait_pending()  # the long attempt (or the first one, about to give up)
    await asyncio.sleep(0.4)
    # The attempt waits AUTHORIZATION_WAIT (minutes) for the user: closing must not.
    async with asyncio.timeout(HANG_GUARD):
        assert await _run(hass, connection.close) == []


async def test_connect_and_close_leave_no_thread(hass: HomeAssistant, core: FakeRoonCore) -> None:
    before = set(threading.enumerate())
    for _ in range(5):
        client = await _connect(hass, core.port)
        assert await _run(hass, client.close) == []
    leftover = [
        t for t in set(threading.enumerate()) - before if not isinstance(t, threading._DummyThread)
    ]
    assert [t.name for t in leftover if not t.name.startswith("SyncWorker")] == []


async def test_stop_roonapi_and_join_with_the_watcher_on(
    hass: HomeAssistant, core: FakeRoonCore
) -> None:
    """With roonapi's reconnect watcher running too, everything stops at once."""
    api = await _run(hass, IsolatedRoonApi, roon.APPINFO, TOKEN, HOST, core.port, init_timeout=5)
    assert api.connected
    assert set(api.zones) == {"zone-living", "zone-kitchen", "zone-office"}
    assert await _run(hass, roon.stop_roonapi_and_join, api) == []
    assert await _run(hass, api._request, "com.roonlabs.transport:2/get_zones") is None


async def test_isolated_roonapi_can_reconnect_by_itself(
    hass: HomeAssistant, core: FakeRoonCore
) -> None:
    """With a reconnect delay, IsolatedRoonApi does what roonapi does, only sooner."""
    api = await _run(
        hass, IsolatedRoonApi, roon.APPINFO, TOKEN, HOST, core.port, reconnect_delay=0.1
    )
    try:
        first_socket = api._roonsocket
        await core.drop_connections()
        async with asyncio.timeout(5):
            while api._roonsocket is first_socket or not api.connected:  # noqa: ASYNC110
                await asyncio.sleep(0.02)  # roonapi offers nothing to wait on
        zones = await _run(hass, api._request, "com.roonlabs.transport:2/get_zones")
        assert len(zones["zones"]) == 3
    finally:
        assert await _run(hass, roon.stop_roonapi_and_join, api) == []


# --- discovery ---------------------------------------------------------------------------------


async def test_discover(
    hass: HomeAssistant, core: FakeRoonCore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Replies to both queries collapse into one Core; ports are integers; junk is skipped."""
    responder = SoodResponder(core.port, [sood_reply(core.port), b"SOOD\x02X junk"])
    sood_port = await responder.start()
    monkeypatch.setattr(roonapi.discovery, "socket", loopback_socket_module(sood_port))
    try:
        found = await _run(hass, roon.discover, timeout=0.3)
    finally:
        responder.stop()
    assert found == [(HOST, core.port)]
    assert responder.queries == 2


# --- parsing and defensive paths -----------------------------------------------------------------


def test_volume_without_range_has_no_level() -> None:
    assert RoonVolume(VolumeType.NUMBER, 0, 0, 5).level is None
    assert not RoonVolume(VolumeType.NUMBER, 0, 0, 5).settable
    assert RoonVolume(VolumeType.DB, -80, 0, -24.3, 0.5).raw_for(0.7) == -24.0
    assert roon_parse._parse_volume({"type": "percent", "value": 3}) is None
    assert roon_parse._parse_volume(None) is None


def test_reply_translation() -> None:
    assert roon_parse._checked("MOO/1 COMPLETE Success") == "MOO/1 COMPLETE Success"
    assert roon_parse._checked({"items": []}) == {"items": []}
    for reply, reason, detail in [
        (None, RoonFailure.NO_REPLY, ""),
        ({"error": "zone not found"}, RoonFailure.REJECTED, "zone not found"),
        ({"action": "message", "is_error": True, "message": "No"}, RoonFailure.REJECTED, "No"),
        ("MOO/1 COMPLETE InvalidItemKey", RoonFailure.STALE_ITEM, "InvalidItemKey"),
        ("MOO/1 COMPLETE InvalidLevels", RoonFailure.REJECTED, "InvalidLevels"),
    ]:
        with pytest.raises(RoonCommandError) as caught:
            roon_parse._checked(reply)
        assert (caught.value.reason, caught.value.detail) == (reason, detail)


def test_best_match() -> None:
    def item(title: str, subtitle: str | None = None) -> roon.RoonBrowseItem:
        return roon.RoonBrowseItem(title, subtitle, None, title, "list")

    albums = [
        item("Blue", "Joni Mitchell"),
        item("Kind of Blue (Legacy Edition)", "Miles Davis"),
        item("Blue Train", "John Coltrane"),
    ]
    best = roon_browse._best_match
    assert best(albums, "kind of blue", "album", None) == albums[1]  # edition ignored
    assert best(albums, "blue", "album", None) == albums[0]  # exact beats prefix
    assert best(albums, "blue", "album", "John Coltrane") == albums[2]  # artist first
    assert best(albums, "kind blue miles", "album", None) == albums[1]  # every word found
    assert best(albums, "green", "album", None) is None
    assert best(albums, "", "album", None) is None


async def test_malformed_state_and_failing_callbacks(
    hass: HomeAssistant,
    core: FakeRoonCore,
    connection: RoonConnection,
    changes: ChangeLog,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Bad data from the Core and raising callbacks are logged; the connection carries on."""

    def broken(event: str, ids: list[str]) -> None:
        raise RuntimeError("callback bug")

    def recorded_then_broken(event: str, ids: list[str]) -> None:
        changes(event, ids)
        broken(event, ids)

    api = connection._api
    assert api is not None
    api.register_state_callback(broken)
    remove = connection.on_change(recorded_then_broken)
    await core.push("zones", {"zones_seek_changed": [{"zone_id": "zone-nope", "seek_position": 1}]})
    await core.push("zones", {"mystery": [1]})
    zone = dict(core.zones["zone-office"], outputs=[{"no": "output id"}])
    await core.push("zones", {"zones_changed": [zone]})
    await changes.wait_event("zones_changed", "zone-office")
    remove()
    remove()  # removing twice is harmless
    assert connection.zones["zone-office"].outputs[0].output_id == "out-office"  # kept
    assert "Ignoring a malformed Roon object zone-office" in caplog.text
    assert "Error in a Roon state callback" in caplog.text
    assert "Error in the Roon change callback" in caplog.text


async def test_bad_address(hass: HomeAssistant, socket_enabled: None) -> None:
    with pytest.raises(RoonConnectionError):
        await _connect(hass, 0)
    with pytest.raises(RoonConnectionError):
        await _run(hass, roon.pair, "", 9330, timeout=1)
