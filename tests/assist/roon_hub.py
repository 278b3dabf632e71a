"""The hub and the fake Roon Core loaded together, over the playlist tests' history."""

from __future__ import annotations

from pathlib import Path
import time

from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.store.store import Store

from ..helpers.roon_history import DAY, write_history


def _write(path: Path) -> None:
    """The three sessions (400, 200 and 2 days ago), and "So What" heard twice more long
    ago: three plays, none in 90 days, a track to rediscover."""
    write_history(path)
    now = int(time.time())
    store = Store.open(path)
    try:
        store.ingest(
            [
                PlayInput(
                    "So What", "Miles Davis", now - days * DAY, Source.LASTFM, album="Kind of Blue"
                )
                for days in (350, 300)
            ]
        )
    finally:
        store.close()


async def async_setup_hub_with_history(
    hass: HomeAssistant, store_path: Path, hub: MockConfigEntry
) -> None:
    """Write the history, then load the hub."""
    await hass.async_add_executor_job(_write, store_path)
    hub.add_to_hass(hass)
    assert await hass.config_entries.async_setup(hub.entry_id)
    await hass.async_block_till_done()
