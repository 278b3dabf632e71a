"""Store calls made on behalf of one entry, so that unloading the entry can wait for them."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.util.hass_dict import HassKey

from ..const import DOMAIN
from ..core.store.store import Store


class StoreClosedError(HomeAssistantError):
    """The entry is unloading: its store takes no new work (nothing was read or changed).

    A translated error, so an action or a websocket command racing an unload or a reload gets
    a message, not a bare ``CancelledError``. Background work catches it and stops quietly.
    """

    def __init__(self) -> None:
        """The error with its translation key."""
        super().__init__(translation_domain=DOMAIN, translation_key="store_closed")


_OPEN_ACCESSES: HassKey[set[StoreAccess]] = HassKey(f"{DOMAIN}_store_accesses")


class StoreAccess:
    """Blocking store calls made by one entry, so unloading can wait for them.

    The store is shared and closed by the last entry to unload: a call still running in the
    executor must finish first, and nothing may start once the entry is unloading.
    """

    def __init__(self, hass: HomeAssistant, store: Store) -> None:
        """Wrap the shared store for one entry."""
        self._hass = hass
        self.store = store
        self._closing = False
        self._running: set[asyncio.Future[Any]] = set()
        hass.data.setdefault(_OPEN_ACCESSES, set()).add(self)

    @property
    def closing(self) -> bool:
        """Whether the entry is unloading (a long call may stop early; read from any thread)."""
        return self._closing

    async def async_run[T](self, func: Callable[..., T], *args: Any) -> T:
        """Run ``func(*args)`` in the executor; it completes even if the caller is cancelled.

        Raises ``StoreClosedError`` once the entry is unloading.
        """
        if self._closing:
            raise StoreClosedError
        future = self._hass.async_add_executor_job(func, *args)
        self._running.add(future)
        future.add_done_callback(self._running.discard)
        return await asyncio.shield(future)

    async def async_wait_idle(self) -> None:
        """Wait for the calls running now (a cancelled caller's call runs to its end)."""
        if self._running:
            await asyncio.wait(self._running)

    async def async_close(self) -> None:
        """Refuse new calls and wait for the running ones."""
        self._closing = True
        self._hass.data.get(_OPEN_ACCESSES, set()).discard(self)
        await self.async_wait_idle()


async def async_close_all_accesses(hass: HomeAssistant) -> None:
    """Close every entry's access (Home Assistant stopping does not unload entries)."""
    accesses = list(hass.data.get(_OPEN_ACCESSES, ()))
    await asyncio.gather(*(access.async_close() for access in accesses))
