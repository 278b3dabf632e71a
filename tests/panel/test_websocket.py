"""The panel's websocket commands over the small Paris history (``hub_history.py``)."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
import sqlite3
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers.translation import async_get_translations
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.aime.const import DOMAIN
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.hub.lookup import require_hub_store
from custom_components.aime.hub.recording import EVENT_PLAY_RECORDED, async_record_plays
from custom_components.aime.panel.subscribe import MAX_PLAYS_AT_ONCE
from custom_components.aime.stats.coordinator import REFRESH_COOLDOWN_SECONDS

from ..helpers.hub_history import NOW, at
from ..helpers.hub_ws import refusal_key
from .conftest import Ask, result

pytestmark = pytest.mark.freeze_time(NOW)
ODD = "<img src=x onerror=alert(1)>"
KIND_OF_BLUE = "media-source://aime/search/album/Kind%20of%20Blue?artist=Miles+Davis"


def _album_id(store_path: Path, title: str) -> int:
    with sqlite3.connect(store_path) as conn:
        found: int = conn.execute("SELECT id FROM album WHERE title = ?", (title,)).fetchone()[0]
    return found


def _artist_id(store_path: Path, name: str) -> int:
    with sqlite3.connect(store_path) as conn:
        found: int = conn.execute("SELECT id FROM artist WHERE name = ?", (name,)).fetchone()[0]
    return found


async def test_range(ask: Ask, store_path: Path) -> None:
    """Since the first play until today by default, by month; any range by day or week."""
    everything = await result(ask, {"type": "aime/range", "top": 1})
    assert (everything["first_day"], everything["last_day"]) == ("2024-01-10", "2024-03-13")
    assert (everything["plays"], everything["active_days"]) == (8, 5)
    assert [(p["start"], p["plays"]) for p in everything["series"]] == [
        ("2024-01-10", 1),
        ("2024-02-01", 0),
        ("2024-03-01", 7),
    ]
    [album] = everything["top_albums"]
    assert (album["name"], album["plays"], album["cover"]) == ("Kind of Blue", 3, None)
    assert album["play_media_id"] == KIND_OF_BLUE
    miles = _artist_id(store_path, "Miles Davis")
    assert album["artist_id"] == miles  # The panel links the artist's name.
    [track] = everything["top_tracks"]
    assert track["play_media_id"].startswith("media-source://aime/search/track/")
    with sqlite3.connect(store_path) as conn:
        owner = conn.execute(
            "SELECT artist_id, album_id FROM track WHERE id = ?", (track["id"],)
        ).fetchone()
    assert (track["artist_id"], track["album_id"]) == owner  # Its artist's and album's pages.
    assert [artist["name"] for artist in everything["new_artists"]] == [
        "Nina Simone", "Bill Evans", "Miles Davis", "John Coltrane",
    ]  # fmt: skip
    week = await result(
        ask,
        {"type": "aime/range", "first_day": "2024-03-11", "last_day": "2024-03-13",
         "granularity": "day"},
    )  # fmt: skip
    assert [p["plays"] for p in week["series"]] == [1, 2, 3]
    assert len(week["heatmap"]) == 7
    assert week["longest_streak"] == 3


async def test_range_refuses_reversed_days(hass: HomeAssistant, ask: Ask) -> None:
    """A first day after the last one: a clear error."""
    answer = await ask({"type": "aime/range", "first_day": "2024-03-13", "last_day": "2024-03-01"})
    assert refusal_key(answer) == "start_after_end"


async def test_album(ask: Ask, store_path: Path) -> None:
    """Kind of Blue: the record, its tracks with plays, its plays, what to play."""
    album_id = _album_id(store_path, "Kind of Blue")
    album = await result(ask, {"type": "aime/album", "album_id": album_id, "page_size": 2})
    assert (album["title"], album["artist"], album["original_year"]) == (
        "Kind of Blue", "Miles Davis", 1959,
    )  # fmt: skip
    assert [record["format"] for record in album["records"]] == ["Vinyl"]
    assert (album["cover"], album["play_media_id"]) == (None, KIND_OF_BLUE)
    assert album["total_plays"] == 3
    assert sorted((t["title"], t["plays"]) for t in album["tracks"]) == [
        ("Blue in Green", 1), ("Freddie Freeloader", 1), ("So What", 1),
    ]  # fmt: skip
    assert all(
        t["play_media_id"].startswith("media-source://aime/search/track/") for t in album["tracks"]
    )
    assert {t["artist_id"] for t in album["tracks"]} == {_artist_id(store_path, "Miles Davis")}
    assert [entry["title"] for entry in album["plays"]] == ["Freddie Freeloader", "So What"]
    assert all(entry["cover"] is None for entry in album["plays"])
    assert album["description"] is None


async def test_unknown_ids_are_translated_errors(hass: HomeAssistant, ask: Ask) -> None:
    """An id no album or artist has: not_found, with its sentence in English and French."""
    for kind in ("album", "artist"):
        answer = await ask({"type": f"aime/{kind}", f"{kind}_id": 999})
        assert not answer["success"]
        error = answer["error"]
        assert (error["code"], error["translation_key"]) == ("not_found", f"unknown_{kind}")
        assert error["message"].startswith(f"There is no {kind} 999")
        french = await async_get_translations(hass, "fr", "exceptions", [DOMAIN])
        template = french[f"component.{DOMAIN}.exceptions.unknown_{kind}.message"]
        assert template.format(**error["translation_placeholders"]).endswith(" 999.")


async def test_artist(ask: Ask, store_path: Path) -> None:
    """Miles Davis: totals, months, albums played and owned, top tracks."""
    miles = _artist_id(store_path, "Miles Davis")
    artist = await result(ask, {"type": "aime/artist", "artist_id": miles, "top": 2})
    assert (artist["name"], artist["total_plays"], artist["cover"]) == ("Miles Davis", 3, None)
    assert artist["play_media_id"] == "media-source://aime/search/artist/Miles%20Davis"
    assert artist["months"] == [{"month": "2024-03", "plays": 3}]
    [album] = artist["albums"]
    assert (album["title"], album["plays"], album["owned"]) == ("Kind of Blue", 3, 1)
    assert album["play_media_id"] == KIND_OF_BLUE
    assert len(artist["top_tracks"]) == 2
    kind_of_blue = _album_id(store_path, "Kind of Blue")
    assert {(t["artist_id"], t["album_id"]) for t in artist["top_tracks"]} == {
        (miles, kind_of_blue)
    }


async def test_collection_filters_and_facets(ask: Ask, store_path: Path) -> None:
    """Filters by decade and shelf; the facets with their counts."""
    sixties = await result(ask, {"type": "aime/collection", "decade": 1960})
    assert [r["title"] for r in sixties["records"]] == ["A Love Supreme", "Pastel Blues"]
    assert sixties["records"][0]["artist_id"] == _artist_id(store_path, "John Coltrane")
    assert all(
        r["play_media_id"].startswith("media-source://aime/search/album/")
        for r in sixties["records"]
    )
    never = await result(ask, {"type": "aime/collection", "shelf": "never_played"})
    assert never["total"] == 0
    facets = await result(ask, {"type": "aime/collection/facets"})
    assert facets["formats"] == [{"value": "Vinyl", "records": 2}, {"value": "CD", "records": 1}]
    assert facets["decades"] == [{"value": "1950", "records": 1}, {"value": "1960", "records": 2}]
    assert facets["genres"] == facets["styles"] == []
    answer = await ask({"type": "aime/collection", "shelf": "dusty"})
    assert refusal_key(answer) == "invalid_choice"
    assert "never_played" in answer["error"]["translation_placeholders"]["choices"]


async def test_odd_names_come_back_as_text(hass: HomeAssistant, ask: Ask) -> None:
    """Names that look like HTML are data: returned as written, in every command."""
    access = require_hub_store(hass)
    await async_record_plays(
        hass, access, [PlayInput(ODD, ODD, at(3, 13, 10, 20), Source.LASTFM, ODD)]
    )
    latest = (await result(ask, {"type": "aime/history", "page_size": 1}))["entries"][0]
    assert (latest["title"], latest["artist"], latest["album"]) == (ODD, ODD, ODD)
    album = await result(ask, {"type": "aime/album", "album_id": latest["album_id"]})
    assert (album["title"], album["tracks"][0]["title"]) == (ODD, ODD)
    artist = await result(ask, {"type": "aime/artist", "artist_id": latest["artist_id"]})
    assert artist["name"] == ODD


# --- aime/subscribe --------------------------------------------------------------------------


async def _events(client: Any, count: int) -> list[dict[str, Any]]:
    return [(await client.receive_json())["event"] for _ in range(count)]


async def _past_the_refresh_cooldown(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    """Let the statistics' debounced refresh run (its cooldown runs on the frozen clock)."""
    await hass.async_block_till_done()
    freezer.tick(REFRESH_COOLDOWN_SECONDS + 1)
    async_fire_time_changed(hass)
    await hass.async_block_till_done()


