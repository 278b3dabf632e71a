"""A play recorded from a Roon zone reaches the fake Last.fm AND the fake ListenBrainz once.

Alice's Last.fm account and carol's ListenBrainz account both take Roon's plays. Faults tried
(on ListenBrainz; Last.fm's own are in ``test_outbox_roon.py``): an outage (503 past the
library's retries, then 429 with Reset-In, then recovery), the integration and Home Assistant
stopped between queueing and sending, a crash after ListenBrainz accepted but before AIME
marked the play sent, a play the ListenBrainz account reported itself, a revoked token. Each
time: received once, or never with its reason; a spent rate-limit window is waited for
without a request.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator
from contextlib import closing
from pathlib import Path
import sqlite3
import time

from homeassistant import loader
from homeassistant.const import CONF_TOKEN, CONF_USERNAME
from homeassistant.core import CoreState, HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_test_home_assistant

from custom_components.aime.const import (
    CONF_API_ROOT,
    CONF_KIND,
    CONF_SCROBBLE_SOURCES,
    DOMAIN,
    KIND_LISTENBRAINZ,
)
from custom_components.aime.roon import history as roon_history
from custom_components.aime.scrobbling.listenbrainz_delivery import ListenbrainzDelivery
from custom_components.aime.scrobbling.sender import OutboxSender

from ..fakes.lastfm import FakeLastfm
from ..fakes.listenbrainz import RESET_IN, FakeListen, FakeListenBrainz
from ..fakes.roon import FakeRoonCore
from ..roon.test_history_restart import Running
from .test_outbox_roon import World, _copy, scrobbling_entry  # noqa: F401 - the Last.fm entry

pytestmark = pytest.mark.usefixtures("no_lastfm_pacing")
TOKEN = "4c1e2f0a-5b6d-4e7f-8a9b-0c1d2e3f4a5b"
RETRIED = 6  # liblistenbrainz tries a request six times (five retries)


@pytest.fixture
def listenbrainz_entry(fake_listenbrainz: FakeListenBrainz) -> MockConfigEntry:
    """Carol's ListenBrainz account, taking Roon's plays."""
    fake_listenbrainz.add_user("carol", TOKEN)
    return MockConfigEntry(
        domain=DOMAIN,
        unique_id="listenbrainz_carol",
        title="ListenBrainz carol",
        data={
            CONF_KIND: KIND_LISTENBRAINZ,
            CONF_TOKEN: TOKEN,
            CONF_USERNAME: "carol",
            CONF_API_ROOT: fake_listenbrainz.root_url,
        },
        options={CONF_SCROBBLE_SOURCES: ["roon"]},
    )


class Both(World):
    """The Last.fm world with the ListenBrainz account beside it."""

    lb_entry: MockConfigEntry
    lb: FakeListenBrainz

    @property
    def lb_sender(self) -> OutboxSender:
        sender: OutboxSender = self.lb_entry.runtime_data.sender
        return sender

    async def start_listenbrainz(self) -> None:
        assert await self.hass.config_entries.async_setup(self.lb_entry.entry_id)
        await self.hass.async_block_till_done(wait_background_tasks=True)
        self.lb_sender.clock = lambda: time.time() + self.later
        delivery = self.lb_sender.delivery
        assert isinstance(delivery, ListenbrainzDelivery)
        delivery.clock = self.lb_sender.clock

    async def send(self, after: int = 0) -> None:
        await super().send(after)
        await self.lb_sender.async_send_now()

    async def stop_all(self) -> None:
        assert await self.hass.config_entries.async_unload(self.lb_entry.entry_id)
        await super().stop_all()

    async def start_all(self) -> None:
        await super().start_all()
        await self.start_listenbrainz()

    def listened(self) -> list[str]:
        return [listen.track_name for listen in self.lb.users["carol"].listens]

    def submitted(self) -> list[str]:
        return [body["listen_type"] for body in self.lb.submissions]

    def rows(self, destination: str) -> list[tuple[str, str | None, int]]:
        with closing(sqlite3.connect(self.path)) as conn:
            return conn.execute(
                "SELECT state, reason, attempts FROM outbox WHERE destination = ? ORDER BY id",
                (destination,),
            ).fetchall()


@pytest.fixture
async def both(  # noqa: PLR0917 - fixtures
    hass: HomeAssistant,
    fake_roon: FakeRoonCore,
    roon_entry: MockConfigEntry,
    scrobbling_entry: MockConfigEntry,  # noqa: F811 - the imported fixture
    listenbrainz_entry: MockConfigEntry,
    fake_lastfm: FakeLastfm,
    fake_listenbrainz: FakeListenBrainz,
    store_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> AsyncGenerator[Both]:
    roon = Running(hass, fake_roon, roon_entry)
    monkeypatch.setattr(roon_history, "SYSTEM_CLOCK", roon.clock)
    roon_entry.add_to_hass(hass)
    await roon.start()
    scrobbling_entry.add_to_hass(hass)
    listenbrainz_entry.add_to_hass(hass)
    world = Both(roon, scrobbling_entry, fake_lastfm, store_path)
    world.lb_entry, world.lb = listenbrainz_entry, fake_listenbrainz
    await world.start_lastfm()
    await world.start_listenbrainz()
    yield world
    for entry in (listenbrainz_entry, scrobbling_entry, roon_entry):
        if entry.state.recoverable and hass.state is CoreState.running:
            await hass.config_entries.async_unload(entry.entry_id)


async def _play_so_what(world: Both) -> None:
    await world.roon.play(300)
    assert [r["track"] for r in world.roon.recorded] == ["So What"]


async def test_through_an_outage(both: Both) -> None:
    """503 past the retries, then 429 (Reset-In), then recovery: each service gets it once."""
    both.fake.http_error_next(503)
    both.lb.fail_next(503, times=RETRIED)
    await _play_so_what(both)
    await both.send()
    assert both.rows("listenbrainz") == [("queued", "unavailable", 1)]
    both.lb.fail_next(429, times=RETRIED)
    await both.send(after=60)
    assert both.rows("listenbrainz") == [("queued", "rate_limited", 2)]
    await both.send(after=300)
    assert both.rows("listenbrainz") == [("sent", None, 3)]
    assert both.rows("lastfm") == [("sent", None, 2)]
    assert both.listened() == ["So What"]
    assert both.submitted() == ["single"]  # a live play goes alone
    assert both.scrobbled() == ["So What"]


async def test_a_spent_window_is_waited_for_without_a_request(both: Both) -> None:
    """No request left in ListenBrainz's window: nothing is sent until Reset-In has passed."""
    both.lb.rate_limit = both.lb.requests + 1  # the next answer says none is left
    await both.hass.async_add_executor_job(both.lb_entry.runtime_data.client.validate)
    requests = both.lb.requests
    await _play_so_what(both)
    await both.send()
    assert both.rows("listenbrainz") == [("queued", "rate_limited", 1)]
    assert both.lb.requests == requests  # the attempt asked nothing of ListenBrainz
    both.lb.reset()
    await both.send(after=RESET_IN + 60)
    assert both.rows("listenbrainz") == [("sent", None, 2)]
    assert both.listened() == ["So What"]


