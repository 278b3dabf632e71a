"""The AI client: real aiohttp against the fake OpenAI-compatible endpoint, over 127.0.0.1."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncGenerator
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
import logging

import aiohttp
from homeassistant.core import HomeAssistant
from homeassistant.helpers.aiohttp_client import async_get_clientsession
import pytest

from custom_components.aime.clients import llm
from custom_components.aime.clients.llm import (
    EURIA_DEFAULT_MODEL,
    ChatReply,
    CircuitBreaker,
    CircuitOpenError,
    CircuitState,
    LlmAuthError,
    LlmClient,
    LlmReplyError,
    LlmRequestError,
    LlmUnavailableError,
    euria_base_url,
)

from ..fakes.llm import DEFAULT_API_KEY, DEFAULT_MODEL, DEFAULT_PRODUCT_ID, FakeLLM

MESSAGES = [
    {"role": "system", "content": "You write short texts."},
    {"role": "user", "content": "Write a haiku in English."},
]


class Clock:
    """A monotonic clock the test moves by hand."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


class Sleeper:
    """Records the delays the client asks for, without waiting."""

    def __init__(self) -> None:
        self.delays: list[float] = []

    async def __call__(self, delay: float) -> None:
        self.delays.append(delay)


def _state(client: LlmClient) -> CircuitState:
    """The breaker's state, read afresh (mypy would keep an earlier assert's narrowing)."""
    return client.breaker.state


@pytest.fixture
async def session(socket_enabled: None) -> AsyncGenerator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as opened:
        yield opened


@pytest.fixture
def sleeper() -> Sleeper:
    return Sleeper()


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def client(
    fake_llm: FakeLLM, session: aiohttp.ClientSession, sleeper: Sleeper, clock: Clock
) -> LlmClient:
    return LlmClient(
        session,
        fake_llm.base_url,
        DEFAULT_API_KEY,
        DEFAULT_MODEL,
        sleep=sleeper,
        breaker=CircuitBreaker(failure_threshold=2, cool_down=60, clock=clock),
    )


async def test_chat_completion(client: LlmClient, fake_llm: FakeLLM) -> None:
    """The request carries the model, messages and bearer; the reply text, model and usage."""
    reply = await client.complete(MESSAGES, max_tokens=100, temperature=0.5)
    assert reply.text == "The record spins on\na voice rises in the dusk\nthe silence listens"
    assert (reply.model, reply.finish_reason, reply.truncated) == (DEFAULT_MODEL, "stop", False)
    assert reply.prompt_tokens == 9
    assert reply.completion_tokens == 13
    [request] = fake_llm.requests
    assert request.path == "/v1/chat/completions"
    assert request.authorization == f"Bearer {DEFAULT_API_KEY}"
    assert request.body == {
        "model": DEFAULT_MODEL,
        "messages": MESSAGES,
        "max_tokens": 100,
        "temperature": 0.5,
    }
    assert _state(client) is CircuitState.CLOSED
    assert "test-llm-key" not in repr(client)


async def test_euria_paths_and_models(
    hass: HomeAssistant, fake_llm: FakeLLM, sleeper: Sleeper
) -> None:
    """The EurIA preset's URL shape works end to end, through Home Assistant's session."""
    assert euria_base_url(104242) == "https://api.infomaniak.com/2/ai/104242/openai/v1"
    assert euria_base_url(" 7 ").endswith("/ai/7/openai/v1")
    with pytest.raises(ValueError, match="number"):
        euria_base_url("12/../evil")
    client = LlmClient(
        async_get_clientsession(hass),
        fake_llm.euria_base_url() + "/",
        DEFAULT_API_KEY,
        EURIA_DEFAULT_MODEL,
        sleep=sleeper,
    )
    assert await client.list_models() == [DEFAULT_MODEL, "llama3"]
    fake_llm.reply_next("Bonjour.", finish_reason="length")
    reply = await client.complete(MESSAGES, max_tokens=5)
    assert (reply.text, reply.truncated) == ("Bonjour.", True)
    assert [r.path for r in fake_llm.requests] == [
        f"/2/ai/{DEFAULT_PRODUCT_ID}/openai/v1/models",
        f"/2/ai/{DEFAULT_PRODUCT_ID}/openai/v1/chat/completions",
    ]


