"""AIME — AI Music Enabler: turns Home Assistant into a listening hub."""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial
from pathlib import Path

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import EVENT_HOMEASSISTANT_STOP, Platform
from homeassistant.core import Event, HomeAssistant
from homeassistant.exceptions import ConfigEntryError
from homeassistant.helpers import issue_registry as ir

from .const import (
    CONF_DEDUP_WINDOW,
    DEFAULT_DEDUP_WINDOW_MINUTES,
    DOMAIN,
    ISSUE_STORE_OPEN_FAILED,
    STORE_FILENAME,
    STORE_FOLDER,
)
from .core.errors import StoreOpenError
from .core.store import Store

# Later milestones add their platforms here.
PLATFORMS: list[Platform] = []


@dataclass(slots=True)
class AimeData:
    """What a loaded AIME entry holds at runtime."""

    store: Store


type AimeConfigEntry = ConfigEntry[AimeData]


async def async_setup_entry(hass: HomeAssistant, entry: AimeConfigEntry) -> bool:
    """Open the listening store and set up the platforms."""
    path = Path(hass.config.path(STORE_FOLDER, STORE_FILENAME))
    try:
        window = 60 * entry.options.get(CONF_DEDUP_WINDOW, DEFAULT_DEDUP_WINDOW_MINUTES)
        store = await hass.async_add_executor_job(partial(Store.open, path, dedup_window=window))
    except StoreOpenError as err:
        # The file is left as it is: the user decides whether to restore or move it away.
        placeholders = {"path": str(err.path)}
        ir.async_create_issue(
            hass,
            DOMAIN,
            ISSUE_STORE_OPEN_FAILED,
            is_fixable=False,
            severity=ir.IssueSeverity.ERROR,
            translation_key=err.failure.value,
            translation_placeholders=placeholders,
        )
        raise ConfigEntryError(
            translation_domain=DOMAIN,
            translation_key=err.failure.value,
            translation_placeholders=placeholders,
        ) from err
    ir.async_delete_issue(hass, DOMAIN, ISSUE_STORE_OPEN_FAILED)

    entry.runtime_data = AimeData(store=store)

    async def _async_close_store(_: Event) -> None:
        """Close the store when Home Assistant stops, even if the entry is never unloaded."""
        await hass.async_add_executor_job(store.close)

    # Not listen_once: unloading after the stop event must still find the listener to remove.
    entry.async_on_unload(hass.bus.async_listen(EVENT_HOMEASSISTANT_STOP, _async_close_store))

    entry.async_on_unload(entry.add_update_listener(_async_options_updated))
    await hass.config_entries.async_forward_entry_setups(entry, PLATFORMS)
    return True


async def _async_options_updated(hass: HomeAssistant, entry: AimeConfigEntry) -> None:
    """Options change how the store behaves: reopen it with them."""
    await hass.config_entries.async_reload(entry.entry_id)


async def async_unload_entry(hass: HomeAssistant, entry: AimeConfigEntry) -> bool:
    """Unload the platforms, then close the store."""
    if unload_ok := await hass.config_entries.async_unload_platforms(entry, PLATFORMS):
        await hass.async_add_executor_job(entry.runtime_data.store.close)
    return unload_ok
