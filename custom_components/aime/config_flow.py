"""Config flow for AIME."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import ConfigFlow, ConfigFlowResult

from .const import DOMAIN, STORE_FILENAME, STORE_FOLDER

HUB_TITLE = "AIME"


class AimeConfigFlow(ConfigFlow, domain=DOMAIN):
    """Set up the AIME hub (later: Last.fm users and Roon cores as further entries)."""

    VERSION = 1
    MINOR_VERSION = 1

    async def async_step_user(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Confirm the creation of the single AIME hub."""
        # The hub owns the listening store: there is exactly one, whatever else gets added later.
        await self.async_set_unique_id(DOMAIN)
        self._abort_if_unique_id_configured()

        if user_input is not None:
            return self.async_create_entry(title=HUB_TITLE, data={})

        return self.async_show_form(
            step_id="user",
            description_placeholders={"path": self.hass.config.path(STORE_FOLDER, STORE_FILENAME)},
        )
