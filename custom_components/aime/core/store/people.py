"""Who listened: the store's methods about people (mixed into ``Store``).

A source (a Last.fm account, a Roon zone, a Home Assistant player) is assigned to a person
or to the household by the Home Assistant side; ``assign_listener`` then gives the plays it
already recorded to that person, and every statistic follows.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import TYPE_CHECKING

from sqlalchemy import Connection

from ..models import SOURCE_CODES, Source
from ..stats.bulk import chunks, fetch
from ..stats.rollups import Rollups
from .ingest import Ingestor
from .listeners import listener_id

_ASSIGN_BATCH = 30_000  # Plays updated per statement (SQLite binds at most 32,766 values).


class PeopleMethods:
    """``Store.assign_listener`` and ``Store.listeners``."""

    _rollups: Rollups
    _ingestor: Ingestor

    if TYPE_CHECKING:

        def _read(self) -> AbstractContextManager[Connection]: ...

        def _write(self) -> AbstractContextManager[Connection]: ...

    def listeners(self) -> list[str]:
        """The people (person entity ids) who have plays, in name order."""
        with self._read() as conn:
            return list(
                conn.exec_driver_sql(
                    "SELECT entity_id FROM listener l WHERE EXISTS "
                    "(SELECT 1 FROM play WHERE listener_id = l.id) ORDER BY entity_id"
                ).scalars()
            )

    def newest_played_by(self, source: Source, listener: str) -> int | None:
        """Start time of the newest play of ``listener`` that ``source`` reported (first, or
        merged into a play of theirs); None when there is none.

        Two Last.fm accounts of two people each poll from their own newest play: an account's
        offline scrobbles older than the other account's newest are still fetched.
        """
        code = SOURCE_CODES[source]
        with self._read() as conn:
            person = listener_id(conn, listener)
            if person is None:
                return None
            # Both walk a time-ordered index backwards and stop at the first match.
            first_reported = conn.exec_driver_sql(
                "SELECT played_at FROM play "
                "WHERE listener_id = ? AND source_id = ? ORDER BY played_at DESC LIMIT 1",
                (person, code),
            ).scalar_one_or_none()
            merged = conn.exec_driver_sql(
                "SELECT r.played_at FROM play_report r JOIN play p ON p.id = r.play_id "
                "WHERE r.source_id = ? AND p.listener_id = ? ORDER BY r.played_at DESC LIMIT 1",
                (code, person),
            ).scalar_one_or_none()
        return max((v for v in (first_reported, merged) if v is not None), default=None)

    def assign_listener(self, source: Source, device: str | None, listener: str | None) -> int:
        """Give the plays of ``source`` to ``listener`` (None: the household); return how many
        plays changed.

        With ``device`` (a Roon zone's or a player's name), only the plays heard on that device;
        without, the plays the source reported first, and, for a person, the household's plays
        the source also reported (a household play merged with a person's report is theirs).
        Runs in one transaction, the plays updated by batches, then the per-person statistics
        of everyone concerned are recounted.
        """
        code = SOURCE_CODES[source]
        with self._write() as conn:
            target = self._ingestor.listeners.id_of(conn, listener) or None
            if device is not None:
                devices = [
                    row[0]
                    for row in fetch(
                        conn,
                        "SELECT id FROM device WHERE source_id = ? AND name = ?",
                        (code, device),
                    )
                ]
                if not devices:
                    return 0
                plays = _ids(conn, "device_id = ?", (devices[0],), target)
            else:
                plays = _ids(conn, "source_id = ?", (code,), target)
                if target is not None:
                    plays.extend(
                        _ids(
                            conn,
                            "listener_id IS NULL AND id IN (SELECT play_id FROM play_report "
                            "WHERE source_id = ?)",
                            (code,),
                            target,
                        )
                    )
            plays = sorted(set(plays))
            concerned: set[int] = set() if target is None else {target}
            changed = 0
            for chunk in chunks(plays, _ASSIGN_BATCH):
                marks = ",".join("?" * len(chunk))
                concerned.update(
                    row[0]
                    for row in fetch(
                        conn,
                        f"SELECT DISTINCT listener_id FROM play WHERE id IN ({marks}) "
                        "AND listener_id IS NOT NULL",
                        chunk,
                    )
                )
                # A play whose song the new listener already has at the same second from the
                # same source (two accounts scrobbled it) keeps its listener: not one play.
                changed += conn.exec_driver_sql(
                    f"UPDATE OR IGNORE play SET listener_id = ? WHERE id IN ({marks})",
                    (target, *chunk),
                ).rowcount
            if changed:
                self._rollups.people.rebuild(conn, sorted(concerned))
            return changed


def _ids(
    conn: Connection, condition: str, params: tuple[int, ...], target: int | None
) -> list[int]:
    """Plays matching ``condition`` that are not ``target``'s already."""
    return [
        row[0]
        for row in fetch(
            conn,
            f"SELECT id FROM play WHERE {condition} AND listener_id IS NOT ?",
            (*params, target),
        )
    ]
