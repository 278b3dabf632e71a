"""Collection and history exports: pure Markdown and JSON writers.

Writers return text; only ``write_export`` (``export_folder.py``, re-exported here) touches
the disk, and only directly inside the exports folder it is given. Headings and labels come in
English or French (the ``export`` area of the strings files, ``core/strings.py``); any other
language falls back to English.

JSON schemas (``version`` changes only when a field changes meaning or disappears):

- collection: ``{"schema": "aime.collection", "version": 1, "language", "exported_at"
  (ISO 8601 with offset), "format" (filter or null), "total", "albums": [{"id", "album_id",
  "artist", "title", "format", "year", "original_year", "pressing_year", "labels": [],
  "genres": [], "styles": [], "cover_url", "added_at" (ISO UTC or null), "discogs":
  {"release_id", "url"} or null, "links": {source: url}, "images": {source: url},
  "description": {"text", "model", "language", "created_at"} or null}]}``;
- history: ``{"schema": "aime.history", "version": 1, "language", "exported_at",
  "first_day", "last_day" (ISO dates or null), "total", "plays": [{"played_at" (ISO UTC),
  "local_time", "artist", "title", "album", "source", "sources", "device", "loved",
  "seconds"}]}``, newest first.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
import json
import re
from typing import Any

from ..stats.models import JournalEntry
from ..text import escape_markdown, export_strings
from .collection import ExportRecord, RecordFormat
from .export_folder import (
    ExportFormat,
    ExportPathError,
    ExportSubject,
    resolve_export_path,
    write_export,
)

# The glue reads the whole export API from here: the folder's part is re-exported.
__all__ = [
    "COLLECTION_SCHEMA_VERSION",
    "HISTORY_SCHEMA_VERSION",
    "ExportFormat",
    "ExportPathError",
    "ExportSubject",
    "collection_json",
    "collection_markdown",
    "history_json",
    "history_markdown",
    "resolve_export_path",
    "write_export",
]

COLLECTION_SCHEMA_VERSION = 1
HISTORY_SCHEMA_VERSION = 1


_SLUG_DROP = re.compile(r"[^\w\- ]")


def collection_markdown(
    records: Sequence[ExportRecord],
    *,
    language: str,
    exported_at: datetime,
    record_format: RecordFormat | None = None,
) -> str:
    """The collection as Markdown: a table of contents by artist, then each album."""
    text = export_strings(language)
    slugs = _Slugger()
    by_artist: dict[str, list[ExportRecord]] = {}
    for record in records:
        by_artist.setdefault(record.artist, []).append(record)
    title = text["collection"]
    if record_format is not None:
        title += f" · {text[record_format.value]}"
    lines = [f"# {escape_markdown(title)}", ""]
    slugs.slug(title)
    lines += [_exported_line(text, exported_at, len(records), "albums", "album"), ""]
    lines += [f"## {text['contents']}", ""]
    slugs.slug(text["contents"])
    body: list[str] = []
    for artist, albums in by_artist.items():
        anchor = slugs.slug(artist)
        lines.append(f"- [{escape_markdown(artist)}](#{anchor}) ({len(albums)})")
        body += ["", "---", "", f"## {escape_markdown(artist)}"]
        for record in albums:
            slugs.slug(record.title)
            body += ["", f"### {escape_markdown(record.title)}"]
            if details := _album_lines(record, text):
                body += ["", *details]
    return "\n".join([*lines, *body, ""])


def _album_lines(record: ExportRecord, text: Mapping[str, str]) -> list[str]:
    facts: list[str] = []
    if record.year is not None:
        year = str(record.year)
        if record.pressing_year and record.pressing_year != record.year:
            year += f" ({text['pressing'].format(year=record.pressing_year)})"
        facts.append(f"- **{text['year']}{text['colon']}** {year}")
    if record.record_format is not None:
        facts.append(f"- **{text['format']}{text['colon']}** {text[record.record_format.value]}")
    for key, values in (
        ("labels", record.labels),
        ("genres", record.genres),
        ("styles", record.styles),
    ):
        if values:
            facts.append(f"- **{text[key]}{text['colon']}** {escape_markdown(', '.join(values))}")
    lines = facts
    if record.description is not None:
        written = datetime.fromtimestamp(record.description.created_at, UTC)
        credit = text["written"].format(
            model=escape_markdown(record.description.model), when=written.strftime(text["day"])
        )
        lines += ["", record.description.text.strip(), "", f"*{credit}*"]
    links = [f"[{source.title()}]({url})" for source, url in sorted(record.links.items())]
    if record.discogs_url:
        links.append(f"[Discogs]({record.discogs_url})")
    if links:
        lines += ["", f"**{text['links']}{text['colon']}** " + " · ".join(links)]
    cover = record.cover_url or next(iter(sorted(record.images.items())), ("", None))[1]
    if cover:
        lines += ["", f"![{escape_markdown(record.title)}]({cover})"]
    return lines


def collection_json(
    records: Sequence[ExportRecord],
    *,
    language: str,
    exported_at: datetime,
    record_format: RecordFormat | None = None,
) -> str:
    """The collection as JSON (schema in the module docstring)."""
    document = {
        "schema": "aime.collection",
        "version": COLLECTION_SCHEMA_VERSION,
        "language": language,
        "exported_at": exported_at.isoformat(),
        "format": None if record_format is None else record_format.value,
        "total": len(records),
        "albums": [_record_json(record) for record in records],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _record_json(record: ExportRecord) -> dict[str, Any]:
    description = record.description
    return {
        "id": record.id,
        "album_id": record.album_id,
        "artist": record.artist,
        "title": record.title,
        "format": None if record.record_format is None else record.record_format.value,
        "year": record.year,
        "original_year": record.original_year,
        "pressing_year": record.pressing_year,
        "labels": list(record.labels),
        "genres": list(record.genres),
        "styles": list(record.styles),
        "cover_url": record.cover_url,
        "added_at": _iso(record.added_at),
        "discogs": (
            None
            if record.discogs_release_id is None
            else {"release_id": record.discogs_release_id, "url": record.discogs_url}
        ),
        "links": dict(sorted(record.links.items())),
        "images": dict(sorted(record.images.items())),
        "description": (
            None
            if description is None
            else {
                "text": description.text,
                "model": description.model,
                "language": description.language,
                "created_at": _iso(description.created_at),
            }
        ),
    }


def history_markdown(
    entries: Sequence[JournalEntry],
    *,
    language: str,
    exported_at: datetime,
    first_day: date | None = None,
    last_day: date | None = None,
) -> str:
    """Plays as Markdown, one section per local day, in the order given (newest first)."""
    text = export_strings(language)
    lines = [
        f"# {text['history']}",
        "",
        _exported_line(text, exported_at, len(entries), "plays", "play"),
    ]
    if first_day is not None and last_day is not None:
        period = text["period"].format(
            first=first_day.strftime(text["day"]), last=last_day.strftime(text["day"])
        )
        lines += ["", f"*{period}*"]
    current_day = None
    for entry in entries:
        day = date.fromisoformat(entry.local_time[:10])
        if day != current_day:
            current_day = day
            lines += ["", f"## {day.strftime(text['day'])}", ""]
        artist, title = escape_markdown(entry.artist), escape_markdown(entry.title)
        line = f"- {entry.local_time[11:16]} · **{artist}** — {title}"
        if entry.album:
            line += f" · *{escape_markdown(entry.album)}*"
        lines.append(line + (" ♥" if entry.loved else ""))
    return "\n".join([*lines, ""])


def history_json(
    entries: Sequence[JournalEntry],
    *,
    language: str,
    exported_at: datetime,
    first_day: date | None = None,
    last_day: date | None = None,
) -> str:
    """Plays as JSON (schema in the module docstring)."""
    document = {
        "schema": "aime.history",
        "version": HISTORY_SCHEMA_VERSION,
        "language": language,
        "exported_at": exported_at.isoformat(),
        "first_day": None if first_day is None else first_day.isoformat(),
        "last_day": None if last_day is None else last_day.isoformat(),
        "total": len(entries),
        "plays": [
            {
                "played_at": _iso(entry.played_at),
                "local_time": entry.local_time,
                "artist": entry.artist,
                "title": entry.title,
                "album": entry.album or None,
                "source": entry.source,
                "sources": list(entry.sources),
                "device": entry.device,
                "loved": entry.loved,
                "seconds": entry.seconds,
            }
            for entry in entries
        ],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _exported_line(
    text: Mapping[str, str], exported_at: datetime, count: int, many: str, one: str
) -> str:
    when = text["exported"].format(when=exported_at.strftime(text["when"]))
    amount = text[one] if count == 1 else text[many].format(count=count)
    return f"*{when}* · **{amount}**"


def _iso(epoch: int | None) -> str | None:
    return None if epoch is None else datetime.fromtimestamp(epoch, UTC).isoformat()


class _Slugger:
    """GitHub's heading anchors: lower case, punctuation dropped, spaces to dashes, -1, -2..."""

    def __init__(self) -> None:
        self._seen: dict[str, int] = {}

    def slug(self, heading: str) -> str:
        base = _SLUG_DROP.sub("", heading.strip().lower()).replace(" ", "-")
        count = self._seen.get(base, 0)
        self._seen[base] = count + 1
        return base if count == 0 else f"{base}-{count}"
