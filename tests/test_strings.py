"""One source of strings per language, ``strings/<language>.json``: panel, cards, Markdown, Assist.

English and French have the same keys and placeholders; every key the code reads is there; and
text a user reads is not written anywhere else: not in the panel's Lit templates, not as a quoted
phrase in the TypeScript, not in the Python modules that write Markdown, answers and names.
Home Assistant's own translations keep only what it renders: no ``selector`` labels that no
real selector (an action field, a flow step) uses.
"""

from __future__ import annotations

import ast
from collections import defaultdict
import importlib
import json
from pathlib import Path
import re

import pytest

from custom_components.aime.core.enrichment.collection import RecordFormat
from custom_components.aime.core.stats import recap_markdown
from custom_components.aime.core.strings import LANGUAGES, STRINGS_DIR, section
from custom_components.aime.roon import media as roon_media

from .helpers.lit_templates import html_templates, shown_text, string_literals

PACKAGE = STRINGS_DIR.parent
FRONTEND = PACKAGE.parents[1] / "frontend" / "src"
TABLES = {
    language: json.loads((STRINGS_DIR / f"{language}.json").read_text("utf-8"))
    for language in LANGUAGES
}
_PLACEHOLDER = re.compile(r"\{(\w+)[^{}]*\}")
_LETTERS = re.compile(r"[A-Za-zÀ-ÿ]")

# Quoted in the TypeScript on purpose: brands, and key names of keyboard events.
FRONTEND_LITERALS = {"Discogs", "Spotify", "MusicBrainz", "Wikipedia", "Enter", "Escape"}
# The Python modules that write what users read, and the literals they may hold (brand names,
# and Markdown around a link's brand).
WRITERS = (
    "core/text.py",
    "core/strings.py",
    "core/stats/recap_markdown.py",
    "core/enrichment/exports.py",
    "assist/texts.py",
    "assist/intents.py",
    "texts.py",
    "hub/runtime.py",
    "roon/entity.py",
    "roon/media.py",
    "roon/media_source.py",
    "stats/long_term_statistics.py",
)
PYTHON_LITERALS = {"AIME", "Roon", "Roon Labs", "[Discogs]("}


def _placeholders(text: str) -> set[str]:
    return set(_PLACEHOLDER.findall(text))


@pytest.mark.parametrize("table", ["frontend", "backend"])
def test_english_and_french_say_the_same_things(table: str) -> None:
    """Same tables, same keys, same placeholders, no empty string."""
    english, french = TABLES["en"], TABLES["fr"]
    assert set(english) == set(french) == {"frontend", "backend"}
    assert list(english[table]) == list(french[table])  # Same keys, in the same order.
    for key, text in english[table].items():
        assert text, key  # Not stripped: a separator may be a space.
        assert french[table][key], key
        assert _placeholders(text) == _placeholders(french[table][key]), key


def test_an_unknown_language_reads_english() -> None:
    assert section("de", "recap") is section("en", "recap")
    assert section("fr-CA", "recap") is section("fr", "recap")
    assert section(None, "recap")["title"] == "Listening recap · {period}"


# --- every key the code reads exists ----------------------------------------------------------


def test_every_key_the_panel_reads_exists() -> None:
    """Quoted keys exist: whole ("stats.plays"), or the start of some ("common.window.", or
    "collection.plays" for its plural forms); built ones (`stats.top_${kind}`) start like one."""
    keys = TABLES["en"]["frontend"]
    areas = {key.split(".", maxsplit=1)[0] for key in keys}
    quoted = re.compile(rf"(?:{'|'.join(areas)})\.[\w.]+")
    built = re.compile(rf"`((?:{'|'.join(areas)})\.[\w.]*)\$\{{")
    missing: list[str] = []
    used = 0
    for path in FRONTEND.rglob("*.ts"):
        source = path.read_text("utf-8")
        for literal in string_literals(source):
            if quoted.fullmatch(literal.static):
                used += 1
                text = literal.static
                stem = text if text.endswith((".", "_")) else f"{text}."
                if text not in keys and not any(key.startswith(stem) for key in keys):
                    missing.append(f"{path.name}:{literal.line}: {literal.static}")
        for prefix in built.findall(source):
            used += 1
            if not any(key.startswith(prefix) for key in keys):
                missing.append(f"{path.name}: no key starts with {prefix}")
    assert missing == []
    assert used > 250


