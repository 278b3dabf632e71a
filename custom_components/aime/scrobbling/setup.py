"""Which sender a Last.fm or ListenBrainz account entry gets, from its data and options."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import CONF_USERNAME
from homeassistant.core import HomeAssistant

from ..clients.lastfm import LastfmClient
from ..clients.lastfm_scrobbler import LastfmScrobbler
from ..clients.listenbrainz import ListenbrainzClient
from ..const import CONF_NOW_PLAYING_UPDATES, CONF_SCROBBLE_SOURCES, CONF_SESSION_KEY
from ..core.models import Source
from ..core.outbox.rules import Destination, OutboxRoute
from ..hub.store_access import StoreAccess
from .lastfm_delivery import LastfmDelivery
from .listenbrainz_delivery import ListenbrainzDelivery, listenbrainz_account
from .sender import OutboxSender


def lastfm_route(entry: ConfigEntry[Any]) -> OutboxRoute:
    """The sources the account opted in to (none without write access)."""
    sources: frozenset[Source] = frozenset()
    if entry.data.get(CONF_SESSION_KEY):
        sources = _chosen_sources(entry)
    return OutboxRoute(Destination.LASTFM, lastfm_account(entry), sources)


def listenbrainz_route(entry: ConfigEntry[Any]) -> OutboxRoute:
    """The sources the account opted in to (its token writes: no further access needed)."""
    account = listenbrainz_account(str(entry.data[CONF_USERNAME]))
    return OutboxRoute(Destination.LISTENBRAINZ, account, _chosen_sources(entry))


def _chosen_sources(entry: ConfigEntry[Any]) -> frozenset[Source]:
    chosen = entry.options.get(CONF_SCROBBLE_SOURCES, [])
    return frozenset(Source(value) for value in chosen if value in Source)


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


def build_listenbrainz_sender(
    hass: HomeAssistant, entry: ConfigEntry[Any], access: StoreAccess, client: ListenbrainzClient
) -> OutboxSender:
    """The account's sender; with sources chosen, it queues and sends."""
    delivery = ListenbrainzDelivery(client, str(entry.data[CONF_USERNAME]))
    now_playing = bool(entry.options.get(CONF_NOW_PLAYING_UPDATES, False))
    route = listenbrainz_route(entry)
    return OutboxSender(hass, entry, access, delivery, route, now_playing=now_playing)
