"""What the playlist algorithms read from the rollups: a few rows per session, artist or hour.

Over all time, the all-time rollups (``stats_artist``, ``stats_track``…); over a window, the
sessions starting in it (``Context.start``…``end``) or its local days. See
``core/stats/session_rollups.py``.
"""

from __future__ import annotations

from collections import deque
from itertools import islice

from .context import Context, Ranked

_CHUNK = 500
_SUCCESSORS = 10  # artist_flow ranks this many successors first; the rest only if needed.


def artist_plays(ctx: Context, artists: list[int]) -> dict[int, int]:
    """Plays of each artist in the window (all time: ``stats_artist``)."""
    plays: dict[int, int] = {}
    for first in range(0, len(artists), _CHUNK):
        chunk = artists[first : first + _CHUNK]
        marks = ",".join("?" * len(chunk))
        if ctx.days is None:
            plays.update(
                ctx.fetch(
                    f"SELECT artist_id, plays FROM stats_artist WHERE artist_id IN ({marks})",
                    chunk,
                )
            )
        else:
            plays.update(
                ctx.fetch(
                    "SELECT artist_id, sum(plays) FROM stats_day_artist "
                    f"WHERE artist_id IN ({marks}) AND day BETWEEN ? AND ? GROUP BY artist_id",
                    (*chunk, *ctx.days),
                )
            )
    return plays


def flow_starts(ctx: Context) -> list[tuple[int, int, int]]:
    """(artist, changes away, plays) of the artists with the most changes away from them,
    then plays: ``max_tracks`` of them and those tied with the last (enough to fill a walk:
    each has a track)."""
    if ctx.days is None:
        totals = (
            "SELECT a.artist_id, coalesce(s.changes, 0) AS changes, a.plays FROM stats_artist a "
            "LEFT JOIN stats_artist_session s ON s.artist_id = a.artist_id"
        )
        parameters: tuple[int, ...] = ()
    else:
        totals = (
            "SELECT artist_id, sum(changes) AS changes, sum(plays) AS plays "
            "FROM stats_session_artist WHERE start_at >= ? AND start_at < ? GROUP BY artist_id"
        )
        parameters = (ctx.start, ctx.end)
    return ctx.fetch(
        f"WITH totals AS MATERIALIZED ({totals}) SELECT * FROM totals "
        "WHERE NOT EXISTS (SELECT 1 FROM totals LIMIT 1 OFFSET ?) "
        "OR (changes, plays) >= (SELECT changes, plays FROM totals "
        "ORDER BY changes DESC, plays DESC LIMIT 1 OFFSET ?)",
        (*parameters, ctx.max_tracks - 1, ctx.max_tracks - 1),
    )


def successors(ctx: Context, artist: int) -> Ranked[int]:
    """The artists the window's sessions changed to from ``artist``, most often first (ties:
    most plays)."""
    if ctx.days is None:
        following = ctx.fetch(
            "SELECT to_artist, times FROM stats_artist_flow WHERE from_artist = ?", (artist,)
        )
    else:
        following = ctx.fetch(
            "SELECT to_artist, sum(times) FROM stats_session_flow "  # Keyed by from_artist.
            "WHERE from_artist = ? AND start_at >= ? AND start_at < ? GROUP BY to_artist",
            (artist, ctx.start, ctx.end),
        )
    times = dict(following)
    cut = times_at(following, _SUCCESSORS)
    head = [target for target, count in following if count >= cut]
    plays = _LazyArtistPlays(ctx, head, list(times))
    return ctx.ranked(
        times,
        score=lambda target: -times[target],
        tiebreak=lambda target: (-plays[target], target),
        first=_SUCCESSORS,
    )


def times_at(rows: list[tuple[int, int]], rank: int) -> int:
    """The ``rank``-th highest count of (id, count) rows (the lowest when fewer)."""
    counts = sorted((count for _, count in rows), reverse=True)
    return counts[min(rank, len(counts)) - 1] if counts else 0


