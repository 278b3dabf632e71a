"""The ``aime/people`` command: the persons the panel's picker offers ("Everyone" aside)."""

from __future__ import annotations

from typing import Any

from homeassistant.components.websocket_api.connection import ActiveConnection
from homeassistant.components.websocket_api.decorators import async_response, websocket_command
from homeassistant.core import HomeAssistant
import voluptuous as vol

from ..hub.lookup import hub_store_or_send_error
from ..hub.people import assigned_people, people_json


@websocket_command({vol.Required("type"): "aime/people"})
@async_response
async def websocket_people(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """The persons a source is assigned to or who have plays, sorted by name.

    ``{"people": [{"entity_id": "person.alice", "name": "Alice", "picture": url or None}]}``
    """
    if (access := hub_store_or_send_error(hass, connection, msg)) is None:
        return
    listened = await access.async_run(access.store.listeners)
    people = people_json(hass, {*assigned_people(hass), *listened})
    connection.send_result(msg["id"], {"people": people})
