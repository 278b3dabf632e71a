"""A love made in AIME reaches (the fake) Last.fm once, through outages and restarts.

The hub holds a small history; Alice's Last.fm account has write access and opted in to
scrobbling (Roon), so AIME's loves go to her. The daily loved-tracks sync keeps a love that has
not reached Last.fm yet, and follows Last.fm once it has.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from contextlib import closing
from pathlib import Path
import sqlite3
import time
from typing import Any

from homeassistant import loader
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import Context, CoreState, HomeAssistant
from homeassistant.exceptions import ServiceValidationError, Unauthorized
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    MockUser,
    async_test_home_assistant,
)

from custom_components.aime.const import (
    CONF_API_ROOT,
    CONF_KIND,
    CONF_SCROBBLE_SOURCES,
    CONF_SESSION_KEY,
    CONF_SHARED_SECRET,
    DOMAIN,
    KIND_LASTFM,
)
from custom_components.aime.lastfm.runtime import LastfmRuntime

from ..fakes.lastfm import DEFAULT_API_KEY, DEFAULT_SHARED_SECRET, FakeLastfm
from ..helpers.hub_history import write_history

pytestmark = pytest.mark.usefixtures("no_lastfm_pacing")


class Home:
    """The hub and Alice's account, the fake, and the store file."""

    def __init__(
        self, hass: HomeAssistant, hub: MockConfigEntry, lastfm: MockConfigEntry,
        fake: FakeLastfm, path: Path,
    ) -> None:  # fmt: skip
        self.hass, self.hub, self.lastfm, self.fake, self.path = hass, hub, lastfm, fake, path
        self.later = 0  # seconds the sender's clock is ahead: back-offs fall due

    @property
    def runtime(self) -> LastfmRuntime:
        runtime: LastfmRuntime = self.lastfm.runtime_data
        return runtime

    async def start(self) -> None:
        for entry in (self.hub, self.lastfm):  # The first set-up may load both.
            if entry.state is not ConfigEntryState.LOADED:
                assert await self.hass.config_entries.async_setup(entry.entry_id)
        await self.hass.async_block_till_done(wait_background_tasks=True)
        self.runtime.sender.clock = lambda: time.time() + self.later

    async def stop(self) -> None:
        """The integration stops: both entries unload, the store closes."""
        for entry in (self.lastfm, self.hub):
            assert await self.hass.config_entries.async_unload(entry.entry_id)

    async def set_loved(self, loved: bool, user_id: str | None = None, **song: Any) -> Any:
        data = song or {"artist": "Miles Davis", "title": "So What"}
        return await self.hass.services.async_call(
            DOMAIN, "set_loved", {**data, "loved": loved}, blocking=True,
            return_response=True, context=Context(user_id=user_id),
        )  # fmt: skip

    async def send(self, after: int = 0) -> None:
        self.later += after
        await self.runtime.sender.async_send_now()

    def loved_on_lastfm(self) -> list[str]:
        return [love.title for love in self.fake.user("Alice").loved.values()]

    def loved_in_aime(self) -> list[str]:
        with closing(sqlite3.connect(self.path)) as conn:
            rows = conn.execute("SELECT DISTINCT title FROM track WHERE loved ORDER BY title")
            return [title for (title,) in rows]

    def queue(self) -> list[tuple[int, str, str | None, int]]:
        with closing(sqlite3.connect(self.path)) as conn:
            return conn.execute(
                "SELECT loved, state, reason, attempts FROM love_outbox ORDER BY id"
            ).fetchall()


@pytest.fixture
async def home(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    fake_lastfm: FakeLastfm,
    store_path: Path,
) -> AsyncGenerator[Home]:
    await hass.async_add_executor_job(write_history, store_path)
    fake_lastfm.add_user("Alice")
    lastfm = MockConfigEntry(
        domain=DOMAIN,
        unique_id="lastfm_alice",
        title="Last.fm Alice",
        data={
            CONF_KIND: KIND_LASTFM,
            "username": "Alice",
            "api_key": DEFAULT_API_KEY,
            CONF_SHARED_SECRET: DEFAULT_SHARED_SECRET,
            CONF_API_ROOT: fake_lastfm.api_root,
            CONF_SESSION_KEY: fake_lastfm.session_key_for("Alice"),
        },
        options={"scan_interval": 600, CONF_SCROBBLE_SOURCES: ["roon"]},
    )
    mock_config_entry.add_to_hass(hass)
    lastfm.add_to_hass(hass)
    home = Home(hass, mock_config_entry, lastfm, fake_lastfm, store_path)
    await home.start()
    yield home
    for entry in (lastfm, mock_config_entry):
        if entry.state.recoverable and hass.state is CoreState.running:
            await hass.config_entries.async_unload(entry.entry_id)


