"""What AIME names itself follows Home Assistant's language: device models, browse titles.

Entity names have translation keys (checked with the entities); these are the texts Home
Assistant has no key for, read from the integration's translations.
"""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.aime.const import DOMAIN

from .helpers.enrichment_helpers import setup_hub
from .helpers.ha_version import find_device

EXPECTED = {
    "en": {
        "hub": "Listening hub",
        "zone": "Roon zone",
        "folders": ["Artists", "Albums", "Playlists", "Genres", "Live Radio"],
    },
    "fr": {
        "hub": "Hub d\u2019\u00e9coute",
        "zone": "Zone Roon",
        "folders": ["Artistes", "Albums", "Playlists", "Genres", "Radio en direct"],
    },
}


@pytest.mark.parametrize("language", list(EXPECTED))
async def test_device_models_and_browse_titles(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    device_registry: dr.DeviceRegistry,
    roon_entry: MockConfigEntry,
    language: str,
) -> None:
    expected = EXPECTED[language]
    hass.config.language = language
    await setup_hub(hass, {})
    roon_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(roon_entry.entry_id)
    await hass.async_block_till_done()
    try:
        hub = find_device(hass, (DOMAIN, DOMAIN))
        assert hub is not None
        assert hub.model == expected["hub"]
        zones = dr.async_entries_for_config_entry(device_registry, roon_entry.entry_id)
        assert zones
        assert {zone.model for zone in zones} == {expected["zone"]}

        player = next(
            state.entity_id
            for state in hass.states.async_all("media_player")
            if state.attributes.get("friendly_name") == "Kitchen"
        )
        client = await hass_ws_client(hass)
        await client.send_json_auto_id({"type": "media_player/browse_media", "entity_id": player})
        response: dict[str, Any] = await client.receive_json()
        assert response["success"], response
        titles = [child["title"] for child in response["result"]["children"]]
        assert titles[: len(expected["folders"])] == expected["folders"]
    finally:
        await hass.config_entries.async_unload(roon_entry.entry_id)
