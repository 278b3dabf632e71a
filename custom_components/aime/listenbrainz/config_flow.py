"""The config flow's ListenBrainz steps: an account by its user token, and its re-authentication.

The token is checked with ListenBrainz (``validate-token``) before anything is saved; the user
name it answers names the entry. The options name the person whose listens these are, and
which of the plays AIME records it sends to the account (the token writes too: no other step).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from homeassistant.config_entries import ConfigFlow, ConfigFlowResult, OptionsFlow
from homeassistant.const import CONF_TOKEN, CONF_USERNAME
from homeassistant.core import HomeAssistant
from homeassistant.helpers.selector import EntitySelector, EntitySelectorConfig
import voluptuous as vol

from ..clients.listenbrainz import DEFAULT_API_ROOT, ListenbrainzAuthError, ListenbrainzError
from ..const import (
    CONF_API_ROOT,
    CONF_KIND,
    CONF_LISTENER,
    KIND_LISTENBRAINZ,
    LISTENBRAINZ_UNIQUE_ID_PREFIX,
)
from ..flow_fields import ADVANCED_OPTIONS, SECRET, URL, advanced_input, advanced_options
from ..scrobbling.options_flow import scrobbling_fields
from .runtime import build_client

LISTENBRAINZ_TOKEN_URL = "https://listenbrainz.org/settings/"


async def _async_user_name(hass: HomeAssistant, data: dict[str, Any]) -> tuple[str | None, str]:
    """The token's user name, or ``None`` and the error to show."""
    try:
        client = await hass.async_add_executor_job(build_client, data)
        return await hass.async_add_executor_job(client.validate), ""
    except ListenbrainzAuthError:
        return None, "invalid_listenbrainz_token"
    except ListenbrainzError:
        return None, "cannot_connect_listenbrainz"


class ListenbrainzConfigSteps(ConfigFlow):
    """Adding a ListenBrainz account, and giving it a new token."""

    async def async_step_listenbrainz(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """The user token (and, for another server speaking the API, its root)."""
        errors: dict[str, str] = {}
        if user_input is not None:
            data: dict[str, Any] = {
                CONF_KIND: KIND_LISTENBRAINZ,
                CONF_TOKEN: str(user_input[CONF_TOKEN]).strip(),
            }
            api_root = str(advanced_input(user_input).get(CONF_API_ROOT) or "").strip()
            if api_root and api_root != DEFAULT_API_ROOT:
                data[CONF_API_ROOT] = api_root
            user, error = await _async_user_name(self.hass, data)
            if user is not None:
                await self.async_set_unique_id(f"{LISTENBRAINZ_UNIQUE_ID_PREFIX}{user.lower()}")
                self._abort_if_unique_id_configured()
                return self.async_create_entry(
                    title=f"ListenBrainz {user}", data={**data, CONF_USERNAME: user}
                )
            errors["base"] = error
        fields: dict[vol.Marker, Any] = {
            vol.Required(CONF_TOKEN): SECRET,
            **advanced_options({vol.Optional(CONF_API_ROOT): URL}),
        }
        api_root = advanced_input(user_input or {}).get(CONF_API_ROOT) or DEFAULT_API_ROOT
        suggested = {ADVANCED_OPTIONS: {CONF_API_ROOT: api_root}}
        return self.async_show_form(
            step_id="listenbrainz",
            data_schema=self.add_suggested_values_to_schema(vol.Schema(fields), suggested),
            errors=errors,
            description_placeholders={"token_url": LISTENBRAINZ_TOKEN_URL},
        )

    async def async_step_listenbrainz_reauth(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """A new token for the same ListenBrainz user."""
        entry = self._get_reauth_entry()
        errors: dict[str, str] = {}
        if user_input is not None:
            data = {**entry.data, CONF_TOKEN: str(user_input[CONF_TOKEN]).strip()}
            user, error = await _async_user_name(self.hass, data)
            if user is not None and user.lower() != str(entry.data[CONF_USERNAME]).lower():
                error = "listenbrainz_other_user"
            elif user is not None:
                return self.async_update_reload_and_abort(entry, data=data)
            errors["base"] = error
        return self.async_show_form(
            step_id="listenbrainz_reauth",
            data_schema=vol.Schema({vol.Required(CONF_TOKEN): SECRET}),
            errors=errors,
            description_placeholders={
                "username": str(entry.data[CONF_USERNAME]),
                "token_url": LISTENBRAINZ_TOKEN_URL,
            },
        )


class ListenbrainzOptionsFlow(OptionsFlow):
    """Whose listens the account's are (a person, or the household), and what it is sent."""

    async def async_step_init(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """The hub's options use ``init``: ListenBrainz's form has its own step."""
        return await self.async_step_listenbrainz(user_input)

    async def async_step_listenbrainz(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """A person (empty: the household), applied to the listens recorded from now on; the
        sources to send and now-playing updates, applied at once."""
        options = self.config_entry.options
        if user_input is not None:
            listener = user_input.get(CONF_LISTENER) or None
            merged = {**options, **user_input}
            kept = {key: value for key, value in merged.items() if key != CONF_LISTENER}
            return self.async_create_entry(
                data={**kept, CONF_LISTENER: listener} if listener else kept
            )
        field = (
            vol.Optional(CONF_LISTENER, description={"suggested_value": options[CONF_LISTENER]})
            if options.get(CONF_LISTENER)
            else vol.Optional(CONF_LISTENER)
        )
        schema = vol.Schema(
            {
                field: EntitySelector(EntitySelectorConfig(domain="person")),
                **scrobbling_fields(dict(options)),
            }
        )
        return self.async_show_form(step_id="listenbrainz", data_schema=schema)


def is_listenbrainz(entry_data: Mapping[str, Any]) -> bool:
    """Whether an entry's data is a ListenBrainz account's."""
    return entry_data.get(CONF_KIND) == KIND_LISTENBRAINZ
