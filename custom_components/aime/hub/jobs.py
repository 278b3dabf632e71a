"""Scheduled jobs of the hub: enrichment, Discogs sync, haiku, exports, once a day each.

Each job fires at its local time (hub options) through ``async_track_time_change``. Its last
run (when, how it was started, outcome, result or error) is kept with Home Assistant's
``Store`` helper, so a job whose time passed while Home Assistant was down runs once when
it has started again. A job is never run twice at once. Bodies are registered by the
features that own them (the haiku's comes with the AI texts).
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime, time, timedelta
from enum import StrEnum
from typing import TYPE_CHECKING, Any

from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers.event import async_track_time_change
from homeassistant.helpers.start import async_at_started
from homeassistant.helpers.storage import Store
from homeassistant.util import dt as dt_util

from ..const import DOMAIN, LOGGER
from ..exceptions import InputRefused, validation_error

if TYPE_CHECKING:
    from homeassistant.config_entries import ConfigEntry

STORAGE_KEY = f"{DOMAIN}.jobs"
STORAGE_VERSION = 1
MAX_ERROR_LENGTH = 255
# Hub options (booleans, off by default): the recaps made on the 1st (``recap/services.py``).
CONF_RECAP_MONTHLY = "recap_monthly"
CONF_RECAP_YEARLY = "recap_yearly"


class JobId(StrEnum):
    """The scheduled jobs, in their default order of the day."""

    ENRICHMENT = "enrichment"
    DISCOGS_SYNC = "discogs_sync"
    HAIKU = "haiku"
    MARKDOWN_EXPORT = "markdown_export"
    JSON_EXPORT = "json_export"


DEFAULT_JOB_TIMES: dict[JobId, time] = {
    JobId.ENRICHMENT: time(2, 0),
    JobId.DISCOGS_SYNC: time(4, 0),
    JobId.HAIKU: time(6, 0),
    JobId.MARKDOWN_EXPORT: time(8, 0),
    JobId.JSON_EXPORT: time(10, 0),
}


class JobOutcome(StrEnum):
    """How a job's last run went (the state of its sensor)."""

    RUNNING = "running"
    SUCCESS = "success"
    FAILED = "failed"
    NOT_CONFIGURED = "not_configured"


class JobTrigger(StrEnum):
    """What started a run."""

    SCHEDULE = "schedule"
    CATCH_UP = "catch_up"  # Its time passed while Home Assistant was down.
    SERVICE_SET_UP = "service_set_up"  # The service it needs was just set up in the options.
    ACTION = "action"


class ServiceNotConfiguredError(InputRefused):
    """The service a job or an action needs is not set up in the hub's options."""


type JobBody = Callable[[], Awaitable[Mapping[str, Any]]]


def job_time_option(job_id: JobId) -> str:
    """The hub option holding a job's time of day."""
    return f"job_{job_id.value}_time"


def job_times(options: Mapping[str, Any]) -> dict[JobId, time]:
    """Each job's time of day from the hub options (the default when unset or invalid)."""
    times: dict[JobId, time] = {}
    for job_id, default in DEFAULT_JOB_TIMES.items():
        value = options.get(job_time_option(job_id))
        parsed = dt_util.parse_time(value) if isinstance(value, str) else None
        times[job_id] = parsed or default
    return times


