"""Text AIME writes itself (names, browse titles), read from its translations in HA's language.

Home Assistant translates what it renders (entity names, errors); the rest is looked up here so
it follows the language set for Home Assistant too, English when a text is not translated.
"""

from __future__ import annotations

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import translation

from .const import DOMAIN


async def async_option_label(hass: HomeAssistant, selector: str, option: str) -> str:
    """The label of ``option`` under ``selector.<selector>.options`` of the translations."""
    labels = await async_option_labels(hass, selector)
    return labels.get(option, option)


async def async_option_labels(hass: HomeAssistant, selector: str) -> dict[str, str]:
    """Every option label of ``selector.<selector>.options``, by option."""
    strings = await translation.async_get_translations(
        hass, hass.config.language, "selector", {DOMAIN}
    )
    prefix = _prefix(selector)
    return {
        key.removeprefix(prefix): text for key, text in strings.items() if key.startswith(prefix)
    }


@callback
def cached_option_label(hass: HomeAssistant, selector: str, option: str, default: str) -> str:
    """``async_option_label`` where no await is possible (entity constructors).

    The integration's translations are loaded once it is set up, so they are cached here.
    """
    strings = translation.async_get_cached_translations(
        hass, hass.config.language, "selector", DOMAIN
    )
    return strings.get(f"{_prefix(selector)}{option}", default)


def _prefix(selector: str) -> str:
    return f"component.{DOMAIN}.selector.{selector}.options."
