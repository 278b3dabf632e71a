"""A playlist queued in a Roon zone, in order (``aime.play_playlist``, AIME media source).

Each track is looked for with Roon's search, by its title: the first track result with the
same title (edition and featuring notes ignored) and one of the same artists is queued. When
Roon offers no such track, the documented fallback is its album: the first album result with
the same title and artist is queued whole (once, however many tracks of the playlist fell
back to it). Otherwise the track is skipped, and the response says why.

The first track queued uses the chosen mode ("play" and "replace" start it); the others are
queued behind it in playlist order. Roon's "Add Next" puts each item right after the playing
track, so for "next" the playlist is queued from its last track to its first. Every Roon call
runs in the executor, in a browse session of our own, one playlist at a time.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
import re
import threading
from typing import Any, Final

from homeassistant.components.media_player import MediaPlayerEnqueue
from homeassistant.core import HomeAssistant

from ..clients.roon import PlayAction, RoonBrowseItem, RoonConnection, SearchKind
from ..core.normalize import album_key, artist_key, primary_artist, split_credits, track_key
from ..core.playlists.models import Playlist, PlaylistTrack
from ..exceptions import validation_error
from .coordinator import async_roon_command
from .library import SEARCH_CATEGORIES, is_play_entry

SESSION: Final = "aime-playlist"
HIERARCHY: Final = "search"
SEARCH_RESULTS: Final = 100  # results of one category looked through for a match
# Left out of what is searched for (not of what is matched): "(Remastered)", "feat. X"...
_QUERY_NOISE: Final = re.compile(
    r"\s*[(\[][^()\[\]]*[)\]]|\s+(?:feat\.|ft\.|featuring)\s.*$", re.IGNORECASE
)

_FIRST_ACTION: Final[dict[MediaPlayerEnqueue, PlayAction]] = {
    MediaPlayerEnqueue.PLAY: PlayAction.PLAY_NOW,
    MediaPlayerEnqueue.REPLACE: PlayAction.PLAY_NOW,  # Roon's "Play Now" replaces the queue.
    MediaPlayerEnqueue.NEXT: PlayAction.ADD_NEXT,
    MediaPlayerEnqueue.ADD: PlayAction.QUEUE,
}
# One playlist at a time: our browse session is shared, and two playlists must not interleave.
_queue_lock = threading.Lock()


class How(StrEnum):
    """What was queued for a track."""

    TRACK = "track"
    ALBUM = "album"  # Its whole album: Roon offered no such track.


class SkipReason(StrEnum):
    """Why a track was not queued."""

    NOT_FOUND = "not_found"  # Neither the track nor its album is in Roon.
    NOT_PLAYABLE = "not_playable"  # Found, but Roon offered no way to queue it.


@dataclass(frozen=True, slots=True)
class Outcome:
    """What became of one track of the playlist (``position`` counts from 1)."""

    position: int
    track: PlaylistTrack
    how: How | None = None
    match: RoonBrowseItem | None = None
    already_queued: bool = False  # Its album was queued for an earlier track.
    skipped: SkipReason | None = None

    def as_dict(self) -> dict[str, Any]:
        """JSON-able form: the track, then how it was matched or why it was skipped."""
        item: dict[str, Any] = {
            "position": self.position,
            "title": self.track.title,
            "artist": self.track.artist,
            "album": self.track.album,
        }
        if self.skipped is not None:
            return item | {"reason": self.skipped.value}
        assert self.how is not None  # Matched.
        assert self.match is not None
        return item | {
            "how": self.how.value,
            "roon_title": self.match.title,
            "roon_subtitle": self.match.subtitle,
            "already_queued": self.already_queued,
        }


# --- blocking: Roon's search and queue ---------------------------------------------------------


def queue_playlist(
    connection: RoonConnection,
    zone_id: str,
    tracks: Sequence[PlaylistTrack],
    enqueue: MediaPlayerEnqueue,
) -> list[Outcome]:
    """Queue ``tracks`` in the zone as the module says; return each one's outcome, in order."""
    order = list(enumerate(tracks, 1))
    if enqueue is MediaPlayerEnqueue.NEXT:
        order.reverse()  # Each "Add Next" lands before the previous one.
    rest = PlayAction.ADD_NEXT if enqueue is MediaPlayerEnqueue.NEXT else PlayAction.QUEUE
    queue = _ZoneQueue(connection, zone_id)
    outcomes: list[Outcome] = []
    with _queue_lock:
        for position, track in order:
            started = any(outcome.skipped is None for outcome in outcomes)
            outcomes.append(queue.add(position, track, rest if started else _FIRST_ACTION[enqueue]))
    return sorted(outcomes, key=lambda outcome: outcome.position)