async def test_a_love_reaches_lastfm_once_through_an_outage_and_a_restart(home: Home) -> None:
    home.fake.http_error_next(503)
    answer = await home.set_loved(True)
    assert answer == {"artist": "Miles Davis", "title": "So What", "loved": True,
                      "tracks": 1, "queued": 1}  # fmt: skip
    assert "So What" in home.loved_in_aime()
    await home.send()
    assert home.queue() == [(1, "queued", "unavailable", 1)]
    await home.stop()
    home.later = 60
    await home.start()  # The start's pass sends what is due.
    await home.send(after=60)
    assert home.queue() == [(1, "sent", None, 2)]
    assert home.loved_on_lastfm() == ["So What"]
    assert len(home.fake.requests_for("track.love")) == 2  # the 503, then the one taken


def _copy(entry: MockConfigEntry) -> MockConfigEntry:
    return MockConfigEntry(domain=entry.domain, entry_id=entry.entry_id, title=entry.title,
                           unique_id=entry.unique_id, data=dict(entry.data),
                           options=dict(entry.options))  # fmt: skip


async def test_a_love_survives_a_home_assistant_restart(hass: HomeAssistant, home: Home) -> None:
    """Queued, then Home Assistant really stops; a new instance on the same folder sends it."""
    home.fake.http_error_next(503)
    await home.set_loved(True)
    await home.send()
    await hass.async_stop()
    assert home.queue() == [(1, "queued", "unavailable", 1)]
    async with async_test_home_assistant(config_dir=hass.config.config_dir) as new_hass:
        new_hass.data.pop(loader.DATA_CUSTOM_COMPONENTS)  # as enable_custom_integrations
        hub, lastfm = _copy(home.hub), _copy(home.lastfm)
        hub.add_to_hass(new_hass)
        lastfm.add_to_hass(new_hass)
        restarted = Home(new_hass, hub, lastfm, home.fake, home.path)
        restarted.later = 60
        await restarted.start()
        await restarted.send()
        assert restarted.queue() == [(1, "sent", None, 2)]
        await restarted.stop()
        await new_hass.async_stop()
    assert home.loved_on_lastfm() == ["So What"]
    assert len(home.fake.requests_for("track.love")) == 2


async def test_an_unlove_reaches_lastfm_once_after_a_rate_limit(home: Home) -> None:
    home.fake.love("Alice", "Miles Davis", "So What")
    await home.runtime.coordinator.async_sync_loved_tracks()
    assert home.loved_in_aime() == ["So What"]
    home.fake.fail_next(29)
    await home.set_loved(False)
    await home.send()
    assert home.queue() == [(0, "queued", "rate_limited", 1)]
    await home.send(after=60)  # A rate limit waits five minutes.
    assert home.fake.requests_for("track.unlove") != []
    assert len(home.fake.requests_for("track.unlove")) == 1
    await home.send(after=300)
    await home.send(after=3600)
    assert home.queue() == [(0, "sent", None, 2)]
    assert home.loved_on_lastfm() == []
    assert home.loved_in_aime() == []
    assert len(home.fake.requests_for("track.unlove")) == 2


async def test_the_daily_sync_keeps_a_pending_love_then_follows_lastfm(home: Home) -> None:
    home.fake.http_error_next(503)
    await home.set_loved(True)
    await home.send()  # Last.fm is away: the love waits.
    await home.runtime.coordinator.async_sync_loved_tracks()
    assert home.loved_in_aime() == ["So What"]  # not undone by Last.fm's (empty) loved tracks
    await home.send(after=60)
    assert home.loved_on_lastfm() == ["So What"]
    home.fake.unlove("Alice", "Miles Davis", "So What")  # unloved on Last.fm afterwards
    await home.runtime.coordinator.async_sync_loved_tracks()
    assert home.loved_in_aime() == []


async def test_a_member_cannot_love_and_unknown_tracks_are_refused(
    home: Home, hass_read_only_user: MockUser
) -> None:
    with pytest.raises(Unauthorized):
        await home.set_loved(True, user_id=hass_read_only_user.id)
    assert home.queue() == []
    assert "So What" not in home.loved_in_aime()
    with pytest.raises(ServiceValidationError) as refused:
        await home.set_loved(True, artist="Nobody", title="Nothing")
    assert refused.value.translation_key == "track_not_found"
    assert str(refused.value) == "There is no track Nobody - Nothing in AIME"
    with pytest.raises(ServiceValidationError) as both:
        await home.set_loved(True, track_id=1, artist="Miles Davis", title="So What")
    assert both.value.translation_key == "love_track_or_song"
