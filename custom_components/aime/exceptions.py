"""Translated errors raised by actions and websocket commands (keys under "exceptions")."""

from __future__ import annotations

from collections.abc import Mapping

from homeassistant.exceptions import HomeAssistantError, ServiceValidationError

from .const import DOMAIN


def validation_error(
    key: str, placeholders: Mapping[str, object] | None = None
) -> ServiceValidationError:
    """The caller asked for something AIME cannot do as asked (bad input, missing setup)."""
    return ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key=key,
        translation_placeholders=_text(placeholders),
    )


def service_error(key: str, placeholders: Mapping[str, object] | None = None) -> HomeAssistantError:
    """A well-formed request failed (a service down, a refused key)."""
    return HomeAssistantError(
        translation_domain=DOMAIN,
        translation_key=key,
        translation_placeholders=_text(placeholders),
    )


def _text(placeholders: Mapping[str, object] | None) -> dict[str, str] | None:
    return None if placeholders is None else {k: str(v) for k, v in placeholders.items()}
