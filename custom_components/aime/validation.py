"""Bounds shared by every action and websocket command schema, with translated errors.

Whatever reaches the store must fit it: ids are SQLite integers (below 2**63), dates turn
into timestamps and local days, file names become files. Out-of-range input is refused by
the schema, before anything runs, with a message naming the field (keys under
"exceptions"): an action answers a translated ``ServiceValidationError``, a websocket
command an ``invalid_format`` error carrying the same sentence in English.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import Enum
import math
import re
from textwrap import shorten
from typing import Any, Final

from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import config_validation as cv
import voluptuous as vol

from .exceptions import validation_error

MAX_STORE_INT: Final = 2**63 - 1  # SQLite's largest integer.
MIN_STORE_INT: Final = -(2**63)
FIRST_DAY: Final = date(1900, 1, 1)
LAST_DAY: Final = date(2200, 12, 31)
MAX_FILE_NAME: Final = 100
# Room left under the system's 255 bytes for the extension and the ".partial" written first.
MAX_FILE_NAME_BYTES: Final = 200
MAX_PAGE: Final = 1_000_000_000  # page x page size stays far below SQLite's OFFSET limit.
MAX_TEXT: Final = 500
MAX_PATH: Final = 4096
MAX_NAME_BYTES: Final = 255  # One folder or file name, as the file systems allow.

_EXTRA_KEY = "extra keys not allowed"
_REQUIRED_KEY = "required key not provided"
_MAX_ERROR = 120


class TranslatedInvalid(vol.Invalid):
    """A schema error with its translation; ``field`` is the path voluptuous adds."""

    def __init__(self, key: str, placeholders: Mapping[str, object] | None = None) -> None:
        super().__init__(key)
        # Not "translation_key": newer Home Assistant's schema errors (probatio) have a
        # read-only property of that name.
        self.key = key
        self.values = dict(placeholders or {})

    @property
    def field(self) -> str:
        return ".".join(str(part) for part in self.path)

    def error(self) -> ServiceValidationError:
        """The translated error an action answers."""
        return validation_error(self.key, {"field": self.field, **self.values})

    def __str__(self) -> str:
        # What a websocket client reads in its invalid_format error: the English sentence.
        try:
            return str(self.error())
        except HomeAssistantError:  # Outside Home Assistant: no translations to read.
            return f"{self.key} ({self.field})"


@dataclass(frozen=True, slots=True)
class WholeNumber:
    """An integer in ``minimum..maximum``: given as an int, a digit string or a whole float."""

    minimum: int
    maximum: int

    def __call__(self, value: Any) -> int:
        number: int | None = None
        if isinstance(value, int) and not isinstance(value, bool):
            number = value
        elif isinstance(value, float) and math.isfinite(value) and value.is_integer():
            number = int(value)
        elif isinstance(value, str) and len(value) <= 40:
            try:
                number = int(value.strip())
            except ValueError:
                number = None
        if number is None or not self.minimum <= number <= self.maximum:
            raise TranslatedInvalid(
                "invalid_whole_number", {"min": self.minimum, "max": self.maximum}
            )
        return number


def whole_number(minimum: int, maximum: int) -> WholeNumber:
    return WholeNumber(minimum, maximum)


STORE_ID: Final = whole_number(1, MAX_STORE_INT)
STORE_INT: Final = whole_number(MIN_STORE_INT, MAX_STORE_INT)
PAGE: Final = whole_number(0, MAX_PAGE)


def local_date(value: Any) -> date:
    """A calendar date (``2024-03-31``) between 1900 and 2200."""
    try:
        day: date = cv.date(value)
    except (vol.Invalid, TypeError, ValueError):
        day = date.min
    if isinstance(day, datetime):  # A date-time given where a day is asked: its day.
        day = day.date()
    if not FIRST_DAY <= day <= LAST_DAY:
        raise TranslatedInvalid(
            "invalid_date", {"first": FIRST_DAY.isoformat(), "last": LAST_DAY.isoformat()}
        )
    return day


def file_name(value: Any) -> str:
    """A plain file name: no folder, no leading dot, no control character, 100 chars at most."""
    name = value.strip() if isinstance(value, str) else ""
    if (
        not name
        or len(name) > MAX_FILE_NAME
        or len(name.encode()) > MAX_FILE_NAME_BYTES
        or name.startswith(".")
        or any(char in "/\\" or not char.isprintable() for char in name)
    ):
        raise TranslatedInvalid("invalid_file_name", {"max": MAX_FILE_NAME})
    return name


LOCAL_DATE: Final = local_date
FILE_NAME: Final = file_name


@dataclass(frozen=True, slots=True)
class Text:
    """A non-empty text (surrounding spaces dropped), ``max_length`` printable chars at most."""

    max_length: int = MAX_TEXT

    def __call__(self, value: Any) -> str:
        line = value.strip() if isinstance(value, str) else ""
        if not line or len(line) > self.max_length or not _printable(line):
            raise TranslatedInvalid("invalid_text", {"max": self.max_length})
        return line


def text(max_length: int = MAX_TEXT) -> Text:
    return Text(max_length)


_PERSON_ID = re.compile(r"person\.(?!_)[\da-z_]+(?<!_)")


def person_id(value: Any) -> str:
    """A Home Assistant person's entity id (``person.alice``)."""
    if not isinstance(value, str) or len(value) > MAX_NAME_BYTES or not _PERSON_ID.fullmatch(value):
        raise TranslatedInvalid("invalid_person")
    return value


