"""The hub options' "Scrobbling endpoint" steps: make a token (shown once), revoke tokens.

A new token is saved only when the user leaves the step that shows it: closing that form
keeps nothing, so no token exists that nobody saw.
"""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import ConfigFlowResult, OptionsFlow
from homeassistant.helpers.network import NoURLAvailableError, get_url
from homeassistant.helpers.selector import (
    EntitySelector,
    EntitySelectorConfig,
    SelectOptionDict,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
)
import voluptuous as vol

from ..const import CONF_ENDPOINT_TOKENS
from ..flow_fields import TEXT
from .tokens import (
    TOKEN_NAME,
    endpoint_tokens,
    new_token,
    token_record,
    without_tokens,
)
from .views import API_ROOT

CONF_TOKEN_NAME = "token_name"
CONF_TOKEN_LISTENER = "token_listener"
CONF_REVOKE = "revoke"
MAX_TOKEN_NAME = 100
_PLACEHOLDER_URL = "http://homeassistant.local:8123"


class ScrobbleEndpointOptionsSteps(OptionsFlow):
    """The endpoint's steps of the hub's options menu."""

    _made_token: str | None = None
    _made_record: dict[str, Any] | None = None

    async def async_step_scrobble_endpoint(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """What the endpoint is, its URL, its tokens; make or revoke one."""
        tokens = endpoint_tokens(self.config_entry.options)
        names = ", ".join(self._label(token.name, token.listener) for token in tokens) or "—"
        return self.async_show_menu(
            step_id="scrobble_endpoint",
            menu_options=["endpoint_token_create", "endpoint_token_revoke"],
            description_placeholders={"url": self._api_url(), "tokens": names},
        )

    async def async_step_endpoint_token_create(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """A name for the client and, optionally, the person whose plays it sends."""
        errors: dict[str, str] = {}
        if user_input is not None:
            name = str(user_input.get(CONF_TOKEN_NAME, "")).strip()
            listener = user_input.get(CONF_TOKEN_LISTENER) or None
            if not name or len(name) > MAX_TOKEN_NAME or not name.isprintable():
                errors[CONF_TOKEN_NAME] = "invalid_token_name"
            else:
                self._made_token = new_token()
                self._made_record = token_record(self._made_token, name, listener)
                return await self.async_step_endpoint_token_created()
        schema = vol.Schema(
            {
                vol.Required(CONF_TOKEN_NAME): TEXT,
                vol.Optional(CONF_TOKEN_LISTENER): EntitySelector(
                    EntitySelectorConfig(domain="person")
                ),
            }
        )
        return self.async_show_form(
            step_id="endpoint_token_create", data_schema=schema, errors=errors
        )

    async def async_step_endpoint_token_created(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """The token, shown this once; saved when the user goes on."""
        token, record = self._made_token, self._made_record
        if token is None or record is None:
            return self.async_abort(reason="no_endpoint_token")
        if user_input is not None:
            options = self.config_entry.options
            saved = [*options.get(CONF_ENDPOINT_TOKENS, []), record]
            return self.async_create_entry(data={**options, CONF_ENDPOINT_TOKENS: saved})
        return self.async_show_form(
            step_id="endpoint_token_created",
            data_schema=vol.Schema({}),
            description_placeholders={
                "token": token,
                "url": self._api_url(),
                "name": str(record[TOKEN_NAME]),
            },
        )

    async def async_step_endpoint_token_revoke(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Tick the tokens to revoke: their clients are refused from the next request on."""
        options = self.config_entry.options
        tokens = endpoint_tokens(options)
        if not tokens:
            return self.async_abort(reason="no_endpoint_tokens")
        if user_input is not None:
            revoked = {str(token_id) for token_id in user_input.get(CONF_REVOKE, [])}
            return self.async_create_entry(data=without_tokens(options, revoked))
        choices = [
            SelectOptionDict(value=token.token_id, label=self._label(token.name, token.listener))
            for token in tokens
        ]
        selector = SelectSelector(
            SelectSelectorConfig(options=choices, multiple=True, mode=SelectSelectorMode.LIST)
        )
        schema = vol.Schema({vol.Optional(CONF_REVOKE, default=[]): selector})
        return self.async_show_form(step_id="endpoint_token_revoke", data_schema=schema)

    def _label(self, name: str, listener: str | None) -> str:
        """``Navidrome (Alice)``: the token's name and whose plays it sends."""
        if listener is None:
            return name
        state = self.hass.states.get(listener)
        return f"{name} ({state.name if state is not None else listener})"

    def _api_url(self) -> str:
        """The API root clients are given: Home Assistant's own address when it knows one."""
        try:
            base = get_url(self.hass, allow_ip=True, prefer_external=False)
        except NoURLAvailableError:
            base = _PLACEHOLDER_URL
        return f"{base}{API_ROOT}"
