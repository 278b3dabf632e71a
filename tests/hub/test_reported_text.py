"""Sensors, events and the history websocket show the text a play was reported with (§ 6)."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
)
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.hub.recording import EVENT_PLAY_RECORDED, async_record_plays
from custom_components.aime.stats.coordinator import REFRESH_COOLDOWN_SECONDS

T0 = 1_700_000_000


async def test_one_more_time_shows_as_scrobbled(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Roon named the song "(2011 Remaster)"; the later scrobble still reads "One More Time"."""
    access = init_integration.runtime_data.access
    events = async_capture_events(hass, EVENT_PLAY_RECORDED)
    await async_record_plays(
        hass,
        access,
        [PlayInput("One More Time (2011 Remaster)", "Daft Punk", T0, Source.ROON, "Discovery")],
    )
    await hass.async_block_till_done()
    await async_record_plays(
        hass,
        access,
        [PlayInput("One More Time", "Daft Punk", T0 + 3600, Source.LASTFM, "Discovery")],
    )
    await hass.async_block_till_done()
    freezer.tick(timedelta(seconds=REFRESH_COOLDOWN_SECONDS + 1))  # One refresh per burst.
    async_fire_time_changed(hass)
    await hass.async_block_till_done()

    assert [event.data["track"] for event in events] == [
        "One More Time (2011 Remaster)",
        "One More Time",
    ]
    last = hass.states.get("sensor.aime_last_play")
    assert last is not None
    assert last.attributes["track"] == "One More Time"
    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "aime/history", "page_size": 5})
    reply: dict[str, Any] = await client.receive_json()
    assert reply["success"], reply
    assert [entry["title"] for entry in reply["result"]["entries"]] == [
        "One More Time",
        "One More Time (2011 Remaster)",
    ]
