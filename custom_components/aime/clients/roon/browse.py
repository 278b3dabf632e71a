"""Roon's browse service: paging through lists and ``search_and_play``."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
import threading
from typing import Any, Final

from ...core.normalize import album_key, artist_key, fold, track_key
from .const import PAGE_SIZE, PLAY_SESSION, SEARCH_LIMIT
from .models import (
    PlayAction,
    RoonBrowseItem,
    RoonBrowsePage,
    RoonCommandError,
    RoonFailure,
    RoonMatch,
    RoonZone,
    SearchKind,
)
from .parse import _parse_page
from .roonapi_shim import IsolatedRoonApi

_CATEGORY: Final[dict[str, str]] = {
    "album": "Albums",
    "artist": "Artists",
    "track": "Tracks",
    "playlist": "Playlists",
}
_MATCH_KEY: Final[dict[str, Callable[[str], str]]] = {
    "album": album_key,
    "artist": artist_key,
    "track": track_key,
    "playlist": fold,
}


class RoonBrowsing:
    """``RoonConnection``'s browsing half: blocking, like its commands."""

    _play_lock: threading.Lock  # one search_and_play walk at a time

    def _request(self, send: Callable[[IsolatedRoonApi], Any]) -> Any:
        raise NotImplementedError  # RoonConnection's: send, then check the reply

    def _zone(self, zone_id: str) -> RoonZone:
        raise NotImplementedError  # RoonConnection's: the zone, or UNKNOWN_ZONE

    def browse(
        self,
        hierarchy: str,
        item_key: str | None = None,
        *,
        session: str,
        offset: int = 0,
        count: int = PAGE_SIZE,
        zone_id: str | None = None,
        search_input: str | None = None,
    ) -> RoonBrowsePage | None:
        """Open an item (or the hierarchy's root) in ``session`` and load one page of it.

        ``search_input`` (with the ``search`` hierarchy's root): what to search for.

        ``session`` is the caller's ``multi_session_key``: keys it hands out stay valid until
        that session opens another branch. Returns None when the item was an action (it ran,
        on ``zone_id``). Re-opening the item that is already open keeps its keys valid, so
        the next page is ``browse(same key, offset=...)`` or ``load(...)``.
        """
        opts: dict[str, Any] = {"hierarchy": hierarchy, "multi_session_key": session}
        if item_key is None:
            opts["pop_all"] = True
            if search_input is not None:
                opts["input"] = search_input
        else:
            opts["item_key"] = item_key
        if zone_id is not None:
            opts["zone_or_output_id"] = zone_id
        result = self._request(lambda api: api.browse_browse(opts))
        if result.get("action") != "list":
            return None
        return self.load(hierarchy, session=session, offset=offset, count=count)

    def load(
        self, hierarchy: str, *, session: str, offset: int = 0, count: int = PAGE_SIZE
    ) -> RoonBrowsePage:
        """One page of the list currently open in ``session``."""
        opts = {
            "hierarchy": hierarchy,
            "multi_session_key": session,
            "offset": offset,
            "count": count,
        }
        return _parse_page(self._request(lambda api: api.browse_load(opts)))

    def search_and_play(
        self,
        zone_id: str,
        query: str,
        kind: SearchKind,
        action: PlayAction = PlayAction.PLAY_NOW,
        *,
        artist: str | None = None,
    ) -> RoonMatch:
        """Search Roon, pick the best match and run ``action`` on it in ``zone_id``.

        Matching ignores case, accents and edition annotations (``core.normalize``); an
        ``artist`` breaks ties. The walk from search to action happens in one session, reset
        first and used by nothing else, so no item key outlives the call.
        """
        self._zone(zone_id)
        base = {"hierarchy": "search", "multi_session_key": PLAY_SESSION}
        with self._play_lock:
            self._browse_raw(base | {"pop_all": True, "input": query})
            categories = self._load_all(base, PAGE_SIZE)
            category = next((c for c in categories if c.title == _CATEGORY[kind]), None)
            if category is None:
                raise RoonCommandError(RoonFailure.NOT_FOUND, query)
            self._browse_raw(base | {"item_key": category.item_key})
            best = _best_match(self._load_all(base, SEARCH_LIMIT), query, kind, artist)
            if best is None:
                raise RoonCommandError(RoonFailure.NOT_FOUND, query)
            actions = self._actions_of(base, best)
            chosen = next(
                (
                    i
                    for i in actions
                    if i.hint == "action" and i.title.casefold() == action.casefold()
                ),
                None,
            )
            if chosen is None:
                raise RoonCommandError(RoonFailure.NOT_FOUND, f"{action}: {best.title}")
            self._browse_raw(base | {"item_key": chosen.item_key, "zone_or_output_id": zone_id})
        return RoonMatch(best.title, best.subtitle)

    def _browse_raw(self, opts: dict[str, Any]) -> Mapping[str, Any]:
        result: Mapping[str, Any] = self._request(lambda api: api.browse_browse(opts))
        return result

    def _load_all(self, base: dict[str, Any], limit: int) -> list[RoonBrowseItem]:
        items: list[RoonBrowseItem] = []
        while len(items) < limit:
            page = self.load(
                base["hierarchy"],
                session=base["multi_session_key"],
                offset=len(items),
                count=min(PAGE_SIZE, limit - len(items)),
            )
            items += page.items
            if not page.items or len(items) >= page.count:
                break
        return items

    def _actions_of(self, base: dict[str, Any], item: RoonBrowseItem) -> list[RoonBrowseItem]:
        """A track is an action list; albums, artists, playlists open on a "Play ..." one."""
        if item.hint == "list":
            self._browse_raw(base | {"item_key": item.item_key})
            opening = next(
                (i for i in self._load_all(base, PAGE_SIZE) if i.hint == "action_list"), None
            )
            if opening is None:
                raise RoonCommandError(RoonFailure.NOT_FOUND, f"nothing to play in {item.title}")
            item = opening
        self._browse_raw(base | {"item_key": item.item_key})
        return self._load_all(base, PAGE_SIZE)


def _best_match(
    items: Sequence[RoonBrowseItem], query: str, kind: SearchKind, artist: str | None
) -> RoonBrowseItem | None:
    """The best item: title exact, prefix, contained, or all words found in title + subtitle.

    With ``artist``, items by that artist come first.
    """
    key = _MATCH_KEY[kind]
    wanted = key(query)
    words = set(fold(query).split())
    wanted_artist = artist_key(artist) if artist else ""
    best: tuple[int, int] = (0, 0)
    chosen: RoonBrowseItem | None = None
    for item in items:
        title = key(item.title)
        if title == wanted:
            title_score = 4
        elif title.startswith(wanted):
            title_score = 3
        elif wanted in title:
            title_score = 2
        else:
            title_score = int(words <= set(fold(f"{item.title} {item.subtitle or ''}").split()))
        if not wanted or not title_score:
            continue
        artist_score = int(bool(wanted_artist) and wanted_artist in fold(item.subtitle or ""))
        if (artist_score, title_score) > best:
            best, chosen = (artist_score, title_score), item
    return chosen
