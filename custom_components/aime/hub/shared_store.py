"""One listening store for every AIME entry: opened by the first entry, closed by the last.

The hub and each source entry (a Last.fm account, a Roon core) record into the same store.
An unusable database file fails every entry the same way: one repair issue, one translated
error, and the file left exactly as it is.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from homeassistant.config_entries import ConfigEntry
from homeassistant.const import EVENT_CORE_CONFIG_UPDATE, EVENT_HOMEASSISTANT_STOP
from homeassistant.core import CALLBACK_TYPE, Event, HomeAssistant
from homeassistant.exceptions import ConfigEntryError
from homeassistant.helpers import issue_registry as ir
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.util.hass_dict import HassKey

from ..const import (
    CONF_DEDUP_WINDOW,
    CONF_KIND,
    DEFAULT_DEDUP_WINDOW_MINUTES,
    DOMAIN,
    ISSUE_STORE_OPEN_FAILED,
    KIND_HUB,
    STORE_FILENAME,
    STORE_FOLDER,
)
from ..core.errors import StoreOpenError
from ..core.store.store import Store
from .recording import SIGNAL_PLAYS_RECORDED
from .store_access import async_close_all_accesses


@dataclass(slots=True)
class _Shared:
    store: Store
    users: set[str] = field(default_factory=set)
    unsubscribe_stop: CALLBACK_TYPE | None = None
    unsubscribe_config: CALLBACK_TYPE | None = None


_SHARED: HassKey[_Shared] = HassKey(f"{DOMAIN}_store")
_LOCK: HassKey[asyncio.Lock] = HassKey(f"{DOMAIN}_store_lock")


def dedup_window_seconds(hass: HomeAssistant) -> int:
    """The hub's de-duplication window (the default when there is no hub yet)."""
    for entry in hass.config_entries.async_entries(DOMAIN):
        if entry.data.get(CONF_KIND, KIND_HUB) == KIND_HUB:
            return 60 * int(entry.options.get(CONF_DEDUP_WINDOW, DEFAULT_DEDUP_WINDOW_MINUTES))
    return 60 * DEFAULT_DEDUP_WINDOW_MINUTES


async def async_acquire_store(hass: HomeAssistant, entry: ConfigEntry) -> Store:
    """The shared store, opened on first use; raises ``ConfigEntryError`` when unusable."""
    async with hass.data.setdefault(_LOCK, asyncio.Lock()):
        shared = hass.data.get(_SHARED)
        if shared is None:
            store = await _async_open(hass)
            shared = hass.data[_SHARED] = _Shared(store)

            async def _async_close_at_stop(_: Event) -> None:
                # Entries are not unloaded when Home Assistant stops: close here.
                shared.unsubscribe_stop = None
                if shared.unsubscribe_config is not None:
                    shared.unsubscribe_config()
                    shared.unsubscribe_config = None
                # Background work still reading (a sync started at set-up) ends first, and
                # what starts later gets StoreClosedError, which it ends on quietly.
                await async_close_all_accesses(hass)
                await hass.async_add_executor_job(store.close)

            async def _async_follow_time_zone(_: Event) -> None:
                # Statistics count local days: a new home time zone recounts them once.
                if await hass.async_add_executor_job(store.set_time_zone, hass.config.time_zone):
                    async_dispatcher_send(
                        hass, SIGNAL_PLAYS_RECORDED
                    )  # Recounted: refresh sensors.

            shared.unsubscribe_stop = hass.bus.async_listen_once(
                EVENT_HOMEASSISTANT_STOP, _async_close_at_stop
            )
            shared.unsubscribe_config = hass.bus.async_listen(
                EVENT_CORE_CONFIG_UPDATE, _async_follow_time_zone
            )
        shared.users.add(entry.entry_id)
        return shared.store


async def async_release_store(hass: HomeAssistant, entry: ConfigEntry) -> None:
    """Stop using the store; the last user closes it."""
    async with hass.data.setdefault(_LOCK, asyncio.Lock()):
        shared = hass.data.get(_SHARED)
        if shared is None:
            return
        shared.users.discard(entry.entry_id)
        if shared.users:
            return
        del hass.data[_SHARED]
        if shared.unsubscribe_stop is not None:
            shared.unsubscribe_stop()
        if shared.unsubscribe_config is not None:
            shared.unsubscribe_config()
        await hass.async_add_executor_job(shared.store.close)


async def _async_open(hass: HomeAssistant) -> Store:
    path = Path(hass.config.path(STORE_FOLDER, STORE_FILENAME))
    window = dedup_window_seconds(hass)
    try:
        store = await hass.async_add_executor_job(
            partial(Store.open, path, dedup_window=window, time_zone=hass.config.time_zone)
        )
    except StoreOpenError as err:
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
    return store
