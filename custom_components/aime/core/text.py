"""Text helpers shared by the core packages: stored lists, Markdown, languages, export labels.

One home for them so that ``stats`` and ``enrichment`` both read them without importing each
other.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
import re

from .strings import section, text_language as text_language  # noqa: PLC0414 - re-exported

# Discogs genres contain commas ("Folk, World, & Country"): lists are joined with "; ".
LIST_SEPARATOR = "; "

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_\[\]<>|#])")


def join_list(values: Sequence[str]) -> str | None:
    """Store a list of names; ``None`` when empty."""
    cleaned = [value.replace(LIST_SEPARATOR, ", ").strip() for value in values]
    return LIST_SEPARATOR.join(value for value in cleaned if value) or None


def split_list(text: str | None) -> tuple[str, ...]:
    """Read back a list written by ``join_list``."""
    return tuple(text.split(LIST_SEPARATOR)) if text else ()


def export_strings(language: str) -> Mapping[str, str]:
    """The headings and labels of the Markdown exports (collection, history, recap).

    ``language`` is any tag ("fr", "fr-CA"); English for a language AIME does not speak.
    """
    return section(language, "export")


def escape_markdown(value: str) -> str:
    """``value`` with Markdown's special characters backslash-escaped, to show as written."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", value)
