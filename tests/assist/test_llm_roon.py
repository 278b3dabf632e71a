"""The LLM tools that reach the Roon zones, against the fake Roon Core through roonapi:
what plays in each zone, and a generated playlist played in a zone named in words."""

from __future__ import annotations

from pathlib import Path

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from ..fakes.roon import FakeRoonCore
from ..helpers.roon_history import KITCHEN, queue
from .agent import call_tool
from .roon_hub import async_setup_hub_with_history


@pytest.fixture
async def hub(
    hass: HomeAssistant,
    store_path: Path,
    mock_config_entry: MockConfigEntry,
    init_roon: MockConfigEntry,
) -> None:
    """The hub over the history, and the Roon entry, loaded."""
    await async_setup_hub_with_history(hass, store_path, mock_config_entry)


@pytest.mark.usefixtures("hub")
async def test_now_playing_in_each_zone(hass: HomeAssistant) -> None:
    """Every AIME Roon zone, with what it plays (the living room plays Kind of Blue)."""
    answer = await call_tool(hass, "aime_now_playing")
    zones = {zone["zone"]: zone for zone in answer["zones"]}
    assert set(zones) == {"Kitchen", "Living Room", "Office"}
    assert zones["Living Room"] == {
        "zone": "Living Room",
        "entity_id": "media_player.living_room",
        "state": "playing",
        "state_label": "Playing",
        "title": "So What",
        "artist": "Miles Davis",
        "album": "Kind of Blue",
    }
    assert zones["Office"]["state"] == "paused"
    in_french = await call_tool(hass, "aime_now_playing", language="fr")
    assert [zone["state_label"] for zone in in_french["zones"]] == [
        "Inactif",  # The kitchen: stopped.
        "Lecture en cours",
        "En pause",
    ]


@pytest.mark.usefixtures("hub")
async def test_play_a_generated_playlist_in_a_zone_named_in_words(
    hass: HomeAssistant, fake_roon: FakeRoonCore
) -> None:
    """ "the kitchen": generated, kept under a translated name, and playing there."""
    answer = await call_tool(
        hass, "aime_play_playlist", algorithm="top_sessions", zone="the kitchen", max_tracks=5
    )
    assert (answer["zone"], answer["entity_id"]) == ("Kitchen", "media_player.kitchen")
    assert answer["name"] == "Top sessions · All time"
    assert answer["tracks"] == 5
    assert answer["queued"] >= 1
    assert answer["queued"] + answer["skipped"] == answer["tracks"]
    assert queue(fake_roon, KITCHEN)
    by_id = await call_tool(
        hass, "aime_play_playlist", algorithm="rediscovery", zone="media_player.office"
    )
    assert by_id["entity_id"] == "media_player.office"


@pytest.mark.usefixtures("hub")
async def test_unknown_zone_and_missing_prompt(hass: HomeAssistant) -> None:
    """Translated refusals naming the zones there are; ai_generated needs a prompt."""
    with pytest.raises(ServiceValidationError) as raised:
        await call_tool(hass, "aime_play_playlist", algorithm="rediscovery", zone="Garage")
    assert raised.value.translation_key == "assist_unknown_zone"
    assert str(raised.value) == (
        "No AIME Roon zone is called Garage. Zones: Kitchen, Living Room, Office"
    )
    with pytest.raises(ServiceValidationError) as raised:
        await call_tool(hass, "aime_play_playlist", algorithm="ai_generated", zone="Kitchen")
    assert raised.value.translation_key == "playlist_prompt_required"
