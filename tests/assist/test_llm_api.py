"""AIME's LLM API, called the way an agent calls it (``llm.async_get_api`` then
``async_call_tool``), over the small Paris history of ``history.py`` at a frozen now."""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import llm
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, MockUser

from custom_components.aime.assist.llm_api import API_ID, API_NAME
from custom_components.aime.core.models import Source
from custom_components.aime.core.stats.queries import Stats
from custom_components.aime.core.store.store import Store

from ..helpers.loop_watch import LoopWatch
from ..helpers.people import add_person
from .agent import api_instance, call_tool

TOOLS = {
    "aime_listening_history",
    "aime_top",
    "aime_plays_of",
    "aime_now_playing",
    "aime_play_playlist",
    "aime_describe_album",
    "aime_collection",
}


def _openapi(schema: Any, custom_serializer: Any) -> Any:
    """The tool's schema as agents convert it: voluptuous_openapi, or probatio on newer HA."""
    try:
        from voluptuous_openapi import convert
    except ImportError:
        from probatio import to_openapi

        return to_openapi(schema, custom_serializer=custom_serializer)
    return convert(schema, custom_serializer=custom_serializer)


async def test_tools_are_listed_for_an_agent(
    hass: HomeAssistant, paris_hub: MockConfigEntry
) -> None:
    """The API is registered while the hub is loaded; every tool's schema serializes."""
    assert (API_ID, API_NAME) in {(api.id, api.name) for api in llm.async_get_apis(hass)}
    api = await api_instance(hass)
    assert {tool.name for tool in api.tools} == TOOLS
    assert "AIME" in api.api_prompt
    # What the LLM agents (OpenAI, Anthropic, Ollama...) send the model.
    for tool in api.tools:
        schema = _openapi(tool.parameters, api.custom_serializer)
        assert schema["type"] == "object", tool.name
        assert tool.description
    await hass.config_entries.async_unload(paris_hub.entry_id)
    assert API_ID not in {api.id for api in llm.async_get_apis(hass)}


async def test_history_of_last_sunday_evening(
    hass: HomeAssistant, paris_hub: MockConfigEntry, caplog: pytest.LogCaptureFixture
) -> None:
    """Local times without an offset are the home's; answers carry the Paris offset."""
    answer = await call_tool(
        hass, "aime_listening_history", start="2026-11-29T18:00:00", end="2026-11-30T00:00:00"
    )
    assert answer["start"] == "2026-11-29T18:00:00+01:00"
    assert answer["total_plays"] == 3
    assert [(play["title"], play["played_at"]) for play in answer["plays"]] == [
        ("Hunter", "2026-11-29T19:10:00+01:00"),
        ("Blue in Green", "2026-11-29T19:05:00+01:00"),
        ("So What", "2026-11-29T19:00:00+01:00"),
    ]
    assert answer["plays"][0] == {
        "title": "Hunter",
        "artist": "Björk",
        "album": "Homogenic",
        "played_at": "2026-11-29T19:10:00+01:00",
        "player": None,
    }
    limited = await call_tool(
        hass,
        "aime_listening_history",
        start="2026-11-29T00:00:00+01:00",
        end="2026-12-04T00:00:00+01:00",
        limit=2,
    )
    assert (limited["total_plays"], len(limited["plays"])) == (8, 2)
    # Nothing Home Assistant reports as deprecated (newer releases check tool answers).
    assert "deprecated" not in caplog.text
    assert "without an integration" not in caplog.text


async def test_top_of_a_named_window_and_of_dates(
    hass: HomeAssistant, paris_hub: MockConfigEntry
) -> None:
    """This month (translated label), and a custom range of local dates."""
    month = await call_tool(hass, "aime_top", language="fr", window="month", kind="artists")
    assert (month["window"], month["period"]) == ("month", "Ce mois-ci")
    assert (month["first_day"], month["last_day"], month["plays"]) == (
        "2026-12-01",
        "2026-12-03",
        3,
    )
    assert month["top_artists"] == [
        {"name": "Miles Davis", "plays": 2},
        {"name": "Beyoncé", "plays": 1},
    ]
    assert "top_albums" not in month
    sunday = await call_tool(hass, "aime_top", first_day="2026-11-29", count=1)
    assert (sunday["first_day"], sunday["last_day"], sunday["plays"]) == (
        "2026-11-29",
        "2026-11-29",
        4,
    )
    assert sunday["top_artists"][0]["name"] in {"Miles Davis", "Björk"}  # 2 plays each.
    assert sunday["top_albums"][0]["plays"] == 2
    assert len(sunday["top_tracks"]) >= 1


async def test_plays_of_something(hass: HomeAssistant, paris_hub: MockConfigEntry) -> None:
    """How often, and when last: all time, then within dates; accents are ignored."""
    so_what = await call_tool(hass, "aime_plays_of", query="so what")
    assert so_what["plays"] == 3
    assert so_what["last_play"]["played_at"] == "2026-12-03T09:00:00+01:00"
    bjork = await call_tool(
        hass, "aime_plays_of", query="Bjork", first_day="2026-01-01", last_day="2026-12-31"
    )
    assert (bjork["plays"], bjork["first_day"], bjork["last_play"]["title"]) == (
        2,
        "2026-01-01",
        "Hunter",
    )
    nothing = await call_tool(hass, "aime_plays_of", query="Nirvana")
    assert (nothing["plays"], nothing["last_play"]) == (0, None)


