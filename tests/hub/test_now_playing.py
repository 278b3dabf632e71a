"""What plays now: players publish, the hub's sensor shows the most recently started."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import EVENT_STATE_CHANGED
from homeassistant.core import HomeAssistant, State
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
)

from custom_components.aime.core.models import Source
from custom_components.aime.hub.now_playing import NowPlaying, async_publish_now_playing

from ..fakes.lastfm import FakeLastfm

SENSOR = "sensor.aime_now_playing"
START = datetime(2024, 3, 13, 9, 0, tzinfo=UTC)


def _state(hass: HomeAssistant) -> State:
    state = hass.states.get(SENSOR)
    assert state is not None
    return state


def _zone(track: str, started_at: datetime | None, zone: str = "Living room") -> NowPlaying:
    return NowPlaying(
        source=Source.ROON,
        player=zone,
        track=track,
        artist="Miles Davis",
        album="Kind of Blue",
        artwork_url=f"/api/roon/{track}.jpg",
        started_at=started_at,
    )


@pytest.mark.usefixtures("init_integration")
async def test_most_recently_started_wins(hass: HomeAssistant) -> None:
    """Two zones play: the later start shows; when it stops, the other one shows again."""
    assert _state(hass).state == "idle"
    assert "entity_picture" not in _state(hass).attributes

    async_publish_now_playing(hass, "roon:living", _zone("So What", START))
    await hass.async_block_till_done()
    state = _state(hass)
    assert state.state == "So What"
    assert state.attributes == {
        "friendly_name": "AIME Now playing",
        "artist": "Miles Davis",
        "album": "Kind of Blue",
        "track": "So What",
        "source": "roon",
        "player": "Living room",
        "artwork_url": "/api/roon/So What.jpg",
        "started_at": "2024-03-13T09:00:00+00:00",
        "entity_picture": "/api/roon/So What.jpg",
    }

    async_publish_now_playing(
        hass, "roon:kitchen", _zone("Blue in Green", START + timedelta(minutes=5), "Kitchen")
    )
    await hass.async_block_till_done()
    assert _state(hass).state == "Blue in Green"
    assert _state(hass).attributes["player"] == "Kitchen"

    # An older start published later does not take over.
    async_publish_now_playing(hass, "roon:living", _zone("Freddie Freeloader", START))
    await hass.async_block_till_done()
    assert _state(hass).state == "Blue in Green"

    async_publish_now_playing(hass, "roon:kitchen", None)
    await hass.async_block_till_done()
    assert _state(hass).state == "Freddie Freeloader"

    async_publish_now_playing(hass, "roon:living", None)
    await hass.async_block_till_done()
    assert _state(hass).state == "idle"
    assert _state(hass).attributes["track"] is None


@pytest.mark.usefixtures("init_integration")
async def test_unknown_start_and_repeated_news(hass: HomeAssistant) -> None:
    """Without a start time the latest news wins; the same news twice writes no state."""
    async_publish_now_playing(hass, "roon:a", _zone("A" * 300, None))
    async_publish_now_playing(hass, "roon:b", _zone("Second", None))
    await hass.async_block_till_done()
    assert _state(hass).state == "Second"
    assert _state(hass).attributes["started_at"] is None

    async_publish_now_playing(hass, "roon:a", _zone("A" * 300, None, "Kitchen"))
    await hass.async_block_till_done()
    state = _state(hass)
    assert state.state == "A" * 255  # The longest state Home Assistant keeps.
    assert state.attributes["track"] == "A" * 300

    changes = async_capture_events(hass, EVENT_STATE_CHANGED)
    async_publish_now_playing(hass, "roon:a", _zone("A" * 300, None, "Kitchen"))
    async_publish_now_playing(hass, "roon:gone", None)
    async_publish_now_playing(hass, "roon:b", None)  # Not the one shown.
    await hass.async_block_till_done()
    assert changes == []


async def test_published_before_the_hub_loads(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """The sensor starts with whatever already plays."""
    async_publish_now_playing(hass, "roon:living", _zone("So What", START))
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    assert _state(hass).state == "So What"


@pytest.mark.usefixtures("no_lastfm_pacing", "init_integration")
async def test_lastfm_now_playing(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    lastfm_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """The account's now-playing shows on the hub, keeps its start, and goes with the entry."""
    fake_lastfm.set_now_playing(
        "Alice", "John Coltrane", "Acknowledgement", "A Love Supreme", image_url="http://img/x.jpg"
    )
    lastfm_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(lastfm_entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    state = _state(hass)
    assert state.state == "Acknowledgement"
    assert state.attributes["source"] == "lastfm"
    assert state.attributes["player"] == "Alice"
    assert state.attributes["artwork_url"] == "http://img/x.jpg"
    started = state.attributes["started_at"]

    async def poll() -> None:
        freezer.tick(timedelta(seconds=61))
        async_fire_time_changed(hass)
        await hass.async_block_till_done(wait_background_tasks=True)

    await poll()
    assert _state(hass).attributes["started_at"] == started  # Still the same track.

    fake_lastfm.set_now_playing("Alice", "John Coltrane", "Resolution", "A Love Supreme")
    await poll()
    assert _state(hass).state == "Resolution"
    assert _state(hass).attributes["started_at"] > started

    fake_lastfm.clear_now_playing("Alice")
    await poll()
    assert _state(hass).state == "idle"

    fake_lastfm.set_now_playing("Alice", "John Coltrane", "Pursuance", "A Love Supreme")
    await poll()
    assert _state(hass).state == "Pursuance"
    assert await hass.config_entries.async_unload(lastfm_entry.entry_id)
    await hass.async_block_till_done()
    assert _state(hass).state == "idle"