async def test_subscribe_pushes_plays_and_refreshes(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    hub: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A recorded play arrives with its journal entry; the figures' refresh follows."""
    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "aime/subscribe"})
    subscribed = await client.receive_json()
    assert subscribed["success"], subscribed
    access = require_hub_store(hass)
    play = PlayInput("Naima", "John Coltrane", at(3, 13, 10, 25), Source.ROON, "Giant Steps")
    await async_record_plays(hass, access, [play])
    await _past_the_refresh_cooldown(hass, freezer)
    events = await _events(client, 2)
    assert sorted(event["kind"] for event in events) == ["play", "stats"]
    [entry] = [event["play"] for event in events if event["kind"] == "play"]
    assert (entry["title"], entry["artist"], entry["album"]) == (
        "Naima",
        "John Coltrane",
        "Giant Steps",
    )
    assert entry["cover"] is None
    assert entry["play_media_id"] == ("media-source://aime/search/track/Naima?artist=John+Coltrane")


async def test_a_persons_subscription_gets_their_plays_only(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    hub: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Subscribed for Alice: Bob's play is not sent, Alice's is."""
    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "aime/subscribe", "person": "person.alice"})
    assert (await client.receive_json())["success"]
    access = require_hub_store(hass)
    bob = PlayInput("Naima", "John Coltrane", at(3, 13, 10, 25), Source.ROON, listener="person.bob")
    alice = replace(bob, title="Equinox", played_at=at(3, 13, 10, 35), listener="person.alice")
    await async_record_plays(hass, access, [bob, alice])
    await _past_the_refresh_cooldown(hass, freezer)
    events = await _events(client, 2)
    assert sorted(event["kind"] for event in events) == ["play", "stats"]
    assert [event["play"]["title"] for event in events if event["kind"] == "play"] == ["Equinox"]


async def test_a_burst_is_one_refresh(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    hub: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Many plays announced at once: "stats" events, no flood of plays."""
    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "aime/subscribe"})
    assert (await client.receive_json())["success"]
    plays = [
        PlayInput(f"Track {n}", "Band", at(3, 13, 10, 20 + n), Source.LASTFM, "Burst")
        for n in range(MAX_PLAYS_AT_ONCE + 1)
    ]
    await async_record_plays(hass, require_hub_store(hass), plays)
    await _past_the_refresh_cooldown(hass, freezer)
    assert [event["kind"] for event in await _events(client, 2)] == ["stats", "stats"]
    await client.send_json_auto_id({"type": "ping"})
    assert (await client.receive_json())["type"] == "pong"  # Nothing else was queued.


