"""Playlist actions, websocket commands and the hub's "last playlist" sensor."""

from __future__ import annotations

from pathlib import Path
import sqlite3
from typing import Any

from homeassistant.const import STATE_UNKNOWN
from homeassistant.core import HomeAssistant, State
from homeassistant.exceptions import ServiceValidationError
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.aime.const import DOMAIN
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.store.store import Store
from custom_components.aime.playlists.sensor import MAX_TRACK_ATTRIBUTE_BYTES

from ..core.playlist_fixture import plays

SENSOR = "sensor.aime_last_playlist"


def _state(hass: HomeAssistant) -> State:
    state = hass.states.get(SENSOR)
    assert state is not None
    return state


def _write(path: Path, history: list[PlayInput]) -> None:
    store = Store.open(path)
    try:
        store.ingest(history)
    finally:
        store.close()


@pytest.fixture
async def hub(
    hass: HomeAssistant, store_path: Path, mock_config_entry: MockConfigEntry
) -> MockConfigEntry:
    """The hub over the hand-built playlist history."""
    await hass.async_add_executor_job(_write, store_path, plays())
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    return mock_config_entry


async def _call(hass: HomeAssistant, service: str, **data: Any) -> Any:
    return await hass.services.async_call(
        DOMAIN, service, data, blocking=True, return_response=service != "delete_playlist"
    )


@pytest.mark.usefixtures("hub")
async def test_generate_export_list_delete(
    hass: HomeAssistant, hass_ws_client: WebSocketGenerator, config_dir: Path, store_path: Path
) -> None:
    """A playlist is returned, shown by the sensor, listed, exported, then deleted."""
    assert _state(hass).state == STATE_UNKNOWN
    playlist = await _call(
        hass, "generate_playlist", algorithm="top_sessions", max_tracks=5, name="Evening"
    )
    assert [track["title"] for track in playlist["tracks"]] == ["b1", "b2", "b3", "a1", "c1"]
    with sqlite3.connect(store_path) as conn:
        album_id, artist_id = conn.execute(
            "SELECT al.id, ar.id FROM album al JOIN artist ar ON ar.id = al.artist_id "
            "WHERE al.title = 'Beta' AND ar.name = 'Bo'"
        ).fetchone()
    conn.close()
    assert playlist["tracks"][0] == {
        "position": 1,
        "track_id": playlist["tracks"][0]["track_id"],
        "title": "b1",
        "artist": "Bo",
        "album": "Beta",
        "duration": 300,
        # The panel links them; the saved playlist read back joins them too (playlists/get).
        "album_id": album_id,
        "artist_id": artist_id,
    }
    assert (playlist["name"], playlist["id"], playlist["track_count"]) == ("Evening", 1, 5)
    assert (playlist["total_duration"], playlist["unknown_durations"]) == (1100, 1)
    assert (playlist["unique_artists"], playlist["unique_albums"]) == (3, 3)
    assert playlist["parameters"] == {"max_tracks": 5, "window": "all"}

    state = _state(hass)
    assert state.state == "Evening"
    assert state.attributes["algorithm"] == "top_sessions"
    assert state.attributes["track_count"] == 5
    assert state.attributes["tracks"][0] == {"artist": "Bo", "title": "b1", "album": "Beta"}
    assert state.attributes["tracks_truncated"] is False

    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "aime/playlists/list"})
    listed = (await client.receive_json())["result"]["playlists"]
    assert [(item["id"], item["name"], item["track_count"]) for item in listed] == [
        (1, "Evening", 5)
    ]
    await client.send_json_auto_id({"type": "aime/playlists/get", "playlist_id": 1})
    assert (await client.receive_json())["result"] == playlist

    exported = await _call(hass, "export_playlist", playlist_id=1, format="csv")
    path = Path(exported["path"])
    assert path == config_dir / "aime" / "exports" / "Evening-1.csv"
    text = await hass.async_add_executor_job(path.read_text, "utf-8")
    assert text.splitlines()[1] == "1,Bo,b1,Beta,300"
    m3u = await _call(hass, "export_playlist", playlist_id=1)
    assert m3u == {"path": str(path.with_suffix(".m3u")), "format": "m3u"}

    await _call(hass, "delete_playlist", playlist_id=1)
    await hass.async_block_till_done()
    assert _state(hass).state == STATE_UNKNOWN
    await client.send_json_auto_id({"type": "aime/playlists/get", "playlist_id": 1})
    answer = await client.receive_json()
    assert answer["error"]["code"] == "not_found"
    assert answer["error"]["translation_key"] == "unknown_playlist"


