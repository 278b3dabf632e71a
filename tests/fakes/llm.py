"""A fake OpenAI-compatible chat completions endpoint, served over HTTP on 127.0.0.1.

It speaks what AIME uses, in the shapes OpenAI and Infomaniak EurIA use:

- ``POST /v1/chat/completions`` and ``GET /v1/models`` (OpenAI);
- ``POST /2/ai/{product_id}/openai/v1/chat/completions`` and ``GET …/v1/models`` (EurIA v2),
  ``POST /1/ai/{product_id}/openai/chat/completions`` (EurIA v1) and ``GET /1/ai``
  (the account's AI products);
- ``Authorization: Bearer <key>`` on every call; a wrong key gets 401 with an OpenAI error body
  (``{"error": {"message", "type", "code"}}``) on OpenAI paths and an Infomaniak one
  (``{"result": "error", "error": {"code", "description"}}``) on EurIA paths; an unknown
  product id gets 404;
- replies ``{"id", "object": "chat.completion", "created", "model", "choices": [...],
  "usage": {...}}``.

Test hooks: ``responder(body) -> str`` writes the assistant's text (the default one plays a
model that follows AIME's prompts); ``reply_next(text)`` scripts replies; ``fail_next(status,
body, headers)`` scripts errors (429 with ``Retry-After``, 500...); ``malformed_next()`` answers
HTML; ``delay`` holds every reply back; ``requests`` records every call.
"""

from __future__ import annotations

import asyncio
from collections import deque
from collections.abc import Callable
import contextlib
from dataclasses import dataclass, field
import itertools
import json
import re
import time
from typing import Any

from aiohttp import web

from .loopback import LoopbackServer

DEFAULT_API_KEY = "test-llm-key"
DEFAULT_PRODUCT_ID = "104242"
DEFAULT_MODEL = "mistral3"

Responder = Callable[[dict[str, Any]], str]


@dataclass(frozen=True, slots=True)
class RecordedRequest:
    """One call the fake received."""

    method: str
    path: str
    authorization: str | None
    body: dict[str, Any] | None


@dataclass(frozen=True, slots=True)
class ScriptedError:
    """An error to answer instead of a reply."""

    status: int
    body: str
    headers: dict[str, str] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class ScriptedReply:
    """A reply text to answer, and why the model stopped."""

    text: str
    finish_reason: str = "stop"


_MALFORMED = ScriptedError(200, "<html><body>Bad gateway</body></html>")