class _ZoneQueue:
    """Finds tracks in Roon and queues them in one zone; remembers the albums queued whole."""

    def __init__(self, connection: RoonConnection, zone_id: str) -> None:
        self._connection = connection
        self._zone_id = zone_id
        self._albums: dict[tuple[str, str], Outcome] = {}  # By (album, artist) key.

    def add(self, position: int, track: PlaylistTrack, action: PlayAction) -> Outcome:
        """Queue the track, else its album, with ``action``."""
        title = track_key(track.title)
        found = self._search(
            track.title,
            "track",
            lambda item: track_key(item.title) == title and _same_artist(track, item.subtitle),
        )
        how = How.TRACK
        album = (album_key(track.album), artist_key(primary_artist(track.artist)))
        if found is None and track.album:
            if (earlier := self._albums.get(album)) is not None:
                return Outcome(position, track, How.ALBUM, earlier.match, already_queued=True)
            found = self._search(
                track.album,
                "album",
                lambda item: (
                    album_key(item.title) == album[0] and _same_artist(track, item.subtitle)
                ),
            )
            how = How.ALBUM
        if found is None:
            return Outcome(position, track, skipped=SkipReason.NOT_FOUND)
        if not self._run(found, action):
            return Outcome(position, track, skipped=SkipReason.NOT_PLAYABLE)
        outcome = Outcome(position, track, how, found)
        if how is How.ALBUM:
            self._albums[album] = outcome
        return outcome

    def _search(
        self, text: str, kind: SearchKind, accept: Callable[[RoonBrowseItem], bool]
    ) -> RoonBrowseItem | None:
        """The first of Roon's results of one kind for ``text`` that ``accept`` takes."""
        browse = self._connection.browse
        query = _QUERY_NOISE.sub("", text).strip() or text
        root = browse(HIERARCHY, session=SESSION, search_input=query)
        categories = root.items if root is not None else ()
        category = next((c for c in categories if c.title == SEARCH_CATEGORIES[kind]), None)
        if category is None:
            return None
        page = browse(HIERARCHY, category.item_key, session=SESSION, count=SEARCH_RESULTS)
        return next((item for item in page.items if accept(item)), None) if page else None

    def _run(self, item: RoonBrowseItem, action: PlayAction) -> bool:
        """Run ``action`` on a search result in the zone; False when Roon does not offer it."""
        browse = self._connection.browse
        if item.hint == "list":  # An album opens on its "Play Album" entry.
            page = browse(HIERARCHY, item.item_key, session=SESSION)
            entry = next((i for i in page.items if is_play_entry(i)), None) if page else None
            if entry is None:
                return False
            item = entry
        actions = browse(HIERARCHY, item.item_key, session=SESSION)
        offered = actions.items if actions is not None else ()
        chosen = next((i for i in offered if i.hint == "action" and i.title == action), None)
        if chosen is None:
            return False
        browse(HIERARCHY, chosen.item_key, session=SESSION, zone_id=self._zone_id)
        return True


def _same_artist(track: PlaylistTrack, roon_artists: str | None) -> bool:
    """Whether an artist the track credits is credited by Roon too ("A / B" lists several)."""
    theirs = {artist_key(name) for name in split_credits(roon_artists or "")}
    return any(artist_key(name) in theirs for name in split_credits(track.artist))


# --- queueing from the event loop ---------------------------------------------------------


async def async_queue_playlist(
    hass: HomeAssistant,
    connection: RoonConnection,
    zone_id: str,
    playlist: Playlist,
    enqueue: MediaPlayerEnqueue,
) -> list[Outcome]:
    """Queue a playlist in a zone; a translated error when Roon has none of its tracks."""
    outcomes: list[Outcome] = await async_roon_command(
        hass, queue_playlist, connection, zone_id, playlist.tracks, enqueue
    )
    if playlist.tracks and all(outcome.skipped is not None for outcome in outcomes):
        raise validation_error(
            "playlist_not_in_roon", {"name": playlist.name, "count": str(len(playlist.tracks))}
        )
    return outcomes
