"""Imported plays that a source's own report completes: the right artist, the start time.

The AIME database import stores what the original app knew and no more (``core/imports``):
some plays are by one of several artists (an unresolved stand-in artist, whose candidates are
in ``artist_candidate``; or an artist chosen on evidence among ``play_import.candidates``),
and some times are when the app noticed the play rather than when it started
(``play_import.exact_time = 0``). When a source later reports such a play, the stored play
takes the report's track (its artist) and, from the same source, its start time; the
ordinary de-duplication then sees the report as the play it is. A report is such a play when
it has the stored play's title, is by its artist or one of its candidates, and

- comes from the same source at the same second, or, for a noticed time, at most
  ``NOTICE_LAG`` seconds before it (the app's trackers polled after the play started);
- or comes from another source within the dedup window (for a known artist and an exact
  time, the ordinary merge is enough; a noticed time takes the report's start).

Moving plays changes the statistics, which are then rebuilt from the plays. A rebuild reads
every play (seconds for a large history) and a Last.fm history import ingests page by page, so
the store rebuilds at the end of an ingest call at most once per ``REBUILD_INTERVAL``; until
then ``stats_meta.built = 0`` marks them stale (a store opened in that state rebuilds them),
and ``Store.settle_statistics`` rebuilds at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from sqlalchemy import Connection

from ..models import SOURCE_CODES, PlayInput

# The original app's Last.fm tracker saw a scrobble after the track was scrobbled (at half or
# four minutes) and up to a 150 s poll later; 15 minutes covers a long track.
NOTICE_LAG = 900
REBUILD_INTERVAL = 60
_CHUNK = 500

type Song = tuple[int, str]


@dataclass(slots=True)
class _Pending:
    """A stored play whose artist or start time is still to be learned."""

    play_id: int
    played_at: int
    source_id: int
    track_id: int
    artist_id: int
    title: str  # The track's key.
    exact: bool
    unresolved: bool  # The artist is a stand-in for its candidates.
    candidates: frozenset[str]  # Artist keys the play may be by.
    done: bool = False


class Reconciler:
    """Finds the imported plays a batch completes; used under the store's write lock."""

    def __init__(self) -> None:
        self.changed = False  # Plays moved since the last ``finish``.
        self.stale = False  # The statistics wait for a rebuild.
        self._active: bool | None = None
        self._rebuilt_at: float | None = None

    def reset(self) -> None:
        """Forget whether there is anything to reconcile (imports add rows behind our back)."""
        self._active = None

    def reconcile(
        self,
        conn: Connection,
        plays: Sequence[PlayInput],
        track_ids: Sequence[int],
        songs: Callable[[Iterable[int]], dict[int, Song]],
        window: int,
    ) -> int:
        """Move the stored plays this batch reports to its tracks and times; return how many."""
        if self._active is None:
            self._active = bool(
                conn.exec_driver_sql(
                    "SELECT EXISTS (SELECT 1 FROM play_import "
                    "WHERE exact_time = 0 OR candidates IS NOT NULL) "
                    "OR EXISTS (SELECT 1 FROM artist_candidate)"
                ).scalar()
            )
        if not self._active or not plays:
            return 0
        times = [play.played_at for play in plays]
        pending = _pending(conn, min(times) - window, max(times) + max(window, NOTICE_LAG))
        if not pending:
            return 0
        batch_songs = songs(track_ids)
        artist_keys = _artist_keys(conn, {batch_songs[track][0] for track in track_ids})
        by_title: dict[str, list[_Pending]] = {}
        for row in pending:
            by_title.setdefault(row.title, []).append(row)
        moved = 0
        for play, track_id in zip(plays, track_ids, strict=True):
            artist_id, title = batch_songs[track_id]
            source_id = SOURCE_CODES[play.source]
            found = _best(
                by_title.get(title, []),
                (play.played_at, source_id, artist_id, artist_keys[artist_id]),
                window,
            )
            if found is None:
                continue
            found.done = True
            new_track = found.track_id if found.artist_id == artist_id else track_id
            played_at = found.played_at if found.exact else play.played_at
            if (new_track, played_at) == (found.track_id, found.played_at) or _taken(
                conn, played_at, new_track, found.source_id, found.play_id
            ):
                continue
            conn.exec_driver_sql(
                "UPDATE play SET track_id = ?, played_at = ? WHERE id = ?",
                (new_track, played_at, found.play_id),
            )
            if played_at != found.played_at:
                conn.exec_driver_sql(
                    "UPDATE play_import SET exact_time = 1 WHERE play_id = ?", (found.play_id,)
                )
            moved += 1
        if moved and not self.changed:
            conn.exec_driver_sql("UPDATE stats_meta SET built = 0")
            self.changed = True
        return moved

    def finish(self, conn: Connection) -> None:
        """Remove the unresolved tracks, albums and artists no play uses any more."""
        conn.exec_driver_sql(
            "DELETE FROM track WHERE artist_id IN (SELECT artist_id FROM artist_candidate) "
            "AND NOT EXISTS (SELECT 1 FROM play WHERE play.track_id = track.id) "
            "AND NOT EXISTS (SELECT 1 FROM playlist_track p WHERE p.track_id = track.id)"
        )
        conn.exec_driver_sql(
            "DELETE FROM album WHERE artist_id IN (SELECT artist_id FROM artist_candidate) "
            "AND NOT EXISTS (SELECT 1 FROM track WHERE track.album_id = album.id) "
            "AND NOT EXISTS (SELECT 1 FROM collection_item c WHERE c.album_id = album.id)"
        )
        conn.exec_driver_sql(
            "DELETE FROM artist WHERE id IN (SELECT artist_id FROM artist_candidate) "
            "AND NOT EXISTS (SELECT 1 FROM track WHERE track.artist_id = artist.id) "
            "AND NOT EXISTS (SELECT 1 FROM credit WHERE credit.artist_id = artist.id) "
            "AND NOT EXISTS (SELECT 1 FROM album WHERE album.artist_id = artist.id)"
        )
        self.changed = False
        self.stale = True
        self._active = None

    def rebuild_due(self, now: float) -> bool:
        """Whether to rebuild the stale statistics now (see the module docstring)."""
        last = self._rebuilt_at
        return self.stale and (last is None or now - last >= REBUILD_INTERVAL)

    def rebuilt(self, now: float) -> None:
        """The statistics were rebuilt at ``now``."""
        self.stale = False
        self._rebuilt_at = now


