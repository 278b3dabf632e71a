"""A Last.fm account's scrobbling options, and write access through Last.fm's web authorisation.

Choosing sources to scrobble (or now-playing updates) on an account AIME has no session key
for opens Last.fm's "allow access" page (an external step). AIME asks Last.fm, every few
seconds, whether the user approved its token (``auth.getSession`` answers error 14 until then,
as Last.fm's desktop flow allows): no callback into Home Assistant is needed, so it works
whatever address the browser reaches Home Assistant at. The session key is kept in the entry's
data, never in logs or diagnostics (``TO_REDACT``).
"""

from __future__ import annotations

import asyncio
from typing import Any

from homeassistant.config_entries import ConfigFlowResult, OptionsFlow
from homeassistant.const import CONF_API_KEY, CONF_USERNAME
from homeassistant.helpers.selector import (
    BooleanSelector,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
)
import voluptuous as vol

from ..clients.lastfm import DEFAULT_API_ROOT, LastfmClient, LastfmError, LastfmTokenError
from ..clients.lastfm_scrobbler import LastfmScrobbler, WebSession
from ..const import (
    CONF_API_ROOT,
    CONF_NOW_PLAYING_UPDATES,
    CONF_SCROBBLE_SOURCES,
    CONF_SESSION_KEY,
    CONF_SHARED_SECRET,
    LOGGER,
    SCROBBLE_SOURCE_CHOICES,
)

AUTH_POLL_INTERVAL = 3.0  # seconds between two auth.getSession questions
AUTH_TIMEOUT = 600.0  # Last.fm's tokens live an hour; ten minutes is enough to click


def scrobbling_fields(options: dict[str, Any]) -> dict[vol.Marker, Any]:
    """The form's scrobbling fields (beside the scan interval)."""
    sources = SelectSelector(
        SelectSelectorConfig(options=list(SCROBBLE_SOURCE_CHOICES), multiple=True,
                             mode=SelectSelectorMode.LIST, translation_key="scrobble_sources")
    )  # fmt: skip
    return {
        vol.Optional(CONF_SCROBBLE_SOURCES, default=list(options.get(CONF_SCROBBLE_SOURCES, []))):
            sources,
        vol.Optional(CONF_NOW_PLAYING_UPDATES,
                     default=bool(options.get(CONF_NOW_PLAYING_UPDATES, False))): BooleanSelector(),
    }  # fmt: skip


class WriteAccessSteps(OptionsFlow):
    """The external step that gets a session key for the account."""

    _pending_options: dict[str, Any]
    _auth_task: asyncio.Task[WebSession | None] | None = None
    _session: WebSession | None = None

    def needs_write_access(self, options: dict[str, Any]) -> bool:
        """Whether these options write to the account and AIME cannot yet."""
        wants = bool(options.get(CONF_SCROBBLE_SOURCES)) or bool(
            options.get(CONF_NOW_PLAYING_UPDATES)
        )
        return wants and not self.config_entry.data.get(CONF_SESSION_KEY)

    async def async_step_authorize(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Open Last.fm's page; done once the user approved AIME (or gave up)."""
        if self._auth_task is None:
            data = self.config_entry.data
            if not data.get(CONF_SHARED_SECRET):  # Last.fm checks every write's signature.
                return self.async_abort(reason="shared_secret_required")
            client = LastfmClient(data[CONF_API_KEY], data[CONF_USERNAME],
                                  shared_secret=data[CONF_SHARED_SECRET],
                                  api_root=data.get(CONF_API_ROOT) or DEFAULT_API_ROOT)  # fmt: skip
            scrobbler = LastfmScrobbler(client)
            try:
                token = await self.hass.async_add_executor_job(scrobbler.auth_token)
            except LastfmError as err:
                LOGGER.warning("%s: no authorisation token: %s", self.config_entry.title, err)
                return self.async_abort(reason="cannot_authorize")
            api_key = str(self.config_entry.data[CONF_API_KEY])
            self._auth_task = self.hass.async_create_task(
                self._async_wait_approval(scrobbler, token), eager_start=False
            )
            url = scrobbler.auth_url(api_key, token)
            return self.async_external_step(step_id="authorize", url=url)
        self._session = await self._auth_task
        return self.async_external_step_done(next_step_id="authorized")

    async def async_step_authorized(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Keep the session key, or say why there is none."""
        entry = self.config_entry
        session = self._session
        if session is None:
            return self.async_abort(reason="authorization_timeout")
        if session.username.casefold() != str(entry.data[CONF_USERNAME]).casefold():
            return self.async_abort(
                reason="wrong_account", description_placeholders={"account": session.username}
            )
        self.hass.config_entries.async_update_entry(
            entry, data={**entry.data, CONF_SESSION_KEY: session.session_key}
        )
        return self.async_create_entry(data=self._pending_options)

    async def _async_wait_approval(
        self, scrobbler: LastfmScrobbler, token: str
    ) -> WebSession | None:
        """Ask until the token is approved; then move the flow on (the page says "done")."""
        session: WebSession | None = None
        loop = asyncio.get_running_loop()
        deadline = loop.time() + AUTH_TIMEOUT
        while loop.time() < deadline:
            try:
                session = await self.hass.async_add_executor_job(scrobbler.auth_session, token)
                break
            except LastfmTokenError:
                await asyncio.sleep(AUTH_POLL_INTERVAL)
            except LastfmError as err:
                LOGGER.debug(
                    "%s: authorisation not confirmed yet: %s", self.config_entry.title, err
                )
                await asyncio.sleep(AUTH_POLL_INTERVAL)
        self.hass.async_create_task(self.hass.config_entries.options.async_configure(self.flow_id))
        return session
