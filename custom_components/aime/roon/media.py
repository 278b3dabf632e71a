"""The media browser, play by name and media search of Roon zones (media players delegate here).

Media ids are ours and stable (``roon_library``): a browse path of titles or a search, never a
Roon item key, so a bookmarked id, a script or a voice command still works tomorrow. Browsing
uses the caller's ``multi_session_key``; playing walks its own session; all Roon calls run in
the executor and their failures become translated errors.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
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
from ..core.normalize import fold
from ..texts import strings_of
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

# The library's top folders, in this order, and what the items at each depth of one are
# (deeper: the last one). Their titles are the ``roon_browse`` strings.
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


def _root(folder_titles: Mapping[str, str]) -> BrowseMedia:
    root = _directory(ROOT_ID, "Roon", MediaClass.DIRECTORY)
    root.children = [
        _directory(
            BrowsePath(hierarchy).media_id, folder_titles[hierarchy], _level_class(hierarchy, 0)
        )
        for hierarchy in _LEVEL_CLASSES
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


def _listing(
    listing: Listing, path: BrowsePath, thumbnail: Thumbnail, folder_titles: Mapping[str, str]
) -> BrowseMedia:
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
        node = _directory(path.media_id, folder_titles[path.hierarchy], child_class)
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
    thumbnail: Thumbnail,
) -> BrowseMedia:
    """Browse the library in the caller's browse session (``multi_session_key``).

    ``thumbnail`` turns a Roon image key into a URL served by Home Assistant (the media
    player's browse-image proxy): the Core's own URL works on its LAN only and names it.
    """
    folder_titles = strings_of(hass, "roon_browse")  # The top folders in HA's language.
    if not media_content_id or media_content_id == ROOT_ID:
        return _root(folder_titles)
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
    return _listing(listing, path, thumbnail, folder_titles)


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
    thumbnail: Thumbnail,
) -> list[BrowseMedia]:
    """Search the library: playable results, the closest first, each with a search id.

    Classes naming none of the kinds searched (none, or ``music`` as LLM agents send) search
    every kind: a filter that can match nothing would only ever answer nothing.
    """
    kinds = [kind for kind, cls in _SEARCH_CLASSES.items() if cls in (classes or ())]
    found = await async_roon_command(
        hass, search, connection, text, kinds or list(_SEARCH_CLASSES), session
    )
    results: list[BrowseMedia] = []
    for kind, item in sorted(found, key=partial(_relevance, fold(text))):
        artist = item.subtitle if kind in ("album", "track") else None
        media_id = SearchTarget(kind, item.title, artist).media_id
        result = _item(item, media_id, _SEARCH_CLASSES[kind], thumbnail, can_expand=False)
        if artist:
            result.title = f"{item.title} · {artist}"
        results.append(result)
    return results


def _relevance(wanted: str, found: tuple[SearchKind, RoonBrowseItem]) -> int:
    """0 for the very title (alone or with its artist), 1 when it starts so, 2 when it holds
    it, 3 otherwise; ties keep Roon's order (artists, albums, tracks, playlists)."""
    _, item = found
    title = fold(item.title)
    titles = (title, fold(f"{item.title} {item.subtitle or ''}"))
    if wanted in titles:
        return 0
    if title.startswith(wanted):
        return 1
    return 2 if any(wanted in candidate for candidate in titles) else 3


async def async_search_media(
    hass: HomeAssistant,
    connection: RoonConnection,
    zone_id: str,
    query: Any,
    *,
    thumbnail: Thumbnail,
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
        thumbnail=thumbnail,
    )
    if SEARCH_MEDIA is None:
        return results
    return SEARCH_MEDIA(result=results)
