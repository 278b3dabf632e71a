"""Config flow steps for a Roon Core: find it, get AIME enabled in Roon, keep it working.

``AimeConfigFlow`` (config_flow.py) inherits these steps. Pairing waits for the user to click
*Enable* in Roon > Settings > Extensions: it runs as a progress task, in the executor, and
stops when the flow is closed.
"""

from __future__ import annotations

import asyncio
from functools import partial
import threading
from typing import Any, Final

from homeassistant.config_entries import (
    SOURCE_REAUTH,
    SOURCE_RECONFIGURE,
    ConfigFlow,
    ConfigFlowResult,
    OptionsFlow,
)
from homeassistant.const import CONF_HOST, CONF_PORT, CONF_TOKEN
from homeassistant.helpers.selector import (
    NumberSelector,
    NumberSelectorConfig,
    NumberSelectorMode,
    TextSelector,
    TextSelectorConfig,
)
import voluptuous as vol

from ..clients.roon import (
    APPINFO,
    DEFAULT_PORT,
    RoonAuthorizationPending,
    RoonConnection,
    RoonConnectionError,
    RoonLibraryMismatch,
    RoonPairing,
    discover,
    pair,
)
from ..const import (
    CONF_CORE_NAME,
    CONF_KIND,
    CONF_RADIO_STATIONS,
    CONF_ZONE_LISTENERS,
    KIND_ROON,
    LOGGER,
)
from ..hub.people import PERSON_DOMAIN, listeners_option, person_selector

DISCOVERY_TIMEOUT: Final = 3.0  # SOOD replies come within a second on a LAN
AUTHORIZE_TIMEOUT: Final = 300.0  # time to find the extension in Roon's settings
TOKEN_CHECK_TIMEOUT: Final = 5.0

_ADDRESS_SCHEMA = vol.Schema(
    {
        vol.Required(CONF_HOST): TextSelector(),
        vol.Required(CONF_PORT, default=DEFAULT_PORT): NumberSelector(
            NumberSelectorConfig(min=1, max=65535, step=1, mode=NumberSelectorMode.BOX)
        ),
    }
)


def _authorize(host: str, port: int, token: str | None, cancel: threading.Event) -> RoonPairing:
    """Reach the Core with the saved token, or pair anew and wait for the user (blocking)."""
    if token:
        try:
            connection = RoonConnection.connect(host, port, token, timeout=TOKEN_CHECK_TIMEOUT)
        except RoonAuthorizationPending:
            LOGGER.debug("The Roon Core at %s:%s ignores the saved token", host, port)
        else:
            try:
                return RoonPairing(connection.token, connection.core_id, connection.core_name)
            finally:
                connection.close()
    return pair(host, port, timeout=AUTHORIZE_TIMEOUT, cancel=cancel)


