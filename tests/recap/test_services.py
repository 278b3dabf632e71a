"""``aime.recap``: the response, the AI paragraph, the Markdown file, the notification, the
event, the translated refusals, and the recaps made on the 1st (hub options).

The store holds the hand-computed history of ``tests/core/stats_fixture.py`` (Paris); the
figures below are worked out in ``tests/core/stats/test_recap.py``.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.auth.models import User
from homeassistant.components import persistent_notification
from homeassistant.core import Context, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError, Unauthorized
from homeassistant.setup import async_setup_component
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
)

from custom_components.aime.const import DOMAIN
from custom_components.aime.core.models import Source
from custom_components.aime.core.stats.queries import Stats
from custom_components.aime.core.store.store import Store
from custom_components.aime.hub.jobs import CONF_RECAP_MONTHLY, CONF_RECAP_YEARLY
from custom_components.aime.recap.services import EVENT_RECAP_READY

from ..core.stats_fixture import history
from ..fakes.llm import DEFAULT_MODEL, FakeLLM
from ..helpers.ai_hub import ai_options, async_setup_hub
from ..helpers.loop_watch import LoopWatch
from ..helpers.people import add_person

PARIS = "Europe/Paris"
PARAGRAPH_FR = (
    "Octobre a tourné autour d'Ada et de Di, avec quatre jours de musique d'affilée à la fin "
    "du mois. Delta a été le titre le plus écouté, et Di la belle découverte de la période. "
    "Le dimanche 27, jour du changement d'heure, a été le plus animé, avec trois écoutes dont "
    "deux à 2 h 30. Par rapport à septembre, resté silencieux, tout est à gagner."
)


def _write_history(path: Path) -> None:
    store = Store.open(path, time_zone=PARIS)
    try:
        store.ingest(history())
    finally:
        store.close()


@pytest.fixture
async def paris(hass: HomeAssistant, freezer: FrozenDateTimeFactory, store_path: Path) -> datetime:
    """Home in Paris on 2024-11-15, 10:00; the fixture history in the store."""
    await hass.config.async_set_time_zone(PARIS)
    now = datetime(2024, 11, 15, 10, 0, tzinfo=dt_util.get_time_zone(PARIS))
    freezer.move_to(now)
    store_path.parent.mkdir(parents=True, exist_ok=True)
    await hass.async_add_executor_job(_write_history, store_path)
    assert await async_setup_component(hass, "persistent_notification", {})
    return now


@pytest.fixture
def notifications(hass: HomeAssistant) -> dict[str, persistent_notification.Notification]:
    """The persistent notifications shown, by id."""
    shown: dict[str, persistent_notification.Notification] = {}

    @callback
    def _update(
        update_type: persistent_notification.UpdateType,
        changed: dict[str, persistent_notification.Notification],
    ) -> None:
        if update_type is not persistent_notification.UpdateType.REMOVED:
            shown.update(changed)

    persistent_notification.async_register_callback(hass, _update)
    return shown


async def _recap(hass: HomeAssistant, context: Context | None = None, **data: Any) -> Any:
    return await hass.services.async_call(
        DOMAIN, "recap", data, blocking=True, return_response=True, context=context
    )


async def test_last_month_by_default(
    hass: HomeAssistant,
    paris: datetime,
    notifications: dict[str, persistent_notification.Notification],
) -> None:
    """October 2024: the figures, a notification in English, an event; no file."""
    await async_setup_hub(hass, {})
    events = async_capture_events(hass, EVENT_RECAP_READY)
    response = await _recap(hass)
    assert (response["period"], response["key"], response["label"]) == (
        "month",
        "2024-10",
        "October 2024",
    )
    assert (response["plays"], response["listening_minutes"], response["new_artists"]) == (
        10,
        40,
        1,
    )
    assert [item["name"] for item in response["top_artists"]] == ["Ada", "Di", "Bo", "Cy"]
    assert response["longest_streak"] == {"days": 4, "first": "2024-10-24", "last": "2024-10-27"}
    assert response["busiest_hour"] == {"value": 18, "plays": 3}
    assert response["previous"]["plays_delta"] == 10
    assert (response["paragraph"], response["export_path"], response["language"]) == (
        None,
        None,
        "en",
    )
    shown = notifications["aime_recap_2024-10"]
    assert shown["title"] == "Your listening recap: October 2024"
    assert shown["message"] == (
        "**10 plays**, **40 minutes** of music, on 6 of 31 days (+10 plays compared with the "
        "previous period).\n\nTop artist: Ada\nTop album: First\nTop track: Delta\n"
        "New artists: 1\nLongest streak: 4 days"
    )
    assert [event.data for event in events] == [
        {
            "period": "month",
            "key": "2024-10",
            "first_day": "2024-10-01",
            "last_day": "2024-10-31",
            "label": "October 2024",
            "language": "en",
            "plays": 10,
            "listening_minutes": 40,
            "top_artist": "Ada",
            "export_path": None,
            "scheduled": False,
            "person": None,
        }
    ]


@pytest.mark.usefixtures("paris")
async def test_french_with_the_ai_paragraph_and_the_file(
    hass: HomeAssistant,
    fake_llm: FakeLLM,
    config_dir: Path,
    monkeypatch: pytest.MonkeyPatch,
    notifications: dict[str, persistent_notification.Notification],
) -> None:
    """The model gets the figures as data; its paragraph goes to the response and the file."""
    await async_setup_hub(hass, ai_options(fake_llm))
    watch = LoopWatch(monkeypatch)
    watch.watch(Stats, "_reading")
    watch.watch(Path, "write_text")
    fake_llm.reply_next(PARAGRAPH_FR)
    response = await _recap(
        hass, month=10, language="fr", ai_paragraph=True, export=True, notify=True
    )
    assert (response["paragraph"], response["paragraph_model"]) == (PARAGRAPH_FR, DEFAULT_MODEL)
    prompt = fake_llm.chat_requests[-1].body
    assert prompt is not None
    user_message = prompt["messages"][1]["content"]
    assert '"period": "octobre 2024"' in user_message
    assert "http" not in user_message
    path = config_dir / "aime" / "exports" / "recap-2024-10.md"
    assert response["export_path"] == str(path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith("# Récap d’écoute · octobre 2024\n")  # noqa: RUF001
    assert PARAGRAPH_FR in text
    shown = notifications["aime_recap_2024-10"]
    assert shown["title"] == "Votre récap d’écoute : octobre 2024"  # noqa: RUF001
    assert shown["message"].startswith("**10 écoutes**, **40 minutes** de musique")
    assert shown["message"].endswith(f"{PARAGRAPH_FR}\n\nLe récap a été écrit dans {path}.")
    # Made again: the same file is rewritten.
    fake_llm.reply_next(PARAGRAPH_FR)
    again = await _recap(hass, month=10, year=2024, language="fr", export=True, notify=False)
    assert again["export_path"] == str(path)
    assert sorted(p.name for p in path.parent.iterdir()) == ["recap-2024-10.md"]
    assert watch.called == {"_reading", "write_text"}
    assert watch.on_loop == []  # The store and the file, in the executor.


async def test_a_refused_ai_reply_is_an_error(
    hass: HomeAssistant, paris: datetime, fake_llm: FakeLLM
) -> None:
    """An apology is never used as the paragraph (it is asked for twice)."""
    await async_setup_hub(hass, ai_options(fake_llm))
    fake_llm.reply_next("Sorry, I cannot help with that.", "Sorry, I cannot help with that.")
    with pytest.raises(HomeAssistantError) as err:
        await _recap(hass, ai_paragraph=True)
    assert err.value.translation_key == "ai_text_error_message"


async def test_the_ai_paragraph_needs_the_ai_service(hass: HomeAssistant, paris: datetime) -> None:
    await async_setup_hub(hass, {})
    with pytest.raises(ServiceValidationError) as err:
        await _recap(hass, ai_paragraph=True)
    assert err.value.translation_key == "ai_not_configured"
    # Nothing to write about: an empty month asks nothing and answers without a paragraph.
    empty = await _recap(hass, month=9, year=2024, ai_paragraph=True)
    assert (empty["plays"], empty["paragraph"]) == (0, None)


@pytest.mark.parametrize(
    ("data", "key", "message"),
    [
        (
            {"period": "custom"},
            "recap_dates_required",
            "A custom recap needs a start and an end date.",
        ),
        (
            {"period": "custom", "start": "2024-01-01", "end": "2025-01-01"},
            "recap_range_too_long",
            "A custom recap covers at most 366 days.",
        ),
        (
            {"period": "custom", "start": "2024-02-01", "end": "2024-01-01"},
            "start_after_end",
            "The start date is after the end date.",
        ),
        (
            {"period": "year", "month": 3},
            "recap_field_not_for_period",
            "The field month does not apply to a year recap.",
        ),
        (
            {"period": "month", "start": "2024-10-01"},
            "recap_field_not_for_period",
            "The field start does not apply to a month recap.",
        ),
        ({"year": 2024}, "field_required", "The field month is required."),
        ({"month": 13}, "invalid_whole_number", "month must be a whole number from 1 to 12."),
        (
            {"period": "year", "year": 2025},
            "recap_in_future",
            "This recap would start on 2025-01-01, in the future.",
        ),
    ],
)
async def test_refusals_are_translated(
    hass: HomeAssistant, paris: datetime, data: dict[str, Any], key: str, message: str
) -> None:
    await async_setup_hub(hass, {})
    with pytest.raises(ServiceValidationError) as err:
        await _recap(hass, **data)
    assert err.value.translation_key == key
    assert str(err.value) == message.rstrip(".")  # Home Assistant drops the final stop.


async def test_a_custom_range(hass: HomeAssistant, paris: datetime) -> None:
    await async_setup_hub(hass, {})
    found = await _recap(hass, period="custom", start="2024-10-27", end="2024-10-30", notify=False)
    assert (found["plays"], found["previous"]["plays"], found["previous"]["plays_change"]) == (
        7,
        3,
        133.3,
    )
    assert found["label"] == "2024-10-27 to 2024-10-30"


async def test_a_persons_recap(
    hass: HomeAssistant,
    paris: datetime,
    config_dir: Path,
    notifications: dict[str, persistent_notification.Notification],
) -> None:
    """Only the person's plays (the kitchen's one of October), with its own file and
    notification; anything but a person's entity id is refused."""
    entry = await async_setup_hub(hass, {})
    alice = await add_person(hass, "Alice")
    store: Store = entry.runtime_data.store
    assert (
        await hass.async_add_executor_job(store.assign_listener, Source.ROON, "Kitchen", alice) == 1
    )
    found = await _recap(hass, person=alice, export=True)
    assert (found["plays"], found["person"], found["label"]) == (1, alice, "October 2024 (Alice)")
    assert found["export_path"] == str(config_dir / "aime" / "exports" / "recap-2024-10-alice.md")
    assert notifications["aime_recap_2024-10-alice"]["title"] == (
        "Your listening recap: October 2024 (Alice)"
    )
    assert (await _recap(hass, notify=False))["plays"] == 10
    with pytest.raises(ServiceValidationError) as err:
        await _recap(hass, person="sensor.alice")
    assert err.value.translation_key == "invalid_person"
    assert "person.alice" in str(err.value)


