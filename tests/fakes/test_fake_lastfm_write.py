"""The fake Last.fm's write side, as Last.fm answers it: web authorisation, batches, loves."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from xml.etree import ElementTree

import aiohttp
import pytest

from .lastfm import DEFAULT_API_KEY, FakeLastfm
from .test_fake_lastfm import call, error_code, signed

NOW = 1_700_000_000
DAY = 86_400


@pytest.fixture
async def session() -> AsyncGenerator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


async def _signed_call(
    session: aiohttp.ClientSession, fake: FakeLastfm, params: dict[str, str]
) -> tuple[int, ElementTree.Element]:
    return await call(session, fake, signed({"api_key": DEFAULT_API_KEY, **params}))


async def test_web_authorisation_gives_a_session_key_once(
    fake_lastfm: FakeLastfm, session: aiohttp.ClientSession
) -> None:
    fake_lastfm.add_user("Alice")
    _, root = await _signed_call(session, fake_lastfm, {"method": "auth.getToken"})
    token = root.findtext("token") or ""

    get_session = {"method": "auth.getSession", "token": token}
    status, root = await _signed_call(session, fake_lastfm, get_session)
    assert (status, error_code(root)) == (403, "14")  # not approved yet

    fake_lastfm.web_user = "alice"
    page = f"{fake_lastfm.auth_url}?api_key={DEFAULT_API_KEY}&token={token}"
    async with session.get(page) as response:
        assert response.status == 200
    _, root = await _signed_call(
        session, fake_lastfm, {"method": "auth.getSession", "token": token}
    )
    key = root.findtext("session/key") or ""
    assert root.findtext("session/name") == "Alice"
    assert fake_lastfm.sessions[key] == "alice"

    _, root = await _signed_call(
        session, fake_lastfm, {"method": "auth.getSession", "token": token}
    )
    assert error_code(root) == "15"  # a token is traded once


async def test_a_bad_signature_or_session_is_refused(
    fake_lastfm: FakeLastfm, session: aiohttp.ClientSession
) -> None:
    fake_lastfm.add_user("Alice")
    key = fake_lastfm.session_key_for("Alice")
    love = {"method": "track.love", "artist": "Low", "track": "Words"}
    form = {**signed({"api_key": DEFAULT_API_KEY, "sk": key, **love}), "track": "Other"}
    status, root = await call(session, fake_lastfm, form)
    assert (status, error_code(root)) == (403, "13")
    status, root = await _signed_call(session, fake_lastfm, {"sk": "nope", **love})
    assert (status, error_code(root)) == (403, "9")


async def test_batches_of_fifty_and_old_scrobbles_ignored(
    fake_lastfm: FakeLastfm, session: aiohttp.ClientSession
) -> None:
    fake_lastfm.add_user("Alice")
    fake_lastfm.clock = lambda: NOW
    key = fake_lastfm.session_key_for("Alice")

    def batch(count: int, start: int) -> dict[str, str]:
        params = {"method": "track.scrobble", "sk": key}
        for i in range(count):
            params |= {f"artist[{i}]": "Low", f"track[{i}]": f"Song {i}",
                       f"timestamp[{i}]": str(start + i)}  # fmt: skip
        return params

    status, root = await _signed_call(session, fake_lastfm, batch(51, NOW - DAY))
    assert (status, error_code(root)) == (400, "6")
    _, root = await _signed_call(session, fake_lastfm, batch(50, NOW - 14 * DAY - 25))
    scrobbles = root.find("scrobbles")
    assert scrobbles is not None
    assert (scrobbles.get("accepted"), scrobbles.get("ignored")) == ("25", "25")
    codes = [item.get("code") for item in scrobbles.iter("ignoredMessage")]
    assert codes == ["3"] * 25 + ["0"] * 25
    assert fake_lastfm.user("Alice").playcount == 25


async def test_love_and_unlove(fake_lastfm: FakeLastfm, session: aiohttp.ClientSession) -> None:
    fake_lastfm.add_user("Alice")
    key = fake_lastfm.session_key_for("Alice")
    song = {"sk": key, "artist": "Low", "track": "Words"}
    await _signed_call(session, fake_lastfm, {"method": "track.love", **song})
    assert list(fake_lastfm.user("Alice").loved) == [("low", "words")]
    await _signed_call(session, fake_lastfm, {"method": "track.unlove", **song})
    assert fake_lastfm.user("Alice").loved == {}
