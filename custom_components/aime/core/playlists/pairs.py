"""artist_correlations' pairs: the sessions shared by two of the artists in the most sessions.

Each artist's sessions become a bit set (one bit per session slot of the window): a pair's count is
then one AND, however many sessions they share. Counting all ~20,000 pairs of
``PAIR_ARTISTS`` artists is still the cost, and a playlist needs only the best few: pairs are
counted from the artists with the most sessions down, until no later artist can reach the best
``max_tracks`` pairs (a pair never shares more sessions than either artist is in); the others
are counted only if the ranking reaches them.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable
from heapq import nlargest
from itertools import repeat
from typing import Any

from ..stats.sessions import SESSION_GAP
from .context import Context, Ranked

PAIR_ARTISTS = 200  # artist_correlations pairs up the artists in the most sessions.

type Pair = tuple[tuple[int, int], int]
"""(lower artist id, higher artist id) and the sessions they share."""


def paired_artists(ctx: Context) -> list[tuple[int, int]]:
    """The ``PAIR_ARTISTS`` artists in the most sessions (ties: lowest id), with their
    sessions."""
    if ctx.days is None:
        statement = (
            "SELECT artist_id, sessions FROM stats_artist_session "
            "ORDER BY sessions DESC, artist_id LIMIT ?"
        )
        return ctx.fetch(statement, (PAIR_ARTISTS,))
    return ctx.fetch(
        "SELECT artist_id, count(*) AS sessions FROM stats_session_artist "
        "WHERE start_at >= ? AND start_at < ? "
        "GROUP BY artist_id ORDER BY sessions DESC, artist_id LIMIT ?",
        (ctx.start, ctx.end, PAIR_ARTISTS),
    )


def ranked_pairs(
    ctx: Context, paired: list[tuple[int, int]], tiebreak: Callable[[Pair], Any]
) -> Ranked[Pair]:
    """The pairs of ``paired`` artists sharing sessions, most shared first, in
    ``Context.ranked`` order (``first``: ``max_tracks``)."""
    sets = _SessionSets(ctx)
    pairs: dict[tuple[int, int], int] = {}
    first = ctx.max_tracks

    def count(artists: range) -> None:
        for index in artists:
            artist, bits = paired[index][0], sets.of(paired[index][0])
            for other, _ in paired[:index]:
                if shared := (sets.of(other) & bits).bit_count():
                    pairs[min(artist, other), max(artist, other)] = shared

    def score(pair: Pair) -> int:
        return -pair[1]

    for done in range(1, len(paired)):
        count(range(done - 1, done))
        if len(pairs) > 2 * first > 0:
            cut = nlargest(first, pairs.values())[-1]
            if cut > paired[done][1]:  # No pair of a later artist reaches the cut.
                head = [pair for pair in pairs.items() if pair[1] >= cut]

                def rest(done: int = done, cut: int = cut) -> list[Pair]:
                    count(range(done, len(paired)))
                    return [pair for pair in pairs.items() if pair[1] < cut]

                return Ranked.cut(ctx, head, rest, score, tiebreak)
    count(range(max(len(paired) - 1, 0), len(paired)))
    return ctx.ranked(pairs.items(), score=score, tiebreak=tiebreak, first=first)


class _SessionSets:
    """Each artist's sessions of the window as a bit set, read at the first ask.

    Session starts are more than ``SESSION_GAP`` seconds apart (``sessions.py``): a session's
    bit is its start's gap-sized slot since the window's first session, no lookup needed.
    """

    def __init__(self, ctx: Context) -> None:
        self._ctx = ctx
        self._sets: dict[int, int] = {}
        self._first: int | None = None

    def of(self, artist: int) -> int:
        """The artist's bit set."""
        found = self._sets.get(artist)
        if found is None:
            found = self._sets[artist] = self._read(artist)
        return found

    def _read(self, artist: int) -> int:
        ctx = self._ctx
        if self._first is None:
            ((self._first,),) = ctx.fetch(
                "SELECT coalesce(min(start_at), 0) FROM stats_session WHERE start_at >= ?",
                (ctx.start,),
            )
        ((listed,),) = ctx.fetch(
            "SELECT group_concat((start_at - ?) / ?) FROM stats_session_artist "
            "INDEXED BY stats_session_artist_by_artist "
            "WHERE artist_id = ? AND start_at >= ? AND start_at < ?",
            (self._first, SESSION_GAP, artist, ctx.start, ctx.end),
        )
        if not listed:
            return 0
        slots = list(map(int, listed.split(",")))
        digits = bytearray(b"0" * (max(slots) + 1))
        deque(map(digits.__setitem__, slots, repeat(ord("1"))), maxlen=0)
        return int(digits[::-1], 2)
