"""Pricing plays again when their length is learned after they were counted.

A play of unknown length is counted as ``estimated`` (priced at query time). When its
track learns a duration (``reprice``, at the end of an ingest call) or the play learns how
long it was listened (``listened_filled``, at once), its day and the priced totals move so
that the rollups keep equalling a recomputation from the plays.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection

from ..localtime import LocalTime
from .bulk import UPSERT_DAY, add_priced, chunks


def note_durations(conn: Connection, durations: dict[int, int]) -> None:
    """Queue tracks that learned their duration for ``reprice`` (plays from now on are priced)."""
    next_play = conn.exec_driver_sql("SELECT coalesce(max(id), 0) + 1 FROM play").scalar()
    conn.exec_driver_sql(
        "INSERT OR IGNORE INTO stats_repricing (track_id, first_priced_play) VALUES (?, ?)",
        [(track_id, next_play) for track_id in durations],
    )


def reprice(conn: Connection, clock: LocalTime) -> int:
    """Price the plays of unknown length of tracks that learned their duration.

    Those plays are the tracks' plays from before they learned it (``first_priced_play``) that
    still do not know how long they were listened: found through the plays' index by track, a
    few rows per track (store version 16 dropped the table that listed them by day).
    Returns how many plays were priced.
    """
    if not conn.exec_driver_sql("SELECT EXISTS (SELECT 1 FROM stats_repricing)").scalar():
        return 0
    found = conn.exec_driver_sql(  # CROSS JOIN: in this order, never a scan of every track.
        "SELECT p.played_at, t.duration FROM stats_repricing r "
        "CROSS JOIN track t ON t.id = r.track_id "
        "CROSS JOIN play p ON p.track_id = r.track_id AND p.id < r.first_priced_play "
        "WHERE p.seconds_listened IS NULL"
    ).all()
    day_deltas: dict[int, list[int]] = {}
    for played_at, duration in found:
        day = clock.day(played_at)
        delta = day_deltas.setdefault(day, [day, 0, 0, 0])
        delta[2] += duration
        delta[3] -= 1
    if found:
        conn.exec_driver_sql(UPSERT_DAY, [tuple(delta) for delta in day_deltas.values()])
        add_priced(conn, len(found), sum(delta[2] for delta in day_deltas.values()))
    conn.exec_driver_sql(
        "UPDATE stats_session SET last_seconds = "
        "(SELECT duration FROM track WHERE id = last_track_id) "
        "WHERE last_seconds IS NULL AND last_track_id IN (SELECT track_id FROM stats_repricing)"
    )
    conn.exec_driver_sql("DELETE FROM stats_repricing")
    return len(found)


def listened_filled(
    conn: Connection, clock: LocalTime, listened: dict[int, int], *, replace: bool = False
) -> None:
    """Stored plays are about to learn how long they were listened: re-price them.

    Call before the update. Plays that already know their listened seconds keep them,
    unless ``replace``: then their day moves by the difference (a Roon play heard on).
    """
    found: list[Any] = []
    for chunk in chunks(list(listened)):
        marks = ",".join("?" * len(chunk))
        found.extend(
            conn.exec_driver_sql(
                "SELECT p.id, p.played_at, t.duration, EXISTS "
                "(SELECT 1 FROM stats_repricing r "
                "WHERE r.track_id = p.track_id AND p.id < r.first_priced_play), "
                "p.seconds_listened FROM play p JOIN track t ON t.id = p.track_id "
                f"WHERE p.id IN ({marks}) AND (p.seconds_listened IS NULL OR ?)",
                (*chunk, replace),
            ).all()
        )
    for play_id, played_at, duration, repricing, known in found:
        seconds = listened[play_id]
        day = clock.day(played_at)
        if known is not None:  # Priced by its listened seconds already.
            conn.exec_driver_sql(UPSERT_DAY, (day, 0, seconds - known, 0))
        elif duration is None or repricing:  # Counted as unpriced so far.
            conn.exec_driver_sql(UPSERT_DAY, (day, 0, seconds, -1))
        else:
            conn.exec_driver_sql(UPSERT_DAY, (day, 0, seconds - duration, 0))
            add_priced(conn, -1, -duration)
        conn.exec_driver_sql(
            "UPDATE stats_session SET last_seconds = ? WHERE last_play_id = ? AND start_at = "
            "(SELECT max(start_at) FROM stats_session WHERE start_at <= ?)",
            (seconds, play_id, played_at),
        )
