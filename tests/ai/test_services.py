"""``aime.describe_album`` and ``aime.write_haiku``, and the 06:00 haiku job."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_time_changed

from custom_components.aime.ai.services import async_register_haiku_job
from custom_components.aime.const import DOMAIN
from custom_components.aime.core.enrichment.ai_text_store import AiText
from custom_components.aime.core.enrichment.ai_texts import AiTextKind
from custom_components.aime.core.store.store import Store
from custom_components.aime.hub.jobs import JobId, JobOutcome, JobScheduler, JobTrigger

from ..fakes.llm import DEFAULT_MODEL, FakeLLM
from ..helpers.ai_hub import ai_options, async_setup_hub, write_recent_plays


@pytest.fixture
async def hub(hass: HomeAssistant, store_path: Path, fake_llm: FakeLLM) -> MockConfigEntry:
    """The hub over a few recent plays, with the fake endpoint as its AI."""
    await hass.async_add_executor_job(write_recent_plays, store_path)
    return await async_setup_hub(hass, ai_options(fake_llm))


async def _call(hass: HomeAssistant, service: str, **data: Any) -> dict[str, Any]:
    response = await hass.services.async_call(
        DOMAIN, service, data, blocking=True, return_response=True
    )
    assert isinstance(response, dict)
    return response


def _texts(entry: MockConfigEntry, kind: AiTextKind) -> list[AiText]:
    store: Store = entry.runtime_data.store
    return store.ai_texts.recent(kind, limit=100)


async def _stored(hass: HomeAssistant, entry: MockConfigEntry, kind: AiTextKind) -> list[AiText]:
    return await hass.async_add_executor_job(_texts, entry, kind)


async def _album_id(hass: HomeAssistant, entry: MockConfigEntry) -> int:
    store: Store = entry.runtime_data.store
    found = await hass.async_add_executor_job(
        store.ai_texts.find_album, "Miles Davis", "Kind of Blue"
    )
    assert found is not None
    return found


# --- describe_album --------------------------------------------------------------------------


async def test_describe_album_writes_stores_then_reuses(
    hass: HomeAssistant, hub: MockConfigEntry, fake_llm: FakeLLM
) -> None:
    """The first call writes both texts; the next answers them again without a request."""
    album_id = await _album_id(hass, hub)
    first = await _call(hass, "describe_album", album_id=album_id)
    assert first["artist"] == "Miles Davis"
    assert first["title"] == "Kind of Blue"
    assert (first["language"], first["model"], first["generated"]) == ("en", DEFAULT_MODEL, True)
    assert 1500 <= len(first["description"]) <= 2000
    assert 10 <= len(first["summary"].split()) <= 40
    assert first["created_at"]
    assert len(fake_llm.chat_requests) == 2

    again = await _call(hass, "describe_album", artist="miles davis", title="Kind Of Blue")
    assert again == {**first, "generated": False}
    assert len(fake_llm.chat_requests) == 2

    [description] = await _stored(hass, hub, AiTextKind.ALBUM_DESCRIPTION)
    assert (description.album_id, description.model) == (album_id, DEFAULT_MODEL)
    assert description.text == first["description"]


async def test_describe_album_force_keeps_history(
    hass: HomeAssistant, hub: MockConfigEntry, fake_llm: FakeLLM
) -> None:
    """``force`` writes new texts; the earlier ones stay."""
    album_id = await _album_id(hass, hub)
    await _call(hass, "describe_album", album_id=album_id)
    forced = await _call(hass, "describe_album", album_id=album_id, force=True)
    assert forced["generated"] is True
    assert len(fake_llm.chat_requests) == 4
    assert len(await _stored(hass, hub, AiTextKind.ALBUM_SUMMARY)) == 2


async def test_describe_album_in_french(
    hass: HomeAssistant, hub: MockConfigEntry, fake_llm: FakeLLM
) -> None:
    """Home Assistant in French: the prompt asks for French, the texts are stored as such."""
    hass.config.language = "fr"
    response = await _call(hass, "describe_album", artist="Miles Davis", title="Kind of Blue")
    assert response["language"] == "fr"
    assert "Cet album" in response["description"]
    assert "français" in fake_llm.chat_requests[0].body["messages"][0]["content"]  # type: ignore[index]
    [summary] = await _stored(hass, hub, AiTextKind.ALBUM_SUMMARY)
    assert summary.language == "fr"


@pytest.mark.usefixtures("hub")
@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({}, "album_required"),
        ({"artist": "Miles Davis"}, "album_required"),
        ({"artist": "Miles Davis", "title": "Bitches Brew"}, "album_not_known"),
        ({"album_id": 9999}, "album_id_not_found"),
    ],
)
async def test_describe_album_needs_a_known_album(
    hass: HomeAssistant, fake_llm: FakeLLM, data: dict[str, Any], key: str
) -> None:
    """An album that cannot be found is a translated validation error; no AI call."""
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "describe_album", **data)
    assert err.value.translation_key == key
    assert not fake_llm.requests


async def test_error_replies_are_never_stored(
    hass: HomeAssistant, hub: MockConfigEntry, fake_llm: FakeLLM
) -> None:
    """Replies that read as errors fail the action and leave no text behind."""
    fake_llm.reply_next("Erreur : service indisponible", "Error 500: internal server error")
    with pytest.raises(HomeAssistantError) as err:
        await _call(hass, "describe_album", album_id=await _album_id(hass, hub))
    assert err.value.translation_key == "ai_text_error_message"
    assert await _stored(hass, hub, AiTextKind.ALBUM_DESCRIPTION) == []


async def test_describe_album_without_ai(hass: HomeAssistant, store_path: Path) -> None:
    """No AI in the options: a translated validation error."""
    await hass.async_add_executor_job(write_recent_plays, store_path)
    await async_setup_hub(hass, {})
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "describe_album", artist="Miles Davis", title="Kind of Blue")
    assert err.value.translation_key == "ai_not_configured"


@pytest.mark.parametrize(
    ("service", "data"), [("describe_album", {"album_id": 1}), ("write_haiku", {})]
)
async def test_actions_need_the_hub(
    hass: HomeAssistant, service: str, data: dict[str, Any]
) -> None:
    """Without the hub loaded the actions say so."""
    await async_setup_hub(hass, {})
    for entry in hass.config_entries.async_entries(DOMAIN):
        await hass.config_entries.async_unload(entry.entry_id)
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, service, **data)
    assert err.value.translation_key == "hub_not_loaded"


# --- write_haiku -----------------------------------------------------------------------------


async def test_haiku_of_the_day(
    hass: HomeAssistant, hub: MockConfigEntry, fake_llm: FakeLLM
) -> None:
    """Written once a day, inspired by a few albums (as data), stored under today's date."""
    first = await _call(hass, "write_haiku")
    assert first["haiku"].count("\n") == 2
    assert (first["kind"], first["language"], first["generated"]) == ("daily_haiku", "en", True)
    assert first["model"] == DEFAULT_MODEL
    assert len(first["subject"]) == 10  # The local ISO date.
    prompt = fake_llm.chat_requests[0].body["messages"][1]["content"]  # type: ignore[index]
    assert "Kind of Blue" in prompt
    assert "Mezzanine" in prompt

    again = await _call(hass, "write_haiku")
    assert again == {**first, "generated": False}
    forced = await _call(hass, "write_haiku", force=True)
    assert forced["generated"] is True
    assert len(fake_llm.chat_requests) == 2
    assert len(await _stored(hass, hub, AiTextKind.DAILY_HAIKU)) == 2


