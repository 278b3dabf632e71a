"""A deterministic, realistic synthetic music library and listening history.

Used by the benchmarks (``scripts/benchmarks/``) and the demo Last.fm server. Everything
derives from the seeds: the same arguments give the same library and the same plays, byte for
byte.

    library = SyntheticLibrary.build(seed=1, artists=10_000, albums=40_000, tracks=300_000)
    stream = generate_plays(library, plays=1_000_000, years=10, seed=1)
    plays = list(stream)              # chronological, generated lazily session by session
    expected = stream.distinct_plays  # what a store holds once cross-source duplicates merge

Library: artist popularity is Zipfian (s = 1.1); singles, EPs, LPs and a few box sets; compilations
and live albums repeat an artist's songs; names mix syllables and word lists, with diacritics,
"The ...", "&" and featured artists; edition suffixes on ~5 % of album titles; titles such as
"Greatest Hits" shared by several artists.

History: plays come in sessions of 3-40 tracks whose start follows a local time-of-week profile
(evenings and weekends heavier); albums are often played through in order; some tracks are
skipped. ~15 % of plays come from Roon zones, and ~3 % of Roon plays are also scrobbled to
Last.fm up to 90 s apart: the cross-source duplicates a store must merge.

So that a store's play count is predictable: artist names differ once folded (case, accents,
punctuation), an artist's song titles differ, a session never repeats a song and sessions are
at least 30 minutes apart, so the only reports of one song by two sources within minutes of
each other are the injected duplicates.
"""

from __future__ import annotations

from array import array
from bisect import bisect
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import accumulate
import math
import random
import unicodedata

from custom_components.aime.core.models import PlayInput, Source

# 2025-01-01T00:00:00Z: fixed so output is reproducible, and past so no store rejects it.
DEFAULT_END = 1_735_689_600
DEFAULT_UTC_OFFSET = 3600  # The synthetic listener lives in Central Europe (DST ignored).

ZIPF_EXPONENT = 1.1
MIN_DURATION, MAX_DURATION, MEDIAN_DURATION = 90, 900, 240
MIN_SESSION_GAP = 1800  # A pause of 30 minutes or more ends a session.
MIN_SESSION, MAX_SESSION = 3, 40
MIN_LISTENED = 30  # A skipped track still played this long.
ROON_SESSION_SHARE = 0.15
CROSS_SOURCE_SHARE = 0.03  # Of Roon plays, also scrobbled to Last.fm.
CROSS_SOURCE_MAX_OFFSET = 90
LOVED_SHARE = 0.03
FEATURING_SHARE = 0.05
EDITION_SHARE = 0.05
MISSING_ALBUM_SHARE = 0.01  # Last.fm scrobbles without an album name.
ALBUM_THROUGH_SHARE = 0.35  # Of session picks: play an album in track order.
SINGLE_TRACK_SHARE = 0.40  # Of session picks: one track; the rest are runs of 2-5 by one artist.
ROON_ZONES = ("Living Room", "Kitchen", "Office")

_WEEK = 7 * 86400
_EPOCH_HOUR_OF_WEEK = 72  # 1970-01-01 was a Thursday; hour 0 of the week is Monday 00:00.

# --- vocabulary ----------------------------------------------------------------------------

