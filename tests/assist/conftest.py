"""Fixtures of the Assist tests: a hub over a small Paris history, at a frozen now."""

from __future__ import annotations

from pathlib import Path

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from .history import NOW, PARIS, paris_time, write_history


@pytest.fixture
async def paris_hub(
    hass: HomeAssistant,
    freezer: FrozenDateTimeFactory,
    store_path: Path,
    mock_config_entry: MockConfigEntry,
) -> MockConfigEntry:
    """Home in Paris on Thursday 2026-12-03 10:00; the history stored; the hub loaded."""
    await hass.config.async_set_time_zone(PARIS)
    freezer.move_to(paris_time(NOW))
    await hass.async_add_executor_job(write_history, store_path)
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    return mock_config_entry