async def test_only_administrators_write_the_file(
    hass: HomeAssistant, paris: datetime, hass_read_only_user: User
) -> None:
    await async_setup_hub(hass, {})
    context = Context(user_id=hass_read_only_user.id)
    with pytest.raises(Unauthorized):
        await _recap(hass, context, export=True)
    assert (await _recap(hass, context, notify=False))["plays"] == 10


async def test_without_the_hub(hass: HomeAssistant, paris: datetime) -> None:
    entry = await async_setup_hub(hass, {})
    await hass.config_entries.async_unload(entry.entry_id)
    with pytest.raises(ServiceValidationError) as err:
        await _recap(hass)
    assert err.value.translation_key == "hub_not_loaded"


async def _tick(hass: HomeAssistant, freezer: FrozenDateTimeFactory, to: datetime) -> None:
    freezer.move_to(to)
    async_fire_time_changed(hass, to)
    await hass.async_block_till_done(wait_background_tasks=True)


async def test_recaps_made_on_the_first(
    hass: HomeAssistant,
    paris: datetime,
    freezer: FrozenDateTimeFactory,
    config_dir: Path,
    notifications: dict[str, persistent_notification.Notification],
) -> None:
    """At 07:00 on the 1st: last month's recap; on January 1st, last year's too."""
    entry: MockConfigEntry = await async_setup_hub(
        hass, {CONF_RECAP_MONTHLY: True, CONF_RECAP_YEARLY: True}
    )
    events = async_capture_events(hass, EVENT_RECAP_READY)
    zone = dt_util.get_time_zone(PARIS)
    await _tick(hass, freezer, datetime(2024, 11, 16, 7, 0, tzinfo=zone))  # Not the 1st.
    assert events == []
    await _tick(hass, freezer, datetime(2024, 12, 1, 7, 0, tzinfo=zone))
    await _tick(hass, freezer, datetime(2025, 1, 1, 7, 0, tzinfo=zone))
    assert [(event.data["key"], event.data["scheduled"]) for event in events] == [
        ("2024-11", True),
        ("2024-12", True),
        ("2024", True),
    ]
    exports = config_dir / "aime" / "exports"
    assert sorted(path.name for path in exports.glob("recap-*")) == [
        "recap-2024-11.md",
        "recap-2024-12.md",
        "recap-2024.md",
    ]
    assert notifications["aime_recap_2024"]["title"] == "Your listening recap: 2024"
    hass.config_entries.async_update_entry(
        entry, options={CONF_RECAP_MONTHLY: False, CONF_RECAP_YEARLY: False}
    )
    await _tick(hass, freezer, datetime(2025, 2, 1, 7, 0, tzinfo=zone))
    assert len(events) == 3


