"""The sentences that reach the Roon zones, in English and French, through the default
conversation agent and the fake Roon Core (zone names said as the user says them)."""

from __future__ import annotations

from pathlib import Path

from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from ..fakes.roon import FakeRoonCore
from ..helpers.roon_history import KITCHEN, LIVING, queue
from .agent import ask
from .roon_hub import async_setup_hub_with_history


@pytest.fixture
async def hub(
    hass: HomeAssistant,
    store_path: Path,
    mock_config_entry: MockConfigEntry,
    init_roon: MockConfigEntry,
) -> None:
    """The agent, the hub over the history, and the Roon entry, loaded."""
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})
    await async_setup_hub_with_history(hass, store_path, mock_config_entry)


@pytest.mark.usefixtures("hub")
async def test_what_am_i_listening_to(hass: HomeAssistant) -> None:
    """The zones playing now, in each language."""
    assert await ask(hass, "What am I listening to?", "en") == (
        "Now playing: So What by Miles Davis in Living Room."
    )
    assert await ask(hass, "qu'est-ce que j'écoute en ce moment", "fr") == (
        "En ce moment : So What de Miles Davis dans Living Room."
    )


@pytest.mark.usefixtures("hub")
async def test_play_a_playlist_in_the_kitchen(hass: HomeAssistant, fake_roon: FakeRoonCore) -> None:
    """English: the algorithm and the zone by name; French: a French room name and label."""
    speech = await ask(hass, "Play my top sessions playlist in the kitchen", "en")
    assert speech.startswith("Playing Top sessions · All time in Kitchen. Tracks queued: ")
    assert queue(fake_roon, KITCHEN)
    # A French home: playlists are named in Home Assistant's language, rooms in French.
    hass.config.language = "fr"
    er.async_get(hass).async_update_entity("media_player.kitchen", name="Cuisine")
    await hass.async_block_till_done()
    speech = await ask(hass, "Mets ma playlist meilleures sessions dans la cuisine", "fr")
    assert speech.startswith("Je lance Meilleures sessions · Depuis toujours dans Cuisine. ")


@pytest.mark.usefixtures("hub")
async def test_play_something_not_heard_for_a_while(
    hass: HomeAssistant, fake_roon: FakeRoonCore
) -> None:
    """Rediscovery: "So What", three plays, none in 90 days, starts in the living room."""
    speech = await ask(hass, "Play something I haven't heard for a while in the living room", "en")
    assert speech == "Playing Rediscovery · All time in Living Room. Tracks queued: 1."
    assert queue(fake_roon, LIVING)[0] == "So What"
    speech = await ask(
        hass, "joue quelque chose que je n'ai pas écouté depuis longtemps dans Living Room", "fr"
    )
    # The name follows Home Assistant's language (English here), the sentence the user's.
    assert speech == (
        "Je lance Rediscovery · All time dans Living Room. Morceaux en file d\u2019attente : 1."
    )


@pytest.mark.usefixtures("hub")
async def test_spoken_refusals(hass: HomeAssistant) -> None:
    """An unknown room or playlist is said, in the language of the conversation."""
    assert await ask(hass, "joue ma playlist meilleures sessions dans le garage", "fr") == (
        "Aucune zone Roon d\u2019AIME ne s\u2019appelle le garage. "
        "Zones : Kitchen, Living Room, Office."
    )
    assert await ask(hass, "play my favourite playlist in the kitchen", "en") == (
        "I don't know a playlist called favourite."
    )
