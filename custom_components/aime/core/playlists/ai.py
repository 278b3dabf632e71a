"""``ai_generated``: a relevance-ranked candidate pool, and the model's picks checked against it.

The prompt's words (folded like identity keys, short and common words dropped) are matched
as whole words against artist names, album titles, track titles and the collection's genres
and styles, and as substrings against the AI texts about albums. A track's relevance adds
the weights of what matched it; the pool holds the ``POOL_SIZE`` most relevant tracks (ties:
most played), topped up with the most played tracks when fewer match. The picker (an LLM)
answers ids; only ids from the pool count. When it fails or answers none, the playlist is
the top of the pool and says so (``Fallback``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
import logging

from ..normalize import fold
from ..stats.journal import glob_literal
from .context import Context
from .models import Candidate, Fallback, Picker
from .reads import track_plays, window_parameters, window_track_counts

_LOGGER = logging.getLogger(__name__)

POOL_SIZE = 200
MATCHED_ARTISTS = 100  # The best matching artists and albums whose tracks join the pool.
MATCHED_ALBUMS = 300
ARTIST_WEIGHT = 4
ALBUM_WEIGHT = 3
TITLE_WEIGHT = 2
GENRE_WEIGHT = 2
TEXT_WEIGHT = 1
MIN_TERM_LENGTH = 3
_CHUNK = 500
_STOPWORDS = frozenset(
    (
        *("and", "the", "for", "with", "from", "that", "this", "some", "songs", "song"),
        *("music", "tracks", "track", "playlist", "play", "like", "more", "less", "very"),
        *("about", "into", "your", "mix", "les", "des", "une", "pour", "avec", "dans", "sur"),
        *("par", "que", "qui", "est", "musique", "morceaux", "morceau", "chansons"),
        *("chanson", "titres", "titre", "comme", "plus", "tres"),
    )
)


def prompt_terms(prompt: str) -> list[str]:
    """The distinct words of a prompt worth matching, in order."""
    words = [word for word in fold(prompt).split() if len(word) >= MIN_TERM_LENGTH]
    return list(dict.fromkeys(word for word in words if word not in _STOPWORDS))


def candidate_pool(ctx: Context, prompt: str) -> list[Candidate]:
    """The tracks offered to the picker, most relevant first."""
    terms = prompt_terms(prompt)
    relevance: Counter[int] = Counter()
    if terms:
        artists = _matches(ctx, "artist", terms, limit=MATCHED_ARTISTS)
        albums = {
            album: ALBUM_WEIGHT * hits
            for album, hits in _matches(ctx, "album", terms, limit=MATCHED_ALBUMS).items()
        }
        _add_album_weights(ctx, prompt, terms, albums)
        for track_id, artist_id, album_id, title_hits in _matching_tracks(
            ctx, terms, artists, albums
        ):
            relevance[track_id] = (
                ARTIST_WEIGHT * artists.get(artist_id, 0)
                + albums.get(album_id, 0)
                + TITLE_WEIGHT * title_hits
            )
    plays = {track: found[0] for track, found in track_plays(ctx, list(relevance)).items()}
    if ctx.days is not None:  # With a window, only tracks played in it.
        relevance = Counter({track: score for track, score in relevance.items() if track in plays})
    ranked = ctx.rank(
        relevance,
        score=lambda track: (-relevance[track], -plays.get(track, 0)),
        tiebreak=lambda track: track,
    )[:POOL_SIZE]
    if len(ranked) < POOL_SIZE:
        # Only now the window's most played tracks: counting every track's plays in a
        # year is most of the pool's cost, and a prompt that matches enough never needs it.
        for track, count in _most_played(ctx).items():
            plays.setdefault(track, count)
        taken = set(ranked)
        popular = ctx.rank(
            (track for track in plays if track not in taken),
            score=lambda track: -plays[track],
            tiebreak=lambda track: track,
        )
        ranked.extend(popular[: POOL_SIZE - len(ranked)])
    return [
        Candidate(track, plays.get(track.track_id, 0), relevance[track.track_id])
        for track in ctx.details(ranked)
    ]


def pick(
    prompt: str, pool: Sequence[Candidate], picker: Picker, max_tracks: int
) -> tuple[list[Candidate], Fallback | None]:
    """The picker's choices that are in the pool, in its order; else the top of the pool."""
    by_id = {candidate.track.track_id: candidate for candidate in pool}
    try:
        answer = list(picker(prompt, pool))
    except Exception:  # Whatever the model's client raises: fall back.
        _LOGGER.warning("The playlist picker failed; using the top of the pool", exc_info=True)
        return list(pool[:max_tracks]), Fallback.PICKER_FAILED
    chosen: dict[int, Candidate] = {}
    for item in answer:
        try:
            track_id = int(item)
        except (TypeError, ValueError):
            continue
        if track_id in by_id:
            chosen.setdefault(track_id, by_id[track_id])
    if not chosen:
        _LOGGER.warning("The playlist picker chose nothing from the pool; using its top")
        return list(pool[:max_tracks]), Fallback.NO_VALID_PICK
    return list(chosen.values())[:max_tracks], None


