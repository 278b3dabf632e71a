"""The job sensors on a fresh install: "never run" and when they run next, not "Unknown"."""

from __future__ import annotations

from datetime import datetime, timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers.translation import async_get_translations
from homeassistant.util import dt as dt_util

from custom_components.aime.const import DOMAIN
from custom_components.aime.hub.jobs import JobId, job_times

from ..helpers.enrichment_helpers import setup_hub

ENTITY_IDS = {
    JobId.ENRICHMENT: "sensor.aime_spotify_enrichment_job",
    JobId.DISCOGS_SYNC: "sensor.aime_discogs_sync_job",
    JobId.HAIKU: "sensor.aime_haiku_job",
    JobId.MARKDOWN_EXPORT: "sensor.aime_markdown_export_job",
    JobId.JSON_EXPORT: "sensor.aime_json_export_job",
}


async def test_fresh_install_jobs_never_ran(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory
) -> None:
    """Each job sensor says "never run", lists it among its states, and gives the next run."""
    await hass.config.async_set_time_zone("Europe/Paris")
    now = datetime(2024, 3, 14, 12, 0, tzinfo=dt_util.get_time_zone("Europe/Paris"))
    freezer.move_to(now)
    await setup_hub(hass, {})

    for job_id, at in job_times({}).items():
        state = hass.states.get(ENTITY_IDS[job_id])
        assert state is not None
        assert state.state == "never_run"
        assert "never_run" in state.attributes["options"]
        assert state.attributes["last_started"] is None
        today = datetime.combine(now.date(), at, now.tzinfo)
        expected = today if today > now else today + timedelta(days=1)
        assert state.attributes["next_run"] == expected.isoformat()


async def test_never_run_is_translated(hass: HomeAssistant) -> None:
    """The state reads "Never run" / "Jamais exécutée" in both languages, for every job."""
    await setup_hub(hass, {})
    for language, text in (("en", "Never run"), ("fr", "Jamais exécutée")):
        strings = await async_get_translations(hass, language, "entity", {DOMAIN})
        for job_id in JobId:
            key = f"component.{DOMAIN}.entity.sensor.job_{job_id.value}.state.never_run"
            assert strings[key] == text