class FakeLLM(LoopbackServer):
    """An OpenAI-compatible endpoint on 127.0.0.1; start it on the running loop."""

    service = "LLM"

    def __init__(self) -> None:
        super().__init__()
        self.api_keys: set[str] = {DEFAULT_API_KEY}
        self.product_ids: set[str] = {DEFAULT_PRODUCT_ID}
        self.models: list[str] = [DEFAULT_MODEL, "llama3"]
        self.responder: Responder = default_responder
        self.delay: float = 0.0
        self.requests: list[RecordedRequest] = []
        self._script: deque[ScriptedReply | ScriptedError] = deque()
        self._ids = itertools.count(1)

    # --- server --------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        """The OpenAI-style base URL, ``http://127.0.0.1:PORT/v1``."""
        return f"{self.root_url}/v1"

    def euria_base_url(self, product_id: str = DEFAULT_PRODUCT_ID) -> str:
        """The EurIA v2 base URL for ``product_id``."""
        return f"{self.root_url}/2/ai/{product_id}/openai/v1"

    def build_app(self) -> web.Application:
        app = web.Application()
        app.router.add_post("/v1/chat/completions", self._chat)
        app.router.add_get("/v1/models", self._models)
        app.router.add_post("/2/ai/{product}/openai/v1/chat/completions", self._chat)
        app.router.add_get("/2/ai/{product}/openai/v1/models", self._models)
        app.router.add_post("/1/ai/{product}/openai/chat/completions", self._chat)
        app.router.add_get("/1/ai", self._products)
        return app

    # --- scripting -----------------------------------------------------------------------

    def reply_next(self, *texts: str, finish_reason: str = "stop") -> None:
        """Answer the next chat completions with these texts, in order."""
        self._script.extend(ScriptedReply(text, finish_reason) for text in texts)

    def fail_next(
        self,
        status: int,
        body: Any = None,
        headers: dict[str, str] | None = None,
        *,
        times: int = 1,
    ) -> None:
        """Answer the next ``times`` calls with an HTTP error (default body: an OpenAI error)."""
        if body is None:
            body = {"error": {"message": f"error {status}", "type": "server_error"}}
        text = body if isinstance(body, str) else json.dumps(body)
        self._script.extend(ScriptedError(status, text, headers or {}) for _ in range(times))

    def malformed_next(self) -> None:
        """Answer the next call with HTML and status 200."""
        self._script.append(_MALFORMED)

    @property
    def chat_requests(self) -> list[RecordedRequest]:
        """The chat completion calls received."""
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    # --- handlers ------------------------------------------------------------------------

    async def _chat(self, request: web.Request) -> web.StreamResponse:
        body = await self._record(request)
        if (refused := self._refusal(request)) is not None:
            return refused
        if self.delay:
            # Cut short by stop(), so a test's teardown does not wait for a slow reply.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._stopping.wait(), self.delay)
        if (error := self._scripted_error()) is not None:
            return error
        scripted = self._script.popleft() if self._script else None
        if not isinstance(body, dict) or not isinstance(body.get("messages"), list):
            return _openai_error(400, "messages is required", "invalid_request_error")
        model = body.get("model")
        if model not in self.models:
            return _openai_error(404, f"The model `{model}` does not exist", "model_not_found")
        if not isinstance(scripted, ScriptedReply):
            scripted = ScriptedReply(self.responder(body))
        prompt_tokens = sum(len(str(m.get("content", "")).split()) for m in body["messages"])
        completion_tokens = len(scripted.text.split())
        return web.json_response(
            {
                "id": f"chatcmpl-{next(self._ids)}",
                "object": "chat.completion",
                "created": int(time.time()),
                "model": model,
                "choices": [
                    {
                        "index": 0,
                        "message": {"role": "assistant", "content": scripted.text},
                        "finish_reason": scripted.finish_reason,
                    }
                ],
                "usage": {
                    "prompt_tokens": prompt_tokens,
                    "completion_tokens": completion_tokens,
                    "total_tokens": prompt_tokens + completion_tokens,
                },
            }
        )

    async def _models(self, request: web.Request) -> web.StreamResponse:
        await self._record(request)
        if (refused := self._refusal(request)) is not None:
            return refused
        if (error := self._scripted_error()) is not None:
            return error
        return web.json_response(
            {"object": "list", "data": [{"id": m, "object": "model"} for m in self.models]}
        )

    async def _products(self, request: web.Request) -> web.StreamResponse:
        await self._record(request)
        if (refused := self._refusal(request)) is not None:
            return refused
        return web.json_response(
            {
                "result": "success",
                "data": [
                    {"product_id": int(p), "product_name": "AI Tools", "account_name": "Test"}
                    for p in sorted(self.product_ids)
                ],
            }
        )

    async def _record(self, request: web.Request) -> dict[str, Any] | None:
        body: Any = None
        if request.can_read_body:
            raw = await request.text()
            try:
                body = json.loads(raw)
            except ValueError:
                body = {"_raw": raw}
        self.requests.append(
            RecordedRequest(
                request.method, request.path, request.headers.get("Authorization"), body
            )
        )
        return body if isinstance(body, dict) else None

    def _scripted_error(self) -> web.Response | None:
        """The next scripted error, if an error is next in the script."""
        if not self._script or not isinstance(self._script[0], ScriptedError):
            return None
        error = self._script.popleft()
        assert isinstance(error, ScriptedError)
        return web.Response(
            status=error.status,
            text=error.body,
            headers=error.headers,
            content_type="text/html" if error is _MALFORMED else "application/json",
        )

    def _refusal(self, request: web.Request) -> web.Response | None:
        euria = "product" in request.match_info or request.path == "/1/ai"
        authorization = request.headers.get("Authorization", "")
        token = authorization.removeprefix("Bearer ") if authorization.startswith("Bearer ") else ""
        if token not in self.api_keys:
            if euria:
                return _euria_error(401, "not_authorized", "Authorization required")
            return _openai_error(401, "Incorrect API key provided", "invalid_api_key")
        product = request.match_info.get("product")
        if product is not None and product not in self.product_ids:
            return _euria_error(404, "object_not_found", "Product not found")
        return None


