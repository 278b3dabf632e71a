"""Rows of the trigram name indexes (``migrations.py``'s versions 7 and 10) for new names.

Deleting or renaming a name still updates its index through triggers; inserting does not
(version 10): a trigger fired per inserted row cost a third of ingest's time, as each row's
index insert was a statement of its own. Every path creating artists, albums or tracks
calls one of these in the same transaction, so the index stays equal to the table.
"""

from __future__ import annotations

from sqlalchemy import Connection

NAMED_TABLES = ("artist", "album", "track")


def index_new_names(conn: Connection, table: str, first_id: int, last_id: int) -> None:
    """Index the keys of ``table``'s rows ``first_id``..``last_id``, in one statement."""
    _check(table)
    conn.exec_driver_sql(
        f"INSERT INTO {table}_key_search (rowid, key) "
        f"SELECT id, key FROM {table} WHERE id BETWEEN ? AND ?",
        (first_id, last_id),
    )


def index_new_name(conn: Connection, table: str, row_id: int, key: str) -> None:
    """Index one new row's key."""
    _check(table)
    conn.exec_driver_sql(
        f"INSERT INTO {table}_key_search (rowid, key) VALUES (?, ?)", (row_id, key)
    )


def _check(table: str) -> None:
    if table not in NAMED_TABLES:  # The table name is formatted into SQL.
        raise ValueError(table)
