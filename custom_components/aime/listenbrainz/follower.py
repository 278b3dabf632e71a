"""A ListenBrainz account's listens into the store: the history once, then each new listen.

Two cursors, kept in ``.storage`` (``aime.listenbrainz.<entry id>``) so a restart resumes:
``newest``, the latest listen recorded, down to which each poll reads the latest listens
(``max_ts``, page after page); and ``import_before``, where the history
import reads on, newest first (``max_ts``), page by page until ListenBrainz has no older listen.
The first poll reads the latest page, which sets both. The import records quietly (no event per
play; the statistics are settled when it ends), the polls announce each new play. Listens are
plays of the source "listenbrainz", for the person the entry's options name (``listener``).
A refused token asks the user to re-authenticate; other failures wait for the next poll.
"""

from __future__ import annotations

import asyncio
from collections.abc import Sequence
import dataclasses
from datetime import datetime, timedelta
from typing import TYPE_CHECKING, Any, Final

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.helpers.event import async_track_time_interval
from homeassistant.helpers.storage import Store as HaStore

from ..clients.listenbrainz import ListenbrainzAuthError, ListenbrainzClient, ListenbrainzError
from ..const import CONF_LISTENER, DOMAIN, LOGGER
from ..core.models import PlayInput
from ..hub.recording import SIGNAL_PLAYS_RECORDED, async_record_plays
from ..hub.store_access import StoreAccess, StoreClosedError
from ..stats.long_term_statistics import async_bulk_import

if TYPE_CHECKING:
    from .. import AimeConfigEntry

POLL_INTERVAL: Final = timedelta(seconds=60)
PAGE_SIZE: Final = 1000  # ListenBrainz's MAX_ITEMS_PER_GET
POLL_PAGE_SIZE: Final = 100  # a minute's listens fit many times over
_STORAGE_VERSION: Final = 1


def checkpoint_key(entry_id: str) -> str:
    """The ``.storage`` file keeping an account's cursors."""
    return f"{DOMAIN}.listenbrainz.{entry_id}"


class ListenbrainzFollower:
    """Imports an account's history in the background and polls for its new listens."""

    def __init__(
        self,
        hass: HomeAssistant,
        entry: AimeConfigEntry,
        client: ListenbrainzClient,
        access: StoreAccess,
        user: str,
    ) -> None:
        self._hass = hass
        self._entry = entry
        self._client = client
        self._access = access
        self._user = user
        self._storage: HaStore[dict[str, Any]] = HaStore(
            hass, _STORAGE_VERSION, checkpoint_key(entry.entry_id)
        )
        self.newest: int | None = None
        self.import_before: int | None = None
        self.import_done = False
        self._lock = asyncio.Lock()
        self._import_task: asyncio.Task[None] | None = None
        self._unsubscribe: CALLBACK_TYPE | None = None

    async def async_start(self) -> None:
        """Load the cursors, poll now and every minute, import what is left of the history."""
        saved = await self._storage.async_load() or {}
        self.newest = saved.get("newest")
        self.import_before = saved.get("import_before")
        self.import_done = bool(saved.get("import_done"))
        await self.async_poll()
        self._unsubscribe = async_track_time_interval(
            self._hass, self._async_tick, POLL_INTERVAL, name=f"{self._entry.title} listens"
        )
        if not self.import_done:
            self._import_task = self._entry.async_create_background_task(
                self._hass, self._async_import(), f"{self._entry.title} history import"
            )

    async def async_stop(self) -> None:
        """Stop polling and importing (the cursors stay for the next start)."""
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        if self._import_task is not None and not self._import_task.done():
            self._import_task.cancel()
            await asyncio.wait([self._import_task])
        self._import_task = None
        await self._access.async_wait_idle()

    @callback
    def _async_tick(self, _now: datetime) -> None:
        # liblistenbrainz sets no timeout: while a request hangs, ticks do not pile up behind it.
        if self._lock.locked():
            return
        self._entry.async_create_background_task(
            self._hass, self.async_poll(), f"{self._entry.title} poll"
        )

    async def async_poll(self) -> None:
        """Record the listens since the newest one recorded (the latest page, the first time)."""
        async with self._lock:
            try:
                await self._async_poll()
            except ListenbrainzAuthError:
                LOGGER.warning("%s: ListenBrainz refused the token", self._entry.title)
                self._entry.async_start_reauth(self._hass)
            except ListenbrainzError as err:
                LOGGER.debug("%s: poll failed (%s); next in a minute", self._entry.title, err)
            except StoreClosedError:
                return  # unloading: the next start picks up from the cursors

    async def _async_poll(self) -> None:
        if self.newest is None:
            page = await self._fetch_before(None)
            if page:
                await self._async_record(page, announce=True)
                self.newest = max(play.played_at for play in page)
                self.import_before = min(play.played_at for play in page)
            else:
                self.newest = 0
            self.import_done = self.import_done or len(page) < PAGE_SIZE
            await self._async_save()
            return
        # Newest first, down to the newest recorded: whatever ListenBrainz does with min_ts,
        # no listen between two polls is skipped.
        newest, fresh, max_ts = self.newest, [], None
        while True:
            page = await self._fetch_before(max_ts, POLL_PAGE_SIZE)
            new = [play for play in page if play.played_at > newest]
            fresh.extend(new)
            if len(new) < len(page) or len(page) < POLL_PAGE_SIZE:
                break
            max_ts = min(play.played_at for play in page)
        if fresh:
            await self._async_record(fresh, announce=True)
            self.newest = max(play.played_at for play in fresh)
            await self._async_save()

    async def _async_import(self) -> None:
        """Older pages until ListenBrainz has none; then the statistics are settled."""
        try:
            async with async_bulk_import(self._hass):
                while not self.import_done:
                    async with self._lock:
                        if self.import_before is None:
                            break  # the first poll failed: the next start tries again
                        page = await self._fetch_before(self.import_before)
                        await self._async_record(page, announce=False)
                        if page:
                            self.import_before = min(play.played_at for play in page)
                        self.import_done = len(page) < PAGE_SIZE
                        await self._async_save()
                await self._access.async_run(self._access.store.settle_statistics)
            async_dispatcher_send(self._hass, SIGNAL_PLAYS_RECORDED)
        except StoreClosedError:
            return
        except ListenbrainzError as err:
            LOGGER.warning("%s: history import paused: %s", self._entry.title, err)
            return
        if self.import_done:
            LOGGER.info("%s: history import finished", self._entry.title)

    async def _fetch_before(self, max_ts: int | None, count: int = PAGE_SIZE) -> list[PlayInput]:
        return await self._hass.async_add_executor_job(
            self._client.listens_before, self._user, max_ts, count
        )

    async def _async_record(self, plays: Sequence[PlayInput], *, announce: bool) -> None:
        listener = self._entry.options.get(CONF_LISTENER) or None
        if listener is not None:
            plays = [dataclasses.replace(play, listener=listener) for play in plays]
        if plays:
            await async_record_plays(self._hass, self._access, plays, announce=announce)

    async def _async_save(self) -> None:
        await self._storage.async_save(
            {
                "newest": self.newest,
                "import_before": self.import_before,
                "import_done": self.import_done,
            }
        )


async def async_forget_checkpoint(hass: HomeAssistant, entry_id: str) -> None:
    """A removed account's cursors go with it."""
    await HaStore[dict[str, Any]](hass, _STORAGE_VERSION, checkpoint_key(entry_id)).async_remove()