@pytest.mark.usefixtures("hub")
async def test_sensor_shows_the_newest_after_restart(
    hass: HomeAssistant, hub: MockConfigEntry
) -> None:
    """The sensor reads the newest saved playlist when it starts, and survives a deletion."""
    await _call(hass, "generate_playlist", algorithm="complete_albums", max_tracks=6)
    await _call(hass, "generate_playlist", algorithm="rediscovery", name="Old friends")
    assert await hass.config_entries.async_reload(hub.entry_id)
    await hass.async_block_till_done()
    assert _state(hass).state == "Old friends"
    await _call(hass, "delete_playlist", playlist_id=2)
    await hass.async_block_till_done()
    assert _state(hass).state == "Complete albums · All time"  # Unnamed: a readable name.


async def test_sensor_trims_tracks(
    hass: HomeAssistant, store_path: Path, mock_config_entry: MockConfigEntry
) -> None:
    """A hundred long titles do not fit in the attributes: as many as fit are shown."""
    titles = [f"{n:03d} {'x' * 200}" for n in range(100)]
    history = [
        PlayInput(title, "Ada", 1_700_000_000 + 60 * n, Source.LASTFM, album="Long")
        for n, title in enumerate(titles)
    ]
    await hass.async_add_executor_job(_write, store_path, history)
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    await _call(hass, "generate_playlist", algorithm="top_sessions", max_tracks=100)
    attributes = _state(hass).attributes
    assert attributes["track_count"] == 100
    assert attributes["tracks_truncated"] is True
    shown = attributes["tracks"]
    assert 40 < len(shown) < 100
    assert shown[0]["title"] == titles[0]
    assert len(str(shown)) < MAX_TRACK_ATTRIBUTE_BYTES


@pytest.mark.usefixtures("hub")
@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({"algorithm": "most_loved"}, "unknown_algorithm"),
        ({"algorithm": "ai_generated"}, "playlist_prompt_required"),
        ({"algorithm": "ai_generated", "prompt": "  "}, "playlist_prompt_required"),
        ({"algorithm": "ai_generated", "prompt": "rainy jazz"}, "no_ai_service"),
        ({"algorithm": "top_sessions", "window": "7d"}, "playlist_empty_history"),
        (
            {"algorithm": "time_based", "hour": 8, "day_type": "weekday"},
            "playlist_no_match",
        ),
    ],
)
async def test_generate_errors(hass: HomeAssistant, data: dict[str, Any], key: str) -> None:
    """Bad requests are translated validation errors; nothing is saved."""
    with pytest.raises(ServiceValidationError) as caught:
        await _call(hass, "generate_playlist", **data)
    assert caught.value.translation_key == key
    assert _state(hass).state == STATE_UNKNOWN


@pytest.mark.usefixtures("hub")
@pytest.mark.parametrize("service", ["export_playlist", "delete_playlist"])
async def test_unknown_playlist(hass: HomeAssistant, service: str) -> None:
    """Exporting or deleting a playlist that does not exist."""
    with pytest.raises(ServiceValidationError) as caught:
        await _call(hass, service, playlist_id=42)
    assert caught.value.translation_key == "unknown_playlist"
    assert caught.value.translation_placeholders == {"playlist_id": "42"}


async def test_hub_not_loaded(
    hass: HomeAssistant, hub: MockConfigEntry, hass_ws_client: WebSocketGenerator
) -> None:
    """Without a loaded hub, actions and queries say so."""
    assert await hass.config_entries.async_unload(hub.entry_id)
    with pytest.raises(ServiceValidationError) as caught:
        await _call(hass, "generate_playlist", algorithm="top_sessions")
    assert caught.value.translation_key == "hub_not_loaded"
    client = await hass_ws_client(hass)
    for command in (
        {"type": "aime/playlists/list"},
        {"type": "aime/playlists/get", "playlist_id": 1},
    ):
        await client.send_json_auto_id(command)
        answer = await client.receive_json()
        assert answer["error"]["translation_key"] == "hub_not_loaded"


@pytest.mark.usefixtures("hub")
async def test_export_names_are_safe(hass: HomeAssistant, config_dir: Path) -> None:
    """A playlist's name cannot lead the file out of the exports folder."""
    await _call(hass, "generate_playlist", algorithm="top_sessions", name="../../etc/passwd")
    exported = await _call(hass, "export_playlist", playlist_id=1, format="json")
    assert Path(exported["path"]) == config_dir / "aime" / "exports" / "etc_passwd-1.json"
    await _call(hass, "generate_playlist", algorithm="top_sessions", name="♫♫")
    exported = await _call(hass, "export_playlist", playlist_id=2, format="m3u")
    assert Path(exported["path"]).name == "playlist-2.m3u"