async def test_the_options_turn_the_recaps_on(hass: HomeAssistant) -> None:
    """Two switches in the jobs step of the hub's options, off by default."""
    entry = await async_setup_hub(hass, {})
    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "jobs"}
    )
    defaults = result["data_schema"]({})
    assert (defaults[CONF_RECAP_MONTHLY], defaults[CONF_RECAP_YEARLY]) == (False, False)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {**defaults, CONF_RECAP_MONTHLY: True}
    )
    await hass.async_block_till_done()
    assert (entry.options[CONF_RECAP_MONTHLY], entry.options[CONF_RECAP_YEARLY]) == (True, False)


async def test_a_scheduled_recap_goes_on_without_a_refused_paragraph(
    hass: HomeAssistant,
    paris: datetime,
    freezer: FrozenDateTimeFactory,
    fake_llm: FakeLLM,
    caplog: pytest.LogCaptureFixture,
) -> None:
    zone = dt_util.get_time_zone(PARIS)
    freezer.move_to(datetime(2024, 10, 31, 23, 0, tzinfo=zone))
    await async_setup_hub(hass, {**ai_options(fake_llm), CONF_RECAP_MONTHLY: True})
    events = async_capture_events(hass, EVENT_RECAP_READY)
    fake_llm.responder = lambda _body: "Sorry, I cannot help with that."
    await _tick(hass, freezer, datetime(2024, 11, 1, 7, 0, tzinfo=zone))
    assert [(event.data["key"], event.data["plays"]) for event in events] == [("2024-10", 10)]
    assert "The AI paragraph of the 2024-10 recap was not written" in caplog.text
