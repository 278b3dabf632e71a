"""Dispatcher signals between features: sent by one, followed by others (sensors, the panel).

``SIGNAL_PLAYS_RECORDED`` (the recording funnel's) and ``SIGNAL_NOW_PLAYING`` live with what
sends them, in this kernel too.
"""

from __future__ import annotations

from typing import Final

# Sent (without arguments) when the record collection changed: a Discogs sync, an import.
SIGNAL_COLLECTION_CHANGED: Final = "aime_collection_changed"
# Sent with the playlist created (or ``None`` when one was renamed or deleted).
SIGNAL_PLAYLISTS_CHANGED: Final = "aime_playlists_changed"
# Sent (without arguments) when a love made in AIME was queued for the accounts' senders.
SIGNAL_LOVES_QUEUED: Final = "aime_loves_queued"