class RoonConfigSteps(ConfigFlow):
    """The Roon steps: discovery, address, authorization, reauth and reconfigure."""

    _roon_found: list[tuple[str, int]] | None = None
    _roon_host: str = ""
    _roon_port: int = DEFAULT_PORT
    _roon_token: str | None = None
    _roon_task: asyncio.Task[RoonPairing] | None = None
    _roon_pairing: RoonPairing | None = None
    _roon_error: str | None = None
    _roon_address_step: str = "roon"

    async def async_step_roon(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """The Core's address: found on the LAN (SOOD) or typed in."""
        if user_input is not None:
            return await self._async_start_authorization(user_input, token=None)
        if self._roon_found is None:
            try:
                self._roon_found = await self.hass.async_add_executor_job(
                    discover, DISCOVERY_TIMEOUT
                )
            except OSError as err:  # No network to send the query on.
                LOGGER.debug("Roon discovery failed: %s", err)
                self._roon_found = []
        found = self._roon_found
        suggested = {CONF_HOST: found[0][0], CONF_PORT: found[0][1]} if found else {}
        return self._address_form("roon", suggested, found=", ".join(f"{h}:{p}" for h, p in found))

    async def async_step_roon_reauth(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """The Core no longer accepts AIME's token: enable AIME again in Roon."""
        entry = self._get_reauth_entry()
        if user_input is None:
            return self.async_show_form(
                step_id="roon_reauth",
                description_placeholders=self._placeholders(entry.data[CONF_HOST]),
            )
        self._roon_address_step = "roon_reauth"
        return await self._async_start_authorization(entry.data, token=None)

    async def async_step_roon_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """A new address for the same Core (its entities stay as they are)."""
        entry = self._get_reconfigure_entry()
        self._roon_address_step = "roon_reconfigure"
        if user_input is not None:
            return await self._async_start_authorization(user_input, token=entry.data[CONF_TOKEN])
        suggested = {
            CONF_HOST: self._roon_host or entry.data[CONF_HOST],
            CONF_PORT: self._roon_port if self._roon_host else entry.data[CONF_PORT],
        }
        return self._address_form("roon_reconfigure", suggested, found="")

    def _address_form(
        self, step_id: str, suggested: dict[str, Any], found: str
    ) -> ConfigFlowResult:
        if self._roon_host:  # Back after a failure: show what was typed.
            suggested = {CONF_HOST: self._roon_host, CONF_PORT: self._roon_port}
        error, self._roon_error = self._roon_error, None
        return self.async_show_form(
            step_id=step_id,
            data_schema=self.add_suggested_values_to_schema(_ADDRESS_SCHEMA, suggested),
            errors={"base": error} if error else None,
            description_placeholders={"found": found or "-", "port": str(DEFAULT_PORT)},
        )

    async def _async_start_authorization(
        self, address: Any, *, token: str | None
    ) -> ConfigFlowResult:
        self._roon_host = str(address[CONF_HOST]).strip()
        self._roon_port = int(address[CONF_PORT])
        self._roon_token = token
        return await self.async_step_roon_authorize()

    async def async_step_roon_authorize(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Wait (with a progress spinner) until the user enables AIME in Roon."""
        if self._roon_task is None:
            self._roon_task = self.hass.async_create_task(
                self._async_authorize(), "aime roon authorization"
            )
        task = self._roon_task
        if not task.done():
            return self.async_show_progress(
                step_id="roon_authorize",
                progress_action="roon_authorize",
                progress_task=task,
                description_placeholders=self._placeholders(self._roon_host),
            )
        self._roon_task = None
        try:
            self._roon_pairing = task.result()
        except RoonAuthorizationPending:
            return self.async_show_progress_done(next_step_id="roon_timeout")
        except RoonConnectionError:  # pair() reports any other failure as this one
            self._roon_error = "roon_cannot_connect"
        except RoonLibraryMismatch as err:  # Which versions and hooks: in the log.
            LOGGER.error("%s", err)
            self._roon_error = "roon_library_mismatch"
        else:
            return self.async_show_progress_done(next_step_id="roon_finish")
        return self.async_show_progress_done(next_step_id=self._roon_address_step)

    async def _async_authorize(self) -> RoonPairing:
        cancel = threading.Event()
        job = partial(_authorize, self._roon_host, self._roon_port, self._roon_token, cancel)
        try:
            return await self.hass.async_add_executor_job(job)
        except asyncio.CancelledError:  # The flow was closed: stop waiting for the user.
            cancel.set()
            raise

    async def async_step_roon_timeout(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Nobody enabled AIME in time: say so, and wait again when asked."""
        if user_input is not None:
            return await self.async_step_roon_authorize()
        return self.async_show_form(
            step_id="roon_timeout",
            errors={"base": "roon_authorization_timeout"},
            description_placeholders=self._placeholders(self._roon_host),
        )

    async def async_step_roon_finish(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Save the Core (unique id: its Core id) with its address and token."""
        pairing = self._roon_pairing
        assert pairing is not None
        await self.async_set_unique_id(pairing.core_id)
        data = {
            CONF_KIND: KIND_ROON,
            CONF_HOST: self._roon_host,
            CONF_PORT: self._roon_port,
            CONF_TOKEN: pairing.token,
            CONF_CORE_NAME: pairing.core_name,
        }
        if self.source in (SOURCE_REAUTH, SOURCE_RECONFIGURE):
            self._abort_if_unique_id_mismatch(reason="roon_wrong_core")
            entry = (
                self._get_reauth_entry()
                if self.source == SOURCE_REAUTH
                else self._get_reconfigure_entry()
            )
            return self.async_update_reload_and_abort(
                entry, data_updates=data, reason=f"roon_{self.source}_successful"
            )
        self._abort_if_unique_id_configured()
        return self.async_create_entry(
            title=pairing.core_name, data=data, options={CONF_RADIO_STATIONS: []}
        )

    @staticmethod
    def _placeholders(host: str) -> dict[str, str]:
        return {"extension": APPINFO["display_name"], "host": host}


class RoonOptionsFlow(OptionsFlow):
    """Live radio stations whose plays are never recorded, and who listens in each zone (read
    live, no reload)."""

    async def async_step_init(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """The hub's options use ``init``: Roon's form has its own step."""
        return await self.async_step_roon()

    async def async_step_roon(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """One list of station names; a person for each zone (empty: the household)."""
        options = self.config_entry.options
        zones = self._zone_names()
        if user_input is not None:
            typed = (name.strip() for name in user_input.get(CONF_RADIO_STATIONS, []))
            stations = list(dict.fromkeys(name for name in typed if name))
            chosen = listeners_option({zone: user_input.get(zone) for zone in zones})
            saved = {key: value for key, value in options.items() if key != CONF_ZONE_LISTENERS}
            saved[CONF_RADIO_STATIONS] = stations
            if chosen:  # None at all: every zone is the household's.
                saved[CONF_ZONE_LISTENERS] = chosen
            return self.async_create_entry(data=saved)
        fields: dict[vol.Marker, Any] = {
            vol.Optional(CONF_RADIO_STATIONS): TextSelector(TextSelectorConfig(multiple=True))
        }
        fields |= {vol.Optional(zone): person_selector() for zone in zones}
        current = {
            CONF_RADIO_STATIONS: options.get(CONF_RADIO_STATIONS, []),
            **listeners_option(options.get(CONF_ZONE_LISTENERS)),
        }
        return self.async_show_form(
            step_id="roon",
            data_schema=self.add_suggested_values_to_schema(vol.Schema(fields), current),
        )

    def _zone_names(self) -> list[str]:
        """The Core's zones now and those already given a person, by display name.

        Without any person in Home Assistant there is nobody to choose: no zone field.
        """
        if not self.hass.states.async_entity_ids(PERSON_DOMAIN):
            return []
        names = set(listeners_option(self.config_entry.options.get(CONF_ZONE_LISTENERS)))
        runtime = getattr(self.config_entry, "runtime_data", None)
        if (connection := getattr(runtime, "connection", None)) is not None:
            names.update(zone.display_name for zone in connection.zones.values())
        return sorted(names - {CONF_RADIO_STATIONS}, key=str.casefold)
