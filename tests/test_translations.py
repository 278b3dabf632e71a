"""Every error a user can see is translated, in English and French, as a sentence.

The keys are collected from the source (``translation_sites.py``), never listed by hand,
and rendered through Home Assistant's own translation machinery.
"""

from __future__ import annotations

import json
from pathlib import Path
import sqlite3
from string import Formatter

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers.translation import async_get_translations
from homeassistant.setup import async_setup_component
import pytest

from custom_components.aime.const import DOMAIN

from .helpers.translation_sites import PACKAGE, Collector, Site

LANGUAGES = ("en", "fr")
# Sentences end like one, or with the value of their last placeholder (a name, a detail).
SENTENCE_ENDS = (".", "!", "?", ")", "»", "”", '"', "`")


@pytest.fixture(scope="module")
def sites() -> list[Site]:
    collector = Collector()
    found = collector.collect()
    assert not collector.unresolved, "keys the collector cannot follow:\n" + "\n".join(
        collector.unresolved
    )
    return found


def _raised(sites: list[Site]) -> dict[str, set[str]]:
    """Each key and the placeholder names every site raising it passes (the fewest)."""
    raised: dict[str, set[str]] = {}
    for site in sites:
        for key in site.keys:
            names = set(site.placeholders)
            raised[key] = names if key not in raised else raised[key] & names
    return raised


def _placeholders(message: str) -> set[str]:
    return {name for _text, name, _spec, _conv in Formatter().parse(message) if name}


def _sample(names: set[str]) -> dict[str, str]:
    return {name: f"<{name} value>" for name in names}


def test_every_exception_is_a_message_object() -> None:
    """A flat string renders as its raw key: each entry is {"message": "..."}."""
    for path in [*(PACKAGE / "translations").glob("*.json"), PACKAGE / "strings.json"]:
        if not path.exists():
            continue
        exceptions = json.loads(path.read_text(encoding="utf-8"))["exceptions"]
        flat = [key for key, value in exceptions.items() if not isinstance(value, dict)]
        assert flat == [], f"{path.name}: flat strings under exceptions"
        assert all(set(value) == {"message"} for value in exceptions.values()), path.name


def test_the_collector_finds_every_kind_of_site(sites: list[Site]) -> None:
    """Direct keys, forwarders, carriers, enums, exception attributes and f-strings."""
    raised = _raised(sites)
    for key, names in {
        "path_outside_config": {"path"},  # validation_error(...)
        "aime_database_not_aime": {"path", "detail"},  # err.failure.value, an enum
        "roon_unknown_zone": {"detail"},  # roon_error(err): the Roon error mapping
        "roon_cannot_connect": {"host", "port"},  # ConfigEntryNotReady(translation_key=)
        "hub_not_loaded": set(),  # connection.send_error(...) too
        "ai_text_not_a_haiku": set(),  # f"ai_text_{reason}" if reason in _TEXT_REFUSALS
        "playlist_no_match": set(),  # f"playlist_{err.reason}", from PlaylistError(NO_MATCH)
        "spotify_not_configured": set(),  # f"{service.value}_not_configured"
        "database_too_new": {"path"},  # ConfigEntryError from StoreOpenError
        "invalid_whole_number": {"field", "min", "max"},  # TranslatedInvalid(key, bounds)
    }.items():
        assert key in raised, key
        assert names <= raised[key], key
    assert len(raised) > 80


@pytest.mark.parametrize("language", LANGUAGES)
async def test_every_raised_key_renders_a_sentence(
    hass: HomeAssistant, sites: list[Site], language: str
) -> None:
    """Each key the code raises exists, has its placeholders filled, and reads as a sentence."""
    translations = await async_get_translations(hass, language, "exceptions", [DOMAIN])
    problems: list[str] = []
    for key, names in sorted(_raised(sites).items()):
        message = translations.get(f"component.{DOMAIN}.exceptions.{key}.message")
        if not message:
            problems.append(f"{key}: no {language} message")
            continue
        if missing := _placeholders(message) - names:
            problems.append(f"{key}: the code never fills {sorted(missing)}")
            continue
        values = _sample(names)
        rendered = message.format(**values).strip()
        if rendered == key or "{" in rendered or "}" in rendered or len(rendered.split()) < 2:
            problems.append(f"{key}: {rendered!r} is not a sentence")
        elif not rendered.endswith(SENTENCE_ENDS) and not rendered.endswith(tuple(values.values())):
            problems.append(f"{key}: {rendered!r} does not end as a sentence")
    assert problems == []


async def test_english_and_french_ask_the_same_placeholders(hass: HomeAssistant) -> None:
    """A placeholder only one language uses would be left unfilled in the other."""
    en, fr = [
        await async_get_translations(hass, language, "exceptions", [DOMAIN])
        for language in LANGUAGES
    ]
    assert en.keys() == fr.keys()
    differing = {
        key: (_placeholders(en[key]), _placeholders(fr[key]))
        for key in en
        if _placeholders(en[key]) != _placeholders(fr[key])
    }
    assert differing == {}


async def test_home_assistant_renders_each_raised_error(
    hass: HomeAssistant, sites: list[Site]
) -> None:
    """``str()`` of the raised error is the English sentence, not the key."""
    assert await async_setup_component(hass, DOMAIN, {})
    translations = await async_get_translations(hass, "en", "exceptions", [DOMAIN])
    for key, names in sorted(_raised(sites).items()):
        values = _sample(names)
        error = HomeAssistantError(
            translation_domain=DOMAIN, translation_key=key, translation_placeholders=values
        )
        expected = translations[f"component.{DOMAIN}.exceptions.{key}.message"].rstrip(".")
        assert str(error) == expected.format(**values), key


@pytest.mark.usefixtures("init_integration")
@pytest.mark.parametrize("language", LANGUAGES)
async def test_a_foreign_database_names_its_missing_tables(
    hass: HomeAssistant, config_dir: Path, language: str
) -> None:
    """Where the cause matters, the message gives it: which file, which tables are missing."""
    with sqlite3.connect(config_dir / "other.db") as conn:
        conn.execute("CREATE TABLE albums (id INTEGER)")
    conn.close()
    with pytest.raises(ServiceValidationError) as caught:
        await hass.services.async_call(
            DOMAIN,
            "import_aime_database",
            {"path": "other.db"},
            blocking=True,
            return_response=True,
        )
    translations = await async_get_translations(hass, language, "exceptions", [DOMAIN])
    template = translations[f"component.{DOMAIN}.exceptions.{caught.value.translation_key}.message"]
    message = template.format(**(caught.value.translation_placeholders or {}))
    assert "`other.db`" in message
    assert "album_artist, artists, listening_history, tracks" in message
    if language == "en":
        assert str(caught.value) == message.rstrip(".")
