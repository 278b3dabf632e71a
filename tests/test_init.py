"""Tests for setting up, unloading and reloading the AIME hub."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from pathlib import Path
import sqlite3
import threading
from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import EVENT_HOMEASSISTANT_STOP
from homeassistant.core import CoreState, HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir, translation
from homeassistant.helpers.dispatcher import async_dispatcher_connect
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.aime.const import DOMAIN, ISSUE_STORE_OPEN_FAILED
from custom_components.aime.core.errors import StoreError
from custom_components.aime.core.store.store import Store
from custom_components.aime.hub.recording import SIGNAL_PLAYS_RECORDED
from custom_components.aime.hub.runtime import HubRuntime
from custom_components.aime.hub.store_access import StoreAccess, StoreClosedError

from .fakes.lastfm import FakeLastfm, FakeScrobble
from .helpers.loop_watch import LoopWatch

LONG_WAIT = 600  # Released by the test long before: only a hang would reach it.


async def _assert_closed(hass: HomeAssistant, store: Store) -> None:
    """A closed store refuses work, and its file can be opened afresh."""
    with pytest.raises(StoreError):
        await hass.async_add_executor_job(store.counts)
    reopened = await hass.async_add_executor_job(Store.open, store.path)
    await hass.async_add_executor_job(reopened.close)


async def test_setup_and_unload(
    hass: HomeAssistant, init_integration: MockConfigEntry, store_path: Path
) -> None:
    """Setup opens the store under <config>/aime; unloading closes it."""
    assert init_integration.state is ConfigEntryState.LOADED
    store = init_integration.runtime_data.store
    assert store.path == store_path
    assert await hass.async_add_executor_job(store_path.is_file)

    assert await hass.config_entries.async_unload(init_integration.entry_id)
    await hass.async_block_till_done()

    entry = hass.config_entries.async_get_entry(init_integration.entry_id)
    assert entry is not None
    assert entry.state is ConfigEntryState.NOT_LOADED
    await _assert_closed(hass, store)


async def test_statistics_follow_the_home_time_zone(
    hass: HomeAssistant, init_integration: MockConfigEntry
) -> None:
    """Statistics count days in the home's time zone, and follow it when it changes."""
    store = init_integration.runtime_data.store
    assert store.time_zone == hass.config.time_zone

    refreshed: list[None] = []
    async_dispatcher_connect(hass, SIGNAL_PLAYS_RECORDED, callback(lambda: refreshed.append(None)))
    new_zone = "Pacific/Auckland" if hass.config.time_zone != "Pacific/Auckland" else "Europe/Paris"
    await hass.config.async_update(time_zone=new_zone)
    await hass.async_block_till_done()
    assert store.time_zone == new_zone
    assert len(refreshed) == 1  # The statistics sensors recount.


async def test_reload(hass: HomeAssistant, init_integration: MockConfigEntry) -> None:
    """Reloading closes the old store and opens a new one on the same file."""
    old_store = init_integration.runtime_data.store

    assert await hass.config_entries.async_reload(init_integration.entry_id)
    await hass.async_block_till_done()

    assert init_integration.state is ConfigEntryState.LOADED
    new_store = init_integration.runtime_data.store
    assert new_store is not old_store
    assert new_store.path == old_store.path
    with pytest.raises(StoreError):
        await hass.async_add_executor_job(old_store.counts)
    assert await hass.async_add_executor_job(new_store.counts)


async def test_store_closed_when_home_assistant_stops(
    hass: HomeAssistant, init_integration: MockConfigEntry, caplog: pytest.LogCaptureFixture
) -> None:
    """Stopping Home Assistant closes the store; a later unload closes it again harmlessly."""
    store = init_integration.runtime_data.store

    hass.bus.async_fire(EVENT_HOMEASSISTANT_STOP)
    await hass.async_block_till_done()
    await _assert_closed(hass, store)

    assert await hass.config_entries.async_unload(init_integration.entry_id)
    await hass.async_block_till_done()
    assert init_integration.state is ConfigEntryState.NOT_LOADED
    assert "Error" not in caplog.text
    assert "Detected blocking call" not in caplog.text


async def test_stop_lets_store_work_in_progress_finish(
    hass: HomeAssistant, init_integration: MockConfigEntry, caplog: pytest.LogCaptureFixture
) -> None:
    """Stopping waits for a store call already running (a sync started at set-up, say), then
    closes the store; work that starts later is refused with the quiet StoreClosedError."""
    store = init_integration.runtime_data.store
    access = StoreAccess(hass, store)
    release = threading.Event()

    def slow_read() -> Any:
        release.wait(timeout=LONG_WAIT)
        return store.counts()

    running = hass.async_create_task(access.async_run(slow_read))
    hass.bus.async_fire(EVENT_HOMEASSISTANT_STOP)
    await asyncio.sleep(0)
    assert not running.done()
    release.set()
    await hass.async_block_till_done()

    assert running.result() is not None  # Read before the store closed.
    await _assert_closed(hass, store)
    with pytest.raises(StoreClosedError):
        await access.async_run(store.counts)
    assert "Error" not in caplog.text


