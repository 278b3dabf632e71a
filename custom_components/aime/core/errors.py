"""Errors raised by the AIME core. The HA glue maps them to translated messages."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path


class StoreError(Exception):
    """Base class for listening-store failures."""


class StoreOpenFailure(StrEnum):
    """Why a database file could not be opened. Values double as translation keys."""

    CORRUPT = "database_corrupt"
    UNREADABLE = "database_unreadable"
    TOO_NEW = "database_too_new"
    NOT_AIME = "database_not_aime"


class StoreOpenError(StoreError):
    """The database file exists but cannot be used. The file is left untouched."""

    def __init__(self, path: Path, failure: StoreOpenFailure, detail: str = "") -> None:
        super().__init__(
            f"{failure.value}: {path}: {detail}" if detail else f"{failure.value}: {path}"
        )
        self.path = path
        self.failure = failure
        self.detail = detail
