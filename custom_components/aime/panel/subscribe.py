"""``aime/subscribe``: live updates for the panel and the cards, over their websocket.

Events (``{"kind": ...}``):

- ``play`` with the journal entry (cover and media id included) of each play a live source
  recorded (the ``aime_play_recorded`` event); with ``person``, only that person's plays;
- ``stats`` when the statistics sensors' figures were refreshed (plays added, a new hour),
  and instead of the plays when many arrive at once: a burst sends one ``stats``;
- ``playlists`` when a playlist was saved, renamed or deleted;
- ``collection`` when the record collection changed;
- ``ended``, the last event, when the hub unloads (reloaded, disabled, removed): the client
  knows its subscription is over and subscribes again once the hub is back.

The subscription ends when the client unsubscribes, the connection closes or the hub unloads.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping
from dataclasses import asdict
from functools import partial
from typing import Any, Final

from homeassistant.components.websocket_api import messages
from homeassistant.components.websocket_api.connection import ActiveConnection
from homeassistant.components.websocket_api.decorators import (
    async_response,
    websocket_command,
)
from homeassistant.config_entries import ConfigEntry
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.util import dt as dt_util
from homeassistant.util.hass_dict import HassKey
import voluptuous as vol

from ..core.store.store import Store
from ..hub.lookup import hub_runtime, hub_store_or_send_error, loaded_hub
from ..hub.recording import EVENT_PLAY_RECORDED
from ..hub.signals import SIGNAL_COLLECTION_CHANGED, SIGNAL_PLAYLISTS_CHANGED
from ..hub.store_access import StoreAccess, StoreClosedError
from ..stats.coordinator import STATS
from ..validation import PERSON
from .media import add_covers_and_media, query_with_covers

# More plays announced at once (one poll, one turn of the loop) are one "stats" event.
MAX_PLAYS_AT_ONCE: Final = 5
# The live subscriptions of each loaded hub (by entry id), ended when it unloads.
_LIVE_SUBSCRIPTIONS: HassKey[dict[str, set[Callable[[], None]]]] = HassKey(
    "aime_live_subscriptions"
)


@websocket_command({vol.Required("type"): "aime/subscribe", vol.Optional("person"): PERSON})
@async_response
async def websocket_subscribe(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Send the panel's live events until unsubscribed (see the module docstring)."""
    if (access := hub_store_or_send_error(hass, connection, msg)) is None:
        return
    hub, runtime = loaded_hub(hass), hub_runtime(hass)
    assert hub is not None  # The store access comes from the loaded hub.
    assert runtime is not None
    stats = runtime.require(STATS)
    subscription = _Subscription(hass, connection, msg["id"], access, msg.get("person"))
    unsubscribers = [
        stats.async_add_listener(subscription.stats_refreshed),
        hass.bus.async_listen(EVENT_PLAY_RECORDED, subscription.play_recorded),
        async_dispatcher_connect(hass, SIGNAL_PLAYLISTS_CHANGED, subscription.sender("playlists")),
        async_dispatcher_connect(
            hass, SIGNAL_COLLECTION_CHANGED, subscription.sender("collection")
        ),
    ]

    live = _live_subscriptions(hass, hub)

    @callback
    def unsubscribe() -> None:
        subscription.active = False
        live.discard(hub_unloaded)
        while unsubscribers:
            unsubscribers.pop()()

    @callback
    def hub_unloaded() -> None:  # The hub's listeners go: so does the subscription.
        if connection.subscriptions.pop(msg["id"], None) is not None:
            subscription.send({"kind": "ended"})
            unsubscribe()

    live.add(hub_unloaded)
    connection.subscriptions[msg["id"]] = unsubscribe
    connection.send_result(msg["id"])


@callback
def _live_subscriptions(hass: HomeAssistant, hub: ConfigEntry) -> set[Callable[[], None]]:
    """The enders of the hub's live subscriptions, all called by one unload callback of the hub.

    One callback per subscription would pile up on the hub (it cannot be removed) and keep
    every closed connection alive until the hub unloads.
    """
    by_hub = hass.data.setdefault(_LIVE_SUBSCRIPTIONS, {})
    if (live := by_hub.get(hub.entry_id)) is None:
        live = by_hub[hub.entry_id] = set()

        @callback
        def end_all() -> None:
            del by_hub[hub.entry_id]  # A reloaded hub starts a registry of its own.
            for end in list(live):
                end()

        hub.async_on_unload(end_all)
    return live


class _Subscription:
    """One client's subscription: sends its events, gathers plays announced together."""

    def __init__(
        self,
        hass: HomeAssistant,
        connection: ActiveConnection,
        msg_id: int,
        access: StoreAccess,
        person: str | None = None,
    ) -> None:
        self._hass = hass
        self._person = person  # Only this person's plays (all of them without one).
        self._connection = connection
        self._id = msg_id
        self._access = access
        self._plays: list[int] = []  # Start times of the plays announced, not yet sent.
        self.active = True

    @callback
    def send(self, event: dict[str, Any]) -> None:
        if self.active:
            self._connection.send_message(messages.event_message(self._id, event))

    def sender(self, kind: str) -> Callable[..., None]:
        """A listener sending ``{"kind": kind}``."""

        @callback
        def send(*_args: Any) -> None:
            self.send({"kind": kind})

        return send

    @callback
    def stats_refreshed(self) -> None:
        self.send({"kind": "stats"})

    @callback
    def play_recorded(self, event: Event[Mapping[str, Any]]) -> None:
        """Gather the plays of one burst: they are read once it is over (the next turn)."""
        moment = dt_util.parse_datetime(str(event.data.get("played_at")))
        if moment is None or (self._person and event.data.get("person") != self._person):
            return
        self._plays.append(int(moment.timestamp()))
        if len(self._plays) == 1:  # The first of a burst (the task starts eagerly: after it).
            self._hass.async_create_background_task(self._async_send_plays(), "AIME live plays")

    async def _async_send_plays(self) -> None:
        await asyncio.sleep(0)  # Let the rest of the burst be announced.
        times, self._plays = sorted(set(self._plays)), []
        if len(times) > MAX_PLAYS_AT_ONCE:  # An import's burst: one refresh, not a flood.
            self.send({"kind": "stats"})
            return
        try:
            entries, known = await self._access.async_run(
                query_with_covers, partial(_plays_at, times=times), self._access.store
            )
        except StoreClosedError:
            return
        for entry in add_covers_and_media(self._hass, entries, known):
            self.send({"kind": "play", "play": entry})


def _plays_at(store: Store, *, times: list[int]) -> list[dict[str, Any]]:
    return [asdict(entry) for entry in store.stats.plays_at(times)]
