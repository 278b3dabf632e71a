"""A household of two people, and the recomputations their figures are checked against.

Alice and Bob each scrobble to a Last.fm account of their own, the living room's Roon zone is
shared (the household's), and the kitchen's Sonos (a Home Assistant player) is Alice's. Alice
also scrobbles what she hears in the living room (her report makes the household play hers),
and now and then both play the same song at the same second on their own accounts.
"""

from __future__ import annotations

from pathlib import Path
import random
import shutil
import sqlite3
from typing import Any

from custom_components.aime.core.models import PlayInput, Source

from ..stats.test_rollups import START, expected_rollups

ALICE, BOB = "person.alice", "person.bob"
ZONE = "Europe/Paris"
LIVING_ROOM, KITCHEN = "Living room", "Sonos Kitchen"
PERSON_KEYS = ("day", "day_hour", "week_hour", "day_artist", "day_album", "artist", "album")


def household_reports(seed: int, count: int = 500, *, lengths: bool = False) -> list[PlayInput]:
    """Reports of the household over two months, in time order; with ``lengths``, every
    song's length is known (a play of unknown length is priced at the mean length of the
    whole household's plays, not of the person's)."""
    rng = random.Random(seed)
    choices = (180, 240, 300) if lengths else (None, 180, 240, 300)
    songs = [
        (f"Song {n}", f"Artist {n % 9}", f"Album {n % 13}-{n % 9}", rng.choice(choices))
        for n in range(60)
    ]
    reports: list[PlayInput] = []
    recent: list[str] = []
    at = START
    while len(reports) < count:
        at += rng.choice((200, 240, 900, 1900, 4 * 3600, 86_400))
        # No song twice within a dedup window: whether a replay merges depends on how the
        # reports were batched, which a store of one person's plays cannot replay.
        title, artist, album, duration = rng.choice(
            [song for song in songs if song[0] not in recent]
        )
        recent = [*recent[-2:], title]
        song = {"title": title, "artist": artist, "album": album, "duration": duration}
        kind = rng.randrange(6)
        if kind == 0:
            reports.append(PlayInput(**song, played_at=at, source=Source.LASTFM, listener=ALICE))
        elif kind == 1:
            reports.append(PlayInput(**song, played_at=at, source=Source.LASTFM, listener=BOB))
        elif kind == 2:  # Both, at the same second, on their own accounts.
            for person in (ALICE, BOB):
                reports.append(
                    PlayInput(**song, played_at=at, source=Source.LASTFM, listener=person)
                )
        elif kind == 3:  # The shared zone; Alice scrobbles it half the time.
            heard = rng.choice((None, 200))
            reports.append(
                PlayInput(
                    **song,
                    played_at=at,
                    source=Source.ROON,
                    device=LIVING_ROOM,
                    seconds_listened=heard,
                )
            )
            if rng.random() < 0.5:
                reports.append(
                    PlayInput(
                        **song,
                        played_at=at + rng.randint(0, 60),
                        source=Source.LASTFM,
                        listener=ALICE,
                    )
                )
        elif kind == 4:  # Alice's Sonos.
            reports.append(
                PlayInput(
                    **song,
                    played_at=at,
                    source=Source.HOME_ASSISTANT,
                    device=KITCHEN,
                    listener=ALICE,
                )
            )
        else:  # The household alone.
            reports.append(PlayInput(**song, played_at=at, source=Source.ROON, device=LIVING_ROOM))
    return reports


def listener_ids(path: Path) -> dict[str, int]:
    with sqlite3.connect(path) as conn:
        found = dict(conn.execute("SELECT entity_id, id FROM listener").fetchall())
    conn.close()
    return found


def person_rollups(path: Path, listener: int) -> dict[str, Any]:
    """A person's rollup tables as stored, in ``expected_rollups``' shapes."""
    with sqlite3.connect(path) as conn:

        def rows(table: str) -> list[Any]:
            return [
                row[1:]
                for row in conn.execute(f"SELECT * FROM {table} WHERE listener_id = ?", (listener,))
            ]

        def pairs(table: str) -> dict[Any, int]:
            return {tuple(row[:-1]): row[-1] for row in rows(table)}

        tables = {
            "day": {row[0]: tuple(row[1:]) for row in rows("person_day")},
            "day_hour": pairs("person_day_hour"),
            "week_hour": pairs("person_week_hour"),
            "day_artist": pairs("person_day_artist"),
            "day_album": pairs("person_day_album"),
            "artist": {row[0]: tuple(row[1:]) for row in rows("person_artist")},
            "album": {row[0]: tuple(row[1:]) for row in rows("person_album")},
            "track": {row[0]: tuple(row[1:]) for row in rows("person_track")},
            "session": set(rows("person_session")),
        }
    conn.close()
    return tables


def expected_person_rollups(path: Path, listener: int, tmp: Path) -> dict[str, Any]:
    """A person's rollups recomputed naively: the household's, over a copy holding only
    that person's plays."""
    copy = tmp / f"person{listener}.db"
    shutil.copy(path, copy)
    for suffix in ("-wal", "-shm"):
        if path.with_name(path.name + suffix).exists():
            shutil.copy(path.with_name(path.name + suffix), copy.with_name(copy.name + suffix))
    with sqlite3.connect(copy) as conn:
        conn.execute("DELETE FROM play WHERE listener_id IS NOT ?", (listener,))
    conn.close()
    everything = expected_rollups(copy, ZONE)
    return {name: everything[name] for name in (*PERSON_KEYS, "track", "session")}


def played_by(path: Path, listener: int) -> tuple[list[PlayInput], list[PlayInput]]:
    """A person's stored plays, and the other sources' reports merged into them, as reports
    for a store of their own."""
    song = (
        "t.title, ar.name, {at}, s.name, al.title, alar.name, t.duration, {device}, {heard} "
        "FROM {source} JOIN track t ON t.id = p.track_id "
        "JOIN artist ar ON ar.id = t.artist_id JOIN album al ON al.id = t.album_id "
        "JOIN artist alar ON alar.id = al.artist_id JOIN source s ON s.id = {source_id} "
        "LEFT JOIN device d ON d.id = p.device_id WHERE p.listener_id = ? ORDER BY p.id"
    )
    with sqlite3.connect(path) as conn:
        plays, reports = (
            conn.execute("SELECT " + song.format(**parts), (listener,)).fetchall()
            for parts in (
                {
                    "at": "p.played_at",
                    "device": "d.name",
                    "heard": "p.seconds_listened",
                    "source": "play p",
                    "source_id": "p.source_id",
                },
                {
                    "at": "r.played_at",
                    "device": "NULL",
                    "heard": "NULL",
                    "source": "play_report r JOIN play p ON p.id = r.play_id",
                    "source_id": "r.source_id",
                },
            )
        )
    conn.close()
    return tuple(  # type: ignore[return-value]
        [
            PlayInput(
                title,
                artist,
                at,
                Source(source),
                album=album,
                album_artist=album_artist,
                duration=duration,
                device=device,
                seconds_listened=heard,
            )
            for title, artist, at, source, album, album_artist, duration, device, heard in rows
        ]
        for rows in (plays, reports)
    )
