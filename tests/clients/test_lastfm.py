"""The Last.fm client: the real pylast against the fake Last.fm, over 127.0.0.1.

The fake runs on the hass loop; the blocking client runs in the executor, as in the integration.
"""

from __future__ import annotations

from collections.abc import AsyncGenerator, Callable
from dataclasses import dataclass, field
from functools import partial
import logging
from typing import Any

from aiohttp import web
from homeassistant.core import HomeAssistant
import pytest

from custom_components.aime.clients import lastfm
from custom_components.aime.clients.lastfm import (
    DEFAULT_API_ROOT,
    LastfmAuthError,
    LastfmClient,
    LastfmConnectionError,
    LastfmError,
    LastfmRateLimitError,
    LastfmUserNotFoundError,
    LovedTrack,
    NowPlaying,
    RecentPage,
    Scrobble,
)
from custom_components.aime.core.models import PlayInput, Source

from ..fakes.lastfm import DEFAULT_API_KEY, DEFAULT_SHARED_SECRET, FakeLastfm

USER = "Alice"
START = 1_700_000_000


@pytest.fixture
def client(fake_lastfm: FakeLastfm) -> LastfmClient:
    """A client for the fake's user "Alice", asked for as "alice" (names are case-insensitive)."""
    fake_lastfm.add_user(USER, registered=1_300_000_000, image_url="https://img/alice.png")
    return LastfmClient(DEFAULT_API_KEY, "alice", api_root=fake_lastfm.api_root)


async def run[T](hass: HomeAssistant, call: Callable[[], T]) -> T:
    """Run a blocking client call in the executor, as the integration does."""
    return await hass.async_add_executor_job(call)


async def recent(hass: HomeAssistant, client: LastfmClient, **kwargs: Any) -> RecentPage:
    return await run(hass, partial(client.recent_page, **kwargs))


def scrobble_25(fake: FakeLastfm) -> None:
    for index in range(25):
        fake.scrobble(USER, f"Artist {index}", f"Song {index}", "LP", played_at=START + index * 60)


async def test_construction_makes_no_request(fake_lastfm: FakeLastfm) -> None:
    """Building a client (possibly on the event loop) never calls Last.fm."""
    LastfmClient(DEFAULT_API_KEY, "alice", shared_secret="s", api_root=fake_lastfm.api_root)
    LastfmClient(DEFAULT_API_KEY, "alice")
    assert fake_lastfm.requests == []


async def test_get_user(hass: HomeAssistant, fake_lastfm: FakeLastfm, client: LastfmClient) -> None:
    """user.getInfo gives the canonical name, the play count and the registration time."""
    scrobble_25(fake_lastfm)

    user = await run(hass, client.get_user)

    assert user == lastfm.LastfmUser(
        name=USER,
        playcount=25,
        registered_at=1_300_000_000,
        url="https://www.last.fm/user/Alice",
        image_url="https://img/alice.png",
    )
    assert fake_lastfm.requests == [
        {"method": "user.getInfo", "user": "alice", "api_key": DEFAULT_API_KEY}
    ]


async def test_pages_cover_every_scrobble_newest_first(
    hass: HomeAssistant, fake_lastfm: FakeLastfm, client: LastfmClient
) -> None:
    """25 scrobbles read 10 at a time: three pages, every scrobble once, newest first."""
    scrobble_25(fake_lastfm)

    pages = [await recent(hass, client, page=page, limit=10) for page in (1, 2, 3)]

    assert [(page.page, page.total_pages, page.total) for page in pages] == [
        (1, 3, 25),
        (2, 3, 25),
        (3, 3, 25),
    ]
    scrobbles = [scrobble for page in pages for scrobble in page.scrobbles]
    assert [scrobble.played_at for scrobble in scrobbles] == [
        START + index * 60 for index in reversed(range(25))
    ]
    assert scrobbles[0] == Scrobble("Artist 24", "Song 24", "LP", START + 24 * 60)
    assert [params["limit"] for params in fake_lastfm.requests] == ["10", "10", "10"]


