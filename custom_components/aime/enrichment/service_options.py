"""The hub's optional services: which options set each one up, their clients and repairs.

A key refused at run time raises a repair issue pointing at the hub's options; the issue goes
away when the service works again or is changed (``enrichment/runtime.py``).
"""

from __future__ import annotations

from collections.abc import Mapping
from enum import StrEnum
from typing import Any

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir

from ..clients.discogs import DEFAULT_BASE_URL as DISCOGS_BASE_URL, DiscogsClient
from ..clients.spotify import SpotifyClient
from ..const import (
    CONF_AI_API_KEY,
    CONF_AI_BASE_URL,
    CONF_AI_MODEL,
    CONF_AI_TASK_ENTITY,
    CONF_DISCOGS_TOKEN,
    CONF_DISCOGS_URL,
    CONF_SPOTIFY_CLIENT_ID,
    CONF_SPOTIFY_CLIENT_SECRET,
    CONF_SPOTIFY_URL,
    DOMAIN,
)
from ..hub.jobs import ServiceNotConfiguredError


class Service(StrEnum):
    """An optional service configured in the hub's options."""

    DISCOGS = "discogs"
    SPOTIFY = "spotify"
    AI = "ai"


SERVICE_OPTIONS: dict[Service, tuple[str, ...]] = {
    Service.DISCOGS: (CONF_DISCOGS_TOKEN, CONF_DISCOGS_URL),
    Service.SPOTIFY: (CONF_SPOTIFY_CLIENT_ID, CONF_SPOTIFY_CLIENT_SECRET, CONF_SPOTIFY_URL),
    Service.AI: (CONF_AI_BASE_URL, CONF_AI_API_KEY, CONF_AI_MODEL, CONF_AI_TASK_ENTITY),
}


def build_discogs(options: Mapping[str, Any]) -> DiscogsClient:
    """The Discogs client for (flow or entry) options; blocking: call it in the executor."""
    return DiscogsClient(
        options[CONF_DISCOGS_TOKEN], base_url=options.get(CONF_DISCOGS_URL) or DISCOGS_BASE_URL
    )


def build_spotify(options: Mapping[str, Any]) -> SpotifyClient:
    """The Spotify client for options; blocking (a requests session): call it in the executor."""
    client_id, secret = options[CONF_SPOTIFY_CLIENT_ID], options[CONF_SPOTIFY_CLIENT_SECRET]
    if server := str(options.get(CONF_SPOTIFY_URL) or "").rstrip("/"):
        return SpotifyClient(
            client_id, secret, api_root=f"{server}/v1/", token_url=f"{server}/api/token"
        )
    return SpotifyClient(client_id, secret)


# What must be set for a service to count as configured (server URLs are optional).
REQUIRED_OPTIONS: dict[Service, tuple[str, ...]] = {
    Service.DISCOGS: (CONF_DISCOGS_TOKEN,),
    Service.SPOTIFY: (CONF_SPOTIFY_CLIENT_ID, CONF_SPOTIFY_CLIENT_SECRET),
    Service.AI: (CONF_AI_BASE_URL, CONF_AI_API_KEY, CONF_AI_MODEL),
}


def configured(options: Mapping[str, Any], service: Service) -> bool:
    """Whether the options hold the service's credentials (or name an AI Task entity)."""
    if service is Service.AI and options.get(CONF_AI_TASK_ENTITY):
        return True
    return all(options.get(key) for key in REQUIRED_OPTIONS[service])


def auth_issue_id(service: Service) -> str:
    """The repair issue raised when the service refuses its credentials."""
    return f"{service.value}_auth_failed"


@callback
def async_report_auth_failure(hass: HomeAssistant, service: Service) -> None:
    """Raise the repair issue telling to enter new credentials in the hub's options."""
    ir.async_create_issue(
        hass,
        DOMAIN,
        auth_issue_id(service),
        is_fixable=False,
        severity=ir.IssueSeverity.ERROR,
        translation_key=auth_issue_id(service),
    )


def not_configured(service: Service) -> ServiceNotConfiguredError:
    """The translated error for an action needing a service that is not set up."""
    return ServiceNotConfiguredError(f"{service.value}_not_configured")