@dataclass(slots=True)
class JobRun:
    """One run of a job."""

    trigger: JobTrigger
    started_at: datetime
    outcome: JobOutcome = JobOutcome.RUNNING
    finished_at: datetime | None = None
    result: dict[str, Any] = field(default_factory=dict)
    error: str | None = None

    def as_dict(self) -> dict[str, Any]:
        """What is stored (JSON)."""
        return {
            "trigger": self.trigger.value,
            "started_at": self.started_at.isoformat(),
            "outcome": self.outcome.value,
            "finished_at": self.finished_at.isoformat() if self.finished_at else None,
            "result": self.result,
            "error": self.error,
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> JobRun:
        """A stored run; one interrupted by a restart counts as failed."""
        outcome = JobOutcome(data["outcome"])
        finished = data.get("finished_at")
        return cls(
            trigger=JobTrigger(data["trigger"]),
            started_at=_parse(data["started_at"]),
            outcome=JobOutcome.FAILED if outcome is JobOutcome.RUNNING else outcome,
            finished_at=_parse(finished) if finished else None,
            result=dict(data.get("result") or {}),
            error=data.get("error"),
        )


def _parse(value: str) -> datetime:
    parsed = dt_util.parse_datetime(value)
    if parsed is None:
        raise ValueError(value)
    return parsed


async def _not_configured() -> Mapping[str, Any]:
    raise ServiceNotConfiguredError("job_not_available")


class JobScheduler:
    """Runs the hub's jobs at their times and remembers how each last run went."""

    def __init__(self, hass: HomeAssistant, entry: ConfigEntry) -> None:
        """Nothing is scheduled until ``async_start``."""
        self._hass = hass
        self._entry = entry
        self._store: Store[dict[str, Any]] = Store(hass, STORAGE_VERSION, STORAGE_KEY)
        self._bodies: dict[JobId, JobBody] = dict.fromkeys(JobId, _not_configured)
        self.runs: dict[JobId, JobRun] = {}
        self.times: dict[JobId, time] = dict(DEFAULT_JOB_TIMES)
        # Since when each job has been due at its current time: only later times were missed.
        self._armed_at: dict[JobId, datetime] = {}
        self._timers: list[CALLBACK_TYPE] = []
        self._listeners: list[CALLBACK_TYPE] = []
        self._running: set[JobId] = set()

    @callback
    def async_register(self, job_id: JobId, body: JobBody) -> CALLBACK_TYPE:
        """Give ``job_id`` its body; the returned callback makes it "not configured" again."""
        self._bodies[job_id] = body

        @callback
        def unregister() -> None:
            if self._bodies.get(job_id) is body:
                self._bodies[job_id] = _not_configured

        return unregister

    @callback
    def async_add_listener(self, listener: CALLBACK_TYPE) -> CALLBACK_TYPE:
        """Call ``listener`` when a run starts or ends; returns the callback to stop."""
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def is_running(self, job_id: JobId) -> bool:
        """Whether the job runs now."""
        return job_id in self._running

    def next_run(self, job_id: JobId) -> datetime:
        """The next local time the job fires."""
        now = dt_util.now()
        today = datetime.combine(now.date(), self.times[job_id], now.tzinfo)
        return today if today > now else today + timedelta(days=1)

    async def async_start(self, times: Mapping[JobId, time]) -> None:
        """Load the last runs, schedule the jobs; missed ones run once Home Assistant started."""
        stored = await self._store.async_load() or {}
        jobs: Mapping[str, Any] = stored.get("jobs", {})
        now = dt_util.now()
        for job_id in JobId:
            saved = jobs.get(job_id.value, {})
            if (run := saved.get("last_run")) is not None:
                self.runs[job_id] = JobRun.from_dict(run)
            armed = saved.get("armed_at")
            self._armed_at[job_id] = _parse(armed) if armed else now
            if saved.get("time"):
                self.times[job_id] = dt_util.parse_time(saved["time"]) or self.times[job_id]
        self.async_reschedule(times)
        self._entry.async_on_unload(async_at_started(self._hass, self._async_started))

    @callback
    def async_reschedule(self, times: Mapping[JobId, time]) -> None:
        """Follow new times of day; a job whose time changed is not "missed" before it."""
        now = dt_util.now()
        for job_id, at in times.items():
            if at != self.times[job_id]:
                self.times[job_id] = at
                self._armed_at[job_id] = now
        self._cancel_timers()
        for job_id in JobId:
            at = self.times[job_id]
            self._timers.append(
                async_track_time_change(
                    self._hass,
                    self._fire(job_id),
                    hour=at.hour,
                    minute=at.minute,
                    second=at.second,
                )
            )
        self._async_save()

    def _fire(self, job_id: JobId) -> Callable[[datetime], None]:
        @callback
        def fire(_now: datetime) -> None:
            self._start_in_background([job_id], JobTrigger.SCHEDULE)

        return fire

    async def _async_started(self, _hass: HomeAssistant) -> None:
        """Run once each job whose time passed since it last ran (in the order of the day)."""
        now = dt_util.now()
        missed = sorted(
            (due, job_id)
            for job_id in JobId
            if (due := self._last_due(job_id, now)) > self._last_considered(job_id)
        )
        if missed:
            LOGGER.info("Running the AIME jobs missed while Home Assistant was stopped")
            self._start_in_background([job_id for _, job_id in missed], JobTrigger.CATCH_UP)

    def _last_due(self, job_id: JobId, now: datetime) -> datetime:
        today = datetime.combine(now.date(), self.times[job_id], now.tzinfo)
        return today if today <= now else today - timedelta(days=1)

    def _last_considered(self, job_id: JobId) -> datetime:
        armed = self._armed_at[job_id]
        run = self.runs.get(job_id)
        return max(armed, run.started_at) if run is not None else armed

    @callback
    def async_run_soon(self, job_id: JobId, trigger: JobTrigger) -> None:
        """Run a job in the background now, unless it is running already."""
        self._start_in_background([job_id], trigger)

    @callback
    def _start_in_background(self, job_ids: list[JobId], trigger: JobTrigger) -> None:
        async def run_all() -> None:
            for job_id in job_ids:
                if job_id not in self._running:
                    await self.async_run(job_id, trigger)

        self._entry.async_create_background_task(
            self._hass, run_all(), f"AIME jobs {', '.join(job_ids)}"
        )

    async def async_run(self, job_id: JobId, trigger: JobTrigger) -> JobRun:
        """Run a job now (not when it already runs) and record how it went.

        The body's exceptions are recorded, then raised again for an action to report;
        a scheduled run only logs them.
        """
        if job_id in self._running:
            raise validation_error("job_running", {"job": job_id.value})
        run = JobRun(trigger, dt_util.now())
        self._running.add(job_id)
        self.runs[job_id] = run
        self._notify()
        try:
            run.result = dict(await self._bodies[job_id]())
            run.outcome = JobOutcome.SUCCESS
        except ServiceNotConfiguredError as err:
            run.outcome, run.error = JobOutcome.NOT_CONFIGURED, str(err)
            if trigger is JobTrigger.ACTION:
                raise
        except Exception as err:
            run.outcome, run.error = JobOutcome.FAILED, str(err)[:MAX_ERROR_LENGTH] or repr(err)
            if trigger is JobTrigger.ACTION:
                raise
            if isinstance(err, HomeAssistantError):
                LOGGER.warning("AIME job %s failed: %s", job_id.value, err)
            else:
                LOGGER.exception("AIME job %s failed", job_id.value)
        finally:
            run.finished_at = dt_util.now()
            self._running.discard(job_id)
            self._async_save()
            self._notify()
        return run

    @callback
    def _notify(self) -> None:
        for listener in list(self._listeners):
            listener()

    @callback
    def _async_save(self) -> None:
        self._store.async_delay_save(self._data, 1)

    def _data(self) -> dict[str, Any]:
        return {
            "jobs": {
                job_id.value: {
                    "time": self.times[job_id].isoformat(),
                    "armed_at": self._armed_at[job_id].isoformat(),
                    "last_run": run.as_dict() if (run := self.runs.get(job_id)) else None,
                }
                for job_id in JobId
                if job_id in self._armed_at
            }
        }

    def _cancel_timers(self) -> None:
        while self._timers:
            self._timers.pop()()

    async def async_stop(self) -> None:
        """Stop firing and write the last runs now."""
        self._cancel_timers()
        await self._store.async_save(self._data())