_ONSETS = (
    "b", "br", "c", "ch", "d", "dr", "f", "fl", "g", "gr", "h", "j", "k", "kr", "l", "m", "n",
    "p", "pr", "r", "s", "sh", "sk", "st", "t", "tr", "v", "w", "z", "", "", "",
)  # fmt: skip
_NUCLEI = ("a", "e", "i", "o", "u", "a", "e", "o", "ai", "ou", "ea", "y", "ie", "au")
_CODAS = ("", "", "", "", "n", "r", "l", "s", "m", "nd", "rk", "th", "x", "sh", "lt", "v")
_ACCENTS = {
    "a": "áàâäå",
    "e": "éèêë",
    "i": "íïî",
    "o": "óöôøõ",
    "u": "úüû",
    "n": "ñ",
    "c": "ç",
    "s": "š",
    "z": "ž",
}
_SPELLED_OUT = str.maketrans(
    {"ø": "o", "æ": "ae", "œ": "oe", "ß": "ss", "ł": "l", "đ": "d", "&": "and"}
)
_FIRST_NAMES = (
    "Anna", "Ben", "Clara", "David", "Elena", "Felix", "Grace", "Hugo", "Iris", "Jack", "Kate",
    "Leo", "Maya", "Nina", "Oscar", "Paul", "Rosa", "Sam", "Tom", "Vera", "Will", "Zoë", "Chloé",
    "José", "Søren", "Björn", "Renée", "Ángel", "Jürgen", "Maëlle", "Françoise", "Łukasz",
    "Noémie", "Håkon", "Inês", "Mila", "Nico", "Ada", "Jonas", "Lena", "Marcus", "Nora", "Ruth",
    "Simone", "Theo", "Yara", "Amara", "Kenji", "Ravi", "Aisha", "Mateo", "Lucía", "Emil",
)  # fmt: skip
_SURNAME_ENDINGS = ("son", "sen", "ez", "ini", "ová", "ström", "er", "ton", "ley", "ard", "ić")
_ADJECTIVES = (
    "Silver", "Golden", "Velvet", "Electric", "Broken", "Quiet", "Wild", "Blue", "Black", "White",
    "Crimson", "Hollow", "Distant", "Burning", "Frozen", "Secret", "Lonely", "Endless", "Bright",
    "Paper", "Glass", "Neon", "Northern", "Southern", "Sleeping", "Falling", "Hidden", "Lucky",
    "Strange", "Gentle", "Restless", "Midnight", "Summer", "Winter", "Little", "Crystal", "Low",
    "Fading", "Sacred", "Savage", "Tender", "Rusty", "Early", "Last", "First", "Open", "Heavy",
)  # fmt: skip
_NOUNS = (
    "Heart", "River", "Fire", "Rain", "Night", "Road", "Dream", "Light", "Shadow", "Stone", "Sky",
    "Ocean", "Garden", "Mirror", "Window", "Train", "City", "Moon", "Sun", "Star", "Storm", "Wave",
    "Echo", "Ghost", "Machine", "Engine", "Harbour", "Island", "Desert", "Forest", "Mountain",
    "Valley", "Signal", "Radio", "Ribbon", "Feather", "Diamond", "Letter", "Promise", "Secret",
    "Memory", "Season", "Morning", "Evening", "Horizon", "Lantern", "Thunder", "Whisper", "Bridge",
    "Tide", "Flame", "Circle", "Kingdom", "Empire", "Paradise", "Highway", "Carousel", "Compass",
)  # fmt: skip
_PLURAL_NOUNS = (
    "Owls", "Wolves", "Foxes", "Tigers", "Sparrows", "Strangers", "Kids", "Ghosts", "Machines",
    "Pilots", "Sailors", "Dreamers", "Lovers", "Saints", "Rebels", "Shadows", "Mirrors", "Keys",
    "Horses", "Ravens", "Comets", "Lights", "Echoes", "Waves", "Hearts", "Kings", "Queens",
)  # fmt: skip
_VERBS = (
    "Running", "Falling", "Dancing", "Waiting", "Dreaming", "Burning", "Breaking", "Holding",
    "Chasing", "Leaving", "Calling", "Drifting", "Shining", "Singing", "Walking", "Crying",
)  # fmt: skip
_FOREIGN_WORDS = (
    "Éternité", "Rêverie", "Été", "Noël", "Fjørd", "Søvn", "Mädchen", "Über", "Café", "Señorita",
    "Corazón", "Ångest", "Höhenflug", "Nostalgie", "Déjà Vu", "Mañana", "Sønder", "Lumière",
    "Schön", "Naïve", "Bête Noire", "Façade", "Zürich", "Göteborg", "Málaga", "Kraków",
)  # fmt: skip
_SHARED_ALBUM_TITLES = (
    "Greatest Hits", "Live", "Best Of", "Anthology", "Gold", "Unplugged", "The Singles",
    "Live at the BBC", "Essentials",
)  # fmt: skip
_LIVE_TITLES = frozenset({"Live", "Unplugged", "Live at the BBC"})
_EDITIONS = (
    "({year} Remaster)", "[Deluxe Edition]", "(Deluxe Edition)", "(Remastered)",
    "({year} Remastered Version)", "(Expanded Edition)", "[Anniversary Edition]",
    "(Super Deluxe Edition)", "- {year} Remaster",
)  # fmt: skip

# Album kinds: name, share, fewest and most tracks, weight when choosing an album to play.
_KINDS = (
    ("single", 0.30, 1, 3, 0.3),
    ("ep", 0.15, 4, 7, 0.5),
    ("lp", 0.535, 8, 14, 1.0),
    ("box", 0.015, 25, 60, 0.2),
)
_KIND_CUMULATIVE = tuple(accumulate(kind[1] for kind in _KINDS))
_KIND_BOUNDS = {kind[0]: (kind[2], kind[3]) for kind in _KINDS}
_KIND_PLAY_WEIGHT = {kind[0]: kind[4] for kind in _KINDS} | {"compilation": 0.6, "live": 0.4}
_REUSING_KINDS = frozenset({"compilation", "live"})

