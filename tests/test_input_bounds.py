"""Out-of-range and garbage input is a translated validation error, never a traceback.

Every registered ``aime`` action and every ``aime/`` websocket command is fed, field by
field, the boundary and garbage values of a table chosen by the field's validator. Fields
are read from the registered schemas, so a new action, command or field is covered at once.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from http import HTTPStatus
import json
import logging
from string import Formatter
from typing import Any

from homeassistant.core import HomeAssistant, SupportsResponse
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.translation import async_get_translations
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import (
    ClientSessionGenerator,
    WebSocketGenerator,
)
import voluptuous as vol

from custom_components.aime.const import DOMAIN
from custom_components.aime.validation import (
    MAX_STORE_INT,
    MIN_STORE_INT,
    ActionSchema,
    Text,
    WholeNumber,
    file_name,
    file_path,
    local_date,
    person_id,
)

# Fields every call needs to reach the field under test (the schemas require them).
VALID: dict[str, Any] = {
    "playlist_id": 1,
    "album_id": 1,
    "artist_id": 1,
    "algorithm": "top_sessions",
    "media_player": "media_player.kitchen",
    "source": "media_player.kitchen",
    "destination": "media_player.office",
    "path": "musique.db",
    "format": "json",
    "name": "Mix",
    "first_day": "2024-03-01",
    "last_day": "2024-03-31",
    "loved": True,
}
NOT_A_FIELD = {"type", "id"}
MAX_MESSAGE = 400  # A refused value is quoted, never in full when it is huge.
HUGE_LIST = [0] * 10_000
GARBAGE: list[Any] = [None, HUGE_LIST, {"a": 1}, ["x", "y"]]
DATES: list[Any] = [
    *("0001-01-01", "9999-12-31", "1899-12-31", "2201-01-01", "2024-02-30", "x", "", 20240101),
    *(date(1, 1, 1), date(9999, 12, 31)),
]
FILE_NAMES = ["a" * 255, "a" * 101, "é" * 101, "a\x00b", "../x", "a/b", "a\\b", ".hidden", ".."]
FILE_PATHS = ["a\x00b", "a" * 300, "x/" + "a" * 256, "a" * 5000, "", "  ", "a\nb"]
# orjson (Home Assistant's websocket) reads integers from -2**63 to 2**64 - 1 only.
JSON_INTS = range(MIN_STORE_INT, 2**64)


def _numbers(validator: WholeNumber) -> list[Any]:
    return [
        *(validator.minimum - 1, validator.maximum + 1, 2**63, 2**64, -(2**64), MAX_STORE_INT + 1),
        *(1.5, "1.5", "x", "", " ", True, float("nan"), float("inf"), "9" * 60),
    ]


def bad_values(validator: Any) -> list[Any]:
    """The table for one field, chosen by its validator; garbage for every field."""
    if isinstance(validator, WholeNumber):
        return [*_numbers(validator), *GARBAGE]
    if validator is local_date:
        return [*DATES, *GARBAGE]
    if validator is file_name:
        return [*FILE_NAMES, "", "   ", *GARBAGE]
    if validator is file_path:
        return [*FILE_PATHS, *GARBAGE]
    if validator is person_id:
        return ["sensor.alice", "person.", "person.A", "person." + "a" * 300, "", *GARBAGE]
    if isinstance(validator, Text):
        return ["", "   ", "a\x00b", "a" * (validator.max_length + 1), *GARBAGE]
    return GARBAGE


def fields(schema: Any, path: tuple[str, ...] = ()) -> Iterator[tuple[tuple[str, ...], Any]]:
    """Every field of a schema (nested mappings flattened to paths) and its validator."""
    if isinstance(schema, vol.Schema):
        yield from fields(schema.schema, path)
    elif isinstance(schema, vol.All):
        for validator in schema.validators:
            yield from fields(validator, path)
    elif isinstance(schema, dict):
        for marker, validator in schema.items():
            name = str(marker.schema if isinstance(marker, vol.Marker) else marker)
            if name in NOT_A_FIELD:
                continue
            nested = list(fields(validator, (*path, name)))
            yield from nested or [((*path, name), validator)]


def unbounded(schema: Any) -> Iterator[str]:
    """Validators that let out-of-range numbers or dates through (use validation.py)."""
    for path, validator in fields(schema):
        for node in _walk(validator):
            if isinstance(node, vol.Range) or node in (cv.date, cv.positive_int, cv.datetime):
                yield ".".join(path)
            if isinstance(node, vol.Coerce) and node.type in (int, float):
                yield ".".join(path)


def _walk(validator: Any) -> Iterator[Any]:
    yield validator
    for inner in getattr(validator, "validators", ()):
        yield from _walk(inner)


def base_data(schema: Any, field: tuple[str, ...]) -> dict[str, Any]:
    """Valid values for what the schema requires (and a playlist for play_playlist)."""
    data: dict[str, Any] = {}
    for path, _validator in fields(schema):
        if path == field or not _required(schema, path):
            continue
        assert path[-1] in VALID, f"add a valid value for the required field {path}"
        _put(data, path, VALID[path[-1]])
    return data


def _required(schema: Any, path: tuple[str, ...]) -> bool:
    def markers(node: Any) -> Iterator[tuple[Any, Any]]:
        if isinstance(node, vol.Schema):
            yield from markers(node.schema)
        elif isinstance(node, vol.All):
            for inner in node.validators:
                yield from markers(inner)
        elif isinstance(node, dict):
            yield from node.items()

    node = schema
    for name in path:
        found = [(m, v) for m, v in markers(node) if str(getattr(m, "schema", m)) == name]
        if not found or not isinstance(found[0][0], vol.Required):
            return False
        node = found[0][1]
    return True


def _put(data: dict[str, Any], path: tuple[str, ...], value: Any) -> None:
    for name in path[:-1]:
        data = data.setdefault(name, {})
    data[path[-1]] = value


def _sentence(message: str, key: str) -> bool:
    return (
        bool(message)
        and message != key
        and "{" not in message
        and "}" not in message
        and len(message.split()) >= 3
    )


@pytest.fixture
def errors_logged(caplog: pytest.LogCaptureFixture) -> Iterator[list[logging.LogRecord]]:
    with caplog.at_level(logging.WARNING):
        yield caplog.records


async def test_every_field_is_bounded(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """No action or command schema bounds a number or a date by itself."""
    schemas = {name: service.schema for name, service in _actions(hass).items()}
    schemas |= {name: schema for name, (_handler, schema) in _commands(hass).items()}
    assert {name: list(unbounded(schema)) for name, schema in schemas.items()} == {
        name: [] for name in schemas
    }
    assert all(isinstance(schema, ActionSchema) for schema in _schemas(_actions(hass)))


async def test_actions_refuse_bad_input_with_a_translated_error(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    errors_logged: list[logging.LogRecord],
) -> None:
    """Each action, each field, each bad value: a translated ServiceValidationError."""
    messages = {
        language: await async_get_translations(hass, language, "exceptions", [DOMAIN])
        for language in ("en", "fr")
    }
    actions = _actions(hass)
    assert len(actions) >= 12
    problems: list[str] = []
    calls = 0
    for name, service in sorted(actions.items()):
        for field, validator in fields(service.schema):
            for value in bad_values(validator):
                data = base_data(service.schema, field)
                _put(data, field, value)
                calls += 1
                try:
                    await hass.services.async_call(
                        DOMAIN,
                        name,
                        data,
                        blocking=True,
                        return_response=service.supports_response is not SupportsResponse.NONE,
                    )
                except ServiceValidationError as err:
                    for language, translations in messages.items():
                        template = translations.get(
                            f"component.{DOMAIN}.exceptions.{err.translation_key}.message", ""
                        )
                        placeholders = err.translation_placeholders or {}
                        names = {n for _t, n, _s, _c in Formatter().parse(template) if n}
                        # The values (the user's own input) may hold anything, braces too.
                        text = template.format(**dict.fromkeys(placeholders, "<value>"))
                        if (
                            err.translation_domain != DOMAIN
                            or not names <= placeholders.keys()
                            or not _sentence(text, str(err.translation_key))
                            or len(template.format(**placeholders)) > MAX_MESSAGE
                        ):
                            problems.append(f"{name} {field}={value!r:.40}: {language} {text!r}")
                except Exception as err:
                    problems.append(f"{name} {field}={value!r:.40}: {type(err).__name__}: {err}")
                else:
                    problems.append(f"{name} {field}={value!r:.40}: accepted")
    assert problems == []
    assert calls > 400
    assert [r.getMessage() for r in errors_logged if r.levelno >= logging.ERROR] == []


async def test_commands_refuse_bad_input_with_a_translated_error(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    hass_ws_client: WebSocketGenerator,
    errors_logged: list[logging.LogRecord],
) -> None:
    """Each aime/ command, each field, each bad value: AIME's translated sentence."""
    client = await hass_ws_client(hass)
    commands = _commands(hass)
    assert len(commands) >= 7
    problems: list[str] = []
    sent = 0
    for command, (_handler, schema) in sorted(commands.items()):
        for field, validator in [*fields(schema), (("not_a_field",), None)]:
            values = bad_values(validator) if validator is not None else ["x"]
            for value in values:
                if isinstance(value, date | float) or (
                    isinstance(value, int) and value not in JSON_INTS
                ):
                    continue  # Not JSON: no client can send it.
                data = {"type": command, **base_data(schema, field)}
                _put(data, field, value)
                await client.send_json_auto_id(data)
                answer = await client.receive_json()
                sent += 1
                error = answer.get("error", {})
                key = error.get("translation_key") or ""
                if (
                    answer["success"]
                    or error.get("code") != "home_assistant_error"
                    or error.get("translation_domain") != DOMAIN
                    or not _sentence(error.get("message", ""), key)
                    or field[-1] not in error.get("message", "")
                ):
                    problems.append(f"{command} {field}={value!r:.40}: {answer!r:.200}")
    assert problems == []
    assert sent > 250
    # Home Assistant logs each refused message once, at ERROR and without a traceback.
    assert [
        record.getMessage()
        for record in errors_logged
        if record.levelno >= logging.ERROR
        and (record.exc_info or "(home_assistant_error)" not in record.getMessage())
    ] == []


