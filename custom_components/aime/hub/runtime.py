"""What a loaded hub entry holds: the kernel every feature shares, and each feature's runtime.

The kernel knows no feature. A feature set up with the hub (statistics, enrichment, recaps,
the panel...) keeps its runtime here under its own ``FeatureKey`` and registers its cleanup
and its options listener as soon as they exist, so a set-up that fails half-way stops exactly
what was started, and unloading stops the features in the reverse order of their start.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from homeassistant.core import HomeAssistant
from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo

from ..const import (
    CONF_DEDUP_WINDOW,
    DEFAULT_DEDUP_WINDOW_MINUTES,
    DOMAIN,
    EXPORTS_FOLDER,
    STORE_FOLDER,
)
from ..texts import strings_of
from .jobs import JobScheduler, job_times
from .store_access import StoreAccess

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry

    from ..core.store.store import Store

type Cleanup = Callable[[], Awaitable[None] | None]
type OptionsListener = Callable[[], Awaitable[None]]


class FeatureKey[T]:
    """Names the runtime of one feature in the hub (as ``HassKey`` names ``hass.data``)."""

    __slots__ = ("name",)

    def __init__(self, name: str) -> None:
        """A key; features declare theirs once, next to their runtime."""
        self.name = name

    def __repr__(self) -> str:
        """The feature's name, for errors and diagnostics."""
        return f"FeatureKey({self.name!r})"


class HubRuntime:
    """The loaded hub: its store access, its job scheduler and the features' runtimes."""

    def __init__(self, hass: HomeAssistant, entry: ConfigEntry, access: StoreAccess) -> None:
        """The kernel of a hub entry being set up; features join it one by one."""
        self.hass = hass
        self.entry = entry
        self.access = access
        # Jobs of every feature (enrichment, haiku, exports) share one schedule and one store.
        self.jobs = JobScheduler(hass, entry)
        self._features: dict[FeatureKey[Any], object] = {}
        self._cleanups: list[Cleanup] = []
        self._options_listeners: list[OptionsListener] = []
        self._jobs_started = False

    @property
    def store(self) -> Store:
        """The shared listening store."""
        return self.access.store

    @property
    def device_info(self) -> DeviceInfo:
        """The hub's device ("AIME"), which its statistics, buttons and jobs belong to."""
        entry = self.entry
        return DeviceInfo(
            identifiers={(DOMAIN, str(entry.unique_id or entry.entry_id))},
            name="AIME",
            manufacturer="AIME",
            model=strings_of(self.hass, "device_model")["hub"],
            entry_type=DeviceEntryType.SERVICE,
        )

    @property
    def exports_directory(self) -> Path:
        """``<config>/aime/exports``: the only folder exports and recaps are written to."""
        return Path(self.hass.config.path(STORE_FOLDER, EXPORTS_FOLDER))

    def add_feature[T](self, key: FeatureKey[T], runtime: T) -> T:
        """Keep a feature's runtime (once per feature)."""
        if key in self._features:
            raise ValueError(f"{key} is already set up")
        self._features[key] = runtime
        return runtime

    def feature[T](self, key: FeatureKey[T]) -> T | None:
        """A feature's runtime, or ``None`` when that feature is not set up."""
        return cast("T | None", self._features.get(key))

    def require[T](self, key: FeatureKey[T]) -> T:
        """A feature's runtime that the caller's own set-up depends on (a bug when missing)."""
        if (runtime := self.feature(key)) is None:
            raise LookupError(f"{key} is not set up")
        return runtime

    def async_on_stop(self, cleanup: Cleanup) -> None:
        """Call ``cleanup`` when the hub stops, or when its set-up fails after this point."""
        self._cleanups.append(cleanup)

    def async_on_options(self, listener: OptionsListener) -> None:
        """Call ``listener`` when the hub's options change (in the order they registered)."""
        self._options_listeners.append(listener)

    async def async_start_jobs(self) -> None:
        """Schedule every registered job at its time of day (after the features joined)."""
        await self.jobs.async_start(job_times(self.entry.options))
        self._jobs_started = True

    async def async_start(self) -> None:
        """Nothing more once the sensors and buttons exist: the features started with the hub."""

    async def async_apply_options(self, entry: ConfigEntry) -> None:
        """Features follow their options, jobs their times, the store its duplicate window."""
        for listener in self._options_listeners:
            await listener()
        if self._jobs_started:
            self.jobs.async_reschedule(job_times(entry.options))
        minutes = int(entry.options.get(CONF_DEDUP_WINDOW, DEFAULT_DEDUP_WINDOW_MINUTES))
        await self.hass.async_add_executor_job(setattr, self.store, "dedup_window", 60 * minutes)

    async def async_stop(self) -> None:
        """Stop the jobs, then each feature, the last started first (the access stays open)."""
        if self._jobs_started:  # Before, saving would overwrite the runs kept from last time.
            self._jobs_started = False
            await self.jobs.async_stop()
        while self._cleanups:
            if (pending := self._cleanups.pop()()) is not None:
                await pending