async def test_listening_haiku(
    hass: HomeAssistant, hub: MockConfigEntry, fake_llm: FakeLLM
) -> None:
    """A haiku about the last days' listening: the figures go as data."""
    hass.config.language = "fr-CA"
    response = await _call(hass, "write_haiku", days=7)
    assert response["kind"] == "listening_haiku"
    assert response["language"] == "fr"
    assert response["subject"].startswith("7d:")
    assert response["haiku"] == ("Le vinyle tourne\nune voix monte dans le soir\nle silence écoute")
    prompt = fake_llm.chat_requests[0].body["messages"][1]["content"]  # type: ignore[index]
    assert '"plays": 3' in prompt
    assert (await _call(hass, "write_haiku", days=7))["generated"] is False
    assert (await _call(hass, "write_haiku", days=7, force=True))["generated"] is True


async def test_listening_haiku_needs_listening(
    hass: HomeAssistant, store_path: Path, fake_llm: FakeLLM
) -> None:
    """No play in the window: nothing to write about."""
    await async_setup_hub(hass, ai_options(fake_llm))
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, "write_haiku", days=3)
    assert err.value.translation_key == "no_listening"
    assert err.value.translation_placeholders == {"days": "3"}
    assert not fake_llm.requests


async def test_haiku_without_albums(hass: HomeAssistant, fake_llm: FakeLLM) -> None:
    """An empty store still gets its haiku of the day."""
    await async_setup_hub(hass, ai_options(fake_llm))
    response = await _call(hass, "write_haiku")
    assert response["generated"] is True
    assert "albums" not in fake_llm.chat_requests[0].body["messages"][1]["content"]  # type: ignore[index]


