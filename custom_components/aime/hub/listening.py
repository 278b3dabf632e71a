"""What every live source's listening recorder shares: writing a tracker's decisions and
keeping its listens in progress across restarts.

A live source (a Roon Core's zones, the Home Assistant media players the user chose) feeds a
``core.play_tracker.PlayTracker`` with observations; what it decides goes through
``ListeningRecorder.async_apply``. Plays go through ``recording.async_record_plays``, where the
store merges another source's report of the same play (a Last.fm scrobble the device sent);
when a counted track ends, its final listened time replaces the one recorded when it counted.
Writes run in order: a play is stored before its update.

The listens in progress are saved under ``.storage`` (Home Assistant's ``Store``) every minute
while they change, when the source unloads and when Home Assistant stops; the next start
resumes them, so a track playing across a restart is counted once, from its first start.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta
import time
from typing import Any, Final, Protocol

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import EVENT_HOMEASSISTANT_STOP
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import storage
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.helpers.event import async_track_time_interval

from ..const import LOGGER
from ..core.models import PlayInput
from ..core.play_tracker import Decisions, ListenedTime, PlayTracker
from ..core.store.store import Store
from .recording import SIGNAL_PLAYS_RECORDED, async_record_plays
from .store_access import StoreAccess, StoreClosedError


class Clock(Protocol):
    """Where a recorder reads the time (tests move it)."""

    def monotonic(self) -> float: ...

    def time(self) -> float: ...


SYSTEM_CLOCK: Clock = time
SAVE_INTERVAL: Final = timedelta(minutes=1)
STORAGE_VERSION: Final = 1


class ListeningRecorder:
    """Records one tracker's decisions and keeps its listens in progress under ``.storage``.

    ``label`` names the source in logs and task names ("Roon", "Home Assistant");
    ``listener_of`` tells who listened to a play, from its zone (``None``: the household).
    """

    def __init__(
        self,
        hass: HomeAssistant,
        entry: ConfigEntry,
        store: StoreAccess,
        tracker: PlayTracker,
        *,
        storage_key: str,
        label: str,
        clock: Clock,
        listener_of: Callable[[PlayInput], str | None] = lambda _play: None,
    ) -> None:
        self._hass = hass
        self._listener_of = listener_of
        self._entry = entry
        self._store = store
        self.tracker = tracker
        self.clock = clock
        self._label = label
        self.stopped = False
        self._saved: storage.Store[dict[str, Any]] = storage.Store(
            hass, STORAGE_VERSION, storage_key
        )
        self._last_saved: dict[str, Any] | None = None
        self._writing = asyncio.Lock()  # Writes in order: a play is stored before its update.
        self._writes: set[asyncio.Task[None]] = set()
        self._unsubscribers: list[CALLBACK_TYPE] = []
        self._unsubscribe_stop: CALLBACK_TYPE | None = None

    @callback
    def async_apply(self, decisions: Decisions) -> None:
        """Write what the tracker decided, in the background, after the earlier writes."""
        if not decisions:
            return
        task = self._entry.async_create_background_task(
            self._hass, self._async_write(decisions), f"aime {self._label} plays"
        )
        self._writes.add(task)
        task.add_done_callback(self._writes.discard)

    async def async_wait_writes(self) -> None:
        """Until the writes decided so far are done (tests, unloading)."""
        if self._writes:
            await asyncio.wait(set(self._writes))

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
            LOGGER.exception(
                "Could not update the listened time of %s %s plays", len(listened), self._label
            )
            return
        if missing:  # Their recording failed (a crash, a closed store): record them now.
            await self._async_record(missing)
        if changed:  # Listening time moved: the statistics sensors refresh.
            async_dispatcher_send(self._hass, SIGNAL_PLAYS_RECORDED)

    async def _async_record(self, plays: list[PlayInput]) -> None:
        # Who listened is read when the play is written: the zone's person at that moment.
        plays = [replace(play, listener=self._listener_of(play)) for play in plays]
        try:
            result = await async_record_plays(self._hass, self._store, plays)
        except StoreClosedError:
            return  # Unloading: the listens in progress are saved and resumed instead.
        except Exception:
            LOGGER.exception("Could not record %s %s plays", len(plays), self._label)
            return
        for rejected in result.rejected:
            LOGGER.debug(
                "%s play not recorded (%s): %s", self._label, rejected.reason, rejected.play
            )

    # --- listens in progress across restarts ----------------------------------------------

    async def async_resume(self) -> None:
        """Take back the listens in progress saved when the source or Home Assistant stopped."""
        try:
            saved = await self._saved.async_load()
        except HomeAssistantError as err:  # An unreadable file: start afresh.
            LOGGER.warning("%s listens in progress not resumed: %s", self._label, err)
            return
        zones = saved.get("zones") if isinstance(saved, dict) else None
        if isinstance(zones, dict):
            self.tracker.restore(zones, self.clock.monotonic(), self.clock.time())

    @callback
    def async_start_saving(self) -> None:
        """Save the listens in progress every minute and when Home Assistant stops."""
        self._unsubscribers.append(
            async_track_time_interval(
                self._hass,
                self.async_save_changes,
                SAVE_INTERVAL,
                name=f"{self._entry.title} {self._label} listens in progress",
            )
        )
        self._unsubscribe_stop = self._hass.bus.async_listen_once(
            EVENT_HOMEASSISTANT_STOP, self.async_hass_stopping
        )

    def _snapshot(self) -> dict[str, Any]:
        return {"zones": self.tracker.snapshot(self.clock.monotonic(), self.clock.time())}

    @callback
    def async_save_changes(self, _now: datetime | None = None) -> None:
        """Save the listens in progress when they changed since the last save (a crash then
        loses less than a minute, which the seek position mostly vouches for)."""
        snapshot = self._snapshot()
        if snapshot != self._last_saved:
            self._last_saved = snapshot
            self._entry.async_create_background_task(
                self._hass, self._saved.async_save(snapshot), f"aime {self._label} listens save"
            )

    @callback
    def async_hass_stopping(self, _event: Event) -> None:
        """Home Assistant stops (entries stay loaded): save at its final write."""
        self._unsubscribe_stop = None
        self.stopped = True
        self._saved.async_delay_save(self._snapshot)

    async def async_unload(self) -> None:
        """The source unloads: let the pending writes finish, then save the listens."""
        self.stopped = True
        for unsubscribe in self._unsubscribers:
            unsubscribe()
        self._unsubscribers.clear()
        if self._unsubscribe_stop is not None:
            self._unsubscribe_stop()
            self._unsubscribe_stop = None
        await self.async_wait_writes()
        await self._saved.async_save(self._snapshot())


async def async_forget_saved_listens(hass: HomeAssistant, storage_key: str) -> None:
    """The source is removed: delete the listens in progress saved for it."""
    saved: storage.Store[dict[str, Any]] = storage.Store(hass, STORAGE_VERSION, storage_key)
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
