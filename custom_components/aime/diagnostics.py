"""Diagnostics support for AIME."""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from homeassistant.components.diagnostics import async_redact_data
from homeassistant.core import HomeAssistant

from . import AimeConfigEntry
from .const import TO_REDACT
from .core.store.store import Store
from .enrichment.runtime import ENRICHMENT, service_summary
from .hub.runtime import HubRuntime
from .lastfm.runtime import LastfmRuntime
from .listenbrainz.runtime import ListenbrainzRuntime
from .roon.coordinator import RoonRuntime


async def async_get_config_entry_diagnostics(
    hass: HomeAssistant, entry: AimeConfigEntry
) -> dict[str, Any]:
    """Return diagnostics for a config entry, without secrets or personal identifiers."""
    store_info = await hass.async_add_executor_job(_store_info, entry.runtime_data.store)
    diagnostics: dict[str, Any] = {
        "entry": {
            "data": async_redact_data(entry.data, TO_REDACT),
            "options": async_redact_data(entry.options, TO_REDACT),
        },
        "store": store_info,
    }
    runtime = entry.runtime_data
    if isinstance(runtime, LastfmRuntime):
        diagnostics["lastfm"] = _lastfm_info(runtime)
    elif isinstance(runtime, RoonRuntime):
        diagnostics["roon"] = _roon_info(runtime)
    elif isinstance(runtime, ListenbrainzRuntime):
        follower = runtime.follower
        diagnostics["listenbrainz"] = {
            "newest": follower.newest,
            "import_before": follower.import_before,
            "import_done": follower.import_done,
        }
    elif isinstance(runtime, HubRuntime) and (enrichment := runtime.feature(ENRICHMENT)):
        diagnostics["enrichment"] = service_summary(enrichment)
    return diagnostics


def _store_info(store: Store) -> dict[str, Any]:
    """Collect the store's figures (blocking: reads the database and the file system)."""
    return {
        "schema_version": store.schema_version,
        "counts": asdict(store.counts()),
        "database_size": store.database_size(),
    }


def _lastfm_info(lastfm: LastfmRuntime) -> dict[str, Any]:
    """How the account's polling and import are doing (no names, no track titles)."""
    coordinator = lastfm.coordinator
    importer = lastfm.importer
    progress = importer.progress
    return {
        "last_update_success": coordinator.last_update_success,
        "update_interval": coordinator.update_interval.total_seconds()
        if coordinator.update_interval
        else None,
        "playcount": coordinator.data.user.playcount if coordinator.data else None,
        "now_playing": coordinator.data.now_playing is not None if coordinator.data else None,
        "import": {
            "status": importer.status.value,
            "progress": async_redact_data(asdict(progress), TO_REDACT) if progress else None,
        },
    }


def _roon_info(roon: RoonRuntime) -> dict[str, Any]:
    """The Core connection and what each zone can do (no zone names, no track titles)."""
    coordinator = roon.coordinator
    return {
        "available": coordinator.available,
        "zones": [
            {
                "state": zone.state,
                "outputs": len(zone.output_ids),
                "playing_live": zone.now_playing.is_live if zone.now_playing else None,
            }
            for zone in coordinator.zones.values()
        ],
        "outputs": [
            {
                "volume_type": output.volume.type if output.volume else None,
                "supports_standby": any(c.supports_standby for c in output.source_controls),
                "groupable_with": len(output.can_group_with_output_ids),
            }
            for output in coordinator.outputs.values()
        ],
    }
