"""The listening history in Home Assistant's long-term statistics, hour by hour, from its start.

Two external statistics, ``aime:plays`` and ``aime:listening_time`` (hours), with an hourly
``state`` and a running ``sum``, so a **Statistics graph** card shows plays per day, week or
month for the whole history, imported plays included. External statistics, not the sensors'
own: the recorder compiles each sensor every hour, and imported sums would clash with its.

The recorder is the watermark between restarts: at set-up, when its last hour's running totals
differ from the store's, everything is sent again, else only the hours since. While the hub
runs, the newest play id sent is the watermark: a sync re-sends the hours from the earliest
play added since (an imported past play changes every later running total) and the last
``RECENT_HOURS`` (Roon tells how long a play was heard after recording it). Sending an hour
again overwrites it, so syncs are idempotent. During a bulk import (``async_bulk_import``)
syncs keep to the recent hours; the imported hours are sent once when it ends.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Coroutine
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from functools import partial
import time
from typing import TYPE_CHECKING, Any, cast

from homeassistant.components.recorder.models import (
    StatisticData,
    StatisticMeanType,
    StatisticMetaData,
)
from homeassistant.components.recorder.statistics import (
    async_add_external_statistics,
    get_last_statistics,
)
from homeassistant.const import EVENT_CORE_CONFIG_UPDATE, UnitOfTime
from homeassistant.core import Event, HomeAssistant, callback
from homeassistant.helpers.debounce import Debouncer
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.helpers.event import async_track_time_change
from homeassistant.helpers.recorder import get_instance
from homeassistant.util import dt as dt_util
from homeassistant.util.hass_dict import HassKey

from ..const import DOMAIN, LOGGER
from ..core.stats.hourly import HOUR, HourlyRead, HourTotals
from ..hub.recording import SIGNAL_PLAYS_RECORDED
from ..hub.runtime import HubRuntime
from ..hub.store_access import StoreAccess, StoreClosedError
from ..texts import strings_of

if TYPE_CHECKING:
    from .. import AimeConfigEntry

STATISTIC_PLAYS = f"{DOMAIN}:plays"
STATISTIC_LISTENING_TIME = f"{DOMAIN}:listening_time"
# Plays arrive in bursts (a Last.fm poll, a Roon zone): one sync per burst.
SYNC_COOLDOWN_SECONDS = 30.0
RECENT_HOURS = 24
# Hours per recorder job: one job per chunk keeps each recorder transaction short, and the
# time the recorder's thread holds the interpreter lock with it (~50 ms for 250 hours).
CHUNK_HOURS = 250
# After each chunk, the recorder writes it before the next is sent: a backfill of years never
# queues more than one chunk. Then the backfill rests as long as the recorder worked (at
# least ``CHUNK_PAUSE_SECONDS``): other work (states, the panel's queries) runs in between.
CHUNK_PAUSE_SECONDS = 0.02
CHUNK_REST_RATIO = 1.0
# Sums are compared in hours: a second's rounding is not a difference.
_HOURS_TOLERANCE = 0.001
_KEY: HassKey[LongTermStatistics] = HassKey(f"{DOMAIN}_long_term_statistics")


@dataclass(slots=True)
class _Watermark:
    play_id: int  # Every play up to this id is in the recorder.
    unknown_length: int  # The seconds plays of unknown length were sent with.


class LongTermStatistics:
    """Keeps ``aime:plays`` and ``aime:listening_time`` equal to the store's history."""

    def __init__(self, hass: HomeAssistant, entry: AimeConfigEntry, access: StoreAccess) -> None:
        """Sync through ``access``: unloading the hub waits for a read in progress."""
        self.hass = hass
        self._entry = entry
        self._access = access
        self._watermark: _Watermark | None = None
        self._time_zone = hass.config.time_zone
        self._bulk_imports = 0
        self._lock = asyncio.Lock()
        # A background task: a sync waits for the recorder between chunks, and the recorder
        # starts only once Home Assistant has; a sync asked for during start-up (the first
        # plays polled) held Home Assistant in "starting" for its whole five-minute timeout.
        self._debouncer = Debouncer(
            hass,
            LOGGER,
            cooldown=SYNC_COOLDOWN_SECONDS,
            immediate=True,
            function=self._async_sync_changes,
            background=True,
        )

    @callback
    def async_start(self, hub: HubRuntime) -> None:
        """Catch the recorder up with the store, then follow plays, the clock and the zone."""
        self.hass.data[_KEY] = self
        hub.async_on_stop(self._async_forget)
        hub.async_on_stop(
            async_dispatcher_connect(self.hass, SIGNAL_PLAYS_RECORDED, self.async_request_sync)
        )
        # Lengths Roon reports late land in past hours: the recent hours are sent again.
        hub.async_on_stop(async_track_time_change(self.hass, self._async_tick, minute=5, second=0))
        hub.async_on_stop(
            self.hass.bus.async_listen(EVENT_CORE_CONFIG_UPDATE, self._async_config_updated)
        )
        self._entry.async_create_background_task(
            self.hass, self._async_guarded(self.async_catch_up()), "AIME long-term statistics"
        )

    @callback
    def _async_forget(self) -> None:
        self._debouncer.async_shutdown()
        if self.hass.data.get(_KEY) is self:
            del self.hass.data[_KEY]

    @callback
    def async_request_sync(self) -> None:
        """Send the hours that changed, at most once per ``SYNC_COOLDOWN_SECONDS``."""
        self._debouncer.async_schedule_call()

    @callback
    def async_sync_now(self) -> None:
        """Send the hours that changed now, without waiting for the cooldown."""
        self._entry.async_create_background_task(
            self.hass, self._async_guarded(self.async_sync()), "AIME long-term statistics"
        )

    @callback
    def _async_tick(self, _now: datetime) -> None:
        self.async_request_sync()

    @callback
    def _async_config_updated(self, _event: Event[Any]) -> None:
        if self.hass.config.time_zone == self._time_zone:
            return
        self._time_zone = self.hass.config.time_zone
        self._entry.async_create_background_task(
            self.hass,
            self._async_guarded(self.async_sync(everything=True)),
            "AIME long-term statistics: new time zone",
        )

    async def async_catch_up(self) -> None:
        """Send what the recorder lacks: everything when its totals differ from the store's."""
        last = await self._async_recorded_last()
        if last is None:
            await self.async_sync(everything=True)
            return
        start, plays_sum, hours_sum = last
        plays, seconds = await self._access.async_run(
            self._access.store.hourly.totals_before, start + HOUR
        )
        same = plays == plays_sum and abs(seconds / HOUR - hours_sum) < _HOURS_TOLERANCE
        await self.async_sync(everything=not same, since=start)

    async def _async_sync_changes(self) -> None:
        await self._async_guarded(self.async_sync())

    async def async_sync(self, *, everything: bool = False, since: int | None = None) -> None:
        """Send the hours from ``since`` (default: the recent ones) and those new plays changed.

        ``everything`` sends every hour, from the first play on.
        """
        async with self._lock:
            watermark = self._watermark
            if watermark is None and since is None:
                everything = True
            if since is None:
                since = int(dt_util.utcnow().timestamp()) - RECENT_HOURS * HOUR
            after = None if watermark is None or self._bulk_imports else watermark.play_id
            hourly = self._access.store.hourly
            read = await self._access.async_run(
                partial(hourly.hours, 0 if everything else since, after_play_id=after)
            )
            moved = watermark is not None and read.unknown_length != watermark.unknown_length
            if moved and not self._bulk_imports:
                # Plays of unknown length count differently now: every running total moves.
                # Not during a bulk import: each of its pages moves the mean a little, and years
                # of hours would be sent again every time; its end sends them once.
                read = await self._access.async_run(partial(hourly.hours, 0))
            await self._async_send(read)
            # A read without the watermark may miss plays a running bulk import added before
            # ``since``: the watermark then stays, and that import's end sends them.
            first_catch_up = watermark is None and not self._bulk_imports
            if after is not None or first_catch_up or read.first_hour == 0:
                self._watermark = _Watermark(read.newest_play_id, read.unknown_length)

    async def _async_send(self, read: HourlyRead) -> None:
        if not read.hours:
            return
        names = strings_of(self.hass, "long_term_statistic")
        plays_meta = _metadata(STATISTIC_PLAYS, names["plays"], None)
        time_meta = _metadata(STATISTIC_LISTENING_TIME, names["listening_time"], UnitOfTime.HOURS)
        total, sent_at = len(read.hours), 0.0
        for first in range(0, total, CHUNK_HOURS):
            if first:  # One chunk in the recorder at a time (the unloading hub stops here).
                await get_instance(self.hass).async_block_till_done()
                rest = rest_after_chunk(time.monotonic() - sent_at)
                # Slept in a worker thread, by the wall clock: a frozen test clock stops the
                # loop's timers, not this.
                await self.hass.async_add_executor_job(time.sleep, rest)
                if self._access.closing:
                    raise StoreClosedError
                LOGGER.debug("Long-term statistics: %d of %d hours sent", first, total)
            chunk = read.hours[first : first + CHUNK_HOURS]
            plays, hours = await self.hass.async_add_executor_job(_statistic_rows, chunk)
            sent_at = time.monotonic()
            async_add_external_statistics(self.hass, plays_meta, plays)
            async_add_external_statistics(self.hass, time_meta, hours)
        LOGGER.debug("Long-term statistics: %d hours sent", total)

    async def _async_recorded_last(self) -> tuple[int, float, float] | None:
        """The recorder's last hour: its start and both running totals (None: nothing yet)."""
        ids = (STATISTIC_PLAYS, STATISTIC_LISTENING_TIME)
        recorder = get_instance(self.hass)
        rows = [
            (
                await recorder.async_add_executor_job(
                    get_last_statistics, self.hass, 1, statistic_id, False, {"sum"}
                )
            ).get(statistic_id)
            for statistic_id in ids
        ]
        if not rows[0] or not rows[1]:
            return None
        plays, hours = rows[0][0], rows[1][0]
        if plays["start"] != hours["start"]:
            return None
        return int(plays["start"]), float(plays.get("sum") or 0), float(hours.get("sum") or 0)

    async def _async_guarded(self, sync: Coroutine[Any, Any, None]) -> None:
        """Run a background sync: an unloading hub stops it quietly; a failure is logged."""
        try:
            await sync
        except StoreClosedError:
            return
        except Exception:
            LOGGER.exception("Long-term statistics could not be updated")

    @asynccontextmanager
    async def _async_holding(self) -> AsyncIterator[None]:
        self._bulk_imports += 1
        try:
            yield
        finally:
            self._bulk_imports -= 1


