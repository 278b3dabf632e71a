"""Which plays of an ingest batch are already stored, or are another source's report of one.

``PlayIndex`` holds the stored plays around a batch. The common cases stay cheap: an exact
re-ingest is one set lookup, and a batch in an empty time range builds nothing. The per-song,
time-sorted lists needed for cross-source matching are built only when an exact lookup misses.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

type Song = tuple[int, str]
type StoredPlay = tuple[int, int, int, int]  # (id, played_at, track_id, source_id)


@dataclass(slots=True)
class Slot:
    """A play near the batch; ``row`` is set while it is only about to be inserted."""

    played_at: int
    source_id: int
    play_id: int
    row: list[Any] | None
    claimed: int = 0  # bit mask of sources whose report was merged into it in this batch


DUPLICATE = "duplicate"


class PlayIndex:
    """Stored plays around one batch, plus the plays the batch adds as it goes."""

    def __init__(
        self,
        stored: list[StoredPlay],
        reports: list[tuple[int, int, int]],
        songs: dict[int, Song],
        load_songs: Callable[[Iterable[int]], None],
        window: int,
    ) -> None:
        load_songs({track for _, _, track, _ in stored} | {track for _, track, _ in reports})
        self._stored = stored
        self._songs = songs
        self._window = window
        # What each source already reported: its plays, and its reports merged into others'.
        self._exact = {(at, songs[track], source) for _, at, track, source in stored}
        self._exact.update((at, songs[track], source) for at, track, source in reports)
        self._sources = 0  # bit mask of the sources present around the batch
        for source in {source for _, _, _, source in stored}:
            self._sources |= 1 << source
        self._added: list[tuple[Song, Slot]] = []
        self._by_song: dict[Song, tuple[list[int], list[Slot]]] | None = None

    def match(self, played_at: int, track_id: int, source_id: int) -> Slot | str | None:
        """``DUPLICATE``, the slot this report merges into, or ``None`` for a new play.

        A report is a duplicate when its source already has the same song starting at the
        same second. It merges into the nearest play of that song from *another* source
        within the window that no report of this source has claimed in this batch.
        """
        song = self._songs[track_id]
        if (played_at, song, source_id) in self._exact:
            return DUPLICATE
        bit = 1 << source_id
        if not self._sources & ~bit:  # no other source around: nothing to merge with
            return None
        by_song = self._by_song if self._by_song is not None else self._build()
        found = by_song.get(song)
        if found is None:
            return None
        times, slots = found
        best: Slot | None = None
        start = bisect_left(times, played_at - self._window)
        for slot in slots[start : bisect_right(times, played_at + self._window)]:
            if (
                slot.source_id != source_id
                and not slot.claimed & bit
                and (
                    best is None
                    or abs(slot.played_at - played_at) < abs(best.played_at - played_at)
                )
            ):
                best = slot
        return best

    def claim(self, slot: Slot, played_at: int, track_id: int, source_id: int) -> None:
        """Record that this report merges into ``slot``: the same report again is a duplicate."""
        slot.claimed |= 1 << source_id
        self._exact.add((played_at, self._songs[track_id], source_id))

    def add(self, played_at: int, track_id: int, source_id: int, row: list[Any]) -> None:
        """Record a play this batch is about to insert, so later reports can match it."""
        song = self._songs[track_id]
        self._exact.add((played_at, song, source_id))
        self._sources |= 1 << source_id
        slot = Slot(played_at, source_id, row[0], row)
        if self._by_song is None:
            self._added.append((song, slot))
        else:
            _insert(self._by_song, song, slot)

    def _build(self) -> dict[Song, tuple[list[int], list[Slot]]]:
        by_song: dict[Song, tuple[list[int], list[Slot]]] = {}
        songs = self._songs
        for play_id, played_at, track_id, source_id in self._stored:
            _insert(by_song, songs[track_id], Slot(played_at, source_id, play_id, None))
        for song, slot in self._added:
            _insert(by_song, song, slot)
        self._added.clear()
        self._by_song = by_song
        return by_song


def _insert(by_song: dict[Song, tuple[list[int], list[Slot]]], song: Song, slot: Slot) -> None:
    """File ``slot`` under its song, in time order (after the slots of the same second)."""
    found = by_song.get(song)
    if found is None:
        by_song[song] = ([slot.played_at], [slot])
        return
    times, slots = found
    if times[-1] <= slot.played_at:  # Plays mostly come in time order: append.
        times.append(slot.played_at)
        slots.append(slot)
    else:
        index = bisect_right(times, slot.played_at)
        times.insert(index, slot.played_at)
        slots.insert(index, slot)
