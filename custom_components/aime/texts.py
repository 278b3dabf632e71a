"""Text AIME writes itself (names, browse titles), in Home Assistant's language.

Home Assistant translates what it renders (entity names, errors, the choices of an action or a
flow). AIME reuses some of those choices in names it writes (a playlist's algorithm and window),
read from its translations here; every other text it writes comes from the strings files
(``core/strings.py``). Both follow the language set for Home Assistant, English when AIME does
not speak it.
"""

from __future__ import annotations

from collections.abc import Mapping

from homeassistant.core import HomeAssistant
from homeassistant.helpers import translation

from .const import DOMAIN
from .core.strings import section


def strings_of(hass: HomeAssistant, area: str) -> Mapping[str, str]:
    """The strings of ``area`` ("device_model", "media_browser"...) in Home Assistant's language."""
    return section(hass.config.language, area)


async def async_option_label(hass: HomeAssistant, selector: str, option: str) -> str:
    """The label of ``option`` under ``selector.<selector>.options`` of the translations."""
    labels = await async_option_labels(hass, selector)
    return labels.get(option, option)


async def async_option_labels(hass: HomeAssistant, selector: str) -> dict[str, str]:
    """Every option label of ``selector.<selector>.options``, by option."""
    strings = await translation.async_get_translations(
        hass, hass.config.language, "selector", {DOMAIN}
    )
    prefix = f"component.{DOMAIN}.selector.{selector}.options."
    return {
        key.removeprefix(prefix): text for key, text in strings.items() if key.startswith(prefix)
    }