async def test_collection_questions(hass: HomeAssistant, paris_hub: MockConfigEntry) -> None:
    """Counts by format (translated), never played, not played for a year."""
    summary = await call_tool(hass, "aime_collection", language="fr")
    assert (summary["records"], summary["never_played"]) == (4, 1)
    assert {(item["format"], item["label"], item["records"]) for item in summary["by_format"]} == {
        ("vinyl", "Vinyle", 3),
        ("cd", "CD", 1),
    }
    never = await call_tool(hass, "aime_collection", question="never_played")
    assert never["total"] == 1
    assert never["records"][0]["title"] == "Blue Train"
    stale = await call_tool(hass, "aime_collection", question="not_played_for_a_year")
    assert stale["total"] == 1
    assert stale["records"][0]["title"] == "Sketches of Spain"
    assert stale["records"][0]["last_played_at"] == "2025-06-01T12:00:00+02:00"


@pytest.mark.parametrize(
    ("tool", "args", "key", "message"),
    [
        (
            "aime_listening_history",
            {"start": "last sunday", "end": "2026-11-30T00:00:00"},
            "assist_invalid_datetime",
            "start must be a date and time such as 2026-11-29T18:00, not last sunday",
        ),
        (
            "aime_listening_history",
            {"start": "2026-11-30T00:00:00", "end": "2026-11-29T00:00:00"},
            "start_after_end",
            "The start date is after the end date",
        ),
        (
            "aime_top",
            {"window": "decade"},
            "invalid_value",
            None,
        ),
        (
            "aime_top",
            {"first_day": "2026-13-01"},
            "invalid_date",
            "first_day must be a date written YYYY-MM-DD, from 1900-01-01 to 2200-12-31",
        ),
        ("aime_collection", {"limit": 51}, "invalid_value", None),
    ],
)
async def test_invalid_arguments_are_translated_errors(
    hass: HomeAssistant,
    paris_hub: MockConfigEntry,
    *,
    tool: str,
    args: dict[str, str],
    key: str,
    message: str | None,
) -> None:
    """The agent reads a sentence naming the argument (HA drops its final dot)."""
    with pytest.raises(ServiceValidationError) as raised:
        await call_tool(hass, tool, **args)
    assert raised.value.translation_key == key
    if message is not None:
        assert str(raised.value) == message
    else:
        assert str(raised.value).startswith("The value given for ")


async def test_describe_without_ai_is_a_translated_error(
    hass: HomeAssistant, paris_hub: MockConfigEntry
) -> None:
    """No stored text and no AI configured: the action's own translated refusal."""
    with pytest.raises(ServiceValidationError) as raised:
        await call_tool(hass, "aime_describe_album", artist="Björk", title="Homogenic")
    assert raised.value.translation_key == "ai_not_configured"
    assert str(raised.value)


async def test_store_reads_run_off_the_event_loop(
    hass: HomeAssistant, paris_hub: MockConfigEntry, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every statistics read of the tools runs in the executor."""
    watch = LoopWatch(monkeypatch)
    watch.watch(Stats, "history", "collection_stats", "collection_page", "_reading")
    await call_tool(hass, "aime_listening_history", start="2026-11-29", end="2026-11-30")
    await call_tool(hass, "aime_top", window="week")
    await call_tool(hass, "aime_plays_of", query="Björk")
    await call_tool(hass, "aime_collection")
    await call_tool(hass, "aime_collection", question="never_played")
    assert watch.called == {"history", "collection_stats", "collection_page", "_reading"}
    assert watch.on_loop == []


async def test_tools_answer_for_a_person(
    hass: HomeAssistant, paris_hub: MockConfigEntry, hass_admin_user: MockUser
) -> None:
    """'me' is the person speaking; a person by name or entity id; everyone without one. The
    prompt tells the agent who speaks."""
    alice = await add_person(hass, "Alice", hass_admin_user.id)
    await add_person(hass, "Bob")
    store: Store = paris_hub.runtime_data.store
    assert await hass.async_add_executor_job(store.assign_listener, Source.LASTFM, None, alice) == 9
    user = hass_admin_user.id
    week = {"window": "week", "kind": "artists"}
    assert (await call_tool(hass, "aime_top", user_id=user, person="me", **week))["plays"] == 4
    assert (await call_tool(hass, "aime_top", person="bob", **week))["plays"] == 0
    assert (await call_tool(hass, "aime_top", person=alice, **week))["plays"] == 4
    assert (await call_tool(hass, "aime_top", **week))["plays"] == 4
    # Nobody speaking that Home Assistant knows: "me" is everyone.
    assert (await call_tool(hass, "aime_top", person="me", **week))["plays"] == 4
    history = await call_tool(
        hass,
        "aime_listening_history",
        person="Bob",
        start="2026-11-29T00:00:00",
        end="2026-12-04T00:00:00",
    )
    assert history["total_plays"] == 0
    plays_of = await call_tool(hass, "aime_plays_of", person="Alice", query="so what")
    assert plays_of["plays"] == 3
    with pytest.raises(ServiceValidationError) as err:
        await call_tool(hass, "aime_top", person="Carol")
    assert err.value.translation_key == "assist_unknown_person"
    assert "Carol" in str(err.value)
    prompt = (await api_instance(hass, user_id=user)).api_prompt
    assert "The user is Alice (person.alice)" in prompt
    assert "The user is" not in (await api_instance(hass)).api_prompt
