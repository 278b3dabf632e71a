"""Batched, idempotent ingest with cross-source de-duplication.

Rules (also in the README):
- A play's natural key is (source, start time, song). Re-ingesting a play adds nothing.
- The same song (primary artist + normalised title) reported by two *different* sources with
  start times at most ``dedup_window`` seconds apart is one play: the stored row gains the
  other source's report in ``play_report`` and fills what it lacked (device, seconds listened).
  Each stored play absorbs at most one report per other source within a batch, nearest first.
- A replay reported by one source with a distinct start time is another play.
- Who listened (``listeners.py``, ``dedup.py``): two people's reports are never one play; a
  household play merged with a person's report becomes that person's.
- Before these rules apply, an imported play whose artist or start was not known is given the
  report's when the report is that play (``reconcile.py``).

The ingestor keeps id caches (``identities.py``); ids of new rows are assigned there (the
store has one writer), which saves a round trip per new artist, album and track. Artist,
album and track rows must therefore only be created through the store's ingestor. After a
failed transaction the caller must call ``reset()``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
import time
from typing import Any

from sqlalchemy import Connection

from ..models import SOURCE_CODES, IngestResult, PlayInput, RejectedPlay
from ..stats.bulk import executemany, fetch
from ..stats.person_rollups import PersonRollups
from ..stats.rollups import Rollups
from .dedup import PlayIndex, Slot, StoredPlay
from .identities import Identities, positive
from .listeners import ListenerIds
from .play_text import ReportedTexts
from .reconcile import Reconciler

# Scrobbling started in 2002; anything before 2000 is a unit or parsing error.
EARLIEST_PLAYED_AT = 946_684_800
FUTURE_TOLERANCE = 86_400
# Durations, listened seconds and track numbers beyond this (11.5 days) are bad input.
_MAX_NUMBER = 1_000_000


class Ingestor:
    """Resolves identities and writes plays; one instance per store, used under its write lock."""

    def __init__(
        self,
        dedup_window: int,
        clock: Callable[[], float] = time.time,
        rollups: Rollups | None = None,
    ) -> None:
        self.dedup_window = dedup_window
        self._clock = clock
        self.rollups = rollups  # Statistics updated in the same transaction as the plays.
        self.texts = ReportedTexts()  # Each play's text where it differs from its song's names.
        self.reconciler = Reconciler()  # Imported plays a later report completes.
        self.identities = Identities(rollups)
        self.listeners = ListenerIds()
        # Per-person statistics, beside ``rollups``.
        self.people: PersonRollups | None = rollups.people if rollups is not None else None
        self.reset()

    def reset(self) -> None:
        """Forget every cached id (after a rollback the caches may name rows that do not exist)."""
        self.identities.reset()
        self.listeners.reset()
        self.texts.reset()
        self.reconciler.reset()
        if self.rollups is not None:
            self.rollups.reset()

    def resolve_albums(self, conn: Connection, albums: Sequence[tuple[str, str]]) -> list[int]:
        """Ids of (album artist, title) albums, created when new (records meet plays here)."""
        return self.identities.resolve_albums(conn, albums)

    def ingest_batch(self, conn: Connection, plays: Sequence[PlayInput]) -> IngestResult:
        """Ingest ``plays`` inside the caller's write transaction."""
        result = IngestResult(received=len(plays))
        valid = self._validate(plays, result)
        if not valid:
            return result
        track_ids = self.identities.track_ids_for(conn, valid)
        device_ids = self.identities.resolve_devices(conn, valid)
        listener_ids = self.listeners.ids_for(conn, valid)
        self._write_plays(conn, valid, track_ids, (device_ids, listener_ids), result)
        return result

    # --- validation ---------------------------------------------------------------------

    def _validate(self, plays: Sequence[PlayInput], result: IngestResult) -> list[PlayInput]:
        latest = int(self._clock()) + FUTURE_TOLERANCE
        valid: list[PlayInput] = []
        for play in plays:
            reason = _rejection_reason(play, latest)
            if reason is None:
                valid.append(play)
            else:
                result.rejected.append(RejectedPlay(play, reason))
        return valid

    # --- plays --------------------------------------------------------------------------

    def _write_plays(
        self,
        conn: Connection,
        plays: list[PlayInput],
        track_ids: list[int],
        ids: tuple[list[int | None], list[int]],
        result: IngestResult,
    ) -> None:
        device_ids, listener_ids = ids
        self.reconciler.reconcile(
            conn, plays, track_ids, self.identities.songs_of(conn), self.dedup_window
        )
        index = self._play_index(conn, plays, any(listener_ids))
        new_rows: list[list[Any]] = []
        new_plays: list[tuple[int, int, PlayInput]] = []
        reports: list[tuple[int, int, int]] = []
        merges: dict[int, list[Any]] = {}
        merged_at: list[tuple[int, int]] = []  # (the play's start, the merged source)
        taken: list[tuple[int, int]] = []  # (listener, stored household play a person reported)
        next_play = self.identities.take_id(conn, "play")
        for play, track_id, device_id, listener in zip(
            plays, track_ids, device_ids, listener_ids, strict=True
        ):
            source_id = SOURCE_CODES[play.source]
            match = index.match(play.played_at, track_id, source_id, listener)
            if match is None:
                play_id, next_play = next_play, next_play + 1
                heard = positive(play.seconds_listened)
                row = [play_id, track_id, play.played_at, source_id, device_id,
                       int(play.loved), heard, listener or None]  # fmt: skip
                new_rows.append(row)
                new_plays.append((play_id, track_id, play))
                index.add(play.played_at, track_id, source_id, row, listener)
                result.added_plays.append(play)
            elif isinstance(match, Slot):
                if index.claim(match, play.played_at, track_id, source_id, listener):
                    if match.row is not None:
                        match.row[7] = listener
                    else:
                        taken.append((listener, match.play_id))
                reports.append((play.played_at, match.play_id, source_id))
                merged_at.append((match.played_at, source_id))
                _merge_into(match, merges, device_id, play)
                result.merged += 1
            else:
                result.duplicates += 1
                if listener and (own := index.household_play(play.played_at, track_id, source_id)):
                    index.take(own, play.played_at, track_id, listener)
                    if own.row is not None:
                        own.row[7] = listener
                    else:
                        taken.append((listener, own.play_id))
        self.identities.continue_from("play", next_play)
        if new_rows:
            executemany(
                conn,
                "INSERT INTO play (id, track_id, played_at, source_id, device_id, loved,"
                " seconds_listened, listener_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                new_rows,
            )
            self.texts.write(conn, new_plays, self.identities.new_track_names)
        if reports:
            executemany(
                conn,
                "INSERT INTO play_report (played_at, play_id, source_id) VALUES (?, ?, ?)",
                reports,
            )
        if self.rollups is not None:
            self.rollups.add_plays(conn, new_rows)
            self.rollups.add_reports(conn, merged_at)
            listened = {play_id: update[2] for play_id, update in merges.items() if update[2]}
            self.rollups.listened_filled(conn, listened)
        if merges:
            conn.exec_driver_sql(
                "UPDATE play SET device_id = coalesce(device_id, ?), loved = max(loved, ?),"
                " seconds_listened = coalesce(seconds_listened, ?) WHERE id = ?",
                [(*update, play_id) for play_id, update in merges.items()],
            )
        if taken:
            conn.exec_driver_sql("UPDATE play SET listener_id = ? WHERE id = ?", taken)
        if self.people is not None:
            added = [row[0] for row in new_rows if row[7]]
            added.extend(play_id for _, play_id in taken)
            # Merged reports may have brought listened seconds to a person's stored play.
            priced = list(merges) if merges and self.listeners.known(conn) else []
            if added or priced:
                self.people.plays_changed(conn, added, priced)
        result.added = len(new_rows)

    def _play_index(self, conn: Connection, plays: list[PlayInput], personal: bool) -> PlayIndex:
        """The stored plays and merged reports a play of this batch could duplicate.

        Who listened to them is read only when someone (``personal``: in this batch) ever did.
        """
        window = self.dedup_window
        bounds = (
            min(p.played_at for p in plays) - window,
            max(p.played_at for p in plays) + window,
        )
        stored: list[StoredPlay] = fetch(
            conn,
            "SELECT id, played_at, track_id, source_id FROM play WHERE played_at BETWEEN ? AND ?",
            bounds,
        )
        reports: list[tuple[int, int, int, int]] = fetch(
            conn,
            "SELECT r.played_at, p.track_id, r.source_id, coalesce(p.listener_id, 0) "
            "FROM play_report r JOIN play p ON p.id = r.play_id WHERE r.played_at BETWEEN ? AND ?",
            bounds,
        )
        listeners: dict[int, int] = {}
        if stored and (personal or self.listeners.known(conn)):
            listeners = dict(
                fetch(
                    conn,
                    "SELECT id, listener_id FROM play WHERE played_at BETWEEN ? AND ? "
                    "AND listener_id IS NOT NULL",
                    bounds,
                )
            )
        return PlayIndex(
            stored,
            reports,
            self.identities.track_songs,
            lambda track_ids: self.identities.load_songs(conn, track_ids),
            window,
            listeners=listeners,
        )

    def now(self) -> float:
        """The ingest clock's time."""
        return self._clock()


