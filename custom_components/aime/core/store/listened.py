"""How long a stored play was listened, set after it was recorded.

A Roon play is recorded as soon as it counts (half the track or 4 minutes) with the seconds
heard so far; the final figure is known when the track ends. Setting it moves the statistics
by the difference in the same transaction, and setting the same figure again changes nothing.
"""

from __future__ import annotations

from sqlalchemy import Connection

from ..models import SOURCE_CODES, PlayInput
from ..normalize import artist_key, split_credits, track_key
from ..stats.rollups import Rollups

# As the ingestor bounds listened seconds (11.5 days): anything beyond is bad input.
MAX_SECONDS = 1_000_000

_SONG = "JOIN track t ON t.id = p.track_id JOIN artist a ON a.id = t.artist_id"
# Two people may have the same report (two accounts, the same second): the listener's first.
_FIND = (
    f"SELECT id FROM (SELECT p.id, p.listener_id FROM play p {_SONG} "
    "WHERE p.played_at = ? AND p.source_id = ? AND t.key = ? AND a.key = ? "
    f"UNION ALL SELECT p.id, p.listener_id FROM play_report r JOIN play p ON p.id = r.play_id "
    f"{_SONG} WHERE r.played_at = ? AND r.source_id = ? AND t.key = ? AND a.key = ?) "
    "ORDER BY listener_id IS (SELECT id FROM listener WHERE entity_id = ?) DESC LIMIT 1"
)


def find_play(conn: Connection, play: PlayInput) -> int | None:
    """The id of the play ``play`` was recorded as: its own row, or the play it was merged into.

    A report is known by its natural key (source, start, song), the song being the track's
    first credited artist and folded title, as the ingestor resolves them.
    """
    credits = [name.strip() for name in play.artists if name.strip()]
    first = (credits or split_credits(play.artist) or [play.artist.strip()])[0]
    key = (play.played_at, SOURCE_CODES[play.source], track_key(play.title), artist_key(first))
    found = conn.exec_driver_sql(_FIND, (*key, *key, play.listener)).scalar()
    return None if found is None else int(found)


def set_seconds_listened(conn: Connection, rollups: Rollups, play_id: int, seconds: int) -> bool:
    """Make ``seconds`` the play's listened time; return whether anything changed.

    Raises ``ValueError`` for a figure outside 1 s .. ``MAX_SECONDS``; an unknown play is
    ``False`` (it may have been deleted since).
    """
    if not isinstance(seconds, int) or not 0 < seconds <= MAX_SECONDS:
        raise ValueError(f"listened seconds out of range: {seconds!r}")
    known = conn.exec_driver_sql(
        "SELECT seconds_listened FROM play WHERE id = ?", (play_id,)
    ).one_or_none()
    if known is None or known[0] == seconds:
        return False
    rollups.listened_filled(conn, {play_id: seconds}, replace=True)
    conn.exec_driver_sql("UPDATE play SET seconds_listened = ? WHERE id = ?", (seconds, play_id))
    rollups.people.plays_changed(conn, [], [play_id])
    return True
