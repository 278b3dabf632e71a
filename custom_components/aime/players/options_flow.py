"""The hub's "Players" options steps: which Home Assistant media players AIME listens to,
then who listens to each (a person, or nobody: the household)."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import ConfigFlowResult, OptionsFlow
from homeassistant.helpers.selector import EntitySelector, EntitySelectorConfig
import voluptuous as vol

from ..const import CONF_PLAYER_LISTENERS, CONF_PLAYERS
from ..hub.people import PERSON_DOMAIN, listeners_option, person_selector
from .recorder import own_players


class PlayersOptionsSteps(OptionsFlow):
    """The players steps of the hub's options menu."""

    _chosen_players: list[str]

    async def async_step_players(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Any media player Home Assistant sees, except AIME's own (Roon records those)."""
        options = self.config_entry.options
        own = own_players(self.hass)
        if user_input is not None:
            chosen = [player for player in user_input.get(CONF_PLAYERS, []) if player not in own]
            self._chosen_players = chosen
            if chosen and self.hass.states.async_entity_ids(PERSON_DOMAIN):
                return await self.async_step_player_listeners()
            return self._async_save_players({})
        selector = EntitySelector(
            EntitySelectorConfig(domain="media_player", multiple=True, exclude_entities=sorted(own))
        )
        schema = vol.Schema(
            {vol.Optional(CONF_PLAYERS, default=list(options.get(CONF_PLAYERS, []))): selector}
        )
        return self.async_show_form(step_id="players", data_schema=schema)

    async def async_step_player_listeners(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Each chosen player's person; a field left empty is the household's."""
        if user_input is not None:
            return self._async_save_players(listeners_option(user_input))
        current = listeners_option(self.config_entry.options.get(CONF_PLAYER_LISTENERS))
        schema = vol.Schema(
            {vol.Optional(player): person_selector() for player in self._chosen_players}
        )
        suggested = {
            player: current[player] for player in self._chosen_players if player in current
        }
        names = ", ".join(
            f"{player} ({state.name})" if (state := self.hass.states.get(player)) else player
            for player in self._chosen_players
        )
        return self.async_show_form(
            step_id="player_listeners",
            data_schema=self.add_suggested_values_to_schema(schema, suggested),
            description_placeholders={"players": names},
        )

    def _async_save_players(self, listeners: dict[str, str]) -> ConfigFlowResult:
        chosen = self._chosen_players
        options = {
            key: value
            for key, value in self.config_entry.options.items()
            if key != CONF_PLAYER_LISTENERS
        }
        options[CONF_PLAYERS] = chosen
        if kept := {player: person for player, person in listeners.items() if player in chosen}:
            options[CONF_PLAYER_LISTENERS] = kept  # None at all: the household's players.
        return self.async_create_entry(data=options)
