"""The hub's AI service: the texts AIME writes, through the endpoint or AI Task entity chosen.

The hub's options name an OpenAI-compatible endpoint (base URL, API key, model) or, where
Home Assistant has the AI Task integration (2025.8 and later), an AI Task entity. Calls go
over Home Assistant's shared aiohttp session; each hub keeps one circuit breaker, renewed
when its AI options change. Failures become translated errors: a rejected key also raises a
repair issue, removed by the next call that succeeds. Every reply is checked before anyone
stores it (``validate_text``), so an error message never becomes a text.
"""

from __future__ import annotations

import asyncio
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
import importlib
import importlib.util
from typing import Any, Protocol

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.aiohttp_client import async_get_clientsession
from homeassistant.util.hass_dict import HassKey

from ..clients.llm import (
    ChatReply,
    CircuitBreaker,
    CircuitOpenError,
    LlmAuthError,
    LlmClient,
    LlmError,
    LlmReplyError,
    LlmRequestError,
    euria_base_url,
)
from ..const import (
    CONF_AI_API_KEY,
    CONF_AI_BASE_URL,
    CONF_AI_MODEL,
    CONF_AI_PRODUCT_ID,
    CONF_AI_TASK_ENTITY,
    DOMAIN,
    LOGGER,
)
from ..core.enrichment.ai_texts import InvalidAiText, TextRequest, text_language, validate_text
from ..core.playlists.models import Candidate, Picker
from ..core.playlists.picker import (
    PICKER_TEMPERATURE,
    parse_picks,
    picker_max_tokens,
    picker_messages,
)
from ..exceptions import service_error, validation_error
from ..hub.jobs import ServiceNotConfiguredError
from ..hub.lookup import loaded_hub

AI_TASK_MODULE = "homeassistant.components.ai_task"
AI_TASK_NAME = "AIME"
# The hub is unique: one issue (the enrichment runtime removes it when the options change).
ISSUE_AI_AUTH_FAILED = "ai_auth_failed"
# A reply that fails the checks (an apology, a cut-off text) is asked for once more.
TEXT_ATTEMPTS = 2
# Why a reply was refused (``InvalidAiText.reason``): each has its translated message.
_TEXT_REFUSALS = frozenset(
    ("empty", "placeholder", "error_message", "too_long", "too_short", "truncated", "not_a_haiku")
)
# A playlist waits this long for the model's picks (its retries included), then falls back.
PICKER_TIMEOUT = 180.0

_SERVICES: HassKey[dict[str, tuple[tuple[str, ...], AiService]]] = HassKey(f"{DOMAIN}_ai")


def ai_task_available() -> bool:
    """Whether this Home Assistant has the AI Task integration (2025.8 and later)."""
    return importlib.util.find_spec(AI_TASK_MODULE) is not None


@dataclass(frozen=True, slots=True)
class GeneratedText:
    """A checked text and the model that wrote it."""

    text: str
    model: str


class _Backend(Protocol):
    async def complete(
        self, messages: Sequence[Mapping[str, str]], *, max_tokens: int, temperature: float
    ) -> ChatReply: ...


class _AiTaskBackend:
    """An AI Task entity: instructions in, text out (no token limit, no model name)."""

    def __init__(self, hass: HomeAssistant, entity_id: str) -> None:
        self._hass = hass
        self.entity_id = entity_id

    async def complete(
        self, messages: Sequence[Mapping[str, str]], *, max_tokens: int, temperature: float
    ) -> ChatReply:
        ai_task: Any = importlib.import_module(AI_TASK_MODULE)
        instructions = "\n\n".join(message["content"] for message in messages)
        try:
            result = await ai_task.async_generate_data(
                self._hass,
                task_name=AI_TASK_NAME,
                entity_id=self.entity_id,
                instructions=instructions,
            )
        except HomeAssistantError as err:
            raise LlmReplyError(f"the AI Task entity failed: {err}") from err
        text = result.data if isinstance(result.data, str) else ""
        return ChatReply(text=text.strip(), model=self.entity_id, finish_reason=None)


