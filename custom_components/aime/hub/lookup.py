"""Finding the loaded AIME hub from actions and websocket commands (they run for any entry)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from homeassistant.components.websocket_api.connection import ActiveConnection
from homeassistant.components.websocket_api.const import ERR_NOT_FOUND
from homeassistant.core import HomeAssistant

from ..const import CONF_KIND, DOMAIN, KIND_HUB
from ..exceptions import validation_error
from .runtime import HubRuntime

if TYPE_CHECKING:
    from .. import AimeConfigEntry
    from .store_access import StoreAccess


def loaded_hub(hass: HomeAssistant) -> AimeConfigEntry | None:
    """The hub entry, when it is loaded."""
    for entry in hass.config_entries.async_loaded_entries(DOMAIN):
        if entry.data.get(CONF_KIND, KIND_HUB) == KIND_HUB:
            hub: AimeConfigEntry = entry
            return hub
    return None


def hub_runtime(hass: HomeAssistant) -> HubRuntime | None:
    """What the loaded hub holds, or ``None`` when it is not loaded."""
    hub = loaded_hub(hass)
    if hub is None or not isinstance(hub.runtime_data, HubRuntime):
        return None
    return hub.runtime_data


def hub_store(hass: HomeAssistant) -> StoreAccess | None:
    """The loaded hub's store access, or ``None``."""
    runtime = hub_runtime(hass)
    return None if runtime is None else runtime.stats.store


def require_hub_store(hass: HomeAssistant) -> StoreAccess:
    """The loaded hub's store access; a translated ``hub_not_loaded`` error otherwise."""
    if (access := hub_store(hass)) is None:
        raise validation_error("hub_not_loaded")
    return access


def hub_store_or_send_error(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> StoreAccess | None:
    """For websocket commands: the store access, or ``None`` after answering ``not_found``."""
    if (access := hub_store(hass)) is None:
        connection.send_error(
            msg["id"],
            ERR_NOT_FOUND,
            "The AIME hub is not loaded",
            translation_domain=DOMAIN,
            translation_key="hub_not_loaded",
        )
    return access
