"""The hub options' steps for the optional services (Discogs, Spotify, AI) and the jobs.

Each service is checked live before it is saved: Discogs names the token's account, Spotify
hands out a token, the AI endpoint lists its models (or answers a one-token completion).
A secret left blank keeps the saved one; "remove" drops every option of the service.
Typed secrets are never sent back to the browser.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from homeassistant.config_entries import ConfigFlowResult, OptionsFlow
from homeassistant.core import HomeAssistant
from homeassistant.helpers.aiohttp_client import async_get_clientsession
from homeassistant.helpers.selector import (
    EntitySelector,
    EntitySelectorConfig,
    NumberSelector,
    NumberSelectorConfig,
    NumberSelectorMode,
    SelectSelector,
    SelectSelectorConfig,
    SelectSelectorMode,
    TimeSelector,
)
import voluptuous as vol

from ..ai.backend import ai_task_available
from ..clients import llm
from ..clients.discogs import DEFAULT_BASE_URL as DISCOGS_BASE_URL, DiscogsAuthError, DiscogsError
from ..clients.llm import LlmAuthError, LlmError, LlmRequestError
from ..clients.spotify import SpotifyAuthError, SpotifyError
from ..const import (
    CONF_AI_API_KEY,
    CONF_AI_BASE_URL,
    CONF_AI_MODEL,
    CONF_AI_PRESET,
    CONF_AI_PRODUCT_ID,
    CONF_AI_TASK_ENTITY,
    CONF_DISCOGS_TOKEN,
    CONF_DISCOGS_URL,
    CONF_DISCOGS_USERNAME,
    CONF_EXPORTS_KEEP,
    CONF_SPOTIFY_CLIENT_ID,
    CONF_SPOTIFY_CLIENT_SECRET,
    CONF_SPOTIFY_URL,
    DEFAULT_EXPORTS_KEEP,
    LOGGER,
)
from ..flow_fields import (
    ADVANCED_OPTIONS,
    BOOLEAN,
    SECRET,
    TEXT,
    URL,
    advanced_input,
    advanced_options,
)
from ..hub.jobs import (
    CONF_RECAP_MONTHLY,
    CONF_RECAP_YEARLY,
    JobId,
    job_time_option,
    job_times,
)
from .service_options import build_discogs, build_spotify

CONF_REMOVE = "remove"
PRESET_EURIA = "euria"
PRESET_CUSTOM = "custom"
PRESET_AI_TASK = "ai_task"  # An AI Task entity (Home Assistant 2025.8 and later).
MAX_EXPORTS_KEEP = 100
DISCOGS_TOKEN_URL = "https://www.discogs.com/settings/developers"
SPOTIFY_DASHBOARD_URL = "https://developer.spotify.com/dashboard"
EURIA_URL = "https://manager.infomaniak.com/v3/ng/products/cloud/ai-tools"

# Options each service owns: all of them go when the service is removed.
DISCOGS_OPTIONS = (CONF_DISCOGS_TOKEN, CONF_DISCOGS_USERNAME, CONF_DISCOGS_URL)
SPOTIFY_OPTIONS = (CONF_SPOTIFY_CLIENT_ID, CONF_SPOTIFY_CLIENT_SECRET, CONF_SPOTIFY_URL)
AI_OPTIONS = (
    CONF_AI_PRESET,
    CONF_AI_PRODUCT_ID,
    CONF_AI_BASE_URL,
    CONF_AI_API_KEY,
    CONF_AI_MODEL,
    CONF_AI_TASK_ENTITY,
)


def _without(options: Mapping[str, Any], keys: tuple[str, ...]) -> dict[str, Any]:
    return {key: value for key, value in options.items() if key not in keys}


def _typed(user_input: Mapping[str, Any], key: str) -> str:
    return str(user_input.get(key) or "").strip()


async def async_validate_discogs(
    hass: HomeAssistant, options: dict[str, Any]
) -> tuple[str | None, dict[str, str]]:
    """The token's Discogs username, or the form errors."""
    try:
        client = await hass.async_add_executor_job(build_discogs, options)
        identity = await hass.async_add_executor_job(client.identity)
    except DiscogsAuthError:
        return None, {CONF_DISCOGS_TOKEN: "invalid_discogs_token"}
    except DiscogsError:
        return None, {"base": "cannot_connect_discogs"}
    except Exception:
        LOGGER.exception("Unexpected error while checking the Discogs token")
        return None, {"base": "unknown"}
    return identity.username, {}


