"""The Roon action: move a zone's queue and playback to another zone."""

from __future__ import annotations

from homeassistant.core import ServiceCall
from homeassistant.helpers import config_validation as cv
import voluptuous as vol

from ..action import Action
from .media_player import find_player

SERVICE_TRANSFER_ZONE = "transfer_zone"
ATTR_SOURCE = "source"
ATTR_DESTINATION = "destination"

TRANSFER_SCHEMA = vol.Schema(
    {vol.Required(ATTR_SOURCE): cv.entity_id, vol.Required(ATTR_DESTINATION): cv.entity_id}
)


async def _async_transfer_zone(call: ServiceCall) -> None:
    source = find_player(call.hass, call.data[ATTR_SOURCE])
    destination = find_player(call.hass, call.data[ATTR_DESTINATION])
    await source.async_transfer_to(destination)


ROON_ACTIONS: tuple[Action, ...] = (
    Action(SERVICE_TRANSFER_ZONE, _async_transfer_zone, TRANSFER_SCHEMA),
)
