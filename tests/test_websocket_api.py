"""The dashboard's websocket commands over the small Paris history."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import WebSocketGenerator
from syrupy.assertion import SnapshotAssertion

from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.stats.queries import Stats
from custom_components.aime.core.store.store import Store
from custom_components.aime.hub.recording import async_record_plays

from .helpers.hub_history import NOW, TIME_ZONE, write_history
from .helpers.hub_ws import refusal_key
from .helpers.loop_watch import LoopWatch

# Frozen from the start: access tokens must not come from the future.
pytestmark = pytest.mark.freeze_time(NOW)


async def _result(ask: Any, command: dict[str, Any]) -> Any:
    answer = await ask(command)
    assert answer["success"], answer
    return answer["result"]


async def test_stats(ask: Any, snapshot: SnapshotAssertion) -> None:
    """The last 7 days by default; any window, with a shorter top list."""
    assert await _result(ask, {"type": "aime/stats"}) == snapshot(name="7d")
    assert await _result(ask, {"type": "aime/stats", "window": "all", "top": 2}) == snapshot(
        name="all_top_2"
    )
    today = await _result(ask, {"type": "aime/stats", "window": "today"})
    assert (today["first_day"], today["plays"], today["estimated_plays"]) == ("2024-03-13", 3, 1)


async def test_history(ask: Any, snapshot: SnapshotAssertion) -> None:
    """Newest first, paged; every filter narrows it."""
    assert await _result(ask, {"type": "aime/history", "page_size": 3}) == snapshot(name="first")
    second = await _result(ask, {"type": "aime/history", "page": 1, "page_size": 3})
    assert [entry["title"] for entry in second["entries"]] == [
        "Blue in Green",
        "Waltz for Debby",
        "Sinnerman",
    ]
    latest = (await _result(ask, {"type": "aime/history", "page_size": 1}))["entries"][0]

    async def titles(**filters: Any) -> list[str]:
        page = await _result(ask, {"type": "aime/history", **filters})
        assert page["total"] == len(page["entries"])
        return [entry["title"] for entry in page["entries"]]

    assert await titles(text="  miles ") == ["Freddie Freeloader", "So What", "Blue in Green"]
    assert await titles(artist_id=latest["artist_id"]) == ["Acknowledgement"]
    assert await titles(album_id=latest["album_id"]) == ["Acknowledgement"]
    assert await titles(source="roon") == ["Acknowledgement", "Freddie Freeloader", "Sinnerman"]
    assert await titles(loved=True) == ["Waltz for Debby"]
    assert await titles(first_day="2024-03-11", last_day="2024-03-12") == [
        "Blue in Green",
        "Waltz for Debby",
        "Sinnerman",
    ]


async def test_timeline(ask: Any, snapshot: SnapshotAssertion) -> None:
    """One local day hour by hour; today by default."""
    assert await _result(ask, {"type": "aime/timeline", "day": "2024-03-12"}) == snapshot
    today = await _result(ask, {"type": "aime/timeline"})
    assert (today["day"], today["plays"]) == ("2024-03-13", 3)


async def test_collection(ask: Any, snapshot: SnapshotAssertion) -> None:
    """Paged records with their plays; filters, sorts and the collection's statistics."""
    assert await _result(ask, {"type": "aime/collection", "with_stats": True}) == snapshot
    by_plays = await _result(ask, {"type": "aime/collection", "sort": "plays", "descending": True})
    assert by_plays["records"][0]["title"] == "Kind of Blue"
    assert "stats" not in by_plays
    vinyl = await _result(ask, {"type": "aime/collection", "format": "Vinyl", "page_size": 1})
    assert (vinyl["total"], len(vinyl["records"])) == (2, 1)
    blue = await _result(ask, {"type": "aime/collection", "text": "blue"})
    assert [record["title"] for record in blue["records"]] == ["Kind of Blue", "Pastel Blues"]


async def test_periods(ask: Any, snapshot: SnapshotAssertion) -> None:
    """Today, this week, this month, this year and all time, together."""
    periods = await _result(ask, {"type": "aime/periods"})
    assert periods == snapshot
    assert list(periods) == ["today", "week", "month", "year", "all"]
    assert [periods[window]["plays"] for window in periods] == [3, 6, 7, 8, 8]


