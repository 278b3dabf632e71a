"""A household of two people, end to end in a real Home Assistant (issue 25, point 3).

Alice and Bob each have a Last.fm account on the fake Last.fm; the living room's Roon zone
(the fake Roon Core) is shared: the household's; the kitchen's Sonos-like player is Bob's.
Every figure the websocket answers, for each person and for everyone, is counted by hand.

The home's time zone puts its clock near noon whatever the hour the test runs, so every play
of the last hour and a half is today's; the recorders' clock is the test's (``ManualClock``).
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
import time
from typing import Any

from homeassistant.components import conversation
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockUser,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.aime.const import (
    CONF_API_ROOT,
    CONF_KIND,
    CONF_LISTENER,
    CONF_PLAYER_LISTENERS,
    CONF_PLAYERS,
    CONF_ZONE_LISTENERS,
    DOMAIN,
    KIND_LASTFM,
)
from custom_components.aime.hub.runtime import HubRuntime
from custom_components.aime.players import recorder as players_recorder
from custom_components.aime.players.recorder import PLAYERS
from custom_components.aime.roon import history as roon_history

from .assist.agent import ask
from .fakes.lastfm import DEFAULT_API_KEY, FakeLastfm, FakeScrobble
from .fakes.roon import FakeRoonCore
from .helpers.people import add_person
from .roon.test_history import ManualClock
from .roon.test_history_restart import Running

pytestmark = pytest.mark.usefixtures("no_lastfm_pacing")

ALICE, BOB = "person.alice", "person.bob"
KITCHEN = "media_player.kitchen"
HOUR = 3600


def noon_time_zone() -> str:
    """A fixed-offset zone where it is now between 12:00 and 13:00."""
    offset = 12 - datetime.now(UTC).hour  # Etc/GMT-N is N hours ahead of UTC.
    return "Etc/GMT" if offset == 0 else f"Etc/GMT{-offset:+d}"


def lastfm_entry(fake: FakeLastfm, user: str, person: str) -> MockConfigEntry:
    """A Last.fm account assigned to ``person``."""
    return MockConfigEntry(
        domain=DOMAIN,
        unique_id=f"lastfm_{user.casefold()}",
        title=f"Last.fm {user}",
        data={
            CONF_KIND: KIND_LASTFM,
            "username": user,
            "api_key": DEFAULT_API_KEY,
            CONF_API_ROOT: fake.api_root,
        },
        options={"scan_interval": 60, CONF_LISTENER: person},
    )


@dataclass
class Household:
    """Everything set up and played."""

    hass: HomeAssistant
    hub: MockConfigEntry
    roon: Running
    clock: ManualClock
    alice_user: MockUser

    async def settle(self) -> None:
        """Every write done and the statistics refreshed (their cool-down passed)."""
        runtime: HubRuntime = self.hub.runtime_data
        await runtime.require(PLAYERS).listening.async_wait_writes()
        await self.hass.async_block_till_done(wait_background_tasks=True)
        async_fire_time_changed(self.hass, dt_util.utcnow() + timedelta(seconds=10))
        await self.hass.async_block_till_done(wait_background_tasks=True)


async def play_in_kitchen(
    hass: HomeAssistant, clock: ManualClock, track: tuple[str, str, int], heard: int
) -> None:
    """The kitchen's player plays ``heard`` seconds of a track (title, artist, length),
    reporting every 10 s, then stops."""
    title, artist, length = track

    def write(state: str, position: int) -> None:
        hass.states.async_set(
            KITCHEN,
            state,
            {
                "friendly_name": "Kitchen",
                "media_content_type": "music",
                "media_title": title,
                "media_artist": artist,
                "media_duration": length,
                "media_position": position,
                "media_position_updated_at": dt_util.utc_from_timestamp(clock.time()),
            },
        )

    write("playing", 0)
    await hass.async_block_till_done()
    for position in range(10, heard + 1, 10):
        clock.now += 10
        write("playing", position)
        await hass.async_block_till_done()
    hass.states.async_set(KITCHEN, "idle", {"friendly_name": "Kitchen"})
    await hass.async_block_till_done()


@pytest.fixture
async def household(  # noqa: PLR0917 - fixtures are asked by name
    hass: HomeAssistant,
    hass_admin_user: MockUser,
    fake_lastfm: FakeLastfm,
    fake_roon: FakeRoonCore,
    roon_entry: MockConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncGenerator[Household]:
    """Alice (the admin user), Bob, their accounts, the shared zone and Bob's kitchen."""
    await hass.config.async_set_time_zone(noon_time_zone())
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})
    await add_person(hass, "Alice", hass_admin_user.id)
    await add_person(hass, "Bob")
    clock = ManualClock()
    clock.epoch = time.time() - HOUR  # The recorders' plays start an hour ago: today.
    monkeypatch.setattr(roon_history, "SYSTEM_CLOCK", clock)
    monkeypatch.setattr(players_recorder, "SYSTEM_CLOCK", clock)

    now = int(time.time())
    fake_lastfm.add_user("Alice")
    fake_lastfm.add_user("Bob")
    fake_lastfm.scrobble_many(
        "Alice",
        [
            FakeScrobble("Miles Davis", "Blue in Green", "Kind of Blue", now - 86_400 - HOUR),
            FakeScrobble("Nina Simone", "Sinnerman", "Pastel Blues", now - 3000),
            FakeScrobble("Björk", "Hunter", "Homogenic", now - 2800),
            FakeScrobble("Nina Simone", "Feeling Good", "I Put a Spell on You", now - 2600),
        ],
    )
    # Newer than Alice's: an account's first poll reads from the newest Last.fm play stored.
    fake_lastfm.scrobble_many(
        "Bob",
        [
            FakeScrobble("Daft Punk", "Get Lucky", "Random Access Memories", now - 2000),
            FakeScrobble("Sigur Rós", "Hoppípolla", "Takk...", now - 1900),
        ],
    )

    hub = MockConfigEntry(
        domain=DOMAIN,
        unique_id=DOMAIN,
        title="AIME",
        data={},
        options={CONF_PLAYERS: [KITCHEN], CONF_PLAYER_LISTENERS: {KITCHEN: BOB}},
    )
    for entry in (
        hub,
        lastfm_entry(fake_lastfm, "Alice", ALICE),
        lastfm_entry(fake_lastfm, "Bob", BOB),
    ):
        entry.add_to_hass(hass)
        assert await hass.config_entries.async_setup(entry.entry_id)
        await hass.async_block_till_done(wait_background_tasks=True)

    roon = Running(hass, fake_roon, roon_entry, clock)
    roon_entry.add_to_hass(hass)
    await roon.start()
    await roon.play(250)  # "So What", from 42 s: counted at 4 minutes heard.
    await play_in_kitchen(hass, clock, ("Naima", "John Coltrane", 260), 200)
    world = Household(hass, hub, roon, clock, hass_admin_user)
    await world.settle()
    yield world
    await hass.config_entries.async_unload(roon_entry.entry_id)


