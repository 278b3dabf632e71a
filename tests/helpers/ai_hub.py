"""The AIME hub with an AI service in its options, for the AI tests."""

from __future__ import annotations

from pathlib import Path
import time
from typing import Any

from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aime.const import (
    CONF_AI_API_KEY,
    CONF_AI_BASE_URL,
    CONF_AI_MODEL,
    DOMAIN,
)
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.store.store import Store

from ..fakes.llm import DEFAULT_API_KEY, DEFAULT_MODEL, FakeLLM

# Recent plays (minutes ago), so that "the last N days" hold them whatever today is.
RECENT: tuple[tuple[str, str, str, int], ...] = (
    ("So What", "Miles Davis", "Kind of Blue", 120),
    ("Blue in Green", "Miles Davis", "Kind of Blue", 110),
    ("Teardrop", "Massive Attack", "Mezzanine", 60),
)


def ai_options(fake: FakeLLM, **overrides: Any) -> dict[str, Any]:
    """Hub options naming the fake endpoint."""
    return {
        CONF_AI_BASE_URL: fake.base_url,
        CONF_AI_API_KEY: DEFAULT_API_KEY,
        CONF_AI_MODEL: DEFAULT_MODEL,
        **overrides,
    }


def write_recent_plays(path: Path) -> None:
    """Record ``RECENT`` in the store at ``path`` (blocking)."""
    now = int(time.time())
    store = Store.open(path)
    try:
        store.ingest(
            [
                PlayInput(title, artist, now - 60 * minutes, Source.LASTFM, album=album)
                for title, artist, album, minutes in RECENT
            ]
        )
    finally:
        store.close()


async def async_setup_hub(hass: HomeAssistant, options: dict[str, Any]) -> MockConfigEntry:
    """Add and load the hub entry with ``options``."""
    entry = MockConfigEntry(domain=DOMAIN, unique_id=DOMAIN, title="AIME", data={}, options=options)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry
