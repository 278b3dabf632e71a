"""The built-in sentences, asked of the default conversation agent in English and French
(``conversation.async_converse``), over the Paris history of ``history.py``."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from homeassistant.helpers import intent
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aime.assist.intents import INTENT_NOW_PLAYING

from .agent import ask


@pytest.fixture
async def conversation(hass: HomeAssistant) -> None:
    """The default agent, loaded before AIME (as in a default configuration)."""
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})


@pytest.mark.usefixtures("conversation", "paris_hub")
@pytest.mark.parametrize(
    ("sentence", "language", "answer"),
    [
        ("How many plays today?", "en", "Plays today: 2."),
        ("how many songs did I listen to this week", "en", "Plays this week: 4."),
        (
            "Who is my top artist this month?",
            "en",
            "Your top artist this month is Miles Davis, with 2 plays.",
        ),
        ("who's my top artist", "en", "Your top artist this month is Miles Davis, with 2 plays."),
        ("Combien d'écoutes aujourd'hui ?", "fr", "Écoutes aujourd\u2019hui : 2."),
        ("combien de morceaux j'ai écoutés cette semaine", "fr", "Écoutes cette semaine : 4."),
        (
            "Qui est mon artiste préféré ce mois-ci ?",
            "fr",
            "Votre artiste le plus écouté ce mois-ci est Miles Davis, avec 2 écoutes.",
        ),
        (
            "qui est mon artiste le plus écouté cette année",
            "fr",
            "Votre artiste le plus écouté cette année est Miles Davis, avec 5 écoutes.",
        ),
    ],
)
async def test_figures_in_both_languages(
    hass: HomeAssistant, sentence: str, language: str, answer: str
) -> None:
    """Counts and the top artist, spoken in the language of the conversation."""
    assert await ask(hass, sentence, language) == answer


async def test_sentences_follow_the_hub(hass: HomeAssistant, paris_hub: MockConfigEntry) -> None:
    """Loaded after AIME, the agent still learns the sentences; unloading AIME removes them."""
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "conversation", {})
    await hass.async_block_till_done()
    assert await ask(hass, "how many plays today", "en") == "Plays today: 2."
    assert INTENT_NOW_PLAYING in {handler.intent_type for handler in intent.async_get(hass)}
    await hass.config_entries.async_unload(paris_hub.entry_id)
    assert await ask(hass, "how many plays today", "en") != "Plays today: 2."
    assert INTENT_NOW_PLAYING not in {handler.intent_type for handler in intent.async_get(hass)}


@pytest.mark.usefixtures("conversation", "paris_hub")
async def test_nothing_playing_without_roon(hass: HomeAssistant) -> None:
    """No zone, nothing on Last.fm: said so, in each language."""
    assert await ask(hass, "What am I listening to?", "en") == "Nothing is playing right now."
    assert await ask(hass, "Qu'est-ce que j'écoute ?", "fr") == "Rien ne joue en ce moment."
    # Typed on a phone: typographic apostrophes.
    assert await ask(hass, "Qu\u2019est-ce que j\u2019écoute ?", "fr") == (
        "Rien ne joue en ce moment."
    )
