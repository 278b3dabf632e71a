"""AIME as a media source: playlists, recent plays, tops of a period and the record collection.

Ids are ``media-source://aime/<path>``; every playable one names what to play by *names* (or a
saved playlist's id), never by a Roon item key, so it stays valid across restarts:

    playlists                 saved playlists, newest first  -> playlist/<id>
    generate                  one per algorithm              -> generate/<algorithm>
    recent                    the last plays                 -> search/track/<title>?artist=
    top/<window>              albums, artists and tracks of a period -> search/<kind>/<name>?artist=
    collection[/<page>]       the Discogs records            -> search/album/<title>?artist=

Roon cannot play a URL, so these items play on AIME's Roon players only: the players hand them to
``async_play_on_roon``; any other player gets a translated error from ``async_resolve_media``.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from homeassistant.components.media_player.browse_media import BrowseMedia
from homeassistant.components.media_player.const import MediaClass, MediaType
from homeassistant.components.media_source import (
    BrowseMediaSource,
    MediaSource,
    MediaSourceItem,
    PlayMedia,
    Unresolvable,
)
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util

from ..clients.roon import SearchKind
from ..const import DOMAIN
from ..core.playlists.models import Algorithm, Playlist, PlaylistRequest, PlaylistSummary
from ..core.stats.models import CollectionPage, HistoryPage, Window, WindowStats
from ..core.store.store import Store
from ..exceptions import validation_error
from ..hub.lookup import require_hub_store
from ..playlists.services import async_generate_playlist
from ..texts import async_option_labels, strings_of
from .library import SCHEME, SearchTarget, parse_media_id

PREFIX: Final = f"media-source://{DOMAIN}"
RECENT_PLAYS: Final = 50
TOP_ITEMS: Final = 25
COLLECTION_PAGE: Final = 100
TOP_WINDOWS: Final = (Window.DAYS_7, Window.DAYS_30, Window.DAYS_365, Window.ALL)
# Generate-and-play needs no prompt: ai_generated (which does) is offered by the action only.
GENERATED: Final = tuple(a for a in Algorithm if a is not Algorithm.AI_GENERATED)
SEARCH_KINDS: Final[dict[SearchKind, MediaClass]] = {
    "album": MediaClass.ALBUM,
    "artist": MediaClass.ARTIST,
    "track": MediaClass.TRACK,
}


async def async_get_media_source(hass: HomeAssistant) -> AimeMediaSource:
    """Home Assistant's entry point for the ``media_source`` platform."""
    return AimeMediaSource()


def is_aime_media_id(media_id: str | None) -> bool:
    """Whether the id is one of this source's."""
    return bool(media_id) and (media_id == PREFIX or str(media_id).startswith(f"{PREFIX}/"))


def _search_identifier(target: SearchTarget) -> str:
    """A Roon search id (``roon/library.py``) as this source's identifier."""
    return target.media_id.removeprefix(f"{SCHEME}://")


def search_media_id(target: SearchTarget) -> str:
    """The media id that plays a Roon search on an AIME Roon player (the panel's buttons)."""
    return f"{PREFIX}/{_search_identifier(target)}"


class AimeMediaSource(MediaSource):
    """Browse what AIME knows of the listening history; play it on a Roon player."""

    name = "AIME"

    def __init__(self) -> None:
        """One source for the whole integration."""
        super().__init__(DOMAIN)

    async def async_resolve_media(self, item: MediaSourceItem) -> PlayMedia:
        """Roon plays these itself: no URL can be given to another player."""
        raise Unresolvable(
            translation_domain=DOMAIN,
            translation_key="media_source_roon_only",
            translation_placeholders={"media_id": f"{PREFIX}/{item.identifier}"},
        )

    async def async_browse_media(self, item: MediaSourceItem) -> BrowseMediaSource:
        """The folder or item at ``item.identifier``."""
        return await async_browse(item.hass, item.identifier or "")


async def async_browse(hass: HomeAssistant, identifier: str) -> BrowseMediaSource:
    """Browse one of this source's folders (blocking store reads run in the executor)."""
    labels = strings_of(hass, "media_browser")
    windows = await async_option_labels(hass, "playlist_window")
    algorithms = await async_option_labels(hass, "playlist_algorithm")
    segments = identifier.split("/")
    if identifier == "":
        root = _folder("", labels["root"])
        root.children = [_folder(key, labels[key]) for key in ("playlists", "generate", "recent")]
        root.children += [
            _folder(f"top/{window.value}", f"{labels['top']} · {windows[window.value]}")
            for window in TOP_WINDOWS
        ]
        root.children.append(_folder("collection", labels["collection"]))
        return root
    if identifier == "playlists":
        return await _async_playlists(hass, labels)
    if identifier == "generate":
        folder = _folder("generate", labels["generate"])
        folder.children = [
            _playable(
                f"generate/{algorithm.value}",
                algorithms.get(algorithm.value, algorithm.value),
                MediaClass.PLAYLIST,
            )
            for algorithm in GENERATED
        ]
        return folder
    if identifier == "recent":
        return await _async_recent(hass, labels)
    if segments[0] == "top" and len(segments) == 2 and segments[1] in Window:
        return await _async_top(hass, Window(segments[1]), labels, windows)
    if segments[0] == "collection" and len(segments) <= 2:
        page = segments[1] if len(segments) == 2 else "0"
        if page.isdigit() and len(page) < 6:
            return await _async_collection(hass, int(page), labels)
    raise validation_error("media_source_unknown_id", {"media_id": f"{PREFIX}/{identifier}"})


