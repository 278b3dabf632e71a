"""The hub's "run now" buttons, one per daily job, pressed through Home Assistant."""

from __future__ import annotations

from homeassistant.components.button import DOMAIN as BUTTON_DOMAIN, SERVICE_PRESS
from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import entity_registry as er, translation
import pytest

from custom_components.aime.const import DOMAIN

from ..fakes.discogs import FakeDiscogs
from ..helpers.enrichment_helpers import discogs_options, fill_discogs, setup_hub
from ..helpers.ha_version import find_device

BUTTONS = {
    "button.aime_enrich_from_spotify_now": "Enrich from Spotify now",
    "button.aime_sync_discogs_now": "Sync Discogs now",
    "button.aime_write_the_haiku_now": "Write the haiku now",
    "button.aime_export_markdown_now": "Export Markdown now",
    "button.aime_export_json_now": "Export JSON now",
}


async def press(hass: HomeAssistant, entity_id: str) -> None:
    await hass.services.async_call(
        BUTTON_DOMAIN, SERVICE_PRESS, {ATTR_ENTITY_ID: entity_id}, blocking=True
    )


async def test_a_button_per_job_on_the_hub_device(
    hass: HomeAssistant,
    entity_registry: er.EntityRegistry,
) -> None:
    await setup_hub(hass, {})
    hub = find_device(hass, (DOMAIN, DOMAIN))
    assert hub is not None
    buttons = {
        entry.entity_id
        for entry in er.async_entries_for_device(entity_registry, hub.id)
        if entry.domain == BUTTON_DOMAIN
    }
    assert buttons == set(BUTTONS)
    for entity_id, name in BUTTONS.items():
        state = hass.states.get(entity_id)
        assert state is not None
        assert state.attributes["friendly_name"] == f"AIME {name}"


async def test_sync_discogs_now(hass: HomeAssistant, fake_discogs: FakeDiscogs) -> None:
    """Pressing runs the sync at once: the collection and the job's sensor follow."""
    fill_discogs(fake_discogs)
    await setup_hub(hass, discogs_options(fake_discogs))

    await press(hass, "button.aime_sync_discogs_now")
    await hass.async_block_till_done()

    vinyls = hass.states.get("sensor.aime_vinyl_records")
    assert vinyls is not None
    assert vinyls.state == "2"
    job = hass.states.get("sensor.aime_discogs_sync_job")
    assert job is not None
    assert job.state == "success"
    assert job.attributes["trigger"] == "action"
    assert job.attributes["result"]["added"] == 3


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("en", "Discogs is not set up"),
        ("fr", "Discogs n\u2019est pas configuré"),
    ],
)
async def test_a_job_without_its_service_says_so(
    hass: HomeAssistant, entity_registry: er.EntityRegistry, language: str, message: str
) -> None:
    """The press fails with the action's translated error, and the job's sensor shows it."""
    hass.config.language = language
    await setup_hub(hass, {})
    button = entity_registry.async_get_entity_id(BUTTON_DOMAIN, DOMAIN, "aime_run_discogs_sync")
    sensor = entity_registry.async_get_entity_id("sensor", DOMAIN, "aime_job_discogs_sync")
    assert button is not None
    assert sensor is not None

    with pytest.raises(ServiceValidationError) as err:
        await press(hass, button)

    assert err.value.translation_key == "discogs_not_configured"
    # What the frontend shows: the message in the user's language, from the translation key.
    translations = await translation.async_get_translations(hass, language, "exceptions", [DOMAIN])
    shown = translations[f"component.{DOMAIN}.exceptions.{err.value.translation_key}.message"]
    assert shown.startswith(message)
    job = hass.states.get(sensor)
    assert job is not None
    assert job.state == "not_configured"


async def test_button_names_in_french(hass: HomeAssistant) -> None:
    hass.config.language = "fr"
    await setup_hub(hass, {})
    names = {state.attributes["friendly_name"] for state in hass.states.async_all(BUTTON_DOMAIN)}
    assert names == {
        "AIME Lancer l\u2019enrichissement Spotify",
        "AIME Synchroniser Discogs maintenant",
        "AIME Écrire le haïku maintenant",
        "AIME Lancer l\u2019export Markdown",
        "AIME Lancer l\u2019export JSON",
    }
