"""Links of the tracks an import's plays heard (a Spotify URI): one per track and service
(``track_link``).

The play is found again by its start and title, as the source reported it: stored under its
own source, or merged into another source's play (``play_report``); the link goes to the track
that play landed on. A link already there is kept.
"""

from __future__ import annotations

from collections.abc import Sequence

from ..models import SOURCE_CODES, Source
from ..normalize import track_key
from ..store.store import Store
from .history_import import TrackLink

# The store's play (or the play a report was merged into) of that start, source and title.
_SAVE = (
    "INSERT OR IGNORE INTO track_link (track_id, source, url) "
    "SELECT p.track_id, ?1, ?2 FROM play p JOIN track t ON t.id = p.track_id "
    "WHERE p.played_at = ?3 AND p.source_id = ?4 AND t.key = ?5 "
    "UNION ALL SELECT p.track_id, ?1, ?2 FROM play_report r "
    "JOIN play p ON p.id = r.play_id JOIN track t ON t.id = p.track_id "
    "WHERE r.played_at = ?3 AND r.source_id = ?4 AND t.key = ?5"
)


def save_track_links(
    store: Store, source: Source, links: Sequence[TrackLink], *, service: str = "spotify"
) -> int:
    """Keep ``links`` of the plays ``source`` reported; return how many were new. Blocks."""
    if not links:
        return 0
    code = SOURCE_CODES[source]
    rows = [(service, link.url, link.played_at, code, track_key(link.title)) for link in links]
    with store.catalog_write(catalog=False) as conn:
        return max(conn.exec_driver_sql(_SAVE, rows).rowcount, 0)
