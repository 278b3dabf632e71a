"""How the plays of an original AIME database become store plays, and what they share with
the identity planning (``aime_identities.py``): the report, the store's evidence, where rows land.

Plays keep the source that reported them (Last.fm or Roon): the store records separately that
they came from this import, so a later import of the same Last.fm history recognises them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict, deque
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
import re
from typing import Any

from ..models import PlayInput, Source
from ..normalize import artist_key, track_key
from ..store.reconcile import NOTICE_LAG
from .aime_source import AimeDatabase, AimePlay
from .pacing import PausePoint, no_pause
from .report import ImportReport

# AIME's own rule: one track reported by its two trackers within 10 minutes is one play.
AIME_DUPLICATE_WINDOW = 600
_DISCOGS_SUFFIX = re.compile(r"\s+\(\d+\)$")
_SOURCES = {"lastfm": Source.LASTFM, "roon": Source.ROON}


def display_name(name: str) -> str:
    """An artist name without its Discogs disambiguation suffix ("Cream (2)" → "Cream")."""
    return _DISCOGS_SUFFIX.sub("", name) or name


def unresolved_name(candidates: tuple[str, ...]) -> str:
    """The name shown for "one of these artists": ``A | B (?)``, the same in every language."""
    return f"{' | '.join(candidates)} (?)"


@dataclass(slots=True)
class AimeImportReport(ImportReport):
    """``ImportReport`` and what the repairs did: ``artists`` counts the plays of albums merged
    across artists by how their artist was found (module docstring)."""

    repaired: Counter[str] = field(default_factory=Counter)
    artists: Counter[str] = field(default_factory=Counter)

    def as_dict(self) -> dict[str, Any]:
        """Plain dicts, for an action's response (``cancelled`` only when it was)."""
        answer = ImportReport.as_dict(self)
        answer["repaired"] = dict(self.repaired)
        answer["artists"] = dict(self.artists)
        return answer


@dataclass(slots=True)
class StoreEvidence:
    """What the store already knows: songs as (artist key, title key), and its Last.fm reports
    by title key as (start time, artist key), sorted (``reports_near`` bisects them)."""

    songs: set[tuple[str, str]] = field(default_factory=set)
    scrobbles: dict[str, list[tuple[int, str]]] = field(default_factory=dict)


