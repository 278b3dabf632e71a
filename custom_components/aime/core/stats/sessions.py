"""Listening sessions, merged incrementally as plays arrive.

A play that starts more than ``SESSION_GAP`` seconds after the previous play started begins a
new session. Start times never change once stored, so adding plays can only extend or join
sessions, never split one: new plays merge with the stored sessions around them.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, count, repeat
from operator import lt, sub

SESSION_GAP = 1800


@dataclass(slots=True)
class Session:
    """A stored session (a row of stats_session) or one being built.

    ``last_seconds`` is the last play's length, ``None`` while unknown.
    """

    start_at: int
    last_at: int
    plays: int
    last_play_id: int
    last_track_id: int
    last_seconds: int | None
    changed: bool = False

    def row(self) -> tuple[int, int, int, int, int, int | None]:
        """The stats_session row."""
        return (
            self.start_at,
            self.last_at,
            self.plays,
            self.last_play_id,
            self.last_track_id,
            self.last_seconds,
        )


def session_runs(
    times: Sequence[int],
    play_ids: Sequence[int],
    track_ids: Sequence[int],
    seconds: Sequence[int | None],
) -> list[Session]:
    """Group plays sorted by (start, id), at least one, into sessions."""
    runs: list[Session] = []
    gaps = map(sub, times[1:], times)
    starts = [0, *compress(count(1), map(lt, repeat(SESSION_GAP), gaps))]
    ends = [*starts[1:], len(times)]
    for first, end in zip(starts, ends, strict=True):
        last = end - 1
        runs.append(
            Session(
                times[first],
                times[last],
                end - first,
                play_ids[last],
                track_ids[last],
                seconds[last],
                changed=True,
            )
        )
    return runs


def merge_sessions(stored: list[Session], runs: list[Session]) -> tuple[list[int], list[Session]]:
    """Join new runs with the stored sessions around them.

    Returns the start times of stored sessions to delete and the sessions to write.
    """
    items = sorted([*stored, *runs], key=lambda s: (s.start_at, s.last_at))
    merged: list[Session] = []
    parts: list[list[Session]] = []
    for item in items:
        if merged and item.start_at - merged[-1].last_at <= SESSION_GAP:
            current = merged[-1]
            parts[-1].append(item)
            current.plays += item.plays
            current.changed = True
            if (item.last_at, item.last_play_id) > (current.last_at, current.last_play_id):
                current.last_at = item.last_at
                current.last_play_id = item.last_play_id
                current.last_track_id = item.last_track_id
                current.last_seconds = item.last_seconds
        else:
            merged.append(
                Session(
                    item.start_at,
                    item.last_at,
                    item.plays,
                    item.last_play_id,
                    item.last_track_id,
                    item.last_seconds,
                    item.changed,
                )
            )
            parts.append([item])
    stored_ids = {id(session) for session in stored}
    deleted = [
        part.start_at
        for result, group in zip(merged, parts, strict=True)
        if result.changed
        for part in group
        if id(part) in stored_ids
    ]
    return deleted, [session for session in merged if session.changed]