# Relative chance that a session starts in each local hour: Monday..Friday, then the weekend.
_WEEKDAY_PROFILE = (
    0.15, 0.08, 0.04, 0.03, 0.03, 0.05, 0.2, 0.5, 0.6, 0.45, 0.4, 0.4,
    0.55, 0.5, 0.4, 0.4, 0.45, 0.7, 1.1, 1.4, 1.7, 1.8, 1.5, 0.7,
)  # fmt: skip
_WEEKEND_PROFILE = (
    0.5, 0.35, 0.2, 0.1, 0.05, 0.05, 0.1, 0.3, 0.7, 1.1, 1.3, 1.3,
    1.2, 1.2, 1.3, 1.4, 1.4, 1.5, 1.6, 1.8, 2.0, 2.0, 1.7, 1.0,
)  # fmt: skip


def _week_profile() -> tuple[float, ...]:
    hours = _WEEKDAY_PROFILE * 5 + _WEEKEND_PROFILE * 2
    mean = sum(hours) / len(hours)
    return tuple(weight / mean for weight in hours)


HOUR_OF_WEEK_PROFILE = _week_profile()  # 168 weights of mean 1, Monday 00:00 first.


def hour_of_week(timestamp: int, utc_offset: int = DEFAULT_UTC_OFFSET) -> int:
    """Return the local hour of the week of a timestamp, 0 being Monday 00:00-00:59."""
    return ((timestamp + utc_offset) // 3600 + _EPOCH_HOUR_OF_WEEK) % 168


def name_key(text: str) -> str:
    """Fold a name at least as coarsely as a store would (case, accents, punctuation, "&").

    Generated names are kept distinct under this key, so no store merges two of them.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold().translate(_SPELLED_OUT))
    return "".join(char for char in decomposed if char.isalnum())


# --- names ---------------------------------------------------------------------------------


class _Namer:
    """Random names built from syllables and word lists; callers keep them distinct."""

    def __init__(self, rng: random.Random) -> None:
        self._rng = rng

    def word(self) -> str:
        rng = self._rng
        text = "".join(
            rng.choice(_ONSETS) + rng.choice(_NUCLEI) + rng.choice(_CODAS)
            for _ in range(rng.choice((1, 2, 2, 2, 3)))
        )
        if rng.random() < 0.07:
            text = self._accent(text)
        return text.capitalize()

    def _accent(self, text: str) -> str:
        positions = [index for index, char in enumerate(text) if char in _ACCENTS]
        if not positions:
            return text
        index = self._rng.choice(positions)
        return text[:index] + self._rng.choice(_ACCENTS[text[index]]) + text[index + 1 :]

    def surname(self) -> str:
        if self._rng.random() < 0.4:
            return self.word() + self._rng.choice(_SURNAME_ENDINGS)
        return self.word()

    def artist(self) -> str:
        rng = self._rng
        roll = rng.random()
        if roll < 0.22:
            return f"The {rng.choice((*_ADJECTIVES, self.word()))} {rng.choice(_PLURAL_NOUNS)}"
        if roll < 0.50:
            return f"{rng.choice(_FIRST_NAMES)} {self.surname()}"
        if roll < 0.70:
            return self.word()
        if roll < 0.80:
            return f"{rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)}"
        if roll < 0.84:
            return f"{rng.choice(_FIRST_NAMES)} {self.surname()} & the {rng.choice(_PLURAL_NOUNS)}"
        if roll < 0.87:
            return f"{self.word()} & {self.word()}"
        if roll < 0.90:
            return f"DJ {self.word()}"
        if roll < 0.93:
            return f"{rng.choice(_FOREIGN_WORDS)} {rng.choice(_PLURAL_NOUNS)}"
        return f"{self.word()} {self.word()}"

    def album(self) -> str:
        rng = self._rng
        roll = rng.random()
        if roll < 0.25:
            return f"{rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)}"
        if roll < 0.40:
            return rng.choice(_NOUNS) + ("s" if rng.random() < 0.3 else "")
        if roll < 0.55:
            return self.word()
        if roll < 0.65:
            return f"{rng.choice(_NOUNS)} of {rng.choice(_NOUNS)}s"
        if roll < 0.72:
            return rng.choice(_FOREIGN_WORDS)
        if roll < 0.80:
            return f"{rng.choice(_VERBS)} {rng.choice(_NOUNS)}s"
        if roll < 0.86:
            return f"{self.word()}, Vol. {rng.randint(2, 4)}"
        return f"{self.word()} {rng.choice(_NOUNS)}"

    def track(self) -> str:
        rng = self._rng
        roll = rng.random()
        if roll < 0.18:
            return rng.choice(_NOUNS)
        if roll < 0.38:
            return f"{rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)}"
        if roll < 0.50:
            preposition = rng.choice(("to", "in", "on", "from", "under"))
            return f"{rng.choice(_VERBS)} {preposition} the {rng.choice(_NOUNS)}"
        if roll < 0.64:
            return self.word()
        if roll < 0.72:
            return f"{rng.choice(_NOUNS)} of {rng.choice(_ADJECTIVES)} {rng.choice(_NOUNS)}s"
        if roll < 0.78:
            return f"{rng.choice(_FOREIGN_WORDS)} {rng.choice(_NOUNS)}"
        if roll < 0.84:
            return f"Keep {rng.choice(_VERBS)}"
        if roll < 0.92:
            return f"{self.word()} {rng.choice(_NOUNS)}"
        return f"{rng.choice(_NOUNS)} {self.word()}"


def _unique(make: Callable[[], str], taken: set[str]) -> str:
    """Call ``make`` until its name's key is not taken, then take it."""
    attempt = 0
    while True:
        name = make()
        if attempt >= 20:
            name = f"{name} {attempt}"  # A tiny vocabulary can run out; numbers never do.
        key = name_key(name)
        if key and key not in taken:
            taken.add(key)
            return name
        attempt += 1


# --- the library ---------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class TrackInfo:
    """One track of the synthetic library."""

    index: int
    title: str
    artist: str
    featured: str | None
    album: str
    album_index: int
    track_number: int
    duration: int
    loved: bool

    @property
    def credit(self) -> str:
        """The artist string as Last.fm shows it: "A feat. B"."""
        return f"{self.artist} feat. {self.featured}" if self.featured else self.artist

    @property
    def artists(self) -> tuple[str, ...]:
        """The credited artists, in order."""
        return (self.artist, self.featured) if self.featured else (self.artist,)


@dataclass(slots=True, eq=False)
class SyntheticLibrary:
    """Artists, albums and tracks, stored column-wise to stay compact at 300,000 tracks.

    Artist ``i`` has popularity rank ``i`` (0 is the most played). An artist's albums are
    contiguous, and so are an album's tracks, so ranges describe them.
    """

    seed: int
    artist_names: list[str]
    artist_cumulative_weight: list[float]  # Zipf weights, running total (for bisection).
    artist_first_album: array[int]  # One more entry than artists.
    album_titles: list[str]
    album_kinds: list[str]
    album_artist: array[int]
    album_first_track: array[int]  # One more entry than albums.
    album_cumulative_weight: list[float]  # Running total over all albums (for bisection).
    track_titles: list[str]
    track_album: array[int]
    track_number: array[int]
    track_duration: array[int]
    track_featured: array[int]  # Artist index, or -1.
    track_song: array[int]  # The track first recording this song (itself, unless reused).
    track_loved: bytearray
    hit_order: array[int]  # Within each artist's track range: that artist's tracks, hits first.

    @classmethod
    def build(
        cls, seed: int = 0, *, artists: int = 10_000, albums: int = 40_000, tracks: int = 300_000
    ) -> SyntheticLibrary:
        """Build a library; the same arguments always build the same library."""
        if not 0 < artists <= albums <= tracks:
            raise ValueError("need 0 < artists <= albums <= tracks")
        return _LibraryBuilder(seed, artists, albums, tracks).build()

    @property
    def artist_count(self) -> int:
        return len(self.artist_names)

    @property
    def album_count(self) -> int:
        return len(self.album_titles)

    @property
    def track_count(self) -> int:
        return len(self.track_titles)

    def albums_of(self, artist: int) -> range:
        """An artist's albums."""
        return range(self.artist_first_album[artist], self.artist_first_album[artist + 1])

    def tracks_of(self, album: int) -> range:
        """An album's tracks, in track-number order."""
        return range(self.album_first_track[album], self.album_first_track[album + 1])

    def tracks_of_artist(self, artist: int) -> range:
        """Every track on an artist's albums."""
        albums = self.albums_of(artist)
        return range(self.album_first_track[albums.start], self.album_first_track[albums.stop])

    def track(self, index: int) -> TrackInfo:
        """Describe one track."""
        album = self.track_album[index]
        featured = self.track_featured[index]
        return TrackInfo(
            index=index,
            title=self.track_titles[index],
            artist=self.artist_names[self.album_artist[album]],
            featured=self.artist_names[featured] if featured >= 0 else None,
            album=self.album_titles[album],
            album_index=album,
            track_number=self.track_number[index],
            duration=self.track_duration[index],
            loved=bool(self.track_loved[index]),
        )

    def mean_duration(self) -> float:
        return sum(self.track_duration) / self.track_count


class _LibraryBuilder:
    def __init__(self, seed: int, artists: int, albums: int, tracks: int) -> None:
        self.rng = random.Random(f"aime-library-{seed}")
        self.namer = _Namer(self.rng)
        self.seed = seed
        self.artists, self.albums, self.tracks = artists, albums, tracks

    def build(self) -> SyntheticLibrary:
        taken: set[str] = set()
        names = [_unique(self.namer.artist, taken) for _ in range(self.artists)]
        album_counts = self._albums_per_artist()
        self.library = SyntheticLibrary(
            seed=self.seed,
            artist_names=names,
            artist_cumulative_weight=list(
                accumulate(1 / (rank + 1) ** ZIPF_EXPONENT for rank in range(self.artists))
            ),
            artist_first_album=array("i", [0, *accumulate(album_counts)]),
            album_titles=[],
            album_kinds=[],
            album_artist=array("i"),
            album_first_track=array("i", [0]),
            album_cumulative_weight=[],
            track_titles=[],
            track_album=array("i"),
            track_number=array("h"),
            track_duration=array("h"),
            track_featured=array("i"),
            track_song=array("i"),
            track_loved=bytearray(),
            hit_order=array("i"),
        )
        kinds, sizes = self._album_sizes()
        first = 0
        for artist, count in enumerate(album_counts):
            self._add_artist(artist, kinds[first : first + count], sizes[first : first + count])
            first += count
        return self.library

    def _albums_per_artist(self) -> list[int]:
        """Every artist has an album; popular artists tend to have more."""
        rng = self.rng
        counts = [1] * self.artists
        weights = [rng.lognormvariate(0, 0.6) / (rank + 1) ** 0.35 for rank in range(self.artists)]
        for artist in rng.choices(range(self.artists), weights, k=self.albums - self.artists):
            counts[artist] += 1
        return counts

    def _album_sizes(self) -> tuple[list[str], list[int]]:
        """Pick each album's kind and track count, then nudge counts to the requested total."""
        rng = self.rng
        kinds: list[str] = []
        sizes: list[int] = []
        for _ in range(self.albums):
            name, _share, low, high, _weight = _KINDS[
                bisect(_KIND_CUMULATIVE, rng.random() * _KIND_CUMULATIVE[-1])
            ]
            kinds.append(name)
            sizes.append(rng.randint(low, high))
        difference = self.tracks - sum(sizes)
        step = 1 if difference > 0 else -1
        within_bounds = 40 * abs(difference)  # Then bounds give way (extreme ratios only).
        while difference:
            album = rng.randrange(self.albums)
            low, high = _KIND_BOUNDS[kinds[album]]
            if within_bounds > 0:
                within_bounds -= 1
                if not low <= sizes[album] + step <= high:
                    continue
            elif sizes[album] + step < 1:
                continue
            sizes[album] += step
            difference -= step
        return kinds, sizes

    def _add_artist(self, artist: int, kinds: list[str], sizes: list[int]) -> None:
        library, rng = self.library, self.rng
        album_titles: set[str] = set()
        song_titles: set[str] = set()
        songs: list[int] = []
        plan = [self._album_title(artist, kind, len(kinds), album_titles) for kind in kinds]
        # Compilations and live albums come last: they reuse the artist's earlier songs.
        order = sorted(range(len(kinds)), key=lambda index: plan[index][0] in _REUSING_KINDS)
        first_track = library.track_count
        for index in order:
            kind, title = plan[index]
            album = library.album_count
            library.album_titles.append(title)
            library.album_kinds.append(kind)
            library.album_artist.append(artist)
            previous = library.album_cumulative_weight[-1] if album else 0.0
            weight = _KIND_PLAY_WEIGHT[kind] * rng.lognormvariate(0, 0.8)
            library.album_cumulative_weight.append(previous + weight)
            reused = (
                rng.sample(songs, min(len(songs), sizes[index])) if kind in _REUSING_KINDS else []
            )
            for number in range(1, sizes[index] + 1):
                if number <= len(reused):
                    song = reused[number - 1]
                    self._add_track(artist, album, number, library.track_titles[song], song)
                else:
                    songs.append(library.track_count)
                    title = _unique(self.namer.track, song_titles)
                    self._add_track(artist, album, number, title, library.track_count)
            library.album_first_track.append(library.track_count)
        hits = list(range(first_track, library.track_count))
        rng.shuffle(hits)
        library.hit_order.extend(hits)

    def _album_title(
        self, artist: int, kind: str, album_count: int, taken: set[str]
    ) -> tuple[str, str]:
        """Return the album's (possibly changed) kind and its title."""
        rng = self.rng
        title: str | None = None
        if album_count >= 3 and kind in {"lp", "ep"} and rng.random() < 0.06:
            shared = rng.choice(_SHARED_ALBUM_TITLES)
            if name_key(shared) not in taken:
                taken.add(name_key(shared))
                title = shared
                kind = "live" if shared in _LIVE_TITLES else "compilation"
        elif kind == "lp" and rng.random() < 0.03:
            name = self.library.artist_names[artist]
            if name_key(name) not in taken:  # Self-titled.
                taken.add(name_key(name))
                title = name
        if title is None:
            title = _unique(self.namer.album, taken)
        if rng.random() < EDITION_SHARE:
            edition = rng.choice(_EDITIONS).format(year=rng.randint(1995, 2023))
            title = f"{title} {edition}"
        return kind, title

    def _add_track(self, artist: int, album: int, number: int, title: str, song: int) -> None:
        library, rng = self.library, self.rng
        featured = -1
        if self.artists > 1 and rng.random() < FEATURING_SHARE:
            cumulative = library.artist_cumulative_weight
            featured = min(bisect(cumulative, rng.random() * cumulative[-1]), self.artists - 1)
            if featured == artist:
                featured = (artist + 1) % self.artists
        duration = round(rng.lognormvariate(math.log(MEDIAN_DURATION), 0.35))
        library.track_titles.append(title)
        library.track_album.append(album)
        library.track_number.append(number)
        library.track_duration.append(min(MAX_DURATION, max(MIN_DURATION, duration)))
        library.track_featured.append(featured)
        library.track_song.append(song)
        library.track_loved.append(rng.random() < LOVED_SHARE)


# --- the listening history -----------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class HistoryPlan:
    """How a history fits in its time span: denser histories get longer sessions and more skips."""

    start: int
    end: int
    mean_session: float  # Tracks per session.
    skip_share: float  # Share of tracks skipped after at least MIN_LISTENED seconds.
    mean_spacing: float  # Expected seconds from a play's start to the next one's, in a session.

    @classmethod
    def fit(cls, library: SyntheticLibrary, plays: int, years: float, end: int) -> HistoryPlan:
        """Plan ``plays`` plays over ``years``; raise ``ValueError`` if they cannot fit."""
        span = int(years * 365.2425 * 86400)
        full = library.mean_duration()
        skipped = (MIN_LISTENED + full / 2) / 2
        density = plays * full / span
        mean_session = min(30.0, max(6.0, 6 + 30 * density))
        sessions = plays / mean_session
        # Keep ~10 min of slack per session beyond the minimum gap, so the time-of-week
        # profile still shapes when sessions start.
        budget = 0.93 * span - sessions * (MIN_SESSION_GAP + 600)
        listened = budget / plays - _MEAN_PAUSE
        skip_share = min(0.8, max(0.12, (full - listened) / (full - skipped)))
        mean_spacing = _MEAN_PAUSE + (1 - skip_share) * full + skip_share * skipped
        if plays * mean_spacing + sessions * MIN_SESSION_GAP > 0.97 * span:
            raise ValueError(f"{plays} plays do not fit in {years} years")
        return cls(end - span, end, mean_session, skip_share, mean_spacing)


# Between one track's end and the next one's start: mostly seconds, sometimes minutes.
_SHORT_PAUSE_SHARE, _SHORT_PAUSE, _LONG_PAUSE = 0.95, (0, 4), (20, 300)
_MEAN_PAUSE = (
    _SHORT_PAUSE_SHARE * sum(_SHORT_PAUSE) / 2 + (1 - _SHORT_PAUSE_SHARE) * sum(_LONG_PAUSE) / 2
)


def generate_plays(
    library: SyntheticLibrary,
    *,
    plays: int = 1_000_000,
    years: float = 10,
    seed: int = 0,
    end: int = DEFAULT_END,
    utc_offset: int = DEFAULT_UTC_OFFSET,
) -> PlayStream:
    """Return a history's plays, generated lazily, in strictly increasing time order.

    ``plays`` counts every report, cross-source duplicates included. The history spans
    ``years`` and its last play starts at or before ``end``.
    """
    return PlayStream(library, plays=plays, years=years, seed=seed, end=end, utc_offset=utc_offset)


@dataclass(slots=True)
class _Step:
    """One track of a session before its start time is known."""

    track: int
    listened: int
    skipped: bool
    offset: int  # Seconds from the session's start.


class PlayStream(Iterator[PlayInput]):
    """The plays of a history; counts the duplicates it injected as it goes."""

    def __init__(
        self,
        library: SyntheticLibrary,
        *,
        plays: int,
        years: float,
        seed: int,
        end: int,
        utc_offset: int,
    ) -> None:
        if plays < 0:
            raise ValueError("plays must not be negative")
        self.library = library
        self.total = plays
        self.plan = HistoryPlan.fit(library, max(plays, 1), years, end)
        self.utc_offset = utc_offset
        self.produced = 0
        self.cross_source_duplicates = 0
        self._rng = random.Random(f"aime-history-{library.seed}-{seed}")
        self._timed_tracks = 0
        self._timed_seconds = 0
        self._wait_asked = 0.0
        self._wait_taken = 0.0
        self._iterator = self._generate()

    def __iter__(self) -> PlayStream:
        return self

    def __next__(self) -> PlayInput:
        return next(self._iterator)

    @property
    def distinct_plays(self) -> int:
        """The plays a store must hold: every report minus the injected duplicates."""
        if self.produced < self.total:
            raise RuntimeError("the stream is not exhausted yet")
        return self.total - self.cross_source_duplicates

    def _generate(self) -> Iterator[PlayInput]:
        rng, plan = self._rng, self.plan
        # Session sizes: MIN_SESSION plus a Beta(2, beta) share of the range, of planned mean.
        mean_share = (plan.mean_session - MIN_SESSION) / (MAX_SESSION - MIN_SESSION)
        beta = 2 * (1 - mean_share) / mean_share
        session_end = plan.start - MIN_SESSION_GAP
        while self.produced < self.total:
            remaining = self.total - self.produced
            size = MIN_SESSION + round((MAX_SESSION - MIN_SESSION) * rng.betavariate(2, beta))
            steps = self._time_steps(self._pick_tracks(min(size, remaining)))
            length = steps[-1].offset + steps[-1].listened + self._pause()
            earliest = session_end + MIN_SESSION_GAP
            start = self._next_session_start(earliest, remaining)
            # Leave room for the plays still to come, so the history ends by ``plan.end``.
            latest = plan.end - steps[-1].offset - CROSS_SOURCE_MAX_OFFSET
            latest -= self._room_for(remaining - len(steps))
            start = max(earliest, min(start, latest))
            session = self._session_plays(start, steps, remaining)
            session_end = start + length
            self._timed_tracks += len(steps)
            self._timed_seconds += length
            self.produced += len(session)
            yield from session

    def _time_steps(self, tracks: list[int]) -> list[_Step]:
        """Decide how long each track plays (skips included) and when, within the session."""
        rng, durations, skip_share = self._rng, self.library.track_duration, self.plan.skip_share
        random_ = rng.random
        steps: list[_Step] = []
        offset = 0
        for track in tracks:
            duration = durations[track]
            skipped = random_() < skip_share
            listened = (
                MIN_LISTENED + int(random_() * (duration // 2 - MIN_LISTENED))
                if skipped
                else duration
            )
            steps.append(_Step(track, listened, skipped, offset))
            offset += listened + self._pause()
        return steps

    def _pause(self) -> int:
        rng = self._rng
        if rng.random() < _SHORT_PAUSE_SHARE:
            return rng.randint(*_SHORT_PAUSE)
        return rng.randint(*_LONG_PAUSE)

    def _spacing(self) -> float:
        """Seconds per play within sessions: measured once there is enough history."""
        if self._timed_tracks >= 1000:
            return self._timed_seconds / self._timed_tracks
        return self.plan.mean_spacing

    def _room_for(self, plays: int) -> int:
        """Seconds that ``plays`` more plays need, with a margin for the last few sessions."""
        if plays <= 0:
            return 0
        sessions = math.ceil(plays / self.plan.mean_session)
        margin = 3600 + 300 * min(plays, MAX_SESSION)
        return int(sessions * MIN_SESSION_GAP + plays * self._spacing()) + margin

    def _next_session_start(self, earliest: int, remaining: int) -> int:
        """Draw a start after ``earliest`` from the time-of-week profile, keeping to schedule.

        The wait is an inhomogeneous Poisson process whose rate follows the profile. Its mean
        depends on the hour a wait begins (nights are long), so the asked mean is corrected by
        the ratio of waits taken to waits asked so far.
        """
        plan, rng, profile = self.plan, self._rng, HOUR_OF_WEEK_PROFILE
        sessions_left = max(1.0, remaining / plan.mean_session)
        music = remaining * self._spacing()
        slack = (plan.end - earliest - music) / sessions_left - MIN_SESSION_GAP
        correction = self._wait_taken / self._wait_asked if self._wait_asked > 0 else 1.0
        asked = max(slack / max(correction, 0.1), 10.0)
        moment = earliest
        need = rng.expovariate(1.0)  # Hazard to accumulate; the profile's mean is 1.
        week_hazard = _WEEK / asked
        if need > week_hazard:
            weeks = int(need // week_hazard)
            moment += weeks * _WEEK
            need -= weeks * week_hazard
        while True:
            weight = profile[hour_of_week(moment, self.utc_offset)]
            rest_of_hour = 3600 - (moment + self.utc_offset) % 3600
            hazard = weight * rest_of_hour / asked
            if need <= hazard:
                moment += int(need * asked / weight)
                break
            need -= hazard
            moment += rest_of_hour
        self._wait_asked += asked
        self._wait_taken += moment - earliest
        return moment

    def _session_plays(self, start: int, steps: list[_Step], remaining: int) -> list[PlayInput]:
        """A session's reports: at most ``remaining``, cross-source duplicates included."""
        library, rng = self.library, self._rng
        random_ = rng.random
        roon = random_() < ROON_SESSION_SHARE
        if not roon:
            return [
                self._scrobble(
                    step.track,
                    start + step.offset,
                    with_album=random_() >= MISSING_ALBUM_SHARE,
                )
                for step in steps
            ]
        zone = self._zone(start)
        duplicate_share = CROSS_SOURCE_SHARE / (1 - self.plan.skip_share)  # Skips: no scrobble.
        names, album_artist = library.artist_names, library.album_artist
        plays: list[PlayInput] = []
        duplicated = False
        for step in steps:
            if len(plays) >= remaining:
                break
            track = step.track
            album = library.track_album[track]
            artist = names[album_artist[album]]
            guest = library.track_featured[track]
            credits = (artist,) if guest < 0 else (artist, names[guest])
            played_at = start + step.offset
            plays.append(
                PlayInput(
                    title=library.track_titles[track],
                    artist=" / ".join(credits),
                    played_at=played_at,
                    source=Source.ROON,
                    album=library.album_titles[album],
                    album_artist=artist,
                    artists=credits,
                    duration=library.track_duration[track],
                    track_number=library.track_number[track],
                    device=zone,
                    seconds_listened=step.listened,
                )
            )
            if not step.skipped and len(plays) < remaining and random_() < duplicate_share:
                offset = rng.randint(-CROSS_SOURCE_MAX_OFFSET, CROSS_SOURCE_MAX_OFFSET)
                plays.append(self._scrobble(track, played_at + offset, with_album=True))
                self.cross_source_duplicates += 1
                duplicated = True
        return _distinct_in_order(plays) if duplicated else plays

    def _scrobble(self, track: int, played_at: int, *, with_album: bool) -> PlayInput:
        """A Last.fm report: the credit as one string, no duration, no track number."""
        library = self.library
        names = library.artist_names
        album = library.track_album[track]
        artist = names[library.album_artist[album]]
        guest = library.track_featured[track]
        return PlayInput(
            title=library.track_titles[track],
            artist=artist if guest < 0 else f"{artist} feat. {names[guest]}",
            played_at=played_at,
            source=Source.LASTFM,
            album=library.album_titles[album] if with_album else None,
            loved=bool(library.track_loved[track]),
        )

    def _zone(self, start: int) -> str:
        """Office on weekday working hours, kitchen around meals, otherwise the living room."""
        day, hour = divmod(hour_of_week(start, self.utc_offset), 24)
        roll = self._rng.random()
        if day < 5 and 9 <= hour < 18 and roll < 0.7:
            return "Office"
        if hour in {7, 8, 12, 13, 18, 19} and roll < 0.5:
            return "Kitchen"
        return "Living Room"

    def _pick_tracks(self, size: int) -> list[int]:
        """Choose a session's tracks: album play-throughs, single tracks and artist runs."""
        library, rng = self.library, self._rng
        random_ = rng.random
        artist_weights = library.artist_cumulative_weight
        artist_total, last_artist = artist_weights[-1], library.artist_count - 1
        first_album, first_track = library.artist_first_album, library.album_first_track
        album_weights = library.album_cumulative_weight
        song_of, hits = library.track_song, library.hit_order
        picks: list[int] = []
        seen: set[int] = set()
        attempts = 0
        while len(picks) < size and attempts < 20 * size:
            attempts += 1
            artist = min(bisect(artist_weights, random_() * artist_total), last_artist)
            roll = random_()
            tracks: Sequence[int]
            if roll < ALBUM_THROUGH_SHARE:
                low, high = first_album[artist], first_album[artist + 1]
                base = album_weights[low - 1] if low else 0.0
                drawn = base + random_() * (album_weights[high - 1] - base)
                album = min(bisect(album_weights, drawn, low, high), high - 1)
                tracks = range(first_track[album], first_track[album + 1])
                if len(tracks) > 3 and random_() < 0.2:  # Started mid-album.
                    tracks = tracks[rng.randrange(len(tracks)) :]
            else:
                count = 1 if roll < ALBUM_THROUGH_SHARE + SINGLE_TRACK_SHARE else rng.randint(2, 5)
                low = first_track[first_album[artist]]
                span = first_track[first_album[artist + 1]] - low
                # Within an artist, a few favourites get most plays.
                tracks = [hits[low + int(span * random_() ** 2.5)] for _ in range(count)]
            for track in tracks:
                song = song_of[track]
                if song in seen:
                    continue
                seen.add(song)
                picks.append(track)
                if len(picks) >= size:
                    break
        return picks


def _distinct_in_order(plays: list[PlayInput]) -> list[PlayInput]:
    """Sort a session by time and nudge equal timestamps apart by a second."""
    plays.sort(key=lambda play: play.played_at)
    for index in range(1, len(plays)):
        if plays[index].played_at <= plays[index - 1].played_at:
            plays[index] = replace(plays[index], played_at=plays[index - 1].played_at + 1)
    return plays
