"""Client for an OpenAI-compatible chat completions endpoint (Infomaniak EurIA, OpenAI, Ollama...).

Async, over the ``aiohttp.ClientSession`` the caller owns. Failures are translated here, once,
into the exceptions below. Temporary failures (HTTP 429 and 5xx, timeouts, network errors) are
retried with exponential backoff, honouring ``Retry-After``. A circuit breaker stops calling
an endpoint that keeps failing, then lets one trial call through after a cool-down and closes
again when it succeeds (the original AIME app's breaker never closed again).

The API key is never logged and never appears in an exception message.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from enum import StrEnum
import json
import logging
import re
import time
from typing import Any

import aiohttp

_LOGGER = logging.getLogger(__name__)

# Infomaniak's OpenAI-compatible endpoint; the product id comes from GET /1/ai.
EURIA_BASE_URL = "https://api.infomaniak.com/2/ai/{product_id}/openai/v1"
EURIA_DEFAULT_MODEL = "mistral3"  # The model the original AIME app used.
OPENAI_BASE_URL = "https://api.openai.com/v1"

DEFAULT_TIMEOUT = 60.0  # Seconds for one request; a 2,000-character text takes ~20 s.
DEFAULT_MAX_ATTEMPTS = 3
DEFAULT_BACKOFF = 2.0  # First retry delay; doubled at each attempt.
MAX_BACKOFF = 30.0
# A Retry-After longer than this is not waited for: the call fails at once, with the delay.
MAX_RETRY_AFTER = 60.0
DEFAULT_FAILURE_THRESHOLD = 5
DEFAULT_COOL_DOWN = 300.0

_AUTH_STATUSES = frozenset({401, 403})
_MESSAGE_LIMIT = 200
_PRODUCT_ID = re.compile(r"^\d{1,12}$")


class LlmError(Exception):
    """Any failure of the AI endpoint."""


class LlmAuthError(LlmError):
    """The API key is missing, invalid or revoked (HTTP 401/403): reauthenticate."""


class LlmRequestError(LlmError):
    """The endpoint refused the request itself (unknown model, bad parameters): not retried."""


class LlmReplyError(LlmError):
    """The endpoint answered, but not with a usable chat completion."""


class LlmUnavailableError(LlmError):
    """Network failure, timeout, rate limit or server error, after the retries.

    ``retry_after`` (seconds) says when trying again makes sense, when known.
    """

    def __init__(self, message: str, retry_after: float | None = None) -> None:
        super().__init__(message)
        self.retry_after = retry_after


class CircuitOpenError(LlmUnavailableError):
    """Recent calls kept failing: no call is made until the cool-down has passed."""


class CircuitState(StrEnum):
    """The breaker's state."""

    CLOSED = "closed"
    OPEN = "open"
    HALF_OPEN = "half_open"


