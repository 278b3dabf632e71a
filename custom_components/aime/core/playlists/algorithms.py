"""The six history-based playlist algorithms; ``ai_generated`` is in ``playlist_ai.py``.

Each takes a ``Context`` and returns distinct track ids, best first, at most ``max_tracks``.
A session is ``sessions.py``'s: plays whose starts are at most 30 minutes apart.
"""

from __future__ import annotations

from collections import Counter, defaultdict, deque
from collections.abc import Iterable
from datetime import datetime, time
from heapq import nlargest
from itertools import combinations, pairwise

from ..localtime import date_of_day, weekday_of_day
from .context import Context, Scan, take_unique
from .models import DayType

PAIR_ARTISTS = 200  # artist_correlations pairs up the artists in the most sessions.
PAIR_ROUND_TRACKS = 2  # Tracks per artist a pair gives in each round.
THROUGH_MIN_TRACKS = 3  # complete_albums: an album heard through has at least this many.
HEAVY_PERCENTILE = 0.9  # rediscovery: "heavily played" is this percentile of plays per track,
HEAVY_MIN_PLAYS = 3  # and at least this many plays.
_DAY = 86_400
_HOUR = 3_600
_RANGES_PER_QUERY = 200


def top_sessions(ctx: Context) -> list[int]:
    """The longest sessions (most plays; then longest, then latest) in play order."""
    sessions = ctx.conn.exec_driver_sql(
        "SELECT start_at, last_at, plays FROM stats_session WHERE start_at >= ? AND start_at < ?",
        (ctx.start, ctx.end),
    ).all()
    ranked = ctx.rank(sessions, score=lambda s: -s[2], tiebreak=lambda s: (s[0] - s[1], -s[0]))
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
    pair's count never exceeds either artist's sessions). Each round, every pair in turn
    gives up to ``PAIR_ROUND_TRACKS`` unused tracks of each artist, most played first.
    """
    scan = ctx.scan
    artist_sets = [frozenset(scan.artists[run.start : run.stop]) for run in scan.sessions()]
    presence = Counter(artist for members in artist_sets for artist in members)
    paired = {
        artist
        for artist, _ in nlargest(PAIR_ARTISTS, presence.items(), key=lambda i: (i[1], -i[0]))
    }
    pairs: Counter[tuple[int, int]] = Counter()
    for members in artist_sets:
        pairs.update(combinations(sorted(members & paired), 2))
    plays = Counter(scan.artists)
    ranked = ctx.rank(
        pairs.items(),
        score=lambda item: -item[1],
        tiebreak=lambda item: (-plays[item[0][0]] - plays[item[0][1]], item[0]),
    )
    tracks = ArtistTracks(ctx, scan)
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

    It starts at the artist with the most changes away from them and takes each artist's
    most played unused track. Next comes the best successor not visited yet; on a cycle, the
    best successor with tracks left; at a dead end, the best starting point not visited yet,
    else any with tracks left: the walk stops only when the window's tracks run out.
    """
    scan = ctx.scan
    transitions: Counter[tuple[int, int]] = Counter()
    for run in scan.sessions():
        artists = scan.artists[run.start : run.stop]
        transitions.update(pair for pair in pairwise(artists) if pair[0] != pair[1])
    successors: defaultdict[int, list[tuple[int, int]]] = defaultdict(list)
    outgoing: Counter[int] = Counter()
    for (source, target), times in transitions.items():
        successors[source].append((target, times))
        outgoing[source] += times
    plays = Counter(scan.artists)
    starts = ctx.rank(plays, score=lambda a: (-outgoing[a], -plays[a]), tiebreak=lambda a: a)
    tracks = ArtistTracks(ctx, scan)
    chosen: list[int] = []
    visited: set[int] = set()
    current = starts[0] if starts else None
    while current is not None and len(chosen) < ctx.max_tracks:
        if (track := tracks.take(current)) is not None:
            chosen.append(track)
        visited.add(current)
        following = [
            artist
            for artist, _ in ctx.rank(
                successors[current],
                score=lambda item: -item[1],
                tiebreak=lambda item: (-plays[item[0]], item[0]),
            )
        ]
        current = next(
            (
                artist
                for candidates, fresh_only in (
                    (following, True),
                    (following, False),
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
    """Tracks most played at one local hour of the day (default: now's), on chosen days."""
    request = ctx.request
    hour = request.hour if request.hour is not None else ctx.clock.to_local(ctx.now).hour
    low, high = ctx.days if ctx.days else (-(2**40), 2**40)
    days = ctx.conn.exec_driver_sql(
        "SELECT day FROM stats_day_hour WHERE hour = ? AND day BETWEEN ? AND ?",
        (hour, low, high),
    ).scalars()
    weekend = {DayType.WEEKDAY: False, DayType.WEEKEND: True}.get(request.day_type)
    starts = [
        int(datetime.combine(date_of_day(day), time(hour), ctx.clock.zone).timestamp())
        for day in days
        if weekend is None or (weekday_of_day(day) >= 5) == weekend
    ]
    plays: Counter[int] = Counter()
    latest: dict[int, int] = {}
    for first in range(0, len(starts), _RANGES_PER_QUERY):
        chunk = starts[first : first + _RANGES_PER_QUERY]
        ranges = " OR ".join(["(played_at >= ? AND played_at < ?)"] * len(chunk))
        rows = ctx.conn.exec_driver_sql(
            f"SELECT track_id, played_at FROM play WHERE {ranges}",
            tuple(bound for start in chunk for bound in (start, start + _HOUR)),
        )
        for track_id, played_at in rows:
            plays[track_id] += 1
            latest[track_id] = max(played_at, latest.get(track_id, played_at))
    ranked = ctx.rank(plays, score=lambda t: -plays[t], tiebreak=lambda t: (-latest[t], t))
    return ranked[: ctx.max_tracks]


def complete_albums(ctx: Context) -> list[int]:
    """Albums heard through (most of their known tracks in one session), whole, in order.

    Ranked by the sessions that heard them through, then by plays. Albums that do not fit
    in what is left are skipped; when none fits at all, the first one is cut short.
    """
    scan = ctx.scan
    heard: list[dict[int, set[int]]] = []
    for run in scan.sessions():
        albums: defaultdict[int, set[int]] = defaultdict(set)
        for album, track in zip(
            scan.albums[run.start : run.stop], scan.tracks[run.start : run.stop], strict=True
        ):
            albums[album].add(track)
        heard.append(
            {album: tracks for album, tracks in albums.items() if len(tracks) >= THROUGH_MIN_TRACKS}
        )
    candidates = sorted({album for session in heard for album in session})
    known = _known_tracks(ctx, candidates)
    through: Counter[int] = Counter(
        album
        for session in heard
        for album, tracks in session.items()
        if album in known and 2 * len(tracks) > known[album]
    )
    plays = Counter(scan.albums)
    ranked = ctx.rank(through, score=lambda a: (-through[a], -plays[a]), tiebreak=lambda a: a)
    chosen: list[int] = []
    for album in ranked:
        room = ctx.max_tracks - len(chosen)
        if room < THROUGH_MIN_TRACKS:
            break
        if known[album] <= room:
            chosen.extend(_album_tracks(ctx, album))
    if not chosen and ranked:
        chosen = _album_tracks(ctx, ranked[0])[: ctx.max_tracks]
    return chosen


def rediscovery(ctx: Context) -> list[int]:
    """Loved or once heavily played tracks not played in the last N days, alternating.

    Loved tracks and heavily played ones (``HEAVY_PERCENTILE`` of plays per track in the
    window, at least ``HEAVY_MIN_PLAYS``) take turns, each most played first.
    """
    cutoff = ctx.now - ctx.request.rediscovery_days * _DAY
    if ctx.days is None:
        plays = dict(ctx.fetch("SELECT track_id, plays FROM stats_track"))
    else:
        plays = dict(Counter(ctx.scan.tracks))
    loved = set(ctx.conn.exec_driver_sql("SELECT id FROM track WHERE loved").scalars())
    ordered = sorted(plays.values())
    heavy = HEAVY_MIN_PLAYS
    if ordered:
        heavy = max(heavy, ordered[int(HEAVY_PERCENTILE * (len(ordered) - 1))])
    candidates = [track for track, count in plays.items() if count >= heavy or track in loved]
    last = _last_played(ctx, candidates)
    stale = [track for track in candidates if last[track] < cutoff]
    lists = [
        ctx.rank(
            [track for track in stale if (track in loved) == is_loved],
            score=lambda track: -plays[track],
            tiebreak=lambda track: (last[track], track),
        )
        for is_loved in (True, False)
    ]
    chosen: list[int] = []
    for index in range(max(map(len, lists))):
        chosen.extend(group[index] for group in lists if index < len(group))
    return chosen[: ctx.max_tracks]


class ArtistTracks:
    """Each artist's tracks in the scan, most played first (ties: latest played), handed out
    once each (a track has one primary artist, so no other queue holds it)."""

    def __init__(self, ctx: Context, scan: Scan) -> None:
        """Index the scan's tracks by primary artist."""
        self._ctx = ctx
        self._plays = Counter(scan.tracks)
        self._last = {track: index for index, track in enumerate(scan.tracks)}
        self._by_artist: defaultdict[int, list[int]] = defaultdict(list)
        for track, artist in dict(zip(scan.tracks, scan.artists, strict=True)).items():
            self._by_artist[artist].append(track)
        self._queues: dict[int, deque[int]] = {}

    def has_unused(self, artist: int) -> bool:
        """Whether the artist has a track left."""
        return bool(self._queue(artist))

    def take(self, artist: int) -> int | None:
        """The artist's best track not handed out yet; ``None`` when none is left."""
        queue = self._queue(artist)
        if not queue:
            return None
        return queue.popleft()

    def _queue(self, artist: int) -> deque[int]:
        queue = self._queues.get(artist)
        if queue is None:
            queue = self._queues[artist] = deque(
                self._ctx.rank(
                    self._by_artist.get(artist, ()),
                    score=lambda t: -self._plays[t],
                    tiebreak=lambda t: -self._last[t],
                )
            )
        return queue


def _known_tracks(ctx: Context, albums: list[int]) -> dict[int, int]:
    """Tracks known per album, for albums with a title (a scrobble without one has none)."""
    known: dict[int, int] = {}
    for chunk in _chunks(albums):
        marks = ",".join("?" * len(chunk))
        known.update(
            ctx.fetch(
                "SELECT t.album_id, count(*) FROM track t JOIN album al ON al.id = t.album_id "
                f"WHERE al.key != '' AND t.album_id IN ({marks}) GROUP BY t.album_id",
                chunk,
            )
        )
    return known


def _album_tracks(ctx: Context, album: int) -> list[int]:
    """An album's known tracks in track order (unnumbered ones last, first heard first)."""
    return list(
        ctx.conn.exec_driver_sql(
            "SELECT id FROM track WHERE album_id = ? "
            "ORDER BY track_number IS NULL, track_number, id",
            (album,),
        ).scalars()
    )


def _last_played(ctx: Context, tracks: list[int]) -> dict[int, int]:
    """When each track was last played (all time)."""
    last: dict[int, int] = {}
    for chunk in _chunks(tracks):
        marks = ",".join("?" * len(chunk))
        last.update(
            ctx.fetch(
                f"SELECT track_id, last_played_at FROM stats_track WHERE track_id IN ({marks})",
                chunk,
            )
        )
    return last


def _chunks(items: list[int], size: int = 500) -> Iterable[list[int]]:
    for first in range(0, len(items), size):
        yield items[first : first + size]
