"""Recording plays: one funnel, one event per new play, statistics told."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.dispatcher import async_dispatcher_connect
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
    async_fire_time_changed,
)

from custom_components.aime.const import DOMAIN
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.hub.recording import (
    EVENT_PLAY_RECORDED,
    SIGNAL_PLAYS_RECORDED,
    async_record_plays,
)
from custom_components.aime.hub.store_access import StoreAccess

from ..fakes.lastfm import FakeLastfm, FakeScrobble

T0 = 1_700_000_000  # 2023-11-14T22:13:20Z


def _play(
    title: str, played_at: int, device: str | None = None, duration: int | None = None
) -> PlayInput:
    return PlayInput(
        title,
        "Miles Davis",
        played_at,
        Source.ROON,
        "Kind of Blue",
        duration=duration,
        device=device,
    )


@pytest.fixture
def access(hass: HomeAssistant, init_integration: MockConfigEntry) -> StoreAccess:
    """Store calls through the hub's store."""
    return StoreAccess(hass, init_integration.runtime_data.store)


@pytest.fixture
def signals(hass: HomeAssistant) -> list[None]:
    """One item per "plays recorded" signal."""
    sent: list[None] = []
    # A callback runs on the loop at once; a plain function would go to the executor.
    async_dispatcher_connect(hass, SIGNAL_PLAYS_RECORDED, callback(lambda: sent.append(None)))
    return sent


async def test_one_event_per_new_play(
    hass: HomeAssistant, access: StoreAccess, signals: list[None]
) -> None:
    """Added plays are announced with their details (who listened too); duplicates are not."""
    events = async_capture_events(hass, EVENT_PLAY_RECORDED)
    plays = [
        replace(_play("So What", T0, device="Living room", duration=562), listener="person.alice"),
        _play("Freddie Freeloader", T0 + 600),
    ]

    result = await async_record_plays(hass, access, plays)
    await hass.async_block_till_done()

    assert result.added == 2
    assert [event.data for event in events] == [
        {
            "track": "So What",
            "artist": "Miles Davis",
            "album": "Kind of Blue",
            "source": "roon",
            "zone": "Living room",
            "person": "person.alice",
            "played_at": "2023-11-14T22:13:20+00:00",
        },
        {
            "track": "Freddie Freeloader",
            "artist": "Miles Davis",
            "album": "Kind of Blue",
            "source": "roon",
            "zone": None,
            "person": None,
            "played_at": "2023-11-14T22:23:20+00:00",
        },
    ]
    assert len(signals) == 1

    again = await async_record_plays(hass, access, plays)
    await hass.async_block_till_done()
    assert again.duplicates == 2
    assert len(events) == 2
    assert len(signals) == 1  # Nothing new: nothing to refresh.


async def test_quiet_recording_still_refreshes(
    hass: HomeAssistant, access: StoreAccess, signals: list[None]
) -> None:
    """Without announcing, no event fires, but the statistics follow."""
    events = async_capture_events(hass, EVENT_PLAY_RECORDED)

    result = await async_record_plays(hass, access, [_play("So What", T0)], announce=False)
    await hass.async_block_till_done()

    assert result.added == 1
    assert events == []
    assert len(signals) == 1


@pytest.mark.usefixtures("no_lastfm_pacing")
async def test_lastfm_announces_new_scrobbles_only(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    lastfm_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A new account's first page and history imports are quiet; later scrobbles announced."""
    events = async_capture_events(hass, EVENT_PLAY_RECORDED)
    fake_lastfm.scrobble_many(
        "Alice", [FakeScrobble("Artist", f"Old {i}", None, T0 + 60 * i) for i in range(250)]
    )
    lastfm_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(lastfm_entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert events == []

    await hass.services.async_call(DOMAIN, "import_lastfm_history", {}, blocking=True)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert events == []

    fake_lastfm.scrobble_many("Alice", [FakeScrobble("Artist", "New", "Album", T0 + 100_000)])
    freezer.tick(timedelta(seconds=61))
    async_fire_time_changed(hass)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert [(event.data["track"], event.data["source"]) for event in events] == [("New", "lastfm")]
