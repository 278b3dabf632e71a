"""Tool arguments as an agent sends them: checked, then read in the user's time zone.

Refusals are translated ``ServiceValidationError``s naming the argument, so the agent can
tell the user (or fix its call) in the user's language.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
import voluptuous as vol

from ..exceptions import validation_error
from ..hub.people import PERSON_DOMAIN, person_name, person_of_user
from ..validation import FIRST_DAY, LAST_DAY, TranslatedInvalid, input_error, local_date

MAX_ITEMS = 50  # Every list a tool answers is bounded.
MAX_TEXT = 500  # A name or a search text.


def checked(schema: vol.Schema, args: dict[str, Any]) -> dict[str, Any]:
    """``args`` through the tool's schema, or the translated error naming what is wrong."""
    try:
        data: dict[str, Any] = schema(args)
    except vol.Invalid as err:
        raise input_error(err) from None
    return data


def instant(args: dict[str, Any], field: str) -> datetime:
    """An ISO date-time argument; without an offset it is a local time of Home Assistant."""
    value = args[field]
    parsed = dt_util.parse_datetime(value) if isinstance(value, str) else None
    if parsed is None:
        raise validation_error("assist_invalid_datetime", {"field": field, "value": value})
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=dt_util.get_default_time_zone())
    return parsed


def day(args: dict[str, Any], field: str) -> date | None:
    """An optional ``YYYY-MM-DD`` argument."""
    if args.get(field) is None:
        return None
    try:
        return local_date(args[field])
    except TranslatedInvalid:
        raise validation_error(
            "invalid_date", {"field": field, "first": FIRST_DAY, "last": LAST_DAY}
        ) from None


def day_range(args: dict[str, Any]) -> tuple[date, date] | None:
    """``first_day`` and ``last_day`` (inclusive; one alone is that one day), or ``None``."""
    first, last = day(args, "first_day"), day(args, "last_day")
    if first is None:
        if last is None:
            return None
        first = last
    last = last or first
    if first > last:
        raise validation_error("start_after_end")
    return first, last


def local_iso(timestamp: int | None) -> str | None:
    """A UTC epoch second as a local ISO time with its offset."""
    if timestamp is None:
        return None
    return dt_util.as_local(dt_util.utc_from_timestamp(timestamp)).isoformat()


ME = "me"
PERSON_DESCRIPTION = (
    "Whose plays: 'me' for the user speaking, or a person (entity id like person.alice, or "
    "name); everyone's at home when left out"
)


def person(hass: HomeAssistant, args: dict[str, Any], user_id: str | None) -> str | None:
    """The person a ``person`` argument names (``None``: everyone's plays).

    "me" is the person of the user speaking (everyone when Home Assistant knows no such
    person); a person's entity id or name (ignoring case) is that person.
    """
    said = args.get("person")
    if said is None:
        return None
    wanted = str(said).strip().casefold()
    if wanted == ME:
        return person_of_user(hass, user_id)
    for state in hass.states.async_all(PERSON_DOMAIN):
        if wanted in (state.entity_id, person_name(hass, state.entity_id).casefold()):
            return state.entity_id
    raise validation_error("assist_unknown_person", {"person": str(said)[:MAX_TEXT]})
