"""Batched, idempotent ingest with cross-source de-duplication.

Rules (also in the README):
- A play's natural key is (source, start time, song). Re-ingesting a play adds nothing.
- The same song (primary artist + normalised title) reported by two *different* sources with
  start times at most ``dedup_window`` seconds apart is one play: the stored row gains the
  other source's report in ``play_report`` and fills what it lacked (device, seconds listened).
  Each stored play absorbs at most one report per other source within a batch, nearest first.
- A replay reported by one source with a distinct start time is another play.
- Before these rules apply, an imported play whose artist or start was not known is given the
  report's when the report is that play (``reconcile.py``).

The ingestor keeps id caches; ids of new rows are assigned here (the store has one writer),
which saves a round trip per new artist, album and track. Artist, album and track rows must
therefore only be created through the store's ingestor. After a failed transaction the
caller must call ``reset()``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
import time
from typing import Any, cast

from sqlalchemy import Connection

from ..models import SOURCE_CODES, IngestResult, PlayInput, RejectedPlay
from ..normalize import album_key, artist_key, split_credits, track_key
from ..stats.rollups import Rollups
from .dedup import PlayIndex, Slot, Song, StoredPlay
from .play_text import ReportedTexts
from .reconcile import Reconciler

# Scrobbling started in 2002; anything before 2000 is a unit or parsing error.
EARLIEST_PLAYED_AT = 946_684_800
FUTURE_TOLERANCE = 86_400
# SQLite's bound-parameter limit is 32766 on current versions; stay well below it.
_CHUNK = 500
_RAW_MEMO_LIMIT = 500_000
# Durations, listened seconds and track numbers beyond this (11.5 days) are bad input.
_MAX_NUMBER = 1_000_000


@dataclass(slots=True)
class _Names:
    credits: list[str]
    album_artist: str
    album_title: str


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
        self.reset()

    def reset(self) -> None:
        """Forget every cached id (after a rollback the caches may name rows that do not exist)."""
        self._artist_ids: dict[str, int] = {}
        self._album_ids: dict[tuple[int, str], int] = {}
        self._track_ids: dict[tuple[int, str], int] = {}
        self._track_songs: dict[int, Song] = {}
        self._tracks_missing_duration: set[int] = set()
        self._device_ids: dict[tuple[int, str], int] = {}
        self._next_id: dict[str, int] = {}
        # Tables that were empty when first seen: every row in them went through these
        # caches, so a cache miss means "new" without asking the database.
        self._mirrored: dict[str, bool] = {}
        # Sources repeat the same strings for every play of a track: remember where they led.
        self._raw_tracks: dict[tuple[Any, ...], int] = {}
        self.texts.reset()
        self.reconciler.reset()
        if self.rollups is not None:
            self.rollups.reset()

    def ingest_batch(self, conn: Connection, plays: Sequence[PlayInput]) -> IngestResult:
        """Ingest ``plays`` inside the caller's write transaction."""
        result = IngestResult(received=len(plays))
        valid = self._validate(plays, result)
        if not valid:
            return result
        track_ids = self._track_ids_for(conn, valid)
        device_ids = self._resolve_devices(conn, valid)
        self._write_plays(conn, valid, track_ids, device_ids, result)
        return result

    def _track_ids_for(self, conn: Connection, plays: list[PlayInput]) -> list[int]:
        raw_tracks = self._raw_tracks
        if len(raw_tracks) > _RAW_MEMO_LIMIT:
            raw_tracks.clear()
        raws = [_raw_identity(play) for play in plays]
        unknown = {
            raw: play for raw, play in zip(raws, plays, strict=True) if raw not in raw_tracks
        }
        if unknown:
            new_plays = list(unknown.values())
            names = [_parse_names(play) for play in new_plays]
            artist_ids = self._resolve_artists(conn, names)
            resolved = self._resolve_tracks(conn, new_plays, names, artist_ids)
            raw_tracks.update(zip(unknown, resolved, strict=True))
        track_ids = [raw_tracks[raw] for raw in raws]
        if self._tracks_missing_duration:
            self._fill_durations(conn, plays, track_ids)
        return track_ids

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

    # --- identity -----------------------------------------------------------------------

    def resolve_albums(self, conn: Connection, albums: Sequence[tuple[str, str]]) -> list[int]:
        """Ids of (album artist, title) albums, created when new (records meet plays here)."""
        names = [_Names([artist], artist, title) for artist, title in albums]
        artist_ids = self._resolve_artists(conn, names)
        keys = [(artist_ids[artist_key(n.album_artist)], album_key(n.album_title)) for n in names]
        self._resolve_albums(conn, keys, names)
        return [self._album_ids[key] for key in keys]

    def _resolve_artists(self, conn: Connection, names: list[_Names]) -> dict[str, int]:
        wanted: dict[str, str] = {}
        for entry in names:
            for name in (*entry.credits, entry.album_artist):
                key = artist_key(name)
                if key not in self._artist_ids and key not in wanted:
                    wanted[key] = name
        if wanted:
            for chunk in self._lookups(conn, "artist", list(wanted)):
                marks = ",".join("?" * len(chunk))
                rows = conn.exec_driver_sql(
                    f"SELECT key, id FROM artist WHERE key IN ({marks})", tuple(chunk)
                )
                self._artist_ids.update((key, artist) for key, artist in rows)
            new = [(key, name) for key, name in wanted.items() if key not in self._artist_ids]
            if new:
                rows_to_insert = [(self._take_id(conn, "artist"), key, name) for key, name in new]
                conn.exec_driver_sql(
                    "INSERT INTO artist (id, key, name) VALUES (?, ?, ?)", rows_to_insert
                )
                self._artist_ids.update((key, new_id) for new_id, key, _ in rows_to_insert)
        return self._artist_ids

    def _resolve_tracks(
        self,
        conn: Connection,
        plays: list[PlayInput],
        names: list[_Names],
        artist_ids: dict[str, int],
    ) -> list[int]:
        album_keys = [
            (artist_ids[artist_key(entry.album_artist)], album_key(entry.album_title))
            for entry in names
        ]
        self._resolve_albums(conn, album_keys, names)
        track_keys = [
            (self._album_ids[album], track_key(play.title))
            for album, play in zip(album_keys, plays, strict=True)
        ]
        missing: dict[tuple[int, str], int] = {}
        for index, key in enumerate(track_keys):
            if key not in self._track_ids and key not in missing:
                missing[key] = index
        if missing:
            self._load_tracks(conn, self._lookups(conn, "track", list(missing)))
            self._insert_tracks(conn, missing, plays, names, artist_ids)
        return [self._track_ids[key] for key in track_keys]

    def _resolve_albums(
        self, conn: Connection, album_keys: list[tuple[int, str]], names: list[_Names]
    ) -> None:
        missing: dict[tuple[int, str], str] = {}
        for key, entry in zip(album_keys, names, strict=True):
            if key not in self._album_ids and key not in missing:
                missing[key] = entry.album_title
        if not missing:
            return
        for chunk in self._lookups(conn, "album", list(missing)):
            marks = ",".join("(?, ?)" for _ in chunk)
            rows = conn.exec_driver_sql(
                f"SELECT artist_id, key, id FROM album WHERE (artist_id, key) IN (VALUES {marks})",
                tuple(value for pair in chunk for value in pair),
            )
            self._album_ids.update(((artist, key), album) for artist, key, album in rows)
        new = [
            (self._take_id(conn, "album"), artist, key, title)
            for (artist, key), title in missing.items()
            if (artist, key) not in self._album_ids
        ]
        if new:
            conn.exec_driver_sql(
                "INSERT INTO album (id, artist_id, key, title) VALUES (?, ?, ?, ?)", new
            )
            self._album_ids.update(((artist, key), album) for album, artist, key, _ in new)

    def _lookups[K](self, conn: Connection, table: str, keys: list[K]) -> Iterable[list[K]]:
        """Chunks of cache misses worth looking up in ``table`` (none when it is mirrored)."""
        mirrored = self._mirrored.get(table)
        if mirrored is None:
            empty = conn.exec_driver_sql(f"SELECT NOT EXISTS (SELECT 1 FROM {table})").scalar()
            mirrored = self._mirrored[table] = bool(empty)
        return () if mirrored else _chunks(keys)

    def _load_tracks(self, conn: Connection, chunks: Iterable[list[tuple[int, str]]]) -> None:
        for chunk in chunks:
            marks = ",".join("(?, ?)" for _ in chunk)
            rows = conn.exec_driver_sql(
                "SELECT album_id, key, id, artist_id, duration FROM track "
                f"WHERE (album_id, key) IN (VALUES {marks})",
                tuple(value for pair in chunk for value in pair),
            )
            for album_id, key, track_id, artist_id, duration in rows:
                self._remember_track((album_id, key), track_id, artist_id, duration)

    def _insert_tracks(
        self,
        conn: Connection,
        missing: dict[tuple[int, str], int],
        plays: list[PlayInput],
        names: list[_Names],
        artist_ids: dict[str, int],
    ) -> None:
        tracks: list[tuple[Any, ...]] = []
        credits: list[tuple[int, int, int]] = []
        for key, index in missing.items():
            if key in self._track_ids:
                continue
            play, entry = plays[index], names[index]
            credit_ids = list(dict.fromkeys(artist_ids[artist_key(n)] for n in entry.credits))
            track_id = self._take_id(conn, "track")
            duration = _positive(play.duration)
            tracks.append(
                (
                    track_id,
                    key[0],
                    credit_ids[0],
                    key[1],
                    play.title.strip(),
                    duration,
                    _positive(play.track_number),
                )
            )
            credits.extend((track_id, position, a) for position, a in enumerate(credit_ids))
            self._remember_track(key, track_id, credit_ids[0], duration)
        if tracks:
            conn.exec_driver_sql(
                "INSERT INTO track (id, album_id, artist_id, key, title, duration, track_number)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                tracks,
            )
            conn.exec_driver_sql(
                "INSERT INTO credit (track_id, position, artist_id) VALUES (?, ?, ?)", credits
            )

    def _remember_track(
        self, key: tuple[int, str], track_id: int, artist_id: int, duration: int | None
    ) -> None:
        self._track_ids[key] = track_id
        self._track_songs[track_id] = (artist_id, key[1])
        if self.rollups is not None:
            self.rollups.remember_track(track_id, artist_id, key[0], duration)
        if duration is None:
            self._tracks_missing_duration.add(track_id)

    def _fill_durations(
        self, conn: Connection, plays: list[PlayInput], track_ids: list[int]
    ) -> None:
        """A later report may know the duration an earlier one lacked (stats need it)."""
        updates: dict[int, int] = {}
        for play, track_id in zip(plays, track_ids, strict=True):
            duration = _positive(play.duration)
            if duration is not None and track_id in self._tracks_missing_duration:
                updates[track_id] = duration
                self._tracks_missing_duration.discard(track_id)
        if updates:
            conn.exec_driver_sql(
                "UPDATE track SET duration = ? WHERE id = ? AND duration IS NULL",
                [(duration, track_id) for track_id, duration in updates.items()],
            )
            if self.rollups is not None:
                self.rollups.durations_filled(conn, updates)

    def _resolve_devices(self, conn: Connection, plays: list[PlayInput]) -> list[int | None]:
        ids: list[int | None] = []
        for play in plays:
            name = (play.device or "").strip()
            if not name:
                ids.append(None)
                continue
            key = (SOURCE_CODES[play.source], name)
            device_id = self._device_ids.get(key)
            if device_id is None:
                found = conn.exec_driver_sql(
                    "SELECT id FROM device WHERE source_id = ? AND name = ?", key
                ).scalar()
                if found is None:
                    found = self._take_id(conn, "device")
                    conn.exec_driver_sql(
                        "INSERT INTO device (id, source_id, name) VALUES (?, ?, ?)", (found, *key)
                    )
                device_id = self._device_ids[key] = int(found)
            ids.append(device_id)
        return ids

    def _take_id(self, conn: Connection, table: str) -> int:
        next_id = self._next_id.get(table)
        if next_id is None:
            next_id = int(
                conn.exec_driver_sql(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").scalar_one()
            )
        self._next_id[table] = next_id + 1
        return next_id

    # --- plays --------------------------------------------------------------------------

    def _write_plays(
        self,
        conn: Connection,
        plays: list[PlayInput],
        track_ids: list[int],
        device_ids: list[int | None],
        result: IngestResult,
    ) -> None:
        self.reconciler.reconcile(conn, plays, track_ids, self._songs_of(conn), self.dedup_window)
        index = self._play_index(conn, plays)
        new_rows: list[list[Any]] = []
        new_plays: list[tuple[int, int, PlayInput]] = []
        reports: list[tuple[int, int, int]] = []
        merges: dict[int, list[Any]] = {}
        merged_at: list[tuple[int, int]] = []  # (the play's start, the merged source)
        for play, track_id, device_id in zip(plays, track_ids, device_ids, strict=True):
            source_id = SOURCE_CODES[play.source]
            match = index.match(play.played_at, track_id, source_id)
            if match is None:
                play_id = self._take_id(conn, "play")
                row = [play_id, track_id, play.played_at, source_id,
                       device_id, int(play.loved), _positive(play.seconds_listened)]  # fmt: skip
                new_rows.append(row)
                new_plays.append((play_id, track_id, play))
                index.add(play.played_at, track_id, source_id, row)
                result.added_plays.append(play)
            elif isinstance(match, Slot):
                index.claim(match, play.played_at, track_id, source_id)
                reports.append((play.played_at, match.play_id, source_id))
                merged_at.append((match.played_at, source_id))
                _merge_into(match, merges, device_id, play)
                result.merged += 1
            else:
                result.duplicates += 1
        if new_rows:
            conn.exec_driver_sql(
                "INSERT INTO play (id, track_id, played_at, source_id, device_id, loved,"
                " seconds_listened) VALUES (?, ?, ?, ?, ?, ?, ?)",
                [tuple(row) for row in new_rows],
            )
            self.texts.write(conn, new_plays)
        if reports:
            conn.exec_driver_sql(
                "INSERT INTO play_report (played_at, play_id, source_id) VALUES (?, ?, ?)", reports
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
        result.added = len(new_rows)

    def _play_index(self, conn: Connection, plays: list[PlayInput]) -> PlayIndex:
        """The stored plays and merged reports a play of this batch could duplicate."""
        window = self.dedup_window
        bounds = (
            min(p.played_at for p in plays) - window,
            max(p.played_at for p in plays) + window,
        )
        stored = conn.exec_driver_sql(
            "SELECT id, played_at, track_id, source_id FROM play WHERE played_at BETWEEN ? AND ?",
            bounds,
        ).all()
        reports = conn.exec_driver_sql(
            "SELECT r.played_at, p.track_id, r.source_id FROM play_report r "
            "JOIN play p ON p.id = r.play_id WHERE r.played_at BETWEEN ? AND ?",
            bounds,
        ).all()
        return PlayIndex(
            cast("list[StoredPlay]", stored),
            cast("list[tuple[int, int, int]]", reports),
            self._track_songs,
            lambda track_ids: self._load_songs(conn, track_ids),
            window,
        )

    def now(self) -> float:
        """The ingest clock's time."""
        return self._clock()

    def _songs_of(self, conn: Connection) -> Callable[[Iterable[int]], dict[int, Song]]:
        def songs(track_ids: Iterable[int]) -> dict[int, Song]:
            self._load_songs(conn, track_ids)
            return self._track_songs

        return songs

    def _load_songs(self, conn: Connection, track_ids: Iterable[int]) -> None:
        unknown = [track for track in track_ids if track not in self._track_songs]
        for chunk in _chunks(unknown):
            marks = ",".join("?" * len(chunk))
            for track_id, artist_id, key in conn.exec_driver_sql(
                f"SELECT id, artist_id, key FROM track WHERE id IN ({marks})", tuple(chunk)
            ):
                self._track_songs[track_id] = (artist_id, key)


def _merge_into(
    slot: Slot, merges: dict[int, list[Any]], device_id: int | None, play: PlayInput
) -> None:
    """Give a play what another source's report of it knows and it lacked."""
    seconds = _positive(play.seconds_listened)
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


def _raw_identity(play: PlayInput) -> tuple[Any, ...]:
    return (play.title, play.artist, play.artists, play.album, play.album_artist)


def _parse_names(play: PlayInput) -> _Names:
    credits = [name.strip() for name in play.artists if name.strip()]
    if not credits:
        credits = split_credits(play.artist) or [play.artist.strip()]
    album_artist = (play.album_artist or "").strip() or credits[0]
    return _Names(credits, album_artist, (play.album or "").strip())


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


def _positive(value: int | None) -> int | None:
    return value if value is not None and value > 0 else None


def _chunks[T](items: list[T], size: int = _CHUNK) -> Iterable[list[T]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
