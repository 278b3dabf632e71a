"""What the panel shows of an album or a track besides its names: a cover and what to play.

Query results (plain dicts of the core's dataclasses) gain, in place:

- ``cover``: the same-origin URL of the album's cover (``covers.py``), or ``None`` when no
  image is known, on every dict with an ``album_id`` (journal entries, collection records,
  album pages, albums of an artist) and on ranked albums; an artist page and ranked artists
  get their artist's image the same way;
- ``play_media_id``: the ``media-source://aime/search/...`` id an AIME Roon player plays, on
  every album and track (a dict with a ``title`` and an ``artist``; ranked albums and tracks),
  on ranked artists and on an artist page.

The covers known are read in the executor together with the query (``async_answer``), which
also walks the result and makes the media ids there: the event loop only signs the covers.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from typing import Any

from homeassistant.core import HomeAssistant, callback

from ..clients.roon import SearchKind
from ..core.stats.covers import known_covers
from ..core.store.store import Store
from ..roon.library import SearchTarget
from ..roon.media_source import search_media_id
from .covers import CoverKind, cover_url

type Node = dict[str, Any]
_RANKED_ALBUMS = frozenset({"top_albums", "top_albums_7d"})
_RANKED_TRACKS = frozenset({"top_tracks"})
_RANKED_ARTISTS = frozenset({"top_artists", "top_artists_7d"})


@dataclass(slots=True)
class KnownCovers:
    """Which albums and artists of a result have an image, and where each goes."""

    albums: set[int] = field(default_factory=set)
    artists: set[int] = field(default_factory=set)
    # Each album or artist of the result: its kind, id and the dict to give its cover.
    subjects: list[tuple[CoverKind, int, Node]] = field(default_factory=list)


def query_with_covers(query: Callable[[Store], Any], store: Store) -> tuple[Any, KnownCovers]:
    """Run ``query``, find which of its albums and artists have an image and give its albums,
    tracks and artists their media ids (blocking)."""
    result = query(store)
    nodes = list(_nodes(result))
    subjects = list(_subjects(nodes))
    album_ids: set[int] = set()
    artist_ids: set[int] = set()
    for kind, item_id, _node in subjects:
        (album_ids if kind is CoverKind.ALBUM else artist_ids).add(item_id)
    albums, artists = known_covers(store.stats, album_ids, artist_ids)
    for node, target in _playables(nodes):
        node["play_media_id"] = search_media_id(target)
    return result, KnownCovers(set(albums), set(artists), subjects)


@callback
def add_covers_and_media(hass: HomeAssistant, result: Any, known: KnownCovers) -> Any:
    """Give every album and artist of ``result`` its cover (``query_with_covers`` gave the
    media ids)."""
    for kind, item_id, node in known.subjects:
        found = known.albums if kind is CoverKind.ALBUM else known.artists
        node["cover"] = cover_url(hass, kind, item_id) if item_id in found else None
    return result


def _nodes(value: Any, key: str | None = None) -> Iterator[tuple[str | None, Node]]:
    """Every dict of the result, with the key of the list or dict holding it."""
    if isinstance(value, dict):
        yield key, value
        for child_key, child in value.items():
            yield from _nodes(child, child_key)
    elif isinstance(value, list):
        for child in value:
            yield from _nodes(child, key)


def _subjects(nodes: list[tuple[str | None, Node]]) -> Iterator[tuple[CoverKind, int, Node]]:
    for key, node in nodes:
        if key in _RANKED_ALBUMS:
            yield CoverKind.ALBUM, node["id"], node
        elif key in _RANKED_ARTISTS:
            yield CoverKind.ARTIST, node["id"], node
        elif isinstance(node.get("album_id"), int):
            yield CoverKind.ALBUM, node["album_id"], node
        elif _is_artist_page(node):
            yield CoverKind.ARTIST, node["artist_id"], node


def _playables(nodes: list[tuple[str | None, Node]]) -> Iterator[tuple[Node, SearchTarget]]:
    for key, node in nodes:
        if key in _RANKED_ALBUMS | _RANKED_TRACKS:
            kind: SearchKind = "album" if key in _RANKED_ALBUMS else "track"
            yield node, SearchTarget(kind, node["name"], node.get("artist"))
        elif key in _RANKED_ARTISTS or _is_artist_page(node):
            yield node, SearchTarget("artist", node["name"])
        elif isinstance(node.get("title"), str) and isinstance(node.get("artist"), str):
            kind = "track" if "track_id" in node else "album"
            yield node, SearchTarget(kind, node["title"], node["artist"] or None)


def _is_artist_page(node: Node) -> bool:
    return isinstance(node.get("artist_id"), int) and "candidates" in node
