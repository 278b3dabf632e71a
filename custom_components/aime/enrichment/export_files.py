"""Exports written to disk (blocking): read the store, render, write under the exports folder."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from ..core.enrichment import exports
from ..core.enrichment.collection import RecordFormat
from ..core.enrichment.exports import ExportFormat, ExportSubject
from ..core.stats.models import HistoryFilter, JournalEntry
from ..core.store.store import Store

HISTORY_PAGE_SIZE = 500


def write_export_file(
    store: Store,
    directory: Path,
    subject: ExportSubject,
    export_format: ExportFormat,
    *,
    language: str,
    now: datetime,
    record_format: RecordFormat | None,
    first_day: date | None,
    last_day: date | None,
    keep: int,
    filename: str | None,
) -> tuple[Path, int]:
    """Read, render and write an export (blocking)."""
    if filename is not None:  # Refuse before reading anything.
        exports.resolve_export_path(directory, filename)
    text: str
    if subject is ExportSubject.COLLECTION:
        records = store.collection.export_records(record_format=record_format, language=language)
        render = (
            exports.collection_markdown
            if export_format is ExportFormat.MARKDOWN
            else exports.collection_json
        )
        text, total = (
            render(records, language=language, exported_at=now, record_format=record_format),
            len(records),
        )
    else:
        entries = history_entries(store, HistoryFilter(first_day=first_day, last_day=last_day))
        render_history = (
            exports.history_markdown
            if export_format is ExportFormat.MARKDOWN
            else exports.history_json
        )
        text = render_history(
            entries, language=language, exported_at=now, first_day=first_day, last_day=last_day
        )
        total = len(entries)
    path = exports.write_export(
        directory, subject, export_format, text, now=now, keep=keep, filename=filename
    )
    return path, total


def history_entries(store: Store, filters: HistoryFilter) -> list[JournalEntry]:
    entries: list[JournalEntry] = []
    page = 0
    while True:
        found = store.stats.history(filters, page, HISTORY_PAGE_SIZE)
        entries.extend(found.entries)
        if not found.entries or len(entries) >= found.total:
            return entries
        page += 1