def _areas_by_name(tree: ast.Module) -> dict[str, set[str]]:
    """Names bound to a table of strings in a module (``text = section(lang, "recap")``)."""
    areas: dict[str, set[str]] = defaultdict(set)
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and (area := _area_of(node.value)) is not None:
            for target in node.targets:
                if isinstance(target, ast.Name):
                    areas[target.id].add(area)
    return areas


def _area_of(node: ast.expr) -> str | None:
    """The area a call reads: ``section(x, "a")``, ``strings_of(hass, "a")``, ``export_strings``."""
    if not isinstance(node, ast.Call):
        return None
    name = ast.unparse(node.func).rpartition(".")[2]
    if name == "export_strings":
        return "export"
    if name in {"section", "strings_of"} and len(node.args) == 2:
        area = node.args[1]
        return area.value if isinstance(area, ast.Constant) else None
    return None


def _python_reads() -> list[tuple[str, str, set[str]]]:
    """Each key read with a quoted name: where, the key, the areas it may be in."""
    reads = []
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        named = _areas_by_name(tree)
        where = str(path.relative_to(PACKAGE))
        for node in ast.walk(tree):
            if isinstance(node, ast.Subscript) and isinstance(node.slice, ast.Constant):
                table, key = node.value, node.slice.value
            elif (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "get"
                and node.args
                and isinstance(node.args[0], ast.Constant)
            ):
                table, key = node.func.value, node.args[0].value
            elif isinstance(node, ast.Call) and ast.unparse(node.func) == "say":
                if len(node.args) > 2 and isinstance(node.args[2], ast.Constant):
                    reads.append((where, node.args[2].value, {"assist"}))
                continue
            else:
                continue
            if (area := _area_of(table)) is not None:
                reads.append((where, key, {area}))
            elif isinstance(table, ast.Name) and table.id in named:
                reads.append((where, key, named[table.id]))
    return reads


def test_every_key_python_reads_exists() -> None:
    """Quoted keys, and the keys built from month, weekday, folder and record format names."""
    reads = _python_reads()
    missing = [
        f"{where}: {key} in {sorted(areas)}"
        for where, key, areas in reads
        if not any(key in section("en", area) for area in areas)
    ]
    assert missing == []
    assert len(reads) > 60
    calendar = section("en", "calendar")
    assert set(recap_markdown._MONTHS) | set(recap_markdown._WEEKDAYS) == set(calendar)
    assert set(roon_media._LEVEL_CLASSES) <= set(section("en", "roon_browse"))
    assert {fmt.value for fmt in RecordFormat} <= set(section("en", "export"))


# --- user text is written nowhere else ------------------------------------------------------


def test_the_panel_templates_show_no_text_of_their_own() -> None:
    """Text between tags and in shown attributes (aria-label, title...) comes from localize()."""
    written = []
    for path in FRONTEND.rglob("*.ts"):
        for template in html_templates(path.read_text("utf-8")):
            written += [
                f"{path.relative_to(FRONTEND)}:{template.line}: {text!r}"
                for text in shown_text(template)
                if _LETTERS.search(text)
            ]
    assert written == []


def test_the_panel_code_quotes_no_phrase() -> None:
    """A quoted phrase or capitalised word in the TypeScript would be shown untranslated."""
    phrase = re.compile(r"[A-Za-zÀ-ÿ]{2,} +[A-Za-zÀ-ÿ]{2,}")
    word = re.compile(r"[A-Z][a-zà-ÿ]+[.!?…]?")
    quoted = [
        f"{path.relative_to(FRONTEND)}:{literal.line}: {literal.static!r}"
        for path in FRONTEND.rglob("*.ts")
        for literal in string_literals(path.read_text("utf-8"))
        if literal.static not in FRONTEND_LITERALS
        and (phrase.search(literal.static) or word.fullmatch(literal.static))
    ]
    assert quoted == []


