"""The roonapi shim: its version guard, its socket's scoped log filter, its roonapi-free merge."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from functools import partial
import json
import logging
from pathlib import Path
from typing import Any

from homeassistant.core import HomeAssistant
import pytest
from roonapi import RoonApi

from custom_components.aime.clients import roon
from custom_components.aime.clients.roon import (
    RoonConnection,
    RoonEvent,
    RoonLibraryMismatch,
    roonapi_shim,
    roonapi_socket,
)
from custom_components.aime.clients.roon.state import merge_change

from ..fakes.roon import FakeRoonCore
from ..fakes.roon.harness import ChangeLog

HOST = "127.0.0.1"
TOKEN = "saved-token"
WEBSOCKET_LOGGER = logging.getLogger("websocket")


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """The client needs neither the recorder nor the integration."""


@pytest.fixture
async def core(hass: HomeAssistant, socket_enabled: None) -> AsyncGenerator[FakeRoonCore]:
    fake = await FakeRoonCore(valid_tokens={TOKEN}).start()
    yield fake
    await fake.stop()


@pytest.fixture
def other_release(monkeypatch: pytest.MonkeyPatch) -> None:
    """A roonapi release the shim was not written for, not yet warned about."""
    monkeypatch.setattr(roonapi_shim, "installed_roonapi_version", lambda: "0.2.0")
    monkeypatch.setattr(roonapi_shim, "_warned_versions", set())


async def _connect(hass: HomeAssistant, port: int) -> RoonConnection:
    return await hass.async_add_executor_job(
        partial(RoonConnection.connect, HOST, port, TOKEN, timeout=5, reconnect_delays=(0.05,))
    )


async def _close(hass: HomeAssistant, connection: RoonConnection) -> None:
    assert await hass.async_add_executor_job(connection.close) == []


# --- version guard -----------------------------------------------------------------------------


def test_written_for_the_installed_and_required_roonapi() -> None:
    """The installed roonapi and the manifest's requirement are versions the shim was written
    for (bumping roonapi means reviewing the shim), and that release has every hook."""
    assert roonapi_shim.installed_roonapi_version() in roonapi_shim.SUPPORTED_VERSIONS
    manifest = json.loads((Path(roon.__file__).parents[2] / "manifest.json").read_text())
    required = [r for r in manifest["requirements"] if r.startswith("roonapi")]
    assert required
    for requirement in required:
        name, _, version = requirement.partition("==")
        assert (name, version in roonapi_shim.SUPPORTED_VERSIONS) == ("roonapi", True)
    assert roonapi_shim.missing_hooks() == []
    roonapi_shim.check_roonapi()


@pytest.mark.usefixtures("other_release")
async def test_another_release_with_every_hook_warns_once(
    hass: HomeAssistant, core: FakeRoonCore, caplog: pytest.LogCaptureFixture
) -> None:
    """Falls back to carrying on, saying so once."""
    for _ in range(2):
        connection = await _connect(hass, core.port)
        assert connection.available
        await _close(hass, connection)
    warnings = [r for r in caplog.records if r.name == roonapi_shim.__name__]
    assert [r.levelno for r in warnings] == [logging.WARNING]
    assert "roonapi 0.2.0 is installed; AIME's Roon shim was written for 0.1.6" in caplog.text


@pytest.mark.usefixtures("other_release")
async def test_another_release_without_a_hook_fails_loudly(
    hass: HomeAssistant, core: FakeRoonCore, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A missing private method is named, with both versions; nothing is started."""
    monkeypatch.delattr(RoonApi, "_socket_watcher")
    with pytest.raises(RoonLibraryMismatch) as caught:
        await _connect(hass, core.port)
    assert str(caught.value) == (
        "roonapi 0.2.0 is not supported (written for 0.1.6); missing: RoonApi._socket_watcher"
    )
    assert caught.value.missing == ["RoonApi._socket_watcher"]
    with pytest.raises(RoonLibraryMismatch):
        await hass.async_add_executor_job(partial(roon.pair, HOST, core.port, timeout=1))
    assert core.requests == []


# --- websocket-client's "goodbye" line ---------------------------------------------------------


def _goodbyes(caplog: pytest.LogCaptureFixture) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.getMessage().endswith(" - goodbye")]


async def test_no_log_filter_outside_our_connections(
    hass: HomeAssistant, core: FakeRoonCore
) -> None:
    """Importing the client changes no logger; the filter lives as long as our sockets."""
    assert roonapi_socket.QUIET_DROPS not in WEBSOCKET_LOGGER.filters
    connection = await _connect(hass, core.port)
    assert roonapi_socket.QUIET_DROPS in WEBSOCKET_LOGGER.filters
    await _close(hass, connection)
    assert roonapi_socket.QUIET_DROPS not in WEBSOCKET_LOGGER.filters


async def test_a_dropped_connection_logs_no_library_error(
    hass: HomeAssistant, core: FakeRoonCore, caplog: pytest.LogCaptureFixture
) -> None:
    """A network loss is logged once by the connection, not as an ERROR by websocket-client;
    the same line from anyone else's thread still goes through."""
    connection = await _connect(hass, core.port)
    changes = ChangeLog(hass.loop)
    connection.on_change(changes)
    try:
        await core.drop_connections(abrupt=True)
        await changes.wait_event(RoonEvent.DISCONNECTED)
        await changes.wait_event(RoonEvent.CONNECTED)
        assert _goodbyes(caplog) == []
        assert "Lost the Roon Core at" in caplog.text
        WEBSOCKET_LOGGER.error("Connection to remote host was lost. - goodbye")
        assert len(_goodbyes(caplog)) == 1
    finally:
        await _close(hass, connection)


# --- the roonapi-free merge --------------------------------------------------------------------


def test_merge_replaces_whole_objects_and_reports_removals() -> None:
    zones: dict[str, dict[str, Any]] = {
        "z1": {"zone_id": "z1", "now_playing": {"seek_position": 1}}
    }
    outputs: dict[str, dict[str, Any]] = {}
    subscribed: list[str] = []
    merge = partial(merge_change, zones, outputs, subscribed=subscribed.append)

    assert merge("zones_changed", [{"zone_id": "z1", "state": "stopped"}]) == [
        ("zones_changed", ["z1"])
    ]
    assert "now_playing" not in zones["z1"]  # a cleared queue clears now_playing
    zones["z1"]["now_playing"] = {"seek_position": 1}
    seeks = [{"zone_id": "z1", "seek_position": 9}, {"zone_id": "gone", "seek_position": 3}]
    assert merge("zones_seek_changed", seeks) == [("zones_seek_changed", ["z1"])]
    assert zones["z1"]["seek_position"] == zones["z1"]["now_playing"]["seek_position"] == 9
    assert merge("outputs", [{"output_id": "o1"}]) == [("outputs_changed", ["o1"])]
    assert subscribed == ["outputs"]
    assert merge("zones", [{"zone_id": "z2"}]) == [
        ("zones_changed", ["z2"]),
        ("zones_removed", ["z1"]),
    ]
    assert merge("outputs_removed", ["o1", "unknown"]) == [("outputs_removed", ["o1", "unknown"])]
    assert outputs == {}
    assert merge("mystery", [1]) == []