class _LazyArtistPlays(dict[int, int]):
    """Artists' plays in the window: the ``head`` at once, the others at the first miss (a
    ranking reaches them only when the head has no artist with tracks left)."""

    def __init__(self, ctx: Context, head: list[int], others: list[int]) -> None:
        super().__init__(artist_plays(ctx, head))
        self._ctx = ctx
        self._others: list[int] | None = others

    def __missing__(self, artist: int) -> int:
        if self._others is not None:
            others, self._others = self._others, None
            self.update(artist_plays(self._ctx, [a for a in others if a not in self]))
        return self.get(artist, 0)


def track_plays(ctx: Context, tracks: list[int]) -> dict[int, tuple[int, int]]:
    """(plays, last play) in the window of those of ``tracks`` played in it."""
    found: dict[int, tuple[int, int]] = {}
    for first in range(0, len(tracks), _CHUNK):
        chunk = tracks[first : first + _CHUNK]
        marks = ",".join("?" * len(chunk))
        if ctx.days is None:
            rows = ctx.fetch(
                "SELECT track_id, plays, last_played_at FROM stats_track "
                f"WHERE track_id IN ({marks})",
                chunk,
            )
        else:
            rows = ctx.fetch(
                "SELECT track_id, count(*), max(played_at) FROM play INDEXED BY play_track "
                f"WHERE track_id IN ({marks}) AND played_at >= ? AND played_at < ? "
                "GROUP BY track_id",
                (*chunk, ctx.start, ctx.end),
            )
        found.update((track, (plays, last)) for track, plays, last in rows)
    return found


class ArtistTracks:
    """Each artist's tracks played in the window, most played first (ties: latest played),
    handed out once each (a track has one primary artist, so no other queue holds it)."""

    def __init__(self, ctx: Context) -> None:
        """Nothing is read until an artist is asked for."""
        self._ctx = ctx
        self._queues: dict[int, deque[int]] = {}

    def has_unused(self, artist: int) -> bool:
        """Whether the artist has a track left."""
        return bool(self._queue(artist))

    def take(self, artist: int) -> int | None:
        """The artist's best track not handed out yet; ``None`` when none is left."""
        queue = self._queue(artist)
        return queue.popleft() if queue else None

    def _queue(self, artist: int) -> deque[int]:
        queue = self._queues.get(artist)
        if queue is None:
            tracks = self._ctx.fetch("SELECT id FROM track WHERE artist_id = ?", (artist,))
            plays = track_plays(self._ctx, [row[0] for row in tracks])
            ranked = self._ctx.ranked(
                plays,
                score=lambda track: -plays[track][0],
                tiebreak=lambda track: (-plays[track][1], track),
                first=self._ctx.max_tracks,
            )
            # No playlist takes more than max_tracks of one artist: the rest is never read.
            queue = self._queues[artist] = deque(islice(ranked, self._ctx.max_tracks))
        return queue


def album_plays(ctx: Context, albums: list[int]) -> dict[int, int]:
    """Plays of each album in the window (all time: ``stats_album``)."""
    plays: dict[int, int] = {}
    for first in range(0, len(albums), _CHUNK):
        chunk = albums[first : first + _CHUNK]
        marks = ",".join("?" * len(chunk))
        if ctx.days is None:
            rows = ctx.fetch(
                f"SELECT album_id, plays FROM stats_album WHERE album_id IN ({marks})", chunk
            )
        else:
            rows = ctx.fetch(
                "SELECT album_id, sum(plays) FROM stats_day_album "
                f"WHERE day BETWEEN ? AND ? AND album_id IN ({marks}) GROUP BY album_id",
                (*ctx.days, *chunk),
            )
        plays.update(rows)
    return plays


def window_track_counts(ctx: Context) -> str:
    """A CTE (with ``window_parameters``) ``counts (track_id, n)``: plays per track in the
    window. All time, ``stats_track`` read in place: a copy of every track's row into a temporary
    table cost more than the scans (a few hundred thousand rows at a million plays)."""
    if ctx.days is None:
        return "counts AS NOT MATERIALIZED (SELECT track_id, plays AS n FROM stats_track)"
    return (
        "counts AS MATERIALIZED (SELECT track_id, count(*) AS n FROM play "
        "WHERE played_at >= ? AND played_at < ? GROUP BY track_id)"
    )


def window_parameters(ctx: Context) -> tuple[int, ...]:
    """The parameters of ``window_track_counts``."""
    return () if ctx.days is None else (ctx.start, ctx.end)
