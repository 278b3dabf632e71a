"""Where the rows of an original AIME database land in the AIME store, and its plays.

The repairs of ``aime_import.py``'s docstring that concern identity happen here: albums merged
across artists by title are split, manual albums with plays are history albums, plays stored
twice by AIME are dropped.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import dataclass, field
import re
from typing import Any

from ..models import PlayInput, Source
from ..normalize import album_key, artist_key
from .aime_source import AimeAlbum, AimeDatabase, AimePlay

# AIME's own rule: one track reported by its two trackers within 10 minutes is one play.
AIME_DUPLICATE_WINDOW = 600
# A track and the album link its first play created were written in the same second or so.
_LINK_TOLERANCE = 2
_DISCOGS_SUFFIX = re.compile(r"\s+\(\d+\)$")


def display_name(name: str) -> str:
    """An artist name without its Discogs disambiguation suffix ("Cream (2)" → "Cream")."""
    return _DISCOGS_SUFFIX.sub("", name) or name


@dataclass(slots=True)
class AimeImportReport:
    """Counts by kind of row; ``skipped`` by kind, then reason."""

    imported: Counter[str] = field(default_factory=Counter)
    merged: Counter[str] = field(default_factory=Counter)
    repaired: Counter[str] = field(default_factory=Counter)
    skipped: defaultdict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))

    def as_dict(self) -> dict[str, Any]:
        """Plain dicts, for an action's response."""
        return {
            "imported": dict(self.imported),
            "merged": dict(self.merged),
            "repaired": dict(self.repaired),
            "skipped": {kind: dict(reasons) for kind, reasons in self.skipped.items()},
        }


@dataclass(slots=True)
class Identities:
    """Where AIME's rows land: per track (album artist, credits), per album its one target
    (artist, title), ``None`` for an album split across artists."""

    tracks: dict[int, tuple[str, tuple[str, ...]]] = field(default_factory=dict)
    albums: dict[int, tuple[str, str] | None] = field(default_factory=dict)
    collection: dict[int, int] = field(default_factory=dict)  # AIME album -> Discogs release


def plan_identities(db: AimeDatabase, report: AimeImportReport) -> Identities:
    """Decide each album's artist: one target (artist, title), or ``None`` when it is split.

    Discogs records keep every artist as credits; other albums with several artists were
    merged by title and are split track by track (``_split``).
    """
    identities = Identities()
    tracks_of: defaultdict[int, list[int]] = defaultdict(list)
    for track in db.tracks.values():
        tracks_of[track.album_id].append(track.id)
    plays_of: defaultdict[int, list[AimePlay]] = defaultdict(list)
    for play in db.plays:
        plays_of[play.track_id].append(play)
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
        if release is not None or len(names) == 1:
            credits = tuple(names) if release is not None else names[:1]
            for track_id in tracks_of[album.id]:
                identities.tracks[track_id] = (names[0], tuple(credits))
            identities.albums[album.id] = (names[0], album.title)
            targets[(artist_key(names[0]), album_key(album.title))] += 1
            continue
        report.repaired["albums_split"] += 1
        identities.albums[album.id] = None
        for track_id, artist in _split(db, album, tracks_of[album.id], plays_of).items():
            identities.tracks[track_id] = (artist, (artist,))
    report.merged["albums"] = sum(count - 1 for count in targets.values())
    return identities


def _artist_names(db: AimeDatabase, album: AimeAlbum) -> list[str]:
    names: dict[str, str] = {}
    for artist_id, _ in album.artist_links:
        name = display_name(db.artists[artist_id].name)
        names.setdefault(artist_key(name), name)
    return list(names.values())


def _discogs_release(album: AimeAlbum, report: AimeImportReport) -> int | None:
    if album.discogs_id is None:
        return None
    if album.discogs_id.isdigit() and int(album.discogs_id) > 0:
        return int(album.discogs_id)
    report.skipped["collection_items"]["invalid_discogs_id"] += 1
    return None


def _split(
    db: AimeDatabase,
    album: AimeAlbum,
    track_ids: list[int],
    plays_of: dict[int, list[AimePlay]],
) -> dict[int, str]:
    """Give each track of an album merged across artists its own artist (module docstring)."""
    anchors: dict[int, str] = {}
    for artist_id, linked_at in album.artist_links:
        name = display_name(db.artists[artist_id].name)
        candidates = [
            (abs(created - linked_at), track_id)
            for track_id in track_ids
            if track_id not in anchors
            and linked_at is not None
            and (created := db.tracks[track_id].created_at) is not None
            and abs(created - linked_at) <= _LINK_TOLERANCE
        ]
        if candidates:
            anchors[min(candidates)[1]] = name
    first_artist = display_name(db.artists[album.artist_links[0][0]].name)
    first_play = {
        track_id: min(p.timestamp for p in plays_of[track_id])
        for track_id in track_ids
        if plays_of.get(track_id)
    }
    timed_anchors = [(first_play[t], name) for t, name in anchors.items() if t in first_play]
    artists: dict[int, str] = {}
    for track_id in track_ids:
        if track_id in anchors:
            artists[track_id] = anchors[track_id]
        elif track_id in first_play and timed_anchors:
            played = first_play[track_id]
            artists[track_id] = min(timed_anchors, key=lambda anchor: abs(anchor[0] - played))[1]
        else:
            artists[track_id] = first_artist
    return artists


def plan_plays(
    db: AimeDatabase, identities: Identities, report: AimeImportReport
) -> list[PlayInput]:
    """AIME's plays as store plays, without its duplicates: rows stored twice by re-imports,
    and the two reports its two trackers made of one play."""
    kept: dict[int, list[AimePlay]] = defaultdict(list)
    plays: list[PlayInput] = []
    for play in sorted(db.plays, key=lambda p: (p.track_id, p.timestamp)):
        identity = identities.tracks.get(play.track_id)
        if identity is None:
            report.skipped["plays"]["album_not_imported"] += 1
            continue
        earlier = kept[play.track_id]
        if any(
            play.timestamp == other.timestamp
            or (
                other.source != play.source
                and play.timestamp - other.timestamp <= AIME_DUPLICATE_WINDOW
            )
            for other in earlier
        ):
            report.skipped["plays"]["duplicate_in_aime"] += 1
            continue
        earlier.append(play)
        track = db.tracks[play.track_id]
        album_artist, credits = identity
        plays.append(
            PlayInput(
                title=track.title,
                artist=" / ".join(credits),
                played_at=play.timestamp,
                source=Source.AIME_IMPORT,
                album=db.albums[track.album_id].title,
                album_artist=album_artist,
                artists=credits,
                duration=track.duration if track.duration and track.duration > 0 else None,
                track_number=track.track_number,
                loved=play.loved,
            )
        )
    return plays
