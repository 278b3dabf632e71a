"""The hub's "run now" buttons: one per daily job (Discogs sync, enrichment, haiku, exports).

Pressing one runs the job at once, as its action or its time of day would; the job's sensor
shows how it went. A job that is already running, or whose service is not set up, answers
with the same translated errors as the actions.
"""

from __future__ import annotations

from homeassistant.components.button import ButtonEntity, ButtonEntityDescription

from .entity import HubEntity
from .jobs import JobId, JobTrigger
from .runtime import HubRuntime


def job_buttons(hub: HubRuntime) -> list[RunJobButton]:
    """A "run now" button per daily job, on the hub's device."""
    return [RunJobButton(hub, job_id) for job_id in JobId]


class RunJobButton(HubEntity, ButtonEntity):
    """Runs one daily job now."""

    def __init__(self, hub: HubRuntime, job_id: JobId) -> None:
        """Attach the button to the hub's device."""
        key = f"run_{job_id.value}"
        super().__init__(hub, key)
        self.entity_description = ButtonEntityDescription(key=key, translation_key=key)
        self._jobs = hub.jobs
        self._job_id = job_id

    async def async_press(self) -> None:
        """Run the job; its errors reach the user translated, as from the action."""
        await self._jobs.async_run(self._job_id, JobTrigger.ACTION)
