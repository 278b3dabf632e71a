"""Bulk statements for the rollups, fed row by row."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Any

from sqlalchemy import Connection


def executemany(conn: Connection, statement: str, rows: Iterable[Sequence[Any]]) -> None:
    """Run ``statement`` once per row, inside ``conn``'s transaction.

    SQLAlchemy wants the rows as a list; with thousands of tuples alive at once per batch, the
    garbage collector wakes up far more often, and its full passes over a large process then
    cost more than the statements. The DB-API cursor takes a generator.
    """
    conn.connection.driver_connection.executemany(statement, rows)  # type: ignore[union-attr]
