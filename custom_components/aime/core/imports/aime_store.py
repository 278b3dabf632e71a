"""What the AIME import reads from the store before planning, and records beside its plays.

Evidence: the songs the store knows by the artists of albums the original app merged, and its
Last.fm scrobbles around the imported plays (``aime_plan.py`` uses them). Records: which plays
came from the import and whether their time is the start or when the app noticed the play
(``play_import``), and the artists each unresolved stand-in artist stands for
(``artist_candidate``); ``store/reconcile.py`` completes both from later reports. The plays
themselves are stored batch after batch (``PlayFlow``).
"""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Connection

from ..models import SOURCE_CODES, Source
from ..normalize import artist_key, track_key
from ..store.reconcile import NOTICE_LAG
from ..store.store import Store
from .aime_identities import merged_albums
from .aime_plan import (
    AimeImportReport,
    Identities,
    PlannedPlay,
    StoreEvidence,
    unresolved_name,
)
from .aime_source import AimeDatabase, AimePlay, PlaysOverview
from .pacing import PausePoint, no_pause

IMPORT_ORIGIN = "aime"  # play_import.origin
_CHUNK = 500


def store_evidence(
    store: Store, db: AimeDatabase, seen: PlaysOverview, pause: PausePoint = no_pause
) -> StoreEvidence:
    """The songs of merged albums' artists, and the Last.fm scrobbles the store already holds
    that plays ``seen`` may be: of the titles of merged albums around their plays, and of the
    titles the app's Last.fm tracker noticed around those times (not every scrobble of the
    import's years: a Last.fm history imported first holds as many as the file)."""
    evidence = StoreEvidence()
    candidates = {artist_key(name) for names in merged_albums(db, pause).values() for name in names}
    wanted: list[tuple[set[str], int, int]] = []
    if times := [play.timestamp for play in seen.plays if play.timestamp > 0]:
        titles = {track_key(db.tracks[play.track_id].title) for play in seen.plays}
        wanted.append((titles, min(times), max(times)))
    if seen.noticed_span is not None:
        titles = {track_key(db.tracks[track_id].title) for track_id in seen.noticed}
        wanted.append((titles, *seen.noticed_span))
    found: set[tuple[int, str, str]] = set()
    with store.catalog_write() as conn:
        keys = list(candidates)
        for start in range(0, len(keys), _CHUNK):
            pause()
            chunk = tuple(keys[start : start + _CHUNK])
            evidence.songs.update(
                conn.exec_driver_sql(
                    "SELECT a.key, t.key FROM track t JOIN artist a ON a.id = t.artist_id "
                    f"WHERE a.key IN ({','.join('?' * len(chunk))})",
                    chunk,
                ).tuples()
            )
        for titles, earliest, latest in wanted:
            bounds = (earliest - NOTICE_LAG, latest, SOURCE_CODES[Source.LASTFM])
            title_keys = sorted(titles)
            for start in range(0, len(title_keys), _CHUNK):
                pause()
                chunk = tuple(title_keys[start : start + _CHUNK])
                marks = ",".join(f"?{number}" for number in range(4, 4 + len(chunk)))
                found.update(
                    conn.exec_driver_sql(
                        "SELECT p.played_at, a.key, t.key FROM play p "
                        "JOIN track t ON t.id = p.track_id JOIN artist a ON a.id = t.artist_id "
                        f"WHERE p.played_at BETWEEN ?1 AND ?2 AND p.source_id = ?3 "
                        f"AND t.key IN ({marks}) "
                        "UNION ALL SELECT r.played_at, a.key, t.key FROM play_report r "
                        "JOIN play p ON p.id = r.play_id JOIN track t ON t.id = p.track_id "
                        "JOIN artist a ON a.id = t.artist_id "
                        f"WHERE r.played_at BETWEEN ?1 AND ?2 AND r.source_id = ?3 "
                        f"AND t.key IN ({marks})",
                        (*bounds, *chunk),
                    ).tuples()
                )
    for played_at, artist, title in found:
        pause()
        evidence.scrobbles.setdefault(title, []).append((played_at, artist))
    for reports in evidence.scrobbles.values():
        reports.sort()
    return evidence


