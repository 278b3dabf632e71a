"""Finding the loaded AIME hub from actions and websocket commands (they run for any entry)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from homeassistant.components.websocket_api.connection import ActiveConnection
from homeassistant.components.websocket_api.const import ERR_NOT_FOUND, ERR_UNAUTHORIZED
from homeassistant.core import HomeAssistant

from ..const import CONF_KIND, DOMAIN, KIND_HUB
from ..exceptions import admin_required, validation_error
from .runtime import FeatureKey, HubRuntime

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry

    from .store_access import StoreAccess


def loaded_hub(hass: HomeAssistant) -> ConfigEntry[Any] | None:
    """The hub entry, when it is loaded."""
    for entry in hass.config_entries.async_loaded_entries(DOMAIN):
        if entry.data.get(CONF_KIND, KIND_HUB) == KIND_HUB:
            hub: ConfigEntry[Any] = entry
            return hub
    return None


def hub_runtime(hass: HomeAssistant) -> HubRuntime | None:
    """What the loaded hub holds, or ``None`` when it is not loaded."""
    hub = loaded_hub(hass)
    if hub is None or not isinstance(hub.runtime_data, HubRuntime):
        return None
    return hub.runtime_data


def require_hub_runtime(hass: HomeAssistant) -> HubRuntime:
    """What the loaded hub holds; a translated ``hub_not_loaded`` error otherwise."""
    if (runtime := hub_runtime(hass)) is None:
        raise validation_error("hub_not_loaded")
    return runtime


def require_hub_feature[T](hass: HomeAssistant, key: FeatureKey[T]) -> T:
    """A feature's runtime in the loaded hub; ``hub_not_loaded`` when there is none."""
    if (feature := require_hub_runtime(hass).feature(key)) is None:
        raise validation_error("hub_not_loaded")
    return feature


def hub_store(hass: HomeAssistant) -> StoreAccess | None:
    """The loaded hub's store access, or ``None``."""
    runtime = hub_runtime(hass)
    return None if runtime is None else runtime.access


def require_hub_store(hass: HomeAssistant) -> StoreAccess:
    """The loaded hub's store access; a translated ``hub_not_loaded`` error otherwise."""
    return require_hub_runtime(hass).access


def hub_store_or_send_error(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> StoreAccess | None:
    """For websocket commands: the store access, or ``None`` after answering ``not_found``."""
    if (access := hub_store(hass)) is None:
        send_hub_not_loaded(connection, msg)
    return access


def send_hub_not_loaded(connection: ActiveConnection, msg: dict[str, Any]) -> None:
    """Answer a websocket command with the translated ``not_found``: the hub is not loaded."""
    connection.send_error(
        msg["id"],
        ERR_NOT_FOUND,
        "The AIME hub is not loaded",
        translation_domain=DOMAIN,
        translation_key="hub_not_loaded",
    )


def admin_or_send_error(connection: ActiveConnection, msg: dict[str, Any]) -> bool:
    """For admin-only websocket commands: whether the user is an administrator; when not,
    the refusal is answered, as the sentence the actions give."""
    if connection.user.is_admin:
        return True
    connection.send_error(
        msg["id"],
        ERR_UNAUTHORIZED,
        str(admin_required()),
        translation_domain=DOMAIN,
        translation_key="admin_required",
    )
    return False
