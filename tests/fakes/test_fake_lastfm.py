"""The fake Last.fm's protocol details that the client tests do not reach: signed calls, GET."""

from __future__ import annotations

from collections.abc import AsyncGenerator
import hashlib
from xml.etree import ElementTree

import aiohttp
import pytest

from .lastfm import DEFAULT_API_KEY, DEFAULT_SHARED_SECRET, FakeLastfm, FakeNowPlaying, FakeScrobble

USER = "alice"
PASSWORD = "s3cret"


def md5(text: str) -> str:
    return hashlib.md5(text.encode()).hexdigest()


def signed(params: dict[str, str]) -> dict[str, str]:
    """The params with ``api_sig``, as pylast signs them (query-string username included)."""
    text = "".join(f"{name}{params[name]}" for name in sorted(params))
    return {**params, "api_sig": md5(text + DEFAULT_SHARED_SECRET)}


@pytest.fixture
async def session() -> AsyncGenerator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


async def call(
    session: aiohttp.ClientSession,
    fake: FakeLastfm,
    form: dict[str, str],
    *,
    query: dict[str, str] | None = None,
) -> tuple[int, ElementTree.Element]:
    async with session.post(fake.api_root, data=form, params=query) as response:
        return response.status, ElementTree.fromstring(await response.read())


def error_code(root: ElementTree.Element) -> str | None:
    error = root.find("error")
    return None if error is None else error.get("code")


async def log_in(session: aiohttp.ClientSession, fake: FakeLastfm) -> str:
    """auth.getMobileSession the way pylast sends it; return the session key."""
    params = {
        "method": "auth.getMobileSession",
        "api_key": DEFAULT_API_KEY,
        "authToken": md5(USER + md5(PASSWORD)),
        "username": USER,
    }
    form = signed(params)
    query = {"username": form.pop("username")}
    status, root = await call(session, fake, form, query=query)
    assert status == 200, ElementTree.tostring(root)
    return root.findtext("session/key") or ""


async def test_mobile_session_then_scrobble_and_now_playing(
    fake_lastfm: FakeLastfm, session: aiohttp.ClientSession
) -> None:
    fake_lastfm.add_user(USER, password=PASSWORD)
    fake_lastfm.clock = lambda: 1_700_000_400  # Both scrobbles are within 14 days.
    session_key = await log_in(session, fake_lastfm)

    form = signed(
        {
            "method": "track.scrobble",
            "api_key": DEFAULT_API_KEY,
            "sk": session_key,
            "artist[0]": "Björk",
            "track[0]": "Jóga",
            "timestamp[0]": "1700000000",
            "album[0]": "Homogenic",
            "artist[1]": "Low",
            "track[1]": "Words",
            "timestamp[1]": "1700000300",
        }
    )
    status, root = await call(session, fake_lastfm, form)
    assert (status, root.findtext("scrobbles/scrobble/timestamp")) == (200, "1700000000")

    form = signed(
        {
            "method": "track.updateNowPlaying",
            "api_key": DEFAULT_API_KEY,
            "sk": session_key,
            "artist": "Low",
            "track": "Lullaby",
        }
    )
    status, _ = await call(session, fake_lastfm, form)

    user = fake_lastfm.user(USER)
    assert status == 200
    assert user.scrobbles == [
        FakeScrobble("Björk", "Jóga", "Homogenic", 1_700_000_000),
        FakeScrobble("Low", "Words", None, 1_700_000_300),
    ]
    assert user.now_playing == FakeNowPlaying("Low", "Lullaby")


async def test_signed_calls_are_checked(
    fake_lastfm: FakeLastfm, session: aiohttp.ClientSession
) -> None:
    """A wrong signature is error 13, an unknown session 9, a wrong password 4."""
    fake_lastfm.add_user(USER, password=PASSWORD)
    params = {"method": "track.updateNowPlaying", "api_key": DEFAULT_API_KEY, "sk": "nope"}

    bad_signature = {**params, "artist": "A", "track": "B", "api_sig": "0" * 32}
    unknown_session = signed({**params, "artist": "A", "track": "B"})
    wrong_password = signed(
        {
            "method": "auth.getMobileSession",
            "api_key": DEFAULT_API_KEY,
            "authToken": md5(USER + md5("guess")),
            "username": USER,
        }
    )

    for form, code, status in (
        (bad_signature, "13", 403),
        (unknown_session, "9", 403),
        (wrong_password, "4", 403),
    ):
        answer_status, root = await call(session, fake_lastfm, form)
        assert root.get("status") == "failed"
        assert (answer_status, error_code(root)) == (status, code)


async def test_get_with_query_string_and_limits(
    fake_lastfm: FakeLastfm, session: aiohttp.ClientSession
) -> None:
    """GET works like POST; limits above the maximum are clamped; bad numbers are error 6."""
    fake_lastfm.add_user(USER)
    fake_lastfm.scrobble_many(
        USER, [FakeScrobble("A", f"T{index}", None, 1_000 + index) for index in range(300)]
    )
    query = {"method": "user.getRecentTracks", "api_key": DEFAULT_API_KEY, "user": USER}

    async with session.get(fake_lastfm.api_root, params={**query, "limit": "500"}) as response:
        root = ElementTree.fromstring(await response.read())
    async with session.get(fake_lastfm.api_root, params={**query, "limit": "x"}) as response:
        error = ElementTree.fromstring(await response.read())

    tracks = root.find("recenttracks")
    assert tracks is not None
    assert (tracks.get("perPage"), tracks.get("totalPages"), len(tracks)) == ("200", "2", 200)
    assert (response.status, error_code(error)) == (400, "6")


async def test_unknown_method(fake_lastfm: FakeLastfm, session: aiohttp.ClientSession) -> None:
    status, root = await call(session, fake_lastfm, {"method": "x.y", "api_key": DEFAULT_API_KEY})

    assert (status, error_code(root)) == (400, "3")