def _merge_into(
    slot: Slot, merges: dict[int, list[Any]], device_id: int | None, play: PlayInput
) -> None:
    """Give a play what another source's report of it knows and it lacked."""
    seconds = positive(play.seconds_listened)
    if slot.row is not None:  # both reports are in this batch: fix the pending row
        row = slot.row
        row[4] = row[4] if row[4] is not None else device_id
        row[5] = max(row[5], int(play.loved))
        row[6] = row[6] if row[6] is not None else seconds
        return
    update = merges.setdefault(slot.play_id, [None, 0, None])
    update[0] = update[0] if update[0] is not None else device_id
    update[1] = max(update[1], int(play.loved))
    update[2] = update[2] if update[2] is not None else seconds


def _rejection_reason(play: PlayInput, latest: int) -> str | None:
    if not play.title or not play.title.strip():
        return "missing_title"
    if not (play.artist and play.artist.strip()) and not any(a.strip() for a in play.artists):
        return "missing_artist"
    if play.source not in SOURCE_CODES:
        return "unknown_source"
    if not isinstance(play.played_at, int) or play.played_at < EARLIEST_PLAYED_AT:
        return "invalid_time"
    if play.played_at > latest:
        return "future_time"
    for number in (play.duration, play.seconds_listened, play.track_number):
        if number is not None and not (isinstance(number, int) and 0 <= number <= _MAX_NUMBER):
            return "invalid_number"
    return None
