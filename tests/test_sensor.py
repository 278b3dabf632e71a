"""The Last.fm account's sensors and device."""

from __future__ import annotations

from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr, entity_registry as er
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, snapshot_platform
from syrupy.assertion import SnapshotAssertion

from custom_components.aime.const import DOMAIN

from .fakes.lastfm import FakeLastfm, FakeScrobble

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

    device = device_registry.async_get_device(identifiers={(DOMAIN, "lastfm_alice")})
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