def test_the_template_reader_finds_written_text() -> None:
    source = 'const a = html`<p title="Hi there">${x ? html`<b>Oops</b>` : "}"}</p>`;'
    texts = [text for template in html_templates(source) for text in shown_text(template)]
    assert "Oops" in texts
    assert "Hi there" in texts
    assert [literal.static for literal in string_literals(source)] == ["}"]


def _literals_written(path: Path) -> list[str]:
    """String constants with words, except docstrings, logs, errors, task names, casts, reprs."""
    tree = ast.parse(path.read_text("utf-8"))
    skipped: set[int] = set()
    for node in ast.walk(tree):
        body = getattr(node, "body", None)
        if isinstance(body, list) and body and isinstance(body[0], ast.Expr):
            skipped.add(id(body[0].value))  # A docstring.
        internal = isinstance(node, ast.Raise) or (
            isinstance(node, ast.Call)
            and re.search(r"LOG|create_(?:background_)?task$|^cast$", ast.unparse(node.func), re.I)
        )
        # An intent's description is for the model choosing it, never spoken; a repr for debugging.
        described = isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == "description"
        debugging = isinstance(node, ast.FunctionDef) and node.name == "__repr__"
        if internal or described or debugging:
            skipped |= {id(sub) for sub in ast.walk(node)}
        if isinstance(node, ast.Assign) and ast.unparse(node.targets[0]) == "__all__":
            skipped |= {id(sub) for sub in ast.walk(node)}
    return [
        f"{node.lineno}: {node.value!r}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in skipped
        and node.value not in PYTHON_LITERALS
        and re.search(r"[A-Za-zÀ-ÿ]{2,}", node.value)
        # Keys, identifiers, paths, media ids and formats are not words for a reader.
        and not re.fullmatch(r"[\w.:/\-{}%<>*\[\]]*", node.value)
    ]


@pytest.mark.parametrize("module", WRITERS)
def test_python_writers_quote_no_text(module: str) -> None:
    assert _literals_written(PACKAGE / module) == []


def test_python_writers_are_checked(tmp_path: Path) -> None:
    """The guard sees a heading written in the code, not a docstring or a log."""
    scratch = tmp_path / "written.py"
    scratch.write_text(
        'def title() -> str:\n    """Doc string."""\n    LOGGER.debug("Made a title")\n'
        '    return "Listening recap"\n',
        "utf-8",
    )
    assert _literals_written(scratch) == ["4: 'Listening recap'"]


# --- Home Assistant's translations keep only what it renders --------------------------------


def _real_selectors() -> set[str]:
    """``translation_key`` of services.yaml fields and of the flows' select selectors."""
    keys = set(re.findall(r"translation_key:\s*(\w+)", (PACKAGE / "services.yaml").read_text()))
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text("utf-8"))
        for node in ast.walk(tree):
            if isinstance(node, ast.Call) and ast.unparse(node.func).endswith("SelectorConfig"):
                for keyword in node.keywords:
                    if keyword.arg != "translation_key":
                        continue
                    if isinstance(keyword.value, ast.Constant):
                        keys.add(keyword.value.value)
                    elif isinstance(keyword.value, ast.Name):
                        module = ".".join(
                            path.relative_to(PACKAGE.parents[1]).with_suffix("").parts
                        )
                        keys.add(getattr(importlib.import_module(module), keyword.value.id))
    return keys


@pytest.mark.parametrize("language", LANGUAGES)
def test_translations_hold_only_real_selectors(language: str) -> None:
    translations = json.loads((PACKAGE / "translations" / f"{language}.json").read_text("utf-8"))
    real = _real_selectors()
    assert "ai_preset" in real  # The options flow's, by a constant.
    assert set(translations["selector"]) == real