async def _asker(hass: HomeAssistant, hass_ws_client: WebSocketGenerator) -> Any:
    client = await hass_ws_client(hass)

    async def ask_ws(command: dict[str, Any]) -> Any:
        await client.send_json_auto_id(command)
        answer = await client.receive_json()
        assert answer["success"], answer
        return answer["result"]

    return ask_ws


def _plays_by_person(figures: dict[str | None, Any], field: str = "plays") -> dict[str, Any]:
    return {str(person): answer[field] for person, answer in figures.items()}


EVERYONE: tuple[str | None, ...] = (None, ALICE, BOB)


async def _each(ask_ws: Any, command: dict[str, Any]) -> dict[str | None, Any]:
    """The command's answer for everyone, Alice and Bob."""
    return {
        person: await ask_ws(command | ({"person": person} if person else {}))
        for person in EVERYONE
    }


async def test_every_figure_per_person_and_for_everyone(
    hass: HomeAssistant, household: Household, hass_ws_client: WebSocketGenerator
) -> None:
    """Today: Alice 3 (Last.fm), Bob 3 (2 Last.fm, the kitchen), the household's zone 1: 7
    in all; Alice's play of yesterday makes 8 over 7 days."""
    ask_ws = await _asker(hass, hass_ws_client)
    people = await ask_ws({"type": "aime/people"})
    assert people == {
        "people": [
            {"entity_id": ALICE, "name": "Alice", "picture": None},
            {"entity_id": BOB, "name": "Bob", "picture": None},
        ]
    }
    today = await _each(ask_ws, {"type": "aime/stats", "window": "today"})
    assert _plays_by_person(today) == {"None": 7, ALICE: 3, BOB: 3}
    # Last.fm plays have no length: each is estimated.
    assert _plays_by_person(today, "estimated_plays") == {"None": 5, ALICE: 3, BOB: 2}
    # The zone's "So What" counted at 240 s heard, the kitchen's "Naima" ended at 200 s; each
    # Last.fm play, of unknown length, is estimated at 240 s: the household's sum is its parts'.
    assert _plays_by_person(today, "listening_seconds") == {
        "None": 240 + 200 + 5 * 240,
        ALICE: 3 * 240,
        BOB: 200 + 2 * 240,
    }
    week = await _each(ask_ws, {"type": "aime/stats", "window": "7d"})
    assert _plays_by_person(week) == {"None": 8, ALICE: 4, BOB: 3}
    assert [artist["name"] for artist in week[ALICE]["top_artists"]][:1] == ["Nina Simone"]
    assert {artist["name"] for artist in week[BOB]["top_artists"]} == {
        "Daft Punk",
        "Sigur Rós",
        "John Coltrane",
    }

    history = await _each(ask_ws, {"type": "aime/history"})
    assert {str(p): page["total"] for p, page in history.items()} == {
        "None": 8,
        ALICE: 4,
        BOB: 3,
    }
    assert [entry["title"] for entry in history[BOB]["entries"]] == [
        "Hoppípolla",
        "Get Lucky",
        "Naima",
    ]
    periods = await _each(ask_ws, {"type": "aime/periods"})
    assert {
        str(p): (answer["today"]["plays"], answer["all"]["plays"]) for p, answer in periods.items()
    } == {
        "None": (7, 8),
        ALICE: (3, 4),
        BOB: (3, 3),
    }
    timeline = await _each(ask_ws, {"type": "aime/timeline"})
    assert _plays_by_person(timeline) == {"None": 7, ALICE: 3, BOB: 3}
    ranged = await _each(ask_ws, {"type": "aime/range"})
    assert _plays_by_person(ranged) == {"None": 8, ALICE: 4, BOB: 3}
    trend = await _each(ask_ws, {"type": "aime/trend", "months": 1})
    assert {str(p): sum(m["plays"] for m in t["months"]) for p, t in trend.items()} == {
        "None": 8,
        ALICE: 4,
        BOB: 3,
    }
    streaks = await _each(ask_ws, {"type": "aime/streaks"})
    assert {str(p): s["current"] for p, s in streaks.items()} == {"None": 2, ALICE: 2, BOB: 1}

    # The sensors: the hub's figures for everyone, each person's beside them.
    assert hass.states.get("sensor.aime_plays_today").state == "7"
    assert hass.states.get("sensor.aime_plays_today_alice").state == "3"
    assert hass.states.get("sensor.aime_plays_today_bob").state == "3"
    assert hass.states.get("sensor.aime_plays_today_bob").name == "AIME Plays today (Bob)"
    bob_time = hass.states.get("sensor.aime_listening_time_today_bob")
    assert float(bob_time.state) == pytest.approx((200 + 2 * 240) / 60)  # In minutes.
    assert bob_time.attributes["person"] == BOB

    # Assist answers for the person speaking, and for everyone when it does not know them.
    user = household.alice_user.id
    assert await ask(hass, "what did I listen to today", "en", user) == (
        "Today, you listened to 3 tracks, most of all Nina Simone."
    )
    assert await ask(hass, "what did I listen to yesterday", "en", user) == (
        "Yesterday, you listened to 1 track, most of all Miles Davis."
    )
    assert await ask(hass, "qu'est-ce que j'ai écouté aujourd'hui", "fr", user) == (
        "Aujourd\u2019hui, vous avez écouté 3 morceaux, surtout Nina Simone."
    )
    assert await ask(hass, "how many plays today", "en", user) == "Plays today: 3."
    assert await ask(hass, "how many plays today", "en") == "Plays today: 7."
    assert (await ask(hass, "what did I listen to today", "en")).startswith(
        "Today, the household listened to 7 tracks"
    )
    assert conversation.DOMAIN in hass.config.components


