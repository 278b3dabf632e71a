"""Whose plays a statistic counts: everyone's, or one person's.

Everyone's figures read the household rollups (``stats_*``); a person's read that person's
rows of the per-person rollups (``person_*``, same columns after ``listener_id``) through a
subquery SQLite flattens into an index range on (listener_id, ...), and plays through
``play.listener_id``. A person who never listened has an id no play has: empty figures.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection

PERSON_ROLLUPS = {
    "stats_day": "person_day",
    "stats_day_hour": "person_day_hour",
    "stats_week_hour": "person_week_hour",
    "stats_day_artist": "person_day_artist",
    "stats_day_album": "person_day_album",
    "stats_artist": "person_artist",
    "stats_album": "person_album",
    "stats_track": "person_track",
    "stats_session": "person_session",
}
_NOBODY = -1


@dataclass(frozen=True, slots=True)
class Scope:
    """``listener``: a listener id, or None for everyone."""

    listener: int | None = None

    @classmethod
    def of(cls, conn: Connection, person: str | None) -> Scope:
        """The scope of ``person`` (a person entity id), everyone's for None."""
        if person is None:
            return EVERYONE
        found = conn.exec_driver_sql(
            "SELECT id FROM listener WHERE entity_id = ?", (person,)
        ).scalar_one_or_none()
        return cls(int(found) if found is not None else _NOBODY)

    @property
    def everyone(self) -> bool:
        """Whether this is every play."""
        return self.listener is None

    def table(self, name: str) -> str:
        """What to read instead of the household rollup ``name``."""
        if self.listener is None:
            return name
        return f"(SELECT * FROM {PERSON_ROLLUPS[name]} WHERE listener_id = {self.listener})"

    def join(self, name: str, alias: str, on: str) -> str:
        """``JOIN`` of the rollup ``name`` as ``alias`` on ``on`` (prefix ``LEFT`` at will): an
        outer join of a person's rows keeps the listener in its ``ON``."""
        if self.listener is None:
            return f"JOIN {name} {alias} ON {on}"
        return (
            f"JOIN {PERSON_ROLLUPS[name]} {alias} ON {on} AND {alias}.listener_id = {self.listener}"
        )

    def plays(self, alias: str = "p") -> str:
        """A condition to AND to a query over ``play`` (empty for everyone)."""
        if self.listener is None:
            return ""
        column = f"{alias}.listener_id" if alias else "listener_id"
        return f" AND {column} = {self.listener}"

    def key(self, name: str) -> str:
        """A cache key of ``name`` for this scope."""
        return name if self.listener is None else f"{name}@{self.listener}"


EVERYONE = Scope()
