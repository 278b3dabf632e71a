"""Keeps the statistics sensors' figures: one read of the store computes all of them.

No polling: the figures change when plays are recorded (a debounced refresh) and when the
clock crosses an hour (today becomes yesterday at midnight, a week or a streak ends).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.debounce import Debouncer
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.helpers.event import async_track_time_change
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator, UpdateFailed
from homeassistant.util import dt as dt_util

from ..const import DOMAIN, LOGGER
from ..core.stats.models import ListeningTime, SensorFigures, Window
from ..core.stats.queries import Stats
from ..hub.people import assigned_people
from ..hub.recording import SIGNAL_PLAYS_RECORDED
from ..hub.runtime import FeatureKey, HubRuntime
from ..hub.signals import SIGNAL_COLLECTION_CHANGED
from ..hub.store_access import StoreAccess, StoreClosedError

if TYPE_CHECKING:
    from .. import AimeConfigEntry

# Plays often arrive in bursts (a poll, a page of an import): one read per burst.
REFRESH_COOLDOWN_SECONDS = 5.0

STATS: FeatureKey[StatsCoordinator] = FeatureKey("statistics")


@dataclass(frozen=True, slots=True)
class StatsData:
    """The sensor figures and the local moment they were computed for; today's plays and
    listening time of each person a source is assigned to."""

    figures: SensorFigures
    now: datetime
    people: dict[str, ListeningTime] = field(default_factory=dict)


class StatsCoordinator(DataUpdateCoordinator[StatsData]):
    """Computes every statistics sensor's figure together, in the executor."""

    config_entry: AimeConfigEntry

    def __init__(self, hass: HomeAssistant, entry: AimeConfigEntry, store: StoreAccess) -> None:
        """Refresh on demand only (see the module docstring)."""
        self.store = store
        super().__init__(
            hass,
            LOGGER,
            config_entry=entry,
            name="AIME statistics",
            update_interval=None,
            request_refresh_debouncer=Debouncer(
                hass, LOGGER, cooldown=REFRESH_COOLDOWN_SECONDS, immediate=True
            ),
        )

    async def _async_update_data(self) -> StatsData:
        now = dt_util.now()
        people = sorted(assigned_people(self.hass))
        try:
            figures, today = await self.store.async_run(_read, self.store.store.stats, now, people)
        except StoreClosedError as err:
            if self.data is None:
                raise UpdateFailed(
                    translation_domain=DOMAIN, translation_key="store_closed"
                ) from err
            return self.data  # Unloading: the sensors keep their figures until they go.
        return StatsData(figures=figures, now=now, people=today)

    @callback
    def async_start(self, hub: HubRuntime) -> None:
        """Follow recorded plays and the clock until the hub stops."""
        hub.async_on_stop(
            async_dispatcher_connect(self.hass, SIGNAL_PLAYS_RECORDED, self._async_schedule_refresh)
        )
        # The collection sensors count records: a Discogs sync changes them.
        hub.async_on_stop(
            async_dispatcher_connect(
                self.hass, SIGNAL_COLLECTION_CHANGED, self._async_schedule_refresh
            )
        )
        # Each local hour, so midnight (whatever the DST rules) is always among them.
        hub.async_on_stop(
            async_track_time_change(self.hass, self._async_schedule_refresh, minute=0, second=0)
        )

    @callback
    def _async_schedule_refresh(self, _now: datetime | None = None) -> None:
        self.config_entry.async_create_background_task(
            self.hass, self.async_request_refresh(), "AIME statistics refresh"
        )


def _read(
    stats: Stats, now: datetime, people: list[str]
) -> tuple[SensorFigures, dict[str, ListeningTime]]:
    """The hub's figures, and each person's today (one executor job)."""
    today = {person: stats.periods(now, listener=person)[Window.TODAY.value] for person in people}
    return stats.sensors(now), today


async def async_setup_statistics(hass: HomeAssistant, hub: HubRuntime) -> StatsCoordinator:
    """The hub's statistics: computed once now, then kept current."""
    coordinator = StatsCoordinator(hass, hub.entry, hub.access)
    await coordinator.async_config_entry_first_refresh()
    coordinator.async_start(hub)
    return hub.add_feature(STATS, coordinator)
