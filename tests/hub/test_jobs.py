"""The daily jobs: fired by the clock, recorded, persisted, and caught up after a restart."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime, time, timedelta
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import async_fire_time_changed

from custom_components.aime.hub.jobs import (
    STORAGE_KEY,
    JobId,
    JobOutcome,
    JobRun,
    JobTrigger,
    job_time_option,
    job_times,
)

from ..fakes.discogs import FakeDiscogs
from ..helpers.enrichment_helpers import discogs_options, fill_discogs, runtime_of, setup_hub

TIME_ZONE = "Europe/Paris"


@pytest.fixture
async def paris(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> datetime:
    """Home in Paris, now 2024-03-14 09:59:50 local."""
    await hass.config.async_set_time_zone(TIME_ZONE)
    now = datetime(2024, 3, 14, 9, 59, 50, tzinfo=dt_util.get_time_zone(TIME_ZONE))
    freezer.move_to(now)
    return now


async def tick(hass: HomeAssistant, freezer: FrozenDateTimeFactory, to: datetime) -> None:
    freezer.move_to(to)
    async_fire_time_changed(hass, to)
    await hass.async_block_till_done(wait_background_tasks=True)


def stored_run(started: datetime, outcome: str = "success") -> dict[str, Any]:
    return {
        "trigger": "schedule",
        "started_at": started.isoformat(),
        "outcome": outcome,
        "finished_at": None if outcome == "running" else started.isoformat(),
        "result": {},
        "error": None,
    }


def storage(jobs: Mapping[JobId, dict[str, Any]]) -> dict[str, Any]:
    return {
        "version": 1,
        "minor_version": 1,
        "key": STORAGE_KEY,
        "data": {"jobs": {job_id.value: data for job_id, data in jobs.items()}},
    }


def state_of(hass: HomeAssistant, job: str) -> Any:
    state = hass.states.get(f"sensor.aime_{job}_job")
    assert state is not None
    return state


async def test_json_export_fires_at_its_time(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    paris: datetime,
    config_dir: Path,
    hass_storage: dict[str, Any],
) -> None:
    """At 10:00 the JSON export runs; its sensor and the stored record say how it went."""
    await setup_hub(hass, {})
    state = state_of(hass, "json_export")
    assert state.state == "never_run"  # Before its first run.
    assert state.attributes["next_run"] == "2024-03-14T10:00:00+01:00"

    await tick(hass, freezer, paris + timedelta(seconds=10))

    files = list((config_dir / "aime" / "exports").glob("collection-*.json"))
    assert len(files) == 1
    state = state_of(hass, "json_export")
    assert state.state == "success"
    assert state.attributes["trigger"] == "schedule"
    assert state.attributes["result"]["path"] == str(files[0])
    assert state.attributes["next_run"] == "2024-03-15T10:00:00+01:00"
    await tick(hass, freezer, paris + timedelta(seconds=15))  # The delayed save.
    saved = hass_storage[STORAGE_KEY]["data"]["jobs"]["json_export"]
    assert saved["last_run"]["outcome"] == "success"
    assert saved["time"] == "10:00:00"


async def test_jobs_without_their_service(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, paris: datetime
) -> None:
    """Enrichment, sync and haiku need a service: they record "not configured"."""
    entry = await setup_hub(
        hass,
        {
            job_time_option(JobId.ENRICHMENT): "10:00:00",
            job_time_option(JobId.DISCOGS_SYNC): "10:00:00",
            job_time_option(JobId.HAIKU): "10:00:00",
        },
    )
    await tick(hass, freezer, paris + timedelta(seconds=10))
    for job in ("spotify_enrichment", "discogs_sync", "haiku"):
        state = state_of(hass, job)
        assert state.state == "not_configured", job
        assert state.attributes["error"]
    assert runtime_of(entry).jobs.runs[JobId.HAIKU].outcome is JobOutcome.NOT_CONFIGURED


async def test_failures_are_recorded_not_raised(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    paris: datetime,
    fake_discogs: FakeDiscogs,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A service failing, or a bug in a job, fails the run; the scheduler goes on."""
    fill_discogs(fake_discogs)
    entry = await setup_hub(
        hass, {**discogs_options(fake_discogs), job_time_option(JobId.DISCOGS_SYNC): "10:00:00"}
    )
    jobs = runtime_of(entry).jobs

    async def broken() -> Mapping[str, Any]:
        raise RuntimeError("bug")

    jobs.async_register(JobId.HAIKU, broken)
    jobs.async_reschedule({**jobs.times, JobId.HAIKU: time(10, 0)})
    fake_discogs.error_next(500)
    await tick(hass, freezer, paris + timedelta(seconds=10))

    assert state_of(hass, "discogs_sync").state == "failed"
    assert state_of(hass, "haiku").state == "failed"
    assert jobs.runs[JobId.HAIKU].error == "bug"
    assert "AIME job discogs_sync failed: Discogs could not be read" in caplog.text
    assert "AIME job haiku failed" in caplog.text