async def test_bad_key_is_an_auth_error_without_the_key(
    fake_llm: FakeLLM, session: aiohttp.ClientSession, caplog: pytest.LogCaptureFixture
) -> None:
    """401 (OpenAI or Infomaniak error body) → LlmAuthError, not retried; the key never shows."""
    caplog.set_level(logging.DEBUG)
    for base in (fake_llm.base_url, fake_llm.euria_base_url()):
        client = LlmClient(session, base, "sk-secret-key", DEFAULT_MODEL)
        with pytest.raises(LlmAuthError) as caught:
            await client.complete(MESSAGES, max_tokens=10)
        assert "sk-secret-key" not in str(caught.value)
        assert client.breaker.failures == 0
    assert str(caught.value) == "HTTP 401: Authorization required"
    assert len(fake_llm.requests) == 2
    assert "sk-secret-key" not in caplog.text


async def test_echoed_key_is_redacted(client: LlmClient, fake_llm: FakeLLM) -> None:
    """A server that echoes the key in its error message does not leak it."""
    fake_llm.fail_next(400, {"error": {"message": f"bad token {DEFAULT_API_KEY} " + "x" * 300}})
    with pytest.raises(LlmRequestError) as caught:
        await client.complete(MESSAGES, max_tokens=10)
    assert DEFAULT_API_KEY not in str(caught.value)
    assert str(caught.value).startswith("HTTP 400: bad token *** xxx")
    assert len(str(caught.value)) < 220


async def test_refused_requests(client: LlmClient, fake_llm: FakeLLM) -> None:
    """Unknown model, unknown product, odd error bodies: LlmRequestError, not retried."""
    client.model = "gpt-unknown"
    with pytest.raises(LlmRequestError, match="does not exist"):
        await client.complete(MESSAGES, max_tokens=10)
    client.model = DEFAULT_MODEL
    fake_llm.fail_next(422, {"error": "plain string"})
    with pytest.raises(LlmRequestError, match=r"HTTP 422: plain string$"):
        await client.complete(MESSAGES, max_tokens=10)
    fake_llm.fail_next(400, "not json")
    with pytest.raises(LlmRequestError, match=r"^HTTP 400$"):
        await client.complete(MESSAGES, max_tokens=10)
    fake_llm.fail_next(400, {"error": {}})
    with pytest.raises(LlmRequestError, match=r"^HTTP 400$"):
        await client.complete(MESSAGES, max_tokens=10)
    fake_llm.fail_next(400, ["a", "list"])
    with pytest.raises(LlmRequestError, match=r"^HTTP 400$"):
        await client.complete(MESSAGES, max_tokens=10)
    assert len(fake_llm.chat_requests) == 5
    assert _state(client) is CircuitState.CLOSED


async def test_unknown_product_id(fake_llm: FakeLLM, session: aiohttp.ClientSession) -> None:
    client = LlmClient(session, fake_llm.euria_base_url("999"), DEFAULT_API_KEY, DEFAULT_MODEL)
    with pytest.raises(LlmRequestError, match="HTTP 404: Product not found"):
        await client.list_models()


async def test_retries_honour_retry_after(
    client: LlmClient, fake_llm: FakeLLM, sleeper: Sleeper
) -> None:
    """429 with Retry-After, then 500: retried after 7 s, then the doubled backoff (4 s)."""
    fake_llm.fail_next(429, headers={"Retry-After": "7"})
    fake_llm.fail_next(500)
    reply = await client.complete(MESSAGES, max_tokens=10)
    assert reply.text.startswith("The record spins on")
    assert sleeper.delays == [7.0, 4.0]
    assert len(fake_llm.chat_requests) == 3
    assert client.breaker.failures == 0


