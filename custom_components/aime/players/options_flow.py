"""The hub's "Players" options step: which Home Assistant media players AIME listens to."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import ConfigFlowResult, OptionsFlow
from homeassistant.helpers.selector import EntitySelector, EntitySelectorConfig
import voluptuous as vol

from ..const import CONF_PLAYERS
from .recorder import own_players


class PlayersOptionsSteps(OptionsFlow):
    """The players step of the hub's options menu."""

    async def async_step_players(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Any media player Home Assistant sees, except AIME's own (Roon records those)."""
        options = self.config_entry.options
        own = own_players(self.hass)
        if user_input is not None:
            chosen = [player for player in user_input.get(CONF_PLAYERS, []) if player not in own]
            return self.async_create_entry(data={**options, CONF_PLAYERS: chosen})
        selector = EntitySelector(
            EntitySelectorConfig(domain="media_player", multiple=True, exclude_entities=sorted(own))
        )
        schema = vol.Schema(
            {vol.Optional(CONF_PLAYERS, default=list(options.get(CONF_PLAYERS, []))): selector}
        )
        return self.async_show_form(step_id="players", data_schema=schema)
