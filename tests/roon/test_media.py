"""Media browser, play by name and search, through the real roonapi against the fake Core."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from dataclasses import dataclass
from functools import partial
from typing import Any

from homeassistant.components.media_player import MediaPlayerEnqueue
from homeassistant.components.media_player.browse_media import BrowseMedia
from homeassistant.components.media_player.const import MediaClass
from homeassistant.components.media_player.errors import BrowseError
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
import pytest

from custom_components.aime.clients.roon import RoonConnection, RoonEvent
from custom_components.aime.roon.library import (
    BrowsePath,
    SearchTarget,
    parse_media_id,
)
from custom_components.aime.roon.media import (
    async_browse_media,
    async_play_media,
    async_search_items,
    async_search_media,
)

from ..fakes.roon import FakeRoonCore
from ..fakes.roon.harness import ChangeLog
from ..fakes.roon.library import Album, Library, Node, Track, _actions, _list
from ..helpers.ha_version import before, since

TOKEN = "saved-token"
KITCHEN = "zone-kitchen"


def _single(title: str, artist: str, genre: str) -> Album:
    """An album of one track called "<artist> hit"."""
    return Album(title, artist, genre, (Track(f"{artist} hit", artist, title, 200, "img-x"),))


class OddLibrary(Library):
    """The default library plus 150 "Filler" albums, two "Greatest Hits" and odd genres."""

    @classmethod
    def build(cls) -> OddLibrary:
        base = Library.default()
        fillers = [_single(f"Filler {n:03}", "Session Band", "Filler") for n in range(150)]
        hits = [_single("Greatest Hits", artist, "Rock") for artist in ("Queen", "Foo Fighters")]
        return cls([*base.albums, *hits, *fillers], base.playlists, base.stations)

    def _genre(self, genre: str) -> Node:
        node = super()._genre(genre)
        if genre == "Rock":  # nothing to play in it
            return _list(genre, lambda: [])
        if genre == "Filler":  # it only plays now
            track = self.albums[-1].tracks[0]
            only_now = _actions("Play Genre", (track,), radio=False)
            children = only_now.children
            only_now.children = lambda: children()[:1]
            return _list(genre, lambda: [only_now])
        return node


@pytest.fixture
async def core(hass: HomeAssistant, socket_enabled: None) -> AsyncGenerator[FakeRoonCore]:
    fake = await FakeRoonCore(valid_tokens={TOKEN}, library=OddLibrary.build()).start()
    yield fake
    await fake.stop()


@pytest.fixture
async def connection(hass: HomeAssistant, core: FakeRoonCore) -> AsyncGenerator[RoonConnection]:
    client = await hass.async_add_executor_job(
        partial(RoonConnection.connect, "127.0.0.1", core.port, TOKEN, reconnect_delays=(0.05,))
    )
    yield client
    assert await hass.async_add_executor_job(client.close) == []


def _proxied(image_key: str) -> str:
    """What a media player's thumbnail callback does: a URL of Home Assistant's own."""
    return f"/proxy/{image_key}"


async def _browse(
    hass: HomeAssistant, connection: RoonConnection, media_id: str | None, **kwargs: Any
) -> BrowseMedia:
    kwargs.setdefault("thumbnail", _proxied)
    return await async_browse_media(hass, connection, None, media_id, session_key="ui-1", **kwargs)


def _titles(node: BrowseMedia) -> list[str]:
    return [child.title for child in node.children or []]


def _queue(core: FakeRoonCore, zone_id: str = KITCHEN) -> list[str]:
    player = core.player(zone_id)
    return [
        entry.track.title if entry.track else entry.station.name  # type: ignore[union-attr]
        for entry in player.entries[player.index :]
    ]


# --- media ids ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("media_id", "media_type", "expected"),
    [
        ("aime://browse/albums", None, BrowsePath("albums")),
        (
            "aime://browse/artists/Bj%C3%B6rk/Debut?offset=100",
            None,
            BrowsePath("artists", (("Björk", None), ("Debut", None)), 100),
        ),
        (
            "aime://browse/albums/Greatest%20Hits@Queen",
            None,
            BrowsePath("albums", (("Greatest Hits", "Queen"),)),
        ),
        ("aime://browse/genres/A%2FB", None, BrowsePath("genres", (("A/B", None),))),
        ("aime://search/album/Kind%20of%20Blue", None, SearchTarget("album", "Kind of Blue")),
        (
            "aime://search/track/So%20What?artist=Miles+Davis",
            None,
            SearchTarget("track", "So What", "Miles Davis"),
        ),
        ("Kind of Blue ", "album", SearchTarget("album", "Kind of Blue")),
    ],
)
def test_media_ids_round_trip(media_id: str, media_type: str | None, expected: Any) -> None:
    parsed = parse_media_id(media_id, media_type)
    assert parsed == expected
    assert parse_media_id(parsed.media_id) == expected


@pytest.mark.parametrize(
    ("media_id", "media_type"),
    [
        ("Kind of Blue", "music"),
        ("  ", "album"),
        ("aime://browse/settings", None),
        ("aime://browse/albums?offset=-1", None),
        ("aime://search/genre/Jazz", None),
        ("aime://search/album", None),
        ("aime://elsewhere/albums", None),
    ],
)
def test_bad_media_ids(media_id: str, media_type: str | None) -> None:
    with pytest.raises(ServiceValidationError) as caught:
        parse_media_id(media_id, media_type)
    assert caught.value.translation_key == "roon_bad_media_id"


# --- browsing -------------------------------------------------------------------------------


async def test_root(hass: HomeAssistant, connection: RoonConnection) -> None:
    root = await _browse(hass, connection, None)
    assert root.title == "Roon"
    assert _titles(root) == ["Artists", "Albums", "Playlists", "Genres", "Live Radio"]
    assert [c.media_content_id for c in root.children or []][:2] == [
        "aime://browse/artists",
        "aime://browse/albums",
    ]
    assert (await _browse(hass, connection, "aime://browse")).title == "Roon"


async def test_albums_with_artwork_and_paging(
    hass: HomeAssistant, connection: RoonConnection, core: FakeRoonCore
) -> None:
    albums = await _browse(hass, connection, "aime://browse/albums")
    assert albums.title == "Albums"
    assert albums.children_media_class == MediaClass.ALBUM
    children = albums.children or []
    assert len(children) == 101  # a page, then the way to the next one
    kind_of_blue = children[0]
    assert kind_of_blue.title == "Kind of Blue"
    assert kind_of_blue.media_content_id == "aime://browse/albums/Kind%20of%20Blue"
    assert (kind_of_blue.can_play, kind_of_blue.can_expand) == (True, True)
    assert kind_of_blue.thumbnail == "/proxy/img-kind-of-blue"
    more = children[-1]
    assert (more.title, more.media_content_id) == ("101…", "aime://browse/albums?offset=100")

    rest = await _browse(hass, connection, more.media_content_id)
    assert len(rest.children or []) == 62
    assert _titles(rest)[-1] == "Filler 149"


async def test_album_tracks(hass: HomeAssistant, connection: RoonConnection) -> None:
    album = await _browse(hass, connection, "aime://browse/albums/Kind%20of%20Blue")
    assert (album.title, album.media_class, album.can_play) == ("Kind of Blue", "album", True)
    assert album.thumbnail == "/proxy/img-kind-of-blue"
    assert _titles(album)[:2] == ["So What", "Freddie Freeloader"]  # no "Play Album"
    so_what = (album.children or [])[0]
    assert (so_what.media_class, so_what.can_play, so_what.can_expand) == ("track", True, False)
    assert so_what.media_content_id == "aime://browse/albums/Kind%20of%20Blue/So%20What"


async def test_artist_down_to_tracks(hass: HomeAssistant, connection: RoonConnection) -> None:
    artists = await _browse(hass, connection, "aime://browse/artists")
    assert "Björk" in _titles(artists)
    bjork = next(c for c in artists.children or [] if c.title == "Björk")
    artist = await _browse(hass, connection, bjork.media_content_id)
    assert artist.media_class == MediaClass.ARTIST
    assert _titles(artist) == ["Homogenic", "Debut"]
    debut = await _browse(hass, connection, (artist.children or [])[1].media_content_id)
    assert _titles(debut) == ["Human Behaviour", "Venus as a Boy", "Big Time Sensuality"]
    assert debut.children_media_class == MediaClass.TRACK


async def test_genres_and_radio(hass: HomeAssistant, connection: RoonConnection) -> None:
    genres = await _browse(hass, connection, "aime://browse/genres")
    assert _titles(genres)[:3] == ["Jazz", "Pop", "Alternative"]
    radio = await _browse(hass, connection, "aime://browse/internet_radio")
    assert _titles(radio) == ["FIP", "Radio Swiss Jazz"]
    fip = (radio.children or [])[0]
    assert (fip.media_class, fip.can_play, fip.can_expand) == ("channel", True, False)
    assert fip.thumbnail == "/proxy/img-radio-fip"


async def test_same_titles_get_subtitles(hass: HomeAssistant, connection: RoonConnection) -> None:
    albums = await _browse(hass, connection, "aime://browse/albums")
    hits = [c.media_content_id for c in albums.children or [] if c.title == "Greatest Hits"]
    assert hits == [
        "aime://browse/albums/Greatest%20Hits@Queen",
        "aime://browse/albums/Greatest%20Hits@Foo%20Fighters",
    ]
    foo = await _browse(hass, connection, hits[1])
    assert _titles(foo) == ["Foo Fighters hit"]
    with pytest.raises(ServiceValidationError) as caught:
        await _browse(hass, connection, "aime://browse/albums/Greatest%20Hits")
    assert caught.value.translation_key == "roon_ambiguous"
    assert caught.value.translation_placeholders == {
        "title": "Greatest Hits",
        "choices": "Queen, Foo Fighters",
    }


async def test_titles_match_without_case(hass: HomeAssistant, connection: RoonConnection) -> None:
    album = await _browse(hass, connection, "aime://browse/albums/KIND%20OF%20BLUE")
    assert album.title == "Kind of Blue"


async def test_browse_errors(hass: HomeAssistant, connection: RoonConnection) -> None:
    for media_id in ("aime://search/album/Debut", "aime://nowhere", "Debut"):
        with pytest.raises(BrowseError):
            await _browse(hass, connection, media_id)
    with pytest.raises(ServiceValidationError) as caught:
        await _browse(hass, connection, "aime://browse/albums/Nope")
    assert caught.value.translation_key == "roon_not_found"
    for beyond in ("Kind%20of%20Blue/So%20What", "Kind%20of%20Blue/So%20What/Deeper"):
        with pytest.raises(ServiceValidationError):  # a track is no list
            await _browse(hass, connection, f"aime://browse/albums/{beyond}")


async def test_sessions_are_the_callers(
    hass: HomeAssistant, connection: RoonConnection, core: FakeRoonCore
) -> None:
    await _browse(hass, connection, "aime://browse/albums/Debut")
    sessions = {
        (body or {}).get("multi_session_key")
        for name, body in core.requests
        if name.endswith("/browse")
    }
    assert sessions == {"ui-1"}


# --- playing --------------------------------------------------------------------------------


async def _play(
    hass: HomeAssistant,
    connection: RoonConnection,
    media_id: str,
    enqueue: MediaPlayerEnqueue | None = None,
    *,
    media_type: str = "music",
    zone_id: str = KITCHEN,
) -> None:
    await async_play_media(hass, connection, zone_id, media_type, media_id, enqueue)


async def test_play_album_with_every_enqueue_mode(
    hass: HomeAssistant, connection: RoonConnection, core: FakeRoonCore
) -> None:
    await _play(hass, connection, "aime://browse/albums/Debut")
    assert _queue(core) == ["Human Behaviour", "Venus as a Boy", "Big Time Sensuality"]
    assert core.zones[KITCHEN]["state"] == "playing"
    await _play(hass, connection, "aime://browse/albums/Kind%20of%20Blue/Blue%20in%20Green",
                MediaPlayerEnqueue.NEXT)  # fmt: skip
    assert _queue(core)[:2] == ["Human Behaviour", "Blue in Green"]
    await _play(hass, connection, "aime://browse/playlists/Nordic%20Moods", MediaPlayerEnqueue.ADD)
    assert _queue(core)[-3:] == ["Jóga", "Starálfur", "Unravel"]
    await _play(hass, connection, "aime://browse/albums/Homogenic", MediaPlayerEnqueue.REPLACE)
    assert _queue(core) == ["Hunter", "Jóga", "Unravel", "Bachelorette"]


async def test_ids_outlive_sessions_and_restarts(
    hass: HomeAssistant, connection: RoonConnection, core: FakeRoonCore
) -> None:
    """Never an item key: an id still plays after the session moved on and the Core restarted."""
    album = await _browse(hass, connection, "aime://browse/artists/Miles%20Davis")
    media_id = (album.children or [])[1].media_content_id  # Sketches of Spain
    await _browse(hass, connection, "aime://browse/genres")  # the session moved on
    changes = ChangeLog(hass.loop)
    connection.on_change(changes)
    await core.restart(downtime=0.1)
    await changes.wait_event(RoonEvent.CONNECTED)
    await _play(hass, connection, media_id)
    assert _queue(core)[0] == "Concierto de Aranjuez"


async def test_play_radio(
    hass: HomeAssistant, connection: RoonConnection, core: FakeRoonCore
) -> None:
    await _play(hass, connection, "aime://browse/internet_radio/FIP")
    assert _queue(core) == ["FIP"]
    with pytest.raises(ServiceValidationError) as caught:
        await _play(hass, connection, "aime://browse/internet_radio/FIP", MediaPlayerEnqueue.ADD)
    assert caught.value.translation_key == "roon_enqueue_unsupported"


async def test_play_by_name(
    hass: HomeAssistant, connection: RoonConnection, core: FakeRoonCore
) -> None:
    await _play(hass, connection, "kind of blue", media_type="album")
    assert _queue(core)[0] == "So What"
    await _play(hass, connection, "aime://search/artist/Bjork")
    assert _queue(core)[:2] == ["Hunter", "Jóga"]
    await _play(hass, connection, "aime://search/track/hit?artist=Queen")
    assert _queue(core) == ["Queen hit"]
    await _play(hass, connection, "aime://search/playlist/late%20night%20jazz",
                MediaPlayerEnqueue.ADD)  # fmt: skip
    assert _queue(core) == ["Queen hit", "So What", "Blue in Green", "Locomotion", "Saeta"]


async def test_play_errors(hass: HomeAssistant, connection: RoonConnection) -> None:
    cases = {
        "aime://browse/albums": "roon_bad_media_id",
        "aime://browse/albums/Nope": "roon_not_found",
        "aime://browse/genres/Rock": "roon_not_found",  # nothing to play in it
        "aime://search/album/Nothing%20Like%20This": "roon_not_found",
        "aime://browse/albums/Greatest%20Hits": "roon_ambiguous",
    }
    for media_id, key in cases.items():
        with pytest.raises(ServiceValidationError) as caught:
            await _play(hass, connection, media_id)
        assert caught.value.translation_key == key, media_id
    with pytest.raises(ServiceValidationError) as caught:
        await _play(hass, connection, "aime://browse/genres/Filler", MediaPlayerEnqueue.NEXT)
    assert caught.value.translation_key == "roon_enqueue_unsupported"
    with pytest.raises(HomeAssistantError):
        await _play(hass, connection, "aime://browse/albums/Debut", zone_id="zone-nope")


# --- search ---------------------------------------------------------------------------------


async def test_search_items(
    hass: HomeAssistant, connection: RoonConnection, core: FakeRoonCore
) -> None:
    search = partial(async_search_items, hass, connection, session="s", thumbnail=_proxied)
    results = await search("blue")
    classes = [(r.media_class, r.title) for r in results]
    assert (MediaClass.ALBUM, "Kind of Blue · Miles Davis") in classes
    assert (MediaClass.TRACK, "Blue in Green · Miles Davis") in classes
    assert all(r.can_play and not r.can_expand for r in results)
    album = next(r for r in results if r.title.startswith("Blue Train"))
    assert album.media_content_id == "aime://search/album/Blue%20Train?artist=John+Coltrane"
    assert album.thumbnail == "/proxy/img-blue-train"

    await _play(hass, connection, album.media_content_id)
    assert _queue(core)[0] == "Blue Train"

    albums = await search("bjork", [MediaClass.ALBUM])
    assert [r.title for r in albums] == ["Homogenic · Björk", "Debut · Björk"]
    artists = await search("bjork", [MediaClass.ARTIST])
    assert [(r.title, r.media_content_id) for r in artists] == [
        ("Björk", "aime://search/artist/Bj%C3%B6rk")
    ]
    assert await search("zzz") == []


@dataclass
class Query:
    """The fields of ``SearchMediaQuery``, for a Home Assistant that has no such type."""

    search_query: str
    media_content_type: str | None = None
    media_filter_classes: list[MediaClass] | None = None


async def test_search_ranks_the_closest_first(
    hass: HomeAssistant, connection: RoonConnection
) -> None:
    """The very title first, then titles starting so, then the others in Roon's order."""
    search = partial(async_search_items, hass, connection, session="s", thumbnail=_proxied)
    results = await search("Kind of Blue")
    assert results[0].title == "Kind of Blue · Miles Davis"
    assert results[0].media_class == MediaClass.ALBUM
    [first, *_] = await search("so what")
    assert first.title == "So What · Miles Davis"


