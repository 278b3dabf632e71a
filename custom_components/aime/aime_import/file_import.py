"""What every file import shares: one at a time, its progress, its cancellation, its paths.

Imports of files (an AIME database, a Spotify history, a ListenBrainz export) run one at a
time. While batches of plays remain, a persistent notification shows how far the import got
(in whole percents), removed when the action answers. ``aime.cancel_aime_import``, the entry
unloading or Home Assistant stopping stops the running import after the batch under way.
Long-term statistics get the imported hours once, at the end.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
import threading
from typing import Any

from homeassistant.components import persistent_notification
from homeassistant.core import HomeAssistant, ServiceCall
from homeassistant.helpers import translation
from homeassistant.util import dt as dt_util
from homeassistant.util.hass_dict import HassKey

from ..const import DOMAIN
from ..exceptions import validation_error
from ..hub.store_access import StoreAccess
from ..stats.long_term_statistics import async_bulk_import

_IMPORT_LOCK: HassKey[asyncio.Lock] = HassKey(f"{DOMAIN}_aime_import_lock")
# Set by the cancel action; there while an import runs (read in the executor).
_CANCEL: HassKey[threading.Event] = HassKey(f"{DOMAIN}_aime_import_cancel")
# The running import, for the panel (``aime/imports``).
_RUNNING: HassKey[FileImportStatus] = HassKey(f"{DOMAIN}_aime_import_running")
NOTIFICATION_ID = f"{DOMAIN}_aime_import"


@dataclass(frozen=True, slots=True)
class RunningImport:
    """The running import's progress (``progress(done, total)``) and whether to stop."""

    progress: Progress
    cancelled: Callable[[], bool]


@dataclass(frozen=True, slots=True)
class FileImportStatus:
    """What the panel shows of the running file import."""

    kind: str  # "aime", "spotify", "listenbrainz"
    path: str
    started_at: datetime
    progress: Progress

    def as_dict(self) -> dict[str, Any]:
        """The panel's row (``total`` is 0 until the first batch told how many there are)."""
        return {
            "kind": self.kind,
            "file": self.path,
            "done": self.progress.done,
            "total": self.progress.total,
            "started_at": self.started_at.isoformat(),
            "cancellable": True,
        }


def running_file_import(hass: HomeAssistant) -> FileImportStatus | None:
    """The file import under way, if any."""
    return hass.data.get(_RUNNING)


@asynccontextmanager
async def async_file_import(
    hass: HomeAssistant, access: StoreAccess, kind: str, raw_path: str, strings: tuple[str, str]
) -> AsyncIterator[RunningImport]:
    """Run one file import; ``strings``: the keys of its notification's title and message."""
    lock = hass.data.setdefault(_IMPORT_LOCK, asyncio.Lock())
    if lock.locked():
        raise validation_error("aime_import_running")
    async with lock:
        progress = Progress(hass, raw_path, await _async_strings(hass, strings))
        cancel = hass.data[_CANCEL] = threading.Event()
        hass.data[_RUNNING] = FileImportStatus(kind, raw_path, dt_util.utcnow(), progress)
        try:
            async with async_bulk_import(hass):
                yield RunningImport(progress, lambda: cancel.is_set() or access.closing)
        finally:
            del hass.data[_CANCEL], hass.data[_RUNNING]
            if progress.shown:
                persistent_notification.async_dismiss(hass, NOTIFICATION_ID)


async def async_cancel_import(call: ServiceCall) -> None:
    """Stop the running import after the batch of plays under way."""
    if (cancel := call.hass.data.get(_CANCEL)) is None:
        raise validation_error("aime_import_not_running")
    cancel.set()


async def _async_strings(hass: HomeAssistant, keys: tuple[str, str]) -> tuple[str, str]:
    """The notification's title and message, in the user's language (English when missing)."""
    strings = await translation.async_get_translations(
        hass, hass.config.language, "exceptions", {DOMAIN}
    )
    prefix = f"component.{DOMAIN}.exceptions"
    title, message = keys
    return strings[f"{prefix}.{title}.message"], strings[f"{prefix}.{message}.message"]


class Progress:
    """Shows the import's progress in a persistent notification; callable from any thread."""

    def __init__(self, hass: HomeAssistant, path: str, strings: tuple[str, str]) -> None:
        self._hass, self._path = hass, path
        self._title, self._message = strings
        self._percent = -1
        self.shown = False
        self.done = self.total = 0

    def __call__(self, done: int, total: int) -> None:
        self.done, self.total = done, total  # read by the panel: two ints, no lock needed
        percent = done * 100 // total if total else 100
        if done >= total or percent == self._percent:
            return  # Done: the action answers now. A state per batch would flood the log.
        self._percent, self.shown = percent, True
        message = self._message.format(path=self._path, percent=percent, done=done, total=total)
        persistent_notification.create(
            self._hass, message, self._title, notification_id=NOTIFICATION_ID
        )


def resolve_under(folder: Path, raw_path: str) -> Path | None:
    """``raw_path`` (relative to ``folder``, or absolute) when it lies inside ``folder``.

    Links are followed first, so a link inside the folder cannot lead out of it. Blocks.
    """
    root = folder.resolve()
    path = (root / Path(raw_path).expanduser()).resolve()
    return path if path.is_relative_to(root) and path != root else None
