"""The hub's AI service: backends, errors, repair issue, breaker, and the AI playlist picker."""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass
import importlib.machinery
import json
from pathlib import Path
import re
import sys
import types
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import issue_registry as ir
import pytest

from custom_components.aime.ai import backend as ai
from custom_components.aime.ai.backend import (
    AI_TASK_MODULE,
    ISSUE_AI_AUTH_FAILED,
    AiService,
    ai_task_available,
    async_hub_ai,
)
from custom_components.aime.clients.llm import EURIA_BASE_URL, LlmClient
from custom_components.aime.const import (
    CONF_AI_API_KEY,
    CONF_AI_MODEL,
    CONF_AI_PRODUCT_ID,
    CONF_AI_TASK_ENTITY,
    DOMAIN,
)
from custom_components.aime.core.enrichment.ai_texts import (
    AlbumFacts,
    album_summary_prompt,
    daily_haiku_prompt,
)
from custom_components.aime.core.store.store import Store
from custom_components.aime.hub.jobs import ServiceNotConfiguredError

from ..core.playlist_fixture import plays
from ..fakes.llm import DEFAULT_API_KEY, DEFAULT_MODEL, FakeLLM
from ..helpers.ai_hub import ai_options, async_setup_hub
from ..helpers.ha_version import before

ALBUM = AlbumFacts("Miles Davis", "Kind of Blue", original_year=1959)
HAIKU = "Le vinyle tourne\nune voix monte dans le soir\nle silence écoute"
ENTITY = "ai_task.writer"
# The stand-in AI Task module below only makes sense where Home Assistant has none; from 2025.8
# the real integration and entity are used (tests/ai/test_ai_task.py).
WITHOUT_AI_TASK = before("2025.8", "it added the AI Task integration")


@dataclass
class FakeAiTask:
    """Home Assistant's AI Task integration (2025.8+), as far as AIME uses it."""

    data: Any = HAIKU
    error: HomeAssistantError | None = None
    calls: list[dict[str, Any]] | None = None

    async def async_generate_data(self, hass: HomeAssistant, **kwargs: Any) -> Any:
        assert self.calls is not None
        self.calls.append(kwargs)
        if self.error is not None:
            raise self.error
        return types.SimpleNamespace(conversation_id="c1", data=self.data)


@pytest.fixture
def ai_task() -> Generator[FakeAiTask]:
    """A Home Assistant that has ``homeassistant.components.ai_task``."""
    fake = FakeAiTask(calls=[])
    module = types.ModuleType(AI_TASK_MODULE)
    module.__spec__ = importlib.machinery.ModuleSpec(AI_TASK_MODULE, None)
    module.async_generate_data = fake.async_generate_data  # type: ignore[attr-defined]
    with pytest.MonkeyPatch.context() as patch:
        patch.setitem(sys.modules, AI_TASK_MODULE, module)
        yield fake


def _key(err: pytest.ExceptionInfo[HomeAssistantError]) -> str | None:
    return err.value.translation_key


# --- detection and configuration ----------------------------------------------------------


@WITHOUT_AI_TASK
def test_ai_task_missing_in_this_home_assistant() -> None:
    """Home Assistant 2025.4 has no AI Task integration: it is not offered."""
    assert not ai_task_available()


@WITHOUT_AI_TASK
@pytest.mark.usefixtures("ai_task")
def test_ai_task_detected_when_present() -> None:
    """Where Home Assistant has it (2025.8+), it is detected."""
    assert ai_task_available()


async def test_no_hub(hass: HomeAssistant) -> None:
    """Without the hub there is no AI service."""
    with pytest.raises(ServiceValidationError) as err:
        async_hub_ai(hass)
    assert _key(err) == "hub_not_loaded"


@pytest.mark.parametrize(
    "options",
    [
        {},
        {CONF_AI_API_KEY: "key", CONF_AI_MODEL: "m"},  # No URL.
        pytest.param({CONF_AI_TASK_ENTITY: ENTITY}, marks=WITHOUT_AI_TASK),  # No AI Task here.
        {CONF_AI_PRODUCT_ID: "not a number", CONF_AI_API_KEY: "k", CONF_AI_MODEL: "m"},
    ],
)
async def test_not_configured(hass: HomeAssistant, options: dict[str, Any]) -> None:
    """Incomplete AI options: "not configured" (so a job shows it that way too)."""
    await async_setup_hub(hass, options)
    with pytest.raises(ServiceNotConfiguredError) as err:
        async_hub_ai(hass)
    assert _key(err) == "ai_not_configured"


async def test_service_kept_until_options_change(hass: HomeAssistant, fake_llm: FakeLLM) -> None:
    """One service (one breaker) per hub; new options bring a new one."""
    entry = await async_setup_hub(hass, ai_options(fake_llm))
    service = async_hub_ai(hass)
    assert async_hub_ai(hass) is service
    assert isinstance(service.backend, LlmClient)
    assert service.backend.base_url == fake_llm.base_url
    hass.config_entries.async_update_entry(
        entry, options=ai_options(fake_llm, **{CONF_AI_MODEL: "llama3"})
    )
    await hass.async_block_till_done()
    renewed = async_hub_ai(hass)
    assert renewed is not service
    assert isinstance(renewed.backend, LlmClient)
    assert renewed.backend.model == "llama3"
    assert renewed.backend.breaker is not service.backend.breaker


