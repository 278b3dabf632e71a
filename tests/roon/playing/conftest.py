"""Fixtures of the tests playing AIME's playlists and media in Roon.

The picky Core, the history, and three saved playlists.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from pathlib import Path

from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from ...conftest import ROON_TOKEN
from ...fakes.roon import FakeRoonCore
from ...helpers.roon_history import PickyLibrary, call, write_history


@pytest.fixture
async def fake_roon(hass: HomeAssistant, socket_enabled: None) -> AsyncGenerator[FakeRoonCore]:
    """The conftest's fake Core, over the picky library."""
    core = await FakeRoonCore(valid_tokens={ROON_TOKEN}, library=PickyLibrary.build()).start()
    try:
        yield core
    finally:
        await core.stop()


@pytest.fixture
async def history(hass: HomeAssistant, store_path: Path) -> None:
    """The three sessions, written before any entry opens the store."""
    await hass.async_add_executor_job(write_history, store_path)


@pytest.fixture
async def playlists(
    hass: HomeAssistant,
    history: None,
    mock_config_entry: MockConfigEntry,
    init_roon: MockConfigEntry,
) -> None:
    """The hub and the Roon entry loaded; playlists 1 "Mixed", 2 "Recent", 3 "Unknown"."""
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    for name, window, size in (("Mixed", "all", 10), ("Recent", "7d", 5), ("Unknown", "365d", 7)):
        made = await call(
            hass,
            "generate_playlist",
            algorithm="top_sessions",
            window=window,
            max_tracks=size,
            name=name,
        )
        assert made["track_count"] == size
