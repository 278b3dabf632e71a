"""Records what every Roon zone plays into the listening history.

The connection calls back on roonapi's threads; there we only note which zones changed and
schedule one pass on the event loop, so a burst of seek events costs one pass. The pass reads
the connection's zone snapshots and feeds ``core.play_tracker``, which decides (Last.fm's rule)
when a track counts. ``hub.listening`` writes the decisions (the store merges the scrobble Roon
itself may send to Last.fm for the same play) and keeps the listens in progress across
restarts, so a track playing across a restart is counted once, from its first start.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from contextlib import suppress
from dataclasses import dataclass
import threading

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, callback

from ..clients.roon import RoonConnection, RoonEvent, RoonZone
from ..const import CONF_RADIO_STATIONS, CONF_ZONE_LISTENERS, DOMAIN
from ..core.models import PlayInput
from ..core.play_tracker import Decisions, PlayTracker, TrackInfo, ZoneObservation
from ..hub.listening import (
    SAVE_INTERVAL,
    SYSTEM_CLOCK,
    Clock,
    ListeningRecorder,
    async_forget_saved_listens,
)
from ..hub.people import listeners_option
from ..hub.store_access import StoreAccess

__all__ = ["SAVE_INTERVAL", "SYSTEM_CLOCK", "Clock", "async_start_recording"]


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
        self._tracker = PlayTracker(self._radio_stations)
        self.listening = ListeningRecorder(
            hass,
            entry,
            store,
            self._tracker,
            storage_key=listens_storage_key(entry.entry_id),
            label="Roon",
            clock=clock,
            listener_of=self._listener_of,
        )
        self._clock = clock
        self._lock = threading.Lock()
        self._pending = _Pending(set(), set())

    def _listener_of(self, play: PlayInput) -> str | None:
        """The person the entry's options assign the play's zone to (by its display name)."""
        zones = listeners_option(self._entry.options.get(CONF_ZONE_LISTENERS))
        return zones.get(play.device) if play.device is not None else None

    def _radio_stations(self) -> list[str]:
        return list(self._entry.options.get(CONF_RADIO_STATIONS, []))

    def on_change(self, event: RoonEvent, ids: list[str]) -> None:
        """The connection's callback, on roonapi's threads: note the change, wake the loop."""
        if self.listening.stopped:
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
        if self.listening.stopped:
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
        self.listening.async_apply(decisions)


async def async_forget_listens(hass: HomeAssistant, entry_id: str) -> None:
    """The Core's entry is removed: delete the listens in progress saved for it."""
    await async_forget_saved_listens(hass, listens_storage_key(entry_id))


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
    await recorder.listening.async_resume()
    remove = connection.on_change(recorder.on_change)
    recorder.listening.async_start_saving()
    recorder.async_process(everything=True)

    async def async_stop() -> None:
        remove()
        await recorder.listening.async_unload()

    return async_stop
