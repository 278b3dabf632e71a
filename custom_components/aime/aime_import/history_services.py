"""``aime.import_spotify_history`` and ``aime.import_listenbrainz_export``: streaming histories.

The export (one file, a folder, or the zip the service sent) is read from under Home
Assistant's configuration folder or a media folder, a batch of plays at a time in the executor,
and the plays recorded through the one funnel, quietly (``announce=False``): the loop stays free
between batches. Progress and cancellation are every file import's (``file_import.py``).
Importing again adds nothing; plays Last.fm or Roon already reported merge with them. The
action answers the report: files and records read, plays imported and merged, links kept,
what was skipped and why (README "Import a Spotify history", "Import a ListenBrainz export").
"""

from __future__ import annotations

from collections.abc import Generator
from functools import partial
from pathlib import Path

from homeassistant.core import HomeAssistant, ServiceCall, ServiceResponse, SupportsResponse
from homeassistant.helpers import config_validation as cv
import voluptuous as vol

from ..action import Action
from ..core.imports.export_files import ExportError, ExportKind, find_export_files
from ..core.imports.history_import import (
    HISTORY_BATCH,
    HistoryBatch,
    history_batches,
    source_of,
)
from ..core.imports.report import ImportReport
from ..core.imports.track_links import save_track_links
from ..exceptions import validation_error
from ..hub.lookup import require_hub_store
from ..hub.recording import async_record_plays
from ..validation import FILE_PATH
from .file_import import async_file_import, resolve_under

SERVICE_IMPORT_SPOTIFY_HISTORY = "import_spotify_history"
SERVICE_IMPORT_LISTENBRAINZ_EXPORT = "import_listenbrainz_export"
ATTR_PATH = "path"
ATTR_PERSON = "person"

IMPORT_SCHEMA = vol.Schema(
    {vol.Required(ATTR_PATH): FILE_PATH, vol.Optional(ATTR_PERSON): cv.entity_domain("person")}
)
_BATCH = HISTORY_BATCH


async def _async_import(kind: ExportKind, call: ServiceCall) -> ServiceResponse:
    """Import the export at ``path``; answer the report."""
    hass = call.hass
    raw_path: str = call.data[ATTR_PATH]
    access = require_hub_store(hass)
    path = await hass.async_add_executor_job(_resolve, _roots(hass), raw_path)
    if path is None:
        raise validation_error("history_path_outside", {ATTR_PATH: raw_path})
    try:
        files = await hass.async_add_executor_job(find_export_files, path, kind)
    except ExportError as err:
        raise _export_refusal(err, raw_path) from err
    report = ImportReport()
    batches = history_batches(
        files, kind, report, listener=call.data.get(ATTR_PERSON), batch_size=_BATCH
    )
    source = source_of(kind)
    strings = (f"{kind.value}_import_title", "history_import_progress")
    async with async_file_import(hass, access, kind.value, raw_path, strings) as running:
        try:
            while (batch := await hass.async_add_executor_job(_next, batches)) is not None:
                if running.cancelled():  # Asked while the batch was read: it is not stored.
                    report.cancelled = True
                    break
                report.absorb(await async_record_plays(hass, access, batch.plays, announce=False))
                report.imported["links"] += await access.async_run(
                    partial(save_track_links, access.store, source, batch.links)
                )
                running.progress(batch.done, batch.total)
        except ExportError as err:  # A file of the zip is damaged: what came before stays.
            raise _export_refusal(err, raw_path) from err
        finally:
            await hass.async_add_executor_job(batches.close)
        if not access.closing:  # Unloading: the store is closing, nothing more to do there.
            # Plays that completed imported AIME plays may have moved them: recount.
            await access.async_run(access.store.settle_statistics)
    return report.as_dict()


async def _async_import_spotify_history(call: ServiceCall) -> ServiceResponse:
    return await _async_import(ExportKind.SPOTIFY, call)


async def _async_import_listenbrainz_export(call: ServiceCall) -> ServiceResponse:
    return await _async_import(ExportKind.LISTENBRAINZ, call)


def _next(batches: Generator[HistoryBatch]) -> HistoryBatch | None:
    return next(batches, None)


def _roots(hass: HomeAssistant) -> list[Path]:
    """Where exports may be read from: the configuration folder, then the media folders."""
    return [Path(hass.config.config_dir), *(Path(p) for p in hass.config.media_dirs.values())]


def _resolve(roots: list[Path], raw_path: str) -> Path | None:
    """``raw_path`` inside one of ``roots`` (relative paths: inside the first). Blocks."""
    for root in roots:
        if (path := resolve_under(root, raw_path)) is not None:
            return path
    return None


def _export_refusal(err: ExportError, raw_path: str) -> Exception:
    return validation_error(err.failure.value, {ATTR_PATH: raw_path, "detail": err.detail})


HISTORY_IMPORT_ACTIONS: tuple[Action, ...] = (
    Action(
        SERVICE_IMPORT_SPOTIFY_HISTORY,
        _async_import_spotify_history,
        IMPORT_SCHEMA,
        SupportsResponse.OPTIONAL,
        admin_only=True,
    ),
    Action(
        SERVICE_IMPORT_LISTENBRAINZ_EXPORT,
        _async_import_listenbrainz_export,
        IMPORT_SCHEMA,
        SupportsResponse.OPTIONAL,
        admin_only=True,
    ),
)
