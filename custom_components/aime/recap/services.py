"""The listening recap: the ``aime.recap`` action and the recaps of the 1st of each month/year.

A recap (``core/stats/recap.py``) can come with a paragraph written by the hub's AI (checked
like every AI text), a Markdown file ``<config>/aime/exports/recap-<period>.md`` (rewritten
when the recap is made again), a persistent notification with its headline figures and an
``aime_recap_ready`` event. With the hub options ``recap_monthly`` / ``recap_yearly``, the
last month's (and on January 1st the last year's) recap is made at 07:00 on the 1st, with a
paragraph when the AI service is set up; a recap missed while Home Assistant was stopped is
not made afterwards.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, datetime, time
from functools import partial
from typing import TYPE_CHECKING, Any

from homeassistant.components import persistent_notification
from homeassistant.core import (
    CALLBACK_TYPE,
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
    callback,
)
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import config_validation as cv, translation
from homeassistant.helpers.event import async_track_time_change
from homeassistant.util import dt as dt_util
import voluptuous as vol

from ..action import Action
from ..ai.backend import async_hub_ai
from ..const import DOMAIN, LOGGER
from ..core.enrichment import exports
from ..core.enrichment.ai_texts import recap_paragraph_prompt
from ..core.enrichment.exports import ExportFormat
from ..core.stats.recap import (
    MAX_RANGE_DAYS,
    Recap,
    RecapKind,
    RecapPeriod,
    last_month,
    last_year,
    recap,
)
from ..core.stats.recap_markdown import (
    number,
    percent,
    period_label,
    recap_ai_data,
    recap_language,
    recap_markdown,
)
from ..exceptions import validation_error
from ..hub.jobs import CONF_RECAP_MONTHLY, CONF_RECAP_YEARLY, ServiceNotConfiguredError
from ..hub.lookup import hub_runtime, require_hub_store
from ..hub.people import assigned_people, person_name
from ..validation import LOCAL_DATE, PERSON, ordered_days, whole_number

if TYPE_CHECKING:
    from .. import AimeConfigEntry

SERVICE_RECAP = "recap"
EVENT_RECAP_READY = "aime_recap_ready"
RECAP_FILE_SUBJECT = "recap"
RECAP_TIME = time(7, 0)  # Local time, on the 1st: after the night's jobs.
ATTR_PERIOD = "period"
ATTR_MONTH = "month"
ATTR_YEAR = "year"
ATTR_START = "start"
ATTR_END = "end"
ATTR_LANGUAGE = "language"
ATTR_AI_PARAGRAPH = "ai_paragraph"
ATTR_EXPORT = "export"
ATTR_NOTIFY = "notify"
ATTR_PERSON = "person"
MIN_YEAR = 1900
MAX_YEAR = 2200
_FIELDS_OF = {
    RecapKind.MONTH: {ATTR_MONTH, ATTR_YEAR},
    RecapKind.YEAR: {ATTR_YEAR},
    RecapKind.CUSTOM: {ATTR_START, ATTR_END},
}
_NO_VALUE = "—"

RECAP_SCHEMA = vol.Schema(
    vol.All(
        {
            vol.Optional(ATTR_PERIOD, default=RecapKind.MONTH.value): vol.In(
                [kind.value for kind in RecapKind]
            ),
            vol.Optional(ATTR_MONTH): whole_number(1, 12),
            vol.Optional(ATTR_YEAR): whole_number(MIN_YEAR, MAX_YEAR),
            vol.Optional(ATTR_START): LOCAL_DATE,
            vol.Optional(ATTR_END): LOCAL_DATE,
            vol.Optional(ATTR_LANGUAGE): vol.In(["en", "fr"]),
            vol.Optional(ATTR_AI_PARAGRAPH, default=False): cv.boolean,
            vol.Optional(ATTR_EXPORT, default=False): cv.boolean,
            vol.Optional(ATTR_NOTIFY, default=True): cv.boolean,
            vol.Optional(ATTR_PERSON): PERSON,
        },
        ordered_days(ATTR_START, ATTR_END),
    )
)


@dataclass(frozen=True, slots=True)
class RecapRequest:
    """What to make besides the figures."""

    language: str
    ai_paragraph: bool
    export: bool
    notify: bool
    scheduled: bool = False
    person: str | None = None  # Whose plays (a person's entity id); None: everyone's.


def requested_period(data: dict[str, Any], today: date) -> RecapPeriod:
    """The period the action's fields name; a translated error when they do not fit."""
    kind = RecapKind(data[ATTR_PERIOD])
    for field in (ATTR_MONTH, ATTR_YEAR, ATTR_START, ATTR_END):
        if field in data and field not in _FIELDS_OF[kind]:
            raise validation_error(
                "recap_field_not_for_period", {"field": field, "period": kind.value}
            )
    if kind is RecapKind.CUSTOM:
        if ATTR_START not in data or ATTR_END not in data:
            raise validation_error("recap_dates_required")
        first, last = data[ATTR_START], data[ATTR_END]
        if (last - first).days + 1 > MAX_RANGE_DAYS:
            raise validation_error("recap_range_too_long", {"days": MAX_RANGE_DAYS})
        period = RecapPeriod.custom(first, last)
    elif kind is RecapKind.YEAR:
        period = RecapPeriod.year(data[ATTR_YEAR]) if ATTR_YEAR in data else last_year(today)
    elif ATTR_MONTH in data:
        month = data[ATTR_MONTH]
        # Without a year: the latest such month that has begun.
        year = data.get(ATTR_YEAR, today.year if month <= today.month else today.year - 1)
        period = RecapPeriod.month(year, month)
    elif ATTR_YEAR in data:
        raise validation_error("field_required", {"field": ATTR_MONTH})
    else:
        period = last_month(today)
    if period.first > today:
        raise validation_error("recap_in_future", {"first": period.first.isoformat()})
    return period