# --- the 06:00 job ---------------------------------------------------------------------------


async def test_haiku_job(hass: HomeAssistant, hub: MockConfigEntry, fake_llm: FakeLLM) -> None:
    """The scheduler's haiku job writes the haiku of the day and records it."""
    scheduler = JobScheduler(hass, hub)
    unregister = async_register_haiku_job(hass, scheduler)
    run = await scheduler.async_run(JobId.HAIKU, JobTrigger.SCHEDULE)
    assert run.outcome is JobOutcome.SUCCESS
    assert run.result["haiku"].count("\n") == 2
    assert run.result["generated"] is True
    unregister()
    await scheduler.async_stop()


async def test_haiku_job_without_ai(hass: HomeAssistant) -> None:
    """Without an AI service the job is "not configured", not failed."""
    entry = await async_setup_hub(hass, {})
    scheduler = JobScheduler(hass, entry)
    async_register_haiku_job(hass, scheduler)
    run = await scheduler.async_run(JobId.HAIKU, JobTrigger.SCHEDULE)
    assert run.outcome is JobOutcome.NOT_CONFIGURED
    await scheduler.async_stop()


@pytest.mark.parametrize("started", [time(0, 30), time(5, 59, 50), time(6, 0, 10), time(18)])
async def test_hub_writes_the_haiku_at_six(
    hass: HomeAssistant,
    store_path: Path,
    fake_llm: FakeLLM,
    freezer: FrozenDateTimeFactory,
    started: time,
) -> None:
    """Whenever the hub starts, its scheduler writes the haiku of the day at the next 06:00.

    The clock is frozen before the hub schedules anything, so the host's hour plays no part.
    """
    start = datetime.combine(date(2026, 3, 10), started, dt_util.get_default_time_zone())
    freezer.move_to(start)
    await hass.async_add_executor_job(write_recent_plays, store_path)
    hub = await async_setup_hub(hass, ai_options(fake_llm))
    six = datetime.combine(start.date(), time(6), start.tzinfo)
    if six <= start:
        six += timedelta(days=1)

    freezer.move_to(six - timedelta(seconds=1))
    async_fire_time_changed(hass, six - timedelta(seconds=1))
    await hass.async_block_till_done(wait_background_tasks=True)
    assert await _stored(hass, hub, AiTextKind.DAILY_HAIKU) == []

    freezer.move_to(six)
    async_fire_time_changed(hass, six)
    await hass.async_block_till_done(wait_background_tasks=True)
    [haiku] = await _stored(hass, hub, AiTextKind.DAILY_HAIKU)
    assert haiku.subject == six.date().isoformat()
    assert hub.runtime_data.jobs.runs[JobId.HAIKU].outcome is JobOutcome.SUCCESS