def mark_imported(conn: Connection, planned: list[PlannedPlay], added: set[int]) -> None:
    """Record that the plays this import added came from it: whether their time was noticed,
    and the artists of the album the app merged."""
    rows = [
        (
            IMPORT_ORIGIN,
            int(item.exact_time),
            "\n".join(artist_key(name) for name in item.candidates) or None,
            item.play.played_at,
            SOURCE_CODES[item.play.source],
            *_song(item),
        )
        for item in planned
        if id(item.play) in added
    ]
    if rows:
        conn.exec_driver_sql(
            "INSERT OR IGNORE INTO play_import (play_id, origin, exact_time, candidates) "
            "SELECT p.id, ?, ?, ? FROM play p JOIN track t ON t.id = p.track_id "
            "JOIN artist a ON a.id = t.artist_id "
            "WHERE p.played_at = ? AND p.source_id = ? AND a.key = ? AND t.key = ?",
            rows,
        )


def _song(item: PlannedPlay) -> tuple[str, str]:
    return artist_key(item.play.artists[0]), track_key(item.play.title)


def register_candidates(conn: Connection, identities: Identities) -> None:
    """Name the artists each unresolved stand-in artist stands for."""
    stand_ins = {unresolved_name(names): names for names in identities.unresolved.values()}
    for stand_in, names in stand_ins.items():
        artist_id = conn.exec_driver_sql(
            "SELECT id FROM artist WHERE key = ?", (artist_key(stand_in),)
        ).scalar()
        if artist_id is not None:
            conn.exec_driver_sql(
                "INSERT OR IGNORE INTO artist_candidate (artist_id, position, key, name) "
                "VALUES (?, ?, ?, ?)",
                [(artist_id, i, artist_key(name), name) for i, name in enumerate(names)],
            )


class PlayFlow:
    """Stores the planned plays batch after batch, and marks those it added as imported.

    A play is marked once no later batch can complete it (``store/reconcile.py`` looks
    ``dedup_window`` before a report, and a later batch's times start at most ``NOTICE_LAG``
    before its first play's): so batches reconcile no play of this import with another, as
    one batch would not.
    """

    def __init__(
        self,
        store: Store,
        report: AimeImportReport,
        progress: tuple[int, Callable[[int, int], None] | None],
        pause: PausePoint = no_pause,
    ) -> None:
        self._store, self._report, self._pause = store, report, pause
        (self._total, self._progress), self._done = progress, 0
        self._unmarked: list[PlannedPlay] = []
        report.imported["plays"] = report.merged["plays"] = 0  # Reported even when none.

    def store(self, rows: int, plays: list[AimePlay], planned: list[PlannedPlay]) -> None:
        """Store one batch: ``rows`` read, their ``plays`` (the orphans left out), ``planned``."""
        if plays:
            self._mark(plays[0].timestamp - NOTICE_LAG - self._store.dedup_window)
        result = self._store.ingest((item.play for item in planned), bulk=True)
        self._report.absorb(result)
        added = {id(play) for play in result.added_plays}
        self._unmarked.extend(item for item in planned if id(item.play) in added)
        self._done += rows
        self._pause()
        if self._progress is not None:
            self._progress(self._done, self._total)

    def finish(self) -> None:
        """Mark the plays still unmarked."""
        self._mark(None)

    def _mark(self, before: int | None) -> None:
        ready = [i for i in self._unmarked if before is None or i.play.played_at < before]
        if not ready:
            return
        self._unmarked = [
            i for i in self._unmarked if before is not None and i.play.played_at >= before
        ]
        with self._store.catalog_write(catalog=False) as conn:
            mark_imported(conn, ready, {id(item.play) for item in ready})
