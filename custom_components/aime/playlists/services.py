"""Playlist actions and dashboard queries: generate, export, delete; list and get.

Playlists are made and kept by the listening store (``core/playlists.py``); every call runs
in the executor through the hub's store access, so the hub must be loaded. Files are written
under ``<config>/aime/exports/`` only.
"""

from __future__ import annotations

from pathlib import Path
import re
from typing import Any

from homeassistant.components.websocket_api.connection import ActiveConnection
from homeassistant.components.websocket_api.const import ERR_NOT_FOUND
from homeassistant.components.websocket_api.decorators import (
    async_response,
    websocket_command,
)
from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
)
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.util import dt as dt_util
import voluptuous as vol

from ..action import Action
from ..ai.backend import async_hub_ai, playlist_picker
from ..const import DOMAIN, STORE_FOLDER
from ..core.playlists.export import ExportFormat, export_playlist
from ..core.playlists.models import (
    DEFAULT_REDISCOVERY_DAYS,
    DEFAULT_TRACKS,
    MAX_PROMPT_LENGTH,
    MAX_TRACKS,
    MIN_TRACKS,
    Algorithm,
    DayType,
    Picker,
    Playlist,
    PlaylistError,
    PlaylistRequest,
)
from ..core.stats.models import Window
from ..core.store.store import Store
from ..exceptions import validation_error
from ..hub.lookup import hub_store_or_send_error, require_hub_store
from ..hub.signals import SIGNAL_PLAYLISTS_CHANGED
from ..texts import async_option_label
from ..validation import STORE_ID, STORE_INT, text, whole_number

SERVICE_GENERATE_PLAYLIST = "generate_playlist"
SERVICE_EXPORT_PLAYLIST = "export_playlist"
SERVICE_DELETE_PLAYLIST = "delete_playlist"
SERVICE_RENAME_PLAYLIST = "rename_playlist"
EXPORT_FOLDER = "exports"

ATTR_ALGORITHM = "algorithm"
ATTR_PLAYLIST_ID = "playlist_id"
MAX_PLAYLIST_NAME = 255

GENERATE_SCHEMA = vol.Schema(
    {
        # Checked by the action, for a translated error naming the algorithm.
        vol.Required(ATTR_ALGORITHM): cv.string,
        vol.Optional("max_tracks", default=DEFAULT_TRACKS): whole_number(MIN_TRACKS, MAX_TRACKS),
        vol.Optional("window", default=Window.ALL.value): vol.Coerce(Window),
        vol.Optional("prompt"): vol.All(cv.string, vol.Length(max=MAX_PROMPT_LENGTH)),
        vol.Optional("name"): text(MAX_PLAYLIST_NAME),
        vol.Optional("seed"): STORE_INT,
        vol.Optional("hour"): whole_number(0, 23),
        vol.Optional("day_type", default=DayType.ANY.value): vol.Coerce(DayType),
        vol.Optional("rediscovery_days", default=DEFAULT_REDISCOVERY_DAYS): whole_number(1, 36_500),
    }
)
PLAYLIST_ID = STORE_ID
EXPORT_SCHEMA = vol.Schema(
    {
        vol.Required(ATTR_PLAYLIST_ID): PLAYLIST_ID,
        vol.Optional("format", default=ExportFormat.M3U.value): vol.Coerce(ExportFormat),
    }
)
DELETE_SCHEMA = vol.Schema({vol.Required(ATTR_PLAYLIST_ID): PLAYLIST_ID})


async def _async_generate(call: ServiceCall) -> ServiceResponse:
    """Generate a playlist, keep it, and answer it."""
    data = call.data
    try:
        algorithm = Algorithm(data[ATTR_ALGORITHM])
    except ValueError:
        raise validation_error("unknown_algorithm", {"algorithm": data[ATTR_ALGORITHM]}) from None
    prompt: str | None = data.get("prompt")
    if algorithm is Algorithm.AI_GENERATED and not (prompt or "").strip():
        raise validation_error("playlist_prompt_required")
    request = PlaylistRequest(
        algorithm,
        dt_util.now(),
        max_tracks=data["max_tracks"],
        window=data["window"],
        seed=data.get("seed"),
        prompt=prompt,
        hour=data.get("hour"),
        day_type=data["day_type"],
        rediscovery_days=data["rediscovery_days"],
    )
    playlist = await async_generate_playlist(call.hass, request, data.get("name"))
    return playlist.as_dict()


async def async_generate_playlist(
    hass: HomeAssistant, request: PlaylistRequest, name: str | None = None
) -> Playlist:
    """Generate a playlist and keep it; unnamed, it is called after its algorithm and window."""
    access = require_hub_store(hass)
    picker: Picker | None = None
    if request.algorithm is Algorithm.AI_GENERATED:
        picker = _ai_picker(hass, request.max_tracks)
    if name is None:
        name = await async_playlist_name(hass, request.algorithm, request.window)

    def generate(store: Store) -> Playlist:
        playlist = store.playlists.generate(request, name=name, picker=picker)
        return store.playlists.save(playlist, int(request.now.timestamp()))

    try:
        playlist = await access.async_run(generate, access.store)
    except PlaylistError as err:
        raise validation_error(f"playlist_{err.reason}") from err
    async_dispatcher_send(hass, SIGNAL_PLAYLISTS_CHANGED, playlist)
    return playlist


async def async_playlist_name(hass: HomeAssistant, algorithm: Algorithm, window: Window) -> str:
    """A readable name in Home Assistant's language, e.g. "Rediscovery · Last 30 days"."""
    algorithm_name = await async_option_label(hass, "playlist_algorithm", algorithm.value)
    window_name = await async_option_label(hass, "playlist_window", window.value)
    return f"{algorithm_name} · {window_name}"


