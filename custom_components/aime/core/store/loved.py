"""Loved songs: making exactly the given (artist, title) songs the loved tracks."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import Connection

from ..models import LovedSync
from ..normalize import artist_key, primary_artist, track_key
from ..outbox.loves import pending_wishes


def set_loved(conn: Connection, songs: Iterable[tuple[str, str]]) -> LovedSync:
    """Mark the tracks of ``songs`` loved and every other track not, in ``conn``'s transaction.

    Songs are matched like plays are (primary artist and title, folded), so a love made on
    one service marks the track whatever album it was played from. A love or unlove made in
    AIME that has not reached its account yet wins over ``songs`` (the account does not know
    it yet); once sent, the account's loved tracks are followed again.
    """
    wanted = {
        (artist_key(primary_artist(artist)), track_key(title))
        for artist, title in songs
        if artist.strip() and title.strip()
    }
    for a_key, t_key, loved in pending_wishes(conn):
        if loved:
            wanted.add((a_key, t_key))
        else:
            wanted.discard((a_key, t_key))
    conn.exec_driver_sql(
        "CREATE TEMP TABLE IF NOT EXISTS loved_song "
        "(artist_key TEXT, title_key TEXT, PRIMARY KEY (artist_key, title_key))"
    )
    conn.exec_driver_sql("DELETE FROM loved_song")
    conn.exec_driver_sql("INSERT INTO loved_song VALUES (?, ?)", list(wanted) or [("", "")])
    is_loved = (
        "EXISTS (SELECT 1 FROM loved_song l JOIN artist a ON a.key = l.artist_key "
        "WHERE a.id = track.artist_id AND l.title_key = track.key)"
    )
    changed = conn.exec_driver_sql(
        f"UPDATE track SET loved = {is_loved} WHERE loved != {is_loved}"
    ).rowcount
    loved = conn.exec_driver_sql("SELECT count(*) FROM track WHERE loved").scalar_one()
    conn.exec_driver_sql("DELETE FROM loved_song")
    return LovedSync(songs=len(wanted), loved_tracks=int(loved), changed=int(changed))
