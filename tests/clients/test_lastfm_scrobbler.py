"""Last.fm's write side through pylast against the fake: web authorisation, scrobbles, loves."""

from __future__ import annotations

from collections.abc import Callable

from homeassistant.core import HomeAssistant
import pytest

from custom_components.aime.clients.lastfm import (
    LastfmClient,
    LastfmConnectionError,
    LastfmRateLimitError,
    LastfmSessionError,
    LastfmTokenError,
    LastfmUnavailableError,
)
from custom_components.aime.clients.lastfm_scrobbler import (
    LastfmScrobbler,
    ScrobbleAnswer,
    ScrobbleRequest,
)

from ..fakes.lastfm import DEFAULT_API_KEY, DEFAULT_SHARED_SECRET, FakeLastfm

NOW = 1_700_000_000
DAY = 86_400


def _scrobbler(fake: FakeLastfm, session_key: str | None = None) -> LastfmScrobbler:
    client = LastfmClient(DEFAULT_API_KEY, "alice", shared_secret=DEFAULT_SHARED_SECRET,
                          api_root=fake.api_root, session_key=session_key)  # fmt: skip
    return LastfmScrobbler(client)


async def run[T](hass: HomeAssistant, call: Callable[[], T]) -> T:
    return await hass.async_add_executor_job(call)


async def test_web_authorisation(hass: HomeAssistant, fake_lastfm: FakeLastfm) -> None:
    fake_lastfm.add_user("Alice")
    scrobbler = _scrobbler(fake_lastfm)
    token = await run(hass, scrobbler.auth_token)
    url = scrobbler.auth_url(DEFAULT_API_KEY, token)
    assert url == f"{fake_lastfm.auth_url}?api_key={DEFAULT_API_KEY}&token={token}"
    with pytest.raises(LastfmTokenError):
        await run(hass, lambda: scrobbler.auth_session(token))
    fake_lastfm.approve(token, "Alice")
    session = await run(hass, lambda: scrobbler.auth_session(token))
    assert (session.username, fake_lastfm.sessions[session.session_key]) == ("Alice", "alice")


async def test_scrobbles_now_playing_and_loves(
    hass: HomeAssistant, fake_lastfm: FakeLastfm
) -> None:
    fake_lastfm.add_user("Alice")
    fake_lastfm.clock = lambda: NOW
    scrobbler = _scrobbler(fake_lastfm, fake_lastfm.session_key_for("Alice"))
    items = [
        ScrobbleRequest("Low", "Words", "I Could Live in Hope", NOW - 600, 320),
        ScrobbleRequest("Low", "Lullaby", None, NOW - 15 * DAY),
    ]
    answers = await run(hass, lambda: scrobbler.scrobble(items))
    assert answers == [ScrobbleAnswer(True), ScrobbleAnswer(False, 3, "Timestamp too old")]
    assert [s.title for s in fake_lastfm.user("Alice").scrobbles] == ["Words"]
    await run(hass, lambda: scrobbler.update_now_playing(items[1]))
    assert fake_lastfm.user("Alice").now_playing is not None
    await run(hass, lambda: scrobbler.set_loved("Low", "Words", True))
    assert list(fake_lastfm.user("Alice").loved) == [("low", "words")]
    with pytest.raises(ValueError, match="1 to 50"):
        scrobbler.scrobble(items * 26)


@pytest.mark.parametrize(
    ("failure", "error"),
    [
        (("code", 9), LastfmSessionError),
        (("code", 29), LastfmRateLimitError),
        (("code", 16), LastfmUnavailableError),
        (("http", 503), LastfmUnavailableError),
        (("malformed", 0), LastfmConnectionError),
    ],
)
async def test_write_errors(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    failure: tuple[str, int],
    error: type[Exception],
) -> None:
    fake_lastfm.add_user("Alice")
    scrobbler = _scrobbler(fake_lastfm, fake_lastfm.session_key_for("Alice"))
    kind, value = failure
    if kind == "code":
        fake_lastfm.fail_next(value)
    elif kind == "http":
        fake_lastfm.http_error_next(value)
    else:
        fake_lastfm.malformed_next()
    with pytest.raises(error) as caught:
        await run(hass, lambda: scrobbler.scrobble([ScrobbleRequest("Low", "Words", None, NOW)]))
    assert caught.type is error


async def test_writes_need_a_session_key(hass: HomeAssistant, fake_lastfm: FakeLastfm) -> None:
    with pytest.raises(LastfmSessionError):
        _scrobbler(fake_lastfm).set_loved("Low", "Words", False)