async def test_retry_after_as_http_date(
    client: LlmClient, fake_llm: FakeLLM, sleeper: Sleeper
) -> None:
    when = datetime.now(UTC) + timedelta(seconds=20)
    fake_llm.fail_next(503, headers={"Retry-After": format_datetime(when, usegmt=True)})
    fake_llm.fail_next(503, headers={"Retry-After": "Mon, 01 Jan 2001 00:00:00"})
    fake_llm.fail_next(503, headers={"Retry-After": "soon"})
    with pytest.raises(LlmUnavailableError, match="HTTP 503: error 503") as caught:
        await client.complete(MESSAGES, max_tokens=10)
    assert 15 < sleeper.delays[0] <= 20
    assert sleeper.delays[1] == 4.0  # A date in the past: the backoff.
    assert caught.value.retry_after is None


async def test_long_retry_after_is_not_waited_for(
    client: LlmClient, fake_llm: FakeLLM, sleeper: Sleeper
) -> None:
    """A Retry-After beyond the bound fails at once and says when to come back."""
    fake_llm.fail_next(429, headers={"Retry-After": "3600"})
    with pytest.raises(LlmUnavailableError) as caught:
        await client.complete(MESSAGES, max_tokens=10)
    assert caught.value.retry_after == 3600
    assert sleeper.delays == []
    assert len(fake_llm.chat_requests) == 1


async def test_timeouts_are_retried(
    fake_llm: FakeLLM, session: aiohttp.ClientSession, sleeper: Sleeper
) -> None:
    """A slow endpoint times out; every attempt does; the error says so."""
    fake_llm.delay = 1.0
    client = LlmClient(
        session, fake_llm.base_url, DEFAULT_API_KEY, DEFAULT_MODEL, timeout=0.1, sleep=sleeper
    )
    with pytest.raises(LlmUnavailableError, match="did not answer in time"):
        await client.complete(MESSAGES, max_tokens=10)
    assert sleeper.delays == [2.0, 4.0]
    assert client.breaker.failures == 1


async def test_unreachable_endpoint(session: aiohttp.ClientSession, sleeper: Sleeper) -> None:
    fake = await FakeLLM().start()
    base = fake.base_url
    await fake.stop()
    client = LlmClient(session, base, DEFAULT_API_KEY, DEFAULT_MODEL, sleep=sleeper)
    with pytest.raises(LlmUnavailableError, match="cannot reach the AI endpoint"):
        await client.list_models()
    assert len(sleeper.delays) == 2


async def test_malformed_replies(client: LlmClient, fake_llm: FakeLLM) -> None:
    """HTML, JSON without a message, an empty message: LlmReplyError, not retried."""
    fake_llm.malformed_next()
    with pytest.raises(LlmReplyError, match="did not answer JSON"):
        await client.complete(MESSAGES, max_tokens=10)
    fake_llm.fail_next(200, ["not", "an", "object"])
    with pytest.raises(LlmReplyError, match="unexpected JSON"):
        await client.complete(MESSAGES, max_tokens=10)
    fake_llm.fail_next(200, {"choices": []})
    with pytest.raises(LlmReplyError, match="no message"):
        await client.complete(MESSAGES, max_tokens=10)
    fake_llm.reply_next("   ")
    with pytest.raises(LlmReplyError, match="empty"):
        await client.complete(MESSAGES, max_tokens=10)
    fake_llm.fail_next(200, {"object": "list"})
    with pytest.raises(LlmReplyError, match="no data"):
        await client.list_models()
    assert _state(client) is CircuitState.CLOSED


