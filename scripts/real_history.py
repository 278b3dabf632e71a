"""A real-shaped listening history: what a long-time listener's Last.fm and Roon look like.

The tidy history (``synthetic_history.py``) draws an artist by popularity, then a track of that
artist roughly uniformly: every track gets a few plays. A real ten-year history is lopsided
(issue 24): a long tail of ~150,000 tracks over 40,000 albums and 20,000 artists, a few tracks
played thousands of times (the top one ~1.5 % of all plays), many played once, long sessions of
whole albums, multi-artist compilations, and the odd 2,000-character or right-to-left name.

    library = RealLibrary.build(seed=1)   # 150,000 tracks, 40,000 albums, 20,000 artists
    stream = generate_real_plays(library, plays=1_000_000, years=10, seed=1)
    plays = list(stream)                  # chronological; stream.distinct_plays as the tidy one

The names, album kinds, sessions' timing, sources and cross-source duplicates are the tidy
history's (same vocabulary, same ``PlayStream``); this module changes what is played:

- every album has a global popularity rank (Zipf, correlated with its artist's), and so has
  every track (Zipf, correlated with its album's); a session is a mix of whole-album runs drawn
  by album rank and single tracks drawn by track rank, the track exponent chosen so that the top
  track gets about ``TOP_TRACK_SHARE`` of the plays whatever the library's size;
- "Various Artists" compilations gather songs of many artists (each played under its own
  performer, the album credited to "Various Artists");
- a few artists, and all their titles, are written right to left (Hebrew, Arabic), and a few
  titles are 2,000 characters long.
"""

from __future__ import annotations

from array import array
from bisect import bisect
from dataclasses import dataclass, replace
from itertools import accumulate
import math
import random
from typing import Any

from custom_components.aime.core.models import PlayInput

from .synthetic_history import (
    DEFAULT_END,
    DEFAULT_UTC_OFFSET,
    ZIPF_EXPONENT,
    PlayStream,
    SyntheticLibrary,
    name_key,
)

VARIOUS_ARTISTS = "Various Artists"
TOP_TRACK_SHARE = 0.015  # Of all plays, the most played track's (issue 24: 15,000 in 1,000,000).
ALBUM_ZIPF_EXPONENT = 0.8
ALBUM_RUN_SHARE = 0.45  # Of session picks: an album played through (the rest: one track).
MID_ALBUM_SHARE = 0.1  # Of album runs: started on a later track.
COMPILATION_SHARE = 0.03  # Of albums: multi-artist compilations.
COMPILATION_TRACKS = (12, 24)
RIGHT_TO_LEFT_SHARE = 0.005  # Of artists: named, with all their titles, right to left.
LONG_NAME_LENGTH = 2000
LONG_TITLES = 12  # Track titles of LONG_NAME_LENGTH characters (and a few album titles).
RANK_NOISE = 1.5  # Spread (natural log) between an item's popularity and its parent's.

_HEBREW = "אבגדהוזחטיכלמנסעפצקרשת"
_ARABIC = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


