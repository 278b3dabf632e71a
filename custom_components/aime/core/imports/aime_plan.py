"""Where the rows of an original AIME database land in the AIME store, and its plays.

The repairs of ``aime_import.py``'s docstring that concern identity happen here. The original
app merged albums by title across artists ("Greatest Hits" by Mott the Hoople and by Foo
Fighters became one album with two artists) and its tracks carry no artist of their own. A
play of such an album is given an artist only on evidence, never by guess:

- ``lastfm_scrobble``: the store holds one of the album's artists' Last.fm scrobble of the
  title at the time of the play;
- else ``known_title``: the title is known under exactly one of the album's artists (in the
  store, or on an album of the file that has a single artist);
- otherwise the play stays on the album under an *unresolved* artist that stands for the
  album's artists (``unresolved_name``).

Either way the album's artists are kept with the play, so that a later report of the play
by one of them (the Last.fm history imported afterwards) moves it to that artist
(``store/reconcile.py``).

Plays keep the source that reported them (Last.fm or Roon): the store records separately that
they came from this import, so a later import of the same Last.fm history recognises them.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict, deque
from collections.abc import Iterator
from dataclasses import dataclass, field
from operator import itemgetter
import re
from typing import Any

from ..models import PlayInput, Source
from ..normalize import album_key, artist_key, track_key
from ..store.reconcile import NOTICE_LAG
from .aime_source import AimeAlbum, AimeDatabase, AimePlay

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
class AimeImportReport:
    """Counts by kind of row; ``skipped`` by kind, then reason; ``artists`` counts the plays of
    albums merged across artists by how their artist was found (module docstring)."""

    imported: Counter[str] = field(default_factory=Counter)
    merged: Counter[str] = field(default_factory=Counter)
    repaired: Counter[str] = field(default_factory=Counter)
    artists: Counter[str] = field(default_factory=Counter)
    skipped: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def as_dict(self) -> dict[str, Any]:
        """Plain dicts, for an action's response."""
        return {
            "imported": dict(self.imported),
            "merged": dict(self.merged),
            "repaired": dict(self.repaired),
            "artists": dict(self.artists),
            "skipped": {kind: dict(reasons) for kind, reasons in self.skipped.items()},
        }


@dataclass(slots=True)
class StoreEvidence:
    """What the store already knows: songs as (artist key, title key), and its Last.fm reports
    by title key as (start time, artist key), sorted (``_reports_near`` bisects them)."""

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


def merged_albums(db: AimeDatabase) -> dict[int, list[str]]:
    """Albums that are no Discogs record and have several artists: their artists' names."""
    merged: dict[int, list[str]] = {}
    for album in db.albums.values():
        names = _artist_names(db, album)
        if len(names) > 1 and _release_id(album) is None:
            merged[album.id] = names
    return merged


def plan_identities(
    db: AimeDatabase, evidence: StoreEvidence, report: AimeImportReport
) -> Identities:
    """Decide each album's artist: one target (artist, title), or ``None`` when merged.

    Discogs records keep every artist as credits; the tracks of albums merged by title get
    their artist from evidence (module docstring).
    """
    identities = Identities()
    tracks_of: defaultdict[int, list[int]] = defaultdict(list)
    for track in db.tracks.values():
        tracks_of[track.album_id].append(track.id)
    plays_of: defaultdict[int, list[AimePlay]] = defaultdict(list)
    for play in db.plays:
        plays_of[play.track_id].append(play)
    merged = merged_albums(db)
    known = set(evidence.songs)
    for album in db.albums.values():
        names = _artist_names(db, album)
        if len(names) == 1:
            holder = artist_key(names[0])
            known.update((holder, track_key(db.tracks[t].title)) for t in tracks_of[album.id])
    targets: Counter[tuple[str, str]] = Counter()
    for album in db.albums.values():
        names = _artist_names(db, album)
        album_plays = [p for t in tracks_of[album.id] for p in plays_of[t]]
        release = _discogs_release(album, report)
        if not names:
            report.skipped["albums"]["without_artist"] += 1
            continue
        if release is not None:
            identities.collection[album.id] = release
        elif not album_plays:
            report.skipped["albums"]["no_plays"] += 1
            continue
        if album.source == "manual" and album_plays:
            report.repaired["albums_reclassified"] += 1
        if album.id not in merged:
            credits = tuple(names) if release is not None else names[:1]
            for track_id in tracks_of[album.id]:
                identities.tracks[track_id] = (names[0], tuple(credits))
            identities.albums[album.id] = (names[0], album.title)
            targets[(artist_key(names[0]), album_key(album.title))] += 1
            continue
        identities.albums[album.id] = None
        landed = _resolve(db, (names, tracks_of[album.id]), plays_of, (known, evidence), identities)
        report.artists.update(landed.counts)
        if len(landed.artists) > 1:
            report.repaired["albums_split"] += 1
    report.merged["albums"] = sum(count - 1 for count in targets.values())
    return identities


