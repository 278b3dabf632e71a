"""What Assist says, in the conversation's language (``selector.assist_response`` texts)."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from homeassistant.helpers import translation

from ..const import DOMAIN

RESPONSES = "assist_response"


async def async_labels(hass: HomeAssistant, language: str | None, selector: str) -> dict[str, str]:
    """Every option label of ``selector.<selector>.options`` in ``language``, by option."""
    strings = await translation.async_get_translations(
        hass, language or hass.config.language, "selector", {DOMAIN}
    )
    prefix = f"component.{DOMAIN}.selector.{selector}.options."
    return {
        key.removeprefix(prefix): text for key, text in strings.items() if key.startswith(prefix)
    }


async def async_say(hass: HomeAssistant, language: str | None, key: str, **values: object) -> str:
    """The response ``key`` in ``language`` with its placeholders filled in."""
    texts = await async_labels(hass, language, RESPONSES)
    return texts.get(key, key).format(**{name: str(value) for name, value in values.items()})
