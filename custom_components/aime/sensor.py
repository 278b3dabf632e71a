"""The sensor platform: the hub's statistics and jobs, a Last.fm account's scrobbles.

Only dispatches by entry kind: each feature keeps its sensors in its own folder.
"""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from . import AimeConfigEntry
from .enrichment.sensor import enrichment_sensors
from .hub.runtime import HubRuntime
from .hub.sensor import HubNowPlayingSensor
from .lastfm.runtime import LastfmRuntime
from .lastfm.sensor import lastfm_sensors
from .playlists.sensor import LastPlaylistSensor
from .stats.person_sensor import async_add_person_sensors
from .stats.sensor import stats_sensors

# Entities only read what the coordinator and the importer already hold.
PARALLEL_UPDATES = 0


async def async_setup_entry(
    hass: HomeAssistant,
    entry: AimeConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the hub's sensors, or a Last.fm account's."""
    runtime = entry.runtime_data
    if isinstance(runtime, HubRuntime):
        async_add_entities(
            [
                *stats_sensors(runtime),
                HubNowPlayingSensor(runtime),
                LastPlaylistSensor(runtime),
                *enrichment_sensors(runtime),
            ]
        )
        async_add_person_sensors(runtime, async_add_entities)
    elif isinstance(runtime, LastfmRuntime):
        async_add_entities(lastfm_sensors(runtime))
