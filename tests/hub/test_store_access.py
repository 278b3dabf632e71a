"""Work reaching an entry's store once it unloads: a translated error, or a quiet stop."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.aime.stats.coordinator import STATS

CLOSED = "AIME is being unloaded or reloaded, so this was not done. Try again once it is loaded"


async def test_a_websocket_command_racing_an_unload_is_answered(
    hass: HomeAssistant, init_integration: MockConfigEntry, hass_ws_client: WebSocketGenerator
) -> None:
    """The dashboard gets a translated error, not a command left without an answer."""
    await init_integration.runtime_data.access.async_close()  # the hub is unloading
    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "aime/stats"})
    response = await client.receive_json()
    assert not response["success"]
    assert response["error"]["message"] == CLOSED
    assert response["error"]["translation_key"] == "store_closed"


async def test_a_statistics_refresh_racing_an_unload_stops_quietly(
    hass: HomeAssistant, init_integration: MockConfigEntry, caplog: pytest.LogCaptureFixture
) -> None:
    """The sensors keep their figures; nothing is logged."""
    stats = init_integration.runtime_data.require(STATS)
    figures = stats.data
    await stats.store.async_close()
    caplog.clear()
    await stats.async_refresh()
    assert stats.last_update_success
    assert stats.data is figures
    assert not [r for r in caplog.records if r.levelname in ("WARNING", "ERROR")]
