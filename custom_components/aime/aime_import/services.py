"""``aime.import_aime_database``: bring over the history and texts of the original AIME app.

The database (``musique.db``) is read, never written (a copy is read: its folder is left as it
was), from a path under Home Assistant's configuration folder; the import runs in the executor
and answers its report (what was imported, merged, repaired, how artists of merged albums were
found, what was skipped and why: README "Import from the original AIME app"). Importing
twice imports nothing new. The statistics and collection sensors refresh afterwards.

Its plays go in batches, with the progress and cancellation every file import has
(``file_import.py``): a cancelled import answers ``"cancelled": true``; importing again
completes it.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from homeassistant.core import (
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
)
from homeassistant.helpers.dispatcher import async_dispatcher_send
import voluptuous as vol

from ..action import Action
from ..core.imports.aime_import import PLAY_BATCH, import_aime_database
from ..core.imports.aime_source import AimeImportError
from ..core.imports.pacing import DutyCycle
from ..exceptions import validation_error
from ..hub.lookup import require_hub_store
from ..hub.recording import SIGNAL_PLAYS_RECORDED
from ..hub.signals import SIGNAL_COLLECTION_CHANGED
from ..validation import FILE_PATH
from .file_import import async_cancel_import, async_file_import, resolve_under

SERVICE_IMPORT_AIME_DATABASE = "import_aime_database"
SERVICE_CANCEL_AIME_IMPORT = "cancel_aime_import"
ATTR_PATH = "path"

IMPORT_SCHEMA = vol.Schema({vol.Required(ATTR_PATH): FILE_PATH})
# What the collection sensors show comes from these rows.
_COLLECTION_ROWS = ("collection_items", "links", "images", "texts")

_BATCH = PLAY_BATCH


async def _async_import_aime_database(call: ServiceCall) -> ServiceResponse:
    """Import the AIME database at ``path``; answer the report's counts."""
    hass = call.hass
    raw_path: str = call.data[ATTR_PATH]
    access = require_hub_store(hass)
    path = await hass.async_add_executor_job(resolve_under, Path(hass.config.config_dir), raw_path)
    if path is None:
        raise validation_error("path_outside_config", {ATTR_PATH: raw_path})
    strings = ("aime_import_title", "aime_import_progress")
    async with async_file_import(hass, access, "aime", raw_path, strings) as running:
        run = partial(
            import_aime_database,
            progress=running.progress,
            cancelled=running.cancelled,
            batch_size=_BATCH,
            pause=DutyCycle(),  # Home Assistant answers meanwhile.
        )
        try:
            report = await access.async_run(run, access.store, path)
        except AimeImportError as err:
            # "detail": the missing tables, or why SQLite cannot read the file.
            raise validation_error(
                err.failure.value, {ATTR_PATH: raw_path, "detail": err.detail}
            ) from err
    if report.imported["plays"] or report.merged["plays"] or report.imported["loved_tracks"]:
        async_dispatcher_send(hass, SIGNAL_PLAYS_RECORDED)
    if any(report.imported[rows] for rows in _COLLECTION_ROWS):
        async_dispatcher_send(hass, SIGNAL_COLLECTION_CHANGED)
    return report.as_dict()


AIME_IMPORT_ACTIONS: tuple[Action, ...] = (
    Action(
        SERVICE_IMPORT_AIME_DATABASE,
        _async_import_aime_database,
        IMPORT_SCHEMA,
        SupportsResponse.OPTIONAL,
        admin_only=True,
    ),
    Action(SERVICE_CANCEL_AIME_IMPORT, async_cancel_import, vol.Schema({}), admin_only=True),
)
