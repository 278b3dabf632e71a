"""A set-up that fails half-way stops what it started: no store access, listener or panel left.

Each failure is a real one: Last.fm answering 503, a damaged store the statistics cannot read,
a platform that cannot be set up (Home Assistant's own forwarding fails).
"""

from __future__ import annotations

from collections.abc import Generator
from pathlib import Path
import sqlite3
from typing import Any
from unittest.mock import patch

from homeassistant.config_entries import ConfigEntries, ConfigEntryState
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aime.core.store.store import Store
from custom_components.aime.hub.shared_store import _SHARED
from custom_components.aime.hub.store_access import _OPEN_ACCESSES

from .fakes.lastfm import FakeLastfm


def open_accesses(hass: HomeAssistant) -> int:
    """Store accesses registered and not closed (each holds the shared store open)."""
    return len(hass.data.get(_OPEN_ACCESSES, ()))


def store_users(hass: HomeAssistant) -> set[str]:
    """The entries holding the shared store (empty once it is closed)."""
    shared = hass.data.get(_SHARED)
    return set() if shared is None else set(shared.users)


@pytest.fixture
def failing_platforms() -> Generator[None]:
    """Home Assistant cannot set up the entry's platforms (after its runtime started)."""

    async def fail(*_: Any, **__: Any) -> None:
        raise RuntimeError("platform set-up failed")

    with patch.object(ConfigEntries, "async_forward_entry_setups", fail):
        yield


async def test_lastfm_retries_leave_no_store_access_behind(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    fake_lastfm: FakeLastfm,
    lastfm_entry: MockConfigEntry,
) -> None:
    """Last.fm down at every try: each retry leaves the hub's access alone, and no other."""
    hub_accesses = open_accesses(hass)
    lastfm_entry.add_to_hass(hass)
    for _ in range(3):
        fake_lastfm.http_error_next(503)
        if lastfm_entry.state is ConfigEntryState.NOT_LOADED:
            assert not await hass.config_entries.async_setup(lastfm_entry.entry_id)
        else:
            assert not await hass.config_entries.async_reload(lastfm_entry.entry_id)
        await hass.async_block_till_done()
        assert lastfm_entry.state is ConfigEntryState.SETUP_RETRY
        assert open_accesses(hass) == hub_accesses
        assert store_users(hass) == {init_integration.entry_id}


async def test_statistics_that_cannot_be_read_leave_nothing_running(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry, store_path: Path
) -> None:
    """A damaged store fails the statistics' first read: the hub retries, nothing stays open."""

    def damage() -> None:
        Store.open(store_path).close()
        with sqlite3.connect(store_path) as connection:
            connection.execute("DROP TABLE collection_item")

    await hass.async_add_executor_job(damage)
    mock_config_entry.add_to_hass(hass)

    assert not await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()

    assert mock_config_entry.state is ConfigEntryState.SETUP_RETRY
    assert open_accesses(hass) == 0
    assert store_users(hass) == set()


@pytest.mark.usefixtures("failing_platforms")
async def test_a_platform_that_fails_stops_the_hub_it_started(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """Forwarding fails after every feature started: the panel, jobs and store all go."""
    mock_config_entry.add_to_hass(hass)
    assert not await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()

    assert mock_config_entry.state is ConfigEntryState.SETUP_ERROR
    assert open_accesses(hass) == 0
    assert store_users(hass) == set()
    assert "aime" not in hass.data.get("frontend_panels", {})


@pytest.mark.usefixtures("failing_platforms")
async def test_a_lastfm_platform_that_fails_stops_its_import_and_poll(
    hass: HomeAssistant, lastfm_entry: MockConfigEntry
) -> None:
    """The account's runtime existed: its access closes and the store is let go."""
    lastfm_entry.add_to_hass(hass)
    assert not await hass.config_entries.async_setup(lastfm_entry.entry_id)
    await hass.async_block_till_done()

    assert lastfm_entry.state is ConfigEntryState.SETUP_ERROR
    assert open_accesses(hass) == 0
    assert store_users(hass) == set()
