"""Roon events that arrive once the entry stopped (unload, Home Assistant stopping) say nothing.

roonapi's threads may deliver a change while the entry goes away: the coordinator and the
play recording drop it without logging and without touching the event loop.
"""

from __future__ import annotations

from collections.abc import Callable
import logging
import threading
from typing import Any

from homeassistant.const import EVENT_HOMEASSISTANT_STOP
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aime.clients.roon import RoonEvent

LATE_EVENTS: list[tuple[RoonEvent, list[str]]] = [
    (RoonEvent.ZONES_CHANGED, ["zone-living"]),
    (RoonEvent.ZONES_SEEK_CHANGED, ["zone-living"]),
    (RoonEvent.ZONES_REMOVED, ["zone-office"]),
    (RoonEvent.OUTPUTS_CHANGED, ["out-living"]),
    (RoonEvent.DISCONNECTED, []),
    (RoonEvent.CONNECTED, []),
]


def _deliver_late(callbacks: tuple[Callable[[RoonEvent, list[str]], None], ...]) -> list[str]:
    """Call every listener as roonapi's thread would; return what they raised."""
    raised: list[str] = []

    def run() -> None:
        for callback in callbacks:
            for event, ids in LATE_EVENTS:
                try:
                    callback(event, ids)
                except Exception as err:  # what would reach roonapi's thread
                    raised.append(repr(err))

    thread = threading.Thread(target=run, name="roonapi-socket-late")
    thread.start()
    thread.join(5)
    return raised


def _ours(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name.startswith("custom_components.aime")]


@pytest.fixture
def loop_calls(hass: HomeAssistant, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Names of the threads that scheduled work on the event loop (calls pass through)."""
    calls: list[str] = []
    schedule = hass.loop.call_soon_threadsafe

    def recorded(*args: Any, **kwargs: Any) -> Any:
        calls.append(threading.current_thread().name)
        return schedule(*args, **kwargs)

    monkeypatch.setattr(hass.loop, "call_soon_threadsafe", recorded)
    return calls


async def test_late_events_after_unload(
    hass: HomeAssistant,
    init_roon: MockConfigEntry,
    loop_calls: list[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    connection = init_roon.runtime_data.connection
    listeners = connection._callbacks
    assert len(listeners) >= 2  # the coordinator and the play recording
    assert await hass.config_entries.async_unload(init_roon.entry_id)
    await hass.async_block_till_done()
    caplog.clear()

    assert _deliver_late(listeners) == []
    await hass.async_block_till_done()
    assert "roonapi-socket-late" not in loop_calls
    assert _ours(caplog) == []


async def test_late_events_while_home_assistant_stops(
    hass: HomeAssistant,
    init_roon: MockConfigEntry,
    loop_calls: list[str],
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Entries stay loaded when Home Assistant stops; the Core's last words are dropped."""
    listeners = init_roon.runtime_data.connection._callbacks
    hass.bus.async_fire(EVENT_HOMEASSISTANT_STOP)
    await hass.async_block_till_done()
    caplog.clear()

    assert _deliver_late(listeners) == []
    await hass.async_block_till_done()
    assert "roonapi-socket-late" not in loop_calls
    assert _ours(caplog) == []
