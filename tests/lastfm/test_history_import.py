"""Cancelling or unloading a Last.fm import while a page is being stored ends cleanly."""

from __future__ import annotations

import asyncio
import threading
from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aime.const import DOMAIN
from custom_components.aime.core.store.store import Store
from custom_components.aime.lastfm.history_import import ImportStatus

from ..fakes.lastfm import FakeLastfm, FakeScrobble

T0 = 1_600_000_000


class HeldIngest:
    """The store's own ingest, held on its executor thread until released (timing only)."""

    def __init__(self, store: Store) -> None:
        self._ingest = store.ingest
        self.entered = threading.Event()
        self.release = threading.Event()
        self.finished = 0

    def __call__(self, *args: Any, **kwargs: Any) -> Any:
        self.entered.set()
        self.release.wait(10)
        try:
            return self._ingest(*args, **kwargs)
        finally:
            self.finished += 1


@pytest.fixture
async def held(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    init_lastfm: MockConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> HeldIngest:
    """An import started on 450 scrobbles, its first page held while being stored."""
    fake_lastfm.scrobble_many(
        "Alice", [FakeScrobble("Artist", f"Song {i}", None, T0 + 60 * i) for i in range(450)]
    )
    store = init_lastfm.runtime_data.store
    gate = HeldIngest(store)
    monkeypatch.setattr(store, "ingest", gate)
    await hass.services.async_call(DOMAIN, "import_lastfm_history", {}, blocking=True)
    assert await hass.async_add_executor_job(gate.entered.wait, 5)
    return gate


async def _still_running(task: asyncio.Task[Any]) -> bool:
    for _ in range(10):
        await asyncio.sleep(0)
    return not task.done()


@pytest.mark.usefixtures("no_lastfm_pacing")
async def test_cancel_during_a_store_call(
    hass: HomeAssistant,
    init_lastfm: MockConfigEntry,
    held: HeldIngest,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The action returns once the page being stored is stored: nothing of the import runs on."""
    importer = init_lastfm.runtime_data.importer
    cancel = hass.async_create_task(
        hass.services.async_call(DOMAIN, "cancel_lastfm_import", {}, blocking=True)
    )
    assert await _still_running(cancel)  # waiting for the store call, not abandoning it
    held.release.set()
    await cancel  # no CancelledError reaches the caller
    assert held.finished == 1
    assert not importer.running
    assert importer.status is ImportStatus.CANCELLED
    assert "Error" not in caplog.text


@pytest.mark.usefixtures("no_lastfm_pacing")
async def test_unload_during_a_store_call(
    hass: HomeAssistant,
    init_lastfm: MockConfigEntry,
    held: HeldIngest,
    hass_storage: dict[str, Any],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Unloading waits for the page being stored, keeps the checkpoint and logs no error."""
    importer = init_lastfm.runtime_data.importer
    unload = hass.async_create_task(hass.config_entries.async_unload(init_lastfm.entry_id))
    assert await _still_running(unload)
    held.release.set()
    assert await unload
    assert held.finished == 1
    assert init_lastfm.state is ConfigEntryState.NOT_LOADED
    assert not importer.running
    assert f"aime.lastfm_import.{init_lastfm.entry_id}" in hass_storage  # resumes at next setup
    assert "Error" not in caplog.text
