"""``aime_describe_album``: a new text from the hub's AI (fake LLM), then the stored one."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aime.const import DOMAIN

from ..fakes.llm import FakeLLM
from ..helpers.ai_hub import ai_options
from .agent import call_tool


@pytest.fixture
def mock_config_entry(fake_llm: FakeLLM) -> MockConfigEntry:
    """The hub, with the fake LLM as its AI."""
    return MockConfigEntry(
        domain=DOMAIN, unique_id=DOMAIN, title="AIME", data={}, options=ai_options(fake_llm)
    )


async def test_describe_writes_then_reuses(
    hass: HomeAssistant, paris_hub: MockConfigEntry, fake_llm: FakeLLM
) -> None:
    """Written once by the AI, answered from the store the next time."""
    first = await call_tool(hass, "aime_describe_album", artist="Miles Davis", title="Kind of Blue")
    assert (first["artist"], first["title"], first["generated"]) == (
        "Miles Davis",
        "Kind of Blue",
        True,
    )
    assert first["summary"]
    assert first["description"]
    requests = len(fake_llm.chat_requests)
    again = await call_tool(hass, "aime_describe_album", artist="miles davis", title="kind of blue")
    assert again == {**first, "generated": False}
    assert len(fake_llm.chat_requests) == requests