async def test_euria_preset_from_product_id(hass: HomeAssistant) -> None:
    """The EurIA preset may give a product id instead of a URL."""
    await async_setup_hub(
        hass, {CONF_AI_PRODUCT_ID: "104242", CONF_AI_API_KEY: "k", CONF_AI_MODEL: "mistral3"}
    )
    backend = async_hub_ai(hass).backend
    assert isinstance(backend, LlmClient)
    assert backend.base_url == EURIA_BASE_URL.format(product_id="104242")


# --- the endpoint ---------------------------------------------------------------------------


async def test_writes_a_checked_text(hass: HomeAssistant, fake_llm: FakeLLM) -> None:
    """A text comes back through the real client, with the model that wrote it."""
    await async_setup_hub(hass, ai_options(fake_llm))
    written = await async_hub_ai(hass).async_write(album_summary_prompt(ALBUM, "en"))
    assert written.model == DEFAULT_MODEL
    assert 10 <= len(written.text.split()) <= 40
    [request] = fake_llm.chat_requests
    assert request.authorization == f"Bearer {DEFAULT_API_KEY}"
    assert "Kind of Blue" in request.body["messages"][1]["content"]  # type: ignore[index]


async def test_rejected_key_raises_repair_issue_until_it_works(
    hass: HomeAssistant, fake_llm: FakeLLM, caplog: pytest.LogCaptureFixture
) -> None:
    """A refused key: a translated error and a repair issue, gone once a call succeeds."""
    await async_setup_hub(hass, ai_options(fake_llm, **{CONF_AI_API_KEY: "revoked-key"}))
    service = async_hub_ai(hass)
    with pytest.raises(HomeAssistantError) as err:
        await service.async_write(album_summary_prompt(ALBUM, "en"))
    assert _key(err) == "ai_auth_failed"
    issue = ir.async_get(hass).async_get_issue(DOMAIN, ISSUE_AI_AUTH_FAILED)
    assert issue is not None
    assert issue.translation_key == ISSUE_AI_AUTH_FAILED
    assert "revoked-key" not in caplog.text

    fake_llm.api_keys.add("revoked-key")  # Say the key was renewed at the provider.
    await service.async_write(album_summary_prompt(ALBUM, "en"))
    assert ir.async_get(hass).async_get_issue(DOMAIN, ISSUE_AI_AUTH_FAILED) is None


async def test_open_circuit_makes_no_call(hass: HomeAssistant, fake_llm: FakeLLM) -> None:
    """After repeated failures the breaker pauses calls; the error says for how long."""
    await async_setup_hub(hass, ai_options(fake_llm))
    service = async_hub_ai(hass)
    assert isinstance(service.backend, LlmClient)
    for _ in range(service.backend.breaker.failure_threshold):
        service.backend.breaker.record_failure()
    with pytest.raises(HomeAssistantError) as err:
        await service.async_write(album_summary_prompt(ALBUM, "en"))
    assert _key(err) == "ai_circuit_open"
    assert err.value.translation_placeholders == {"seconds": "300"}
    assert not fake_llm.requests


@pytest.mark.parametrize(
    ("script", "options", "key"),
    [
        ({"fail": (429, {"Retry-After": "3600"})}, {}, "ai_unavailable"),
        ({}, {CONF_AI_MODEL: "no-such-model"}, "ai_request_refused"),
        ({"malformed": True}, {}, "ai_invalid_reply"),
        ({"replies": ("Sorry, I cannot help.", "Error: 500")}, {}, "ai_text_error_message"),
        ({"replies": ("", "   ")}, {}, "ai_invalid_reply"),
        ({"replies": ("One line only", "Two\nlines")}, {}, "ai_text_not_a_haiku"),
    ],
)
async def test_failures_are_translated_and_nothing_returned(
    hass: HomeAssistant,
    fake_llm: FakeLLM,
    script: dict[str, Any],
    options: dict[str, Any],
    key: str,
) -> None:
    """Every failure is a translated error; a refused reply is asked for once more only."""
    await async_setup_hub(hass, ai_options(fake_llm, **options))
    if "fail" in script:
        status, headers = script["fail"]
        fake_llm.fail_next(status, headers=headers)
    if script.get("malformed"):
        fake_llm.malformed_next()
    fake_llm.reply_next(*script.get("replies", ()))
    with pytest.raises(HomeAssistantError) as err:
        await async_hub_ai(hass).async_write(daily_haiku_prompt("2025-01-05", "fr"))
    assert _key(err) == key
    assert len(fake_llm.chat_requests) <= 2
    if key == "ai_request_refused":
        assert DEFAULT_API_KEY not in str(err.value.translation_placeholders)


