"""Calling AIME the way conversation agents do: the LLM API's tools, and spoken sentences."""

from __future__ import annotations

import dataclasses
from typing import Any

from homeassistant.components import conversation
from homeassistant.core import Context, HomeAssistant
from homeassistant.helpers import llm

from custom_components.aime.assist.llm_api import API_ID


def llm_context(language: str = "en", user_id: str | None = None) -> llm.LLMContext:
    """An agent's context, from the fields this Home Assistant's ``LLMContext`` has."""
    known: dict[str, Any] = {
        "platform": "test_agent",
        "context": Context(user_id=user_id),
        "language": language,
        "assistant": conversation.DOMAIN,
    }
    return llm.LLMContext(
        **{field.name: known.get(field.name) for field in dataclasses.fields(llm.LLMContext)}
    )


async def api_instance(
    hass: HomeAssistant, language: str = "en", user_id: str | None = None
) -> llm.APIInstance:
    """AIME's API as an agent gets it (for the user ``user_id``)."""
    return await llm.async_get_api(hass, API_ID, llm_context(language, user_id))


async def call_tool(
    hass: HomeAssistant, name: str, language: str = "en", user_id: str | None = None, **args: Any
) -> Any:
    """Call one tool through the API instance, as an agent does."""
    api = await api_instance(hass, language, user_id)
    result = await api.async_call_tool(llm.ToolInput(tool_name=name, tool_args=args))
    # Newer Home Assistant answers a ToolResult holding the tool's JSON.
    return getattr(result, "data", result)


async def ask(hass: HomeAssistant, text: str, language: str, user_id: str | None = None) -> str:
    """Say ``text`` to the default agent (as the user ``user_id``); its spoken answer."""
    result = await conversation.async_converse(
        hass, text, None, Context(user_id=user_id), language=language
    )
    speech: str = result.response.speech["plain"]["speech"]
    return speech
