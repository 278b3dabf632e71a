"""Where the rows of an original AIME database land in the AIME store.

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
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field

from ..normalize import album_key, artist_key, track_key
from .aime_plan import (
    AimeImportReport,
    Identities,
    StoreEvidence,
    display_name,
    reports_near,
    same_time,
)
from .aime_source import AimeAlbum, AimeDatabase, AimePlay, PlaysOverview
from .pacing import PausePoint, no_pause


def merged_albums(db: AimeDatabase, pause: PausePoint = no_pause) -> dict[int, list[str]]:
    """Albums that are no Discogs record and have several artists: their artists' names."""
    merged: dict[int, list[str]] = {}
    for album in db.albums.values():
        pause()
        names = _artist_names(db, album)
        if len(names) > 1 and _release_id(album) is None:
            merged[album.id] = names
    return merged


def merged_tracks(db: AimeDatabase, pause: PausePoint = no_pause) -> set[int]:
    """The tracks of the albums ``merged_albums`` finds: only their plays are planned here."""
    merged = merged_albums(db, pause)
    tracks: set[int] = set()
    for track in db.tracks.values():
        pause()
        if track.album_id in merged:
            tracks.add(track.id)
    return tracks


def plan_identities(
    db: AimeDatabase,
    evidence: StoreEvidence,
    report: AimeImportReport,
    seen: PlaysOverview,
    pause: PausePoint = no_pause,
) -> Identities:
    """Decide each album's artist: one target (artist, title), or ``None`` when merged.

    Discogs records keep every artist as credits; the tracks of albums merged by title get
    their artist from evidence (module docstring): ``seen`` holds their plays
    (``merged_tracks``) and which tracks were played at all.
    """
    identities = Identities()
    tracks_of: defaultdict[int, list[int]] = defaultdict(list)
    for track in db.tracks.values():
        pause()
        tracks_of[track.album_id].append(track.id)
    plays_of: defaultdict[int, list[AimePlay]] = defaultdict(list)
    for play in seen.plays:
        plays_of[play.track_id].append(play)
    merged = merged_albums(db, pause)
    known = set(evidence.songs)
    for album in db.albums.values():
        pause()
        names = _artist_names(db, album)
        if len(names) == 1:
            holder = artist_key(names[0])
            known.update((holder, track_key(db.tracks[t].title)) for t in tracks_of[album.id])
    targets: Counter[tuple[str, str]] = Counter()
    for album in db.albums.values():
        pause()
        names = _artist_names(db, album)
        played = any(track_id in seen.played for track_id in tracks_of[album.id])
        release = _discogs_release(album, report)
        if not names:
            report.skipped["albums"]["without_artist"] += 1
            continue
        if release is not None:
            identities.collection[album.id] = release
        elif not played:
            report.skipped["albums"]["no_plays"] += 1
            continue
        if album.source == "manual" and played:
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
        for at, artist in reports_near(evidence, title, play)
        if artist in artists and same_time(play, at)
    }


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
