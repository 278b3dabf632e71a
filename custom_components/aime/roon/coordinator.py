"""The bridge between one Roon Core (roonapi's threads) and Home Assistant's event loop.

roonapi calls back on its own threads. The bridge only records which zones and outputs
changed there and schedules one flush on the loop; the flush reads the connection's
snapshots and tells the entities concerned. A burst of changes between two flushes costs one
flush, so a flood of seek events cannot load the loop. State is push-driven; a cheap check
every minute re-reads the snapshots in case a change was ever missed.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from contextlib import suppress
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from functools import partial, wraps
import threading
from typing import TYPE_CHECKING, Any, Final

from homeassistant.const import CONF_HOST, CONF_PORT, CONF_TOKEN, EVENT_HOMEASSISTANT_STOP
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant, callback
from homeassistant.exceptions import (
    ConfigEntryAuthFailed,
    ConfigEntryError,
    ConfigEntryNotReady,
    HomeAssistantError,
    ServiceValidationError,
)
from homeassistant.helpers.event import async_track_time_interval
from homeassistant.util import dt as dt_util

from ..clients.roon import (
    DEFAULT_RECONNECT_DELAYS,
    RoonAuthorizationPending,
    RoonCommandError,
    RoonConnection,
    RoonConnectionError,
    RoonEvent,
    RoonFailure,
    RoonLibraryMismatch,
    RoonOutput,
    RoonZone,
)
from ..const import CONF_ZONE_LISTENERS, DOMAIN, LOGGER
from ..core.models import Source
from ..hub.now_playing import NowPlaying, async_publish_now_playing
from ..hub.people import async_assign, changed_assignments, listeners_option
from ..hub.store_access import StoreAccess
from . import history as roon_history
from .artwork import roon_artwork_url

if TYPE_CHECKING:
    from .. import AimeConfigEntry
    from ..core.store.store import Store

CONNECT_TIMEOUT: Final = 10.0
RECONNECT_DELAYS: tuple[float, ...] = DEFAULT_RECONNECT_DELAYS
CONSISTENCY_CHECK_INTERVAL: Final = timedelta(minutes=1)
# Failures the user can fix by asking differently; the others are the Core's or the network's.
_VALIDATION_FAILURES: Final = frozenset(
    {
        RoonFailure.UNKNOWN_ZONE,
        RoonFailure.UNKNOWN_OUTPUT,
        RoonFailure.FIXED_VOLUME,
        RoonFailure.VOLUME_NOT_SETTABLE,
        RoonFailure.NO_STANDBY,
        RoonFailure.NOT_GROUPABLE,
        RoonFailure.NOT_FOUND,
    }
)
_CONNECTION_EVENTS: Final = frozenset(
    {RoonEvent.CONNECTED, RoonEvent.DISCONNECTED, RoonEvent.AUTHORIZATION_REQUIRED}
)

type OutputsListener = Callable[[list[str]], None]


def roon_error(err: RoonCommandError) -> HomeAssistantError:
    """The translated error for a failed Roon command."""
    kind = ServiceValidationError if err.reason in _VALIDATION_FAILURES else HomeAssistantError
    return kind(
        translation_domain=DOMAIN,
        translation_key=err.reason.value,
        translation_placeholders={"detail": err.detail},
    )


async def async_roon_command(hass: HomeAssistant, command: Callable[..., Any], *args: Any) -> Any:
    """Run a blocking Roon command in the executor; its failure becomes a translated error."""
    try:
        return await hass.async_add_executor_job(partial(command, *args))
    except RoonCommandError as err:
        raise roon_error(err) from err


@dataclass(slots=True)
class RoonRuntime:
    """A loaded Roon Core entry: its connection, the bridge and the store access."""

    connection: RoonConnection
    access: StoreAccess
    coordinator: RoonCoordinator
    stop_recording: Callable[[], Awaitable[None]]

    @property
    def store(self) -> Store:
        """The shared listening store."""
        return self.access.store

    # The zones' persons as the stored plays have them (the options read at set-up).
    listeners: dict[str, str] = field(default_factory=dict)

    async def async_apply_options(self, entry: AimeConfigEntry) -> None:
        """The options are read where they are used; the plays of a zone given to another
        person follow it."""
        listeners = listeners_option(entry.options.get(CONF_ZONE_LISTENERS))
        changed = changed_assignments(self.listeners, listeners)
        self.listeners = listeners
        for zone, person in changed.items():
            await async_assign(self.coordinator.hass, self.access, Source.ROON, zone, person)

    async def async_start(self) -> None:
        """Nothing more once the players exist: recording started with the bridge."""

    async def async_stop(self) -> None:
        """Stop recording, detach the bridge, stop every roonapi thread."""
        await self.stop_recording()
        self.coordinator.async_stop()
        leftovers = await self.coordinator.hass.async_add_executor_job(self.connection.close)
        if leftovers:
            LOGGER.warning("Roon threads still running after unload: %s", leftovers)


async def async_setup_roon(
    hass: HomeAssistant, entry: AimeConfigEntry, access: StoreAccess
) -> RoonRuntime:
    """Connect to the entry's Core (bounded wait), start the bridge and the play recording."""
    data = entry.data
    try:
        connection = await hass.async_add_executor_job(
            partial(
                RoonConnection.connect,
                data[CONF_HOST],
                int(data[CONF_PORT]),
                data[CONF_TOKEN],
                timeout=CONNECT_TIMEOUT,
                reconnect_delays=RECONNECT_DELAYS,
            )
        )
    except RoonAuthorizationPending as err:
        raise ConfigEntryAuthFailed(
            translation_domain=DOMAIN, translation_key="roon_authorization_lost"
        ) from err
    except RoonLibraryMismatch as err:  # Retrying cannot help: say which roonapi is needed.
        raise ConfigEntryError(
            translation_domain=DOMAIN,
            translation_key="roon_library_mismatch",
            translation_placeholders={
                "installed": err.installed,
                "supported": err.supported,
                "missing": ", ".join(err.missing),
            },
        ) from err
    except RoonConnectionError as err:
        raise ConfigEntryNotReady(
            translation_domain=DOMAIN,
            translation_key="roon_cannot_connect",
            translation_placeholders={"host": data[CONF_HOST], "port": str(data[CONF_PORT])},
        ) from err
    coordinator = RoonCoordinator(hass, entry, connection)
    try:
        coordinator.async_start()
        stop_recording = await roon_history.async_start_recording(hass, entry, connection, access)
    except Exception:
        coordinator.async_stop()
        await hass.async_add_executor_job(connection.close)
        raise
    listeners = listeners_option(entry.options.get(CONF_ZONE_LISTENERS))
    return RoonRuntime(connection, access, coordinator, stop_recording, listeners)