async def test_time_range_is_inclusive(
    hass: HomeAssistant, fake_lastfm: FakeLastfm, client: LastfmClient
) -> None:
    """``time_from`` and ``time_to`` both include their bound, like Store.count_plays."""
    scrobble_25(fake_lastfm)

    page = await recent(hass, client, time_from=START + 60, time_to=START + 180)
    after = await recent(hass, client, time_from=START + 23 * 60)

    assert [s.played_at for s in page.scrobbles] == [START + 180, START + 120, START + 60]
    assert (page.total, page.total_pages) == (3, 1)
    assert [s.title for s in after.scrobbles] == ["Song 24", "Song 23"]
    assert fake_lastfm.requests[0]["from"] == str(START + 60)
    assert fake_lastfm.requests[0]["to"] == str(START + 180)
    assert "to" not in fake_lastfm.requests[1]


async def test_now_playing_is_kept_apart(
    hass: HomeAssistant, fake_lastfm: FakeLastfm, client: LastfmClient
) -> None:
    """The now-playing track comes on page 1 only, never as a scrobble, never counted."""
    scrobble_25(fake_lastfm)
    fake_lastfm.set_now_playing(USER, "Now", "Playing", "Live", image_url="https://img/np.png")

    first = await recent(hass, client, limit=10)
    second = await recent(hass, client, page=2, limit=10)

    assert first.now_playing == NowPlaying("Now", "Playing", "Live", "https://img/np.png")
    assert len(first.scrobbles) == 10
    assert "Playing" not in {scrobble.title for scrobble in first.scrobbles}
    assert first.total == 25
    assert second.now_playing is None

    fake_lastfm.clear_now_playing(USER)
    assert (await recent(hass, client, limit=10)).now_playing is None


async def test_empty_history(hass: HomeAssistant, client: LastfmClient) -> None:
    """A user without scrobbles: ``totalPages="0"``, no page, no error."""
    assert await recent(hass, client) == RecentPage([], None, 1, 0, 0)


async def test_names_with_ampersands_accents_and_no_album(
    hass: HomeAssistant, fake_lastfm: FakeLastfm, client: LastfmClient
) -> None:
    """Names survive the XML round trip; a scrobble without an album has ``album=None``."""
    fake_lastfm.scrobble(USER, "Simon & Garfunkel", "Mrs. <Robinson>", None, played_at=START)
    fake_lastfm.scrobble(USER, "Björk", "Jóga", "Homogenic", played_at=START + 1)

    page = await recent(hass, client)

    assert page.scrobbles == [
        Scrobble("Björk", "Jóga", "Homogenic", START + 1),
        Scrobble("Simon & Garfunkel", "Mrs. <Robinson>", None, START),
    ]


