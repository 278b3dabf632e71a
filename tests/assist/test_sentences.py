"""The built-in sentences, asked of the default conversation agent in English and French
(``conversation.async_converse``), over the Paris history of ``history.py``."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from homeassistant.helpers import intent
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, MockUser

from custom_components.aime.assist.intents import INTENT_NOW_PLAYING
from custom_components.aime.core.models import Source
from custom_components.aime.core.store.store import Store

from ..helpers.people import add_person
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


@pytest.mark.usefixtures("conversation", "paris_hub")
@pytest.mark.parametrize(
    ("sentence", "language", "answer"),
    [
        (
            "What did I listen to today?",
            "en",
            "Today, the household listened to 2 tracks, most of all Miles Davis.",
        ),
        ("what have I played yesterday", "en", "Yesterday, nothing was played at home."),
        (
            "what did I play this week",
            "en",
            "This week, the household listened to 4 tracks, most of all Miles Davis.",
        ),
        (
            "Qu'est-ce que j'ai écouté ce mois-ci ?",
            "fr",
            "Ce mois-ci, la maison a écouté 3 morceaux, surtout Miles Davis.",
        ),
        ("j'ai écouté quoi hier", "fr", "Hier, rien n\u2019a été écouté à la maison."),
    ],
)
async def test_what_was_listened_to_by_everyone(
    hass: HomeAssistant, sentence: str, language: str, answer: str
) -> None:
    """Asked by a user who is no person of Home Assistant: the household's listening."""
    assert await ask(hass, sentence, language) == answer


@pytest.mark.usefixtures("conversation")
async def test_what_the_speaker_listened_to(
    hass: HomeAssistant, paris_hub: MockConfigEntry, hass_admin_user: MockUser
) -> None:
    """The user is Alice, whose Last.fm account holds every play: hers; Bob heard nothing."""
    alice = await add_person(hass, "Alice", hass_admin_user.id)
    store: Store = paris_hub.runtime_data.store
    await hass.async_add_executor_job(store.assign_listener, Source.LASTFM, None, alice)
    user = hass_admin_user.id
    assert await ask(hass, "what did I listen to this week", "en", user) == (
        "This week, you listened to 4 tracks, most of all Miles Davis."
    )
    assert (
        await ask(hass, "qu'ai-je écouté hier", "fr", user) == "Hier, vous n\u2019avez rien écouté."
    )
    assert await ask(hass, "How many plays today?", "en", user) == "Plays today: 2."
    await hass.async_add_executor_job(store.assign_listener, Source.LASTFM, None, None)
    assert await ask(hass, "How many plays today?", "en", user) == "Plays today: 0."
    assert await ask(hass, "who's my top artist", "en", user) == (
        "You haven't played anything this month yet."
    )