async def test_register_a_body_and_run_it_by_hand(hass: HomeAssistant, paris: datetime) -> None:
    """The haiku's body is plugged in by the AI texts; unregistering makes it a no-op again."""
    entry = await setup_hub(hass, {})
    jobs = runtime_of(entry).jobs

    async def haiku() -> Mapping[str, Any]:
        assert jobs.is_running(JobId.HAIKU)
        return {"haiku": "Old pond"}

    unregister = jobs.async_register(JobId.HAIKU, haiku)
    run = await jobs.async_run(JobId.HAIKU, JobTrigger.ACTION)
    assert (run.outcome, run.result, run.trigger) == (
        JobOutcome.SUCCESS,
        {"haiku": "Old pond"},
        JobTrigger.ACTION,
    )
    assert not jobs.is_running(JobId.HAIKU)

    unregister()
    unregister()  # Twice is harmless.
    with pytest.raises(HomeAssistantError):
        await jobs.async_run(JobId.HAIKU, JobTrigger.ACTION)
    assert jobs.runs[JobId.HAIKU].outcome is JobOutcome.NOT_CONFIGURED


async def test_missed_jobs_run_once_at_start(
    hass: HomeAssistant,
    paris: datetime,
    config_dir: Path,
    hass_storage: dict[str, Any],
) -> None:
    """HA was down at 08:00 yesterday and today: the Markdown export runs once at start-up.

    The JSON export (10:00) last ran yesterday at 10:00: not missed. The haiku ran at 06:00
    but was interrupted (stored as running): it counts as failed, not missed.
    """
    two_days_ago = paris - timedelta(days=2)
    yesterday_ten = paris.replace(hour=10, minute=0, second=0) - timedelta(days=1)
    today_six = paris.replace(hour=6, minute=0, second=0)
    armed = {"time": None, "armed_at": two_days_ago.isoformat(), "last_run": None}
    hass_storage[STORAGE_KEY] = storage(
        {
            JobId.MARKDOWN_EXPORT: {
                **armed,
                "time": "08:00:00",
                "last_run": stored_run(two_days_ago),
            },
            JobId.JSON_EXPORT: {**armed, "time": "10:00:00", "last_run": stored_run(yesterday_ten)},
            JobId.HAIKU: {
                **armed,
                "time": "06:00:00",
                "last_run": stored_run(today_six, "running"),
            },
            JobId.ENRICHMENT: {**armed, "armed_at": paris.isoformat()},  # Set up just now.
            JobId.DISCOGS_SYNC: {**armed, "time": "04:00:00"},
        }
    )
    entry = await setup_hub(hass, {})
    await hass.async_block_till_done(wait_background_tasks=True)
    jobs = runtime_of(entry).jobs

    assert jobs.runs[JobId.MARKDOWN_EXPORT].trigger is JobTrigger.CATCH_UP
    assert len(list((config_dir / "aime" / "exports").glob("collection-*.md"))) == 1
    assert jobs.runs[JobId.JSON_EXPORT].started_at == yesterday_ten
    assert jobs.runs[JobId.HAIKU].outcome is JobOutcome.FAILED
    assert JobId.ENRICHMENT not in jobs.runs
    # The Discogs sync was due at 04:00 and never ran: it was tried (not configured).
    assert jobs.runs[JobId.DISCOGS_SYNC].outcome is JobOutcome.NOT_CONFIGURED
    assert state_of(hass, "markdown_export").attributes["trigger"] == "catch_up"


async def test_new_time_is_not_a_missed_run(
    hass: HomeAssistant, paris: datetime, hass_storage: dict[str, Any]
) -> None:
    """A job moved to an earlier time after it ran today does not run again at start-up."""
    ran_today = paris.replace(hour=2, minute=0, second=0)
    hass_storage[STORAGE_KEY] = storage(
        {
            JobId.ENRICHMENT: {
                "time": "02:00:00",
                "armed_at": (paris - timedelta(days=5)).isoformat(),
                "last_run": stored_run(ran_today),
            }
        }
    )
    entry = await setup_hub(hass, {job_time_option(JobId.ENRICHMENT): "09:00:00"})
    await hass.async_block_till_done(wait_background_tasks=True)
    jobs = runtime_of(entry).jobs
    assert jobs.runs[JobId.ENRICHMENT].started_at == ran_today
    assert jobs.times[JobId.ENRICHMENT] == time(9, 0)
    assert jobs.next_run(JobId.ENRICHMENT) == paris.replace(hour=9, minute=0, second=0) + timedelta(
        days=1
    )

    await hass.config_entries.async_unload(entry.entry_id)
    saved = hass_storage[STORAGE_KEY]["data"]["jobs"]["enrichment"]
    assert saved["time"] == "09:00:00"
    assert saved["armed_at"] == paris.isoformat()


def test_job_times_and_runs_from_storage() -> None:
    """Invalid or missing times fall back to the defaults; runs round-trip."""
    times = job_times({job_time_option(JobId.HAIKU): "7:15", job_time_option(JobId.ENRICHMENT): 3})
    assert times[JobId.HAIKU] == time(7, 15)
    assert times[JobId.ENRICHMENT] == time(2, 0)
    run = JobRun(
        JobTrigger.ACTION, dt_util.utcnow(), JobOutcome.SUCCESS, dt_util.utcnow(), {"n": 1}
    )
    assert JobRun.from_dict(run.as_dict()) == run
    with pytest.raises(ValueError, match="yesterday"):
        JobRun.from_dict({**run.as_dict(), "started_at": "yesterday"})
