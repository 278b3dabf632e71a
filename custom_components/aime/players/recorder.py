"""Records what the chosen Home Assistant media players play into the listening history.

The hub's options name the players (``CONF_PLAYERS``, entity ids). Each state change of one
of them is an observation for the play tracker (``core.play_tracker``, the same rule as Roon's
zones: Last.fm's, listened seconds, one play per listen); while a player plays, a timer
observes it every ``TICK`` too, because many integrations report nothing between two tracks
and a listen must count at its moment. ``hub.listening`` writes the plays (source "Home
Assistant", the player's name as zone; a Last.fm scrobble of the same play from the device
merges into it) and keeps the listens in progress across restarts.

A player is followed under its entity registry id when it has one, so renaming it keeps its
listen (the choice follows the new entity id) and its plays can later be tied to a person.
AIME's own Roon players are never followed: their zones are recorded by the Roon source.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta
from typing import Final

from homeassistant.core import CALLBACK_TYPE, Event, EventStateChangedData, HomeAssistant, callback
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.event import async_track_state_change_event, async_track_time_interval

from ..const import CONF_PLAYER_LISTENERS, CONF_PLAYERS, DOMAIN
from ..core.models import PlayInput, Source
from ..core.play_tracker import Decisions, PlayTracker
from ..hub.listening import SYSTEM_CLOCK, Clock, ListeningRecorder
from ..hub.people import async_assign, changed_assignments, listeners_option
from ..hub.runtime import FeatureKey, HubRuntime
from .observation import LOST_STATES, observation, player_name

# Observing playing players this often keeps them well within the tracker's gap.
TICK: Final = timedelta(seconds=5)
MAX_EVENT_GAP: Final = 30.0
PLAYERS: FeatureKey[PlayersRecorder] = FeatureKey("players")


def listens_storage_key(entry_id: str) -> str:
    """The ``.storage`` file keeping the players' listens in progress."""
    return f"{DOMAIN}.player_listens.{entry_id}"


def own_players(hass: HomeAssistant) -> set[str]:
    """AIME's own media players (Roon zones): recorded by the Roon source, never chosen."""
    registry = er.async_get(hass)
    return {
        entry.entity_id
        for entry in registry.entities.values()
        if entry.platform == DOMAIN and entry.domain == "media_player"
    }


