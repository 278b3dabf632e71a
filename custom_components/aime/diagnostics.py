"""Diagnostics support for AIME."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.core import HomeAssistant

from . import AimeConfigEntry
from .const import TO_REDACT
from .core.store import Store


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: AimeConfigEntry
) -> dict[str, Any]:
    """Return diagnostics for a config entry, without secrets or personal identifiers."""
    store_info = await hass.async_add_executor_job(_store_info, entry.runtime_data.store)
    return {
        "entry": {
            "data": async_redact_data(entry.data, TO_REDACT),
            "options": async_redact_data(entry.options, TO_REDACT),
        },
        "store": store_info,
    }


def _store_info(store: Store) -> dict[str, Any]:
    """Collect the store's figures (blocking: reads the database and the file system)."""
    return {
        "schema_version": store.schema_version,
        "counts": asdict(store.counts()),
        "database_size": store.database_size(),
    }
