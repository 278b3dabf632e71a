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


def reprice(conn: Connection) -> int:
    """Price the plays of unknown length of tracks that learned their duration.

    Returns how many plays were priced.
    """
    if not conn.exec_driver_sql("SELECT EXISTS (SELECT 1 FROM stats_repricing)").scalar():
        return 0
    found = conn.exec_driver_sql(
        "SELECT u.day, u.track_id, u.plays, t.duration FROM stats_unpriced u "
        "JOIN stats_repricing r ON r.track_id = u.track_id "
        "JOIN track t ON t.id = u.track_id"
    ).all()
    day_deltas: dict[int, list[int]] = {}
    for day, _, plays, duration in found:
        delta = day_deltas.setdefault(day, [day, 0, 0, 0])
        delta[2] += plays * duration
        delta[3] -= plays
    priced: int = sum(plays for _, _, plays, _ in found)
    if found:
        conn.exec_driver_sql(
            "DELETE FROM stats_unpriced WHERE day = ? AND track_id = ?",
            [(day, track_id) for day, track_id, _, _ in found],
        )
        conn.exec_driver_sql(UPSERT_DAY, [tuple(delta) for delta in day_deltas.values()])
        add_priced(conn, priced, sum(delta[2] for delta in day_deltas.values()))
    conn.exec_driver_sql(
        "UPDATE stats_session SET last_seconds = "
        "(SELECT duration FROM track WHERE id = last_track_id) "
        "WHERE last_seconds IS NULL AND last_track_id IN (SELECT track_id FROM stats_repricing)"
    )
    conn.exec_driver_sql("DELETE FROM stats_repricing")
    return priced


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
                "SELECT p.id, p.played_at, p.track_id, t.duration, EXISTS "
                "(SELECT 1 FROM stats_repricing r "
                "WHERE r.track_id = p.track_id AND p.id < r.first_priced_play), "
                "p.seconds_listened FROM play p JOIN track t ON t.id = p.track_id "
                f"WHERE p.id IN ({marks}) AND (p.seconds_listened IS NULL OR ?)",
                (*chunk, replace),
            ).all()
        )
    for play_id, played_at, track_id, duration, repricing, known in found:
        seconds = listened[play_id]
        day = clock.day(played_at)
        if known is not None:  # Priced by its listened seconds already.
            conn.exec_driver_sql(UPSERT_DAY, (day, 0, seconds - known, 0))
        elif duration is None or repricing:  # Counted as unpriced so far.
            conn.exec_driver_sql(UPSERT_DAY, (day, 0, seconds, -1))
            for statement in (
                "UPDATE stats_unpriced SET plays = plays - 1 WHERE day = ? AND track_id = ?",
                "DELETE FROM stats_unpriced WHERE day = ? AND track_id = ? AND plays = 0",
            ):
                conn.exec_driver_sql(statement, (day, track_id))
        else:
            conn.exec_driver_sql(UPSERT_DAY, (day, 0, seconds - duration, 0))
            add_priced(conn, -1, -duration)
        conn.exec_driver_sql(
            "UPDATE stats_session SET last_seconds = ? WHERE last_play_id = ? AND start_at = "
            "(SELECT max(start_at) FROM stats_session WHERE start_at <= ?)",
            (seconds, play_id, played_at),
        )
