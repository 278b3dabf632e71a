"""The hub's collection and job sensors: vinyl count, and each daily job's last run.

A job sensor's state is its last run's outcome ("never run" before the first); the attributes
say when it ran, what started it, what it did (counts, the export's path) or why it failed, and
when it runs next. While the Discogs sync runs, its sensor also shows how far it got.
"""

from __future__ import annotations

from typing import Any

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import EntityCategory
from homeassistant.core import callback
from homeassistant.helpers.dispatcher import async_dispatcher_connect
from homeassistant.util import dt as dt_util

from ..core.enrichment.collection import RecordFormat
from ..hub.entity import HubEntity
from ..hub.jobs import JobId, JobOutcome
from ..hub.runtime import HubRuntime
from ..hub.signals import SIGNAL_COLLECTION_CHANGED
from .runtime import ENRICHMENT, EnrichmentRuntime

# A job sensor's state before the job's first run (its next_run attribute says when).
NEVER_RUN = "never_run"

VINYL_COUNT = SensorEntityDescription(
    key="vinyl_count",
    translation_key="vinyl_count",
    state_class=SensorStateClass.MEASUREMENT,
)


def enrichment_sensors(hub: HubRuntime) -> list[SensorEntity]:
    """The hub's vinyl count and job sensors."""
    runtime = hub.require(ENRICHMENT)
    return [VinylCountSensor(hub, runtime), *(JobSensor(hub, runtime, job) for job in JobId)]


def _format_of(name: str) -> str:
    return name.strip().lower().replace(" ", "_")


class VinylCountSensor(HubEntity, SensorEntity):
    """How many records of the collection are vinyl; every format's count as attributes."""

    def __init__(self, hub: HubRuntime, runtime: EnrichmentRuntime) -> None:
        """Attach the sensor to the hub's device."""
        super().__init__(hub, VINYL_COUNT.key)
        self.entity_description = VINYL_COUNT
        self._runtime = runtime
        self._by_format: dict[str, int] = {}

    async def async_added_to_hass(self) -> None:
        """Count now, then after each change of the collection."""
        self.async_on_remove(
            async_dispatcher_connect(self.hass, SIGNAL_COLLECTION_CHANGED, self._async_changed)
        )
        await self._async_count()

    @callback
    def _async_changed(self) -> None:
        self.hass.async_create_task(self._async_recount(), eager_start=True)

    async def _async_recount(self) -> None:
        await self._async_count()
        self.async_write_ha_state()

    async def _async_count(self) -> None:
        store = self._runtime.store
        figures = await store.async_run(store.store.stats.collection_stats, dt_util.now())
        by_format: dict[str, int] = {}
        for name, count in figures.by_format.items():
            key = _format_of(name)
            by_format[key] = by_format.get(key, 0) + count
        self._by_format = by_format

    @property
    def native_value(self) -> int:
        """Vinyl records."""
        return self._by_format.get(RecordFormat.VINYL.value, 0)

    @property
    def extra_state_attributes(self) -> dict[str, Any]:
        """Records by format."""
        return {"by_format": dict(sorted(self._by_format.items()))}


class JobSensor(HubEntity, SensorEntity):
    """One daily job: its last run's outcome."""

    _attr_entity_category = EntityCategory.DIAGNOSTIC
    _attr_device_class = SensorDeviceClass.ENUM
    _unrecorded_attributes = frozenset({"result", "progress"})

    def __init__(self, hub: HubRuntime, runtime: EnrichmentRuntime, job_id: JobId) -> None:
        """Attach the sensor to the hub's device."""
        key = f"job_{job_id.value}"
        super().__init__(hub, key)
        self.entity_description = SensorEntityDescription(key=key, translation_key=key)
        self._attr_options = [NEVER_RUN, *(outcome.value for outcome in JobOutcome)]
        self._runtime = runtime
        self._job_id = job_id

    async def async_added_to_hass(self) -> None:
        """Follow the job's runs (and the Discogs sync's progress)."""
        self.async_on_remove(self._runtime.jobs.async_add_listener(self.async_write_ha_state))
        if self._job_id is JobId.DISCOGS_SYNC:
            self.async_on_remove(
                self._runtime.async_add_progress_listener(self.async_write_ha_state)
            )

    @property
    def native_value(self) -> str:
        """The last run's outcome; "never run" before the first run."""
        run = self._runtime.jobs.runs.get(self._job_id)
        return NEVER_RUN if run is None else run.outcome.value

    @property
    def extra_state_attributes(self) -> dict[str, Any]:
        """When it ran and runs next, what started it, what it did or why it failed."""
        jobs = self._runtime.jobs
        run = jobs.runs.get(self._job_id)
        attributes: dict[str, Any] = {
            "last_started": run.started_at.isoformat() if run else None,
            "last_finished": run.finished_at.isoformat() if run and run.finished_at else None,
            "trigger": run.trigger.value if run else None,
            "result": run.result if run else None,
            "error": run.error if run else None,
            "next_run": jobs.next_run(self._job_id).isoformat(),
        }
        if self._job_id is JobId.DISCOGS_SYNC:
            progress = self._runtime.sync_progress
            attributes["progress"] = (
                None
                if progress is None
                else {"phase": progress.phase.value, "done": progress.done, "total": progress.total}
            )
        return attributes
