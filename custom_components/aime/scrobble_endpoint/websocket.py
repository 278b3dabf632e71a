"""``aime/endpoint_tokens``: the endpoint's tokens for the panel (administrators only).

Only what identifies a token (its name, person, when it was made and last used), never the
token or its digest. Tokens are made and revoked in the hub's options, where the panel links.
"""

from __future__ import annotations

from typing import Any

from homeassistant.components.websocket_api.connection import ActiveConnection
from homeassistant.components.websocket_api.decorators import websocket_command
from homeassistant.core import HomeAssistant, callback
import voluptuous as vol

from ..hub.lookup import admin_or_send_error, hub_runtime, send_hub_not_loaded
from .runtime import SCROBBLE_ENDPOINT
from .tokens import endpoint_tokens
from .views import API_ROOT


@websocket_command({vol.Required("type"): "aime/endpoint_tokens"})
@callback
def websocket_endpoint_tokens(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """The endpoint's root path, the hub's entry (for its options) and the tokens."""
    if not admin_or_send_error(connection, msg):
        return
    hub = hub_runtime(hass)
    endpoint = None if hub is None else hub.feature(SCROBBLE_ENDPOINT)
    if hub is None or endpoint is None:
        send_hub_not_loaded(connection, msg)
        return
    tokens = [
        {
            "id": token.token_id,
            "name": token.name,
            "person": token.listener,
            "created_at": token.created_at,
            "last_used_at": used.isoformat()
            if (used := endpoint.last_used.get(token.token_id))
            else None,
        }
        for token in endpoint_tokens(hub.entry.options)
    ]
    connection.send_result(
        msg["id"], {"path": API_ROOT, "entry_id": hub.entry.entry_id, "tokens": tokens}
    )


ENDPOINT_WEBSOCKET_COMMANDS = (websocket_endpoint_tokens,)