async def test_streaks(ask: Any, snapshot: SnapshotAssertion) -> None:
    """Three days in a row up to today: current and longest at once."""
    assert await _result(ask, {"type": "aime/streaks"}) == snapshot


async def test_trend(ask: Any, snapshot: SnapshotAssertion) -> None:
    """Twelve months by default, the current one last; any number up to ten years."""
    trend = await _result(ask, {"type": "aime/trend"})
    assert trend == snapshot(name="12_months")
    assert (len(trend["months"]), trend["months"][-1]["month"]) == (12, "2024-03")
    three = await _result(ask, {"type": "aime/trend", "months": 3})
    assert [(month["month"], month["plays"]) for month in three["months"]] == [
        ("2024-01", 1),
        ("2024-02", 0),
        ("2024-03", 7),
    ]
    assert len((await _result(ask, {"type": "aime/trend", "months": 120}))["months"]) == 120


async def test_compare(ask: Any, snapshot: SnapshotAssertion) -> None:
    """This week against the previous one; a change from nothing is None."""
    this_week = {"first_day": "2024-03-11", "last_day": "2024-03-17"}
    last_week = {"first_day": "2024-03-04", "last_day": "2024-03-10"}
    assert await _result(
        ask, {"type": "aime/compare", "current": this_week, "previous": last_week}
    ) == snapshot(name="weeks")
    january = {"first_day": "2024-01-01", "last_day": "2024-01-31"}
    february = {"first_day": "2024-02-01", "last_day": "2024-02-29"}
    from_nothing = await _result(
        ask, {"type": "aime/compare", "current": january, "previous": february, "top": 1}
    )
    assert (from_nothing["plays_change"], from_nothing["current"]["plays"]) == (None, 1)
    assert [artist["name"] for artist in from_nothing["current"]["top_artists"]] == ["Nina Simone"]


@pytest.mark.parametrize(
    "command",
    [
        {"type": "aime/stats", "window": "fortnight"},
        {"type": "aime/stats", "top": 0},
        {"type": "aime/history", "page": -1},
        {"type": "aime/history", "page_size": 501},
        {"type": "aime/history", "source": "tidal"},
        {"type": "aime/history", "first_day": "13/03/2024"},
        {"type": "aime/history", "text": "   "},
        {"type": "aime/timeline", "day": "yesterday"},
        {"type": "aime/collection", "sort": "colour"},
        {"type": "aime/periods", "window": "today"},
        {"type": "aime/streaks", "days": 7},
        {"type": "aime/trend", "months": 0},
        {"type": "aime/trend", "months": 121},
        {"type": "aime/compare", "current": {"first_day": "2024-03-11", "last_day": "2024-03-17"}},
        {
            "type": "aime/compare",
            "current": {"first_day": "2024-03-17", "last_day": "2024-03-11"},
            "previous": {"first_day": "2024-03-04", "last_day": "2024-03-10"},
        },
        {
            "type": "aime/compare",
            "current": {"first_day": "2024-03-11", "last_day": "2024-03-17"},
            "previous": {"first_day": "2024-03-04"},
        },
    ],
)
async def test_invalid_commands(ask: Any, command: dict[str, Any]) -> None:
    """Bad parameters are refused before the store is asked."""
    answer = await ask(command)
    assert refusal_key(answer) in {
        "invalid_choice",
        "invalid_date",
        "start_after_end",
        "field_required",
        "unknown_field",
        "invalid_whole_number",
        "expected_object",
        "invalid_value",
        "invalid_text",
    }


async def test_read_only_users_may_read(
    hass: HomeAssistant,
    hub: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
    hass_read_only_access_token: str,
) -> None:
    """The queries only read: any authenticated user may ask."""
    client = await hass_ws_client(hass, hass_read_only_access_token)
    await client.send_json_auto_id({"type": "aime/history", "page_size": 1})
    answer = await client.receive_json()
    assert answer["success"]
    assert answer["result"]["total"] == 8


async def test_hub_not_loaded(
    hass: HomeAssistant, hub: MockConfigEntry, hass_ws_client: WebSocketGenerator
) -> None:
    """Without a loaded hub there is nothing to ask."""
    assert await hass.config_entries.async_unload(hub.entry_id)
    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "aime/stats"})
    answer = await client.receive_json()
    assert not answer["success"]
    assert answer["error"]["code"] == "not_found"
    assert answer["error"]["translation_key"] == "hub_not_loaded"


