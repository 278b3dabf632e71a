"""The ListenBrainz adapter over the real liblistenbrainz, against the fake ListenBrainz."""

from __future__ import annotations

import aiohttp
from homeassistant.core import HomeAssistant
import pytest

from custom_components.aime.clients.listenbrainz import (
    ListenbrainzAuthError,
    ListenbrainzClient,
    ListenbrainzError,
    ListenbrainzRateLimitError,
)
from custom_components.aime.core.models import PlayInput, Source

from ..fakes.listenbrainz import FakeListen, FakeListenBrainz

TOKEN = "b1946ac9-2492-4f8e-9a0c-6a7f3c3d2e10"
T0 = 1_700_000_000


@pytest.fixture
def alice(fake_listenbrainz: FakeListenBrainz) -> FakeListenBrainz:
    """Alice's account with 30 listens, one every 5 minutes from T0."""
    user = fake_listenbrainz.add_user("alice", TOKEN)
    for n in range(30):
        info = (("duration_ms", 240_000), ("media_player", "Pano Scrobbler"), ("tracknumber", n))
        user.add(FakeListen(T0 + 300 * n, f"Track {n}", "Björk", "Homogenic", info))
    return fake_listenbrainz


def _client(fake: FakeListenBrainz, token: str = TOKEN) -> ListenbrainzClient:
    return ListenbrainzClient(token, fake.root_url)


async def test_token_and_pages_of_listens(hass: HomeAssistant, alice: FakeListenBrainz) -> None:
    """Pages newest first before max_ts; after min_ts, the next ones; as core plays."""
    client = _client(alice)
    assert await hass.async_add_executor_job(client.validate) == "alice"
    newest = await hass.async_add_executor_job(client.listens_before, "alice", None, 10)
    assert [play.title for play in newest] == [f"Track {n}" for n in range(29, 19, -1)]
    assert newest[0] == PlayInput(
        title="Track 29",
        artist="Björk",
        played_at=T0 + 300 * 29,
        source=Source.LISTENBRAINZ,
        album="Homogenic",
        duration=240,
        track_number=29,
        device="Pano Scrobbler",
    )
    older = await hass.async_add_executor_job(
        client.listens_before, "alice", newest[-1].played_at, 10
    )
    assert [play.title for play in older] == [f"Track {n}" for n in range(19, 9, -1)]
    after = await hass.async_add_executor_job(client.listens_after, "alice", T0 + 300 * 4, 3)
    assert [play.title for play in after] == ["Track 7", "Track 6", "Track 5"]


async def test_submitted_plays_reach_listenbrainz(
    hass: HomeAssistant, alice: FakeListenBrainz
) -> None:
    client = _client(alice)
    plays = [
        PlayInput("Jóga", "Björk", T0 + 100_000 + 300 * n, Source.ROON, "Homogenic", duration=305)
        for n in range(3)
    ]
    await hass.async_add_executor_job(client.submit_listens, plays)
    await hass.async_add_executor_job(client.submit_listens, plays[:1])
    await hass.async_add_executor_job(client.submit_playing_now, plays[0])
    kinds = [body["listen_type"] for body in alice.submissions]
    assert kinds == ["import", "single", "playing_now"]
    info = alice.submissions[0]["payload"][0]["track_metadata"]["additional_info"]
    assert info == {"submission_client": "AIME", "duration": 305}
    assert len(alice.users["alice"].listens) == 33  # the single one was held already
    assert alice.users["alice"].playing_now is not None


async def test_refusals_and_failures(hass: HomeAssistant, alice: FakeListenBrainz) -> None:
    wrong = _client(alice, "nope")
    with pytest.raises(ListenbrainzAuthError):
        await hass.async_add_executor_job(wrong.validate)
    play = PlayInput("Jóga", "Björk", T0, Source.ROON)
    with pytest.raises(ListenbrainzAuthError):
        await hass.async_add_executor_job(wrong.submit_listens, [play])
    client = _client(alice)
    alice.fail_next(503, times=6)  # liblistenbrainz retries 5 times
    with pytest.raises(ListenbrainzError) as failed:
        await hass.async_add_executor_job(client.listens_before, "alice")
    assert not isinstance(failed.value, ListenbrainzRateLimitError)
    alice.fail_next(429, times=6)
    with pytest.raises(ListenbrainzRateLimitError):
        await hass.async_add_executor_job(client.listens_before, "alice")
    alice.fail_next(500)  # once: the retry is served
    assert len(await hass.async_add_executor_job(client.listens_before, "alice", None, 5)) == 5
    with pytest.raises(ListenbrainzError):
        await hass.async_add_executor_job(client.listens_before, "nobody")


async def test_the_fake_counts_requests_in_its_window(
    hass: HomeAssistant, alice: FakeListenBrainz
) -> None:
    """X-RateLimit-* headers on every answer; past the limit, 429 until the window turns."""
    alice.rate_limit = 3
    client = _client(alice)
    await hass.async_add_executor_job(client.validate)
    assert client._api.remaining_requests == 2
    assert client._api.ratelimit_reset_in == 7
    url = f"{alice.root_url}/1/validate-token"
    async with aiohttp.ClientSession() as session:
        statuses = []
        for _ in range(3):
            async with session.get(url, headers={"Authorization": f"Token {TOKEN}"}) as answer:
                statuses.append(answer.status)
                remaining = answer.headers["X-RateLimit-Remaining"]
        assert statuses == [200, 200, 429]
        assert remaining == "0"
    alice.reset()
    assert await hass.async_add_executor_job(client.validate) == "alice"