async def test_loved_tracks_across_pages(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    client: LastfmClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Every page of loved tracks is read."""
    monkeypatch.setattr(lastfm, "LOVED_PAGE_SIZE", 2)
    monkeypatch.setattr(lastfm, "LOVED_PAGE_INTERVAL", 0)
    for index in range(5):
        fake_lastfm.love(USER, f"Artist {index}", f"Song {index}", loved_at=START + index)

    loved = await run(hass, client.loved_tracks)

    assert sorted(loved, key=lambda track: track.title) == [
        LovedTrack(f"Artist {index}", f"Song {index}", START + index) for index in range(5)
    ]
    assert [params["page"] for params in fake_lastfm.requests] == ["1", "2", "3"]


async def test_no_loved_tracks(hass: HomeAssistant, client: LastfmClient) -> None:
    assert await run(hass, client.loved_tracks) == []


@pytest.mark.parametrize(
    ("code", "error"),
    [
        (4, LastfmAuthError),
        (10, LastfmAuthError),
        (26, LastfmAuthError),
        (6, LastfmUserNotFoundError),
        (29, LastfmRateLimitError),
        (8, LastfmConnectionError),
        (11, LastfmConnectionError),
        (16, LastfmConnectionError),
    ],
)
async def test_lastfm_error_codes(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    client: LastfmClient,
    code: int,
    error: type[LastfmError],
) -> None:
    """Each Last.fm error code becomes the matching exception, on every call."""
    fake_lastfm.fail_next(code, times=3)

    for call in (client.get_user, client.recent_page, client.loved_tracks):
        with pytest.raises(error, match=f"error {code}"):
            await run(hass, call)


async def test_other_error_codes_are_plain_errors(
    hass: HomeAssistant, fake_lastfm: FakeLastfm, client: LastfmClient
) -> None:
    """An error code without a meaning of its own raises the base exception only."""
    fake_lastfm.fail_next(3)

    with pytest.raises(LastfmError) as caught:
        await run(hass, client.get_user)

    assert type(caught.value) is LastfmError


@pytest.mark.parametrize("status", [500, 502, 503, 504])
async def test_http_server_errors(
    hass: HomeAssistant, fake_lastfm: FakeLastfm, client: LastfmClient, status: int
) -> None:
    fake_lastfm.http_error_next(status)

    with pytest.raises(LastfmConnectionError, match=str(status)):
        await run(hass, client.recent_page)


async def test_malformed_reply(
    hass: HomeAssistant, fake_lastfm: FakeLastfm, client: LastfmClient
) -> None:
    fake_lastfm.malformed_next()

    with pytest.raises(LastfmConnectionError, match="Malformed"):
        await run(hass, client.get_user)


async def test_unknown_user_and_bad_keys(
    hass: HomeAssistant, fake_lastfm: FakeLastfm, client: LastfmClient
) -> None:
    """The fake's own checks: unknown user 6, revoked key 10, suspended key 26."""
    stranger = LastfmClient(DEFAULT_API_KEY, "bob", api_root=fake_lastfm.api_root)
    with pytest.raises(LastfmUserNotFoundError):
        await run(hass, stranger.get_user)

    fake_lastfm.suspend_key(DEFAULT_API_KEY)
    with pytest.raises(LastfmAuthError, match="error 26"):
        await run(hass, client.get_user)

    fake_lastfm.revoke_key(DEFAULT_API_KEY)
    fake_lastfm.suspended_keys.clear()
    with pytest.raises(LastfmAuthError, match="error 10"):
        await run(hass, client.get_user)


async def test_slow_reply_times_out(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    client: LastfmClient,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A reply slower than the client's timeout is a connection failure."""
    monkeypatch.setattr(lastfm, "REQUEST_TIMEOUT", 0.2)
    fake_lastfm.delay = 5

    with pytest.raises(LastfmConnectionError, match="timed out"):
        await run(hass, client.get_user)


async def test_server_down(hass: HomeAssistant, socket_enabled: None) -> None:
    """Nothing listening on the port: a connection failure."""
    fake = await FakeLastfm().start()
    api_root = fake.api_root
    await fake.stop()

    with pytest.raises(LastfmConnectionError):
        await run(hass, LastfmClient(DEFAULT_API_KEY, "alice", api_root=api_root).get_user)


@dataclass(slots=True)
class XmlServer:
    """A server at another path than /2.0/, answering each request with the next body."""

    api_root: str = ""
    bodies: list[str] = field(default_factory=list)
    seen: list[str] = field(default_factory=list)


@pytest.fixture
async def xml_server(socket_enabled: None) -> AsyncGenerator[XmlServer]:
    server = XmlServer()

    async def answer(request: web.Request) -> web.Response:
        server.seen.append(f"{request.method} {request.path_qs} host={request.host}")
        return web.Response(text=server.bodies.pop(0), content_type="text/xml")

    app = web.Application()
    app.router.add_route("*", "/custom/api/", answer)
    runner = web.AppRunner(app)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    server.api_root = f"http://127.0.0.1:{runner.addresses[0][1]}/custom/api/"
    try:
        yield server
    finally:
        await runner.cleanup()


async def test_api_root_rewrites_scheme_host_port_and_path(
    hass: HomeAssistant, xml_server: XmlServer
) -> None:
    """Requests go to the api_root's path, with its Host; odd replies are handled.

    The reply has scrobbles without ``uts``, without a date, with a ``uts`` that is not a
    number or without an artist (all skipped), an empty album (None), a lower-case
    ``totalpages`` and no ``total``.
    """
    xml_server.bodies.append(
        '<?xml version="1.0" encoding="UTF-8"?><lfm status="ok">'
        '<recenttracks user="alice" page="2" perPage="3" totalpages="4">'
        "<track><artist>A</artist><name>One</name><album></album>"
        '<date uts="1700000000">x</date></track>'
        "<track><artist>B</artist><name>Two</name><date>no uts</date></track>"
        "<track><artist>C</artist><name>Three</name></track>"
        '<track><artist>D</artist><name>Four</name><date uts="soon">x</date></track>'
        '<track><artist></artist><name>No artist</name><date uts="1700000001">x</date></track>'
        "</recenttracks></lfm>"
    )
    client = LastfmClient("key", "alice", api_root=xml_server.api_root)

    page = await recent(hass, client, page=2, limit=3)

    assert page == RecentPage([Scrobble("A", "One", None, 1_700_000_000)], None, 2, 4, 0)
    host = xml_server.api_root.split("/")[2]
    assert xml_server.seen == [f"POST /custom/api/ host={host}"]


async def test_reply_without_expected_element(hass: HomeAssistant, xml_server: XmlServer) -> None:
    """Replies that are XML but not what was asked for are malformed: connection errors."""
    xml_server.bodies.extend(
        ['<lfm status="ok"><somethingelse/></lfm>', '<lfm status="failed"></lfm>', "<html/>"]
    )
    client = LastfmClient("key", "alice", api_root=xml_server.api_root)

    with pytest.raises(LastfmConnectionError, match="no <user>"):
        await run(hass, client.get_user)
    with pytest.raises(LastfmConnectionError, match="without <error>"):
        await run(hass, client.get_user)
    with pytest.raises(LastfmConnectionError, match="unexpected <html>"):
        await run(hass, client.get_user)


async def test_no_secret_in_logs_or_errors(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Neither the API key nor the shared secret reach a log line, an error or a repr."""
    caplog.set_level(logging.DEBUG)
    fake_lastfm.add_user(USER)
    scrobble_25(fake_lastfm)
    client = LastfmClient(
        DEFAULT_API_KEY,
        USER,
        shared_secret=DEFAULT_SHARED_SECRET,
        api_root=fake_lastfm.api_root,
    )
    errors: list[str] = []

    await run(hass, client.get_user)
    await run(hass, client.recent_page)
    fake_lastfm.fail_next(10)
    fake_lastfm.http_error_next()
    for _ in range(2):
        with pytest.raises(LastfmError) as caught:
            await run(hass, client.get_user)
        errors.extend((str(caught.value), repr(caught.value)))

    text = "\n".join([caplog.text, repr(client), *errors])
    assert "user.getRecentTracks" in caplog.text  # Debug logging was on.
    assert DEFAULT_API_KEY not in text
    assert DEFAULT_SHARED_SECRET not in text


def test_scrobble_to_play() -> None:
    scrobble = Scrobble("Björk", "Jóga", None, START, "https://img")

    assert scrobble.to_play() == PlayInput(
        title="Jóga", artist="Björk", played_at=START, source=Source.LASTFM, album=None
    )


def test_default_api_root_mounts_nothing() -> None:
    """We post to ``api_root`` ourselves (pylast 5.1 to 7 alike): pylast's network gets no proxy."""
    client = LastfmClient(DEFAULT_API_KEY, "alice")

    assert client.api_root == DEFAULT_API_ROOT
    assert client._network.proxy is None