@pytest.mark.parametrize("classes", [None, [], [MediaClass.MUSIC], [MediaClass.PODCAST]])
async def test_search_without_a_searchable_class_searches_everything(
    hass: HomeAssistant, connection: RoonConnection, classes: list[MediaClass] | None
) -> None:
    """``music`` (what LLM agents send), no class, or one Roon has not: every kind is searched."""
    search = partial(async_search_items, hass, connection, session="s", thumbnail=_proxied)
    everything = await search("blue")
    assert {r.media_class for r in everything} >= {MediaClass.ALBUM, MediaClass.TRACK}
    assert [r.title for r in await search("blue", classes)] == [r.title for r in everything]


@since("2025.5", "SearchMedia")
async def test_search_media_answers_search_media(
    hass: HomeAssistant, connection: RoonConnection
) -> None:
    """Home Assistant's own ``SearchMediaQuery`` in, its ``SearchMedia`` out."""
    from homeassistant.components.media_player import SearchMedia, SearchMediaQuery

    query = SearchMediaQuery(search_query="coltrane", media_filter_classes=[MediaClass.ALBUM])
    found = await async_search_media(hass, connection, KITCHEN, query, thumbnail=_proxied)
    assert isinstance(found, SearchMedia)
    assert [r.title for r in found.result] == [
        "A Love Supreme · John Coltrane",
        "Blue Train · John Coltrane",
    ]


@before("2025.5", "it added SearchMedia")
async def test_search_media_answers_a_list_without_search_media(
    hass: HomeAssistant, connection: RoonConnection
) -> None:
    """Before ``SearchMedia`` existed, the results themselves are returned."""
    query = Query("coltrane", media_filter_classes=[MediaClass.ALBUM])
    results = await async_search_media(hass, connection, KITCHEN, query, thumbnail=_proxied)
    assert [r.title for r in results] == [
        "A Love Supreme · John Coltrane",
        "Blue Train · John Coltrane",
    ]