async def test_database_work_stays_off_the_event_loop(
    *,
    hass: HomeAssistant,
    store_path: Path,
    mock_config_entry: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Sensors, recording and every query read the store from the executor only."""
    watch = LoopWatch(monkeypatch)
    names = (
        *("sensors", "window", "history", "timeline", "collection_page", "collection_stats"),
        *("periods", "streaks", "monthly_trend", "compare"),
    )
    watch.watch(Stats, *names)
    watch.watch(Store, "ingest")
    await hass.config.async_set_time_zone(TIME_ZONE)
    await hass.async_add_executor_job(write_history, store_path)
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()

    access = mock_config_entry.runtime_data.access
    play = PlayInput("Naima", "John Coltrane", int(NOW.timestamp()), Source.ROON, "Giant Steps")
    await async_record_plays(hass, access, [play])
    client = await hass_ws_client(hass)
    for command in (
        {"type": "aime/stats"},
        {"type": "aime/history"},
        {"type": "aime/timeline"},
        {"type": "aime/collection", "with_stats": True},
        {"type": "aime/periods"},
        {"type": "aime/streaks"},
        {"type": "aime/trend"},
        {
            "type": "aime/compare",
            "current": {"first_day": "2024-03-11", "last_day": "2024-03-13"},
            "previous": {"first_day": "2024-03-04", "last_day": "2024-03-06"},
        },
    ):
        await client.send_json_auto_id(command)
        assert (await client.receive_json())["success"]
    await hass.async_block_till_done()

    assert watch.called == {*names, "ingest"}
    assert not watch.on_loop
    assert "Detected blocking call" not in caplog.text


READ_COMMANDS: list[dict[str, Any]] = [
    {"type": "aime/stats"},
    {"type": "aime/history"},
    {"type": "aime/timeline"},
    {"type": "aime/collection"},
    {"type": "aime/periods"},
    {"type": "aime/streaks"},
    {"type": "aime/trend"},
    {
        "type": "aime/compare",
        "current": {"first_day": "2024-03-11", "last_day": "2024-03-17"},
        "previous": {"first_day": "2024-03-04", "last_day": "2024-03-10"},
    },
    {"type": "aime/range"},
    {"type": "aime/album", "album_id": 1},
    {"type": "aime/artist", "artist_id": 1},
    {"type": "aime/collection/facets"},
]


@pytest.mark.parametrize("command", READ_COMMANDS, ids=lambda command: command["type"])
async def test_every_read_takes_a_person(ask: Any, command: dict[str, Any]) -> None:
    """A person's entity id narrows the figures (nobody's plays here); anything else is
    refused with the sentence naming the field."""
    assert (await ask(command | {"person": "person.nobody"}))["success"] or command["type"] in {
        "aime/album",
        "aime/artist",
    }
    for bad in ("sensor.alice", "person.", "Person.Alice", "person.a b", 7, None, ["person.a"]):
        answer = await ask(command | {"person": bad})
        assert refusal_key(answer) == "invalid_person", bad
        # The sentence, whatever the release does with its full stop.
        assert answer["error"]["message"].rstrip(".") == (
            "person must be a person's entity id, such as person.alice"
        )


async def test_a_persons_figures(hass: HomeAssistant, hub: MockConfigEntry, ask: Any) -> None:
    """The Roon plays given to Alice: hers alone with her person, everyone's without."""
    store: Store = hub.runtime_data.store
    moved = await hass.async_add_executor_job(
        store.assign_listener, Source.ROON, None, "person.alice"
    )
    assert moved == 3
    alice = await _result(ask, {"type": "aime/history", "person": "person.alice"})
    assert [entry["title"] for entry in alice["entries"]] == [
        "Acknowledgement",
        "Freddie Freeloader",
        "Sinnerman",
    ]
    assert (await _result(ask, {"type": "aime/history"}))["total"] == 8
    people = await _result(ask, {"type": "aime/people"})
    assert people == {
        "people": [{"entity_id": "person.alice", "name": "person.alice", "picture": None}]
    }
