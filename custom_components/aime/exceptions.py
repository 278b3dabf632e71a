"""Translated errors raised by actions and websocket commands (keys under "exceptions").

Every refusal reaches its caller as a 4xx with a sentence, on every release AIME supports:
- bad input (``InputRefused``): a ``ServiceValidationError``, which websocket clients and the UI
  read translated. Over REST, releases before 2026.10 answer that error with a bare 500: it is
  also an aiohttp ``HTTPBadRequest``, which aiohttp then answers itself with a 400 and the
  sentence, as 2026.10 and later answer it (home-assistant/core#181590).
- a user who may not change shared data (``AdminRequired``): Home Assistant's ``Unauthorized``
  (401 over REST). Releases before 2025.6 log a traceback for any other error of a websocket
  action call, so there it is a validation error too: a one-line log, the translated sentence.
"""

from __future__ import annotations

from collections.abc import Mapping
import json
from typing import TYPE_CHECKING, Any

from aiohttp import web
from homeassistant.const import MAJOR_VERSION, MINOR_VERSION
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError, Unauthorized

from .const import DOMAIN

if TYPE_CHECKING:
    from aiohttp.abc import AbstractStreamWriter
    from homeassistant.core import Context

# Home Assistant 2025.6 stopped logging a traceback for errors of websocket action calls.
_WEBSOCKET_LOGS_TRACEBACKS = (MAJOR_VERSION, MINOR_VERSION) < (2025, 6)


class InputRefused(web.HTTPBadRequest, ServiceValidationError):
    """The caller asked for something AIME cannot do as asked (bad input, an unknown id)."""

    def __init__(self, key: str, placeholders: Mapping[str, object] | None = None) -> None:
        """The refusal, its sentence read from the translations when it is shown."""
        # Each base initialised on its own: aiohttp's initialiser takes keywords only, and
        # Home Assistant's passes the key on as a positional argument.
        web.HTTPBadRequest.__init__(self)
        ServiceValidationError.__init__(
            self,
            translation_domain=DOMAIN,
            translation_key=key,
            translation_placeholders=_text(placeholders),
        )

    def __str__(self) -> str:
        """The sentence (Home Assistant's rendering of the key), not aiohttp's reason."""
        return ServiceValidationError.__str__(self)

    def __repr__(self) -> str:
        """An error's representation, as in tracebacks and logs."""
        return f"{type(self).__name__}({self.translation_key!r})"

    async def prepare(self, request: web.BaseRequest) -> AbstractStreamWriter | None:
        """Answered by aiohttp itself (older REST API): Home Assistant's JSON message shape."""
        self.text = json.dumps({"message": str(self)}, ensure_ascii=False)
        self.content_type = "application/json"
        return await super().prepare(request)


class AdminRequired(Unauthorized):
    """Only an administrator may change what the household shares, or touch files."""

    def __init__(self, context: Context | None = None) -> None:
        """Refuse the call made in ``context``, with a translated sentence."""
        super().__init__(context=context)
        # Unauthorized names itself as its message: the translated sentence replaces it.
        HomeAssistantError.__init__(
            self, translation_domain=DOMAIN, translation_key="admin_required"
        )


class _QuietAdminRequired(AdminRequired, ServiceValidationError):
    """``AdminRequired`` where a websocket action call would log it with a traceback."""


def admin_required(context: Context | None = None) -> Unauthorized:
    """The refusal of a change a user who is not an administrator asked for."""
    return (_QuietAdminRequired if _WEBSOCKET_LOGS_TRACEBACKS else AdminRequired)(context)


def validation_error(
    key: str, placeholders: Mapping[str, object] | None = None
) -> ServiceValidationError:
    """The caller asked for something AIME cannot do as asked (bad input, missing setup)."""
    return InputRefused(key, placeholders)


def service_error(key: str, placeholders: Mapping[str, object] | None = None) -> HomeAssistantError:
    """A well-formed request failed (a service down, a refused key)."""
    return HomeAssistantError(
        translation_domain=DOMAIN,
        translation_key=key,
        translation_placeholders=_text(placeholders),
    )


def _text(placeholders: Mapping[str, Any] | None) -> dict[str, str] | None:
    return None if placeholders is None else {k: str(v) for k, v in placeholders.items()}