def _most_played(ctx: Context) -> dict[int, int]:
    """Plays per track (in the window, or all time) of the most played tracks: enough to
    fill the pool whatever the relevant ones take."""
    return dict(
        ctx.fetch(
            f"WITH {window_track_counts(ctx)} "
            "SELECT track_id, n FROM counts WHERE n >= coalesce("
            "(SELECT n FROM counts ORDER BY n DESC LIMIT 1 OFFSET ?), 0)",
            (*window_parameters(ctx), 2 * POOL_SIZE - 1),
        )
    )


def _word_hits(column: str, terms: list[str]) -> str:
    """SQL counting the terms found as whole words of ``column`` (a folded key)."""
    return " + ".join([f"(instr(' ' || {column} || ' ', ?) > 0)"] * len(terms))


def _containing(table: str, terms: list[str]) -> tuple[str, tuple[str, ...]]:
    """SQL (and its parameters) of the ids of ``table``'s rows whose key contains a term:
    through the key's trigram index (store version 7), not a read of every key (terms have
    ``MIN_TERM_LENGTH``, three characters, or more: enough for trigrams)."""
    found = " UNION ".join([f"SELECT rowid FROM {table}_key_search WHERE key GLOB ?"] * len(terms))
    return found, tuple(f"*{glob_literal(term)}*" for term in terms)


def _matches(ctx: Context, table: str, terms: list[str], *, limit: int) -> dict[int, int]:
    """Ids of the rows whose key holds some terms, with how many: the best ``limit``."""
    hits = _word_hits("key", terms)
    containing, patterns = _containing(table, terms)
    rows = ctx.fetch(
        f"SELECT id, {hits} AS hits FROM {table} WHERE id IN ({containing}) AND hits > 0 "
        "ORDER BY hits DESC, id LIMIT ?",
        (*(f" {term} " for term in terms), *patterns, limit),
    )
    return dict(rows)


def _add_album_weights(ctx: Context, prompt: str, terms: list[str], albums: dict[int, int]) -> None:
    """Add genre/style and AI-text matches to the albums' weights (in place)."""
    wanted = set(terms)
    for album_id, text in ctx.conn.exec_driver_sql(
        "SELECT album_id, coalesce(genres, '') || ' ' || coalesce(styles, '') FROM collection_item"
    ):
        if found := len(wanted.intersection(fold(text).split())):
            albums[album_id] = albums.get(album_id, 0) + GENRE_WEIGHT * found
    # AI texts are long: SQLite looks for the words, as typed (lower case) or folded.
    typed = [word for word in prompt.casefold().split() if fold(word) in wanted]
    variants = list(dict.fromkeys([*typed, *terms]))
    hits = " + ".join(["(instr(lower(text), ?) > 0)"] * len(variants))
    for album_id, found in ctx.conn.exec_driver_sql(
        f"SELECT album_id, max({hits}) FROM ai_text WHERE album_id IS NOT NULL GROUP BY album_id",
        tuple(variants),
    ):
        if found:
            albums[album_id] = albums.get(album_id, 0) + TEXT_WEIGHT * found


def _matching_tracks(
    ctx: Context, terms: list[str], artists: dict[int, int], albums: dict[int, int]
) -> Iterable[tuple[int, int, int, int]]:
    """(track, artist, album, title hits) of the tracks on matched artists' albums or on
    matched albums, or whose title holds a term (the track's primary artist, or for
    tracks found through an artist, the album's)."""
    hits = _word_hits("t.key", terms)
    params = tuple(f" {term} " for term in terms)
    seen: set[int] = set()
    for column, ids in (("al.artist_id", list(artists)), ("al.id", list(albums))):
        artist = "al.artist_id" if column == "al.artist_id" else "t.artist_id"
        for first in range(0, len(ids), _CHUNK):
            chunk = tuple(ids[first : first + _CHUNK])
            marks = ",".join("?" * len(chunk))
            for row in ctx.fetch(
                f"SELECT t.id, {artist}, t.album_id, {hits} FROM album al "
                f"JOIN track t ON t.album_id = al.id WHERE {column} IN ({marks})",
                (*params, *chunk),
            ):
                if row[0] not in seen:
                    seen.add(row[0])
                    yield row[0], row[1], row[2], row[3]
    # The keys containing a term first; whole words are counted on the few rows found.
    containing, patterns = _containing("track", terms)
    for row in ctx.fetch(
        f"SELECT t.id, t.artist_id, t.album_id, {hits} AS hits FROM track t "
        f"WHERE t.id IN ({containing}) AND hits > 0 ORDER BY hits DESC, t.id LIMIT ?",
        (*params, *patterns, POOL_SIZE),
    ):
        if row[0] not in seen:
            yield row[0], row[1], row[2], row[3]