async def test_playlists_and_collection_changes(
    hass: HomeAssistant, hass_ws_client: WebSocketGenerator, hub: MockConfigEntry
) -> None:
    """A playlist saved by the action: "playlists"; a collection change: "collection"."""
    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "aime/subscribe"})
    assert (await client.receive_json())["success"]
    await hass.services.async_call(
        DOMAIN, "generate_playlist", {"algorithm": "top_sessions"}, blocking=True,
        return_response=True,
    )  # fmt: skip
    assert (await client.receive_json())["event"] == {"kind": "playlists"}


async def test_unsubscribe_and_unload_end_it(
    hass: HomeAssistant, hass_ws_client: WebSocketGenerator, hub: MockConfigEntry
) -> None:
    """Unsubscribing lets go of every listener; so does unloading the hub, which says so."""
    before = hass.bus.async_listeners().get(EVENT_PLAY_RECORDED, 0)
    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "aime/subscribe"})
    subscription = (await client.receive_json())["id"]
    assert hass.bus.async_listeners()[EVENT_PLAY_RECORDED] == before + 1
    await client.send_json_auto_id({"type": "unsubscribe_events", "subscription": subscription})
    assert (await client.receive_json())["success"]
    assert hass.bus.async_listeners().get(EVENT_PLAY_RECORDED, 0) == before
    await client.send_json_auto_id({"type": "aime/subscribe"})
    second = await client.receive_json()
    assert second["success"]
    assert hass.bus.async_listeners()[EVENT_PLAY_RECORDED] == before + 1
    assert await hass.config_entries.async_unload(hub.entry_id)
    await hass.async_block_till_done()
    assert hass.bus.async_listeners().get(EVENT_PLAY_RECORDED, 0) == before
    ended = await client.receive_json()
    assert (ended["id"], ended["type"], ended["event"]) == (
        second["id"],
        "event",
        {"kind": "ended"},
    )
    # Nothing more for it: the client's own unsubscribe finds it already over.
    await client.send_json_auto_id({"type": "unsubscribe_events", "subscription": second["id"]})
    assert (await client.receive_json())["error"]["code"] == "not_found"
    await client.send_json_auto_id({"type": "aime/subscribe"})
    answer = await client.receive_json()
    assert answer["error"]["translation_key"] == "hub_not_loaded"


