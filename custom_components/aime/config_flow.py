"""Config flow for AIME: the hub, then one entry per source account."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from homeassistant.config_entries import ConfigEntry, ConfigFlowResult, OptionsFlow
from homeassistant.const import CONF_API_KEY, CONF_SCAN_INTERVAL, CONF_USERNAME
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.selector import NumberSelector, NumberSelectorConfig, NumberSelectorMode
import voluptuous as vol

from .clients.lastfm import (
    DEFAULT_API_ROOT,
    LastfmAuthError,
    LastfmError,
    LastfmUser,
    LastfmUserNotFoundError,
)
from .const import (
    CONF_API_ROOT,
    CONF_DEDUP_WINDOW,
    CONF_KIND,
    CONF_SHARED_SECRET,
    DEFAULT_DEDUP_WINDOW_MINUTES,
    DEFAULT_SCAN_INTERVAL_SECONDS,
    DOMAIN,
    KIND_HUB,
    KIND_LASTFM,
    KIND_ROON,
    LASTFM_UNIQUE_ID_PREFIX,
    LOGGER,
    MAX_DEDUP_WINDOW_MINUTES,
    STORE_FILENAME,
    STORE_FOLDER,
)
from .enrichment.options_flow import EnrichmentOptionsSteps
from .flow_fields import ADVANCED_OPTIONS, SECRET, TEXT, URL, advanced_input, advanced_options
from .lastfm.coordinator import build_client
from .lastfm.options_flow import LastfmOptionsFlow
from .players.options_flow import PlayersOptionsSteps
from .roon.config_flow import RoonConfigSteps, RoonOptionsFlow

HUB_TITLE = "AIME"
LASTFM_API_ACCOUNT_URL = "https://www.last.fm/api/account/create"


def _lastfm_unique_id(username: str) -> str:
    return f"{LASTFM_UNIQUE_ID_PREFIX}{username.casefold()}"


def _fetch_user(data: dict[str, Any]) -> LastfmUser:
    """Ask Last.fm for the account: proves the key and the username (blocking)."""
    return build_client(data).get_user()


async def _async_validate(
    hass: HomeAssistant, data: dict[str, Any]
) -> tuple[LastfmUser | None, dict[str, str]]:
    """The account as Last.fm names it, or the form errors."""
    try:
        return await hass.async_add_executor_job(_fetch_user, data), {}
    except LastfmAuthError:
        return None, {CONF_API_KEY: "invalid_api_key"}
    except LastfmUserNotFoundError:
        return None, {CONF_USERNAME: "unknown_user"}
    except LastfmError:
        return None, {"base": "cannot_connect"}
    except Exception:
        LOGGER.exception("Unexpected error while checking the Last.fm account")
        return None, {"base": "unknown"}


def _replace_credentials(data: Mapping[str, Any], user_input: Mapping[str, Any]) -> dict[str, Any]:
    """The entry data with the credentials typed in; a blank field keeps the current one."""
    updated = dict(data)
    for key in (CONF_API_KEY, CONF_SHARED_SECRET):
        if value := str(user_input.get(key, "")).strip():
            updated[key] = value
    return updated


class AimeConfigFlow(RoonConfigSteps, domain=DOMAIN):
    """Set up the AIME hub, then add Last.fm accounts and Roon Cores."""

    VERSION = 1
    MINOR_VERSION = 1

    @staticmethod
    @callback
    def async_get_options_flow(config_entry: ConfigEntry) -> OptionsFlow:
        """The hub's options, or a Last.fm account's, or a Roon Core's."""
        kind = config_entry.data.get(CONF_KIND, KIND_HUB)
        if kind == KIND_LASTFM:
            return LastfmOptionsFlow()
        if kind == KIND_ROON:
            return RoonOptionsFlow()
        return AimeOptionsFlow()

    async def async_step_user(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """Create the hub first; once it exists, choose the source to add."""
        placeholders = {"path": self.hass.config.path(STORE_FOLDER, STORE_FILENAME)}
        hub_exists = any(
            entry.data.get(CONF_KIND, KIND_HUB) == KIND_HUB
            for entry in self._async_current_entries(include_ignore=False)
        )
        if user_input is None and hub_exists:
            return self.async_show_menu(
                step_id="user",
                menu_options=[KIND_LASTFM, KIND_ROON],
                description_placeholders=placeholders,
            )
        # The hub owns the listening store: there is exactly one.
        await self.async_set_unique_id(DOMAIN)
        self._abort_if_unique_id_configured()

        if user_input is not None:
            return self.async_create_entry(title=HUB_TITLE, data={})

        return self.async_show_form(step_id="user", description_placeholders=placeholders)

    async def async_step_lastfm(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """A Last.fm account: username and API key, checked with Last.fm before saving."""
        errors: dict[str, str] = {}
        if user_input is not None:
            data: dict[str, Any] = {
                CONF_KIND: KIND_LASTFM,
                CONF_USERNAME: user_input[CONF_USERNAME].strip(),
                CONF_API_KEY: user_input[CONF_API_KEY].strip(),
            }
            if secret := user_input.get(CONF_SHARED_SECRET, "").strip():
                data[CONF_SHARED_SECRET] = secret
            api_root = str(advanced_input(user_input).get(CONF_API_ROOT) or "").strip()
            if api_root and api_root != DEFAULT_API_ROOT:
                data[CONF_API_ROOT] = api_root
            user, errors = await _async_validate(self.hass, data)
            if user is not None:
                await self.async_set_unique_id(_lastfm_unique_id(user.name))
                self._abort_if_unique_id_configured()
                return self.async_create_entry(
                    title=f"Last.fm {user.name}",
                    data={**data, CONF_USERNAME: user.name},
                    options={CONF_SCAN_INTERVAL: DEFAULT_SCAN_INTERVAL_SECONDS},
                )

        fields: dict[vol.Marker, Any] = {
            vol.Required(CONF_USERNAME): TEXT,
            vol.Required(CONF_API_KEY): SECRET,
            vol.Optional(CONF_SHARED_SECRET): SECRET,
            **advanced_options({vol.Optional(CONF_API_ROOT): URL}),
        }
        # Typed secrets are never sent back to the browser: only the username and server.
        typed = user_input or {}
        api_root = advanced_input(typed).get(CONF_API_ROOT) or DEFAULT_API_ROOT
        suggested: dict[str, Any] = {ADVANCED_OPTIONS: {CONF_API_ROOT: api_root}}
        if CONF_USERNAME in typed:
            suggested[CONF_USERNAME] = typed[CONF_USERNAME]
        return self.async_show_form(
            step_id="lastfm",
            data_schema=self.add_suggested_values_to_schema(vol.Schema(fields), suggested),
            errors=errors,
            description_placeholders={"api_account_url": LASTFM_API_ACCOUNT_URL},
        )

    async def async_step_reauth(self, entry_data: Mapping[str, Any]) -> ConfigFlowResult:
        """Last.fm refused the API key, or a Roon Core no longer accepts AIME."""
        if entry_data.get(CONF_KIND) == KIND_ROON:
            return await self.async_step_roon_reauth()
        return await self.async_step_reauth_confirm()

    async def async_step_reauth_confirm(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for a new API key (and shared secret), check it, reload the entry."""
        entry = self._get_reauth_entry()
        errors: dict[str, str] = {}
        if user_input is not None:
            data = dict(entry.data)
            data[CONF_API_KEY] = user_input[CONF_API_KEY].strip()
            # A shared secret belongs to its key: a new key without one drops the old one.
            data.pop(CONF_SHARED_SECRET, None)
            if secret := user_input.get(CONF_SHARED_SECRET, "").strip():
                data[CONF_SHARED_SECRET] = secret
            user, errors = await _async_validate(self.hass, data)
            if user is not None:
                return self.async_update_reload_and_abort(entry, data=data)
        return self.async_show_form(
            step_id="reauth_confirm",
            data_schema=vol.Schema(
                {
                    vol.Required(CONF_API_KEY): SECRET,
                    vol.Optional(CONF_SHARED_SECRET): SECRET,
                }
            ),
            errors=errors,
            description_placeholders={
                "username": entry.data[CONF_USERNAME],
                "api_account_url": LASTFM_API_ACCOUNT_URL,
            },
        )

    async def async_step_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """A Roon Core's address, the hub's recording setting, or a Last.fm entry's account
        and credentials (a blank credential keeps the current one)."""
        entry = self._get_reconfigure_entry()
        if entry.data.get(CONF_KIND) == KIND_ROON:
            return await self.async_step_roon_reconfigure()
        if entry.data.get(CONF_KIND, KIND_HUB) == KIND_HUB:
            return await self.async_step_hub_reconfigure()
        errors: dict[str, str] = {}
        if user_input is not None:
            data = _replace_credentials(entry.data, user_input)
            data[CONF_USERNAME] = user_input[CONF_USERNAME].strip()
            user, errors = await _async_validate(self.hass, data)
            if user is not None:
                unique_id = _lastfm_unique_id(user.name)
                if unique_id != entry.unique_id:
                    await self.async_set_unique_id(unique_id)
                    self._abort_if_unique_id_configured()
                return self.async_update_reload_and_abort(
                    entry,
                    unique_id=unique_id,
                    title=f"Last.fm {user.name}",
                    data={**data, CONF_USERNAME: user.name},
                )
        schema = vol.Schema(
            {
                vol.Required(CONF_USERNAME): TEXT,
                vol.Optional(CONF_API_KEY): SECRET,
                vol.Optional(CONF_SHARED_SECRET): SECRET,
            }
        )
        username = (user_input or entry.data)[CONF_USERNAME]
        return self.async_show_form(
            step_id="reconfigure",
            data_schema=self.add_suggested_values_to_schema(schema, {CONF_USERNAME: username}),
            errors=errors,
        )

    async def async_step_hub_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """The hub's recording setting: the de-duplication window (applied without a reload)."""
        entry = self._get_reconfigure_entry()
        if user_input is not None:
            self.hass.config_entries.async_update_entry(
                entry,
                options={**entry.options, CONF_DEDUP_WINDOW: int(user_input[CONF_DEDUP_WINDOW])},
            )
            return self.async_abort(reason="hub_reconfigure_successful")
        return self.async_show_form(
            step_id="hub_reconfigure",
            data_schema=_dedup_window_schema(entry.options),
            description_placeholders={"path": self.hass.config.path(STORE_FOLDER, STORE_FILENAME)},
        )


def _dedup_window_schema(options: Mapping[str, Any]) -> vol.Schema:
    """One field: the cross-source de-duplication window, in minutes."""
    current = options.get(CONF_DEDUP_WINDOW, DEFAULT_DEDUP_WINDOW_MINUTES)
    return vol.Schema(
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


class AimeOptionsFlow(EnrichmentOptionsSteps, PlayersOptionsSteps):
    """The hub's options: how plays are recorded, the optional services, the daily jobs."""

    async def async_step_init(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """A menu: each entry is one form that saves its part of the options."""
        return self.async_show_menu(
            step_id="init", menu_options=["general", "players", "discogs", "spotify", "ai", "jobs"]
        )

    async def async_step_general(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """The cross-source de-duplication window."""
        if user_input is not None:
            return self.async_create_entry(
                data={
                    **self.config_entry.options,
                    CONF_DEDUP_WINDOW: int(user_input[CONF_DEDUP_WINDOW]),
                }
            )
        return self.async_show_form(
            step_id="general", data_schema=_dedup_window_schema(self.config_entry.options)
        )