PERSON: Final = person_id


def file_path(value: Any) -> str:
    """A path as the system takes it: 4096 chars, each name 255 chars, no control character."""
    path = value.strip() if isinstance(value, str) else ""
    if (
        not path
        or len(path) > MAX_PATH
        or not _printable(path)
        or any(len(part.encode()) > MAX_NAME_BYTES for part in re.split(r"[/\\]", path))
    ):
        raise TranslatedInvalid("invalid_path", {"max": MAX_PATH, "name_max": MAX_NAME_BYTES})
    return path


FILE_PATH: Final = file_path


def _printable(line: str) -> bool:
    return all(char.isprintable() or char in "\n\t" for char in line)


def exactly_one_of(*fields: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """The data names exactly one of ``fields`` (e.g. a playlist by id or by name)."""

    def validate(data: dict[str, Any]) -> dict[str, Any]:
        if sum(field in data for field in fields) != 1:
            raise TranslatedInvalid("one_of_fields", {"fields": ", ".join(fields)})
        return data

    return validate


def ordered_days(first: str, last: str) -> Callable[[dict[str, Any]], dict[str, Any]]:
    """``first`` (a date) is not after ``last`` when both are given."""

    def validate(data: dict[str, Any]) -> dict[str, Any]:
        if first in data and last in data and data[first] > data[last]:
            raise TranslatedInvalid("start_after_end")
        return data

    return validate


class ActionSchema(vol.Schema):
    """A schema whose every refusal is a translated ``ServiceValidationError``.

    Actions are registered with it, and so are the websocket commands (``websocket_api.py``):
    a refused field is named, a refused choice lists the accepted ones, in every language.
    """

    def __call__(self, data: Any) -> Any:
        try:
            return super().__call__(data)  # type: ignore[no-untyped-call]
        except vol.Invalid as err:
            raise input_error(err, self) from None


def input_error(err: vol.Invalid, schema: Any = None) -> ServiceValidationError:
    """The translated error for what voluptuous refused (the first error names the field).

    Voluptuous's own English never reaches the caller: each kind of refusal has a sentence.
    """
    errors: list[vol.Invalid] = list(getattr(err, "errors", [err]))
    first = next((e for e in errors if isinstance(e, TranslatedInvalid)), errors[0])
    if isinstance(first, TranslatedInvalid):
        return first.error()
    field = ".".join(str(part) for part in first.path)
    if not field:
        return validation_error("invalid_data")
    message = str(first.error_message)
    if message == _EXTRA_KEY:
        return validation_error("unknown_field", {"field": field})
    if message == _REQUIRED_KEY:
        return validation_error("field_required", {"field": field})
    if (choices := _choices(_validator_at(schema, first.path))) is not None:
        # Each choice is a short code word; the list is cut like any quoted value.
        listed = shorten(", ".join(choices), _MAX_ERROR, placeholder="…")
        return validation_error("invalid_choice", {"field": field, "choices": listed})
    # What voluptuous (or probatio) writes for a value of the wrong type.
    if message.startswith("expected str"):
        return validation_error("expected_text", {"field": field})
    if message.startswith(("expected int", "expected float", "expected a number")):
        return validation_error("expected_number", {"field": field})
    if message.startswith(("invalid boolean", "expected bool")):
        return validation_error("expected_boolean", {"field": field})
    if message.startswith(("expected a dictionary", "expected dict")):
        return validation_error("expected_object", {"field": field})
    if message.startswith(("expected list", "expected a list")):
        return validation_error("expected_list", {"field": field})
    return validation_error("invalid_value", {"field": field})


def _validator_at(schema: Any, path: list[Any]) -> Any:
    """The validator a schema applies at ``path`` (``None`` where it cannot be told)."""
    node = schema
    for key in path:
        node = _mapping_of(node)
        if isinstance(node, list) and isinstance(key, int) and node:
            node = node[0]
            continue
        if not isinstance(node, dict):
            return None
        node = next((v for k, v in node.items() if getattr(k, "schema", k) == key), None)
    return node


def _mapping_of(node: Any) -> Any:
    while True:
        if isinstance(node, vol.Schema):
            node = node.schema
        elif isinstance(node, vol.All):
            node = next((v for v in node.validators if isinstance(v, dict | vol.Schema)), None)
        else:
            return node


def _choices(validator: Any) -> list[str] | None:
    """The values a choice accepts (``vol.In``, or an enumeration coerced to)."""
    candidates = validator.validators if isinstance(validator, vol.All) else [validator]
    for each in candidates:
        candidate = each[0] if isinstance(each, list) and each else each
        if isinstance(candidate, vol.In) and isinstance(candidate.container, Iterable):
            return [str(choice) for choice in candidate.container]
        kind = getattr(candidate, "type", None)
        if isinstance(candidate, vol.Coerce) and isinstance(kind, type) and issubclass(kind, Enum):
            return [str(member.value) for member in kind]
    return None
