"""Which sender a Last.fm account entry gets, from its data and options."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import CONF_USERNAME
from homeassistant.core import HomeAssistant

from ..clients.lastfm import LastfmClient
from ..clients.lastfm_scrobbler import LastfmScrobbler
from ..const import CONF_NOW_PLAYING_UPDATES, CONF_SCROBBLE_SOURCES, CONF_SESSION_KEY
from ..core.models import Source
from ..core.outbox.rules import Destination, OutboxRoute
from ..hub.store_access import StoreAccess
from .lastfm_delivery import LastfmDelivery
from .sender import OutboxSender


def lastfm_route(entry: ConfigEntry[Any]) -> OutboxRoute:
    """The sources the account opted in to (none without write access)."""
    sources: frozenset[Source] = frozenset()
    if entry.data.get(CONF_SESSION_KEY):
        chosen = entry.options.get(CONF_SCROBBLE_SOURCES, [])
        sources = frozenset(Source(value) for value in chosen if value in Source)
    return OutboxRoute(Destination.LASTFM, lastfm_account(entry), sources)


def lastfm_account(entry: ConfigEntry[Any]) -> str:
    """The outbox's account key: the folded user name."""
    return str(entry.data[CONF_USERNAME]).casefold()


def build_lastfm_sender(
    hass: HomeAssistant, entry: ConfigEntry[Any], access: StoreAccess, client: LastfmClient
) -> OutboxSender:
    """The account's sender; with write access and sources chosen, it queues and sends."""
    delivery = LastfmDelivery(LastfmScrobbler(client), lastfm_account(entry))
    now_playing = bool(entry.options.get(CONF_NOW_PLAYING_UPDATES, False))
    return OutboxSender(hass, entry, access, delivery, lastfm_route(entry), now_playing=now_playing)
