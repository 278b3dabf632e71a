"""Fields the config and options forms share, and the fold for server addresses.

A few forms let an expert point AIME at another server speaking a service's API (Libre.fm
for Last.fm, a Discogs or Spotify stand-in). Most people never change those, so they sit in
a collapsed "Advanced options" section: Home Assistant's replacement for advanced mode, which
current releases deprecate.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, Final

from homeassistant.data_entry_flow import section
from homeassistant.helpers.selector import (
    BooleanSelector,
    TextSelector,
    TextSelectorConfig,
    TextSelectorType,
)
import voluptuous as vol

TEXT: Final = TextSelector()
SECRET: Final = TextSelector(TextSelectorConfig(type=TextSelectorType.PASSWORD))
URL: Final = TextSelector(TextSelectorConfig(type=TextSelectorType.URL))
BOOLEAN: Final = BooleanSelector()

ADVANCED_OPTIONS: Final = "advanced_options"


def advanced_options(fields: dict[vol.Marker, Any]) -> dict[vol.Marker, Any]:
    """``fields`` folded into the collapsed "Advanced options" section of a form."""
    return {vol.Optional(ADVANCED_OPTIONS): section(vol.Schema(fields), {"collapsed": True})}


def advanced_input(user_input: Mapping[str, Any]) -> Mapping[str, Any]:
    """What was typed in the "Advanced options" section (nothing when it was not sent)."""
    return user_input.get(ADVANCED_OPTIONS) or {}