def _pending(conn: Connection, low: int, high: int) -> list[_Pending]:
    rows = conn.exec_driver_sql(
        "SELECT p.id, p.played_at, p.source_id, p.track_id, t.artist_id, t.key, "
        "coalesce(i.exact_time, 1), i.candidates FROM play p JOIN track t ON t.id = p.track_id "
        "LEFT JOIN play_import i ON i.play_id = p.id WHERE p.played_at BETWEEN ? AND ? "
        "AND (i.exact_time = 0 OR i.candidates IS NOT NULL "
        "OR t.artist_id IN (SELECT artist_id FROM artist_candidate))",
        (low, high),
    ).all()
    candidates: dict[int, set[str]] = {}
    for artist_id, key in conn.exec_driver_sql("SELECT artist_id, key FROM artist_candidate"):
        candidates.setdefault(artist_id, set()).add(key)
    return [
        _Pending(
            play,
            at,
            source,
            track,
            artist,
            title,
            bool(exact),
            artist in candidates,
            frozenset(candidates.get(artist, set()) | (set((listed or "").split("\n")) - {""})),
        )
        for play, at, source, track, artist, title, exact, listed in rows
    ]


def _artist_keys(conn: Connection, artist_ids: set[int]) -> dict[int, str]:
    keys: dict[int, str] = {}
    ids = list(artist_ids)
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        keys.update(
            conn.exec_driver_sql(f"SELECT id, key FROM artist WHERE id IN ({marks})", tuple(chunk))
            .tuples()
            .all()
        )
    return keys


def _best(rows: list[_Pending], report: tuple[int, int, int, str], window: int) -> _Pending | None:
    """The stored play this report (start, source, artist id, artist key) completes."""
    played_at, source_id, artist_id, artist = report
    best: _Pending | None = None
    for row in rows:
        if row.done:
            continue
        known = row.artist_id == artist_id
        if row.played_at == played_at and row.source_id == source_id and known:
            return row  # The report is this very play: nothing to learn from it.
        if not known and artist not in row.candidates:
            continue
        if row.source_id == source_id:
            fits = (
                0 <= row.played_at - played_at <= NOTICE_LAG
                if not row.exact
                else row.played_at == played_at
            )
        else:  # Another source: the ordinary merge, once the artist and start are right.
            near = abs(row.played_at - played_at) <= window
            fits = near and (row.unresolved or (not row.exact and row.played_at >= played_at))
        if fits and (
            best is None or abs(row.played_at - played_at) < abs(best.played_at - played_at)
        ):
            best = row
    return best


def _taken(conn: Connection, played_at: int, track_id: int, source_id: int, play_id: int) -> bool:
    """Whether another play already has this natural key (the report was stored before)."""
    return (
        conn.exec_driver_sql(
            "SELECT 1 FROM play WHERE played_at = ? AND track_id = ? AND source_id = ? AND id != ?",
            (played_at, track_id, source_id, play_id),
        ).first()
        is not None
    )
