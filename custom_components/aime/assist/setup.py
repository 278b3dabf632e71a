"""Assist for the loaded hub: the LLM API, the intents and the sentences, undone on unload."""

from __future__ import annotations

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback

from .intents import async_register_intents, async_remove_intents
from .llm_api import async_register_llm_api
from .sentences import Sentences


async def async_setup_assist(hass: HomeAssistant) -> CALLBACK_TYPE:
    """Offer AIME to conversation agents and the default agent; call the result to stop."""
    unregister_api = async_register_llm_api(hass)
    async_register_intents(hass)
    sentences = Sentences(hass)
    await sentences.async_start()

    @callback
    def stop() -> None:
        sentences.async_stop()
        async_remove_intents(hass)
        unregister_api()

    return stop
