"""Config flow for AIME."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import (
    ConfigEntry,
    ConfigFlow,
    ConfigFlowResult,
    OptionsFlow,
)
from homeassistant.core import callback
from homeassistant.helpers.selector import (
    NumberSelector,
    NumberSelectorConfig,
    NumberSelectorMode,
)
import voluptuous as vol

from .const import (
    CONF_DEDUP_WINDOW,
    DEFAULT_DEDUP_WINDOW_MINUTES,
    DOMAIN,
    MAX_DEDUP_WINDOW_MINUTES,
    STORE_FILENAME,
    STORE_FOLDER,
)

HUB_TITLE = "AIME"


class AimeConfigFlow(ConfigFlow, domain=DOMAIN):
    """Set up the AIME hub (later: Last.fm users and Roon cores as further entries)."""

    VERSION = 1
    MINOR_VERSION = 1

    @staticmethod
    @callback
    def async_get_options_flow(config_entry: ConfigEntry) -> AimeOptionsFlow:
        """The hub's options."""
        return AimeOptionsFlow()

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


class AimeOptionsFlow(OptionsFlow):
    """Tune how plays are recorded."""

    async def async_step_init(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """One form: the cross-source de-duplication window."""
        if user_input is not None:
            return self.async_create_entry(
                data={CONF_DEDUP_WINDOW: int(user_input[CONF_DEDUP_WINDOW])}
            )
        current = self.config_entry.options.get(CONF_DEDUP_WINDOW, DEFAULT_DEDUP_WINDOW_MINUTES)
        schema = vol.Schema(
            {
                vol.Required(CONF_DEDUP_WINDOW, default=current): NumberSelector(
                    NumberSelectorConfig(
                        min=1,
                        max=MAX_DEDUP_WINDOW_MINUTES,
                        step=1,
                        mode=NumberSelectorMode.BOX,
                        unit_of_measurement="min",
                    )
                ),
            }
        )
        return self.async_show_form(step_id="init", data_schema=schema)
