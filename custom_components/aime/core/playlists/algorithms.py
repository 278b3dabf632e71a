"""The six history-based playlist algorithms; ``ai_generated`` is in ``ai.py``.

Each takes a ``Context`` and returns distinct track ids, best first, at most ``max_tracks``.
A session is ``sessions.py``'s: plays whose starts are at most 30 minutes apart. The whole
window counts: the sessions starting in it, its plays (``reads.py`` reads the rollups of
``core/stats/session_rollups.py``), so the cost follows the rollup rows, not the plays.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime, time
import json
from typing import Any

from ..localtime import date_of_day, weekday_of_day
from ..stats.session_rollups import THROUGH_MIN_TRACKS
from .context import Context, take_unique
from .models import DayType
from .pairs import paired_artists, ranked_pairs
from .reads import (
    ArtistTracks,
    album_plays,
    artist_plays,
    flow_starts,
    successors,
    window_parameters,
    window_track_counts,
)

PAIR_ROUND_TRACKS = 2  # Tracks per artist a pair gives in each round.
HEAVY_PERCENTILE = 0.9  # rediscovery: "heavily played" is this percentile of plays per track,
HEAVY_MIN_PLAYS = 3  # and at least this many plays.
_DAY = 86_400
_HOUR = 3_600
_ALL_DAYS = (-(2**40), 2**40)


def top_sessions(ctx: Context) -> list[int]:
    """The longest sessions (most plays; then longest, then latest) in play order."""
    sessions = ctx.fetch(
        "SELECT start_at, last_at, plays FROM stats_session WHERE start_at >= ? AND start_at < ?",
        (ctx.start, ctx.end),
    )
    ranked = ctx.ranked(
        sessions,
        score=lambda s: -s[2],
        tiebreak=lambda s: (s[0] - s[1], -s[0]),
        first=ctx.max_tracks,
    )
    chosen: list[int] = []
    used: set[int] = set()
    for start, last, _ in ranked:
        if len(chosen) >= ctx.max_tracks:
            break
        tracks = ctx.conn.exec_driver_sql(
            "SELECT track_id FROM play WHERE played_at >= ? AND played_at <= ? "
            "AND played_at < ? ORDER BY played_at, track_id, source_id",
            (start, last, ctx.end),
        ).scalars()
        take_unique(tracks, used, ctx.max_tracks, chosen)
    return chosen


def artist_correlations(ctx: Context) -> list[int]:
    """Artists heard in the same sessions: strongest pairs first, their tracks alternating.

    Pairs are counted among the ``PAIR_ARTISTS`` artists present in the most sessions (a
    pair's count never exceeds either artist's sessions); ties go to the pair with the most
    plays. Each round, every pair in turn gives up to ``PAIR_ROUND_TRACKS`` unused tracks of
    each artist, most played in the window first.
    """
    paired = paired_artists(ctx)
    plays = artist_plays(ctx, [artist for artist, _ in paired])
    ranked = ranked_pairs(
        ctx,
        paired,
        tiebreak=lambda item: (-plays.get(item[0][0], 0) - plays.get(item[0][1], 0), item[0]),
    )
    tracks = ArtistTracks(ctx)
    chosen: list[int] = []
    added = True
    while added and len(chosen) < ctx.max_tracks:
        added = False
        for (first, second), _ in ranked:
            for artist in (first, second) * PAIR_ROUND_TRACKS:
                if len(chosen) < ctx.max_tracks and (track := tracks.take(artist)) is not None:
                    chosen.append(track)
                    added = True
            if len(chosen) >= ctx.max_tracks:
                break
    return chosen


def artist_flow(ctx: Context) -> list[int]:
    """A walk along the most frequent artist changes between consecutive plays of a session.

    It starts at the artist with the most changes away from them (then the most plays) and
    takes each artist's most played unused track. Next comes the best successor not visited
    yet; on a cycle, the best successor with tracks left; at a dead end, the best starting
    point not visited yet, else any with tracks left: the walk stops only when the window's
    tracks run out (the starting points considered are enough to fill the playlist).
    """
    totals = {artist: (changes, plays) for artist, changes, plays in flow_starts(ctx)}
    starts = ctx.rank(totals, score=lambda a: (-totals[a][0], -totals[a][1]), tiebreak=lambda a: a)
    tracks = ArtistTracks(ctx)
    chosen: list[int] = []
    visited: set[int] = set()
    current = starts[0] if starts else None
    while current is not None and len(chosen) < ctx.max_tracks:
        if (track := tracks.take(current)) is not None:
            chosen.append(track)
        visited.add(current)
        after = successors(ctx, current)
        current = next(
            (
                artist
                for candidates, fresh_only in (
                    (after, True),
                    (after, False),
                    (starts, True),
                    (starts, False),
                )
                for artist in candidates
                if (not fresh_only or artist not in visited) and tracks.has_unused(artist)
            ),
            None,
        )
    return chosen


def time_based(ctx: Context) -> list[int]:
    """Tracks most played at one local hour of the day (default: now's), on chosen days.

    Ties: the latest played first. The hour's plays are counted by SQLite, one index range
    per day that has plays at that hour (``stats_day_hour``).
    """
    request = ctx.request
    hour = request.hour if request.hour is not None else ctx.clock.to_local(ctx.now).hour
    low, high = ctx.days or _ALL_DAYS
    days = ctx.fetch(
        "SELECT day FROM stats_day_hour WHERE hour = ? AND day BETWEEN ? AND ?", (hour, low, high)
    )
    weekend = {DayType.WEEKDAY: False, DayType.WEEKEND: True}.get(request.day_type)
    starts = [
        int(datetime.combine(date_of_day(day), time(hour), ctx.clock.zone).timestamp())
        for (day,) in days
        if weekend is None or (weekday_of_day(day) >= 5) == weekend
    ]
    rows = ctx.fetch(
        "WITH ranges AS (SELECT value AS low FROM json_each(?)), "
        "counts AS MATERIALIZED (SELECT p.track_id, count(*) AS plays, max(p.played_at) AS last "
        "FROM ranges JOIN play p ON p.played_at >= ranges.low AND p.played_at < ranges.low + ? "
        "GROUP BY p.track_id) "
        "SELECT track_id, plays, last FROM counts "
        "WHERE NOT EXISTS (SELECT 1 FROM counts LIMIT 1 OFFSET ?) "
        "OR plays >= (SELECT plays FROM counts ORDER BY plays DESC LIMIT 1 OFFSET ?)",
        (json.dumps(starts), _HOUR, *[ctx.max_tracks - 1] * 2),
    )
    ranked = ctx.rank(rows, score=lambda row: -row[1], tiebreak=lambda row: (-row[2], row[0]))
    return [row[0] for row in ranked[: ctx.max_tracks]]


def complete_albums(ctx: Context) -> list[int]:
    """Albums heard through (most of their known tracks in one session), whole, in order.

    Ranked by the sessions that heard them through, then by plays in the window. Albums that
    do not fit in what is left are skipped; when none fits at all, the first one is cut short.
    """
    if ctx.days is None:
        heard = "SELECT album_id, tracks, sessions FROM stats_album_through"
        parameters: tuple[int, ...] = ()
    else:
        heard = (
            "SELECT album_id, tracks, count(*) AS sessions FROM stats_session_album "
            "WHERE start_at >= ? AND start_at < ? GROUP BY album_id, tracks"
        )
        parameters = (ctx.start, ctx.end)
    # Known tracks counted per heard album in the track index, not by grouping every track.
    rows = ctx.fetch(
        "SELECT album_id, sum(sessions), known FROM (SELECT h.album_id, h.tracks, h.sessions, "
        "(SELECT count(*) FROM track t WHERE t.album_id = h.album_id) AS known "
        f"FROM ({heard}) h JOIN album al ON al.id = h.album_id WHERE al.key != '') "
        "WHERE 2 * tracks > known GROUP BY album_id",
        parameters,
    )
    through = {album: sessions for album, sessions, _ in rows}
    known = {album: tracks for album, _, tracks in rows}
    chosen: list[int] = []
    best: int | None = None
    for album in _ranked_albums(ctx, through):
        best = album if best is None else best
        room = ctx.max_tracks - len(chosen)
        if room < THROUGH_MIN_TRACKS:
            break
        if known[album] <= room:
            chosen.extend(_album_tracks(ctx, album))
    if not chosen and best is not None:
        chosen = _album_tracks(ctx, best)[: ctx.max_tracks]
    return chosen


def _ranked_albums(ctx: Context, through: dict[int, int]) -> Iterator[int]:
    """Albums by sessions heard through, then plays: those with the most sessions first (a
    playlist rarely needs more), the others' plays read only when it does."""
    counts = sorted(through.values(), reverse=True)
    cut = counts[min(ctx.max_tracks, len(counts)) - 1] if counts else 0
    for part in (
        [album for album, n in through.items() if n >= cut],
        [album for album, n in through.items() if n < cut],
    ):
        yield from ctx.rank(part, score=_album_score(through, album_plays(ctx, part)), tiebreak=int)


def _album_score(through: dict[int, int], plays: dict[int, int]) -> Callable[[int], Any]:
    return lambda album: (-through[album], -plays.get(album, 0))


def rediscovery(ctx: Context) -> list[int]:
    """Loved or once heavily played tracks not played in the last N days, alternating.

    Loved tracks and heavily played ones (``HEAVY_PERCENTILE`` of plays per track in the
    window, at least ``HEAVY_MIN_PLAYS``) take turns, each most played first.
    """
    cutoff = ctx.now - ctx.request.rediscovery_days * _DAY
    rows = ctx.fetch(
        # The percentile counted from the top: SQLite sorts only the tenth above it.
        f"WITH {window_track_counts(ctx)}, "
        "heavy (at_least) AS (SELECT max(?, coalesce((SELECT n FROM counts ORDER BY n DESC "
        "LIMIT 1 OFFSET (SELECT count(*) - 1 - CAST(? * (count(*) - 1) AS INTEGER) "
        "FROM counts)), 0))), "
        "loved (id) AS MATERIALIZED (SELECT id FROM track WHERE loved) "
        "SELECT c.track_id, c.n, s.last_played_at, c.track_id IN loved FROM counts c "
        "JOIN heavy JOIN stats_track s ON s.track_id = c.track_id "
        "WHERE (c.n >= heavy.at_least OR c.track_id IN loved) AND s.last_played_at < ?",
        (*window_parameters(ctx), HEAVY_MIN_PLAYS, HEAVY_PERCENTILE, cutoff),
    )
    lists = [
        [
            row[0]
            for row in ctx.rank(
                [row for row in rows if bool(row[3]) is is_loved],
                score=lambda row: -row[1],
                tiebreak=lambda row: (row[2], row[0]),
            )
        ]
        for is_loved in (True, False)
    ]
    chosen: list[int] = []
    for index in range(max(map(len, lists))):
        chosen.extend(group[index] for group in lists if index < len(group))
    return chosen[: ctx.max_tracks]


def _album_tracks(ctx: Context, album: int) -> list[int]:
    """An album's known tracks in track order (unnumbered ones last, first heard first)."""
    return list(
        ctx.conn.exec_driver_sql(
            "SELECT id FROM track WHERE album_id = ? "
            "ORDER BY track_number IS NULL, track_number, id",
            (album,),
        ).scalars()
    )