def _folder(identifier: str, title: str) -> BrowseMediaSource:
    return BrowseMediaSource(
        domain=DOMAIN,
        identifier=identifier,
        media_class=MediaClass.DIRECTORY,
        media_content_type=MediaType.MUSIC,
        title=title,
        can_play=False,
        can_expand=True,
        children=[],
        children_media_class=MediaClass.DIRECTORY,
    )


def _playable(
    identifier: str, title: str, media_class: MediaClass, thumbnail: str | None = None
) -> BrowseMediaSource:
    return BrowseMediaSource(
        domain=DOMAIN,
        identifier=identifier,
        media_class=media_class,
        media_content_type=MediaType.MUSIC,
        title=title,
        can_play=True,
        can_expand=False,
        thumbnail=thumbnail,
    )


def _search_item(item: SearchTarget, thumbnail: str | None = None) -> BrowseMediaSource:
    title = item.query if item.artist is None else f"{item.query} · {item.artist}"
    return _playable(_search_identifier(item), title, SEARCH_KINDS[item.kind], thumbnail)


async def _async_playlists(hass: HomeAssistant, labels: Mapping[str, str]) -> BrowseMediaSource:
    access = require_hub_store(hass)
    summaries: list[PlaylistSummary] = await access.async_run(access.store.playlists.summaries)
    folder = _folder("playlists", labels["playlists"])
    folder.children = [
        _playable(f"playlist/{summary.id}", summary.name, MediaClass.PLAYLIST)
        for summary in summaries
    ]
    folder.children_media_class = MediaClass.PLAYLIST
    return folder


async def _async_recent(hass: HomeAssistant, labels: Mapping[str, str]) -> BrowseMediaSource:
    access = require_hub_store(hass)
    page: HistoryPage = await access.async_run(
        lambda: access.store.stats.history(page_size=RECENT_PLAYS)
    )
    covers = await access.async_run(_album_covers, access.store, [e.album_id for e in page.entries])
    folder = _folder("recent", labels["recent"])
    folder.children = [
        _search_item(SearchTarget("track", entry.title, entry.artist), covers.get(entry.album_id))
        for entry in page.entries
    ]
    folder.children_media_class = MediaClass.TRACK
    return folder


async def _async_top(
    hass: HomeAssistant, window: Window, labels: Mapping[str, str], windows: dict[str, str]
) -> BrowseMediaSource:
    access = require_hub_store(hass)
    stats: WindowStats = await access.async_run(
        access.store.stats.window, dt_util.now(), window, TOP_ITEMS
    )
    covers = await access.async_run(_album_covers, access.store, [a.id for a in stats.top_albums])
    folder = _folder(f"top/{window.value}", f"{labels['top']} · {windows[window.value]}")
    albums = [
        _search_item(SearchTarget("album", album.name, album.artist), covers.get(album.id))
        for album in stats.top_albums
    ]
    artists = [_search_item(SearchTarget("artist", artist.name)) for artist in stats.top_artists]
    tracks = [
        _search_item(SearchTarget("track", track.name, track.artist)) for track in stats.top_tracks
    ]
    folder.children = [*albums, *artists, *tracks]
    return folder


async def _async_collection(
    hass: HomeAssistant, page: int, labels: Mapping[str, str]
) -> BrowseMediaSource:
    access = require_hub_store(hass)
    listing: CollectionPage = await access.async_run(
        lambda: access.store.stats.collection_page(page=page, page_size=COLLECTION_PAGE)
    )
    folder = _folder(f"collection/{page}", labels["collection"])
    folder.children = [
        _search_item(SearchTarget("album", record.title, record.artist), record.cover_url)
        for record in listing.records
    ]
    if (page + 1) * COLLECTION_PAGE < listing.total:
        folder.children.append(_folder(f"collection/{page + 1}", labels["more"]))
    folder.children_media_class = MediaClass.ALBUM
    return folder


def _album_covers(store: Store, album_ids: list[int]) -> dict[int, str]:
    """Album covers that Spotify enrichment found (blocking)."""
    covers: dict[int, str] = {}
    for album_id in set(album_ids):
        found = store.enrichment.album(album_id, "spotify")
        if found is not None and found.image_url:
            covers[album_id] = found.image_url
    return covers


# --- playing on a Roon player --------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RoonTarget:
    """What a media-source id asks a Roon zone to play: a search or a playlist's tracks."""

    search: SearchTarget | None = None
    playlist: Playlist | None = None


async def async_roon_target(hass: HomeAssistant, media_id: str) -> RoonTarget:
    """Read an id of this source into what to play; a new playlist is generated and kept."""
    identifier = media_id.removeprefix(PREFIX).lstrip("/")
    if identifier.startswith("search/"):
        search = parse_media_id(f"{SCHEME}://{identifier}")
        if isinstance(search, SearchTarget):
            return RoonTarget(search=search)
    kind, _, value = identifier.partition("/")
    if kind == "playlist" and value.isdigit() and len(value) < 19:
        access = require_hub_store(hass)
        playlist = await access.async_run(access.store.playlists.get, int(value))
        if playlist is None:
            raise validation_error("unknown_playlist", {"playlist_id": value})
        return RoonTarget(playlist=playlist)
    if kind == "generate" and value in {algorithm.value for algorithm in GENERATED}:
        request = PlaylistRequest(Algorithm(value), dt_util.now())
        return RoonTarget(playlist=await async_generate_playlist(hass, request))
    raise validation_error("media_source_not_playable", {"media_id": media_id})


def browse_root_entry(title: str) -> BrowseMedia:
    """AIME's folder in a Roon player's own media browser."""
    return BrowseMedia(
        media_class=MediaClass.DIRECTORY,
        media_content_id=PREFIX,
        media_content_type=MediaType.MUSIC,
        title=title,
        can_play=False,
        can_expand=True,
    )
