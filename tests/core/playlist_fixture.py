"""A tiny history (UTC) whose playlists are worked out by hand in ``test_playlists.py``.

Plays are 4 minutes apart within a session; sessions are days apart.

    S1 Mon 2024-01-01 20:00   a1 a2 a3 b1        (Alpha heard through)
    S2 Tue 2024-01-02 20:00   b1 b2 b3 a1 c1     (Beta heard through)
    S4 Thu 2024-01-04 20:00   a1 b1 a2
    S3 Sat 2024-01-06 08:00   d1 c1 d2

Albums: Ada's "Alpha" (a1 a2 a3, numbered 1 2 3), Bo's "Beta" (b1 b2 b3, numbered 3 1 2),
Cy's "Gamma" (c1), Di's "Delta" (d1 d2). Durations: Ada 200 s, Bo 300 s, Cy unknown, Di 250 s.
d2 is loved. ``NOW`` is 200 days after the first play.
"""

from __future__ import annotations

from datetime import UTC, datetime

from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.store.store import Store

MONDAY = int(datetime(2024, 1, 1, tzinfo=UTC).timestamp())
NOW = datetime(2024, 7, 19, 12, 0, tzinfo=UTC)
DAY, MINUTE = 86_400, 60

TRACKS: dict[str, tuple[str, str, int | None, int | None]] = {
    "a1": ("Ada", "Alpha", 200, 1),
    "a2": ("Ada", "Alpha", 200, 2),
    "a3": ("Ada", "Alpha", 200, 3),
    "b1": ("Bo", "Beta", 300, 3),
    "b2": ("Bo", "Beta", 300, 1),
    "b3": ("Bo", "Beta", 300, 2),
    "c1": ("Cy", "Gamma", None, None),
    "d1": ("Di", "Delta", 250, None),
    "d2": ("Di", "Delta", 250, None),
}
SESSIONS: list[tuple[int, tuple[str, ...]]] = [
    (MONDAY + 20 * 3600, ("a1", "a2", "a3", "b1")),
    (MONDAY + DAY + 20 * 3600, ("b1", "b2", "b3", "a1", "c1")),
    (MONDAY + 3 * DAY + 20 * 3600, ("a1", "b1", "a2")),
    (MONDAY + 5 * DAY + 8 * 3600, ("d1", "c1", "d2")),
]


def plays() -> list[PlayInput]:
    """The plays, in time order."""
    return [
        PlayInput(
            title,
            TRACKS[title][0],
            start + index * 4 * MINUTE,
            Source.LASTFM,
            album=TRACKS[title][1],
            duration=TRACKS[title][2],
            track_number=TRACKS[title][3],
        )
        for start, titles in SESSIONS
        for index, title in enumerate(titles)
    ]


def fill(store: Store) -> dict[str, int]:
    """Record the history; return the track ids by title."""
    store.ingest(plays())
    store.set_loved([("Di", "d2")])
    return track_ids(store)


def track_ids(store: Store) -> dict[str, int]:
    """Track ids by title."""
    with store._read() as conn:  # A test fixture looks at the rows.
        rows = conn.exec_driver_sql("SELECT title, id FROM track").all()
    return {str(row.title): int(row.id) for row in rows}