async def test_rest_refuses_bad_input_with_400_and_the_sentence(
    hass: HomeAssistant, init_integration: MockConfigEntry, hass_client: ClientSessionGenerator
) -> None:
    """A script over REST: each action's bad values answer 400 and AIME's sentence, no 500."""
    client = await hass_client()
    problems: list[str] = []
    calls = 0
    for name, service in sorted(_actions(hass).items()):
        query = "" if service.supports_response is SupportsResponse.NONE else "?return_response"
        for field, validator in [*fields(service.schema), (("not_a_field",), None)]:
            values = bad_values(validator)[:3] if validator is not None else ["x"]
            for value in values:
                if isinstance(value, date | float) or (
                    isinstance(value, int) and value not in JSON_INTS
                ):
                    continue
                data = base_data(service.schema, field)
                _put(data, field, value)
                response = await client.post(f"/api/services/{DOMAIN}/{name}{query}", json=data)
                calls += 1
                body = await response.text()
                message = json.loads(body).get("message", "") if body.startswith("{") else body
                if response.status != HTTPStatus.BAD_REQUEST or not _sentence(message, ""):
                    problems.append(f"{name} {field}={value!r:.40}: {response.status} {body:.120}")
    assert problems == []
    assert calls > 60
    unknown = await client.post(f"/api/services/{DOMAIN}/delete_playlist", json={"playlist_id": 7})
    assert unknown.status == HTTPStatus.BAD_REQUEST
    assert "playlist" in (await unknown.json())["message"]


