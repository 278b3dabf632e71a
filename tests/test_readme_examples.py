"""Every YAML example of README.md and README.fr.md runs on Home Assistant.

Each block is read as the user would paste it: an automation (it has ``triggers``) goes
through the automation editor's validation, a script or a single action through the script
validation, and a dashboard view at least parses. Every action it calls must exist in a Home
Assistant with AIME set up, and its fields (templates rendered with what the previous steps
answer) must pass the schema the action was registered with.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
import re
from typing import Any

from homeassistant.components.automation.config import async_validate_config_item
from homeassistant.components.notify import NOTIFY_SERVICE_SCHEMA
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import (
    config_validation as cv,
    script,
    service,
    template,
    translation,
)
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_mock_service
import voluptuous as vol
import yaml

from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.hub.recording import play_event_data

REPO = Path(__file__).resolve().parents[1]
READMES = ("README.md", "README.fr.md")
_YAML_BLOCK = re.compile(r"^```yaml\n(.*?)^```", re.MULTILINE | re.DOTALL)

# What AIME's events carry, by event type (the play's from the code that fires it).
EVENT_DATA: dict[str, dict[str, Any]] = {
    "aime_play_recorded": play_event_data(
        PlayInput(
            "So What", "Miles Davis", 1_700_000_000, Source.ROON, "Kind of Blue", device="Kitchen"
        )
    ),
    "aime_recap_ready": {
        "period": "month",
        "key": "2026-11",
        "first_day": "2026-11-01",
        "last_day": "2026-11-30",
        "label": "November 2026",
        "language": "en",
        "plays": 412,
        "listening_minutes": 1650,
        "top_artist": "Miles Davis",
        "export_path": "/config/aime/exports/recap-2026-11.md",
        "scheduled": True,
    },
}
# What the previous steps answer, in the shapes the README documents for each response.
STEP_ANSWERS: dict[str, Any] = {
    "playlist": {
        "id": 3,
        "name": "Time based",
        "algorithm": "time_based",
        "track_count": 30,
        "total_duration": 6120,
        "unknown_durations": 0,
        "tracks": [],
    },
    "played": {
        "playlist_id": 3,
        "name": "Time based",
        "media_player": "media_player.living_room",
        "enqueue": "play",
        "matched": [{"title": "So What"}, {"title": "Blue in Green"}],
        "skipped": [],
    },
    "result": {"haiku": "The record spins on\na voice rises in the dusk\nthe silence listens"},
    "export": {"path": "/config/aime/exports/collection-vinyl.md"},
}


def readme_blocks() -> Iterator[Any]:
    """Every YAML block of both READMEs, as pytest parameters named after file and line."""
    for name in READMES:
        text = (REPO / name).read_text(encoding="utf-8")
        for match in _YAML_BLOCK.finditer(text):
            line = text.count("\n", 0, match.start()) + 1
            yield pytest.param(name, match.group(1), id=f"{name}:{line}")


def kind_of(example: Any) -> str:
    """What the block is: an automation, a script (or one action), or a dashboard view."""
    if isinstance(example, dict) and "triggers" in example:
        return "automation"
    if isinstance(example, dict) and "action" in example:
        return "action"
    if isinstance(example, list) and all("action" in step for step in example):
        return "script"
    if isinstance(example, list) and all("cards" in view for view in example):
        return "dashboard"
    raise AssertionError(f"an example of an unknown kind: {example!r}")


def test_both_readmes_show_the_same_examples() -> None:
    """The French README shows the same examples, of the same kinds, in the same order."""
    kinds = {
        name: [
            kind_of(yaml.safe_load(param.values[1]))
            for param in readme_blocks()
            if param.values[0] == name
        ]
        for name in READMES
    }
    assert kinds["README.md"] == kinds["README.fr.md"]
    assert set(kinds["README.md"]) == {"automation", "action", "script", "dashboard"}


@pytest.fixture
async def aime_home(hass: HomeAssistant) -> HomeAssistant:
    """Home Assistant with AIME set up, the media player and notification integrations.

    ``notify.*`` actions are named after the user's own devices: they get the schema every
    legacy notify service is registered with.
    """
    assert await async_setup_component(hass, "homeassistant", {})
    assert await async_setup_component(hass, "persistent_notification", {})
    assert await async_setup_component(hass, "media_player", {})
    entry = MockConfigEntry(domain="aime", unique_id="aime", title="AIME", data={})
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return hass


def _templates(value: Any) -> Iterator[template.Template]:
    """Every template in an action's validated data."""
    if isinstance(value, template.Template):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _templates(item)
    elif isinstance(value, list):
        for item in value:
            yield from _templates(item)