async def async_make_recap(
    hass: HomeAssistant, period: RecapPeriod, request: RecapRequest
) -> dict[str, Any]:
    """Compute the recap and make what ``request`` asks; the response data."""
    access = require_hub_store(hass)
    person = request.person
    found = await access.async_run(partial(recap, access.store.stats, period, listener=person))
    language = request.language
    # A person's recap is theirs: its own file, notification and label.
    suffix = f"-{person.removeprefix('person.')}" if person else ""
    paragraph, model = await _async_paragraph(hass, found, request)
    path: str | None = None
    if request.export:
        text = recap_markdown(
            found,
            language=language,
            exported_at=dt_util.now(),
            paragraph=paragraph,
            model=model,
        )
        runtime = hub_runtime(hass)
        assert runtime is not None  # The store access above came from it.
        written = await access.async_run(
            partial(
                exports.write_export,
                runtime.exports_directory,
                RECAP_FILE_SUBJECT,
                ExportFormat.MARKDOWN,
                text,
                now=dt_util.now(),
                filename=f"{RECAP_FILE_SUBJECT}-{period.key}{suffix}.md",
            )
        )
        path = str(written)
    label = period_label(period.kind, period.first, period.last, language)
    if person:
        label = f"{label} ({person_name(hass, person)})"
    if request.notify:
        await _async_notify(
            hass, found, label, language, paragraph=paragraph, path=path, suffix=suffix
        )
    hass.bus.async_fire(
        EVENT_RECAP_READY,
        {
            "period": found.period,
            "key": found.key,
            "first_day": found.first_day,
            "last_day": found.last_day,
            "label": label,
            "language": language,
            "plays": found.plays,
            "listening_minutes": found.listening_minutes,
            "top_artist": found.top_artists[0].name if found.top_artists else None,
            "export_path": path,
            "scheduled": request.scheduled,
            "person": person,
        },
    )
    return {
        **asdict(found),
        "label": label,
        "language": language,
        "paragraph": paragraph,
        "paragraph_model": model,
        "export_path": path,
        "person": person,
    }


async def _async_paragraph(
    hass: HomeAssistant, found: Recap, request: RecapRequest
) -> tuple[str | None, str | None]:
    """The AI's paragraph; none for an empty period. A scheduled recap goes on without it."""
    if not request.ai_paragraph or not found.plays:
        return None, None
    prompt = recap_paragraph_prompt(recap_ai_data(found, request.language), request.language)
    try:
        written = await async_hub_ai(hass).async_write(prompt)
    except ServiceNotConfiguredError:
        if not request.scheduled:
            raise
        return None, None
    except HomeAssistantError as err:
        if not request.scheduled:
            raise
        LOGGER.warning("The AI paragraph of the %s recap was not written: %s", found.key, err)
        return None, None
    return written.text, written.model