async def test_extreme_valid_dates_and_ids_are_answered(
    hass: HomeAssistant, init_integration: MockConfigEntry, hass_ws_client: WebSocketGenerator
) -> None:
    """The bounds themselves are accepted and answered (nothing found), not a crash."""
    client = await hass_ws_client(hass)
    for command in (
        {"type": "aime/history", "first_day": "1900-01-01", "last_day": "2200-12-31"},
        {"type": "aime/history", "artist_id": MAX_STORE_INT, "album_id": MAX_STORE_INT},
        {"type": "aime/timeline", "day": "1900-01-01"},
        {"type": "aime/timeline", "day": "2200-12-31"},
        {"type": "aime/playlists/get", "playlist_id": MAX_STORE_INT},
    ):
        await client.send_json_auto_id(command)
        answer = await client.receive_json()
        assert answer["success"] or answer["error"]["code"] == "not_found", (command, answer)
    with pytest.raises(ServiceValidationError) as caught:
        await hass.services.async_call(
            DOMAIN, "delete_playlist", {"playlist_id": MAX_STORE_INT}, blocking=True
        )
    assert caught.value.translation_key == "unknown_playlist"


def _actions(hass: HomeAssistant) -> dict[str, Any]:
    return dict(hass.services.async_services_for_domain(DOMAIN))


def _schemas(actions: dict[str, Any]) -> list[Any]:
    return [service.schema for service in actions.values()]


def _commands(hass: HomeAssistant) -> dict[str, Any]:
    return {
        command: handler_schema
        for command, handler_schema in hass.data["websocket_api"].items()
        if command.startswith(f"{DOMAIN}/") and handler_schema[1] is not False
    }