@dataclass(slots=True)
class _Landed:
    """Plays of one merged album by outcome, and the artists some of them went to."""

    counts: Counter[str] = field(default_factory=Counter)
    artists: set[str] = field(default_factory=set)


def _resolve(
    db: AimeDatabase,
    album: tuple[list[str], list[int]],
    plays_of: dict[int, list[AimePlay]],
    known: tuple[set[tuple[str, str]], StoreEvidence],
    identities: Identities,
) -> _Landed:
    """Give the tracks of an album merged across artists (names, track ids) their artist,
    where evidence says."""
    (names, track_ids), (songs, evidence) = album, known
    landed = _Landed()
    by_key = {artist_key(name): name for name in names}
    for track_id in track_ids:
        identities.candidates[track_id] = tuple(names)
        title = track_key(db.tracks[track_id].title)
        holders = [name for key, name in by_key.items() if (key, title) in songs]
        for play in plays_of.get(track_id, []):
            heard = _scrobbled_by(evidence, title, play, set(by_key))
            if len(heard) == 1:
                name, how = by_key[heard.pop()], "by_lastfm_scrobble"
            elif len(holders) == 1:
                name, how = holders[0], "by_known_title"
            else:
                identities.unresolved[track_id] = tuple(names)
                landed.counts["unresolved_plays"] += 1
                continue
            identities.plays[(track_id, play.timestamp)] = name
            landed.counts.update({"resolved_plays": 1, how: 1})
            landed.artists.add(name)
    return landed


def _scrobbled_by(
    evidence: StoreEvidence, title: str, play: AimePlay, artists: set[str]
) -> set[str]:
    """Keys of ``artists`` whose Last.fm scrobble of ``title`` is this play."""
    return {
        artist
        for at, artist in _reports_near(evidence, title, play)
        if artist in artists and _same_time(play, at)
    }


def _reports_near(evidence: StoreEvidence, title: str, play: AimePlay) -> Iterator[tuple[int, str]]:
    """The store's Last.fm reports of ``title`` that ``_same_time`` may accept, found by
    bisection: a title played thousands of times must not be scanned again for each play."""
    reports = evidence.scrobbles.get(title, [])
    earliest = play.timestamp - NOTICE_LAG if play.noticed else play.timestamp
    low = bisect_left(reports, earliest, key=_START)
    high = bisect_right(reports, play.timestamp, lo=low, key=_START)
    for index in range(low, high):
        yield reports[index]


_START = itemgetter(0)


def _same_time(play: AimePlay, scrobbled_at: int) -> bool:
    """A noticed time comes after the start, by at most ``NOTICE_LAG``."""
    if play.noticed:
        return 0 <= play.timestamp - scrobbled_at <= NOTICE_LAG
    return play.timestamp == scrobbled_at


def _artist_names(db: AimeDatabase, album: AimeAlbum) -> list[str]:
    names: dict[str, str] = {}
    for artist_id, _ in album.artist_links:
        name = display_name(db.artists[artist_id].name)
        names.setdefault(artist_key(name), name)
    return list(names.values())


def _discogs_release(album: AimeAlbum, report: AimeImportReport) -> int | None:
    release = _release_id(album)
    if release is None and album.discogs_id is not None:
        report.skipped["collection_items"]["invalid_discogs_id"] += 1
    return release


def _release_id(album: AimeAlbum) -> int | None:
    """The album's Discogs release id, when it has a valid one (a Discogs record)."""
    discogs_id = album.discogs_id
    if discogs_id is not None and discogs_id.isdigit() and int(discogs_id) > 0:
        return int(discogs_id)
    return None


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
    """AIME's plays as store plays, without its duplicates: rows stored twice by re-imports,
    and the two reports its two trackers made of one play when the store would not merge them
    (further apart than its ``window``). A time a tracker noticed takes the start time of the
    store's Last.fm scrobble of the play, when there is one."""
    recent: defaultdict[tuple[str, str], deque[tuple[int, Source]]] = defaultdict(deque)
    used: set[tuple[str, int]] = set()
    planned: list[PlannedPlay] = []
    for play in sorted(db.plays, key=lambda p: (p.timestamp, p.track_id)):
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
            started = _scrobble_start(evidence, song, play, used)
            if started is not None:
                played_at, exact = started, True
                report.repaired["play_times_from_lastfm"] += 1
        earlier = _recent_plays(recent[song], play.timestamp)
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
        for at, by in _reports_near(evidence, title, play)
        if by == artist and (title, at) not in used and _same_time(play, at)
    ]
    if not starts:
        return None
    start = max(starts)  # The nearest: a noticed time comes after the start.
    used.add((title, start))
    return start