async def test_through_a_restart(both: Both) -> None:
    """Queued, then everything stops before sending: sent once when it is back."""
    both.lb.fail_next(503, times=RETRIED)
    await _play_so_what(both)
    await both.send()
    await both.stop_all()
    assert both.rows("listenbrainz") == [("queued", "unavailable", 1)]
    both.later = 60
    await both.start_all()
    await both.send()
    assert both.rows("listenbrainz") == [("sent", None, 2)]
    assert both.rows("lastfm") == [("sent", None, 1)]
    assert both.listened() == ["So What"]
    assert both.scrobbled() == ["So What"]


async def test_through_a_home_assistant_restart(hass: HomeAssistant, both: Both) -> None:
    """Queued for both, then Home Assistant really stops; a new instance sends each once."""
    both.fake.http_error_next(503)
    both.lb.fail_next(503, times=RETRIED)
    await _play_so_what(both)
    await both.send()
    await hass.async_stop()
    assert both.rows("listenbrainz") == [("queued", "unavailable", 1)]

    async with async_test_home_assistant(config_dir=hass.config.config_dir) as new_hass:
        new_hass.data.pop(loader.DATA_CUSTOM_COMPONENTS)  # as enable_custom_integrations
        entries = [_copy(entry) for entry in (both.roon.entry, both.lastfm, both.lb_entry)]
        roon_entry, lastfm_entry, lb_entry = entries
        roon_entry.add_to_hass(new_hass)
        running = Running(new_hass, both.roon.core, roon_entry, both.roon.clock)
        restarted = Both(running, lastfm_entry, both.fake, both.path)
        restarted.lb_entry, restarted.lb = lb_entry, both.lb
        await restarted.roon.start()
        lastfm_entry.add_to_hass(new_hass)
        lb_entry.add_to_hass(new_hass)
        await restarted.start_lastfm()
        await restarted.start_listenbrainz()
        await restarted.send(after=60)
        assert restarted.rows("listenbrainz") == [("sent", None, 2)]
        assert restarted.rows("lastfm") == [("sent", None, 2)]
        for entry in (lb_entry, lastfm_entry, roon_entry):
            assert await new_hass.config_entries.async_unload(entry.entry_id)
        await new_hass.async_stop()
    assert both.listened() == ["So What"]
    assert both.submitted() == ["single"]
    assert both.scrobbled() == ["So What"]


