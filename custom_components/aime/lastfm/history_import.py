"""Import a Last.fm account's history: paced, checkpointed, resumable, cancellable.

The range is fixed when the import starts. Pages of 200 scrobbles are read oldest first at
most five requests a second (Last.fm's limit). After each page the plays are stored and a
checkpoint is saved, so an import interrupted by a restart resumes where it stopped.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from dataclasses import asdict, dataclass, fields
from datetime import datetime, timedelta
from enum import StrEnum
from functools import partial
from typing import TYPE_CHECKING, Any

from homeassistant.components import persistent_notification
from homeassistant.const import CONF_USERNAME
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.helpers import storage, translation
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.util import dt as dt_util

from ..clients.lastfm import (
    LastfmAuthError,
    LastfmClient,
    LastfmConnectionError,
    LastfmError,
    LastfmRateLimitError,
    RecentPage,
)
from ..const import DOMAIN, LOGGER
from ..core.models import IngestResult, Source
from ..hub.people import account_listener
from ..hub.recording import SIGNAL_PLAYS_RECORDED, async_record_plays
from ..hub.store_access import StoreAccess, StoreClosedError
from ..stats.long_term_statistics import async_bulk_import

if TYPE_CHECKING:
    from .. import AimeConfigEntry

# Last.fm allows five requests a second per API key.
REQUEST_INTERVAL = 0.2
# Waits before retrying a page after a network failure, a 5xx or rate limiting.
RETRY_DELAYS: tuple[float, ...] = (5.0, 30.0, 120.0)
CHECKPOINT_VERSION = 1


class ImportStatus(StrEnum):
    """Where the import stands (also the progress sensor's ``status`` attribute)."""

    IDLE = "idle"
    RUNNING = "running"
    PAUSED = "paused"
    FINISHED = "finished"
    CANCELLED = "cancelled"


@dataclass(slots=True)
class ImportProgress:
    """An import's range and how far it got; saved as the checkpoint after each page."""

    username: str
    start: int  # UTC epoch; 0 reads from the account's first scrobble
    end: int
    total_pages: int = -1  # unknown until the first page arrived
    next_page: int = 0  # pages are read from total_pages down to 1 (oldest first)
    pages_done: int = 0
    lastfm_total: int = 0
    received: int = 0
    added: int = 0
    duplicates: int = 0
    merged: int = 0
    rejected: int = 0

    @property
    def percent(self) -> int:
        """Whole percent of the pages read."""
        if self.total_pages <= 0:
            return 100 if self.total_pages == 0 else 0
        return 100 * self.pages_done // self.total_pages

    def absorb(self, result: IngestResult) -> None:
        """Count one page's ingest."""
        self.received += result.received
        self.added += result.added
        self.duplicates += result.duplicates
        self.merged += result.merged
        self.rejected += len(result.rejected)

    @classmethod
    def from_checkpoint(cls, data: dict[str, Any]) -> ImportProgress:
        """Read a saved checkpoint (unknown keys from later versions are ignored)."""
        names = {field.name for field in fields(cls)}
        return cls(**{key: value for key, value in data.items() if key in names})


def _checkpoint_store(hass: HomeAssistant, entry_id: str) -> storage.Store[dict[str, Any]]:
    return storage.Store(hass, CHECKPOINT_VERSION, f"{DOMAIN}.lastfm_import.{entry_id}")


async def async_forget_checkpoint(hass: HomeAssistant, entry_id: str) -> None:
    """The account's entry is removed: delete its import checkpoint."""
    await _checkpoint_store(hass, entry_id).async_remove()


class LastfmImporter:
    """Runs at most one history import for a Last.fm entry."""

    def __init__(
        self,
        hass: HomeAssistant,
        entry: AimeConfigEntry,
        client: LastfmClient,
        store: StoreAccess,
    ) -> None:
        """Importer for one entry; its checkpoint is kept in Home Assistant's storage."""
        self._hass = hass
        self._entry = entry
        self._client = client
        self._store = store
        self._checkpoint = _checkpoint_store(hass, entry.entry_id)
        self._task: asyncio.Task[None] | None = None
        self._listeners: list[CALLBACK_TYPE] = []
        self._last_request = -REQUEST_INTERVAL
        self._notified: tuple[ImportStatus, int] | None = None
        self.status = ImportStatus.IDLE
        self.progress: ImportProgress | None = None
        self.eta: datetime | None = None
        self.started_at: datetime | None = None  # this run's start (a resumed import's too)

    @property
    def running(self) -> bool:
        """Whether an import is under way."""
        return self._task is not None and not self._task.done()

    @property
    def username(self) -> str:
        """The account whose history is imported."""
        return str(self._entry.data[CONF_USERNAME])

    @callback
    def async_add_listener(self, update: CALLBACK_TYPE) -> CALLBACK_TYPE:
        """Call ``update`` when the status or the whole percent changes."""
        self._listeners.append(update)
        return lambda: self._listeners.remove(update)

    async def async_resume(self) -> bool:
        """Resume an unfinished import from its checkpoint (at setup)."""
        data = await self._checkpoint.async_load()
        if data is None:
            return False
        progress = ImportProgress.from_checkpoint(data)
        if progress.username.casefold() != self.username.casefold():
            # The entry now follows another account: that range means nothing for it.
            await self._checkpoint.async_remove()
            return False
        LOGGER.info("%s: resuming the history import", self._entry.title)
        self._start(progress)
        return True

    async def async_start(self, start: int, end: int) -> ImportProgress:
        """Import the scrobbles that started in [start, end] (UTC epochs)."""
        progress = ImportProgress(username=self.username, start=start, end=end)
        await self._checkpoint.async_save(asdict(progress))
        self._start(progress)
        return progress

    @callback
    def async_resume_paused(self) -> ImportProgress | None:
        """Continue a paused import, if there is one."""
        if self.status is not ImportStatus.PAUSED or self.progress is None:
            return None
        self._start(self.progress)
        return self.progress

    async def async_cancel(self) -> bool:
        """Stop the import and forget its checkpoint; False when there was nothing to cancel."""
        if not self.running and self.status is not ImportStatus.PAUSED:
            return False
        await self.async_stop()
        await self._checkpoint.async_remove()
        self._set_status(ImportStatus.CANCELLED)
        await self._async_notify_user("lastfm_import_cancelled", self._counts())
        return True

    async def async_stop(self) -> None:
        """Stop a running import, keeping its checkpoint (unload).

        A page being stored when the import is cancelled is stored to the end first: when
        this returns, nothing of the import touches the store any more. (A Last.fm request
        under way cannot be interrupted; its answer is dropped.)
        """
        if self._task is not None and not self._task.done():
            self._task.cancel()
            await asyncio.wait([self._task])
            await self._store.async_wait_idle()
        self._task = None

    @callback
    def _start(self, progress: ImportProgress) -> None:
        self.progress = progress
        self.eta = None
        self.started_at = dt_util.utcnow()
        self._task = self._entry.async_create_background_task(
            self._hass, self._async_run(progress), f"{self._entry.title} history import"
        )

    async def _async_run(self, progress: ImportProgress) -> None:
        self._set_status(ImportStatus.RUNNING)
        try:
            # Long-term statistics get the imported hours once, at the end.
            async with async_bulk_import(self._hass):
                await self._async_import_pages(progress)
                # Scrobbles that completed imported AIME plays may have moved them: recount.
                await self._store.async_run(self._store.store.settle_statistics)
            async_dispatcher_send(self._hass, SIGNAL_PLAYS_RECORDED)
            stored = await self._store.async_run(
                self._store.store.count_plays, progress.start, progress.end, Source.LASTFM
            )
        except StoreClosedError:
            # The entry is unloading: the checkpoint stays, the import resumes at the next setup.
            return
        except LastfmAuthError:
            LOGGER.warning(
                "%s: history import paused: Last.fm refused the API key", self._entry.title
            )
            self._set_status(ImportStatus.PAUSED)
            self._entry.async_start_reauth(self._hass)
            await self._async_notify_user("lastfm_import_paused_auth", self._counts())
            return
        except Exception as err:
            if isinstance(err, LastfmError):
                LOGGER.warning("%s: history import paused: %s", self._entry.title, err)
            else:
                LOGGER.exception(
                    "%s: history import paused by an unexpected error", self._entry.title
                )
            self._set_status(ImportStatus.PAUSED)
            await self._async_notify_user(
                "lastfm_import_paused", {**self._counts(), "error": str(err)}
            )
            return
        await self._checkpoint.async_remove()
        self.eta = None
        self._set_status(ImportStatus.FINISHED)
        LOGGER.info(
            "%s: history import finished: %d scrobbles received, %d new plays",
            self._entry.title,
            progress.received,
            progress.added,
        )
        await self._async_notify_user(
            "lastfm_import_finished", {**self._counts(), "stored": str(stored)}
        )

    async def _async_import_pages(self, progress: ImportProgress) -> None:
        started = self._hass.loop.time()
        pages_before = progress.pages_done
        if progress.total_pages < 0:
            # The newest page tells how many there are; reading starts from the oldest.
            first = await self._async_fetch(progress, 1)
            progress.total_pages = first.total_pages
            progress.next_page = first.total_pages
            progress.lastfm_total = first.total
            await self._checkpoint.async_save(asdict(progress))
        while progress.next_page >= 1:
            page = await self._async_fetch(progress, progress.next_page)
            listener = account_listener(self._entry)
            plays = [scrobble.to_play(listener) for scrobble in reversed(page.scrobbles)]
            # History, not plays happening now: no event per play (the statistics still follow).
            progress.absorb(
                await async_record_plays(self._hass, self._store, plays, announce=False)
            )
            progress.pages_done += 1
            progress.next_page -= 1
            await self._checkpoint.async_save(asdict(progress))
            per_page = (self._hass.loop.time() - started) / (progress.pages_done - pages_before)
            self.eta = dt_util.utcnow() + timedelta(seconds=per_page * progress.next_page)
            self._async_update_listeners()

    async def _async_fetch(self, progress: ImportProgress, page: int) -> RecentPage:
        """One page, paced, retried a few times on transient failures."""
        fetch = partial(
            self._client.recent_page,
            page=page,
            time_from=progress.start or None,
            time_to=progress.end,
        )
        for delay in RETRY_DELAYS:
            try:
                return await self._async_paced(fetch)
            except (LastfmConnectionError, LastfmRateLimitError) as err:
                LOGGER.debug("%s: page %d failed (%s), retrying", self._entry.title, page, err)
                await asyncio.sleep(delay)
        return await self._async_paced(fetch)

    async def _async_paced(self, fetch: Callable[[], RecentPage]) -> RecentPage:
        wait = self._last_request + REQUEST_INTERVAL - self._hass.loop.time()
        if wait > 0:
            await asyncio.sleep(wait)
        self._last_request = self._hass.loop.time()
        return await self._hass.async_add_executor_job(fetch)

    @callback
    def _set_status(self, status: ImportStatus) -> None:
        self.status = status
        self._async_update_listeners()

    @callback
    def _async_update_listeners(self) -> None:
        # A state per page would flood the recorder on a long import: whole percents only.
        percent = self.progress.percent if self.progress else 0
        if self._notified == (self.status, percent):
            return
        self._notified = (self.status, percent)
        for update in list(self._listeners):
            update()

    def _counts(self) -> dict[str, str]:
        progress = self.progress
        assert progress is not None
        start = _local_date(progress.start) if progress.start else "…"
        return {
            "user": self.username,
            "start": start,
            "end": _local_date(progress.end),
            "pages_done": str(progress.pages_done),
            "pages": str(max(progress.total_pages, 0)),
            "lastfm_total": str(progress.lastfm_total),
            "received": str(progress.received),
            "added": str(progress.added),
            "duplicates": str(progress.duplicates),
            "merged": str(progress.merged),
            "rejected": str(progress.rejected),
        }

    async def _async_notify_user(self, key: str, placeholders: dict[str, str]) -> None:
        """A persistent notification in the user's language (English when not translated)."""
        strings = await translation.async_get_translations(
            self._hass, self._hass.config.language, "exceptions", {DOMAIN}
        )
        prefix = f"component.{DOMAIN}.exceptions"
        persistent_notification.async_create(
            self._hass,
            strings[f"{prefix}.{key}.message"].format(**placeholders),
            strings[f"{prefix}.lastfm_import_title.message"].format(**placeholders),
            notification_id=f"{DOMAIN}_lastfm_import_{self._entry.entry_id}",
        )


def _local_date(timestamp: int) -> str:
    return dt_util.as_local(dt_util.utc_from_timestamp(timestamp)).date().isoformat()
