"""The hub over the small Paris history (``hub_history.py``), asked through the websocket API.

Shared by the dashboard commands' tests and the panel's (registered in ``tests/conftest.py``);
a test module defining its own ``hub`` or ``ask`` fixture keeps its own.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import Any

from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from .hub_history import TIME_ZONE, write_history

type Ask = Callable[[dict[str, Any]], Awaitable[dict[str, Any]]]


@pytest.fixture
async def hub(
    hass: HomeAssistant, store_path: Path, mock_config_entry: MockConfigEntry
) -> MockConfigEntry:
    """The hub over the small Paris history."""
    await hass.config.async_set_time_zone(TIME_ZONE)
    await hass.async_add_executor_job(write_history, store_path)
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    return mock_config_entry


@pytest.fixture
async def ask(hass: HomeAssistant, hass_ws_client: WebSocketGenerator, hub: MockConfigEntry) -> Ask:
    """Send one command and return the whole answer."""
    client = await hass_ws_client(hass)

    async def send(command: dict[str, Any]) -> dict[str, Any]:
        await client.send_json_auto_id(command)
        answer: dict[str, Any] = await client.receive_json()
        return answer

    return send


def refusal_key(answer: dict[str, Any]) -> str:
    """The translation key of a refused command, after checking it reads as AIME's sentence.

    A refusal is Home Assistant's error answer carrying AIME's translation (key and
    placeholders, for the user's language) and the sentence in the server's language.
    """
    assert not answer["success"], answer
    error = answer["error"]
    assert error["code"] == "home_assistant_error", error
    assert error["translation_domain"] == "aime", error
    assert len(error["message"].split()) >= 3, error
    return str(error["translation_key"])
