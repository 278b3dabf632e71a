"""The Spotify client: the real spotipy against the fake Spotify, over 127.0.0.1.

The fake runs on the hass loop; the blocking client runs in the executor, as in the integration.
Rate-limit waits go through an injected sleep, so they are recorded rather than slept.
"""

from __future__ import annotations

from collections.abc import Callable
import logging
from typing import Any

from homeassistant.core import HomeAssistant
import pytest

from custom_components.aime.clients.spotify import (
    AlbumMatch,
    ArtistMatch,
    SpotifyAuthError,
    SpotifyClient,
    SpotifyConnectionError,
    SpotifyError,
    SpotifyRateLimitError,
    album_confidence,
)

from ..fakes.spotify import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, FakeSpotify

IMAGES = [
    {"url": "https://i.scdn.co/300", "width": 300, "height": 300},
    {"url": "https://i.scdn.co/640", "width": 640, "height": 640},
    {"url": "https://i.scdn.co/64", "width": 64, "height": 64},
]


@pytest.fixture
def sleeps() -> list[float]:
    return []


@pytest.fixture
def client(fake_spotify: FakeSpotify, sleeps: list[float]) -> SpotifyClient:
    return make_client(fake_spotify, sleeps)


def make_client(
    fake: FakeSpotify, sleeps: list[float], secret: str = DEFAULT_CLIENT_SECRET
) -> SpotifyClient:
    return SpotifyClient(
        DEFAULT_CLIENT_ID,
        secret,
        api_root=fake.api_root,
        token_url=fake.token_url,
        sleep=sleeps.append,
    )


async def run[T](hass: HomeAssistant, call: Callable[[], T]) -> T:
    return await hass.async_add_executor_job(call)


async def test_construction_makes_no_request(fake_spotify: FakeSpotify) -> None:
    client = SpotifyClient("id", "very-secret", api_root=fake_spotify.api_root)
    assert "very-secret" not in repr(client)
    assert fake_spotify.token_requests == 0
    assert SpotifyClient("id", "secret").api_root == "https://api.spotify.com/v1/"


async def test_validate(
    hass: HomeAssistant, fake_spotify: FakeSpotify, client: SpotifyClient, sleeps: list[float]
) -> None:
    await run(hass, client.validate)
    assert fake_spotify.token_requests == 1
    wrong = make_client(fake_spotify, sleeps, secret="wrong")
    with pytest.raises(SpotifyAuthError, match="invalid_client"):
        await run(hass, wrong.validate)


async def test_find_album(
    hass: HomeAssistant, fake_spotify: FakeSpotify, client: SpotifyClient
) -> None:
    """The artist's album, editions ignored: largest image, link, year; one token reused."""
    album = fake_spotify.add_album(
        "Kind Of Blue (Legacy Edition)", ["Miles Davis"], release_date="1959-08-17", images=IMAGES
    )

    found = await run(hass, lambda: client.find_album("Miles Davis", "Kind of Blue"))
    again = await run(hass, lambda: client.find_album("Miles Davis", "Kind of Blue"))

    assert (
        found
        == again
        == AlbumMatch(
            spotify_id=album.spotify_id,
            name="Kind Of Blue (Legacy Edition)",
            artists=("Miles Davis",),
            url=f"https://open.spotify.com/album/{album.spotify_id}",
            image_url="https://i.scdn.co/640",
            release_year=1959,
            confidence=1.0,
        )
    )
    assert fake_spotify.token_requests == 1
    assert fake_spotify.requests[0] == (
        "search?q=album:Kind of Blue artist:Miles Davis&limit=10&offset=0&type=album"
    )


async def test_no_title_only_guess(
    hass: HomeAssistant, fake_spotify: FakeSpotify, client: SpotifyClient
) -> None:
    """Another artist's album of the same title is never taken, nor a different title."""
    fake_spotify.add_album("Greatest Hits", ["Foo Fighters"], images=IMAGES)
    fake_spotify.add_album("Greatest Hits Live", ["Mott the Hoople"])
    mott = fake_spotify.add_album("Greatest Hits", ["Mott The Hoople"], release_date="1976")

    assert await run(hass, lambda: client.find_album("Queen", "Greatest Hits")) is None
    found = await run(hass, lambda: client.find_album("Mott the Hoople", "Greatest Hits"))
    assert found is not None
    assert (found.spotify_id, found.image_url, found.release_year) == (mott.spotify_id, None, 1976)
    # Two queries (fielded, then free text), never one without the artist.
    assert await run(hass, lambda: client.find_album("Mott the Hoople", "Live")) is None
    assert fake_spotify.requests[-1].startswith("search?q=Mott the Hoople Live&")
    assert await run(hass, lambda: client.find_album("", "Greatest Hits")) is None
    assert await run(hass, lambda: client.find_album("Queen", " ")) is None


async def test_collaborations(
    hass: HomeAssistant, fake_spotify: FakeSpotify, client: SpotifyClient
) -> None:
    """A duo credited as one string matches the album listing both artists."""
    fake_spotify.add_album("Duke Ellington & John Coltrane", ["Duke Ellington", "John Coltrane"])
    found = await run(
        hass,
        lambda: client.find_album(
            "Duke Ellington & John Coltrane", "Duke Ellington & John Coltrane"
        ),
    )
    assert found is not None
    assert found.artists == ("Duke Ellington", "John Coltrane")


