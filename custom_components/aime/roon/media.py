"""The media browser, play by name and media search of Roon zones (media players delegate here).

Media ids are ours and stable (``roon_library``): a browse path of titles or a search, never a
Roon item key, so a bookmarked id, a script or a voice command still works tomorrow. Browsing
uses the caller's ``multi_session_key``; playing walks its own session; all Roon calls run in
the executor and their failures become translated errors.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Any, Final

from homeassistant.components import media_player
from homeassistant.components.media_player import MediaPlayerEnqueue
from homeassistant.components.media_player.browse_media import BrowseMedia
from homeassistant.components.media_player.const import MediaClass, MediaType
from homeassistant.components.media_player.errors import BrowseError
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError

from ..clients.roon import PlayAction, RoonBrowseItem, RoonConnection, SearchKind
from ..const import DOMAIN
from .coordinator import async_roon_command
from .library import (
    ROOT_ID,
    BrowsePath,
    Listing,
    SearchTarget,
    list_items,
    parse_media_id,
    play_path,
    search,
    visible,
)

# Feature-detected: Home Assistant 2025.5 added media search (SearchMedia, SearchMediaQuery).
SEARCH_MEDIA: Callable[..., Any] | None = getattr(media_player, "SearchMedia", None)

type Thumbnail = Callable[[str], str]

_HIERARCHY_TITLES: Final[dict[str, str]] = {
    "artists": "Artists",
    "albums": "Albums",
    "playlists": "Playlists",
    "genres": "Genres",
    "internet_radio": "Live Radio",
}
# What the items at each depth of a hierarchy are (deeper: the last one).
_LEVEL_CLASSES: Final[dict[str, tuple[MediaClass, ...]]] = {
    "artists": (MediaClass.ARTIST, MediaClass.ALBUM, MediaClass.TRACK),
    "albums": (MediaClass.ALBUM, MediaClass.TRACK),
    "playlists": (MediaClass.PLAYLIST, MediaClass.TRACK),
    "genres": (MediaClass.GENRE, MediaClass.ALBUM, MediaClass.TRACK),
    "internet_radio": (MediaClass.CHANNEL,),
}
_SEARCH_CLASSES: Final[dict[SearchKind, MediaClass]] = {
    "artist": MediaClass.ARTIST,
    "album": MediaClass.ALBUM,
    "track": MediaClass.TRACK,
    "playlist": MediaClass.PLAYLIST,
}
_ACTIONS: Final[dict[MediaPlayerEnqueue, PlayAction]] = {
    MediaPlayerEnqueue.PLAY: PlayAction.PLAY_NOW,
    MediaPlayerEnqueue.REPLACE: PlayAction.PLAY_NOW,  # Roon's "Play Now" replaces the queue
    MediaPlayerEnqueue.NEXT: PlayAction.ADD_NEXT,
    MediaPlayerEnqueue.ADD: PlayAction.QUEUE,
}


def _level_class(hierarchy: str, depth: int) -> MediaClass:
    classes = _LEVEL_CLASSES[hierarchy]
    return classes[min(depth, len(classes) - 1)]


def _directory(media_id: str, title: str, children_class: MediaClass) -> BrowseMedia:
    return BrowseMedia(
        media_class=MediaClass.DIRECTORY,
        media_content_id=media_id,
        media_content_type=MediaType.MUSIC,
        title=title,
        can_play=False,
        can_expand=True,
        children_media_class=children_class,
    )


def _root() -> BrowseMedia:
    root = _directory(ROOT_ID, "Roon", MediaClass.DIRECTORY)
    root.children = [
        _directory(BrowsePath(hierarchy).media_id, title, _level_class(hierarchy, 0))
        for hierarchy, title in _HIERARCHY_TITLES.items()
    ]
    return root


def _item(
    item: RoonBrowseItem,
    media_id: str,
    media_class: MediaClass,
    thumbnail: Thumbnail,
    *,
    can_expand: bool,
) -> BrowseMedia:
    return BrowseMedia(
        media_class=media_class,
        media_content_id=media_id,
        media_content_type=media_class.value,
        title=item.title,
        can_play=item.hint in ("list", "action_list", "action"),
        can_expand=can_expand,
        thumbnail=thumbnail(item.image_key) if item.image_key else None,
    )


def _subtitle_if_shared(item: RoonBrowseItem, titles: list[str]) -> str | None:
    """A title shared by several items of a list is told apart by the item's subtitle."""
    return item.subtitle if titles.count(item.title) > 1 else None


