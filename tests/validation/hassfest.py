"""The checks hassfest runs on a custom integration, built from Home Assistant's own validators.

hassfest (``script/hassfest`` in the Home Assistant repository) is not published on PyPI, so
these schemas restate its rules for the files AIME ships, on top of the validators of the
installed ``homeassistant`` package: ``config_validation`` (slugs, icons, HTML-free strings),
the ``services.yaml`` schema Home Assistant itself loads action descriptions with, and the
integration loader for the config schema. Each ``validate_*`` returns the problems found
(empty when the file is valid), worded like hassfest's.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
import json
from pathlib import Path
import re
import string
from typing import Any
from urllib.parse import urlparse

from awesomeversion import AwesomeVersion, AwesomeVersionException, AwesomeVersionStrategy
from homeassistant.helpers import config_validation as cv, service
from homeassistant.util.yaml import load_yaml_dict
import voluptuous as vol
from voluptuous.humanize import humanize_error

IOT_CLASSES = (
    "assumed_state",
    "calculated",
    "cloud_polling",
    "cloud_push",
    "local_polling",
    "local_push",
)
INTEGRATION_TYPES = ("device", "entity", "hardware", "helper", "hub", "service", "system")

# --- translations ----------------------------------------------------------------------------

_TRANSLATION_KEY = re.compile(r"^(?!.+[_-]{2})(?![_-])[a-z0-9-_]+(?<![_-])$")
_COMBINED_REFERENCE = re.compile(r"(.+\[%)|(%\].+)")
_QUOTED_PLACEHOLDER = re.compile(r"'{\w+}'")
_URL = re.compile(
    r"(((ftp|ftps|scp|http|https|mqtt|mqtts|socket|socks5):\/\/|www\.)"
    r"[a-z0-9]+([\-\.]{1}[a-z0-9]+)*\.[a-z]{2,5}(:[0-9]{1,5})?(\/.*)?)",
    re.IGNORECASE,
)


def translation_key(value: str) -> str:
    if not _TRANSLATION_KEY.match(value):
        raise vol.Invalid(f"invalid translation key '{value}'")
    return value


def _text(*, placeholders: bool = True) -> Callable[[Any], str]:
    """A translated string: no HTML, URL, combined reference, stray space or odd placeholder."""

    def validate(value: Any) -> str:
        text = cv.string_with_no_html(value)
        if _QUOTED_PLACEHOLDER.search(text):
            raise vol.Invalid("the string should not contain placeholders inside single quotes")
        for _, field, _, _ in string.Formatter().parse(text):
            if field and not placeholders:
                raise vol.Invalid("placeholders are not supported in this value")
            if field and not field.isidentifier():
                raise vol.Invalid("placeholders must be valid identifiers")
        if _COMBINED_REFERENCE.search(text):
            raise vol.Invalid("the string should not contain combined translations")
        if text != text.strip():
            raise vol.Invalid("the string should not contain leading or trailing spaces")
        if _URL.search(text):
            raise vol.Invalid("the string should not contain URLs, use placeholders instead")
        return text

    return validate


_TEXT = _text()
_STATE_TEXT = _text(placeholders=False)


def _keyed(value_schema: Any, key: Callable[[Any], Any] = translation_key) -> Any:
    return cv.schema_with_slug_keys(value_schema, slug_validator=key)


def _flow_schema() -> Any:
    step = {
        vol.Optional("title"): _TEXT,
        vol.Optional("description"): _TEXT,
        vol.Optional("data"): {str: _TEXT},
        vol.Optional("data_description"): {str: _TEXT},
        vol.Optional("menu_options"): {str: _TEXT},
        vol.Optional("menu_option_descriptions"): {str: _TEXT},
        vol.Optional("submit"): _TEXT,
        vol.Optional("sections"): {
            str: {
                vol.Optional("name"): _TEXT,
                vol.Optional("description"): _TEXT,
                vol.Optional("data"): {str: _TEXT},
                vol.Optional("data_description"): {str: _TEXT},
            }
        },
    }

    def described_fields_exist(value: dict[str, Any]) -> dict[str, Any]:
        for step_id, info in value.get("step", {}).items():
            for key in info.get("data_description", {}):
                if key not in info.get("data", {}):
                    raise vol.Invalid(f"step {step_id}: data_description key {key} is not in data")
        return value

    return vol.All(
        vol.Schema(
            {
                vol.Optional("flow_title"): _TEXT,
                vol.Optional("step"): {str: step},
                vol.Optional("error"): {str: _TEXT},
                vol.Optional("abort"): {str: _TEXT},
                vol.Optional("progress"): {str: _TEXT},
                vol.Optional("create_entry"): {str: _TEXT},
                vol.Optional("initiate_flow"): {vol.Required("user"): _TEXT},
            }
        ),
        described_fields_exist,
    )


_ENTITY = {
    vol.Optional("name"): _TEXT,
    vol.Optional("state"): _keyed(_STATE_TEXT),
    vol.Optional("state_attributes"): _keyed(
        {vol.Optional("name"): _STATE_TEXT, vol.Optional("state"): _keyed(_STATE_TEXT)}
    ),
    vol.Optional("unit_of_measurement"): _STATE_TEXT,
}
_FIELDS = _keyed(
    {vol.Required("name"): str, vol.Required("description"): _TEXT, vol.Optional("example"): _TEXT}
)

TRANSLATIONS_SCHEMA = vol.Schema(
    {
        vol.Optional("title"): _TEXT,
        vol.Optional("config"): _flow_schema(),
        vol.Optional("options"): _flow_schema(),
        vol.Optional("selector"): _keyed(
            {
                vol.Optional("options"): _keyed(_TEXT),
                vol.Optional("choices"): _keyed(_TEXT),
                vol.Optional("unit_of_measurement"): _keyed(_TEXT),
                vol.Optional("fields"): _keyed({vol.Required("name"): str, "description": _TEXT}),
            },
            vol.Any("_", cv.slug),
        ),
        vol.Optional("issues"): {
            str: vol.All(
                cv.has_at_least_one_key("description", "fix_flow"),
                vol.Schema(
                    {
                        vol.Required("title"): _TEXT,
                        vol.Exclusive("description", "fixable"): _TEXT,
                        vol.Exclusive("fix_flow", "fixable"): _flow_schema(),
                    }
                ),
            )
        },
        vol.Optional("entity_component"): _keyed(_ENTITY, vol.Any("_", cv.slug)),
        vol.Optional("device"): _keyed({vol.Optional("name"): _TEXT}),
        vol.Optional("entity"): _keyed(_keyed(_ENTITY), cv.slug),
        # Every entry is an object: a bare string would render as the raw translation key.
        vol.Optional("exceptions"): _keyed({vol.Optional("message"): _TEXT}, cv.slug),
        vol.Optional("services"): _keyed(
            {
                vol.Required("name"): _TEXT,
                vol.Required("description"): _TEXT,
                vol.Optional("fields"): _FIELDS,
                vol.Optional("sections"): _keyed(
                    {vol.Required("name"): str, vol.Optional("description"): _TEXT}
                ),
            }
        ),
        vol.Optional("common"): vol.Schema({cv.slug: _TEXT}),
    }
)

# --- manifest --------------------------------------------------------------------------------


def _documentation_url(value: str) -> str:
    if urlparse(value).scheme != "https":
        raise vol.Invalid("Documentation url is not prefixed with https")
    return value


def _version(value: str) -> str:
    strategies = [
        AwesomeVersionStrategy.CALVER,
        AwesomeVersionStrategy.SEMVER,
        AwesomeVersionStrategy.SIMPLEVER,
        AwesomeVersionStrategy.BUILDVER,
        AwesomeVersionStrategy.PEP440,
    ]
    try:
        AwesomeVersion(value, ensure_strategy=strategies)
    except AwesomeVersionException as err:
        raise vol.Invalid(f"'{value}' is not a valid version.") from err
    return value


CUSTOM_MANIFEST_SCHEMA = vol.Schema(
    {
        vol.Required("domain"): str,
        vol.Required("name"): str,
        vol.Optional("after_dependencies"): [str],
        vol.Required("codeowners"): [str],
        vol.Optional("config_flow"): bool,
        vol.Optional("dependencies"): [str],
        vol.Required("documentation"): vol.All(vol.Url(), _documentation_url),
        vol.Optional("integration_type"): vol.In(INTEGRATION_TYPES),
        vol.Required("iot_class"): vol.In(IOT_CLASSES),
        vol.Optional("issue_tracker"): vol.Url(),
        vol.Optional("loggers"): [str],
        vol.Optional("requirements"): [str],
        vol.Optional("single_config_entry"): bool,
        # Optional for core integrations, required by the loader for custom ones.
        vol.Required("version"): vol.All(str, _version),
    }
)


def validate_manifest(integration: Path) -> list[str]:
    manifest = _load_json(integration / "manifest.json")
    problems = _schema_problems(CUSTOM_MANIFEST_SCHEMA, manifest, "manifest.json")
    if manifest.get("domain") != integration.name:
        problems.append("manifest.json: domain does not match the folder's name")
    keys = list(manifest)
    if keys[:2] != ["domain", "name"] or keys[2:] != sorted(keys[2:]):
        problems.append("manifest.json: keys are not sorted (domain, name, then alphabetical)")
    return problems


# --- translations, services, icons, config schema ----------------------------------------------


def validate_translations(integration: Path) -> list[str]:
    problems: list[str] = []
    for path in sorted((integration / "translations").glob("*.json")):
        problems += _schema_problems(TRANSLATIONS_SCHEMA, _load_json(path), path.name)
    strings = integration / "strings.json"
    if strings.is_file():
        problems += _schema_problems(TRANSLATIONS_SCHEMA, _load_json(strings), strings.name)
    return problems


def validate_services(integration: Path) -> list[str]:
    """``services.yaml`` against the schema Home Assistant loads it with, and its translations."""
    services = load_yaml_dict(str(integration / "services.yaml"))
    problems = _schema_problems(service._SERVICES_SCHEMA, services, "services.yaml")
    english = _load_json(integration / "translations" / "en.json").get("services", {})
    for name, description in services.items():
        if name not in english:
            problems.append(f"services.yaml: {name} has no name and description in en.json")
            continue
        for field in (description or {}).get("fields", {}) or {}:
            if field not in english[name].get("fields", {}) and field not in (
                english[name].get("sections", {})
            ):
                problems.append(f"services.yaml: field {name}.{field} is not translated")
    return problems


def _icon_or_states(value: Any) -> Any:
    return vol.Schema(
        {
            vol.Optional("default"): cv.icon,
            vol.Optional("state"): _keyed(cv.icon),
            vol.Optional("range"): {vol.Coerce(float): cv.icon},
            vol.Optional("state_attributes"): _keyed(
                {vol.Optional("default"): cv.icon, vol.Optional("state"): _keyed(cv.icon)}
            ),
        }
    )(value)


ICONS_SCHEMA = vol.Schema(
    {
        vol.Optional("entity"): _keyed(_keyed(_icon_or_states), cv.slug),
        vol.Optional("services"): _keyed(
            vol.Any(
                cv.icon,
                {vol.Optional("service"): cv.icon, vol.Optional("sections"): _keyed(cv.icon)},
            )
        ),
    }
)


def validate_icons(integration: Path) -> list[str]:
    icons = _load_json(integration / "icons.json")
    problems = _schema_problems(ICONS_SCHEMA, icons, "icons.json")
    services = load_yaml_dict(str(integration / "services.yaml"))
    problems += [
        f"icons.json: action {name} has no icon"
        for name in services
        if name not in icons.get("services", {})
    ]
    return problems


def validate_config_schema(module: Any, manifest: Mapping[str, Any]) -> list[str]:
    """With ``async_setup``, a config-entry integration declares that it reads no YAML."""
    if not hasattr(module, "async_setup"):
        return []
    schema = getattr(module, "CONFIG_SCHEMA", None)
    if schema is None:
        return ["__init__.py: async_setup without CONFIG_SCHEMA"]
    if not manifest.get("config_flow"):
        return []
    # cv.config_entry_only_config_schema and its kin: YAML under the domain is refused.
    if getattr(schema, "__module__", "") != cv.__name__ or not getattr(
        schema, "__qualname__", ""
    ).startswith(("_no_yaml_config_schema.", "empty_config_schema.")):
        return ["__init__.py: CONFIG_SCHEMA should be cv.config_entry_only_config_schema(DOMAIN)"]
    return []


def _load_json(path: Path) -> Any:
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except ValueError as err:
        raise AssertionError(f"Invalid JSON in {path.name}: {err}") from err


def _schema_problems(schema: Callable[[Any], Any], data: Any, name: str) -> list[str]:
    try:
        schema(data)
    except vol.Invalid as err:
        return [f"Invalid {name}: {humanize_error(data, err)}"]
    return []