async def test_store_never_used_on_the_event_loop(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    mock_config_entry: MockConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every blocking store call runs in the executor (HA's detector does not watch SQLite)."""
    watch = LoopWatch(monkeypatch)
    watch.watch(Store, "open", "schema_version", "close", "counts", "database_size")

    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await get_diagnostics_for_config_entry(hass, hass_client, mock_config_entry)
    assert await hass.config_entries.async_reload(mock_config_entry.entry_id)
    assert await hass.config_entries.async_unload(mock_config_entry.entry_id)
    await hass.async_block_till_done()

    assert watch.called == {
        "open",
        "schema_version",
        "counts",
        "database_size",
        "close",
    }
    assert not watch.on_loop


def _write_garbage(path: Path) -> None:
    path.write_bytes(bytes(range(256)) * 64)


def _write_text(path: Path) -> None:
    path.write_text("not a database, just a note someone left here\n")


def _write_damaged_sqlite(path: Path) -> None:
    """A real AIME database whose pages were overwritten after the header."""
    Store.open(path).close()
    data = bytearray(path.read_bytes())
    data[100:] = b"\xff" * (len(data) - 100)
    path.write_bytes(bytes(data))


def _write_other_application_database(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (id INTEGER PRIMARY KEY, name TEXT)")
        conn.execute("INSERT INTO recipes (name) VALUES ('soup')")
    conn.close()


def _write_newer_schema(path: Path) -> None:
    """A database a future AIME wrote: same layout, higher schema version."""
    store = Store.open(path)
    newer = store.schema_version + 1
    store.close()
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE schema_version SET version = ?", (newer,))
    conn.close()


def _make_directory(path: Path) -> None:
    """Something that exists at the database path but cannot be read as a file."""
    path.mkdir()
    (path / "keep").write_text("user data")


def _snapshot(path: Path) -> dict[str, bytes]:
    """Every file at or under path, with its bytes."""
    if path.is_dir():
        return {str(file): file.read_bytes() for file in sorted(path.rglob("*"))}
    return {str(path): path.read_bytes()}


@pytest.mark.parametrize(
    ("prepare", "translation_key"),
    [
        (_write_garbage, "database_corrupt"),
        (_write_text, "database_corrupt"),
        (_write_damaged_sqlite, "database_corrupt"),
        (_write_other_application_database, "database_not_aime"),
        (_write_newer_schema, "database_too_new"),
        (_make_directory, "database_unreadable"),
    ],
)
async def test_unusable_database(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    store_path: Path,
    prepare: Callable[[Path], None],
    translation_key: str,
) -> None:
    """An unusable file stops AIME only: repair issue raised, file untouched, HA running."""

    def _prepare() -> dict[str, bytes]:
        store_path.parent.mkdir(parents=True)
        prepare(store_path)
        return _snapshot(store_path)

    before = await hass.async_add_executor_job(_prepare)
    mock_config_entry.add_to_hass(hass)

    assert not await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()

    assert mock_config_entry.state is ConfigEntryState.SETUP_ERROR
    assert mock_config_entry.error_reason_translation_key == translation_key
    assert mock_config_entry.error_reason_translation_placeholders == {"path": str(store_path)}
    # The translated message, not the bare key, reaches the user.
    assert "left untouched" in (mock_config_entry.reason or "")
    issue = ir.async_get(hass).async_get_issue(DOMAIN, ISSUE_STORE_OPEN_FAILED)
    assert issue is not None
    assert issue.translation_key == translation_key
    assert issue.translation_placeholders == {"path": str(store_path)}
    assert issue.severity is ir.IssueSeverity.ERROR
    assert not issue.is_fixable
    strings = await translation.async_get_translations(hass, "en", "issues", {DOMAIN})
    assert f"component.{DOMAIN}.issues.{translation_key}.description" in strings
    assert await hass.async_add_executor_job(_snapshot, store_path) == before
    assert hass.state is CoreState.running


async def test_issue_cleared_once_database_is_moved_away(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    issue_registry: ir.IssueRegistry,
    store_path: Path,
) -> None:
    """After the user moves the damaged file away, a reload starts afresh and clears the issue."""
    await hass.async_add_executor_job(store_path.parent.mkdir)
    await hass.async_add_executor_job(_write_garbage, store_path)
    mock_config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert issue_registry.async_get_issue(DOMAIN, ISSUE_STORE_OPEN_FAILED)

    moved = store_path.with_name("aime.db.damaged")
    await hass.async_add_executor_job(store_path.rename, moved)
    assert await hass.config_entries.async_reload(mock_config_entry.entry_id)
    await hass.async_block_till_done()

    assert mock_config_entry.state is ConfigEntryState.LOADED
    assert issue_registry.async_get_issue(DOMAIN, ISSUE_STORE_OPEN_FAILED) is None
    assert await hass.async_add_executor_job(moved.is_file)


async def test_hub_and_lastfm_share_the_store(
    hass: HomeAssistant, init_integration: MockConfigEntry, init_lastfm: MockConfigEntry
) -> None:
    """Every entry records into one store; the last one to unload closes it."""
    store = init_integration.runtime_data.store
    assert init_lastfm.runtime_data.store is store
    assert isinstance(init_integration.runtime_data, HubRuntime)

    assert await hass.config_entries.async_unload(init_lastfm.entry_id)
    await hass.async_block_till_done()
    assert await hass.async_add_executor_job(store.counts)

    assert await hass.config_entries.async_unload(init_integration.entry_id)
    await hass.async_block_till_done()
    await _assert_closed(hass, store)


@pytest.mark.usefixtures("no_lastfm_pacing")
async def test_lastfm_never_uses_the_store_on_the_event_loop(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    lastfm_entry: MockConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Polling, loved tracks and the import all reach SQLite from the executor."""
    watch = LoopWatch(monkeypatch)
    watch.watch(Store, "close", "ingest", "newest_played_at", "count_plays", "set_loved")
    fake_lastfm.scrobble_many(
        "Alice", [FakeScrobble("Artist", f"Song {i}", None, 1_600_000_000 + i) for i in range(300)]
    )
    fake_lastfm.love("Alice", "Artist", "Song 1")

    lastfm_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(lastfm_entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    await hass.services.async_call(DOMAIN, "import_lastfm_history", {}, blocking=True)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert await hass.config_entries.async_unload(lastfm_entry.entry_id)
    await hass.async_block_till_done()

    assert watch.called == {
        "close",
        "ingest",
        "newest_played_at",
        "count_plays",
        "set_loved",
    }
    assert not watch.on_loop


@pytest.mark.usefixtures("no_lastfm_pacing")
async def test_unload_during_import_and_poll(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    init_lastfm: MockConfigEntry,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Unloading stops the import and leaves no task, thread or error behind."""
    fake_lastfm.scrobble_many(
        "Alice", [FakeScrobble("Artist", f"Song {i}", None, 1_600_000_000 + i) for i in range(500)]
    )
    lastfm = init_lastfm.runtime_data
    store = init_lastfm.runtime_data.store
    fake_lastfm.hold()  # Both the import and the poll stay in flight until unloaded.
    await hass.services.async_call(DOMAIN, "import_lastfm_history", {}, blocking=True)
    refresh = hass.async_create_task(lastfm.coordinator.async_refresh())
    assert lastfm.importer.running

    assert await hass.config_entries.async_unload(init_lastfm.entry_id)
    fake_lastfm.release()
    await hass.async_block_till_done()
    # The poll that was under way stops quietly before it reaches the closed store.
    await refresh
    assert lastfm.coordinator.last_update_success

    assert init_lastfm.state is ConfigEntryState.NOT_LOADED
    assert not lastfm.importer.running
    assert "Error" not in caplog.text
    await _assert_closed(hass, store)


async def test_store_access_refuses_work_once_closing(
    hass: HomeAssistant, init_lastfm: MockConfigEntry
) -> None:
    """After unloading began, nothing new reaches the store: a translated error says why."""
    access = StoreAccess(hass, init_lastfm.runtime_data.store)
    assert await access.async_run(init_lastfm.runtime_data.store.counts)
    await access.async_close()
    with pytest.raises(StoreClosedError) as caught:
        await access.async_run(init_lastfm.runtime_data.store.counts)
    assert caught.value.translation_key == "store_closed"
    assert str(caught.value) == (  # Home Assistant drops the final full stop.
        "AIME is being unloaded or reloaded, so this was not done. Try again once it is loaded"
    )


async def test_removed_accounts_leave_no_storage_behind(
    hass: HomeAssistant,
    hass_storage: dict[str, Any],
    lastfm_entry: MockConfigEntry,
    roon_entry: MockConfigEntry,
) -> None:
    """Removing a Last.fm or Roon entry deletes its import checkpoint or saved listens."""
    for entry in (lastfm_entry, roon_entry):
        entry.add_to_hass(hass)
        assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    init_lastfm, init_roon = lastfm_entry, roon_entry
    import_key = f"{DOMAIN}.lastfm_import.{init_lastfm.entry_id}"
    listens_key = f"{DOMAIN}.roon_listens.{init_roon.entry_id}"
    hass_storage[import_key] = {"version": 1, "data": {"start": 0, "end": 1}}
    hass_storage[listens_key] = {"version": 1, "data": {"zones": {}}}

    assert (await hass.config_entries.async_remove(init_lastfm.entry_id))[
        "require_restart"
    ] is False
    assert (await hass.config_entries.async_remove(init_roon.entry_id))["require_restart"] is False
    await hass.async_block_till_done()

    assert import_key not in hass_storage
    assert listens_key not in hass_storage