@dataclass(slots=True)
class Identities:
    """Where AIME's rows land.

    ``tracks``: per track of an ordinary album (album artist, credits). Per track of an album
    merged across artists, ``candidates`` its artists; ``plays`` the artist found for each
    play (by track and time), unless ``unresolved`` holds the track. ``albums``: per album
    its one target (artist, title), ``None`` for an album merged across artists.
    """

    tracks: dict[int, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    candidates: dict[int, tuple[str, ...]] = field(default_factory=dict)
    plays: dict[tuple[int, int], str] = field(default_factory=dict)
    unresolved: dict[int, tuple[str, ...]] = field(default_factory=dict)
    albums: dict[int, tuple[str, str] | None] = field(default_factory=dict)
    collection: dict[int, int] = field(default_factory=dict)  # AIME album -> Discogs release


def reports_near(evidence: StoreEvidence, title: str, play: AimePlay) -> Iterator[tuple[int, str]]:
    """The store's Last.fm reports of ``title`` that ``_same_time`` may accept, found by
    bisection: a title played thousands of times must not be scanned again for each play."""
    reports = evidence.scrobbles.get(title, [])
    earliest = play.timestamp - NOTICE_LAG if play.noticed else play.timestamp
    low = bisect_left(reports, earliest, key=_START)
    high = bisect_right(reports, play.timestamp, lo=low, key=_START)
    for index in range(low, high):
        yield reports[index]


_START = itemgetter(0)


def same_time(play: AimePlay, scrobbled_at: int) -> bool:
    """A noticed time comes after the start, by at most ``NOTICE_LAG``."""
    if play.noticed:
        return 0 <= play.timestamp - scrobbled_at <= NOTICE_LAG
    return play.timestamp == scrobbled_at


@dataclass(frozen=True, slots=True)
class PlannedPlay:
    """A play to ingest; ``exact_time``: its time is when it started."""

    play: PlayInput
    exact_time: bool
    candidates: tuple[str, ...] = ()  # The artists of the album the app merged, if it did.


def plan_plays(
    db: AimeDatabase,
    identities: Identities,
    evidence: StoreEvidence,
    window: int,
    report: AimeImportReport,
) -> list[PlannedPlay]:
    """All of ``db.plays`` at once (``PlayPlanner``)."""
    planner = PlayPlanner(db, identities, evidence, window, report)
    return planner.plan(sorted(db.plays, key=lambda p: (p.timestamp, p.track_id)))


class PlayPlanner:
    """AIME's plays as store plays, without its duplicates: rows stored twice by re-imports,
    and the two reports its two trackers made of one play when the store would not merge them
    (further apart than its ``window``). A time a tracker noticed takes the start time of the
    store's Last.fm scrobble of the play, when there is one.

    Plays are planned batch after batch, in order of (time, track): what a play may duplicate
    or take is recent, so what the planner remembers between batches stays small.
    """

    def __init__(
        self,
        db: AimeDatabase,
        identities: Identities,
        evidence: StoreEvidence,
        window: int,
        report: AimeImportReport,
        *,
        pause: PausePoint = no_pause,
    ) -> None:
        self._db, self._identities, self._evidence = db, identities, evidence
        self._window, self._report, self._pause = window, report, pause
        self._recent: defaultdict[tuple[str, str], deque[tuple[int, Source]]] = defaultdict(deque)
        self._used: set[tuple[str, int]] = set()  # Scrobble starts taken: (title key, start).

    def plan(self, plays: Sequence[AimePlay]) -> list[PlannedPlay]:
        """The next plays, in order, as store plays."""
        db, identities, report, window = self._db, self._identities, self._report, self._window
        if plays:
            self._forget(plays[0].timestamp)
        planned: list[PlannedPlay] = []
        for play in plays:
            self._pause()
            names = _names_of(identities, play)
            if names is None:
                report.skipped["plays"]["album_not_imported"] += 1
                continue
            album_artist, credits = names
            track = db.tracks[play.track_id]
            source = _SOURCES.get(play.source, Source.AIME_IMPORT)
            song = (artist_key(credits[0]), track_key(track.title))
            played_at, exact = play.timestamp, not play.noticed
            if play.noticed and source is Source.LASTFM:
                started = _scrobble_start(self._evidence, song, play, self._used)
                if started is not None:
                    played_at, exact = started, True
                    report.repaired["play_times_from_lastfm"] += 1
            earlier = _recent_plays(self._recent[song], play.timestamp)
            if any(
                (at == played_at and other == source)
                or (other != source and window < abs(played_at - at) <= AIME_DUPLICATE_WINDOW)
                for at, other in earlier
            ):
                report.skipped["plays"]["duplicate_in_file"] += 1
                continue
            earlier.append((played_at, source))
            planned.append(
                PlannedPlay(
                    PlayInput(
                        title=track.title,
                        artist=" / ".join(credits),
                        played_at=played_at,
                        source=source,
                        album=db.albums[track.album_id].title,
                        album_artist=album_artist,
                        artists=credits,
                        duration=track.duration if track.duration and track.duration > 0 else None,
                        track_number=track.track_number,
                        loved=play.loved,
                    ),
                    exact,
                    identities.candidates.get(play.track_id, ()),
                )
            )
        return planned

    def _forget(self, timestamp: int) -> None:
        """Forget what no play from ``timestamp`` on can duplicate or take (``_recent_plays``):
        memory follows the plays of the last half hour, not every song ever played."""
        horizon = timestamp - NOTICE_LAG - AIME_DUPLICATE_WINDOW
        self._recent = defaultdict(
            deque,
            {
                song: kept
                for song, kept in self._recent.items()
                if kept and max(at for at, _ in kept) >= horizon
            },
        )
        # A noticed time takes a start at most NOTICE_LAG before it.
        self._used = {taken for taken in self._used if taken[1] >= timestamp - NOTICE_LAG}


def _recent_plays(earlier: deque[tuple[int, Source]], timestamp: int) -> deque[tuple[int, Source]]:
    """The kept plays of a song that a play at ``timestamp`` may duplicate, the older dropped.

    Plays come in order of ``timestamp`` and a kept time is at most ``NOTICE_LAG`` before its
    play's, so a play older than both windows can match no later one: the import stays linear
    in a song played thousands of times.
    """
    horizon = timestamp - NOTICE_LAG - AIME_DUPLICATE_WINDOW
    while earlier and earlier[0][0] < horizon:
        earlier.popleft()
    return earlier


def _names_of(identities: Identities, play: AimePlay) -> tuple[str, tuple[str, ...]] | None:
    """(album artist, credits) of a play, or ``None`` when its album is not imported."""
    if (known := identities.tracks.get(play.track_id)) is not None:
        return known
    if (name := identities.plays.get((play.track_id, play.timestamp))) is not None:
        return name, (name,)
    if (candidates := identities.unresolved.get(play.track_id)) is not None:
        stand_in = unresolved_name(candidates)
        return stand_in, (stand_in,)
    return None


def _scrobble_start(
    evidence: StoreEvidence, song: tuple[str, str], play: AimePlay, used: set[tuple[str, int]]
) -> int | None:
    """Start of the store's not yet used Last.fm scrobble of ``song`` this play noticed."""
    artist, title = song
    starts = [
        at
        for at, by in reports_near(evidence, title, play)
        if by == artist and (title, at) not in used and same_time(play, at)
    ]
    if not starts:
        return None
    start = max(starts)  # The nearest: a noticed time comes after the start.
    used.add((title, start))
    return start
