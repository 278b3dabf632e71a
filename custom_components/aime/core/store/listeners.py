"""Who listened: Home Assistant person entity ids and their small integer ids.

A play's ``listener_id`` names a row of ``listener``; NULL is the household. The ingest and
the dedup index use 0 for the household, so that a listener id is always an int.
"""

from __future__ import annotations

from collections.abc import Sequence

from sqlalchemy import Connection

from ..models import PlayInput
from ..stats.bulk import fetch

HOUSEHOLD = 0


class ListenerIds:
    """The listener table, cached (a household has a handful of people)."""

    def __init__(self) -> None:
        self._ids: dict[str, int] | None = None

    def reset(self) -> None:
        """Forget the cache (after a rollback it may name rows that do not exist)."""
        self._ids = None

    def known(self, conn: Connection) -> dict[str, int]:
        """Every listener's id by entity id."""
        if self._ids is None:
            self._ids = dict(fetch(conn, "SELECT entity_id, id FROM listener"))
        return self._ids

    def ids_for(self, conn: Connection, plays: Sequence[PlayInput]) -> list[int]:
        """Each play's listener id (``HOUSEHOLD`` for none), creating the new ones."""
        if not any(play.listener for play in plays):  # A household-only batch: no lookup.
            return [HOUSEHOLD] * len(plays)
        return [self.id_of(conn, play.listener) for play in plays]

    def id_of(self, conn: Connection, entity_id: str | None) -> int:
        """The id of ``entity_id`` (created when new); ``HOUSEHOLD`` for none."""
        name = (entity_id or "").strip()
        if not name:
            return HOUSEHOLD
        ids = self.known(conn)
        found = ids.get(name)
        if found is None:
            cursor = conn.exec_driver_sql("INSERT INTO listener (entity_id) VALUES (?)", (name,))
            found = ids[name] = int(cursor.lastrowid)
        return found


def listener_id(conn: Connection, entity_id: str) -> int | None:
    """The stored id of a person, ``None`` when they never listened to anything."""
    found = conn.exec_driver_sql(
        "SELECT id FROM listener WHERE entity_id = ?", (entity_id,)
    ).scalar_one_or_none()
    return None if found is None else int(found)