class PlayersRecorder:
    """Follows the chosen players and feeds their states to a play tracker."""

    def __init__(self, hub: HubRuntime, clock: Clock) -> None:
        self._hass = hub.hass
        self._entry = hub.entry
        self._clock = clock
        self._access = hub.access
        self.tracker = PlayTracker(
            source=Source.HOME_ASSISTANT, max_event_gap=MAX_EVENT_GAP, unknown_length_counts=True
        )
        self.listening = ListeningRecorder(
            hub.hass,
            hub.entry,
            hub.access,
            self.tracker,
            storage_key=listens_storage_key(hub.entry.entry_id),
            label="Home Assistant",
            clock=clock,
            listener_of=self._listener_of,
        )
        self._zones: dict[str, str] = {}  # entity id -> zone id
        self._listeners = self.listeners()  # As the stored plays have them.
        self._unsubscribers: list[CALLBACK_TYPE] = []

    def listeners(self) -> dict[str, str]:
        """The chosen players' persons, by entity id (the household's left out)."""
        return listeners_option(self._entry.options.get(CONF_PLAYER_LISTENERS))

    def device_name(self, entity_id: str) -> str:
        """The zone a player's plays are recorded under: its name now."""
        state = self._hass.states.get(entity_id)
        return player_name(state) if state is not None else entity_id

    def _listener_of(self, play: PlayInput) -> str | None:
        """The person of the chosen player whose name is the play's zone."""
        for entity_id, person in self.listeners().items():
            if entity_id in self._zones and self.device_name(entity_id) == play.device:
                return person
        return None

    @property
    def entity_ids(self) -> set[str]:
        """The players followed now."""
        return set(self._zones)

    @callback
    def async_follow(self, chosen: Iterable[str]) -> None:
        """Follow exactly ``chosen`` (less AIME's own players); close the others' listens."""
        self._unsubscribe()
        registry = er.async_get(self._hass)
        wanted = set(chosen) - own_players(self._hass)
        zones = {}
        for entity_id in sorted(wanted):
            entry = registry.async_get(entity_id)
            zones[entity_id] = entry.id if entry is not None else entity_id
        decisions = Decisions()
        now = self._clock.monotonic()
        for zone_id in self.tracker.zone_ids - set(zones.values()):
            decisions.extend(self.tracker.zone_removed(zone_id, now))
        self._zones = zones
        if zones:
            self._unsubscribers = [
                async_track_state_change_event(self._hass, list(zones), self._async_changed),
                async_track_time_interval(
                    self._hass, self._async_tick, TICK, name="AIME players' listens"
                ),
                self._hass.bus.async_listen(
                    er.EVENT_ENTITY_REGISTRY_UPDATED, self._async_registry_updated
                ),
            ]
        for entity_id in zones:
            decisions.extend(self._observe(entity_id))
        self.listening.async_apply(decisions)

    def _observe(self, entity_id: str) -> Decisions:
        state = self._hass.states.get(entity_id)
        zone_id = self._zones[entity_id]
        if state is None or state.state in LOST_STATES:
            self.tracker.zone_lost(zone_id)
            return Decisions()
        now, wall = self._clock.monotonic(), self._clock.time()
        return self.tracker.observe(observation(zone_id, state, now, wall))

    @callback
    def _async_changed(self, event: Event[EventStateChangedData]) -> None:
        entity_id = event.data["entity_id"]
        if self.listening.stopped or entity_id not in self._zones:
            return
        if event.data["new_state"] is None and not self._still_exists(entity_id):
            zone_id = self._zones[entity_id]
            self.listening.async_apply(self.tracker.zone_removed(zone_id, self._clock.monotonic()))
            return
        self.listening.async_apply(self._observe(entity_id))

    def _still_exists(self, entity_id: str) -> bool:
        """A state removed while its registry entry stays: a rename or a reload, not a removal."""
        zone_id = self._zones[entity_id]
        return (
            zone_id != entity_id
            and er.async_get(self._hass).entities.get_entry(zone_id) is not None
        )

    @callback
    def _async_tick(self, _now: datetime) -> None:
        if self.listening.stopped:
            return
        decisions = Decisions()
        for entity_id in self._zones:
            state = self._hass.states.get(entity_id)
            if state is not None and state.state == "playing":
                decisions.extend(self._observe(entity_id))
        self.listening.async_apply(decisions)

    @callback
    def _async_registry_updated(self, event: Event[er.EventEntityRegistryUpdatedData]) -> None:
        """A chosen player renamed: the choice follows it (a state for the old id is gone)."""
        data = event.data
        old = data.get("old_entity_id")
        if data["action"] != "update" or old not in self._zones:
            return
        new = data["entity_id"]
        chosen = [new if player == old else player for player in self.chosen()]
        listeners = {new if player == old else player: p for player, p in self.listeners().items()}
        self._listeners = listeners  # The same players, the same persons: no plays move.
        options = {**self._entry.options, CONF_PLAYERS: chosen}
        if listeners:
            options[CONF_PLAYER_LISTENERS] = listeners
        self._hass.config_entries.async_update_entry(self._entry, options=options)

    def chosen(self) -> list[str]:
        """The players the hub's options name."""
        return list(self._entry.options.get(CONF_PLAYERS, []))

    async def async_apply_options(self) -> None:
        """The hub's options changed: follow the players they name now; the plays of a
        player given to another person follow it."""
        if set(self.chosen()) - own_players(self._hass) != set(self._zones):
            self.async_follow(self.chosen())
        listeners = self.listeners()
        changed = changed_assignments(self._listeners, listeners)
        self._listeners = listeners
        for entity_id, person in changed.items():
            await async_assign(
                self._hass,
                self._access,
                Source.HOME_ASSISTANT,
                self.device_name(entity_id),
                person,
            )

    @callback
    def _unsubscribe(self) -> None:
        while self._unsubscribers:
            self._unsubscribers.pop()()

    async def async_stop(self) -> None:
        """Unloading: stop following, let the writes finish, save the listens in progress."""
        self._unsubscribe()
        await self.listening.async_unload()


async def async_setup_players(
    hass: HomeAssistant, hub: HubRuntime, *, clock: Clock | None = None
) -> PlayersRecorder:
    """Resume the players' saved listens and follow the chosen players."""
    recorder = hub.add_feature(PLAYERS, PlayersRecorder(hub, clock or SYSTEM_CLOCK))
    hub.async_on_stop(recorder.async_stop)
    await recorder.listening.async_resume()
    recorder.listening.async_start_saving()
    hub.async_on_options(recorder.async_apply_options)
    # Players of integrations not loaded yet are followed too: their first state is observed.
    recorder.async_follow(recorder.chosen())
    return recorder
