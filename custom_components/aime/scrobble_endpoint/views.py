"""``submit-listens`` and ``validate-token`` on Home Assistant's server, as ListenBrainz has them.

Clients authenticate the way ListenBrainz's do (``Authorization: Token <token>``), not with a
Home Assistant login: the views need no Home Assistant auth and check AIME's own tokens. The
root is ``/api/aime/listenbrainz`` (a client appends ``1/submit-listens``); the same views answer
on ``/1/...`` too, for clients that join an absolute path to their API root and so drop its
path (liblistenbrainz does). Answers are ListenBrainz's: ``{"status": "ok"}``, errors
``{"code": N, "error": "..."}`` in English (400 a refused body, 401 a missing or unknown token,
413 a body over ListenBrainz's size, 429 over the rate limit, 503 while no hub is loaded), every
one with the ``X-RateLimit-*`` headers once the caller is counted. Nothing is kept of a
refused request.
"""

from __future__ import annotations

from http import HTTPStatus
import logging
import time
from typing import Any, Final

from aiohttp import web
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.http import KEY_HASS, HomeAssistantView
from homeassistant.util.hass_dict import HassKey

from ..hub.lookup import hub_runtime
from .rate_limit import RateLimitState
from .runtime import SCROBBLE_ENDPOINT, ScrobbleEndpoint
from .submission import MAX_LISTEN_PAYLOAD_SIZE, SubmissionError, parse_submission
from .tokens import EndpointToken

_LOGGER = logging.getLogger(__name__)

API_ROOT: Final = "/api/aime/listenbrainz"
_REGISTERED: HassKey[bool] = HassKey("aime_scrobble_endpoint_views")
_CHUNK: Final = 64 * 1024


def _error(status: int, message: str, headers: dict[str, str] | None = None) -> web.Response:
    return HomeAssistantView.json({"code": status, "error": message}, status, headers)


class _ListenBrainzView(HomeAssistantView):
    requires_auth = False

    async def _authorize(
        self, request: web.Request
    ) -> tuple[ScrobbleEndpoint, EndpointToken | None, RateLimitState] | web.Response:
        """The endpoint, the token presented (``None``: none valid) and the caller's standing;
        an answer instead when there is no hub or the caller is over its limit."""
        hass: HomeAssistant = request.app[KEY_HASS]
        runtime = hub_runtime(hass)
        endpoint = None if runtime is None else runtime.feature(SCROBBLE_ENDPOINT)
        if endpoint is None:
            return _error(HTTPStatus.SERVICE_UNAVAILABLE, "AIME is not loaded. Try again later.")
        presented = _presented_token(request)
        token = None if presented is None else endpoint.token(presented)
        caller = f"token:{token.token_id}" if token else f"peer:{request.remote}"
        standing = endpoint.limiter.take(caller)
        if not standing.allowed:
            return _error(
                HTTPStatus.TOO_MANY_REQUESTS,
                "You have exceeded your rate limit. See the X-RateLimit-* response headers.",
                standing.headers,
            )
        return endpoint, token, standing


class SubmitListensView(_ListenBrainzView):
    """``POST 1/submit-listens``: listens to record, or what plays now."""

    url = f"{API_ROOT}/1/submit-listens"
    extra_urls = ["/1/submit-listens"]  # noqa: RUF012 - Home Assistant's attribute
    name = "api:aime:listenbrainz:submit-listens"

    async def post(self, request: web.Request) -> web.Response:
        """Check the token, then the whole body, then record; any refusal keeps nothing."""
        authorized = await self._authorize(request)
        if isinstance(authorized, web.Response):
            return authorized
        endpoint, token, standing = authorized
        headers = standing.headers
        if token is None:
            message = (
                "You need to provide an Authorization header."
                if _presented_token(request) is None
                else "Invalid authorization token."
            )
            return _error(HTTPStatus.UNAUTHORIZED, message, headers)
        hass: HomeAssistant = request.app[KEY_HASS]
        try:
            body = await _read_body(request)
            submission = await hass.async_add_executor_job(parse_submission, body, time.time())
        except SubmissionError as err:
            return _error(err.status, err.message, headers)
        try:
            result = await endpoint.async_submit(token, submission)
        except HomeAssistantError as err:  # the store is closing
            _LOGGER.warning("Listens from %s not recorded: %s", token.name, err)
            return _error(HTTPStatus.SERVICE_UNAVAILABLE, "Cannot record listens now.", headers)
        except Exception:  # a client is answered, never shown a traceback; the log has it
            _LOGGER.exception("Listens from %s not recorded", token.name)
            return _error(HTTPStatus.SERVICE_UNAVAILABLE, "Cannot record listens now.", headers)
        if result.rejected:
            _LOGGER.debug("Listens from %s refused by the store: %s", token.name, result.rejected)
        return self.json({"status": "ok"}, headers=headers)


class ValidateTokenView(_ListenBrainzView):
    """``GET 1/validate-token``: whether a token is valid, and whose it is."""

    url = f"{API_ROOT}/1/validate-token"
    extra_urls = ["/1/validate-token"]  # noqa: RUF012 - Home Assistant's attribute
    name = "api:aime:listenbrainz:validate-token"

    async def get(self, request: web.Request) -> web.Response:
        """ListenBrainz's answer: 200 with ``valid`` false for an unknown token."""
        authorized = await self._authorize(request)
        if isinstance(authorized, web.Response):
            return authorized
        endpoint, token, standing = authorized
        if _presented_token(request) is None:
            return _error(
                HTTPStatus.UNAUTHORIZED,
                "You need to provide an Authorization header.",
                standing.headers,
            )
        answer: dict[str, Any] = {"code": 200, "message": "Token invalid.", "valid": False}
        if token is not None:
            user = _user_name(endpoint, token)
            answer = {"code": 200, "message": "Token valid.", "valid": True, "user_name": user}
        return self.json(answer, headers=standing.headers)


def _presented_token(request: web.Request) -> str | None:
    """``Authorization: Token <token>``; validate-token also reads ``?token=``, as
    ListenBrainz does (submit-listens never: a token in a URL ends up in logs)."""
    scheme, _, value = request.headers.get("Authorization", "").strip().partition(" ")
    if scheme.lower() == "token" and value.strip():
        return value.strip()
    if request.method != "GET":
        return None
    query = request.query.get("token", "").strip()
    return query or None


def _user_name(endpoint: ScrobbleEndpoint, token: EndpointToken) -> str:
    """The person the token sends for (their name as Home Assistant shows it), or its name."""
    if token.listener and (state := endpoint.hub.hass.states.get(token.listener)) is not None:
        return state.name
    return token.name


async def _read_body(request: web.Request) -> bytes:
    """The body, read no further than ListenBrainz's largest payload."""
    if (request.content_length or 0) > MAX_LISTEN_PAYLOAD_SIZE:
        raise SubmissionError("Payload too large.", HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
    body = bytearray()
    async for chunk in request.content.iter_chunked(_CHUNK):
        body += chunk
        if len(body) > MAX_LISTEN_PAYLOAD_SIZE:
            raise SubmissionError("Payload too large.", HTTPStatus.REQUEST_ENTITY_TOO_LARGE)
    return bytes(body)


@callback
def async_register_views(hass: HomeAssistant) -> None:
    """Register the views once per Home Assistant run."""
    if hass.data.get(_REGISTERED):
        return
    hass.data[_REGISTERED] = True
    hass.http.register_view(SubmitListensView())
    hass.http.register_view(ValidateTokenView())