async def async_validate_spotify(hass: HomeAssistant, options: dict[str, Any]) -> dict[str, str]:
    """The form errors (none when Spotify hands out a token for these credentials)."""
    try:
        client = await hass.async_add_executor_job(build_spotify, options)
        await hass.async_add_executor_job(client.validate)
    except SpotifyAuthError:
        return {"base": "invalid_spotify_credentials"}
    except SpotifyError:
        return {"base": "cannot_connect_spotify"}
    except Exception:
        LOGGER.exception("Unexpected error while checking the Spotify credentials")
        return {"base": "unknown"}
    return {}


async def async_validate_ai(hass: HomeAssistant, options: dict[str, Any]) -> dict[str, str]:
    """The form errors (none when the endpoint accepts the key and offers the model)."""
    client = llm.LlmClient(
        async_get_clientsession(hass),
        options[CONF_AI_BASE_URL],
        options[CONF_AI_API_KEY],
        options[CONF_AI_MODEL],
        max_attempts=1,
        breaker=llm.CircuitBreaker(),
    )
    try:
        try:
            models = await client.list_models()
        except LlmRequestError:  # No model list here: one token of a completion proves it.
            await client.complete([{"role": "user", "content": "Hi"}], max_tokens=1)
            models = []
        if models and options[CONF_AI_MODEL] not in models:
            return {CONF_AI_MODEL: "unknown_model"}
    except LlmAuthError:
        return {CONF_AI_API_KEY: "invalid_ai_key"}
    except LlmRequestError:
        return {CONF_AI_MODEL: "ai_request_refused"}
    except LlmError:
        return {"base": "cannot_connect_ai"}
    except Exception:
        LOGGER.exception("Unexpected error while checking the AI endpoint")
        return {"base": "unknown"}
    return {}


