"""Stable media ids for a Roon library, and the blocking walks that find their items again.

Roon's item keys live only as long as the browse session that handed them out, so none is
ever given to Home Assistant. Our ids say where to find an item instead:

- ``aime://browse/<hierarchy>/<title>/<title>...``: a browse path of titles, from one of the
  hierarchies ``artists``, ``albums``, ``playlists``, ``genres``, ``internet_radio``. A title
  shared by several items of a list carries the item's subtitle: ``<title>@<subtitle>``.
  Pages after the first add ``?offset=<n>``. Every part is URL-quoted.
- ``aime://search/<album|artist|track|playlist>/<query>[?artist=<name>]``: Roon's search, the
  best match (case, accents and edition notes ignored; the artist breaks ties).
- A plain name with the media type ``album``, ``artist``, ``track`` or ``playlist`` (what
  scripts and voice assistants send) is a search too.

Each walk starts from the hierarchy's root in its browse session (``multi_session_key``) and
holds that session's lock: a walk moves the session's position. Everything here blocks.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
import threading
from typing import Final
from urllib.parse import parse_qs, quote, unquote, urlencode, urlsplit
import weakref

from homeassistant.exceptions import ServiceValidationError

from ..clients.roon import (
    PLAY_SESSION,
    PlayAction,
    RoonBrowseItem,
    RoonCommandError,
    RoonConnection,
    RoonFailure,
    SearchKind,
)
from ..exceptions import validation_error

SCHEME: Final = "aime"
ROOT_ID: Final = f"{SCHEME}://browse"
PAGE: Final = 100  # children per browse page
SCAN_LIMIT: Final = 5000  # items looked through to find one title in a list
SEARCH_LIMIT: Final = 25  # results per category
PATH_SESSION: Final = f"{PLAY_SESSION}-path"
HIERARCHIES: Final = ("artists", "albums", "playlists", "genres", "internet_radio")
SEARCH_CATEGORIES: Final[dict[SearchKind, str]] = {
    "artist": "Artists",
    "album": "Albums",
    "track": "Tracks",
    "playlist": "Playlists",
}

_locks: weakref.WeakKeyDictionary[RoonConnection, dict[str, threading.Lock]] = (
    weakref.WeakKeyDictionary()
)
_locks_guard = threading.Lock()


@dataclass(frozen=True, slots=True)
class BrowsePath:
    """Where an item is: a hierarchy and the titles (with subtitles if needed) down to it."""

    hierarchy: str
    steps: tuple[tuple[str, str | None], ...] = ()
    offset: int = 0

    @property
    def media_id(self) -> str:
        parts = [self.hierarchy]
        for title, subtitle in self.steps:
            step = quote(title, safe="")
            parts.append(step if subtitle is None else f"{step}@{quote(subtitle, safe='')}")
        suffix = f"?offset={self.offset}" if self.offset else ""
        return f"{ROOT_ID}/{'/'.join(parts)}{suffix}"

    def child(self, title: str, subtitle: str | None = None) -> BrowsePath:
        return BrowsePath(self.hierarchy, (*self.steps, (title, subtitle)))

    def page(self, offset: int) -> BrowsePath:
        return BrowsePath(self.hierarchy, self.steps, offset)


@dataclass(frozen=True, slots=True)
class SearchTarget:
    kind: SearchKind
    query: str
    artist: str | None = None

    @property
    def media_id(self) -> str:
        suffix = f"?{urlencode({'artist': self.artist})}" if self.artist else ""
        return f"{SCHEME}://search/{self.kind}/{quote(self.query, safe='')}{suffix}"


@dataclass(frozen=True, slots=True)
class Listing:
    """One page of an open list; ``total`` counts the whole list, hidden entries included."""

    title: str | None
    image_key: str | None
    total: int
    offset: int
    items: tuple[RoonBrowseItem, ...]


# Media ids of Home Assistant's media sources and plain URLs (AIME's own are handled before).
_NOT_ROON = ("media-source://", "http://", "https://")


def bad_media_id(media_id: str) -> ServiceValidationError:
    return validation_error("roon_bad_media_id", {"media_id": media_id})


def parse_media_id(media_id: str, media_type: str | None = None) -> BrowsePath | SearchTarget:
    """Read one of our ids; a plain name of a searchable media type is a search."""
    if media_id.startswith(_NOT_ROON):
        # Roon plays its library and radios only: no file, stream or spoken text (TTS).
        raise validation_error("roon_cannot_play_url", {"media_id": media_id})
    if not media_id.startswith(f"{SCHEME}://"):
        if media_type in SEARCH_CATEGORIES and media_id.strip():
            return SearchTarget(media_type, media_id.strip())
        raise bad_media_id(media_id)
    parts = urlsplit(media_id)
    segments = [segment for segment in parts.path.split("/") if segment]
    query = parse_qs(parts.query)
    if parts.netloc == "browse" and segments and segments[0] in HIERARCHIES:
        offset = query.get("offset", ["0"])[0]
        if offset.isdigit():
            steps = tuple(_step(segment) for segment in segments[1:])
            return BrowsePath(segments[0], steps, int(offset))
    if parts.netloc == "search" and len(segments) == 2 and segments[0] in SEARCH_CATEGORIES:
        artist = query.get("artist", [None])[0]
        return SearchTarget(segments[0], unquote(segments[1]), artist)
    raise bad_media_id(media_id)


def _step(segment: str) -> tuple[str, str | None]:
    title, at, subtitle = segment.partition("@")
    return unquote(title), unquote(subtitle) if at else None


def _lock(connection: RoonConnection, session: str) -> threading.Lock:
    with _locks_guard:
        return _locks.setdefault(connection, {}).setdefault(session, threading.Lock())


def is_play_entry(item: RoonBrowseItem) -> bool:
    """The "Play Album"-like entry heading a list: played through its parent, not listed."""
    return item.hint == "action_list" and item.title.startswith("Play ") and not item.subtitle


def visible(items: Sequence[RoonBrowseItem]) -> list[RoonBrowseItem]:
    return [item for item in items if item.hint != "header" and not is_play_entry(item)]


def _find(
    connection: RoonConnection, hierarchy: str, session: str, step: tuple[str, str | None]
) -> RoonBrowseItem:
    """The item of the open list named by ``step``: exact title first, then ignoring case."""
    title, subtitle = step
    items: list[RoonBrowseItem] = []
    while len(items) < SCAN_LIMIT:
        page = connection.load(hierarchy, session=session, offset=len(items), count=PAGE)
        items += page.items
        if not page.items or len(items) >= page.count:
            break
    for folded in (False, True):
        found = [
            item
            for item in visible(items)
            if (item.title.casefold() == title.casefold() if folded else item.title == title)
            and subtitle in (None, item.subtitle)
        ]
        if len(found) == 1:
            return found[0]
        if found:
            raise validation_error(
                "roon_ambiguous",
                {
                    "title": title,
                    "choices": ", ".join(item.subtitle or "?" for item in found),
                },
            )
    raise RoonCommandError(RoonFailure.NOT_FOUND, title)


def _walk(connection: RoonConnection, path: BrowsePath, session: str) -> RoonBrowseItem | None:
    """Open the path's hierarchy and walk down it; lists on the way (and at the end) open."""
    connection.browse(path.hierarchy, session=session, count=0)
    item: RoonBrowseItem | None = None
    for step in path.steps:
        if item is not None and item.hint != "list":
            raise RoonCommandError(RoonFailure.NOT_FOUND, step[0])
        item = _find(connection, path.hierarchy, session, step)
        if item.hint == "list":
            connection.browse(path.hierarchy, item.item_key, session=session, count=0)
    return item


