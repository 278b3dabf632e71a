"""The Roon action: move a zone's queue and playback to another zone."""

from __future__ import annotations

from homeassistant.core import HomeAssistant, ServiceCall, callback
from homeassistant.helpers import config_validation as cv
import voluptuous as vol

from ..const import DOMAIN
from ..media_player import find_player

SERVICE_TRANSFER_ZONE = "transfer_zone"
ATTR_SOURCE = "source"
ATTR_DESTINATION = "destination"

TRANSFER_SCHEMA = vol.Schema(
    {vol.Required(ATTR_SOURCE): cv.entity_id, vol.Required(ATTR_DESTINATION): cv.entity_id}
)


@callback
def async_setup_roon_services(hass: HomeAssistant) -> None:
    """Register the Roon actions (once, for the whole integration)."""
    hass.services.async_register(
        DOMAIN, SERVICE_TRANSFER_ZONE, _async_transfer_zone, schema=TRANSFER_SCHEMA
    )


async def _async_transfer_zone(call: ServiceCall) -> None:
    source = find_player(call.hass, call.data[ATTR_SOURCE])
    destination = find_player(call.hass, call.data[ATTR_DESTINATION])
    await source.async_transfer_to(destination)