@dataclass(slots=True, eq=False)
class RealLibrary:
    """A tidy ``SyntheticLibrary`` plus compilations, and popularity by album and by track.

    Compilations are the last albums, by the last artist (``VARIOUS_ARTISTS``); each of their
    tracks stands for a song of another artist, its ``performer``.
    """

    tidy: SyntheticLibrary
    album_cumulative: list[float]  # Zipf weight by album rank, running total, by album index.
    album_by_rank: array[int]
    track_cumulative: list[float]  # Zipf weight by track rank, running total (by rank).
    track_by_rank: array[int]  # Tracks of regular albums only: a single plays the original.
    performer: dict[int, int]  # Compilation track -> the artist who plays it.
    first_compilation: int  # Album index of the first compilation.

    @classmethod
    def build(
        cls, seed: int = 0, *, artists: int = 20_000, albums: int = 40_000, tracks: int = 150_000
    ) -> RealLibrary:
        """Build a library; the same arguments always build the same library."""
        if not 1 < artists <= albums <= tracks:
            raise ValueError("need 1 < artists <= albums <= tracks")
        rng = random.Random(f"aime-real-library-{seed}")
        compilations = max(1, round(albums * COMPILATION_SHARE))
        mean_compilation = sum(COMPILATION_TRACKS) / 2
        compiled = min(round(compilations * mean_compilation), tracks // 4)
        regular_albums = max(artists - 1, albums - compilations)
        tidy = SyntheticLibrary.build(
            seed, artists=artists - 1, albums=regular_albums, tracks=max(tracks - compiled, albums)
        )
        _rename_right_to_left(tidy, rng)
        _lengthen_titles(tidy, rng)
        first_compilation = tidy.album_count
        performer = _add_compilations(tidy, rng, compilations, compiled)
        album_rank = _album_ranks(tidy, rng)
        album_by_rank = array("i", sorted(range(tidy.album_count), key=album_rank.__getitem__))
        album_weights = [1 / (rank + 1) ** ALBUM_ZIPF_EXPONENT for rank in album_rank]
        regular_tracks = tidy.album_first_track[first_compilation]
        track_by_rank = _track_order(tidy, rng, album_rank, regular_tracks)
        # An album run plays many tracks: per pick, the top track must be drawn more often.
        run = sum(
            weight * (tidy.album_first_track[album + 1] - tidy.album_first_track[album])
            for album, weight in enumerate(album_weights)
        ) / sum(album_weights)
        plays_per_pick = ALBUM_RUN_SHARE * run + 1 - ALBUM_RUN_SHARE
        top_single = TOP_TRACK_SHARE * plays_per_pick / (1 - ALBUM_RUN_SHARE)
        exponent = _exponent_for_share(regular_tracks, min(top_single, 0.5))
        return cls(
            tidy=tidy,
            album_cumulative=list(accumulate(album_weights)),
            album_by_rank=album_by_rank,
            track_cumulative=list(
                accumulate(1 / (rank + 1) ** exponent for rank in range(regular_tracks))
            ),
            track_by_rank=track_by_rank,
            performer=performer,
            first_compilation=first_compilation,
        )

    @property
    def artist_count(self) -> int:
        return self.tidy.artist_count

    @property
    def album_count(self) -> int:
        return self.tidy.album_count

    @property
    def track_count(self) -> int:
        return self.tidy.track_count


def _rename_right_to_left(tidy: SyntheticLibrary, rng: random.Random) -> None:
    """A few artists, spread over the popularity ranks, get right-to-left names and titles."""
    taken = {name_key(name) for name in tidy.artist_names}
    count = max(1, round(tidy.artist_count * RIGHT_TO_LEFT_SHARE))
    # Every k-th rank from the fifth: some are played often, some rarely.
    step = max(1, tidy.artist_count // count)
    for artist in range(min(4, tidy.artist_count - 1), tidy.artist_count, step):
        letters = _HEBREW if rng.random() < 0.5 else _ARABIC
        tidy.artist_names[artist] = _right_to_left_name(rng, letters, taken, words=2)
        album_taken: set[str] = set()
        for album in tidy.albums_of(artist):
            tidy.album_titles[album] = _right_to_left_name(rng, letters, album_taken, words=2)
        song_taken: set[str] = set()
        titles: dict[int, str] = {}
        for track in tidy.tracks_of_artist(artist):
            song = tidy.track_song[track]
            if song not in titles:
                titles[song] = _right_to_left_name(rng, letters, song_taken, words=3)
            tidy.track_titles[track] = titles[song]


def _right_to_left_name(rng: random.Random, letters: str, taken: set[str], words: int) -> str:
    while True:
        name = " ".join(
            "".join(rng.choice(letters) for _ in range(rng.randint(2, 6)))
            for _ in range(rng.randint(1, words))
        )
        if (key := name_key(name)) and key not in taken:
            taken.add(key)
            return name


def _lengthen_titles(tidy: SyntheticLibrary, rng: random.Random) -> None:
    """A few songs (every recording of them) and albums get 2,000-character titles."""
    chosen = set(rng.sample(range(tidy.track_count), min(LONG_TITLES, tidy.track_count)))
    songs = {tidy.track_song[track] for track in chosen}
    for track, song in enumerate(tidy.track_song):
        if song in songs:
            tidy.track_titles[track] = _long(tidy.track_titles[song], song)
    for album in rng.sample(range(tidy.album_count), min(LONG_TITLES // 3, tidy.album_count)):
        tidy.album_titles[album] = _long(tidy.album_titles[album], album)


def _long(title: str, salt: int) -> str:
    """``title`` padded to LONG_NAME_LENGTH characters with a phrase of its own."""
    filler = f" (Part {salt}: the extended suite in many movements, recorded live)"
    return (title + filler * (LONG_NAME_LENGTH // len(filler) + 1))[:LONG_NAME_LENGTH]


def _add_compilations(
    tidy: SyntheticLibrary, rng: random.Random, albums: int, tracks: int
) -> dict[int, int]:
    """Append "Various Artists" and its compilations of other artists' songs."""
    weights = tidy.artist_cumulative_weight
    performers = len(tidy.artist_names)
    tidy.artist_names.append(VARIOUS_ARTISTS)
    tidy.artist_cumulative_weight.append(weights[-1])
    sizes = [rng.randint(*COMPILATION_TRACKS) for _ in range(albums)]
    scale = tracks / max(sum(sizes), 1)
    performer: dict[int, int] = {}
    taken: set[str] = set()
    for index, size in enumerate(sizes):
        album = tidy.album_count
        title = _unique_compilation_title(rng, index, taken)
        tidy.album_titles.append(title)
        tidy.album_kinds.append("compilation")
        tidy.album_artist.append(performers)
        tidy.album_cumulative_weight.append(tidy.album_cumulative_weight[-1] + 0.6)
        used: set[int] = set()
        for _ in range(max(2, round(size * scale))):
            # Popular artists' songs land on compilations more often, one song per artist.
            artist = min(bisect(weights, rng.random() * weights[-1]), performers - 1)
            if artist in used:
                continue
            used.add(artist)
            songs_of = tidy.tracks_of_artist(artist)
            song = tidy.track_song[rng.choice(songs_of)]
            track = tidy.track_count
            tidy.track_titles.append(tidy.track_titles[song])
            tidy.track_album.append(album)
            tidy.track_number.append(len(used))
            tidy.track_duration.append(tidy.track_duration[song])
            tidy.track_featured.append(-1)
            tidy.track_song.append(song)
            tidy.track_loved.append(tidy.track_loved[song])
            tidy.hit_order.append(track)
            performer[track] = artist
        tidy.album_first_track.append(tidy.track_count)
    tidy.artist_first_album.append(tidy.album_count)
    return performer


def _unique_compilation_title(rng: random.Random, index: int, taken: set[str]) -> str:
    themes = ("Summer Hits", "Chill Out", "Indie Anthems", "Jazz Moods", "Road Trip", "Dance")
    title = f"{rng.choice(themes)} {1990 + index % 35}, Vol. {index // 6 + 1}"
    while name_key(title) in taken:
        title += " II"
    taken.add(name_key(title))
    return title


def _album_ranks(tidy: SyntheticLibrary, rng: random.Random) -> list[int]:
    """Each album's popularity rank (0: most played): its artist's, blurred."""
    performers = tidy.artist_count - 1
    scores = []
    for album, artist in enumerate(tidy.album_artist):
        rank = artist if artist < performers else rng.randrange(max(1, performers // 20))
        kind = tidy.album_kinds[album]
        weight = 0.3 if kind == "single" else 0.6 if kind in {"ep", "box", "live"} else 1.0
        noise = rng.gauss(0, RANK_NOISE)
        scores.append(math.log(weight) - ZIPF_EXPONENT * math.log(rank + 1) + noise)
    order = sorted(range(len(scores)), key=scores.__getitem__, reverse=True)
    ranks = [0] * len(order)
    for rank, album in enumerate(order):
        ranks[album] = rank
    return ranks


def _track_order(
    tidy: SyntheticLibrary, rng: random.Random, album_rank: list[int], tracks: int
) -> array[int]:
    """The regular albums' tracks, most played first: their album's rank, blurred."""
    album_of = tidy.track_album
    scores = [
        -math.log(album_rank[album_of[track]] + 1) + rng.gauss(0, RANK_NOISE)
        for track in range(tracks)
    ]
    return array("i", sorted(range(tracks), key=scores.__getitem__, reverse=True))


def _exponent_for_share(items: int, top_share: float) -> float:
    """The Zipf exponent whose first of ``items`` has ``top_share`` of the weight (bisection).

    The harmonic sum by Euler-Maclaurin: exact enough, and instant at 150,000 items.
    """

    def top(exponent: float) -> float:
        if abs(exponent - 1) < 1e-9:
            integral = math.log(items)
        else:
            integral = (float(items) ** (1 - exponent) - 1) / (1 - exponent)
        tail = float(items) ** -exponent
        return float(1 / (integral + (1 + tail) / 2 + exponent / 12 * (1 - tail / items)))

    low, high = 0.0, 4.0
    for _ in range(60):
        middle = (low + high) / 2
        low, high = (middle, high) if top(middle) < top_share else (low, middle)
    return (low + high) / 2


def generate_real_plays(
    library: RealLibrary,
    *,
    plays: int = 1_000_000,
    years: float = 10,
    seed: int = 0,
    end: int = DEFAULT_END,
    utc_offset: int = DEFAULT_UTC_OFFSET,
) -> RealPlayStream:
    """Return a real-shaped history's plays, lazily, in strictly increasing time order.

    As ``synthetic_history.generate_plays``: ``plays`` counts every report, the stream's
    ``distinct_plays`` what a store holds once the cross-source duplicates merge.
    """
    return RealPlayStream(
        library, plays=plays, years=years, seed=seed, end=end, utc_offset=utc_offset
    )


class RealPlayStream(PlayStream):
    """The tidy stream's sessions and sources, with popularity by album and by track."""

    def __init__(self, library: RealLibrary, **options: Any) -> None:
        self.real = library
        super().__init__(library.tidy, **options)

    def _pick_tracks(self, size: int) -> list[int]:
        """Whole albums drawn by album rank, and single tracks drawn by track rank."""
        real, tidy, random_ = self.real, self.library, self._rng.random
        albums, album_total = real.album_cumulative, real.album_cumulative[-1]
        tracks, track_total = real.track_cumulative, real.track_cumulative[-1]
        by_rank, last_rank = real.album_by_rank, len(real.album_by_rank) - 1
        track_by_rank, last_track = real.track_by_rank, len(real.track_by_rank) - 1
        first_track, song_of = tidy.album_first_track, tidy.track_song
        picks: list[int] = []
        seen: set[int] = set()
        attempts = 0
        while len(picks) < size and attempts < 20 * size:
            attempts += 1
            chosen: range | tuple[int]
            if random_() < ALBUM_RUN_SHARE:
                album = by_rank[min(bisect(albums, random_() * album_total), last_rank)]
                chosen = range(first_track[album], first_track[album + 1])
                if len(chosen) > 3 and random_() < MID_ALBUM_SHARE:
                    chosen = chosen[int(random_() * len(chosen)) :]
            else:
                chosen = (track_by_rank[min(bisect(tracks, random_() * track_total), last_track)],)
            for track in chosen:
                song = song_of[track]
                if song in seen:
                    continue
                seen.add(song)
                picks.append(track)
                if len(picks) >= size:
                    break
        return picks

    def _session_plays(self, start: int, steps: list[Any], remaining: int) -> list[PlayInput]:
        """The tidy session's reports, compilation tracks credited to their performer."""
        plays = super()._session_plays(start, steps, remaining)
        performer = self.real.performer
        if not any(step.track in performer for step in steps):
            return plays
        names = self.library.artist_names
        credits = {
            (self.library.album_titles[self.library.track_album[step.track]],
             self.library.track_titles[step.track]): names[performer[step.track]]
            for step in steps
            if step.track in performer
        }  # fmt: skip
        return [
            _credited(play, artist)
            if (artist := credits.get((play.album or "", play.title)))
            else play
            for play in plays
        ]


def _credited(play: PlayInput, artist: str) -> PlayInput:
    """A compilation track's report: its performer, the album still by Various Artists."""
    if play.album_artist is None:  # A scrobble: the credit only.
        return replace(play, artist=artist)
    return replace(play, artist=artist, artists=(artist,))