def list_items(connection: RoonConnection, path: BrowsePath, session: str) -> Listing:
    """One page of the list ``path`` names."""
    with _lock(connection, session):
        item = _walk(connection, path, session)
        if item is not None and item.hint != "list":
            raise RoonCommandError(RoonFailure.NOT_FOUND, f"{item.title} is not a list")
        page = connection.load(path.hierarchy, session=session, offset=path.offset, count=PAGE)
    if item is None:
        return Listing(None, None, page.count, page.offset, page.items)
    return Listing(item.title, item.image_key, page.count, page.offset, page.items)


def play_path(
    connection: RoonConnection, zone_id: str, path: BrowsePath, action: PlayAction
) -> None:
    """Walk to the item and run ``action`` on it in the zone, in our own session."""
    session = PATH_SESSION
    with _lock(connection, session):
        item = _walk(connection, path, session)
        if item is None:
            raise bad_media_id(path.media_id)
        hierarchy = path.hierarchy
        if item.hint == "action":  # a radio station: it only plays
            if action is not PlayAction.PLAY_NOW:
                raise enqueue_unsupported(item.title, action)
            connection.browse(hierarchy, item.item_key, session=session, zone_id=zone_id)
            return
        if item.hint == "list":  # an album, artist...: its "Play ..." entry
            page = connection.load(hierarchy, session=session, count=PAGE)
            entry = next((i for i in page.items if i.hint == "action_list"), None)
            if entry is None:
                raise RoonCommandError(RoonFailure.NOT_FOUND, f"nothing to play in {item.title}")
            item = entry
        actions = connection.browse(hierarchy, item.item_key, session=session)
        offered = actions.items if actions is not None else ()
        chosen = next((i for i in offered if i.hint == "action" and i.title == action), None)
        if chosen is None:
            raise enqueue_unsupported(item.title, action)
        connection.browse(hierarchy, chosen.item_key, session=session, zone_id=zone_id)


def enqueue_unsupported(title: str, action: PlayAction) -> ServiceValidationError:
    return validation_error("roon_enqueue_unsupported", {"title": title, "action": action.value})


def search(
    connection: RoonConnection, text: str, kinds: Sequence[SearchKind], session: str
) -> list[tuple[SearchKind, RoonBrowseItem]]:
    """Roon's search: up to ``SEARCH_LIMIT`` items of each kind asked for, in Roon's order."""
    found: list[tuple[SearchKind, RoonBrowseItem]] = []
    with _lock(connection, session):
        root = connection.browse("search", session=session, search_input=text)
        categories = {item.title: item for item in root.items} if root is not None else {}
        for kind in kinds:
            category = categories.get(SEARCH_CATEGORIES[kind])
            if category is None:
                continue
            page = connection.browse(
                "search", category.item_key, session=session, count=SEARCH_LIMIT
            )
            found += [(kind, item) for item in page.items] if page is not None else []
    return found
