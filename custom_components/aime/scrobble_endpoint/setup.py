"""Starting the endpoint with the hub."""

from __future__ import annotations

from homeassistant.core import HomeAssistant

from ..hub.runtime import HubRuntime
from .runtime import SCROBBLE_ENDPOINT, ScrobbleEndpoint
from .views import async_register_views


async def async_setup_scrobble_endpoint(hass: HomeAssistant, hub: HubRuntime) -> None:
    """The views (registered once: Home Assistant cannot remove a view; they answer 503 while
    no hub is loaded) and the runtime they find in the loaded hub."""
    async_register_views(hass)
    endpoint = hub.add_feature(SCROBBLE_ENDPOINT, ScrobbleEndpoint(hub))
    hub.async_on_stop(endpoint.async_stop)