async def _async_export(call: ServiceCall) -> ServiceResponse:
    """Write a saved playlist to a file under <config>/aime/exports/; answer its path."""
    access = require_hub_store(call.hass)
    playlist_id: int = call.data[ATTR_PLAYLIST_ID]
    file_format: ExportFormat = call.data["format"]
    folder = Path(call.hass.config.path(STORE_FOLDER, EXPORT_FOLDER))

    def export(store: Store) -> Path | None:
        playlist = store.playlists.get(playlist_id)
        if playlist is None:
            return None
        path = folder / f"{_slug(playlist.name)}-{playlist_id}.{file_format.value}"
        folder.mkdir(parents=True, exist_ok=True)
        path.write_text(export_playlist(playlist, file_format), encoding="utf-8")
        return path

    path = await access.async_run(export, access.store)
    if path is None:
        raise _unknown_playlist(playlist_id)
    return {"path": str(path), "format": file_format.value}


async def _async_delete(call: ServiceCall) -> None:
    """Forget a saved playlist."""
    access = require_hub_store(call.hass)
    playlist_id: int = call.data[ATTR_PLAYLIST_ID]
    if not await access.async_run(access.store.playlists.delete, playlist_id):
        raise _unknown_playlist(playlist_id)
    async_dispatcher_send(call.hass, SIGNAL_PLAYLISTS_CHANGED, None)


@websocket_command({vol.Required("type"): "aime/playlists/list"})
@async_response
async def websocket_list_playlists(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """The saved playlists, newest first, without their tracks."""
    if (access := hub_store_or_send_error(hass, connection, msg)) is None:
        return
    summaries = await access.async_run(access.store.playlists.summaries)
    connection.send_result(msg["id"], {"playlists": [s.as_dict() for s in summaries]})


@websocket_command(
    {vol.Required("type"): "aime/playlists/get", vol.Required(ATTR_PLAYLIST_ID): PLAYLIST_ID}
)
@async_response
async def websocket_get_playlist(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """One saved playlist with its tracks."""
    if (access := hub_store_or_send_error(hass, connection, msg)) is None:
        return
    playlist = await access.async_run(access.store.playlists.get, msg[ATTR_PLAYLIST_ID])
    if playlist is None:
        connection.send_error(
            msg["id"],
            ERR_NOT_FOUND,
            f"No playlist {msg[ATTR_PLAYLIST_ID]}",
            translation_domain=DOMAIN,
            translation_key="unknown_playlist",
            translation_placeholders={ATTR_PLAYLIST_ID: str(msg[ATTR_PLAYLIST_ID])},
        )
        return
    connection.send_result(msg["id"], playlist.as_dict())


def _ai_picker(hass: HomeAssistant, max_tracks: int) -> Picker:
    """The hub's AI as the ``ai_generated`` picker; ``no_ai_service`` when none is set up."""
    try:
        service = async_hub_ai(hass)
    except ServiceValidationError as err:
        if err.translation_key == "ai_not_configured":
            raise validation_error("no_ai_service") from err
        raise
    return playlist_picker(hass, service, max_tracks)


def _slug(name: str) -> str:
    """A file name from a playlist name: letters, digits, '-' and '_' only."""
    return re.sub(r"[^\w-]+", "_", name, flags=re.ASCII).strip("_")[:60] or "playlist"


def _unknown_playlist(playlist_id: int) -> ServiceValidationError:
    return validation_error("unknown_playlist", {ATTR_PLAYLIST_ID: str(playlist_id)})


RENAME_SCHEMA = vol.Schema(
    {
        vol.Required(ATTR_PLAYLIST_ID): PLAYLIST_ID,
        vol.Required("name"): text(MAX_PLAYLIST_NAME),
    }
)


async def _async_rename(call: ServiceCall) -> ServiceResponse:
    """Give a saved playlist the name the user chose; answer it."""
    access = require_hub_store(call.hass)
    playlist_id: int = call.data[ATTR_PLAYLIST_ID]

    def rename(store: Store) -> Playlist | None:
        if not store.playlists.rename(playlist_id, call.data["name"]):
            return None
        return store.playlists.get(playlist_id)

    playlist = await access.async_run(rename, access.store)
    if playlist is None:
        raise _unknown_playlist(playlist_id)
    async_dispatcher_send(call.hass, SIGNAL_PLAYLISTS_CHANGED, None)
    return {ATTR_PLAYLIST_ID: playlist_id, "name": playlist.name}


# Anyone may make a playlist (it adds one); renaming, deleting and exporting are for admins.
PLAYLIST_ACTIONS: tuple[Action, ...] = (
    Action(SERVICE_GENERATE_PLAYLIST, _async_generate, GENERATE_SCHEMA, SupportsResponse.OPTIONAL),
    Action(
        SERVICE_EXPORT_PLAYLIST,
        _async_export,
        EXPORT_SCHEMA,
        SupportsResponse.OPTIONAL,
        admin_only=True,
    ),
    Action(SERVICE_DELETE_PLAYLIST, _async_delete, DELETE_SCHEMA, admin_only=True),
    Action(
        SERVICE_RENAME_PLAYLIST,
        _async_rename,
        RENAME_SCHEMA,
        SupportsResponse.OPTIONAL,
        admin_only=True,
    ),
)

PLAYLIST_WEBSOCKET_COMMANDS = (websocket_list_playlists, websocket_get_playlist)
