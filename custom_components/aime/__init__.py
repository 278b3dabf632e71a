"""AIME — AI Music Enabler: turns Home Assistant into a listening hub."""

from __future__ import annotations

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers import config_validation as cv, device_registry as dr
from homeassistant.helpers.typing import ConfigType

from .const import CONF_KIND, DOMAIN, KIND_HUB, KIND_LASTFM, KIND_LISTENBRAINZ, KIND_ROON
from .entry_setup import ENTRY_SETUP, AimeRuntime
from .hub.shared_store import async_acquire_store, async_release_store
from .hub.store_access import StoreAccess
from .lastfm.history_import import async_forget_checkpoint
from .listenbrainz.follower import async_forget_checkpoint as async_forget_listenbrainz
from .roon.coordinator import RoonRuntime
from .roon.entity import output_unique_id
from .roon.history import async_forget_listens
from .services import async_setup_services
from .websocket_api import async_register_websocket_commands

# Platforms by entry kind.
PLATFORMS: dict[str, list[Platform]] = {
    KIND_HUB: [Platform.BUTTON, Platform.SENSOR],
    KIND_LASTFM: [Platform.SENSOR],
    KIND_ROON: [Platform.MEDIA_PLAYER],
    KIND_LISTENBRAINZ: [],  # no entity of its own: its listens feed the hub's
}

CONFIG_SCHEMA = cv.config_entry_only_config_schema(DOMAIN)

type AimeConfigEntry = ConfigEntry[AimeRuntime]


def entry_kind(entry: ConfigEntry) -> str:
    """The hub, or the kind of source account the entry stands for."""
    return str(entry.data.get(CONF_KIND, KIND_HUB))


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Register the actions and websocket commands; they check which entries are loaded."""
    async_setup_services(hass)
    async_register_websocket_commands(hass)
    return True


async def async_setup_entry(hass: HomeAssistant, entry: AimeConfigEntry) -> bool:
    """Open (or join) the listening store, then start what the entry's kind needs.

    Whatever fails on the way (a first refresh, a Core that does not answer, a platform)
    stops what was started and lets go of the store, so retries leave nothing behind.
    """
    store = await async_acquire_store(hass, entry)
    access = StoreAccess(hass, store)
    runtime: AimeRuntime | None = None
    kind = entry_kind(entry)
    try:
        runtime = entry.runtime_data = await ENTRY_SETUP[kind](hass, entry, access)
        await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS[kind])
        await runtime.async_start()
    except BaseException:
        if runtime is not None:
            await runtime.async_stop()
        await access.async_close()
        await async_release_store(hass, entry)
        raise
    entry.async_on_unload(entry.add_update_listener(_async_options_updated))
    return True


async def async_remove_config_entry_device(
    hass: HomeAssistant, entry: AimeConfigEntry, device: dr.DeviceEntry
) -> bool:
    """Let the user delete a Roon player whose output the Core no longer has."""
    roon = entry.runtime_data
    if not isinstance(roon, RoonRuntime):
        return False
    coordinator = roon.coordinator
    current = {(DOMAIN, output_unique_id(coordinator, output)) for output in coordinator.outputs}
    return not device.identifiers & current


async def async_unload_entry(hass: HomeAssistant, entry: AimeConfigEntry) -> bool:
    """Unload the platforms, stop background work, then let go of the store."""
    if not await hass.config_entries.async_unload_platforms(entry, PLATFORMS[entry_kind(entry)]):
        return False
    runtime = entry.runtime_data
    await runtime.async_stop()
    await runtime.access.async_close()  # Waits for the store calls still running.
    await async_release_store(hass, entry)
    return True


async def async_remove_entry(hass: HomeAssistant, entry: AimeConfigEntry) -> None:
    """A removed account leaves nothing behind in Home Assistant's storage."""
    kind = entry_kind(entry)
    if kind == KIND_ROON:
        await async_forget_listens(hass, entry.entry_id)
    elif kind == KIND_LASTFM:
        await async_forget_checkpoint(hass, entry.entry_id)
    elif kind == KIND_LISTENBRAINZ:
        await async_forget_listenbrainz(hass, entry.entry_id)


async def _async_options_updated(hass: HomeAssistant, entry: AimeConfigEntry) -> None:
    """Options apply without a reload (credential changes reload from their own flow)."""
    await entry.runtime_data.async_apply_options(entry)