@pytest.mark.parametrize(
    ("artist", "title", "candidate", "expected"),
    [
        ("Beyoncé", "Lemonade", {"name": "Lemonade", "artists": [{"name": "Beyonce"}]}, 1.0),
        ("Queen", "Innuendo", {"name": "Innuendo", "artists": [{"name": "Queens"}]}, 0.0),
        ("A", "Blue", {"name": "Blue Train", "artists": [{"name": "A"}]}, 0.571),
        ("A", "Blue", {"name": "Blue"}, 0.0),
        ("Beatles", "Help!", {"name": "Help", "artists": [{"name": "The Beatles"}]}, 1.0),
    ],
)
def test_album_confidence(
    artist: str, title: str, candidate: dict[str, Any], expected: float
) -> None:
    assert album_confidence(artist, title, candidate) == expected


async def test_find_artist(
    hass: HomeAssistant, fake_spotify: FakeSpotify, client: SpotifyClient
) -> None:
    fake_spotify.add_artist("Beyoncé Tribute Band")
    beyonce = fake_spotify.add_artist("Beyoncé", images=IMAGES)
    plain = fake_spotify.add_artist("Plain")

    assert await run(hass, lambda: client.find_artist("Beyonce")) == ArtistMatch(
        spotify_id=beyonce.spotify_id,
        name="Beyoncé",
        url=f"https://open.spotify.com/artist/{beyonce.spotify_id}",
        image_url="https://i.scdn.co/640",
        confidence=1.0,
    )
    found = await run(hass, lambda: client.find_artist("Plain"))
    assert found is not None
    assert (found.spotify_id, found.image_url) == (plain.spotify_id, None)
    assert await run(hass, lambda: client.find_artist("Nobody")) is None
    assert await run(hass, lambda: client.find_artist(" ")) is None


async def test_token_renewal(
    hass: HomeAssistant, fake_spotify: FakeSpotify, client: SpotifyClient
) -> None:
    """Tokens are renewed before they expire, and once when Spotify refuses one early."""
    fake_spotify.token_lifetime = 30  # Inside spotipy's 60 s margin: renewed at each call.
    await run(hass, lambda: client.find_artist("Anyone"))
    await run(hass, lambda: client.find_artist("Anyone"))
    assert fake_spotify.token_requests == 2

    fake_spotify.token_lifetime = 3600
    await run(hass, lambda: client.find_artist("Anyone"))
    fake_spotify.expire_tokens()
    await run(hass, lambda: client.find_artist("Anyone"))
    assert fake_spotify.token_requests == 4


async def test_token_always_refused(
    hass: HomeAssistant, fake_spotify: FakeSpotify, client: SpotifyClient
) -> None:
    fake_spotify.token_lifetime = -100  # Dead on arrival, for Spotify too.
    with pytest.raises(SpotifyAuthError, match="expired"):
        await run(hass, lambda: client.find_artist("Anyone"))


async def test_retry_after(
    hass: HomeAssistant, fake_spotify: FakeSpotify, client: SpotifyClient, sleeps: list[float]
) -> None:
    """Short Retry-After waits are honoured (at most twice); a long one is raised at once."""
    fake_spotify.rate_limit_next(2)
    fake_spotify.rate_limit_next(None)
    await run(hass, lambda: client.find_artist("Anyone"))
    assert sleeps == [2.0, 1.0]

    fake_spotify.rate_limit_next(3600)
    with pytest.raises(SpotifyRateLimitError) as raised:
        await run(hass, lambda: client.find_artist("Anyone"))
    assert raised.value.retry_after == 3600
    assert sleeps == [2.0, 1.0]

    fake_spotify.rate_limit_next(1, times=3)
    with pytest.raises(SpotifyRateLimitError):
        await run(hass, lambda: client.find_artist("Anyone"))
    assert sleeps == [2.0, 1.0, 1.0, 1.0]


async def test_server_errors(
    hass: HomeAssistant, fake_spotify: FakeSpotify, client: SpotifyClient
) -> None:
    """A 5xx is retried briefly by the session, then raised; other errors are translated."""
    fake_spotify.error_next(503)
    assert await run(hass, lambda: client.find_artist("Anyone")) is None
    fake_spotify.error_next(500, times=3)
    with pytest.raises(SpotifyConnectionError, match="HTTP 500"):
        await run(hass, lambda: client.find_artist("Anyone"))
    fake_spotify.error_next(400)
    with pytest.raises(SpotifyError, match="HTTP 400"):
        await run(hass, lambda: client.find_artist("Anyone"))
    fake_spotify.malformed_next()
    with pytest.raises(SpotifyConnectionError, match="malformed"):
        await run(hass, lambda: client.find_artist("Anyone"))


async def test_unreachable(hass: HomeAssistant, fake_spotify: FakeSpotify) -> None:
    client = make_client(fake_spotify, [])
    await fake_spotify.stop()
    with pytest.raises(SpotifyConnectionError, match="ConnectionError"):
        await run(hass, client.validate)


def test_credentials_never_logged(caplog: pytest.LogCaptureFixture) -> None:
    """spotipy's debug lines carrying Authorization headers are dropped."""
    with caplog.at_level(logging.DEBUG):
        logging.getLogger("spotipy.client").debug("Headers: {'Authorization': 'Bearer t0k3n'}")
        logging.getLogger("spotipy.oauth2").debug("Sending POST with Authorization: Basic x")
        logging.getLogger("spotipy.client").debug("RESULTS: fine")
    assert "t0k3n" not in caplog.text
    assert "Basic" not in caplog.text
    assert "RESULTS: fine" in caplog.text
