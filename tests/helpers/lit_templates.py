"""Lit ``html`` templates of a TypeScript file, cut into what the user reads: text and attributes.

A template's static parts are joined with a marker where each ``${...}`` was; nested templates
(inside an expression) are templates of their own. Strings, comments and template literals of the
expressions are skipped whole, so a brace or a backtick in them cannot end anything early. Good
enough for the panel's sources, not a TypeScript parser.
"""

from __future__ import annotations

from dataclasses import dataclass
import re

HOLE = "\x00"  # Where an expression was.
_TAG = re.compile(r"<[^<>]*>", re.DOTALL)
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_ENTITY = re.compile(r"&[#\w]+;")
# Attributes a user reads (or hears, through a screen reader).
_SHOWN_ATTRIBUTE = re.compile(
    r"""\s(aria-label|title|placeholder|alt|label|heading|helper)\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)"""
)
_STYLE = re.compile(r"<style\b.*?</style>", re.DOTALL)


@dataclass(frozen=True)
class Template:
    line: int
    static: str  # the template with HOLE for each expression (a quoted string: its text)


def html_templates(source: str) -> list[Template]:
    """Every ``html`...``` template of ``source``, nested ones included."""
    scanner = _Scanner(source)
    scanner.code(0, end=None)
    return scanner.templates


def string_literals(source: str) -> list[Template]:
    """Every quoted string of the code (outside comments and templates' static parts)."""
    scanner = _Scanner(source)
    scanner.code(0, end=None)
    return scanner.strings


def shown_text(template: Template) -> list[str]:
    """The pieces of text the template shows as written: text between tags, shown attributes."""
    static = _STYLE.sub(" ", _COMMENT.sub(" ", template.static))
    pieces = [value.strip("\"'") for _name, value in _SHOWN_ATTRIBUTE.findall(static)]
    pieces += _TAG.sub(HOLE, static).split(HOLE)
    return [text for piece in pieces if (text := _ENTITY.sub(" ", piece).strip())]


class _Scanner:
    def __init__(self, source: str) -> None:
        self.source = source
        self.templates: list[Template] = []
        self.strings: list[Template] = []

    def code(self, at: int, end: str | None) -> int:
        """Skip code from ``at`` until the closing ``}`` of an expression (``end``); its end."""
        source, depth = self.source, 0
        while at < len(source):
            char = source[at]
            if source.startswith("//", at):
                at = source.find("\n", at)
                at = len(source) if at < 0 else at
            elif source.startswith("/*", at):
                at = source.index("*/", at + 2) + 2
                continue
            elif char in "\"'":
                at = self._string(at)
                continue
            elif char == "`":
                tagged = re.search(r"\bhtml\s*$", source[max(0, at - 10) : at]) is not None
                at = self.template(at, tagged)
                continue
            elif char == "{":
                depth += 1
            elif char == "}":
                if depth == 0 and end == "}":
                    return at + 1
                depth -= 1
            at += 1
        return at

    def template(self, at: int, tagged: bool) -> int:
        """Read the template literal starting at the backtick ``at``; the index after it."""
        source, parts, start = self.source, [], at + 1
        line = source.count("\n", 0, at) + 1
        at += 1
        while at < len(source):
            if source[at] == "\\":
                at += 2
                continue
            if source[at] == "`":
                parts.append(source[start:at])
                if tagged:
                    self.templates.append(Template(line, HOLE.join(parts)))
                return at + 1
            if source.startswith("${", at):
                parts.append(source[start:at])
                at = self.code(at + 2, end="}")
                start = at
                continue
            at += 1
        raise ValueError(f"template at line {line} never ends")

    def _string(self, at: int) -> int:
        start, quote = at, self.source[at]
        at += 1
        while self.source[at] != quote:
            at += 2 if self.source[at] == "\\" else 1
        line = self.source.count("\n", 0, start) + 1
        self.strings.append(Template(line, self.source[start + 1 : at]))
        return at + 1