async def test_assignments_move_the_stored_plays(
    hass: HomeAssistant, household: Household, hass_ws_client: WebSocketGenerator
) -> None:
    """The kitchen given to Alice, the living room to Bob: their plays follow; Bob's Last.fm
    account given to Alice moves nothing (two accounts: its plays cannot be told apart)."""
    ask_ws = await _asker(hass, hass_ws_client)
    hub = household.hub
    hass.config_entries.async_update_entry(
        hub, options={**hub.options, CONF_PLAYER_LISTENERS: {KITCHEN: ALICE}}
    )
    roon = household.roon.entry
    hass.config_entries.async_update_entry(
        roon, options={**roon.options, CONF_ZONE_LISTENERS: {"Living Room": BOB}}
    )
    bob_lastfm = next(
        entry
        for entry in hass.config_entries.async_entries(DOMAIN)
        if entry.unique_id == "lastfm_bob"
    )
    hass.config_entries.async_update_entry(
        bob_lastfm, options={**bob_lastfm.options, CONF_LISTENER: ALICE}
    )
    await household.settle()

    today = await _each(ask_ws, {"type": "aime/stats", "window": "today"})
    assert _plays_by_person(today) == {"None": 7, ALICE: 4, BOB: 3}
    history = await ask_ws({"type": "aime/history", "person": BOB})
    assert [entry["title"] for entry in history["entries"]] == [
        "Hoppípolla",
        "Get Lucky",
        "So What",
    ]
    assert hass.states.get("sensor.aime_plays_today_alice").state == "4"
