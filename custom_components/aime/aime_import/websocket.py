"""``aime/imports``: the imports under way, for the panel (a read, open to every user).

Read from the imports' own runtimes: the file import's lock holder (an AIME database, a
Spotify history, a ListenBrainz export) and each Last.fm account's history importer. The
panel polls it while it shows imports: they are rare and short-lived, and the file import's
progress moves in the executor without any event to push.
"""

from __future__ import annotations

from typing import Any

from homeassistant.components.websocket_api.connection import ActiveConnection
from homeassistant.components.websocket_api.decorators import websocket_command
from homeassistant.core import HomeAssistant, callback
import voluptuous as vol

from ..const import CONF_KIND, DOMAIN, KIND_LASTFM
from ..lastfm.history_import import ImportStatus, LastfmImporter
from ..lastfm.runtime import LastfmRuntime
from .file_import import running_file_import

# A paused Last.fm import waits to be resumed or cancelled: it is still in progress.
_IN_PROGRESS = (ImportStatus.RUNNING, ImportStatus.PAUSED)


@websocket_command({vol.Required("type"): "aime/imports"})
@callback
def websocket_imports(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """The file import under way, then each Last.fm account's running or paused import."""
    imports: list[dict[str, Any]] = []
    if (running := running_file_import(hass)) is not None:
        imports.append({**running.as_dict(), "status": ImportStatus.RUNNING.value})
    for entry in hass.config_entries.async_loaded_entries(DOMAIN):
        if entry.data.get(CONF_KIND) != KIND_LASTFM:
            continue
        runtime = entry.runtime_data
        if isinstance(runtime, LastfmRuntime) and runtime.importer.status in _IN_PROGRESS:
            imports.append(_lastfm_row(entry.entry_id, runtime.importer))
    connection.send_result(msg["id"], {"imports": imports})


def _lastfm_row(entry_id: str, importer: LastfmImporter) -> dict[str, Any]:
    progress = importer.progress
    return {
        "kind": "lastfm",
        "entry_id": entry_id,  # the cancel action's config_entry_id
        "account": importer.username,
        "status": importer.status.value,
        # Pages of 200 scrobbles; the total is unknown (0) until the first page arrived.
        "done": progress.pages_done if progress else 0,
        "total": max(progress.total_pages, 0) if progress else 0,
        "plays": progress.received if progress else 0,
        "started_at": importer.started_at.isoformat() if importer.started_at else None,
        "eta": importer.eta.isoformat() if importer.eta else None,
        "cancellable": True,
    }


IMPORT_WEBSOCKET_COMMANDS = (websocket_imports,)