class AiService:
    """Writes texts with the hub's AI, translating every failure."""

    def __init__(self, hass: HomeAssistant, backend: _Backend) -> None:
        self._hass = hass
        self.backend = backend

    async def async_complete(
        self, messages: Sequence[Mapping[str, str]], *, max_tokens: int, temperature: float
    ) -> ChatReply:
        """One chat completion; ``HomeAssistantError`` (translated) when it fails."""
        try:
            reply = await self.backend.complete(
                messages, max_tokens=max_tokens, temperature=temperature
            )
        except LlmAuthError as err:
            self._create_auth_issue()
            raise service_error(ISSUE_AI_AUTH_FAILED) from err
        except CircuitOpenError as err:
            seconds = f"{err.retry_after or 0:.0f}"
            raise service_error("ai_circuit_open", {"seconds": seconds}) from err
        except LlmRequestError as err:
            raise service_error("ai_request_refused", {"detail": str(err)}) from err
        except LlmReplyError as err:
            raise service_error("ai_invalid_reply") from err
        except LlmError as err:  # Unavailable after the retries.
            raise service_error("ai_unavailable") from err
        ir.async_delete_issue(self._hass, DOMAIN, ISSUE_AI_AUTH_FAILED)
        return reply

    async def async_write(self, request: TextRequest) -> GeneratedText:
        """The text ``request`` asks for, checked; a reply that fails the checks is refused."""
        reason = ""
        for _attempt in range(TEXT_ATTEMPTS):
            reply = await self.async_complete(
                request.messages, max_tokens=request.max_tokens, temperature=request.temperature
            )
            try:
                text = validate_text(request.kind, reply.text, truncated=reply.truncated)
            except InvalidAiText as err:
                reason = err.reason
                LOGGER.debug("AI reply refused for a %s: %s", request.kind, reason)
                continue
            return GeneratedText(text, reply.model)
        raise service_error(f"ai_text_{reason}" if reason in _TEXT_REFUSALS else "ai_invalid_reply")

    def _create_auth_issue(self) -> None:
        ir.async_create_issue(
            self._hass,
            DOMAIN,
            ISSUE_AI_AUTH_FAILED,
            is_fixable=False,
            severity=ir.IssueSeverity.ERROR,
            translation_key=ISSUE_AI_AUTH_FAILED,
        )


def async_hub_ai(hass: HomeAssistant) -> AiService:
    """The loaded hub's AI service; translated ``ServiceValidationError`` when there is none."""
    entry = loaded_hub(hass)
    if entry is None:
        raise validation_error("hub_not_loaded")
    options = entry.options
    entity_id = str(options.get(CONF_AI_TASK_ENTITY) or "")
    endpoint = (
        _base_url(options),
        str(options.get(CONF_AI_API_KEY) or "").strip(),
        str(options.get(CONF_AI_MODEL) or "").strip(),
    )
    use_ai_task = bool(entity_id) and ai_task_available()
    if not use_ai_task and not all(endpoint):
        raise ServiceNotConfiguredError("ai_not_configured")
    fingerprint = (entity_id,) if use_ai_task else endpoint
    services = hass.data.setdefault(_SERVICES, {})
    cached = services.get(entry.entry_id)
    if cached is not None and cached[0] == fingerprint:
        return cached[1]
    backend: _Backend
    if use_ai_task:
        backend = _AiTaskBackend(hass, entity_id)
    else:
        base_url, api_key, model = endpoint
        # A new breaker with new options: a fixed key or URL is tried at once.
        backend = LlmClient(
            async_get_clientsession(hass), base_url, api_key, model, breaker=CircuitBreaker()
        )
    service = AiService(hass, backend)
    services[entry.entry_id] = (fingerprint, service)
    return service


def playlist_picker(hass: HomeAssistant, service: AiService, max_tracks: int) -> Picker:
    """The ``ai_generated`` picker: called in the executor, it asks the model on the loop."""
    language = text_language(hass.config.language)

    def pick(prompt: str, pool: Sequence[Candidate]) -> list[int]:
        coro = service.async_complete(
            picker_messages(prompt, pool, max_tracks, language),
            max_tokens=picker_max_tokens(max_tracks),
            temperature=PICKER_TEMPERATURE,
        )
        future = asyncio.run_coroutine_threadsafe(coro, hass.loop)
        try:
            reply = future.result(PICKER_TIMEOUT)
        except TimeoutError:
            future.cancel()
            raise
        return parse_picks(reply.text)

    return pick


def _base_url(options: Mapping[str, Any]) -> str:
    """The endpoint's base URL; for the EurIA preset, made from the product id if not given."""
    if base_url := str(options.get(CONF_AI_BASE_URL) or "").strip():
        return base_url
    try:
        return euria_base_url(options.get(CONF_AI_PRODUCT_ID) or "")
    except ValueError:
        return ""
