"""Records what every Roon zone plays into the listening history.

The connection calls back on roonapi's threads; there we only note which zones changed and
schedule one pass on the event loop, so a burst of seek events costs one pass. The pass reads
the connection's zone snapshots and feeds ``core.play_tracker``, which decides (Last.fm's rule)
when a track counts. Plays go through ``recording.async_record_plays``, where the store merges
the scrobble Roon itself may send to Last.fm for the same play; when a counted track ends, its
final listened time replaces the one recorded when it counted.

The listens in progress are saved under ``.storage`` (Home Assistant's ``Store``) every minute
while they change, when the entry unloads and when Home Assistant stops; the next start
resumes them, so a track playing across a restart is counted once, from its first start.
"""

from __future__ import annotations

import asyncio
from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
import threading
import time
from typing import Any, Final, Protocol

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import EVENT_HOMEASSISTANT_STOP
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import storage
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.helpers.event import async_track_time_interval

from ..clients.roon import RoonConnection, RoonEvent, RoonZone
from ..const import CONF_RADIO_STATIONS, DOMAIN, LOGGER
from ..core.models import PlayInput
from ..core.play_tracker import (
    Decisions,
    ListenedTime,
    PlayTracker,
    TrackInfo,
    ZoneObservation,
)
from ..core.store.store import Store
from ..hub.recording import SIGNAL_PLAYS_RECORDED, async_record_plays
from ..hub.store_access import StoreAccess, StoreClosedError


class Clock(Protocol):
    """Where the recorder reads the time (tests speed it up with the fake Core)."""

    def monotonic(self) -> float: ...

    def time(self) -> float: ...


SYSTEM_CLOCK: Clock = time
SAVE_INTERVAL: Final = timedelta(minutes=1)
STORAGE_VERSION: Final = 1


def listens_storage_key(entry_id: str) -> str:
    """The ``.storage`` file keeping a Core entry's listens in progress."""
    return f"{DOMAIN}.roon_listens.{entry_id}"


@dataclass(slots=True)
class _Pending:
    """What changed since the last pass (written on roonapi's threads, under the lock)."""

    zone_ids: set[str]
    removed: set[str]
    lost: bool = False
    everything: bool = False
    scheduled: bool = False


