"""Sensors: the hub's statistics and now playing, a Last.fm account's scrobbles."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path
from unittest.mock import patch

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import STATE_UNKNOWN, EntityCategory, Platform
from homeassistant.core import HomeAssistant, State
from homeassistant.helpers import device_registry as dr, entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_fire_time_changed,
    snapshot_platform,
)
from syrupy.assertion import SnapshotAssertion

from custom_components.aime.const import DOMAIN, KIND_HUB
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.hub.recording import async_record_plays
from custom_components.aime.stats.coordinator import REFRESH_COOLDOWN_SECONDS

from .fakes.lastfm import FakeLastfm, FakeScrobble
from .helpers.ha_version import find_device
from .helpers.hub_history import NOW, PARIS, TIME_ZONE, at, write_history

pytestmark = pytest.mark.usefixtures("no_lastfm_pacing")


async def test_sensors(
    *,
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    lastfm_entry: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    device_registry: dr.DeviceRegistry,
    snapshot: SnapshotAssertion,
) -> None:
    """States, attributes and registry entries of the three sensors."""
    fake_lastfm.scrobble_many(
        "Alice",
        [
            FakeScrobble("Miles Davis", f"Take {i}", "Kind of Blue", 1_700_000_000 + i)
            for i in range(7)
        ],
    )
    fake_lastfm.set_now_playing(
        "Alice",
        "John Coltrane",
        "Acknowledgement",
        "A Love Supreme",
        image_url="https://images.example/a-love-supreme.jpg",
    )
    lastfm_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(lastfm_entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)

    await snapshot_platform(hass, entity_registry, snapshot, lastfm_entry.entry_id)

    device = find_device(hass, (DOMAIN, "lastfm_alice"))
    assert device is not None
    assert device.name == "Last.fm Alice"
    assert device.manufacturer == "Last.fm"
    assert device.entry_type is dr.DeviceEntryType.SERVICE
    assert device.configuration_url == "https://www.last.fm/user/Alice"
    progress = entity_registry.async_get("sensor.last_fm_alice_history_import")
    assert progress is not None
    assert progress.entity_category is EntityCategory.DIAGNOSTIC
    assert progress.device_id == device.id


async def test_import_progress_when_finished(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    init_lastfm: MockConfigEntry,
    snapshot: SnapshotAssertion,
) -> None:
    """After an import: 100 %, finished, the number of new plays, no ETA."""
    fake_lastfm.scrobble_many(
        "Alice",
        [FakeScrobble("Artist", f"Song {i}", None, 1_600_000_000 + 60 * i) for i in range(450)],
    )
    await hass.services.async_call(DOMAIN, "import_lastfm_history", {}, blocking=True)
    await hass.async_block_till_done(wait_background_tasks=True)

    assert hass.states.get("sensor.last_fm_alice_history_import") == snapshot


# --- the hub's statistics ------------------------------------------------------------------


@pytest.fixture
async def hub_with_history(
    hass: HomeAssistant,
    store_path: Path,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> MockConfigEntry:
    """The hub over the small Paris history, at its "now"."""
    await hass.config.async_set_time_zone(TIME_ZONE)
    freezer.move_to(NOW)
    await hass.async_add_executor_job(write_history, store_path)
    mock_config_entry.add_to_hass(hass)
    # The sensors only (the hub's buttons are tested in hub/test_button.py).
    with patch.dict("custom_components.aime.PLATFORMS", {KIND_HUB: [Platform.SENSOR]}):
        assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
        await hass.async_block_till_done()
    return mock_config_entry


def _state(hass: HomeAssistant, entity_id: str) -> State:
    state = hass.states.get(entity_id)
    assert state is not None
    return state


@pytest.mark.usefixtures("entity_registry_enabled_by_default")
async def test_hub_sensors(
    hass: HomeAssistant,
    hub_with_history: MockConfigEntry,
    entity_registry: er.EntityRegistry,
    device_registry: dr.DeviceRegistry,
    snapshot: SnapshotAssertion,
) -> None:
    """States, attributes and registry entries of the statistics and now-playing sensors."""
    await snapshot_platform(hass, entity_registry, snapshot, hub_with_history.entry_id)

    device = find_device(hass, (DOMAIN, DOMAIN))
    assert device is not None
    assert device.name == "AIME"
    assert device.entry_type is dr.DeviceEntryType.SERVICE
    entities = er.async_entries_for_device(entity_registry, device.id)
    # 10 statistics, now playing, last playlist, vinyl records, 5 daily jobs
    assert len(entities) == 18


async def test_less_used_sensors_disabled_by_default(
    hass: HomeAssistant, hub_with_history: MockConfigEntry, entity_registry: er.EntityRegistry
) -> None:
    """Plays this week, new artists and the collection size are there, disabled."""
    for entity_id in (
        "sensor.aime_plays_this_week",
        "sensor.aime_new_artists_30_days",
        "sensor.aime_collection_size",
    ):
        entry = entity_registry.async_get(entity_id)
        assert entry is not None
        assert entry.disabled_by is er.RegistryEntryDisabler.INTEGRATION
        assert hass.states.get(entity_id) is None
    assert _state(hass, "sensor.aime_plays_today").state == "3"


async def test_empty_history(hass: HomeAssistant, init_integration: MockConfigEntry) -> None:
    """No play yet: zero counts, no top artist, no last play."""
    assert _state(hass, "sensor.aime_plays_today").state == "0"
    assert _state(hass, "sensor.aime_total_plays").state == "0"
    assert _state(hass, "sensor.aime_listening_streak").state == "0"
    top = _state(hass, "sensor.aime_top_artist_7_days")
    assert top.state == STATE_UNKNOWN
    assert top.attributes["top_artists"] == []
    album = _state(hass, "sensor.aime_top_album_7_days")
    assert album.state == STATE_UNKNOWN
    assert album.attributes["artist"] is None
    last = _state(hass, "sensor.aime_last_play")
    assert last.state == STATE_UNKNOWN
    assert last.attributes["track"] is None
    assert _state(hass, "sensor.aime_now_playing").state == "idle"


async def test_recorded_plays_refresh_the_sensors(
    hass: HomeAssistant, hub_with_history: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """A recorded play shows at once; a burst right after it in one refresh a moment later."""
    access = hub_with_history.runtime_data.access
    play = PlayInput("Naima", "John Coltrane", at(3, 13, 10, 20), Source.ROON, "Giant Steps")
    await async_record_plays(hass, access, [play])
    await hass.async_block_till_done()
    assert _state(hass, "sensor.aime_plays_today").state == "4"
    assert _state(hass, "sensor.aime_total_plays").state == "9"
    assert _state(hass, "sensor.aime_last_play").attributes["track"] == "Naima"

    later = [
        PlayInput(f"Song {n}", "John Coltrane", at(3, 13, 10, 21 + n), Source.ROON)
        for n in range(3)
    ]
    for one in later:
        await async_record_plays(hass, access, [one])
    await hass.async_block_till_done()
    assert _state(hass, "sensor.aime_plays_today").state == "4"  # Still cooling down.
    freezer.tick(timedelta(seconds=REFRESH_COOLDOWN_SECONDS + 1))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert _state(hass, "sensor.aime_plays_today").state == "7"
    assert _state(hass, "sensor.aime_top_artist_7_days").state == "John Coltrane"


async def test_local_midnight_starts_a_new_day(
    hass: HomeAssistant, hub_with_history: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """At midnight today's figures restart (with a new last reset), the streak lives on."""
    today = _state(hass, "sensor.aime_plays_today")
    assert today.attributes["last_reset"] == "2024-03-13T00:00:00+01:00"
    assert _state(hass, "sensor.aime_listening_streak").state == "3"

    freezer.move_to(datetime(2024, 3, 13, 23, 59, 59, tzinfo=PARIS))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    assert _state(hass, "sensor.aime_plays_today").state == "3"  # No polling in between.

    freezer.move_to(datetime(2024, 3, 14, 0, 0, 0, tzinfo=PARIS))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    # The hour that ended a second ago refreshed too: this one waits for the cooldown.
    freezer.tick(timedelta(seconds=REFRESH_COOLDOWN_SECONDS))
    async_fire_time_changed(hass)
    await hass.async_block_till_done()
    today = _state(hass, "sensor.aime_plays_today")
    assert today.state == "0"
    assert today.attributes["last_reset"] == "2024-03-14T00:00:00+01:00"
    assert float(_state(hass, "sensor.aime_listening_time_today").state) == 0
    assert _state(hass, "sensor.aime_listening_streak").state == "3"
    assert _state(hass, "sensor.aime_total_plays").state == "8"


async def test_hub_and_lastfm_sensors_side_by_side(
    hass: HomeAssistant, init_integration: MockConfigEntry, init_lastfm: MockConfigEntry
) -> None:
    """Each entry adds its own sensors to its own device."""
    assert _state(hass, "sensor.aime_total_plays").state == "0"
    assert _state(hass, "sensor.last_fm_alice_total_scrobbles").state == "0"
