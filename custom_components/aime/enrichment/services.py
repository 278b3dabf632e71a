"""Enrichment actions: sync the Discogs collection, enrich from Spotify, export.

All act on the hub (there is one). Missing input or a service not set up in the hub's
options is a translated ``ServiceValidationError``; a service failing is a translated
``HomeAssistantError``.
"""

from __future__ import annotations

from dataclasses import asdict
from datetime import date
from typing import TYPE_CHECKING

from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
)
from homeassistant.helpers import config_validation as cv
import voluptuous as vol

from ..action import Action
from ..core.enrichment.collection import RecordFormat
from ..core.enrichment.exports import ExportFormat, ExportSubject
from ..exceptions import validation_error
from ..hub.jobs import JobId, JobTrigger
from ..hub.lookup import require_hub_feature
from ..validation import FILE_NAME, LOCAL_DATE, text, whole_number
from .runtime import ENRICHMENT, SPOTIFY, EnrichmentRuntime, EnrichScope

if TYPE_CHECKING:
    pass

SERVICE_SYNC_DISCOGS = "sync_discogs"
SERVICE_ENRICH = "enrich"
SERVICE_EXPORT = "export"
ATTR_SCOPE = "scope"
ATTR_ARTIST = "artist"
ATTR_ALBUM = "album"
ATTR_SOURCES = "sources"
ATTR_LIMIT = "limit"
ATTR_FORMAT = "format"
ATTR_SUBJECT = "subject"
ATTR_RECORD_FORMAT = "record_format"
ATTR_FILENAME = "filename"
ATTR_START = "start"
ATTR_END = "end"
MAX_LIMIT = 500

ENRICH_SCHEMA = vol.Schema(
    {
        vol.Optional(ATTR_SCOPE, default=EnrichScope.MISSING.value): vol.In(
            [scope.value for scope in EnrichScope]
        ),
        vol.Optional(ATTR_ARTIST): text(),
        vol.Optional(ATTR_ALBUM): text(),
        vol.Optional(ATTR_SOURCES, default=[SPOTIFY]): vol.All(
            cv.ensure_list, [vol.In([SPOTIFY])], vol.Length(min=1)
        ),
        vol.Optional(ATTR_LIMIT, default=50): whole_number(1, MAX_LIMIT),
    }
)
EXPORT_SCHEMA = vol.Schema(
    {
        vol.Required(ATTR_FORMAT): vol.In([export_format.value for export_format in ExportFormat]),
        vol.Optional(ATTR_SUBJECT, default=ExportSubject.COLLECTION.value): vol.In(
            [subject.value for subject in ExportSubject]
        ),
        vol.Optional(ATTR_RECORD_FORMAT): vol.In([record.value for record in RecordFormat]),
        vol.Optional(ATTR_FILENAME): FILE_NAME,
        vol.Optional(ATTR_START): LOCAL_DATE,
        vol.Optional(ATTR_END): LOCAL_DATE,
    }
)


def hub_enrichment(hass: HomeAssistant) -> EnrichmentRuntime:
    """The loaded hub's enrichment runtime; a translated error when the hub is not loaded."""
    return require_hub_feature(hass, ENRICHMENT)


async def _async_sync_discogs(call: ServiceCall) -> ServiceResponse:
    """Sync now (as the daily job does) and answer the counts."""
    runtime = hub_enrichment(call.hass)
    run = await runtime.jobs.async_run(JobId.DISCOGS_SYNC, JobTrigger.ACTION)
    return run.result


async def _async_enrich(call: ServiceCall) -> ServiceResponse:
    """Enrich one album, one artist, or what is still missing; answer the counts."""
    scope = EnrichScope(call.data[ATTR_SCOPE])
    artist: str | None = call.data.get(ATTR_ARTIST)
    album: str | None = call.data.get(ATTR_ALBUM)
    if scope is not EnrichScope.MISSING and not (artist or "").strip():
        raise validation_error("artist_required")
    if scope is EnrichScope.ALBUM and not (album or "").strip():
        raise validation_error("album_required")
    runtime = hub_enrichment(call.hass)
    result = await runtime.async_enrich(
        scope, artist=artist, album=album, limit=call.data[ATTR_LIMIT]
    )
    return {"sources": call.data[ATTR_SOURCES], **asdict(result)}


async def _async_export(call: ServiceCall) -> ServiceResponse:
    """Write an export under ``<config>/aime/exports``; answer its path."""
    subject = ExportSubject(call.data[ATTR_SUBJECT])
    start: date | None = call.data.get(ATTR_START)
    end: date | None = call.data.get(ATTR_END)
    record_format = call.data.get(ATTR_RECORD_FORMAT)
    if subject is ExportSubject.HISTORY and record_format is not None:
        raise validation_error("record_format_collection_only")
    if subject is ExportSubject.COLLECTION and (start or end):
        raise validation_error("dates_history_only")
    if start and end and start > end:
        raise validation_error("start_after_end")
    runtime = hub_enrichment(call.hass)
    return await runtime.async_export(
        subject,
        ExportFormat(call.data[ATTR_FORMAT]),
        record_format=RecordFormat(record_format) if record_format else None,
        first_day=start,
        last_day=end,
        filename=call.data.get(ATTR_FILENAME),
    )


# Each changes the shared collection or its links, or writes a file.
ENRICHMENT_ACTIONS: tuple[Action, ...] = (
    Action(
        SERVICE_SYNC_DISCOGS,
        _async_sync_discogs,
        vol.Schema({}),
        SupportsResponse.OPTIONAL,
        admin_only=True,
    ),
    Action(
        SERVICE_ENRICH, _async_enrich, ENRICH_SCHEMA, SupportsResponse.OPTIONAL, admin_only=True
    ),
    Action(
        SERVICE_EXPORT, _async_export, EXPORT_SCHEMA, SupportsResponse.OPTIONAL, admin_only=True
    ),
)
