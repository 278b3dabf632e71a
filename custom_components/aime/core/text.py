"""Text helpers shared by the core packages: stored lists, Markdown, languages, export labels.

One home for them so that ``stats`` and ``enrichment`` both read them without importing each
other.
"""

from __future__ import annotations

from collections.abc import Sequence
import re

# Discogs genres contain commas ("Folk, World, & Country"): lists are joined with "; ".
LIST_SEPARATOR = "; "

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")

# Headings and labels of the Markdown exports (collection, history, recap), by language.
EXPORT_STRINGS: dict[str, dict[str, str]] = {
    "en": {
        "collection": "Record collection",
        "history": "Listening history",
        "exported": "Exported on {when}",
        "when": "%Y-%m-%d %H:%M",
        "day": "%Y-%m-%d",
        "albums": "{count} albums",
        "album": "1 album",
        "plays": "{count} plays",
        "play": "1 play",
        "period": "From {first} to {last}",
        "contents": "Contents",
        "year": "Year",
        "pressing": "pressing {year}",
        "labels": "Labels",
        "format": "Format",
        "genres": "Genres",
        "styles": "Styles",
        "links": "Links",
        "colon": ":",
        "written": "Text by {model}, {when}",
        "vinyl": "Vinyl",
        "cd": "CD",
        "cassette": "Cassette",
        "digital": "Digital",
        "box_set": "Box set",
        "other": "Other",
    },
    "fr": {
        "collection": "Collection de disques",
        "history": "Historique d’écoute",  # noqa: RUF001 - French typographic apostrophe
        "exported": "Export du {when}",
        "when": "%d/%m/%Y à %H:%M",
        "day": "%d/%m/%Y",
        "albums": "{count} albums",
        "album": "1 album",
        "plays": "{count} écoutes",
        "play": "1 écoute",
        "period": "Du {first} au {last}",
        "contents": "Sommaire",
        "year": "Année",
        "pressing": "pressage {year}",
        "labels": "Labels",
        "format": "Support",
        "genres": "Genres",
        "styles": "Styles",
        "links": "Liens",
        "colon": "\u00a0:",  # French puts a no-break space before a colon.
        "written": "Texte de {model}, {when}",
        "vinyl": "Vinyle",
        "cd": "CD",
        "cassette": "Cassette",
        "digital": "Numérique",
        "box_set": "Coffret",
        "other": "Autre",
    },
}


def join_list(values: Sequence[str]) -> str | None:
    """Store a list of names; ``None`` when empty."""
    cleaned = [value.replace(LIST_SEPARATOR, ", ").strip() for value in values]
    return LIST_SEPARATOR.join(value for value in cleaned if value) or None


def split_list(text: str | None) -> tuple[str, ...]:
    """Read back a list written by ``join_list``."""
    return tuple(text.split(LIST_SEPARATOR)) if text else ()


def text_language(language: str | None) -> str:
    """The text language for a Home Assistant language ("fr", "fr-CA" → fr; else en)."""
    return "fr" if (language or "").lower().startswith("fr") else "en"


def export_strings(language: str) -> dict[str, str]:
    """The export labels for a language tag ("fr", "fr-CA"); English for any other."""
    return EXPORT_STRINGS.get(language.split("-", maxsplit=1)[0].lower(), EXPORT_STRINGS["en"])


def escape_markdown(value: str) -> str:
    """``value`` with Markdown's special characters backslash-escaped, to show as written."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value)