@asynccontextmanager
async def async_bulk_import(hass: HomeAssistant) -> AsyncIterator[None]:
    """Around a history import: its past hours are sent once, when it ends."""
    statistics = hass.data.get(_KEY)
    if statistics is None:
        yield
        return
    try:
        async with statistics._async_holding():
            yield
    finally:
        if (current := hass.data.get(_KEY)) is not None:
            current.async_sync_now()


async def async_setup_long_term_statistics(
    hass: HomeAssistant, hub: HubRuntime
) -> LongTermStatistics | None:
    """Start following the history (nothing without the recorder)."""
    if "recorder" not in hass.config.components:
        return None
    statistics = LongTermStatistics(hass, hub.entry, hub.access)
    statistics.async_start(hub)
    return statistics


def rest_after_chunk(written_s: float) -> float:
    """Seconds to rest after a chunk the recorder took ``written_s`` to write (a duty cycle)."""
    return max(CHUNK_PAUSE_SECONDS, written_s * CHUNK_REST_RATIO)


def _metadata(statistic_id: str, name: str, unit: str | None) -> StatisticMetaData:
    meta: dict[str, Any] = {
        "has_sum": True,
        "mean_type": StatisticMeanType.NONE,
        "name": name,
        "source": DOMAIN,
        "statistic_id": statistic_id,
        "unit_of_measurement": unit,
    }
    # Home Assistant 2025.11+ converts units by class (hours to minutes in a card).
    if "unit_class" in StatisticMetaData.__annotations__:
        meta["unit_class"] = "duration" if unit else None
    return cast(StatisticMetaData, meta)


def _statistic_rows(hours: list[HourTotals]) -> tuple[list[StatisticData], list[StatisticData]]:
    """The recorder rows of both statistics for these hours (listening time in hours)."""
    plays: list[StatisticData] = []
    listened: list[StatisticData] = []
    for hour in hours:
        start = dt_util.utc_from_timestamp(hour.start)
        plays.append({"start": start, "state": hour.plays, "sum": hour.plays_sum})
        listened.append(
            {"start": start, "state": hour.seconds / HOUR, "sum": hour.seconds_sum / HOUR}
        )
    return plays, listened