class RoonRecorder:
    """Feeds one Core's zones to a play tracker and records the plays it decides."""

    def __init__(
        self,
        hass: HomeAssistant,
        entry: ConfigEntry,
        connection: RoonConnection,
        store: StoreAccess,
        clock: Clock,
    ) -> None:
        self._hass = hass
        self._entry = entry
        self._connection = connection
        self._store = store
        self._clock = clock
        self._tracker = PlayTracker(self._radio_stations)
        self._lock = threading.Lock()
        self._pending = _Pending(set(), set())
        self._stopped = False
        self._saved: storage.Store[dict[str, Any]] = storage.Store(
            hass, STORAGE_VERSION, listens_storage_key(entry.entry_id)
        )
        self._last_saved: dict[str, Any] | None = None
        self._writing = asyncio.Lock()  # Writes in order: a play is stored before its update.
        self._writes: set[asyncio.Task[None]] = set()
        self._unsubscribers: list[CALLBACK_TYPE] = []
        self._unsubscribe_stop: CALLBACK_TYPE | None = None

    def _radio_stations(self) -> list[str]:
        return list(self._entry.options.get(CONF_RADIO_STATIONS, []))

    def on_change(self, event: RoonEvent, ids: list[str]) -> None:
        """The connection's callback, on roonapi's threads: note the change, wake the loop."""
        if self._stopped:
            return  # A late event at shutdown: nothing to record, nothing to say.
        with self._lock:
            pending = self._pending
            if event in (RoonEvent.ZONES_CHANGED, RoonEvent.ZONES_SEEK_CHANGED):
                pending.zone_ids.update(ids)
            elif event is RoonEvent.ZONES_REMOVED:
                pending.removed.update(ids)
            elif event is RoonEvent.DISCONNECTED:
                pending.lost = True
            elif event is RoonEvent.CONNECTED:
                pending.everything = True
            else:
                return
            if pending.scheduled:
                return
            pending.scheduled = True
        with suppress(RuntimeError):  # The loop closed: Home Assistant has stopped.
            self._hass.loop.call_soon_threadsafe(self.async_process)

    @callback
    def async_process(self, *, everything: bool = False) -> None:
        """Feed the tracker with what changed since the last pass."""
        with self._lock:
            pending, self._pending = self._pending, _Pending(set(), set())
        if self._stopped:
            return
        now, wall = self._clock.monotonic(), self._clock.time()
        zones = self._connection.zones
        decisions = Decisions()
        if pending.lost:
            self._tracker.connection_lost()
        for zone_id in pending.removed:
            decisions.extend(self._tracker.zone_removed(zone_id, now))
        if everything or pending.everything:
            pending.zone_ids.update(zones)
            for zone_id in self._tracker.zone_ids - set(zones):
                decisions.extend(self._tracker.zone_removed(zone_id, now))
        for zone_id in sorted(pending.zone_ids):
            zone = zones.get(zone_id)
            if zone is None:
                decisions.extend(self._tracker.zone_removed(zone_id, now))
            else:
                decisions.extend(self._tracker.observe(_observation(zone, now, wall)))
        if decisions:
            task = self._entry.async_create_background_task(
                self._hass, self._async_write(decisions), "aime_roon_plays"
            )
            self._writes.add(task)
            task.add_done_callback(self._writes.discard)

    async def _async_write(self, decisions: Decisions) -> None:
        async with self._writing:
            if decisions.plays:
                await self._async_record(decisions.plays)
            if decisions.listened:
                await self._async_update(decisions.listened)

    async def _async_update(self, listened: list[ListenedTime]) -> None:
        try:
            changed, missing = await self._store.async_run(
                _set_listened, self._store.store, listened
            )
        except StoreClosedError:
            return  # Unloading: the listens in progress are saved and resumed instead.
        except Exception:
            LOGGER.exception("Could not update the listened time of %s Roon plays", len(listened))
            return
        if missing:  # Their recording failed (a crash, a closed store): record them now.
            await self._async_record(missing)
        if changed:  # Listening time moved: the statistics sensors refresh.
            async_dispatcher_send(self._hass, SIGNAL_PLAYS_RECORDED)

    async def _async_record(self, plays: list[PlayInput]) -> None:
        try:
            result = await async_record_plays(self._hass, self._store, plays)
        except StoreClosedError:
            return  # Unloading: the listens in progress are saved and resumed instead.
        except Exception:
            LOGGER.exception("Could not record %s Roon plays", len(plays))
            return
        for rejected in result.rejected:
            LOGGER.debug("Roon play not recorded (%s): %s", rejected.reason, rejected.play)

    @callback
    def stop(self) -> None:
        self._stopped = True

    # --- listens in progress across restarts ----------------------------------------------

    async def async_resume(self) -> None:
        """Take back the listens in progress saved when the entry or Home Assistant stopped."""
        try:
            saved = await self._saved.async_load()
        except HomeAssistantError as err:  # An unreadable file: start afresh.
            LOGGER.warning("Roon listens in progress not resumed: %s", err)
            return
        zones = saved.get("zones") if isinstance(saved, dict) else None
        if isinstance(zones, dict):
            self._tracker.restore(zones, self._clock.monotonic(), self._clock.time())

    @callback
    def async_start_saving(self) -> None:
        """Save the listens in progress every minute and when Home Assistant stops."""
        self._unsubscribers.append(
            async_track_time_interval(
                self._hass,
                self.async_save_changes,
                SAVE_INTERVAL,
                name=f"{self._entry.title} listens in progress",
            )
        )
        self._unsubscribe_stop = self._hass.bus.async_listen_once(
            EVENT_HOMEASSISTANT_STOP, self.async_hass_stopping
        )

    def _snapshot(self) -> dict[str, Any]:
        return {"zones": self._tracker.snapshot(self._clock.monotonic(), self._clock.time())}

    @callback
    def async_save_changes(self, _now: datetime | None = None) -> None:
        """Save the listens in progress when they changed since the last save (a crash then
        loses less than a minute, which the seek position mostly vouches for)."""
        snapshot = self._snapshot()
        if snapshot != self._last_saved:
            self._last_saved = snapshot
            self._entry.async_create_background_task(
                self._hass, self._saved.async_save(snapshot), "aime_roon_listens_save"
            )

    @callback
    def async_hass_stopping(self, _event: Event) -> None:
        """Home Assistant stops (entries stay loaded): save at its final write."""
        self._unsubscribe_stop = None
        self.stop()
        self._saved.async_delay_save(self._snapshot)

    async def async_unload(self) -> None:
        """The entry unloads: let the pending writes finish, then save the listens."""
        self.stop()
        for unsubscribe in self._unsubscribers:
            unsubscribe()
        if self._unsubscribe_stop is not None:
            self._unsubscribe_stop()
            self._unsubscribe_stop = None
        if self._writes:
            await asyncio.wait(self._writes)
        await self._saved.async_save(self._snapshot())


async def async_forget_listens(hass: HomeAssistant, entry_id: str) -> None:
    """The Core's entry is removed: delete the listens in progress saved for it."""
    saved: storage.Store[dict[str, Any]] = storage.Store(
        hass, STORAGE_VERSION, listens_storage_key(entry_id)
    )
    await saved.async_remove()


def _set_listened(store: Store, listened: list[ListenedTime]) -> tuple[int, list[PlayInput]]:
    """Give ended plays their final figure; return how many changed and the plays not found."""
    changed, missing = 0, []
    for update in listened:
        play_id = store.find_play(update.play)
        if play_id is None:
            missing.append(replace(update.play, seconds_listened=update.seconds))
        elif store.set_seconds_listened(play_id, update.seconds):
            changed += 1
    return changed, missing


def _observation(zone: RoonZone, monotonic: float, wall: float) -> ZoneObservation:
    playing = zone.now_playing
    track = (
        None
        if playing is None
        else TrackInfo(playing.title, playing.artist, playing.album, playing.length)
    )
    return ZoneObservation(
        zone.zone_id, zone.display_name, zone.state, track, zone.seek_position, monotonic, wall
    )


async def async_start_recording(
    hass: HomeAssistant,
    entry: ConfigEntry,
    connection: RoonConnection,
    store: StoreAccess,
    *,
    clock: Clock | None = None,
) -> Callable[[], Awaitable[None]]:
    """Resume the saved listens, start turning zone changes into plays; return the stopper.

    Await the stopper before closing the connection and the store access: it lets the
    decided writes finish and saves the listens in progress.
    """
    recorder = RoonRecorder(hass, entry, connection, store, clock or SYSTEM_CLOCK)
    await recorder.async_resume()
    remove = connection.on_change(recorder.on_change)
    recorder.async_start_saving()
    recorder.async_process(everything=True)

    async def async_stop() -> None:
        remove()
        await recorder.async_unload()

    return async_stop