async def test_ended_subscriptions_leave_nothing_on_the_hub(
    hass: HomeAssistant, hass_ws_client: WebSocketGenerator, hub: MockConfigEntry
) -> None:
    """Subscriptions ended by the client or its closed connection leave the hub's unload list
    as it was (it would keep them alive); one still live is ended by the hub's unload."""
    unload_callbacks = len(hub._on_unload or [])
    listeners = hass.bus.async_listeners().get(EVENT_PLAY_RECORDED, 0)
    for _ in range(5):
        client = await hass_ws_client(hass)
        await client.send_json_auto_id({"type": "aime/subscribe"})
        subscription = (await client.receive_json())["id"]
        await client.send_json_auto_id({"type": "unsubscribe_events", "subscription": subscription})
        assert (await client.receive_json())["success"]
        await client.send_json_auto_id({"type": "aime/subscribe"})
        assert (await client.receive_json())["success"]
        await client.close()  # Ends the second subscription with the connection.
        await hass.async_block_till_done()
    assert len(hub._on_unload or []) <= unload_callbacks + 1  # Its one registry of them.
    assert hass.bus.async_listeners().get(EVENT_PLAY_RECORDED, 0) == listeners
    live = await hass_ws_client(hass)
    await live.send_json_auto_id({"type": "aime/subscribe"})
    subscribed = await live.receive_json()
    assert len(hub._on_unload or []) <= unload_callbacks + 1
    assert await hass.config_entries.async_unload(hub.entry_id)
    ended = await live.receive_json()
    assert (ended["id"], ended["event"]) == (subscribed["id"], {"kind": "ended"})
    assert await hass.config_entries.async_setup(hub.entry_id)  # Back: subscriptions again.
    await live.send_json_auto_id({"type": "aime/subscribe"})
    assert (await live.receive_json())["success"]
