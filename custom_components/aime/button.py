"""The button platform: the hub's "run now" buttons (``hub/button.py``)."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from . import AimeConfigEntry
from .hub.button import job_buttons
from .hub.runtime import HubRuntime

# Pressing only starts a job; the scheduler refuses a second run of the same job.
PARALLEL_UPDATES = 0


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AimeConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the hub's "run now" buttons (only the hub has buttons)."""
    if isinstance(hub := entry.runtime_data, HubRuntime):
        async_add_entities(job_buttons(hub))
