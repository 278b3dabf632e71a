"""The trigram name indexes: their tables and triggers (store version 7), rows for new names.

Deleting or renaming a name still updates its index through triggers; inserting does not
(version 10): a trigger fired per inserted row cost a third of ingest's time, as each row's
index insert was a statement of its own. Every path creating artists, albums or tracks
calls one of these in the same transaction, so the index stays equal to the table.
"""

from __future__ import annotations

from sqlalchemy import Connection

NAMED_TABLES = ("artist", "album", "track")
# The index tables and their FTS5 shadow tables: not in ``schema.py`` (queries name only the
# index tables, in raw SQL).
NAME_SEARCH_TABLES = frozenset(
    f"{table}_key_search{suffix}"
    for table in NAMED_TABLES
    for suffix in ("", "_data", "_idx", "_docsize", "_config")
)


def index_statements(table: str) -> tuple[str, ...]:
    """The trigram index of ``table``'s folded ``key`` and its triggers (store version 7)."""
    index = f"{table}_key_search"
    delete = f"INSERT INTO {index} ({index}, rowid, key) VALUES ('delete', old.id, old.key)"
    insert = f"INSERT INTO {index} (rowid, key) VALUES (new.id, new.key)"
    return (
        f"CREATE VIRTUAL TABLE {index} USING fts5("
        f"key, content='{table}', content_rowid='id', tokenize='trigram', "
        "detail=none, columnsize=0)",
        f"CREATE TRIGGER {index}_insert AFTER INSERT ON {table} BEGIN {insert}; END",
        f"CREATE TRIGGER {index}_delete AFTER DELETE ON {table} BEGIN {delete}; END",
        f"CREATE TRIGGER {index}_update AFTER UPDATE OF key ON {table} "
        f"BEGIN {delete}; {insert}; END",
        f"INSERT INTO {index} ({index}) VALUES ('rebuild')",
    )


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
