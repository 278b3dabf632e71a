"""A play recorded from a Roon zone reaches (the fake) Last.fm exactly once, whatever happens.

The Roon entry plays on the fake Core; the Last.fm entry (write access, Roon opted in) shares
the store. Faults tried: an outage (HTTP 503, then error 29, then recovery), the integration
stopped between queueing and sending (store closed and reopened), Home Assistant restarted
between them (a new instance on the same folder), a crash after Last.fm
accepted but before AIME marked the play sent, no answer at all (a malformed reply), and a
play older than 14 days. In each, the fake receives the play once, or never with a reason.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from contextlib import closing
from pathlib import Path
import sqlite3
import time

from homeassistant import loader
from homeassistant.core import CoreState, HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_test_home_assistant

from custom_components.aime.const import (
    CONF_API_ROOT,
    CONF_KIND,
    CONF_SCROBBLE_SOURCES,
    CONF_SESSION_KEY,
    CONF_SHARED_SECRET,
    DOMAIN,
    KIND_LASTFM,
)
from custom_components.aime.core.outbox.rules import OutboxState
from custom_components.aime.roon import history as roon_history
from custom_components.aime.scrobbling.sender import OutboxSender

from ..fakes.lastfm import DEFAULT_API_KEY, DEFAULT_SHARED_SECRET, FakeLastfm
from ..fakes.roon import FakeRoonCore
from ..roon.test_history_restart import Running

pytestmark = pytest.mark.usefixtures("no_lastfm_pacing")
DAY = 86_400


@pytest.fixture
def scrobbling_entry(fake_lastfm: FakeLastfm) -> MockConfigEntry:
    """Alice's Last.fm account with write access, taking Roon's plays."""
    fake_lastfm.add_user("Alice")
    return MockConfigEntry(
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


class World:
    """Both entries, the fake services, and the outbox as the store file holds it."""

    def __init__(
        self, roon: Running, lastfm: MockConfigEntry, fake: FakeLastfm, path: Path
    ) -> None:
        self.hass, self.roon, self.lastfm, self.fake, self.path = (
            roon.hass,
            roon,
            lastfm,
            fake,
            path,
        )
        self.later = 0  # seconds the sender's clock is ahead: back-offs fall due

    @property
    def sender(self) -> OutboxSender:
        sender: OutboxSender = self.lastfm.runtime_data.sender
        return sender

    async def start_lastfm(self) -> None:
        assert await self.hass.config_entries.async_setup(self.lastfm.entry_id)
        await self.hass.async_block_till_done(wait_background_tasks=True)
        self.sender.clock = lambda: time.time() + self.later

    async def send(self, after: int = 0) -> None:
        """A pass of the sender, ``after`` seconds later than the last one."""
        self.later += after
        await self.sender.async_send_now()

    async def stop_all(self) -> None:
        """The integration stops: both entries unload, the store closes."""
        assert await self.hass.config_entries.async_unload(self.lastfm.entry_id)
        await self.roon.unload()

    async def start_all(self) -> None:
        await self.roon.start()
        await self.start_lastfm()

    def scrobbled(self) -> list[str]:
        return [s.title for s in self.fake.user("Alice").scrobbles]

    def outbox(self) -> list[tuple[str, str | None, int]]:
        with closing(sqlite3.connect(self.path)) as conn:
            return conn.execute("SELECT state, reason, attempts FROM outbox ORDER BY id").fetchall()


@pytest.fixture
async def world(  # noqa: PLR0917 - fixtures
    hass: HomeAssistant,
    fake_roon: FakeRoonCore,
    roon_entry: MockConfigEntry,
    scrobbling_entry: MockConfigEntry,
    fake_lastfm: FakeLastfm,
    store_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncGenerator[World]:
    roon = Running(hass, fake_roon, roon_entry)
    monkeypatch.setattr(roon_history, "SYSTEM_CLOCK", roon.clock)
    roon_entry.add_to_hass(hass)
    await roon.start()
    scrobbling_entry.add_to_hass(hass)
    world = World(roon, scrobbling_entry, fake_lastfm, store_path)
    await world.start_lastfm()
    yield world
    for entry in (scrobbling_entry, roon_entry):
        if entry.state.recoverable and hass.state is CoreState.running:
            await hass.config_entries.async_unload(entry.entry_id)


async def _play_so_what(world: World) -> None:
    """The Living Room plays on into "So What" past its half: recorded, queued."""
    await world.roon.play(300)
    assert [r["track"] for r in world.roon.recorded] == ["So What"]


async def test_through_an_outage(world: World) -> None:
    """503, then rate limited, then recovery: sent once, after three attempts."""
    world.fake.http_error_next(503)
    await _play_so_what(world)
    await world.send()
    assert world.outbox() == [("queued", "unavailable", 1)]
    world.fake.fail_next(29)
    await world.send(after=60)
    assert world.outbox() == [("queued", "rate_limited", 2)]
    await world.send(after=60)  # Not due yet: a rate limit waits five minutes.
    assert world.scrobbled() == []
    await world.send(after=300)
    await world.send(after=3600)
    assert world.outbox() == [("sent", None, 3)]
    assert world.scrobbled() == ["So What"]
    assert len(world.fake.requests_for("track.scrobble")) == 3


async def test_through_a_restart(world: World) -> None:
    """Queued, then the integration stops before sending: sent once when it is back."""
    world.fake.http_error_next(503)
    await _play_so_what(world)
    await world.send()
    await world.stop_all()
    assert world.outbox() == [("queued", "unavailable", 1)]
    world.later = 60
    await world.start_all()  # The start's pass sends what is due.
    await world.send()
    assert world.outbox() == [("sent", None, 2)]
    assert world.scrobbled() == ["So What"]


def _copy(entry: MockConfigEntry) -> MockConfigEntry:
    return MockConfigEntry(domain=entry.domain, entry_id=entry.entry_id, title=entry.title,
                           unique_id=entry.unique_id, data=dict(entry.data),
                           options=dict(entry.options))  # fmt: skip


async def test_through_a_home_assistant_restart(hass: HomeAssistant, world: World) -> None:
    """Queued, then Home Assistant really stops; a new instance on the same folder sends it."""
    world.fake.http_error_next(503)
    await _play_so_what(world)
    await world.send()
    await hass.async_stop()
    assert world.outbox() == [("queued", "unavailable", 1)]

    async with async_test_home_assistant(config_dir=hass.config.config_dir) as new_hass:
        new_hass.data.pop(loader.DATA_CUSTOM_COMPONENTS)  # as enable_custom_integrations
        roon_entry, lastfm_entry = _copy(world.roon.entry), _copy(world.lastfm)
        roon_entry.add_to_hass(new_hass)
        restarted = World(Running(new_hass, world.roon.core, roon_entry, world.roon.clock),
                          lastfm_entry, world.fake, world.path)  # fmt: skip
        await restarted.roon.start()
        lastfm_entry.add_to_hass(new_hass)
        await restarted.start_lastfm()
        await restarted.send(after=60)
        assert restarted.outbox() == [("sent", None, 2)]
        for entry in (lastfm_entry, roon_entry):
            assert await new_hass.config_entries.async_unload(entry.entry_id)
        await new_hass.async_stop()
    assert world.scrobbled() == ["So What"]
    assert len(world.fake.requests_for("track.scrobble")) == 2  # the 503, then the one sent


async def test_crash_after_lastfm_accepted(world: World) -> None:
    """Last.fm took the play, AIME crashed before noting it: the recent scrobbles say so."""
    world.fake.http_error_next(503)
    await _play_so_what(world)
    await world.send()
    await world.stop_all()
    # What the crash left: the row marked "sending", Last.fm holding the scrobble.
    with closing(sqlite3.connect(world.path)) as conn, conn:
        conn.execute("UPDATE outbox SET state = 'sending'")
        played_at = conn.execute("SELECT played_at FROM play").fetchone()[0]
    world.fake.scrobble("Alice", "Miles Davis", "So What", "Kind of Blue", played_at=played_at)
    world.fake.requests.clear()
    await world.start_all()
    await world.send(after=3600)
    assert world.outbox() == [("sent", None, 1)]
    assert world.scrobbled() == ["So What"]
    assert world.fake.requests_for("track.scrobble") == []


async def test_no_answer_is_checked_before_sending_again(world: World) -> None:
    """A reply AIME could not read: maybe sent. Checked against the account, then sent once."""
    world.fake.malformed_next()
    await _play_so_what(world)
    await world.send()
    assert world.outbox() == [("sending", "network", 1)]
    await world.send(after=60)
    assert world.outbox() == [("sent", None, 2)]
    assert world.scrobbled() == ["So What"]
    assert len(world.fake.requests_for("user.getRecentTracks")) >= 1


async def test_older_than_fourteen_days_is_not_sent(world: World) -> None:
    """Queued while Last.fm was away for 15 days: reported as not sent, too old."""
    world.fake.http_error_next(503)
    await _play_so_what(world)
    await world.send()
    await world.send(after=15 * DAY)
    assert world.outbox() == [("not_sent", "too_old", 1)]
    assert world.scrobbled() == []
    counts = world.sender._access.store.outbox.counts()
    assert counts[OutboxState.NOT_SENT] == 1


async def test_now_playing_follows_the_zone(world: World) -> None:
    """With now-playing updates on, the next track a Roon zone starts shows on Last.fm."""
    world.sender.now_playing = True
    await world.roon.play(530)  # "So What" ends, "Freddie Freeloader" starts
    await world.hass.async_block_till_done(wait_background_tasks=True)
    playing = world.fake.user("Alice").now_playing
    assert playing is not None
    assert (playing.artist, playing.title) == ("Miles Davis", "Freddie Freeloader")
    assert len(world.fake.requests_for("track.updateNowPlaying")) == 1