class RoonCoordinator:
    """Follows one Core: snapshots of its zones and outputs on the loop, pushed to entities."""

    def __init__(self, hass: HomeAssistant, entry: AimeConfigEntry, connection: RoonConnection):
        """Bridge ``connection`` into ``hass`` for ``entry``."""
        self.hass = hass
        self.entry = entry
        self.connection = connection
        self.available = False
        self.zones: dict[str, RoonZone] = {}
        self.outputs: dict[str, RoonOutput] = {}
        self._zone_by_output: dict[str, RoonZone] = {}
        self._output_listeners: dict[str, Callable[[], None]] = {}
        self._new_outputs_listeners: list[OutputsListener] = []
        self._known_outputs: set[str] = set()
        self._published: dict[str, tuple[Any, ...]] = {}
        self._unsubscribers: list[CALLBACK_TYPE] = []
        self._unsubscribe_stop: CALLBACK_TYPE | None = None
        # Written on roonapi's threads, read on the loop: guarded by the lock.
        self._lock = threading.Lock()
        self._dirty_zones: set[str] = set()
        self._dirty_outputs: set[str] = set()
        self._events: set[RoonEvent] = set()
        self._flush_pending = False
        self._stopped = False

    # --- lifecycle -------------------------------------------------------------------------

    @callback
    def async_start(self) -> None:
        """Listen to the connection and read its current state."""
        self._unsubscribers = [
            self.connection.on_change(self._on_change),
            async_track_time_interval(
                self.hass,
                self._async_check_consistency,
                CONSISTENCY_CHECK_INTERVAL,
                name=f"{self.entry.title} consistency check",
            ),
        ]
        self._unsubscribe_stop = self.hass.bus.async_listen_once(
            EVENT_HOMEASSISTANT_STOP, self._async_hass_stopping
        )
        self._refresh(set(), set(), everything=True)

    @callback
    def async_stop(self) -> None:
        """Stop listening; pending changes are dropped and zones stop playing for the hub."""
        self._stopped = True
        for unsubscribe in self._unsubscribers:
            unsubscribe()
        self._unsubscribers.clear()
        if self._unsubscribe_stop is not None:
            self._unsubscribe_stop()
            self._unsubscribe_stop = None
        for zone_id in list(self._published):
            async_publish_now_playing(self.hass, _now_playing_key(zone_id), None)
        self._published.clear()

    async def _async_hass_stopping(self, _: Event) -> None:
        # Entries are not unloaded when Home Assistant stops: end the threads here.
        self._unsubscribe_stop = None
        self._stopped = True  # What the Core still sends is of no use now.
        await self.hass.async_add_executor_job(self.connection.close)

    # --- for entities ----------------------------------------------------------------------

    def zone_of(self, output_id: str) -> RoonZone | None:
        """The zone an output plays in now (its own, or a group's)."""
        return self._zone_by_output.get(output_id)

    @callback
    def async_add_output_listener(
        self, output_id: str, update: Callable[[], None]
    ) -> CALLBACK_TYPE:
        """Call ``update`` (on the loop) whenever the output, its zone or the link changes."""
        self._output_listeners[output_id] = update

        @callback
        def remove() -> None:
            if self._output_listeners.get(output_id) is update:
                del self._output_listeners[output_id]

        return remove

    @callback
    def async_add_new_outputs_listener(self, listener: OutputsListener) -> CALLBACK_TYPE:
        """Call ``listener(output_ids)`` when outputs appear; returns the remover."""
        self._new_outputs_listeners.append(listener)

        @callback
        def remove() -> None:
            self._new_outputs_listeners.remove(listener)

        return remove

    # --- roonapi's threads -----------------------------------------------------------------

    def _on_change(self, event: RoonEvent, ids: list[str]) -> None:
        """Runs on roonapi's thread: note what changed, schedule one flush on the loop."""
        if self._stopped:
            return  # A late event at shutdown: ignored without a word.
        with self._lock:
            if event in _CONNECTION_EVENTS:
                self._events.add(event)
            elif event.startswith("zones"):
                self._dirty_zones.update(ids)
            else:
                self._dirty_outputs.update(ids)
            if self._flush_pending:
                return
            self._flush_pending = True
        with suppress(RuntimeError):  # The loop is closed: Home Assistant has stopped.
            self.hass.loop.call_soon_threadsafe(self._flush)

    # --- the loop --------------------------------------------------------------------------

    @callback
    def _flush(self) -> None:
        with self._lock:
            zones, self._dirty_zones = self._dirty_zones, set()
            outputs, self._dirty_outputs = self._dirty_outputs, set()
            events, self._events = self._events, set()
            self._flush_pending = False
        if self._stopped:
            return
        if RoonEvent.AUTHORIZATION_REQUIRED in events:
            LOGGER.warning("The Roon Core %s no longer accepts AIME", self.entry.title)
            self.entry.async_start_reauth(self.hass)
        self._refresh(zones, outputs, everything=bool(events))

    @callback
    def _async_check_consistency(self, _now: datetime) -> None:
        self._refresh(set(), set(), everything=True)

    @callback
    def _refresh(self, zone_ids: set[str], output_ids: set[str], *, everything: bool) -> None:
        """Take the connection's snapshots and tell whoever follows what changed."""
        previous = self.zones
        self.available = self.connection.available
        self.zones = self.connection.zones
        self.outputs = self.connection.outputs
        self._zone_by_output = {
            output_id: zone for zone in self.zones.values() for output_id in zone.output_ids
        }
        if everything:
            zone_ids = set(previous) | set(self.zones)
            output_ids = set(self._output_listeners) | set(self.outputs)
        for zone_id in zone_ids:
            for zone in (previous.get(zone_id), self.zones.get(zone_id)):
                if zone is not None:
                    output_ids.update(zone.output_ids)
        if new := [o for o in self.outputs if o not in self._known_outputs]:
            self._known_outputs.update(new)
            for listener in list(self._new_outputs_listeners):
                listener(new)
        for output_id in output_ids:
            if (update := self._output_listeners.get(output_id)) is not None:
                update()
        for zone_id in zone_ids:
            self._publish(zone_id)

    @callback
    def _publish(self, zone_id: str) -> None:
        """Tell the hub what the zone plays (contract C2), when that changed."""
        zone = self.zones.get(zone_id) if self.available else None
        playing = zone.now_playing if zone is not None and zone.state == "playing" else None
        if zone is None or playing is None:
            if self._published.pop(zone_id, None) is not None:
                async_publish_now_playing(self.hass, _now_playing_key(zone_id), None)
            return
        signature = (zone.display_name, playing.title, playing.artist, playing.album)
        if self._published.get(zone_id) == signature:
            return
        self._published[zone_id] = signature
        seek = zone.seek_position or 0
        async_publish_now_playing(
            self.hass,
            _now_playing_key(zone_id),
            NowPlaying(
                source=Source.ROON,
                player=zone.display_name,
                track=playing.title,
                artist=playing.artist or "",
                album=playing.album,
                artwork_url=(
                    roon_artwork_url(
                        self.hass, self.entry.entry_id, self.connection.image_url, playing.image_key
                    )
                    if playing.image_key
                    else None
                ),
                started_at=dt_util.utcnow() - timedelta(seconds=seek),
            ),
        )


def _now_playing_key(zone_id: str) -> str:
    return f"roon:{zone_id}"


def naming_ids(command: Callable[..., Any], names: Mapping[str, str]) -> Callable[..., Any]:
    """``command``, its errors naming an output or zone by its name ("Office", not an id)."""

    @wraps(command)
    def run(*args: Any) -> Any:
        try:
            return command(*args)
        except RoonCommandError as err:
            if err.detail not in names:
                raise
            raise RoonCommandError(err.reason, names[err.detail]) from err

    return run