async def _async_notify(
    hass: HomeAssistant,
    found: Recap,
    label: str,
    language: str,
    *,
    paragraph: str | None,
    path: str | None,
    suffix: str = "",
) -> None:
    """A persistent notification in the recap's language (English when not translated)."""
    strings = await translation.async_get_translations(hass, language, "exceptions", {DOMAIN})
    prefix = f"component.{DOMAIN}.exceptions"
    previous = found.previous
    change = percent(previous.plays_change, language) if previous.plays_change is not None else ""
    placeholders = {
        "period": label,
        "plays": number(found.plays, language),
        "minutes": number(found.listening_minutes, language),
        "active_days": str(found.active_days),
        "days": str(found.days),
        "plays_delta": f"{previous.plays_delta:+d}" + (f", {change}" if change else ""),
        "artist": found.top_artists[0].name if found.top_artists else _NO_VALUE,
        "album": found.top_albums[0].name if found.top_albums else _NO_VALUE,
        "track": found.top_tracks[0].name if found.top_tracks else _NO_VALUE,
        "new_artists": number(found.new_artists, language),
        "streak": str(found.longest_streak.days),
        "path": path or "",
    }
    message = strings[f"{prefix}.recap_notification.message"].format(**placeholders)
    if paragraph:
        message += f"\n\n{paragraph}"
    if path:
        message += "\n\n" + strings[f"{prefix}.recap_notification_export.message"].format(
            **placeholders
        )
    persistent_notification.async_create(
        hass,
        message,
        strings[f"{prefix}.recap_notification_title.message"].format(**placeholders),
        notification_id=f"{DOMAIN}_recap_{found.key}{suffix}",
    )


async def _async_recap(call: ServiceCall) -> ServiceResponse:
    data = dict(call.data)
    hass = call.hass
    period = requested_period(data, dt_util.now().date())
    request = RecapRequest(
        language=data.get(ATTR_LANGUAGE) or recap_language(hass.config.language),
        ai_paragraph=data[ATTR_AI_PARAGRAPH],
        export=data[ATTR_EXPORT],
        notify=data[ATTR_NOTIFY],
        person=data.get(ATTR_PERSON),
    )
    return await async_make_recap(hass, period, request)


@callback
def async_schedule_recaps(hass: HomeAssistant, entry: AimeConfigEntry) -> CALLBACK_TYPE:
    """Make the recaps the hub's options ask for at 07:00 on the 1st; returns the canceller."""

    @callback
    def fire(now: datetime) -> None:
        if periods := scheduled_periods(entry.options, now.date()):
            entry.async_create_background_task(
                hass, _async_scheduled(hass, periods), "AIME scheduled recaps"
            )

    return async_track_time_change(
        hass, fire, hour=RECAP_TIME.hour, minute=RECAP_TIME.minute, second=0
    )


def scheduled_periods(options: Any, today: date) -> list[RecapPeriod]:
    """The recaps due ``today`` under the hub ``options``."""
    periods: list[RecapPeriod] = []
    if today.day == 1 and options.get(CONF_RECAP_MONTHLY, False):
        periods.append(last_month(today))
    if (today.month, today.day) == (1, 1) and options.get(CONF_RECAP_YEARLY, False):
        periods.append(last_year(today))
    return periods


async def _async_scheduled(hass: HomeAssistant, periods: list[RecapPeriod]) -> None:
    """The month's recap, then the year's: one at a time, everyone's then each assigned
    person's."""
    for period in periods:
        for person in (None, *sorted(assigned_people(hass))):
            request = RecapRequest(
                language=recap_language(hass.config.language),
                ai_paragraph=True,
                export=True,
                notify=True,
                scheduled=True,
                person=person,
            )
            try:
                await async_make_recap(hass, period, request)
            except HomeAssistantError as err:
                LOGGER.warning(
                    "The scheduled AIME recap of %s (%s) failed: %s",
                    period.key,
                    person or "everyone",
                    err,
                )


RECAP_ACTIONS: tuple[Action, ...] = (
    # Exporting writes a file in the configuration folder.
    Action(
        SERVICE_RECAP,
        _async_recap,
        RECAP_SCHEMA,
        SupportsResponse.OPTIONAL,
        admin_when=(ATTR_EXPORT,),
    ),
)