class EnrichmentOptionsSteps(OptionsFlow):
    """The hub options' Discogs, Spotify, AI and jobs steps (each saves and closes)."""

    def _save(self, options: dict[str, Any]) -> ConfigFlowResult:
        return self.async_create_entry(data=options)

    def _remove_field(self, configured: bool) -> dict[vol.Marker, Any]:
        return {vol.Optional(CONF_REMOVE, default=False): BOOLEAN} if configured else {}

    async def async_step_discogs(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """The personal access token (Discogs → Settings → Developers)."""
        current = dict(self.config_entry.options)
        is_set = bool(current.get(CONF_DISCOGS_TOKEN))
        errors: dict[str, str] = {}
        if user_input is not None:
            options = _without(current, DISCOGS_OPTIONS)
            if user_input.get(CONF_REMOVE):
                return self._save(options)
            token = _typed(user_input, CONF_DISCOGS_TOKEN) or current.get(CONF_DISCOGS_TOKEN, "")
            typed_url = _typed(advanced_input(user_input), CONF_DISCOGS_URL)
            url = typed_url or current.get(CONF_DISCOGS_URL)
            if token:
                options[CONF_DISCOGS_TOKEN] = token
                if url and url.rstrip("/") != DISCOGS_BASE_URL:
                    options[CONF_DISCOGS_URL] = url.rstrip("/")
                username, errors = await async_validate_discogs(self.hass, options)
                if username is not None:
                    return self._save({**options, CONF_DISCOGS_USERNAME: username})
            else:
                errors = {CONF_DISCOGS_TOKEN: "token_required"}
        fields: dict[vol.Marker, Any] = {
            (vol.Optional if is_set else vol.Required)(CONF_DISCOGS_TOKEN): SECRET,
            **advanced_options({vol.Optional(CONF_DISCOGS_URL): URL}),
        }
        fields |= self._remove_field(is_set)
        server = {CONF_DISCOGS_URL: current.get(CONF_DISCOGS_URL, DISCOGS_BASE_URL)}
        suggested = {ADVANCED_OPTIONS: server}
        return self.async_show_form(
            step_id="discogs",
            data_schema=self.add_suggested_values_to_schema(vol.Schema(fields), suggested),
            errors=errors,
            description_placeholders={
                "token_url": DISCOGS_TOKEN_URL,
                "account": current.get(CONF_DISCOGS_USERNAME) or "—",
            },
        )

    async def async_step_spotify(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """An app's client id and secret (client credentials: no Spotify account is read)."""
        current = dict(self.config_entry.options)
        is_set = bool(current.get(CONF_SPOTIFY_CLIENT_SECRET))
        errors: dict[str, str] = {}
        if user_input is not None:
            options = _without(current, SPOTIFY_OPTIONS)
            if user_input.get(CONF_REMOVE):
                return self._save(options)
            secret = _typed(user_input, CONF_SPOTIFY_CLIENT_SECRET)
            options[CONF_SPOTIFY_CLIENT_ID] = _typed(user_input, CONF_SPOTIFY_CLIENT_ID)
            options[CONF_SPOTIFY_CLIENT_SECRET] = secret or current.get(
                CONF_SPOTIFY_CLIENT_SECRET, ""
            )
            typed_url = _typed(advanced_input(user_input), CONF_SPOTIFY_URL)
            if url := typed_url or current.get(CONF_SPOTIFY_URL):
                options[CONF_SPOTIFY_URL] = url.rstrip("/")
            if not options[CONF_SPOTIFY_CLIENT_SECRET]:
                errors = {CONF_SPOTIFY_CLIENT_SECRET: "secret_required"}
            elif not (errors := await async_validate_spotify(self.hass, options)):
                return self._save(options)
        fields: dict[vol.Marker, Any] = {
            vol.Required(CONF_SPOTIFY_CLIENT_ID): TEXT,
            (vol.Optional if is_set else vol.Required)(CONF_SPOTIFY_CLIENT_SECRET): SECRET,
            **advanced_options({vol.Optional(CONF_SPOTIFY_URL): URL}),
        }
        fields |= self._remove_field(is_set)
        shown_url = advanced_input(user_input or {}).get(CONF_SPOTIFY_URL)
        suggested = {
            CONF_SPOTIFY_CLIENT_ID: (user_input or current).get(CONF_SPOTIFY_CLIENT_ID),
            ADVANCED_OPTIONS: {CONF_SPOTIFY_URL: shown_url or current.get(CONF_SPOTIFY_URL)},
        }
        return self.async_show_form(
            step_id="spotify",
            data_schema=self.add_suggested_values_to_schema(vol.Schema(fields), suggested),
            errors=errors,
            description_placeholders={"dashboard_url": SPOTIFY_DASHBOARD_URL},
        )

    async def async_step_ai(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """An OpenAI-compatible endpoint: Infomaniak EurIA (product id) or any base URL."""
        current = dict(self.config_entry.options)
        is_set = bool(current.get(CONF_AI_API_KEY) or current.get(CONF_AI_TASK_ENTITY))
        with_ai_task = ai_task_available()
        errors: dict[str, str] = {}
        if user_input is not None:
            options = _without(current, AI_OPTIONS)
            if user_input.get(CONF_REMOVE):
                return self._save(options)
            if user_input[CONF_AI_PRESET] == PRESET_AI_TASK:
                if entity_id := _typed(user_input, CONF_AI_TASK_ENTITY):
                    return self._save(
                        {**options, CONF_AI_PRESET: PRESET_AI_TASK, CONF_AI_TASK_ENTITY: entity_id}
                    )
                errors = {CONF_AI_TASK_ENTITY: "entity_required"}
            else:
                options, errors = self._ai_options(options, current, user_input)
                if not errors:
                    errors = await async_validate_ai(self.hass, options)
                if not errors:
                    return self._save(options)
        presets = [PRESET_EURIA, PRESET_CUSTOM] + ([PRESET_AI_TASK] if with_ai_task else [])
        fields: dict[vol.Marker, Any] = {
            vol.Required(CONF_AI_PRESET, default=PRESET_EURIA): SelectSelector(
                SelectSelectorConfig(
                    options=presets, mode=SelectSelectorMode.LIST, translation_key=CONF_AI_PRESET
                )
            ),
            vol.Optional(CONF_AI_PRODUCT_ID): TEXT,
            vol.Optional(CONF_AI_BASE_URL): URL,
            vol.Optional(CONF_AI_API_KEY): SECRET,
            vol.Optional(CONF_AI_MODEL): TEXT,
        }
        if with_ai_task:
            fields[vol.Optional(CONF_AI_TASK_ENTITY)] = EntitySelector(
                EntitySelectorConfig(domain="ai_task")
            )
        fields |= self._remove_field(is_set)
        source = user_input or current
        suggested = {
            CONF_AI_PRESET: source.get(CONF_AI_PRESET, PRESET_EURIA),
            CONF_AI_PRODUCT_ID: source.get(CONF_AI_PRODUCT_ID),
            CONF_AI_BASE_URL: source.get(CONF_AI_BASE_URL),
            CONF_AI_MODEL: source.get(CONF_AI_MODEL, llm.EURIA_DEFAULT_MODEL),
            CONF_AI_TASK_ENTITY: source.get(CONF_AI_TASK_ENTITY),
        }
        return self.async_show_form(
            step_id="ai",
            data_schema=self.add_suggested_values_to_schema(vol.Schema(fields), suggested),
            errors=errors,
            description_placeholders={"euria_url": EURIA_URL},
        )

    @staticmethod
    def _ai_options(
        options: dict[str, Any], current: Mapping[str, Any], user_input: Mapping[str, Any]
    ) -> tuple[dict[str, Any], dict[str, str]]:
        """The AI options typed in, with the preset's base URL; or the form errors."""
        preset = user_input[CONF_AI_PRESET]
        options[CONF_AI_PRESET] = preset
        if preset == PRESET_EURIA:
            product_id = _typed(user_input, CONF_AI_PRODUCT_ID)
            try:
                options[CONF_AI_BASE_URL] = llm.euria_base_url(product_id)
            except ValueError:
                return options, {CONF_AI_PRODUCT_ID: "invalid_product_id"}
            options[CONF_AI_PRODUCT_ID] = product_id
        elif base_url := _typed(user_input, CONF_AI_BASE_URL):
            options[CONF_AI_BASE_URL] = base_url.rstrip("/")
        else:
            return options, {CONF_AI_BASE_URL: "base_url_required"}
        key = _typed(user_input, CONF_AI_API_KEY) or current.get(CONF_AI_API_KEY, "")
        if not key:
            return options, {CONF_AI_API_KEY: "api_key_required"}
        options[CONF_AI_API_KEY] = key
        if not (model := _typed(user_input, CONF_AI_MODEL)):
            return options, {CONF_AI_MODEL: "model_required"}
        options[CONF_AI_MODEL] = model
        return options, {}

    async def async_step_jobs(self, user_input: dict[str, Any] | None = None) -> ConfigFlowResult:
        """When each daily job runs, how many exports are kept, which recaps are made."""
        current = dict(self.config_entry.options)
        if user_input is not None:
            options = {**current, CONF_EXPORTS_KEEP: int(user_input[CONF_EXPORTS_KEEP])}
            for recap in (CONF_RECAP_MONTHLY, CONF_RECAP_YEARLY):
                options[recap] = bool(user_input.get(recap, False))
            for job_id in JobId:
                options[job_time_option(job_id)] = user_input[job_time_option(job_id)]
            return self._save(options)
        times = job_times(current)
        fields: dict[vol.Marker, Any] = {
            vol.Required(job_time_option(job_id), default=times[job_id].isoformat()): TimeSelector()
            for job_id in JobId
        }
        fields[
            vol.Required(
                CONF_EXPORTS_KEEP, default=current.get(CONF_EXPORTS_KEEP, DEFAULT_EXPORTS_KEEP)
            )
        ] = NumberSelector(
            NumberSelectorConfig(min=1, max=MAX_EXPORTS_KEEP, step=1, mode=NumberSelectorMode.BOX)
        )
        for recap in (CONF_RECAP_MONTHLY, CONF_RECAP_YEARLY):
            fields[vol.Required(recap, default=bool(current.get(recap, False)))] = BOOLEAN
        return self.async_show_form(step_id="jobs", data_schema=vol.Schema(fields))
