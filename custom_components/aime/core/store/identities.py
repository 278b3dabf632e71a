"""Artist, album, track and device ids for the plays of an ingest, created when new.

Ids of new rows are assigned here (the store has one writer), which saves a round trip per
new artist, album and track; the caches behind that are why those rows must only be created
through the store's ingestor, and why ``reset()`` must follow a failed transaction.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from operator import attrgetter
from typing import Any

from sqlalchemy import Connection

from ..models import SOURCE_CODES, PlayInput
from ..normalize import album_key, artist_key, split_credits, track_key
from ..stats.bulk import chunks, executemany, fetch
from ..stats.rollups import Rollups
from .dedup import Song
from .name_search import index_new_names

_RAW_MEMO_LIMIT = 500_000


class Identities:
    """The id caches of one store's ingestor, and the lookups and inserts behind them."""

    def __init__(self, rollups: Rollups | None = None) -> None:
        self._rollups = rollups  # Told of every track, for statistics.
        self.reset()

    def reset(self) -> None:
        """Forget every cached id (after a rollback the caches may name rows that do not exist)."""
        self._artist_ids: dict[str, int] = {}
        self._album_ids: dict[tuple[int, str], int] = {}
        self._track_ids: dict[tuple[int, str], int] = {}
        self.track_songs: dict[int, Song] = {}
        self._tracks_missing_duration: set[int] = set()
        self._device_ids: dict[tuple[int, str], int] = {}
        self._next_id: dict[str, int] = {}
        # Tables that were empty when first seen: every row in them went through these
        # caches, so a cache miss means "new" without asking the database.
        self._mirrored: dict[str, bool] = {}
        # Sources repeat the same strings for every play of a track: remember where they led.
        self._raw_tracks: dict[tuple[Any, ...], int] = {}
        # Stored names, so that a new track's (title, artist, album) is known without a query.
        self._artist_names: dict[int, str] = {}
        self._album_titles: dict[int, str] = {}
        self.new_track_names: dict[int, tuple[str, str, str]] = {}  # Of the last batch.

    def track_ids_for(self, conn: Connection, plays: list[PlayInput]) -> list[int]:
        """The track id of each play, creating its artists, album and track when new."""
        raw_tracks = self._raw_tracks
        if len(raw_tracks) > _RAW_MEMO_LIMIT:
            raw_tracks.clear()
        self.new_track_names.clear()
        raws = list(map(raw_identity, plays))
        unknown = {
            raw: play for raw, play in zip(raws, plays, strict=True) if raw not in raw_tracks
        }
        if unknown:
            new_plays = list(unknown.values())
            names = [parse_names(play) for play in new_plays]
            artist_ids = self._resolve_artists(conn, names)
            resolved = self._resolve_tracks(conn, new_plays, names, artist_ids)
            raw_tracks.update(zip(unknown, resolved, strict=True))
        track_ids = [raw_tracks[raw] for raw in raws]
        if self._tracks_missing_duration:
            self._fill_durations(conn, plays, track_ids)
        return track_ids

    def resolve_albums(self, conn: Connection, albums: Sequence[tuple[str, str]]) -> list[int]:
        """Ids of (album artist, title) albums, created when new (records meet plays here)."""
        names = [Names([artist], artist, title) for artist, title in albums]
        artist_ids = self._resolve_artists(conn, names)
        keys = [(artist_ids[artist_key(n.album_artist)], album_key(n.album_title)) for n in names]
        self._resolve_albums(conn, keys, names)
        return [self._album_ids[key] for key in keys]

    def _resolve_artists(self, conn: Connection, names: list[Names]) -> dict[str, int]:
        wanted: dict[str, str] = {}
        for entry in names:
            for name in (*entry.credits, entry.album_artist):
                key = artist_key(name)
                if key not in self._artist_ids and key not in wanted:
                    wanted[key] = name
        if wanted:
            for chunk in self._lookups(conn, "artist", list(wanted)):
                marks = ",".join("?" * len(chunk))
                for key, artist, name in fetch(
                    conn, f"SELECT key, id, name FROM artist WHERE key IN ({marks})", chunk
                ):
                    self._artist_ids[key] = artist
                    self._artist_names[artist] = name
            new = [(key, name) for key, name in wanted.items() if key not in self._artist_ids]
            if new:
                rows_to_insert = [(self.take_id(conn, "artist"), key, name) for key, name in new]
                conn.exec_driver_sql(
                    "INSERT INTO artist (id, key, name) VALUES (?, ?, ?)", rows_to_insert
                )
                index_new_names(conn, "artist", rows_to_insert[0][0], rows_to_insert[-1][0])
                self._artist_ids.update((key, new_id) for new_id, key, _ in rows_to_insert)
                self._artist_names.update((new_id, name) for new_id, _, name in rows_to_insert)
        return self._artist_ids

    def _resolve_tracks(
        self,
        conn: Connection,
        plays: list[PlayInput],
        names: list[Names],
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
        self, conn: Connection, album_keys: list[tuple[int, str]], names: list[Names]
    ) -> None:
        missing: dict[tuple[int, str], str] = {}
        for key, entry in zip(album_keys, names, strict=True):
            if key not in self._album_ids and key not in missing:
                missing[key] = entry.album_title
        if not missing:
            return
        for chunk in self._lookups(conn, "album", list(missing)):
            marks = ",".join("(?, ?)" for _ in chunk)
            for artist, key, album, title in fetch(
                conn,
                "SELECT artist_id, key, id, title FROM album "
                f"WHERE (artist_id, key) IN (VALUES {marks})",
                [value for pair in chunk for value in pair],
            ):
                self._album_ids[artist, key] = album
                self._album_titles[album] = title
        new = [
            (self.take_id(conn, "album"), artist, key, title)
            for (artist, key), title in missing.items()
            if (artist, key) not in self._album_ids
        ]
        if new:
            conn.exec_driver_sql(
                "INSERT INTO album (id, artist_id, key, title) VALUES (?, ?, ?, ?)", new
            )
            index_new_names(conn, "album", new[0][0], new[-1][0])
            self._album_ids.update(((artist, key), album) for album, artist, key, _ in new)
            self._album_titles.update((album, title) for album, _, _, title in new)

    def _lookups[K](self, conn: Connection, table: str, keys: list[K]) -> Iterable[list[K]]:
        """Chunks of cache misses worth looking up in ``table`` (none when it is mirrored)."""
        mirrored = self._mirrored.get(table)
        if mirrored is None:
            empty = conn.exec_driver_sql(f"SELECT NOT EXISTS (SELECT 1 FROM {table})").scalar()
            mirrored = self._mirrored[table] = bool(empty)
        return () if mirrored else chunks(keys)

    def _load_tracks(self, conn: Connection, batches: Iterable[list[tuple[int, str]]]) -> None:
        for chunk in batches:
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
        names: list[Names],
        artist_ids: dict[str, int],
    ) -> None:
        tracks: list[tuple[Any, ...]] = []
        credits: list[tuple[int, int, int]] = []
        artist_names, album_titles = self._artist_names, self._album_titles
        for key, index in missing.items():
            if key in self._track_ids:
                continue
            play, entry = plays[index], names[index]
            credit_ids = list(dict.fromkeys(artist_ids[artist_key(n)] for n in entry.credits))
            track_id = self.take_id(conn, "track")
            duration = positive(play.duration)
            title = play.title.strip()
            tracks.append(
                (
                    track_id,
                    key[0],
                    credit_ids[0],
                    key[1],
                    title,
                    duration,
                    positive(play.track_number),
                )
            )
            artist_name, album_title = artist_names.get(credit_ids[0]), album_titles.get(key[0])
            if artist_name is not None and album_title is not None:
                self.new_track_names[track_id] = (title, artist_name, album_title)
            # Position 0, the primary artist, is the track's artist_id: not repeated.
            credits.extend(
                (track_id, position, a) for position, a in enumerate(credit_ids) if position
            )
            self._remember_track(key, track_id, credit_ids[0], duration)
        if tracks:
            executemany(
                conn,
                "INSERT INTO track (id, album_id, artist_id, key, title, duration, track_number)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                tracks,
            )
            index_new_names(conn, "track", tracks[0][0], tracks[-1][0])
            if credits:
                executemany(
                    conn,
                    "INSERT INTO credit (track_id, position, artist_id) VALUES (?, ?, ?)",
                    credits,
                )

    def _remember_track(
        self, key: tuple[int, str], track_id: int, artist_id: int, duration: int | None
    ) -> None:
        self._track_ids[key] = track_id
        self.track_songs[track_id] = (artist_id, key[1])
        if self._rollups is not None:
            self._rollups.remember_track(track_id, artist_id, key[0], duration)
        if duration is None:
            self._tracks_missing_duration.add(track_id)

    def _fill_durations(
        self, conn: Connection, plays: list[PlayInput], track_ids: list[int]
    ) -> None:
        """A later report may know the duration an earlier one lacked (stats need it)."""
        updates: dict[int, int] = {}
        missing = self._tracks_missing_duration
        for play, track_id in zip(plays, track_ids, strict=True):
            duration = play.duration
            if duration and duration > 0 and track_id in missing:
                updates[track_id] = duration
                missing.discard(track_id)
        if updates:
            conn.exec_driver_sql(
                "UPDATE track SET duration = ? WHERE id = ? AND duration IS NULL",
                [(duration, track_id) for track_id, duration in updates.items()],
            )
            if self._rollups is not None:
                self._rollups.durations_filled(conn, updates)

    def resolve_devices(self, conn: Connection, plays: list[PlayInput]) -> list[int | None]:
        """The device id of each play (``None`` when it names none), created when new."""
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
                    found = self.take_id(conn, "device")
                    conn.exec_driver_sql(
                        "INSERT INTO device (id, source_id, name) VALUES (?, ?, ?)", (found, *key)
                    )
                device_id = self._device_ids[key] = int(found)
            ids.append(device_id)
        return ids

    def take_id(self, conn: Connection, table: str) -> int:
        """The id the next new row of ``table`` gets."""
        next_id = self._next_id.get(table)
        if next_id is None:
            next_id = int(
                conn.exec_driver_sql(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").scalar_one()
            )
        self._next_id[table] = next_id + 1
        return next_id

    def continue_from(self, table: str, next_id: int) -> None:
        """The next new row of ``table`` gets ``next_id``: a caller that took ids from
        ``take_id`` on, one by one, gives back those it did not use."""
        self._next_id[table] = next_id

    def songs_of(self, conn: Connection) -> Callable[[Iterable[int]], dict[int, Song]]:
        """A lookup of tracks' songs (artist id, title key) reading ``conn`` for unknown ones."""

        def songs(track_ids: Iterable[int]) -> dict[int, Song]:
            self.load_songs(conn, track_ids)
            return self.track_songs

        return songs

    def load_songs(self, conn: Connection, track_ids: Iterable[int]) -> None:
        """Put the songs of ``track_ids`` into ``track_songs``."""
        unknown = [track for track in track_ids if track not in self.track_songs]
        for chunk in chunks(unknown):
            marks = ",".join("?" * len(chunk))
            for track_id, artist_id, key in conn.exec_driver_sql(
                f"SELECT id, artist_id, key FROM track WHERE id IN ({marks})", tuple(chunk)
            ):
                self.track_songs[track_id] = (artist_id, key)


@dataclass(slots=True)
class Names:
    """A play's credited artists and the album it is filed under, as spelled."""

    credits: list[str]
    album_artist: str
    album_title: str


# A play's identity as the source spelt it: (title, artist, artists, album, album artist).
raw_identity: Callable[[PlayInput], tuple[Any, ...]] = attrgetter(
    "title", "artist", "artists", "album", "album_artist"
)


def parse_names(play: PlayInput) -> Names:
    credits = [name.strip() for name in play.artists if name.strip()]
    if not credits:
        credits = split_credits(play.artist) or [play.artist.strip()]
    album_artist = (play.album_artist or "").strip() or credits[0]
    return Names(credits, album_artist, (play.album or "").strip())


def positive(value: int | None) -> int | None:
    """``value`` when above zero; ``None`` for zero, negative or missing."""
    return value if value is not None and value > 0 else None
