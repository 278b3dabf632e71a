"""Every answer Assist speaks exists in English and French, with the same placeholders."""

from __future__ import annotations

from pathlib import Path
import re
from string import Formatter

from custom_components.aime.assist.texts import ANSWERS
from custom_components.aime.core.strings import section

PACKAGE = Path(__file__).resolve().parents[2] / "custom_components" / "aime"
# say(hass, language, "key", ...): the keys the code speaks.
_SAID = re.compile(r'\bsay\(\s*hass,\s*language,\s*(?:key|"(\w+)")', re.MULTILINE)


def _placeholders(text: str) -> set[str]:
    return {name for _text, name, _spec, _conv in Formatter().parse(text) if name}


def test_both_languages_have_every_answer() -> None:
    """Same keys, same placeholders; every key the code says is there."""
    english, french = section("en", ANSWERS), section("fr", ANSWERS)
    assert set(english) == set(french)
    for key, text in english.items():
        assert _placeholders(text) == _placeholders(french[key]), key
    source = (PACKAGE / "assist" / "intents.py").read_text("utf-8")
    said = {key for key in _SAID.findall(source) if key}
    said |= {"top_artist_one", "top_artist"}  # Chosen by the number of plays.
    assert said <= set(english)
    assert len(said) >= 8
