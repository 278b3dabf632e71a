"""What AIME writes in words outside Home Assistant's translations, in English or French.

One file per language, ``strings/<language>.json`` beside the integration's code: its
``frontend`` table is bundled into the panel and cards, its ``backend`` table is read here
(export and recap Markdown, Assist answers, device models, browse titles, statistic names).
Keys start with their area (``recap.title``); a language AIME does not speak reads English.

The files are read once, when this module is imported: Home Assistant imports an integration's
modules in its executor, so no file is ever opened on the event loop.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
import json
from pathlib import Path
from types import MappingProxyType

LANGUAGES = ("en", "fr")
STRINGS_DIR = Path(__file__).resolve().parents[1] / "strings"


def _read(language: str) -> Mapping[str, str]:
    table = json.loads((STRINGS_DIR / f"{language}.json").read_text(encoding="utf-8"))
    return MappingProxyType(table["backend"])


_TABLES = {language: _read(language) for language in LANGUAGES}


def text_language(language: str | None) -> str:
    """The language AIME writes for a Home Assistant language ("fr", "fr-CA" → fr; else en)."""
    base = (language or "").split("-", maxsplit=1)[0].lower()
    return base if base in _TABLES else "en"


def strings(language: str | None) -> Mapping[str, str]:
    """Every string of ``language`` (any tag: "fr-CA" reads French), by its dotted key."""
    return _TABLES[text_language(language)]


@cache
def _section(language: str, area: str) -> Mapping[str, str]:
    prefix = f"{area}."
    table = _TABLES[language]
    return MappingProxyType(
        {key.removeprefix(prefix): text for key, text in table.items() if key.startswith(prefix)}
    )


def section(language: str | None, area: str) -> Mapping[str, str]:
    """The strings of one area ("recap", "export"...), by their key without the area."""
    return _section(text_language(language), area)
