"""The hub's "run now" buttons: one per daily job (Discogs sync, enrichment, haiku, exports).

Pressing one runs the job at once, as its action or its time of day would; the job's sensor
shows how it went. A job that is already running, or whose service is not set up, answers
with the same translated errors as the actions.
"""

from __future__ import annotations

from homeassistant.components.button import ButtonEntity, ButtonEntityDescription
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .. import AimeConfigEntry
from ..entity import hub_device_info, hub_unique_id
from .jobs import JobId, JobScheduler, JobTrigger
from .runtime import HubRuntime

# Pressing only starts a job; the scheduler refuses a second run of the same job.
PARALLEL_UPDATES = 0


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AimeConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add a "run now" button per daily job to the hub's device."""
    hub = entry.runtime_data
    assert isinstance(hub, HubRuntime)
    async_add_entities(RunJobButton(entry, hub.enrichment.jobs, job_id) for job_id in JobId)


class RunJobButton(ButtonEntity):
    """Runs one daily job now."""

    _attr_has_entity_name = True

    def __init__(self, entry: AimeConfigEntry, jobs: JobScheduler, job_id: JobId) -> None:
        """Attach the button to the hub's device."""
        key = f"run_{job_id.value}"
        self.entity_description = ButtonEntityDescription(key=key, translation_key=key)
        self._attr_unique_id = hub_unique_id(entry, key)
        self._attr_device_info = hub_device_info(entry)
        self._jobs = jobs
        self._job_id = job_id

    async def async_press(self) -> None:
        """Run the job; its errors reach the user translated, as from the action."""
        await self._jobs.async_run(self._job_id, JobTrigger.ACTION)
