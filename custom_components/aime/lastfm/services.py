"""Last.fm actions: import an account's history, cancel that import, retry its outbox."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import (
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
)
from homeassistant.util import dt as dt_util
import voluptuous as vol

from ..action import Action
from ..const import CONF_KIND, DOMAIN, KIND_HUB, KIND_LASTFM
from ..exceptions import validation_error
from ..scrobbling.sender import OutboxSender
from ..validation import LOCAL_DATE, STORE_ID, text
from .runtime import LastfmRuntime

if TYPE_CHECKING:
    from .. import AimeConfigEntry

SERVICE_IMPORT_LASTFM_HISTORY = "import_lastfm_history"
SERVICE_CANCEL_LASTFM_IMPORT = "cancel_lastfm_import"
SERVICE_RETRY_OUTBOX = "retry_outbox"
ATTR_CONFIG_ENTRY_ID = "config_entry_id"
ATTR_IDS = "ids"
ATTR_START = "start"
ATTR_END = "end"

IMPORT_SCHEMA = vol.Schema(
    {
        vol.Optional(ATTR_CONFIG_ENTRY_ID): text(),
        vol.Optional(ATTR_START): LOCAL_DATE,
        vol.Optional(ATTR_END): LOCAL_DATE,
    }
)
CANCEL_SCHEMA = vol.Schema({vol.Optional(ATTR_CONFIG_ENTRY_ID): text()})
RETRY_SCHEMA = vol.Schema(
    {vol.Optional(ATTR_CONFIG_ENTRY_ID): text(), vol.Optional(ATTR_IDS): [STORE_ID]}
)


async def _async_import_history(call: ServiceCall) -> ServiceResponse:
    """Start (or resume, when paused and no dates are given) a history import."""
    lastfm = _lastfm_runtime(call)
    importer = lastfm.importer
    if importer.running:
        raise validation_error("import_already_running")
    start_date: date | None = call.data.get(ATTR_START)
    end_date: date | None = call.data.get(ATTR_END)
    if start_date is None and end_date is None and (progress := importer.async_resume_paused()):
        return {"status": "resumed", **_range(progress.start, progress.end)}

    now = dt_util.now()
    if end_date is not None and end_date > now.date():
        raise validation_error("end_in_future", {"end": end_date.isoformat()})
    # "now" when the import starts: later scrobbles are the coordinator's.
    end = now if end_date is None or end_date == now.date() else _end_of_day(end_date)
    # Nothing was scrobbled before 1970: an earlier start (1900 is valid) means "from the first".
    start = (
        0 if start_date is None else max(0, int(dt_util.start_of_local_day(start_date).timestamp()))
    )
    if start > end.timestamp():
        raise validation_error("start_after_end")
    progress = await importer.async_start(start, int(end.timestamp()))
    return {"status": "started", **_range(progress.start, progress.end)}


async def _async_cancel_import(call: ServiceCall) -> None:
    """Stop the import and forget its checkpoint."""
    if not await _lastfm_runtime(call).importer.async_cancel():
        raise validation_error("import_not_running")


async def _async_retry_outbox(call: ServiceCall) -> ServiceResponse:
    """Queue the account's failed plays and loves again (all, or those plays) and send now.

    The account is the Last.fm entry (the only one when none is named) or the named ListenBrainz
    entry: any loaded entry whose runtime has an outbox sender."""
    sender = _named_sender(call) or _lastfm_runtime(call).sender
    ids = call.data.get(ATTR_IDS, ())
    queued = await sender.async_requeue(ids)
    if not ids:  # The ids name plays; without them, the failed loves too.
        queued += await sender.async_requeue_loves()
    if queued:
        call.hass.async_create_background_task(sender.async_send_now(), "aime outbox retry")
    return {"queued": queued}


def _named_sender(call: ServiceCall) -> OutboxSender | None:
    """The outbox sender of the loaded entry the call names, when it has one."""
    entry_id: str | None = call.data.get(ATTR_CONFIG_ENTRY_ID)
    entry = call.hass.config_entries.async_get_entry(entry_id) if entry_id else None
    if entry is None or entry.domain != DOMAIN or entry.state is not ConfigEntryState.LOADED:
        return None
    sender = getattr(entry.runtime_data, "sender", None)
    return sender if isinstance(sender, OutboxSender) else None


def _lastfm_runtime(call: ServiceCall) -> LastfmRuntime:
    """The loaded Last.fm entry the call is about (the only one when none is named)."""
    entry_id: str | None = call.data.get(ATTR_CONFIG_ENTRY_ID)
    if entry_id is None:
        loaded: list[AimeConfigEntry] = [
            entry
            for entry in call.hass.config_entries.async_loaded_entries(DOMAIN)
            if entry.data.get(CONF_KIND, KIND_HUB) == KIND_LASTFM
        ]
        if not loaded:
            raise validation_error("no_lastfm_entry")
        if len(loaded) > 1:
            raise validation_error("several_lastfm_entries")
        entry = loaded[0]
    else:
        found = call.hass.config_entries.async_get_entry(entry_id)
        if found is None or found.domain != DOMAIN:
            raise validation_error("entry_not_found", {"entry_id": entry_id})
        entry = found
        if entry.data.get(CONF_KIND, KIND_HUB) != KIND_LASTFM:
            raise validation_error("entry_not_lastfm", {"entry": entry.title})
        if entry.state is not ConfigEntryState.LOADED:
            raise validation_error("entry_not_loaded", {"entry": entry.title})
    lastfm = entry.runtime_data
    if not isinstance(lastfm, LastfmRuntime):  # A kind is fixed for the entry's life.
        raise validation_error("entry_not_lastfm", {"entry": entry.title})
    return lastfm


def _end_of_day(day: date) -> datetime:
    return dt_util.start_of_local_day(day + timedelta(days=1)) - timedelta(seconds=1)


def _range(start: int, end: int) -> dict[str, str | None]:
    return {
        ATTR_START: _local_iso(start) if start else None,
        ATTR_END: _local_iso(end),
    }


def _local_iso(timestamp: int) -> str:
    return dt_util.as_local(dt_util.utc_from_timestamp(timestamp)).isoformat()


# An import adds to the shared history: starting or stopping one is for administrators.
LASTFM_ACTIONS: tuple[Action, ...] = (
    Action(
        SERVICE_IMPORT_LASTFM_HISTORY,
        _async_import_history,
        IMPORT_SCHEMA,
        SupportsResponse.OPTIONAL,
        admin_only=True,
    ),
    Action(SERVICE_CANCEL_LASTFM_IMPORT, _async_cancel_import, CANCEL_SCHEMA, admin_only=True),
    # Sending again on the household's account: for administrators too.
    Action(
        SERVICE_RETRY_OUTBOX,
        _async_retry_outbox,
        RETRY_SCHEMA,
        SupportsResponse.OPTIONAL,
        admin_only=True,
    ),
)
