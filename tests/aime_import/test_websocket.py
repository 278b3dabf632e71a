"""``aime/imports``: the file import under way and paused Last.fm imports, for every user."""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.aime.aime_import.file_import import async_file_import
from custom_components.aime.const import DOMAIN

from ..fakes.lastfm import FakeLastfm, FakeScrobble

T0 = 1_600_000_000


async def _imports(
    hass: HomeAssistant, hass_ws_client: WebSocketGenerator, token: str | None = None
) -> list[dict[str, Any]]:
    client = await hass_ws_client(hass, token) if token else await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "aime/imports"})
    answer = await client.receive_json()
    assert answer["success"], answer
    imports: list[dict[str, Any]] = answer["result"]["imports"]
    return imports


async def test_a_file_import_under_way_shows_to_every_user(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    hass_read_only_access_token: str,
    init_integration: MockConfigEntry,
) -> None:
    """Its kind, file and batches done; a household member sees it as an administrator does."""
    assert await _imports(hass, hass_ws_client) == []
    access = init_integration.runtime_data.access
    strings = ("spotify_import_title", "history_import_progress")
    async with async_file_import(hass, access, "spotify", "takeout.zip", strings) as running:
        running.progress(500, 2_000)
        for token in (None, hass_read_only_access_token):
            (row,) = await _imports(hass, hass_ws_client, token)
            assert {k: row[k] for k in ("kind", "file", "done", "total", "status")} == {
                "kind": "spotify",
                "file": "takeout.zip",
                "done": 500,
                "total": 2_000,
                "status": "running",
            }
            assert row["cancellable"]
            assert row["started_at"]
    assert await _imports(hass, hass_ws_client) == []


@pytest.mark.usefixtures("no_lastfm_pacing", "init_integration")
async def test_a_paused_lastfm_import_is_listed_with_its_account(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    fake_lastfm: FakeLastfm,
    lastfm_entry: MockConfigEntry,
) -> None:
    """Paused (Last.fm kept failing) until resumed or cancelled: still in progress."""
    fake_lastfm.scrobble_many(
        "Alice", [FakeScrobble("Low", f"Song {i}", "Album", T0 + i * 3600) for i in range(450)]
    )
    lastfm_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(lastfm_entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    fake_lastfm.http_error_next(500, times=2)  # failures through every retry: paused
    fake_lastfm.fail_next(29)
    fake_lastfm.fail_next(11)
    await hass.services.async_call(
        DOMAIN, "import_lastfm_history", {}, blocking=True, return_response=True
    )
    await hass.async_block_till_done(wait_background_tasks=True)

    (row,) = await _imports(hass, hass_ws_client)
    assert (row["kind"], row["account"], row["status"], row["entry_id"]) == (
        "lastfm", "Alice", "paused", lastfm_entry.entry_id)  # fmt: skip
    assert row["started_at"]

    await hass.services.async_call(
        DOMAIN, "cancel_lastfm_import", {"config_entry_id": lastfm_entry.entry_id}, blocking=True
    )
    assert await _imports(hass, hass_ws_client) == []
