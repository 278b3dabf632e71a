"""The outbox's sender for one account: when to run a pass, and now-playing updates.

A pass (``core/outbox/sending.py``) runs in the executor, one at a time: shortly after plays
were recorded, every minute for what is due again (back-off, rate limits), and once at start,
which settles the rows a crash left "sending". The route (which sources the account takes)
is set in the store while the account is loaded: plays recorded meanwhile are queued in the
same transaction as they are stored, so nothing recorded is lost to a restart.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Sequence
from datetime import timedelta
from functools import partial
import time
from typing import Any, Protocol

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.helpers.event import async_call_later, async_track_time_interval

from ..clients.lastfm_scrobbler import ScrobbleRequest
from ..const import LOGGER
from ..core.outbox.loves import LoveDelivery, send_loves
from ..core.outbox.rules import Destination, OutboxRoute, Reason
from ..core.outbox.sending import Delivery, DeliveryError, PassReport, send_pass
from ..hub.now_playing import SIGNAL_NOW_PLAYING, async_current_now_playing
from ..hub.recording import SIGNAL_PLAYS_RECORDED
from ..hub.signals import SIGNAL_LOVES_QUEUED
from ..hub.store_access import StoreAccess, StoreClosedError

PASS_INTERVAL = timedelta(minutes=1)
PASS_DELAY = 2.0  # seconds after plays were recorded: a burst is sent in one pass


class NowPlayingDelivery(Delivery, LoveDelivery, Protocol):
    """A delivery that also takes loves and can show what plays now (best effort)."""

    def now_playing(self, item: ScrobbleRequest) -> None: ...


class OutboxSender:
    """Sends one account's outbox."""

    def __init__(
        self,
        hass: HomeAssistant,
        entry: ConfigEntry[Any],
        access: StoreAccess,
        delivery: NowPlayingDelivery,
        route: OutboxRoute,
        *,
        now_playing: bool,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self._hass = hass
        self._entry = entry
        self._access = access
        self.delivery = delivery
        self.route = route
        self.now_playing = now_playing
        self.clock = clock  # Tests move it to make a back-off due.
        self._lock = asyncio.Lock()
        self._unsubscribers: list[CALLBACK_TYPE] = []
        self._soon: CALLBACK_TYPE | None = None
        self._last_playing: tuple[Any, ...] | None = None
        self.last_report: PassReport | None = None

    @callback
    def async_start(self) -> None:
        """Queue plays for the account from now on, and send: now, after plays, every minute."""
        self._access.store.outbox.set_route(self.route)
        self._unsubscribers += [
            async_dispatcher_connect(self._hass, SIGNAL_PLAYS_RECORDED, self._async_pass_soon),
            async_dispatcher_connect(self._hass, SIGNAL_LOVES_QUEUED, self._async_pass_soon),
            async_dispatcher_connect(self._hass, SIGNAL_NOW_PLAYING, self._async_playing_changed),
            async_track_time_interval(self._hass, self._async_tick, PASS_INTERVAL,
                                      name=f"{self._entry.title} outbox"),
        ]  # fmt: skip
        self._async_start_pass()

    async def async_stop(self) -> None:
        """Stop queueing and sending (the queued rows wait for the account's return)."""
        self._access.store.outbox.remove_route(self.route.destination, self.route.account)
        for unsubscribe in self._unsubscribers:
            unsubscribe()
        self._unsubscribers.clear()
        if self._soon is not None:
            self._soon()
            self._soon = None
        async with self._lock:  # Let a pass in progress finish.
            pass

    async def async_requeue(
        self, item_ids: Sequence[int] = (), reason: Reason | None = None
    ) -> int:
        """Queue failed rows again, due now: these ids, or all (of ``reason``); how many."""
        route, outbox = self.route, self._access.store.outbox
        return await self._access.async_run(
            partial(outbox.retry, int(self.clock()), item_ids=item_ids,
                    destination=route.destination, account=route.account, reason=reason)
        )  # fmt: skip

    async def async_requeue_loves(self) -> int:
        """Queue the failed loves and unloves again, due now; how many."""
        route, loves = self.route, self._access.store.loves
        return await self._access.async_run(
            loves.retry, int(self.clock()), route.destination, route.account
        )

    async def async_requeue_refused(self) -> int:
        """Queue again what failed on refused credentials (they were just accepted)."""
        return await self.async_requeue(reason=Reason.AUTH)

    async def async_send_now(self) -> PassReport | None:
        """One pass now (after the one in progress); None when the store is closing."""
        async with self._lock:
            try:
                report = await self._access.async_run(self._send_all)
            except StoreClosedError:
                return None
        self.last_report = report
        if report.error is not None:
            LOGGER.info("%s: outbox paused (%s)", self._entry.title, report.error.reason)
            # A refused ListenBrainz token: its rows wait, failed, for the new one (a Last.fm
            # session is given again through the options' write-access step instead).
            refused = report.error.reason is Reason.AUTH
            if refused and self.route.destination is Destination.LISTENBRAINZ:
                self._entry.async_start_reauth(self._hass)
        return report

    def _send_all(self) -> PassReport:
        """The plays, then the loves made in AIME (not when the service refused the plays)."""
        store = self._access.store
        report = send_pass(store.outbox, self.delivery, self.clock)
        if report.error is None:
            report.loves_sent = send_loves(store.loves, self.delivery, self.clock)
        return report

    @callback
    def _async_start_pass(self, _now: Any = None) -> None:
        self._soon = None
        self._entry.async_create_background_task(
            self._hass, self.async_send_now(), f"{self._entry.title} outbox pass"
        )

    @callback
    def _async_tick(self, _now: Any) -> None:
        if not self._lock.locked():
            self._async_start_pass()

    @callback
    def _async_pass_soon(self) -> None:
        if self._soon is None:
            self._soon = async_call_later(self._hass, PASS_DELAY, self._async_start_pass)

    @callback
    def _async_playing_changed(self) -> None:
        """Tell the account what an opted-in source started playing (best effort, no retry)."""
        playing = async_current_now_playing(self._hass)
        if not self.now_playing or playing is None or playing.source not in self.route.sources:
            return
        key = (playing.source, playing.player, playing.artist, playing.track, playing.started_at)
        if key == self._last_playing:
            return
        self._last_playing = key
        item = ScrobbleRequest(playing.artist, playing.track, playing.album, int(self.clock()))
        self._entry.async_create_background_task(
            self._hass, self._async_send_playing(item), f"{self._entry.title} now playing"
        )

    async def _async_send_playing(self, item: ScrobbleRequest) -> None:
        try:
            await self._hass.async_add_executor_job(self.delivery.now_playing, item)
        except DeliveryError as err:
            LOGGER.debug("%s: now playing not updated: %s", self._entry.title, err)