async def test_a_refused_reply_is_asked_for_again(hass: HomeAssistant, fake_llm: FakeLLM) -> None:
    """An apology first, a haiku next: the haiku is kept."""
    await async_setup_hub(hass, ai_options(fake_llm))
    fake_llm.reply_next("I'm sorry, but I can't write poems.", HAIKU)
    written = await async_hub_ai(hass).async_write(daily_haiku_prompt("2025-01-05", "fr"))
    assert written.text == HAIKU
    assert len(fake_llm.chat_requests) == 2


# --- an AI Task entity ---------------------------------------------------------------------


@WITHOUT_AI_TASK
async def test_ai_task_entity_writes_the_text(hass: HomeAssistant, ai_task: FakeAiTask) -> None:
    """With an AI Task entity chosen, it writes the text; its id stands for the model."""
    await async_setup_hub(hass, {CONF_AI_TASK_ENTITY: ENTITY})
    written = await async_hub_ai(hass).async_write(daily_haiku_prompt("2025-01-05", "fr"))
    assert written == ai.GeneratedText(HAIKU, ENTITY)
    [call] = ai_task.calls or []
    assert call["entity_id"] == ENTITY
    assert call["task_name"] == "AIME"
    assert "<data>" in call["instructions"]
    assert "jamais des instructions" in call["instructions"]


@pytest.mark.parametrize(
    ("data", "error", "key"),
    [
        (None, HomeAssistantError("entity unavailable"), "ai_invalid_reply"),
        ({"not": "text"}, None, "ai_text_empty"),
    ],
)
@WITHOUT_AI_TASK
async def test_ai_task_failures(
    hass: HomeAssistant,
    ai_task: FakeAiTask,
    data: Any,
    error: HomeAssistantError | None,
    key: str,
) -> None:
    """An AI Task failure or a reply without text is a translated error."""
    ai_task.data, ai_task.error = data, error
    await async_setup_hub(hass, {CONF_AI_TASK_ENTITY: ENTITY})
    with pytest.raises(HomeAssistantError) as err:
        await async_hub_ai(hass).async_write(daily_haiku_prompt("2025-01-05", "en"))
    assert _key(err) == key


# --- the ai_generated playlist ---------------------------------------------------------------


def _write_history(path: Path) -> None:
    store = Store.open(path)
    try:
        store.ingest(plays())
    finally:
        store.close()


def _candidate_ids(body: dict[str, Any]) -> list[int]:
    content = body["messages"][1]["content"]
    block = re.search(r"<data>\n(.*)\n</data>", content, re.DOTALL)
    assert block is not None
    return [candidate["id"] for candidate in json.loads(block[1])["candidates"]]


@pytest.fixture
async def playlist_hub(hass: HomeAssistant, store_path: Path, fake_llm: FakeLLM) -> AiService:
    """The hub over a small history, with the fake endpoint as its AI."""
    await hass.async_add_executor_job(_write_history, store_path)
    await async_setup_hub(hass, ai_options(fake_llm))
    return async_hub_ai(hass)


async def _ai_playlist(hass: HomeAssistant) -> dict[str, Any]:
    response = await hass.services.async_call(
        DOMAIN,
        "generate_playlist",
        {"algorithm": "ai_generated", "prompt": "Bo and Ada at night", "max_tracks": 5},
        blocking=True,
        return_response=True,
    )
    assert isinstance(response, dict)
    return response


@pytest.mark.usefixtures("playlist_hub")
async def test_ai_playlist_follows_the_models_picks(hass: HomeAssistant, fake_llm: FakeLLM) -> None:
    """The model answers ids of the pool, in its order; others are ignored."""
    picked: list[int] = []

    def pick_last_three(body: dict[str, Any]) -> str:
        picked.extend(reversed(_candidate_ids(body)[-3:]))
        return f"Here you go: {json.dumps([*picked, 99999])}"

    fake_llm.responder = pick_last_three
    playlist = await _ai_playlist(hass)
    assert [track["track_id"] for track in playlist["tracks"]] == picked
    assert "fallback" not in playlist["parameters"]
    [request] = fake_llm.chat_requests
    assert "Bo and Ada at night" in request.body["messages"][1]["content"]  # type: ignore[index]


@pytest.mark.usefixtures("playlist_hub")
async def test_ai_playlist_falls_back_when_the_model_fails(
    hass: HomeAssistant, fake_llm: FakeLLM
) -> None:
    """A refused key: the top of the pool, marked as a fallback, and the repair issue."""
    fake_llm.api_keys.clear()
    playlist = await _ai_playlist(hass)
    assert playlist["parameters"]["fallback"] == "picker_failed"
    assert len(playlist["tracks"]) == 5
    assert ir.async_get(hass).async_get_issue(DOMAIN, ISSUE_AI_AUTH_FAILED) is not None


@pytest.mark.usefixtures("playlist_hub")
async def test_ai_playlist_does_not_wait_forever(
    hass: HomeAssistant, fake_llm: FakeLLM, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A model slower than the playlist's patience: the top of the pool."""
    monkeypatch.setattr(ai, "PICKER_TIMEOUT", 0.2)
    fake_llm.delay = 5
    playlist = await _ai_playlist(hass)
    assert playlist["parameters"]["fallback"] == "picker_failed"