async def test_content_parts_and_missing_usage(client: LlmClient, fake_llm: FakeLLM) -> None:
    fake_llm.fail_next(
        200,
        {
            "choices": [
                {"message": {"content": [{"type": "text", "text": "Hello "}, "x", {"t": 1}]}}
            ],
            "usage": "none",
        },
    )
    assert await client.complete(MESSAGES, max_tokens=10) == ChatReply(
        "Hello", DEFAULT_MODEL, None, None, None
    )


async def test_circuit_opens_half_opens_and_recovers(
    client: LlmClient, fake_llm: FakeLLM, clock: Clock, caplog: pytest.LogCaptureFixture
) -> None:
    """Two failed calls open it; calls are refused; after the cool-down one trial recovers it."""
    fake_llm.fail_next(500, times=6)
    for _ in range(2):
        with pytest.raises(LlmUnavailableError):
            await client.complete(MESSAGES, max_tokens=10)
    assert _state(client) is CircuitState.OPEN
    assert "pausing calls for 60 s" in caplog.text
    clock.now += 30
    with pytest.raises(CircuitOpenError) as caught:
        await client.complete(MESSAGES, max_tokens=10)
    assert caught.value.retry_after == 30
    assert len(fake_llm.chat_requests) == 6  # The refused call sent nothing.
    clock.now += 30
    assert _state(client) is CircuitState.HALF_OPEN
    reply = await client.complete(MESSAGES, max_tokens=10)
    assert reply.text
    assert _state(client) is CircuitState.CLOSED
    assert client.breaker.failures == 0


async def test_failed_trial_reopens(client: LlmClient, fake_llm: FakeLLM, clock: Clock) -> None:
    fake_llm.fail_next(502, times=9)
    for _ in range(2):
        with pytest.raises(LlmUnavailableError):
            await client.complete(MESSAGES, max_tokens=10)
    clock.now += 60
    with pytest.raises(LlmUnavailableError) as caught:
        await client.complete(MESSAGES, max_tokens=10)
    assert not isinstance(caught.value, CircuitOpenError)
    assert _state(client) is CircuitState.OPEN
    with pytest.raises(CircuitOpenError):
        await client.complete(MESSAGES, max_tokens=10)


async def test_one_trial_at_a_time(client: LlmClient, fake_llm: FakeLLM, clock: Clock) -> None:
    """While the trial call runs, other calls are refused; a refused trial frees the slot."""
    fake_llm.fail_next(500, times=6)
    for _ in range(2):
        with pytest.raises(LlmUnavailableError):
            await client.complete(MESSAGES, max_tokens=10)
    clock.now += 60
    fake_llm.delay = 0.2
    trial = asyncio.create_task(client.complete(MESSAGES, max_tokens=10))
    await asyncio.sleep(0.05)
    assert _state(client) is CircuitState.HALF_OPEN
    with pytest.raises(CircuitOpenError):
        await client.complete(MESSAGES, max_tokens=10)
    assert (await trial).text
    # An auth error during a trial says nothing about availability: the next call is a trial.
    fake_llm.delay = 0
    breaker = client.breaker
    breaker.record_failure()
    breaker.record_failure()
    clock.now += 60
    client._api_key = "wrong"
    with pytest.raises(LlmAuthError):
        await client.complete(MESSAGES, max_tokens=10)
    assert breaker.state is CircuitState.HALF_OPEN
    breaker.before_call()
    breaker.release()


async def test_cancelled_call_releases_the_trial(
    client: LlmClient, fake_llm: FakeLLM, clock: Clock
) -> None:
    client.breaker.record_failure()
    client.breaker.record_failure()
    clock.now += 60
    fake_llm.delay = 5
    task = asyncio.create_task(client.complete(MESSAGES, max_tokens=10))
    await asyncio.sleep(0.05)
    task.cancel()
    with pytest.raises(asyncio.CancelledError):
        await task
    client.breaker.before_call()  # Not refused: the cancelled trial freed the slot.


def test_default_constants() -> None:
    assert llm.MAX_RETRY_AFTER == 60
    assert CircuitBreaker().state is CircuitState.CLOSED
