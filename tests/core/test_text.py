"""Text helpers shared by the core: stored lists, languages, export labels, Markdown."""

from __future__ import annotations

from custom_components.aime.core.strings import section
from custom_components.aime.core.text import (
    escape_markdown,
    export_strings,
    join_list,
    split_list,
    text_language,
)


def test_list_helpers() -> None:
    assert join_list(["A; B", " ", "C"]) == "A, B; C"
    assert join_list([]) is None
    assert split_list("A, B; C") == ("A, B", "C")
    assert split_list(None) == ()


def test_text_language() -> None:
    assert (text_language(None), text_language("FR"), text_language("en-GB")) == ("en", "fr", "en")
    assert text_language("fr-CA") == "fr"


def test_export_strings_fall_back_to_english() -> None:
    assert export_strings("fr-CA") is section("fr", "export")
    assert export_strings("FR") is section("fr", "export")
    assert export_strings("de") is section("en", "export")
    assert export_strings("fr")["collection"] == "Collection de disques"


def test_escape_markdown() -> None:
    assert escape_markdown("a*b_c [d](e) <f> | #1 `g` \\") == (
        "a\\*b\\_c \\[d\\](e) \\<f\\> \\| \\#1 \\`g\\` \\\\"
    )
    assert escape_markdown("Plain — text.") == "Plain — text."
