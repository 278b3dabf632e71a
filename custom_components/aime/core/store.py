"""The listening store (work in progress: interface fixed, implementation being written)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .models import IngestResult, PlayInput, Source, StoreCounts

DEFAULT_DEDUP_WINDOW = 300


class Store:
    """Synchronous store over SQLite. Every method blocks: call it from an executor thread."""

    @classmethod
    def open(cls, path: Path, *, dedup_window: int = DEFAULT_DEDUP_WINDOW) -> Store:
        """Open (creating or migrating) the database at ``path``.

        Raises ``StoreOpenError`` (never touching the file) when it is corrupt, unreadable,
        not an AIME database, or written by a newer AIME.
        """
        raise NotImplementedError

    @property
    def path(self) -> Path:
        raise NotImplementedError

    @property
    def schema_version(self) -> int:
        raise NotImplementedError

    def close(self) -> None:
        raise NotImplementedError

    def ingest(self, plays: Iterable[PlayInput]) -> IngestResult:
        raise NotImplementedError

    def counts(self) -> StoreCounts:
        raise NotImplementedError

    def newest_played_at(self, source: Source | None = None) -> int | None:
        raise NotImplementedError

    def database_size(self) -> int:
        """Bytes on disk (main file plus WAL)."""
        raise NotImplementedError