def _openai_error(status: int, message: str, code: str) -> web.Response:
    return web.json_response(
        {"error": {"message": message, "type": "invalid_request_error", "code": code}},
        status=status,
    )


def _euria_error(status: int, code: str, description: str) -> web.Response:
    return web.json_response(
        {"result": "error", "error": {"code": code, "description": description}}, status=status
    )


# --- a default "model" -------------------------------------------------------------------------

_HAIKUS = {
    "fr": "Le vinyle tourne\nune voix monte dans le soir\nle silence écoute",
    "en": "The record spins on\na voice rises in the dusk\nthe silence listens",
}
_SENTENCES = {
    "fr": (
        "Cet album occupe une place singulière dans la discographie de l'artiste. "
        "Les arrangements privilégient la clarté, chaque instrument trouvant son espace. "
        "La critique a salué sa cohérence et la justesse de son interprétation. "
    ),
    "en": (
        "This album holds a singular place in the artist's discography. "
        "The arrangements favour clarity, giving every instrument its own space. "
        "Critics praised its coherence and the honesty of its performances. "
    ),
}
_SHORT = {
    "fr": (
        "Un album lumineux et précis, où chaque morceau prolonge le précédent avec une "
        "élégance tranquille ; une œuvre à écouter d'une traite, le soir, pour en saisir "
        "toute la profondeur et la douceur."
    ),
    "en": (
        "A luminous, precise album in which each song extends the one before with quiet "
        "elegance; a record to hear in one sitting, at night, to take in all its depth, its "
        "warmth and its remarkable restraint."
    ),
}


_DATA_BLOCK = re.compile(r"<data>\s*(\{.*\})\s*</data>", re.DOTALL)
_AT_MOST = re.compile(r"\b(\d+)\b")
_WORD = re.compile(r"\w{3,}")


def default_responder(body: dict[str, Any]) -> str:
    """Answer like a model following AIME's prompts: picks for a playlist, a haiku, 35 words,
    or ~1,900 characters."""
    prompt = " ".join(str(m.get("content", "")) for m in body.get("messages", []))
    if (picks := _playlist_picks(prompt)) is not None:
        return picks
    lowered = prompt.casefold()
    language = "fr" if "français" in lowered or "french" in lowered else "en"
    if "haiku" in lowered or "haïku" in lowered:
        return _HAIKUS[language]
    if "35" in lowered:
        return _SHORT[language]
    sentences = _SENTENCES[language]
    return (sentences * (1900 // len(sentences) + 1))[:1900].rsplit(". ", 1)[0] + "."


def _playlist_picks(prompt: str) -> str | None:
    """For the playlist picker's prompt: a JSON list of candidate ids, as a model would answer.

    The candidates sharing words with the request come first, then the most played; at most
    the number the task asks for, never two tracks of one artist in a row when avoidable.
    """
    block = _DATA_BLOCK.search(prompt)
    if block is None:
        return None
    try:
        data = json.loads(block[1])
    except ValueError:
        return None
    candidates = data.get("candidates") if isinstance(data, dict) else None
    if not isinstance(candidates, list):
        return None
    task = prompt[: block.start()]
    count = int(numbers[-1]) if (numbers := _AT_MOST.findall(task)) else 10
    wanted = set(_WORD.findall(str(data.get("request", "")).casefold()))

    def relevance(candidate: dict[str, Any]) -> tuple[int, int]:
        words = " ".join(str(candidate.get(key, "")) for key in ("artist", "title", "album"))
        return -len(wanted & set(_WORD.findall(words.casefold()))), -int(candidate.get("plays", 0))

    ranked = sorted(candidates, key=relevance)
    chosen: list[dict[str, Any]] = []
    while ranked and len(chosen) < count:
        previous = chosen[-1].get("artist") if chosen else None
        index = next((i for i, c in enumerate(ranked) if c.get("artist") != previous), 0)
        chosen.append(ranked.pop(index))
    return json.dumps([candidate["id"] for candidate in chosen])
