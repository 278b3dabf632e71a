"""Which plays of an ingest batch are already stored, or are another source's report of one.

``PlayIndex`` holds the stored plays around a batch. The common cases stay cheap: an exact
re-ingest is one set lookup, and a batch in an empty time range builds nothing. The per-song,
time-sorted lists needed for cross-source matching are built only when an exact lookup misses.

Who listened (listener ids, 0 for the household): reports of two different people are never
one play (two people can play the same song at the same second on their own devices, even
on one kind of source); a household report is one with anyone's, and a person's report
merged into a household play makes it that person's. A person's report of a song the
household's play of the same source already has at the same second is a duplicate of it.
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
    listener: int = 0  # who listened: 0 for the household
    claimed: int = 0  # bit mask of sources whose report was merged into it in this batch


DUPLICATE = "duplicate"


class PlayIndex:
    """Stored plays around one batch, plus the plays the batch adds as it goes."""

    def __init__(
        self,
        stored: list[StoredPlay],
        reports: list[tuple[int, int, int, int]],
        songs: dict[int, Song],
        load_songs: Callable[[Iterable[int]], None],
        window: int,
        *,
        listeners: dict[int, int] | None = None,
    ) -> None:
        """``listeners``: the listener of each stored play that has one, by play id (also of
        the plays ``reports`` (played_at, track, source, listener) were merged into)."""
        load_songs({track for _, _, track, _ in stored} | {track for _, track, _, _ in reports})
        self._stored = stored
        self._songs = songs
        self._window = window
        self._listeners = listeners or {}
        # What each source already reported: its plays, and its reports merged into others'.
        self._exact = {(at, songs[track], source) for _, at, track, source in stored}
        self._exact.update((at, songs[track], source) for at, track, source, _ in reports)
        # For the keys a person reported: every listener that has the key (0: the household).
        self._owners: dict[tuple[int, Song, int], set[int]] = {}
        if self._listeners or any(listener for *_, listener in reports):
            self._owners_of(stored, reports)
        self._sources = 0  # bit mask of the sources present around the batch
        for source in {source for _, _, _, source in stored}:
            self._sources |= 1 << source
        self._added: list[tuple[Song, Slot]] = []
        self._by_song: dict[Song, tuple[list[int], list[Slot]]] | None = None

    def _owners_of(
        self, stored: list[StoredPlay], reports: list[tuple[int, int, int, int]]
    ) -> None:
        songs, listeners = self._songs, self._listeners
        keys = [
            (at, songs[track], source, listeners.get(play, 0)) for play, at, track, source in stored
        ]
        keys.extend((at, songs[track], source, listener) for at, track, source, listener in reports)
        for at, song, source, listener in keys:
            self._owners.setdefault((at, song, source), set()).add(listener)
        for key in [key for key, owners in self._owners.items() if owners == {0}]:
            del self._owners[key]  # Household keys need no entry (see ``_note``).

    def _note(self, key: tuple[int, Song, int], listener: int) -> None:
        """Record that ``listener`` has this key (a key in no ``_owners`` is the household's)."""
        owners = self._owners.get(key)
        if owners is not None:
            owners.add(listener)
        elif listener:
            # The key is new here: a person's report of a key the household has is a duplicate.
            self._owners[key] = {listener}
        self._exact.add(key)

    def _is_duplicate(self, key: tuple[int, Song, int], listener: int) -> bool:
        if key not in self._exact:
            return False
        if not listener:
            return True
        owners = self._owners.get(key)
        return owners is None or listener in owners or 0 in owners

    def household_play(self, played_at: int, track_id: int, source_id: int) -> Slot | None:
        """The household's play this source reported at this second, of this song, if any: a
        person's report of it (a history imported again for its person) makes it theirs."""
        song = self._songs[track_id]
        owners = self._owners.get((played_at, song, source_id))
        if owners is not None and 0 not in owners:
            return None
        by_song = self._by_song if self._by_song is not None else self._build()
        times, slots = by_song.get(song, ([], []))
        for slot in slots[bisect_left(times, played_at) : bisect_right(times, played_at)]:
            if slot.source_id == source_id and not slot.listener:
                return slot
        return None

    def take(self, slot: Slot, played_at: int, track_id: int, listener: int) -> None:
        """``slot``, the household's, is ``listener``'s from now on."""
        slot.listener = listener
        key = (played_at, self._songs[track_id], slot.source_id)
        owners = self._owners.setdefault(key, {0})
        owners.discard(0)
        owners.add(listener)

    def match(
        self, played_at: int, track_id: int, source_id: int, listener: int = 0
    ) -> Slot | str | None:
        """``DUPLICATE``, the slot this report merges into, or ``None`` for a new play.

        A report is a duplicate when its source already has the same song starting at the
        same second (for the same person, or the household). It merges into the nearest play
        of that song from *another* source within the window that no report of this source
        has claimed in this batch, and that is not another person's.
        """
        song = self._songs[track_id]
        if self._is_duplicate((played_at, song, source_id), listener):
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
                and (not listener or not slot.listener or slot.listener == listener)
                and (
                    best is None
                    or abs(slot.played_at - played_at) < abs(best.played_at - played_at)
                )
            ):
                best = slot
        return best

    def claim(
        self, slot: Slot, played_at: int, track_id: int, source_id: int, listener: int = 0
    ) -> bool:
        """Record that this report merges into ``slot``: the same report again is a duplicate.

        Returns whether the play becomes ``listener``'s (a household play a person reported).
        """
        slot.claimed |= 1 << source_id
        taken = bool(listener) and not slot.listener
        if taken:
            slot.listener = listener
        self._note((played_at, self._songs[track_id], source_id), slot.listener)
        return taken

    def add(
        self, played_at: int, track_id: int, source_id: int, row: list[Any], listener: int = 0
    ) -> None:
        """Record a play this batch is about to insert, so later reports can match it."""
        song = self._songs[track_id]
        self._note((played_at, song, source_id), listener)
        self._sources |= 1 << source_id
        slot = Slot(played_at, source_id, row[0], row, listener)
        if self._by_song is None:
            self._added.append((song, slot))
        else:
            _insert(self._by_song, song, slot)

    def _build(self) -> dict[Song, tuple[list[int], list[Slot]]]:
        by_song: dict[Song, tuple[list[int], list[Slot]]] = {}
        songs = self._songs
        listeners = self._listeners
        for play_id, played_at, track_id, source_id in self._stored:
            slot = Slot(played_at, source_id, play_id, None, listeners.get(play_id, 0))
            _insert(by_song, songs[track_id], slot)
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
