"""Bulk statements for the ingest path and the rollups, straight to the driver, and the
upserts the rollups share."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
import sqlite3
from typing import Any

from sqlalchemy import Connection
from sqlalchemy.exc import DBAPIError

# SQLite's bound-parameter limit is 32766 on current versions; stay well below it.
_CHUNK = 500
KEY_BITS = 40  # Ids below 2**40 pack with a day into one int key.
_KEY_MASK = (1 << KEY_BITS) - 1

UPSERT_DAY = (
    "INSERT INTO stats_day (day, plays, seconds, estimated) VALUES (?, ?, ?, ?) "
    "ON CONFLICT (day) DO UPDATE SET plays = plays + excluded.plays, "
    "seconds = seconds + excluded.seconds, estimated = estimated + excluded.estimated"
)
UPSERT_PLAYS = (
    "INSERT INTO {table} ({keys}, plays) VALUES (?, ?, ?) "
    "ON CONFLICT ({keys}) DO UPDATE SET plays = plays + excluded.plays"
)


def executemany(conn: Connection, statement: str, rows: Iterable[Sequence[Any]]) -> None:
    """Run ``statement`` once per row, inside ``conn``'s transaction.

    SQLAlchemy wants the rows as a list; with thousands of tuples alive at once per batch, the
    garbage collector wakes up far more often, and its full passes over a large process then
    cost more than the statements. The DB-API cursor takes a generator.
    """
    with _wrapped_errors(statement):
        conn.connection.driver_connection.executemany(statement, rows)  # type: ignore[union-attr]


def fetch(conn: Connection, statement: str, parameters: Sequence[Any] = ()) -> list[Any]:
    """Rows as plain tuples, straight from the driver: SQLAlchemy's row objects would double
    the cost of the lookups an ingest batch makes."""
    driver = conn.connection.driver_connection
    with _wrapped_errors(statement):
        rows: list[Any] = driver.execute(statement, parameters).fetchall()  # type: ignore[union-attr]
    return rows


@contextmanager
def _wrapped_errors(statement: str) -> Iterator[None]:
    """Raise the driver's errors as SQLAlchemy's, as ``exec_driver_sql`` would."""
    try:
        yield
    except sqlite3.Error as err:
        raise DBAPIError.instance(statement, None, err, sqlite3.Error) from err


def upsert_day_plays(conn: Connection, table: str, column: str, counts: Counter[int]) -> None:
    """Upsert plays counted by packed (day, id) keys."""
    executemany(
        conn,
        UPSERT_PLAYS.format(table=table, keys=f"day, {column}"),
        ((key >> KEY_BITS, key & _KEY_MASK, plays) for key, plays in counts.items()),
    )


def add_priced(conn: Connection, plays: int, seconds: int) -> None:
    """Move the totals of plays priced by a known length (the typical length's basis)."""
    conn.exec_driver_sql(
        "UPDATE stats_meta SET priced_plays = priced_plays + ?, "
        "priced_seconds = priced_seconds + ?",
        (plays, seconds),
    )


def chunks[T](items: list[T], size: int = _CHUNK) -> Iterable[list[T]]:
    """``items`` in slices small enough for one statement's bound parameters."""
    for start in range(0, len(items), size):
        yield items[start : start + size]
