"""What Assist says, in the conversation's language.

Its answers are the ``assist`` area of the strings files (``core/strings.py``); the names of
choices an action also offers (playlist windows, algorithms, record formats) are that
selector's option labels in the integration's translations.
"""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from homeassistant.helpers import translation

from ..const import DOMAIN
from ..core.strings import section

ANSWERS = "assist"


async def async_labels(hass: HomeAssistant, language: str | None, selector: str) -> dict[str, str]:
    """Every option label of ``selector.<selector>.options`` in ``language``, by option."""
    strings = await translation.async_get_translations(
        hass, language or hass.config.language, "selector", {DOMAIN}
    )
    prefix = f"component.{DOMAIN}.selector.{selector}.options."
    return {
        key.removeprefix(prefix): text for key, text in strings.items() if key.startswith(prefix)
    }


def say(hass: HomeAssistant, language: str | None, key: str, **values: object) -> str:
    """The answer ``key`` in ``language`` with its placeholders filled in."""
    answers = section(language or hass.config.language, ANSWERS)
    return answers.get(key, key).format(**{name: str(value) for name, value in values.items()})
