"""``aime.import_aime_database``: bring over the history and texts of the original AIME app.

The database (``musique.db``) is read, never written (a copy is read: its folder is left as it
was), from a path under Home Assistant's configuration folder; the import runs in the executor
and answers its report (what was imported, merged, repaired, how artists of merged albums were
found, what was skipped and why: README "Import from the original AIME app"). Importing
twice imports nothing new. The statistics and collection sensors refresh afterwards.

Its plays go in batches: while batches remain, a persistent notification shows how far it got
(in whole percents; a file of one batch shows none), removed when the action answers.
``aime.cancel_aime_import``, the entry unloading or Home Assistant stopping stops the import
after the batch under way (``"cancelled": true`` in the report; importing again completes it).
"""

from __future__ import annotations

import asyncio
from functools import partial
from pathlib import Path
import threading

from homeassistant.components import persistent_notification
from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
)
from homeassistant.helpers import translation
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.util.hass_dict import HassKey
import voluptuous as vol

from ..action import Action
from ..const import DOMAIN
from ..core.imports.aime_import import PLAY_BATCH, import_aime_database
from ..core.imports.aime_source import AimeImportError
from ..exceptions import validation_error
from ..hub.lookup import require_hub_store
from ..hub.recording import SIGNAL_PLAYS_RECORDED
from ..hub.signals import SIGNAL_COLLECTION_CHANGED
from ..stats.long_term_statistics import async_bulk_import
from ..validation import FILE_PATH

SERVICE_IMPORT_AIME_DATABASE = "import_aime_database"
SERVICE_CANCEL_AIME_IMPORT = "cancel_aime_import"
ATTR_PATH = "path"

IMPORT_SCHEMA = vol.Schema({vol.Required(ATTR_PATH): FILE_PATH})
# What the collection sensors show comes from these rows.
_COLLECTION_ROWS = ("collection_items", "links", "images", "texts")

_IMPORT_LOCK: HassKey[asyncio.Lock] = HassKey(f"{DOMAIN}_aime_import_lock")
# Set by the cancel action; there while an import runs (read in the executor).
_CANCEL: HassKey[threading.Event] = HassKey(f"{DOMAIN}_aime_import_cancel")
_NOTIFICATION_ID = f"{DOMAIN}_aime_import"
_BATCH = PLAY_BATCH


async def _async_import_aime_database(call: ServiceCall) -> ServiceResponse:
    """Import the AIME database at ``path``; answer the report's counts."""
    hass = call.hass
    raw_path: str = call.data[ATTR_PATH]
    access = require_hub_store(hass)
    path = await hass.async_add_executor_job(resolve_under, Path(hass.config.config_dir), raw_path)
    if path is None:
        raise validation_error("path_outside_config", {ATTR_PATH: raw_path})
    lock = hass.data.setdefault(_IMPORT_LOCK, asyncio.Lock())
    if lock.locked():
        raise validation_error("aime_import_running")
    async with lock:
        progress = _Progress(hass, raw_path, await _async_strings(hass))
        cancel = hass.data[_CANCEL] = threading.Event()
        run = partial(
            import_aime_database,
            progress=progress,
            cancelled=lambda: cancel.is_set() or access.closing,
            batch_size=_BATCH,
        )
        try:
            async with async_bulk_import(hass):
                report = await access.async_run(run, access.store, path)
        except AimeImportError as err:
            # "detail": the missing tables, or why SQLite cannot read the file.
            raise validation_error(
                err.failure.value, {ATTR_PATH: raw_path, "detail": err.detail}
            ) from err
        finally:
            del hass.data[_CANCEL]
            if progress.shown:
                persistent_notification.async_dismiss(hass, _NOTIFICATION_ID)
    if report.imported["plays"] or report.merged["plays"] or report.imported["loved_tracks"]:
        async_dispatcher_send(hass, SIGNAL_PLAYS_RECORDED)
    if any(report.imported[rows] for rows in _COLLECTION_ROWS):
        async_dispatcher_send(hass, SIGNAL_COLLECTION_CHANGED)
    return report.as_dict()


async def _async_cancel_import(call: ServiceCall) -> None:
    """Stop the running import after the batch of plays under way."""
    if (cancel := call.hass.data.get(_CANCEL)) is None:
        raise validation_error("aime_import_not_running")
    cancel.set()


async def _async_strings(hass: HomeAssistant) -> tuple[str, str]:
    """The notification's title and message, in the user's language (English when missing)."""
    strings = await translation.async_get_translations(
        hass, hass.config.language, "exceptions", {DOMAIN}
    )
    prefix = f"component.{DOMAIN}.exceptions"
    return strings[f"{prefix}.aime_import_title.message"], strings[
        f"{prefix}.aime_import_progress.message"
    ]


class _Progress:
    """Shows the import's progress in a persistent notification; called in the executor."""

    def __init__(self, hass: HomeAssistant, path: str, strings: tuple[str, str]) -> None:
        self._hass, self._path = hass, path
        self._title, self._message = strings
        self._percent = -1
        self.shown = False

    def __call__(self, done: int, total: int) -> None:
        percent = done * 100 // total if total else 100
        if done >= total or percent == self._percent:
            return  # Done: the action answers now. A state per batch would flood the log.
        self._percent, self.shown = percent, True
        message = self._message.format(path=self._path, percent=percent, done=done, total=total)
        persistent_notification.create(
            self._hass, message, self._title, notification_id=_NOTIFICATION_ID
        )


def resolve_under(folder: Path, raw_path: str) -> Path | None:
    """``raw_path`` (relative to ``folder``, or absolute) when it lies inside ``folder``.

    Links are followed first, so a link inside the folder cannot lead out of it. Blocks.
    """
    root = folder.resolve()
    path = (root / Path(raw_path).expanduser()).resolve()
    return path if path.is_relative_to(root) and path != root else None


AIME_IMPORT_ACTIONS: tuple[Action, ...] = (
    Action(
        SERVICE_IMPORT_AIME_DATABASE,
        _async_import_aime_database,
        IMPORT_SCHEMA,
        SupportsResponse.OPTIONAL,
        admin_only=True,
    ),
    Action(SERVICE_CANCEL_AIME_IMPORT, _async_cancel_import, vol.Schema({}), admin_only=True),
)
