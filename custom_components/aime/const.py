"""Constants for the AIME integration."""

from __future__ import annotations

import logging
from typing import Final

DOMAIN: Final = "aime"
LOGGER = logging.getLogger(__package__)

# The listening store lives under <config>/aime/aime.db.
STORE_FOLDER: Final = "aime"
STORE_FILENAME: Final = "aime.db"

# Repair issue raised when the store cannot be opened (one per database file).
ISSUE_STORE_OPEN_FAILED: Final = "store_open_failed"

# Keys that may hold credentials or personal identifiers; never shown in diagnostics.
TO_REDACT: Final = {
    "api_key",
    "api_secret",
    "client_secret",
    "password",
    "session_key",
    "shared_secret",
    "token",
    "user_token",
    "username",
}
