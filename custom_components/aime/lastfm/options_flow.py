"""A Last.fm account's options: how often to poll it, and who listens through it."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import ConfigFlowResult, OptionsFlow
from homeassistant.const import CONF_SCAN_INTERVAL
from homeassistant.helpers.selector import NumberSelector, NumberSelectorConfig, NumberSelectorMode
import voluptuous as vol

from ..const import (
    CONF_LISTENER,
    DEFAULT_SCAN_INTERVAL_SECONDS,
    MAX_SCAN_INTERVAL_SECONDS,
    MIN_SCAN_INTERVAL_SECONDS,
)
from ..hub.people import account_listener, listener_option, person_selector


class LastfmOptionsFlow(OptionsFlow):
    """The scan interval and the account's person; credentials change through reconfigure or
    reauth."""

    async def async_step_init(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """The hub's options use ``init``: Last.fm's form has its own step."""
        return await self.async_step_lastfm()

    async def async_step_lastfm(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """The scan interval and the person (none: the household), applied without a reload."""
        entry = self.config_entry
        if user_input is not None:
            options = {key: value for key, value in entry.options.items() if key != CONF_LISTENER}
            options[CONF_SCAN_INTERVAL] = int(user_input[CONF_SCAN_INTERVAL])
            if (listener := listener_option(user_input.get(CONF_LISTENER))) is not None:
                options[CONF_LISTENER] = listener
            return self.async_create_entry(data=options)
        current = entry.options.get(CONF_SCAN_INTERVAL, DEFAULT_SCAN_INTERVAL_SECONDS)
        schema = vol.Schema(
            {
                vol.Required(CONF_SCAN_INTERVAL, default=current): NumberSelector(
                    NumberSelectorConfig(
                        min=MIN_SCAN_INTERVAL_SECONDS,
                        max=MAX_SCAN_INTERVAL_SECONDS,
                        step=1,
                        mode=NumberSelectorMode.BOX,
                        unit_of_measurement="s",
                    )
                ),
                vol.Optional(CONF_LISTENER): person_selector(),
            }
        )
        suggested = {CONF_LISTENER: listener} if (listener := account_listener(entry)) else {}
        return self.async_show_form(
            step_id="lastfm", data_schema=self.add_suggested_values_to_schema(schema, suggested)
        )
