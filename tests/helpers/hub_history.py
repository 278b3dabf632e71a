"""A small listening history for the hub's statistics tests (sensors, websocket API).

"Now" is Wednesday 13 March 2024, 10:30 in Paris (UTC+1): three days in a row with plays
(a streak of 3), a play last week, one in January, one of unknown length and a loved track.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
import sqlite3
from zoneinfo import ZoneInfo

from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.store.store import Store

TIME_ZONE = "Europe/Paris"
PARIS = ZoneInfo(TIME_ZONE)
NOW = datetime(2024, 3, 13, 10, 30, tzinfo=PARIS)


def at(month: int, day: int, hour: int, minute: int = 0) -> int:
    """The UTC epoch second of a Paris wall-clock time in 2024."""
    return int(datetime(2024, month, day, hour, minute, tzinfo=PARIS).timestamp())


HISTORY: tuple[PlayInput, ...] = (
    PlayInput(
        "Feeling Good",
        "Nina Simone",
        at(1, 10, 20),
        Source.LASTFM,
        "I Put a Spell on You",
        duration=177,
    ),
    PlayInput(
        "Peace Piece",
        "Bill Evans",
        at(3, 4, 21),
        Source.LASTFM,
        "Everybody Digs Bill Evans",
        duration=402,
    ),
    PlayInput(
        "Sinnerman",
        "Nina Simone",
        at(3, 11, 8),
        Source.ROON,
        "Pastel Blues",
        duration=622,
        device="Kitchen",
    ),
    PlayInput(
        "Waltz for Debby",
        "Bill Evans",
        at(3, 12, 22, 30),
        Source.LASTFM,
        "Waltz for Debby",
        duration=414,
    ),
    PlayInput(
        "Blue in Green",
        "Miles Davis",
        at(3, 12, 23, 50),
        Source.LASTFM,
        "Kind of Blue",
        duration=337,
    ),
    PlayInput("So What", "Miles Davis", at(3, 13, 9), Source.LASTFM, "Kind of Blue", duration=562),
    PlayInput(
        "Freddie Freeloader",
        "Miles Davis",
        at(3, 13, 9, 10),
        Source.ROON,
        "Kind of Blue",
        duration=586,
        device="Living room",
    ),
    PlayInput(
        "Acknowledgement",
        "John Coltrane",
        at(3, 13, 10),
        Source.ROON,
        "A Love Supreme",
        device="Living room",
    ),
)


def write_history(path: Path) -> None:
    """Record the history (with Paris days) and a small record collection; blocking."""
    store = Store.open(path, time_zone=TIME_ZONE)
    try:
        store.ingest(list(HISTORY))
        store.set_loved([("Bill Evans", "Waltz for Debby")])
    finally:
        store.close()
    with sqlite3.connect(path) as conn:
        albums = dict(conn.execute("SELECT title, id FROM album"))
        conn.executemany(
            "INSERT INTO collection_item (album_id, format, original_year, added_at) "
            "VALUES (?, ?, ?, ?)",
            [
                (albums["Kind of Blue"], "Vinyl", 1959, at(1, 2, 12)),
                (albums["A Love Supreme"], "CD", 1965, at(2, 2, 12)),
                (albums["Pastel Blues"], "Vinyl", 1965, at(2, 20, 12)),
            ],
        )
    conn.close()