class CircuitBreaker:
    """Opens after ``failure_threshold`` failed calls in a row; one trial after ``cool_down``.

    The trial call closes the circuit when it succeeds and opens it for another cool-down
    when it fails. While the trial is running, other calls are refused.
    """

    def __init__(
        self,
        failure_threshold: int = DEFAULT_FAILURE_THRESHOLD,
        cool_down: float = DEFAULT_COOL_DOWN,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.failure_threshold = failure_threshold
        self.cool_down = cool_down
        self._clock = clock
        self._failures = 0
        self._opened_at: float | None = None
        self._trial_running = False

    @property
    def state(self) -> CircuitState:
        """Closed, open, or half-open (the cool-down is over: the next call is a trial)."""
        if self._opened_at is None:
            return CircuitState.CLOSED
        if self._trial_running or self._clock() - self._opened_at >= self.cool_down:
            return CircuitState.HALF_OPEN
        return CircuitState.OPEN

    @property
    def failures(self) -> int:
        """Failed calls in a row."""
        return self._failures

    def before_call(self) -> None:
        """Raise ``CircuitOpenError`` unless a call may go out now."""
        if self._opened_at is None:
            return
        remaining = self._opened_at + self.cool_down - self._clock()
        if self._trial_running or remaining > 0:
            raise CircuitOpenError(
                "the AI endpoint failed repeatedly; calls are paused",
                retry_after=max(remaining, 0.0),
            )
        self._trial_running = True

    def record_success(self) -> None:
        """A call succeeded: close the circuit."""
        self._failures = 0
        self._opened_at = None
        self._trial_running = False

    def record_failure(self) -> None:
        """A call failed: count it; open (again) at the threshold or when a trial failed."""
        self._failures += 1
        if self._trial_running or self._failures >= self.failure_threshold:
            if self._opened_at is None:
                _LOGGER.warning("AI endpoint failing: pausing calls for %.0f s", self.cool_down)
            self._opened_at = self._clock()
        self._trial_running = False

    def release(self) -> None:
        """A call ended without telling whether the endpoint works (e.g. a refused request)."""
        self._trial_running = False


@dataclass(frozen=True, slots=True)
class ChatReply:
    """The assistant's answer to one chat completion."""

    text: str
    model: str
    finish_reason: str | None
    prompt_tokens: int | None = None
    completion_tokens: int | None = None

    @property
    def truncated(self) -> bool:
        """The model stopped at ``max_tokens``: the text is cut off."""
        return self.finish_reason == "length"


def euria_base_url(product_id: str | int) -> str:
    """The Infomaniak EurIA base URL for an AI Tools product id (digits only)."""
    text = str(product_id).strip()
    if not _PRODUCT_ID.match(text):
        raise ValueError("an Infomaniak product id is a number")
    return EURIA_BASE_URL.format(product_id=text)


class LlmClient:
    """One OpenAI-compatible endpoint, API key and model."""

    def __init__(
        self,
        session: aiohttp.ClientSession,
        base_url: str,
        api_key: str,
        model: str,
        *,
        timeout: float = DEFAULT_TIMEOUT,
        max_attempts: int = DEFAULT_MAX_ATTEMPTS,
        backoff: float = DEFAULT_BACKOFF,
        breaker: CircuitBreaker | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        """``base_url`` ends before ``/chat/completions``, e.g. ``https://host/v1``."""
        self._session = session
        self.base_url = base_url.rstrip("/")
        self._api_key = api_key
        self.model = model
        self._timeout = aiohttp.ClientTimeout(total=timeout)
        self._max_attempts = max(1, max_attempts)
        self._backoff = backoff
        self.breaker = breaker or CircuitBreaker()
        self._sleep = sleep

    def __repr__(self) -> str:
        return f"LlmClient(base_url={self.base_url!r}, model={self.model!r})"

    async def complete(
        self,
        messages: Sequence[Mapping[str, str]],
        *,
        max_tokens: int,
        temperature: float = 0.7,
    ) -> ChatReply:
        """Send one chat completion; return the assistant's text (stripped, never empty)."""
        body = {
            "model": self.model,
            "messages": [{"role": m["role"], "content": m["content"]} for m in messages],
            "max_tokens": max_tokens,
            "temperature": temperature,
        }
        payload = await self._call("POST", "/chat/completions", body)
        return _parse_reply(payload, self.model)

    async def list_models(self) -> list[str]:
        """The model ids the endpoint offers; a cheap way to check the URL and the key."""
        payload = await self._call("GET", "/models", None)
        data = payload.get("data")
        if not isinstance(data, list):
            raise LlmReplyError("the model list has no data")
        return [str(item["id"]) for item in data if isinstance(item, dict) and "id" in item]

    async def _call(self, method: str, path: str, body: Any) -> dict[str, Any]:
        """One call through the breaker, with retries of temporary failures."""
        self.breaker.before_call()
        try:
            payload = await self._with_retries(method, path, body)
        except LlmUnavailableError:
            self.breaker.record_failure()
            raise
        except BaseException:  # Refused request, bad reply, cancellation: no verdict.
            self.breaker.release()
            raise
        self.breaker.record_success()
        return payload

    async def _with_retries(self, method: str, path: str, body: Any) -> dict[str, Any]:
        for attempt in range(1, self._max_attempts + 1):
            try:
                return await self._request(method, path, body)
            except LlmUnavailableError as err:
                if attempt == self._max_attempts:
                    raise
                delay = min(self._backoff * 2 ** (attempt - 1), MAX_BACKOFF)
                if err.retry_after is not None:
                    if err.retry_after > MAX_RETRY_AFTER:
                        raise
                    delay = max(delay, err.retry_after)
                _LOGGER.debug("AI endpoint: %s; retrying in %.1f s", err, delay)
                await self._sleep(delay)
        raise AssertionError("unreachable")  # pragma: no cover

    async def _request(self, method: str, path: str, body: Any) -> dict[str, Any]:
        headers = {"Authorization": f"Bearer {self._api_key}", "Accept": "application/json"}
        try:
            async with self._session.request(
                method, self.base_url + path, json=body, headers=headers, timeout=self._timeout
            ) as response:
                text = await response.text()
                status = response.status
                retry_after = _retry_after(response.headers.get("Retry-After"))
        except TimeoutError as err:
            raise LlmUnavailableError("the AI endpoint did not answer in time") from err
        except aiohttp.ClientError as err:
            raise LlmUnavailableError(
                f"cannot reach the AI endpoint: {type(err).__name__}"
            ) from err
        if status >= 400:
            raise self._status_error(status, text, retry_after)
        try:
            payload = json.loads(text)
        except ValueError as err:
            raise LlmReplyError("the AI endpoint did not answer JSON") from err
        if not isinstance(payload, dict):
            raise LlmReplyError("the AI endpoint answered an unexpected JSON value")
        return payload

    def _status_error(self, status: int, text: str, retry_after: float | None) -> LlmError:
        message = f"HTTP {status}"
        if detail := self._redact(_error_detail(text)):
            message = f"{message}: {detail}"
        if status in _AUTH_STATUSES:
            return LlmAuthError(message)
        if status == 429 or status >= 500:
            return LlmUnavailableError(message, retry_after)
        return LlmRequestError(message)

    def _redact(self, text: str) -> str:
        if self._api_key:
            text = text.replace(self._api_key, "***")
        return text[:_MESSAGE_LIMIT]


def _parse_reply(payload: dict[str, Any], requested_model: str) -> ChatReply:
    try:
        choice = payload["choices"][0]
        content = choice["message"]["content"]
    except (KeyError, IndexError, TypeError) as err:
        raise LlmReplyError("the reply has no message") from err
    if isinstance(content, list):  # Some servers send content parts.
        content = "".join(part.get("text", "") for part in content if isinstance(part, dict))
    if not isinstance(content, str) or not content.strip():
        raise LlmReplyError("the reply is empty")
    usage = payload.get("usage")
    if not isinstance(usage, dict):
        usage = {}
    return ChatReply(
        text=content.strip(),
        model=str(payload.get("model") or requested_model),
        finish_reason=choice.get("finish_reason"),
        prompt_tokens=_int_or_none(usage.get("prompt_tokens")),
        completion_tokens=_int_or_none(usage.get("completion_tokens")),
    )


def _error_detail(text: str) -> str:
    """The message of an OpenAI (``error.message``) or Infomaniak (``error.description``) error."""
    try:
        payload = json.loads(text)
    except ValueError:
        return ""
    error = payload.get("error") if isinstance(payload, dict) else None
    if isinstance(error, dict):
        detail = error.get("message") or error.get("description") or error.get("code")
        return str(detail) if detail else ""
    return str(error) if isinstance(error, str) else ""


def _retry_after(value: str | None) -> float | None:
    """Seconds from a ``Retry-After`` header: delta-seconds or an HTTP date."""
    if not value:
        return None
    try:
        return max(float(value), 0.0)
    except ValueError:
        pass
    try:
        when = parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max((when - datetime.now(UTC)).total_seconds(), 0.0)


def _int_or_none(value: Any) -> int | None:
    return value if isinstance(value, int) else None