def _listing(listing: Listing, path: BrowsePath, thumbnail: Thumbnail) -> BrowseMedia:
    depth = len(path.steps)
    child_class = _level_class(path.hierarchy, depth)
    place = path.page(0)
    shown = visible(listing.items)
    titles = [item.title for item in shown]
    children = [
        _item(
            item,
            place.child(item.title, _subtitle_if_shared(item, titles)).media_id,
            child_class,
            thumbnail,
            can_expand=item.hint == "list",
        )
        for item in shown
    ]
    next_offset = listing.offset + len(listing.items)
    if listing.items and next_offset < listing.total:
        children.append(
            _directory(place.page(next_offset).media_id, f"{next_offset + 1}…", child_class)
        )
    if listing.title is None:
        node = _directory(path.media_id, _HIERARCHY_TITLES[path.hierarchy], child_class)
    else:
        node = _item(
            RoonBrowseItem(listing.title, None, listing.image_key, None, "list"),
            path.media_id,
            _level_class(path.hierarchy, depth - 1),
            thumbnail,
            can_expand=True,
        )
        node.children_media_class = child_class
    node.children = children
    return node


async def async_browse_media(
    hass: HomeAssistant,
    connection: RoonConnection,
    media_content_type: str | None,
    media_content_id: str | None,
    *,
    session_key: str,
    thumbnail: Thumbnail | None = None,
) -> BrowseMedia:
    """Browse the library in the caller's browse session (``multi_session_key``).

    ``thumbnail`` turns a Roon image key into a URL: by default the Core's own image URL; a
    media player passes its proxied browse-image URL instead.
    """
    if not media_content_id or media_content_id == ROOT_ID:
        return _root()
    try:
        path = parse_media_id(media_content_id, media_content_type)
    except ServiceValidationError:
        path = None
    if not isinstance(path, BrowsePath):
        raise BrowseError(
            translation_domain=DOMAIN,
            translation_key="roon_bad_media_id",
            translation_placeholders={"media_id": media_content_id},
        )
    listing = await async_roon_command(hass, list_items, connection, path, session_key)
    return _listing(listing, path, thumbnail or connection.image_url)


async def async_play_media(  # noqa: PLR0917 (contract C4, mirrors MediaPlayerEntity)
    hass: HomeAssistant,
    connection: RoonConnection,
    zone_id: str,
    media_type: str,
    media_id: str,
    enqueue: MediaPlayerEnqueue | None,
) -> None:
    """Play one of our media ids (or a plain album/artist/track/playlist name) in a zone."""
    target = parse_media_id(media_id, media_type)
    action = _ACTIONS[enqueue or MediaPlayerEnqueue.PLAY]
    if isinstance(target, BrowsePath):
        await async_roon_command(hass, play_path, connection, zone_id, target, action)
        return
    play = partial(connection.search_and_play, artist=target.artist)
    await async_roon_command(hass, play, zone_id, target.query, target.kind, action)


async def async_search_items(
    hass: HomeAssistant,
    connection: RoonConnection,
    text: str,
    classes: Sequence[str] | None = None,
    *,
    session: str,
    thumbnail: Thumbnail | None = None,
) -> list[BrowseMedia]:
    """Search the library: playable results, Roon's best first, each with a search id."""
    kinds = [kind for kind, cls in _SEARCH_CLASSES.items() if not classes or cls in classes]
    found = await async_roon_command(hass, search, connection, text, kinds, session)
    image = thumbnail or connection.image_url
    results: list[BrowseMedia] = []
    for kind, item in found:
        artist = item.subtitle if kind in ("album", "track") else None
        media_id = SearchTarget(kind, item.title, artist).media_id
        result = _item(item, media_id, _SEARCH_CLASSES[kind], image, can_expand=False)
        if artist:
            result.title = f"{item.title} · {artist}"
        results.append(result)
    return results


async def async_search_media(
    hass: HomeAssistant, connection: RoonConnection, zone_id: str, query: Any
) -> Any:
    """``SearchMedia`` for a ``SearchMediaQuery`` (Home Assistant 2025.5 and later).

    Reads ``search_query`` and ``media_filter_classes``; on an older Home Assistant (no
    ``SearchMedia``) the list of results itself is returned.
    """
    results = await async_search_items(
        hass,
        connection,
        str(query.search_query),
        getattr(query, "media_filter_classes", None),
        session=f"aime-search-{zone_id}",
    )
    if SEARCH_MEDIA is None:
        return results
    return SEARCH_MEDIA(result=results)
