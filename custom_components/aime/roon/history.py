"""Records what every Roon zone plays into the listening history.

The connection calls back on roonapi's threads; there we only note which zones changed and
schedule one pass on the event loop, so a burst of seek events costs one pass. The pass reads
the connection's zone snapshots and feeds ``core.play_tracker``, which decides (Last.fm's rule)
when a track counts. Plays go through ``recording.async_record_plays``, where the store merges
the scrobble Roon itself may send to Last.fm for the same play.
"""

from __future__ import annotations

from dataclasses import dataclass
import threading
import time
from typing import Protocol

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback

from ..clients.roon import RoonConnection, RoonEvent, RoonZone
from ..const import CONF_RADIO_STATIONS, LOGGER
from ..core.models import PlayInput
from ..core.play_tracker import PlayTracker, TrackInfo, ZoneObservation
from ..hub.recording import async_record_plays
from ..hub.store_access import StoreAccess


class Clock(Protocol):
    """Where the recorder reads the time (tests speed it up with the fake Core)."""

    def monotonic(self) -> float: ...

    def time(self) -> float: ...


SYSTEM_CLOCK: Clock = time


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

    def _radio_stations(self) -> list[str]:
        return list(self._entry.options.get(CONF_RADIO_STATIONS, []))

    def on_change(self, event: RoonEvent, ids: list[str]) -> None:
        """The connection's callback, on roonapi's threads: note the change, wake the loop."""
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
        plays: list[PlayInput] = []
        if pending.lost:
            self._tracker.connection_lost()
        for zone_id in pending.removed:
            plays += self._tracker.zone_removed(zone_id, now)
        if everything or pending.everything:
            pending.zone_ids.update(zones)
            for zone_id in self._tracker.zone_ids - set(zones):
                plays += self._tracker.zone_removed(zone_id, now)
        for zone_id in sorted(pending.zone_ids):
            zone = zones.get(zone_id)
            if zone is None:
                plays += self._tracker.zone_removed(zone_id, now)
            else:
                plays += self._tracker.observe(_observation(zone, now, wall))
        if plays:
            self._record(plays)

    def _record(self, plays: list[PlayInput]) -> None:
        self._entry.async_create_background_task(
            self._hass, self._async_record(plays), "aime_roon_plays"
        )

    async def _async_record(self, plays: list[PlayInput]) -> None:
        try:
            result = await async_record_plays(self._hass, self._store, plays)
        except Exception:
            LOGGER.exception("Could not record %s Roon plays", len(plays))
            return
        for rejected in result.rejected:
            LOGGER.debug("Roon play not recorded (%s): %s", rejected.reason, rejected.play)

    @callback
    def stop(self) -> None:
        self._stopped = True


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
    clock: Clock = SYSTEM_CLOCK,
) -> CALLBACK_TYPE:
    """Start turning zone changes into plays; return the callback that stops it.

    Call the stop callback before closing the connection. Plays already decided are still
    written (the store access waits for them when the entry unloads).
    """
    recorder = RoonRecorder(hass, entry, connection, store, clock)
    remove = connection.on_change(recorder.on_change)
    recorder.async_process(everything=True)

    @callback
    def stop() -> None:
        remove()
        recorder.stop()

    return stop
