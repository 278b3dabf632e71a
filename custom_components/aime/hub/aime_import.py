"""``aime.import_aime_database``: bring over the history and texts of the original AIME app.

The database (``musique.db``) is read, never written, from a path under Home Assistant's
configuration folder; the import runs in the executor and answers its report (what was
imported, merged, repaired and skipped, and why). Importing twice imports nothing new.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from homeassistant.core import (
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
)
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.util.hass_dict import HassKey
import voluptuous as vol

from ..action import Action
from ..const import DOMAIN
from ..core.imports.aime_import import import_aime_database
from ..core.imports.aime_source import AimeImportError
from ..exceptions import validation_error
from .lookup import require_hub_store
from .recording import SIGNAL_PLAYS_RECORDED

SERVICE_IMPORT_AIME_DATABASE = "import_aime_database"
ATTR_PATH = "path"

IMPORT_SCHEMA = vol.Schema(
    {vol.Required(ATTR_PATH): vol.All(cv.string, vol.Length(min=1, max=4096))}
)

_IMPORT_LOCK: HassKey[asyncio.Lock] = HassKey(f"{DOMAIN}_aime_import_lock")


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
        try:
            report = await access.async_run(import_aime_database, access.store, path)
        except AimeImportError as err:
            raise validation_error(err.failure.value, {ATTR_PATH: raw_path}) from err
    if report.imported["plays"]:
        async_dispatcher_send(hass, SIGNAL_PLAYS_RECORDED)
    return report.as_dict()


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
)