def _actions(example: Any, kind: str) -> list[dict[str, Any]]:
    if kind == "automation":
        return list(example["actions"])
    return [example] if kind == "action" else list(example)


@pytest.mark.parametrize(("readme", "block"), list(readme_blocks()))
async def test_readme_example_runs(aime_home: HomeAssistant, readme: str, block: str) -> None:
    hass = aime_home
    example = yaml.safe_load(block)
    kind = kind_of(example)
    if kind == "dashboard":
        cards = [card for view in example for card in view["cards"]]
        assert all(card.get("type") for card in cards), f"{readme}: a card without a type"
        return
    if kind == "automation":
        checked = await async_validate_config_item(hass, "readme", example)
        assert checked is not None
        assert checked.validation_error is None, f"{readme}: {checked.validation_error}"
    answers = dict(STEP_ANSWERS)
    if kind == "automation":
        (trigger,) = example["triggers"]
        if trigger["trigger"] == "event":
            answers["trigger"] = {"event": {"data": EVENT_DATA[trigger["event_type"]]}}
    steps = _actions(example, kind)
    for step in steps:
        domain, name = step["action"].split(".", 1)
        if domain == "notify" and not hass.services.has_service(domain, name):
            async_mock_service(hass, domain, name, schema=NOTIFY_SERVICE_SCHEMA)
    sequence = await script.async_validate_actions_config(hass, cv.SCRIPT_SCHEMA(steps))
    for step in sequence:
        domain, name = step["action"].split(".", 1)
        assert hass.services.has_service(domain, name), f"{readme}: no action {step['action']}"
        # Strict: a template naming what the previous steps do not answer fails here.
        for value in _templates(step.get("data")):
            value.hass = hass
            value.async_render(answers, strict=True)
        call = service.async_prepare_call_from_config(hass, step, answers)
        fields = {**call["service_data"], **call["target"]}
        schema = hass.services.async_services_for_domain(domain)[name].schema
        assert schema is not None
        try:
            schema(fields)
        except vol.Invalid as err:
            pytest.fail(f"{readme}: {step['action']} refuses {fields}: {err}")


@pytest.mark.usefixtures("init_roon")
@pytest.mark.parametrize(
    ("language", "start"),
    [("en", "A Roon player plays only what Roon knows"), ("fr", "Un lecteur Roon ne joue que")],
)
@pytest.mark.parametrize(
    "media_id", ["media-source://tts/cloud?message=Hello", "https://example.com/haiku.mp3"]
)
async def test_roon_players_refuse_spoken_text_and_say_why(
    hass: HomeAssistant, language: str, start: str, media_id: str
) -> None:
    """Why the haiku example does not speak on a Roon player: it cannot play announcements."""
    with pytest.raises(ServiceValidationError) as err:
        await hass.services.async_call(
            "media_player",
            "play_media",
            {
                "entity_id": "media_player.kitchen",
                "media_content_type": "music",
                "media_content_id": media_id,
                "announce": True,
            },
            blocking=True,
        )
    assert err.value.translation_key == "roon_cannot_play_url"
    messages = await translation.async_get_translations(hass, language, "exceptions", ["aime"])
    template = messages["component.aime.exceptions.roon_cannot_play_url.message"]
    shown = template.format(**(err.value.translation_placeholders or {}))
    assert shown.startswith(start)
    assert media_id in shown