async def test_crash_after_listenbrainz_accepted(both: Both) -> None:
    """ListenBrainz took the play, AIME crashed before noting it: its listens say so."""
    both.lb.fail_next(503, times=RETRIED)
    both.fake.http_error_next(503)
    await _play_so_what(both)
    await both.send()
    await both.stop_all()
    with closing(sqlite3.connect(both.path)) as conn, conn:
        conn.execute("UPDATE outbox SET state = 'sending' WHERE destination = 'listenbrainz'")
        played_at = conn.execute("SELECT played_at FROM play").fetchone()[0]
    both.lb.users["carol"].add(FakeListen(played_at, "So What", "Miles Davis", "Kind of Blue"))
    await both.start_all()
    await both.send(after=3600)
    assert both.rows("listenbrainz") == [("sent", None, 1)]
    assert both.lb.submissions == []
    assert both.listened() == ["So What"]
    assert both.rows("lastfm") == [("sent", None, 2)]


async def test_a_play_the_account_reported_is_not_sent_back(both: Both) -> None:
    """Carol's other scrobbler reported the Roon play to ListenBrainz first: never sent back."""
    both.lb.fail_next(503, times=RETRIED)
    await _play_so_what(both)
    await both.send()
    with closing(sqlite3.connect(both.path)) as conn:
        played_at = conn.execute("SELECT played_at FROM play").fetchone()[0]
    both.lb.users["carol"].add(FakeListen(played_at, "So What", "Miles Davis", "Kind of Blue"))
    await both.lb_entry.runtime_data.follower.async_poll()  # recorded: merged with Roon's play
    await both.send(after=60)
    assert both.rows("listenbrainz") == [("not_sent", "on_account", 1)]
    assert both.lb.submissions == []
    assert both.rows("lastfm") == [("sent", None, 1)]


async def test_a_refused_token_waits_for_a_new_one(both: Both) -> None:
    """401: the row fails and the re-authentication flow opens; a new token sends it."""
    both.lb.users["carol"].token = "revoked"
    await _play_so_what(both)
    await both.send()
    assert both.rows("listenbrainz") == [("failed", "auth", 1)]
    await both.hass.async_block_till_done()
    flows = both.hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert [flow["context"]["source"] for flow in flows] == ["reauth"]
    both.lb.users["carol"].token = TOKEN
    assert await both.hass.config_entries.async_reload(both.lb_entry.entry_id)
    await both.hass.async_block_till_done(wait_background_tasks=True)
    assert both.rows("listenbrainz") == [("sent", None, 2)]
    assert both.listened() == ["So What"]


async def test_now_playing_reaches_listenbrainz(both: Both) -> None:
    both.lb_sender.now_playing = True
    await both.roon.play(530)
    await both.hass.async_block_till_done(wait_background_tasks=True)
    playing = both.lb.users["carol"].playing_now
    assert playing is not None
    assert playing["track_metadata"]["track_name"] == "Freddie Freeloader"


async def test_retry_outbox_takes_a_listenbrainz_entry(both: Both) -> None:
    """``aime.retry_outbox`` named with the ListenBrainz entry queues its failed rows again."""
    both.lb.users["carol"].token = "revoked"
    await _play_so_what(both)
    await both.send()
    assert both.rows("listenbrainz") == [("failed", "auth", 1)]
    both.lb.users["carol"].token = TOKEN
    answer = await both.hass.services.async_call(
        DOMAIN, "retry_outbox", {"config_entry_id": both.lb_entry.entry_id},
        blocking=True, return_response=True,
    )  # fmt: skip
    assert answer == {"queued": 1}
    await both.hass.async_block_till_done(wait_background_tasks=True)
    assert both.rows("listenbrainz") == [("sent", None, 2)]
    assert both.rows("lastfm") == [("sent", None, 1)]
