"""Rollups equal a straightforward recomputation from the plays, however they were ingested."""

from __future__ import annotations

from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path
import random
import sqlite3
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from sqlalchemy.exc import DBAPIError

from custom_components.aime.core.localtime import day_of_date
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.stats import totals
from custom_components.aime.core.store.store import Store

from ..stats_fixture import history

type Tables = dict[str, Any]

START = int(datetime(2017, 1, 1, tzinfo=ZoneInfo("UTC")).timestamp())
SPAN = 3 * 365 * 86_400  # Three years: DST changes of both hemispheres, Sao Paulo midnights.


def expected_rollups(path: Path, zone_name: str) -> Tables:
    """Every rollup, recomputed naively from play, track and play_report."""
    zone = ZoneInfo(zone_name)
    with sqlite3.connect(path) as conn:
        plays = conn.execute(
            "SELECT p.id, p.played_at, p.track_id, p.source_id, p.seconds_listened, "
            "t.artist_id, t.album_id, t.duration FROM play p JOIN track t ON t.id = p.track_id"
        ).fetchall()
        reports = conn.execute(
            "SELECT p.played_at, r.source_id FROM play_report r JOIN play p ON p.id = r.play_id"
        ).fetchall()
    days: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0])
    names = ("day_hour", "week_hour", "day_source", "day_artist", "day_album")
    tables: dict[str, Counter[Any]] = {name: Counter() for name in names}
    artists: dict[int, list[int]] = {}
    albums: dict[int, list[int]] = {}
    tracks: dict[int, list[int]] = {}
    priced = [0, 0]

    def local(at: int) -> tuple[int, int, int]:
        moment = datetime.fromtimestamp(at, zone)
        return day_of_date(moment.date()), moment.hour, moment.weekday()

    for _, at, track, source, listened, artist, album, duration in plays:
        day, hour, weekday = local(at)
        length = listened or duration
        totals = days[day]
        totals[0] += 1
        if length:
            totals[1] += length
        else:
            totals[2] += 1
        if duration and not listened:
            priced[0] += 1
            priced[1] += duration
        tables["day_hour"][day, hour] += 1
        tables["week_hour"][weekday, hour] += 1
        tables["day_source"][day, source] += 1
        tables["day_artist"][day, artist] += 1
        tables["day_album"][day, album] += 1
        for totals_of, item in ((artists, artist), (albums, album), (tracks, track)):
            row = totals_of.setdefault(item, [0, at, at])
            row[0] += 1
            row[1], row[2] = min(row[1], at), max(row[2], at)
    for at, source in reports:
        tables["day_source"][local(at)[0], source] += 1
    return {
        "day": {day: tuple(values) for day, values in days.items()},
        **{name: dict(counts) for name, counts in tables.items()},
        "artist": {item: tuple(row) for item, row in artists.items()},
        "album": {item: (row[0], row[2]) for item, row in albums.items()},
        "track": {item: (row[0], row[2]) for item, row in tracks.items()},
        "session": _sessions(plays),
        "priced": tuple(priced),
        **_playlist_rollups(plays),
    }


def _playlist_rollups(plays: list[Any]) -> Tables:
    """``session_rollups.py``'s tables: per session and per artist."""
    artists: Counter[tuple[int, int]] = Counter()
    changes: Counter[tuple[int, int]] = Counter()
    flow: Counter[tuple[int, int, int]] = Counter()
    album_tracks: defaultdict[tuple[int, int], set[int]] = defaultdict(set)
    start = previous = None
    for _, at, track, _, _, artist, album, _ in sorted(plays, key=lambda play: (play[1], play[0])):
        if previous is None or at - previous[0] > 1800:
            start, previous = at, None
        artists[start, artist] += 1
        album_tracks[start, album].add(track)
        if previous is not None and previous[1] != artist:
            flow[start, previous[1], artist] += 1
            changes[start, previous[1]] += 1
        previous = (at, artist)
    totals: dict[int, list[int]] = {}
    for (start, artist), _ in artists.items():
        total = totals.setdefault(artist, [0, 0])
        total[0] += 1
        total[1] += changes[start, artist]
    artist_flow: Counter[tuple[int, int]] = Counter()
    for (_, source, target), times in flow.items():
        artist_flow[source, target] += times
    through = Counter(
        (album, len(tracks)) for (_, album), tracks in album_tracks.items() if len(tracks) >= 3
    )
    return {
        "artist_flow": dict(artist_flow),
        "album_through": dict(through),
        "session_artist": {key: (n, changes[key]) for key, n in artists.items()},
        "session_flow": dict(flow),
        "session_album": {
            key: len(tracks) for key, tracks in album_tracks.items() if len(tracks) >= 3
        },
        "artist_session": {artist: tuple(total) for artist, total in totals.items()},
    }


def _sessions(plays: list[Any]) -> set[tuple[int, ...]]:
    """Split on starts more than 30 minutes apart; the last play is the latest (start, id)."""
    sessions: set[tuple[int, ...]] = set()
    ordered = sorted(plays, key=lambda play: (play[1], play[0]))
    current: list[Any] = []
    for play in [*ordered, None]:
        if current and (play is None or play[1] - current[-1][1] > 1800):
            last = current[-1]
            sessions.add(
                (current[0][1], last[1], len(current), last[0], last[2], last[4] or last[7])
            )
            current = []
        if play is not None:
            current.append(play)
    return sessions


def actual_rollups(path: Path) -> Tables:
    """The rollup tables as stored."""
    with sqlite3.connect(path) as conn:

        def pairs(table: str, keys: str) -> dict[Any, int]:
            counts = {
                "stats_session_flow": "times",
                "stats_session_album": "tracks",
                "stats_artist_flow": "times",
                "stats_album_through": "sessions",
            }
            return {
                tuple(row[:-1]): row[-1]
                for row in conn.execute(f"SELECT {keys}, {counts.get(table, 'plays')} FROM {table}")
            }

        tables: Tables = {
            "day": {
                day: (plays, seconds, estimated)
                for day, plays, seconds, estimated in conn.execute("SELECT * FROM stats_day")
            },
            "day_hour": pairs("stats_day_hour", "day, hour"),
            "week_hour": pairs("stats_week_hour", "weekday, hour"),
            "day_source": pairs("stats_day_source", "day, source_id"),
            "day_artist": pairs("stats_day_artist", "day, artist_id"),
            "day_album": pairs("stats_day_album", "day, album_id"),
            "artist": {
                row[0]: tuple(row[1:]) for row in conn.execute("SELECT * FROM stats_artist")
            },
            "album": {row[0]: tuple(row[1:]) for row in conn.execute("SELECT * FROM stats_album")},
            "track": {row[0]: tuple(row[1:]) for row in conn.execute("SELECT * FROM stats_track")},
            "session": set(conn.execute("SELECT * FROM stats_session")),
            "session_artist": {
                (start, artist): (plays, changes)
                for start, artist, plays, changes in conn.execute(
                    "SELECT * FROM stats_session_artist"
                )
            },
            "session_flow": pairs("stats_session_flow", "start_at, from_artist, to_artist"),
            "session_album": pairs("stats_session_album", "start_at, album_id"),
            "artist_session": {
                row[0]: tuple(row[1:]) for row in conn.execute("SELECT * FROM stats_artist_session")
            },
            "artist_flow": pairs("stats_artist_flow", "from_artist, to_artist"),
            "album_through": pairs("stats_album_through", "album_id, tracks"),
            "priced": conn.execute(
                "SELECT priced_plays, priced_seconds FROM stats_meta"
            ).fetchone(),
        }
        newest = conn.execute("SELECT coalesce(max(id), 0) FROM play").fetchone()[0]
        assert conn.execute("SELECT totals_through FROM stats_meta").fetchone() == (newest,)
        assert conn.execute("SELECT count(*) FROM stats_repricing").fetchone() == (0,)
    return tables


def random_reports(seed: int, count: int = 600) -> list[PlayInput]:
    """Reports of a few dozen songs by several sources, with the situations rollups must follow:
    cross-source duplicates in either order, lengths learned later, listened seconds merged in,
    plays within and across session gaps, and out-of-order delivery."""
    rng = random.Random(seed)
    songs = [
        (f"Song {number}", f"Artist {number % 7}", f"Album {number % 11}", rng.randint(90, 600))
        for number in range(40)
    ]
    reports: list[PlayInput] = []
    at = START
    while len(reports) < count:
        at += rng.choice((60, 200, 1700, 1800, 1801, 1900, 7200, 86_400, 5 * 86_400))
        at = START + (at - START) % SPAN
        title, artist, album, duration = rng.choice(songs)
        kind = rng.random()
        roon = PlayInput(
            title,
            artist,
            at,
            Source.ROON,
            album=album,
            duration=duration if rng.random() < 0.8 else None,
            seconds_listened=rng.choice((None, 30, duration)),
        )
        lastfm = PlayInput(title, artist, at + rng.randint(-120, 120), Source.LASTFM, album=album)
        if kind < 0.05:  # An album run: its songs in a row, heard through.
            run = [song for song in songs if song[2] == album]
            reports.extend(
                PlayInput(song[0], artist, at + 200 * n, Source.LASTFM, album=album)
                for n, song in enumerate(run)
            )
        elif kind < 0.4:
            reports.append(lastfm)
        elif kind < 0.7:
            reports.append(roon)
        else:
            reports.extend(rng.sample([roon, lastfm], 2))  # Both sources: one play, merged.
    return reports


def ingest_in_random_batches(store: Store, reports: list[PlayInput], seed: int) -> None:
    """Several calls of shuffled chunks, small batches: backfills and merges across batches."""
    rng = random.Random(seed)
    chunks = [reports[start : start + 50] for start in range(0, len(reports), 50)]
    rng.shuffle(chunks)
    for chunk in chunks:
        store.ingest(chunk, batch_size=rng.choice((1, 7, 20)))


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_rollups_equal_recomputation(db_path: Path, seed: int) -> None:
    """Incremental rollups, a time-zone change and a rebuild all agree with the naive count."""
    store = Store.open(db_path, time_zone="Europe/Paris")
    try:
        ingest_in_random_batches(store, random_reports(seed), seed)
        assert actual_rollups(db_path) == expected_rollups(db_path, "Europe/Paris")
        assert all(
            actual_rollups(db_path)[name]
            for name in ("session_flow", "session_album", "artist_flow", "album_through")
        )
        assert store.set_time_zone("America/Sao_Paulo")
        assert not store.set_time_zone("America/Sao_Paulo")  # Same zone: nothing to do.
        assert store.time_zone == "America/Sao_Paulo"
        assert actual_rollups(db_path) == expected_rollups(db_path, "America/Sao_Paulo")
        # More plays in the new zone, then a rebuild from scratch changes nothing.
        ingest_in_random_batches(store, random_reports(seed + 100, 200), seed)
        incremental = actual_rollups(db_path)
        assert incremental == expected_rollups(db_path, "America/Sao_Paulo")
        store.rebuild_statistics()
        assert actual_rollups(db_path) == incremental
    finally:
        store.close()


def test_rolled_back_batch_leaves_totals_exact(store: Store, db_path: Path) -> None:
    """A failed batch drops its sums; the totals catch up from the plays instead."""
    with sqlite3.connect(db_path) as conn:
        conn.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON play WHEN NEW.played_at = 1500000000 "
            "BEGIN SELECT RAISE(ABORT, 'refused'); END"
        )
    good = [PlayInput(f"T{n}", "A", START + 600 * n, Source.LASTFM) for n in range(6)]
    bad = PlayInput("Bad", "B", 1_500_000_000, Source.LASTFM)
    with pytest.raises(DBAPIError):
        store.ingest([*good, bad], batch_size=3)  # The first two batches commit.
    with sqlite3.connect(db_path) as conn:
        conn.execute("DROP TRIGGER refuse")
    store.ingest([bad])
    assert actual_rollups(db_path) == expected_rollups(db_path, "UTC")


def test_interrupted_ingest_is_completed_at_open(db_path: Path) -> None:
    """Totals and repricing left undone by a crash are done when the store opens."""
    store = Store.open(db_path)
    store.ingest(history())
    store.close()
    with sqlite3.connect(db_path) as conn:
        conn.execute("UPDATE stats_meta SET totals_through = 3")
        conn.execute("DELETE FROM stats_artist")
        conn.execute("DELETE FROM stats_album")
        conn.execute("DELETE FROM stats_track")
        for table, key in (("stats_artist", "artist_id"), ("stats_album", "album_id")):
            conn.execute(
                f"INSERT INTO {table} SELECT t.{key}, count(*), "
                + ("min(p.played_at), " if table == "stats_artist" else "")
                + f"max(p.played_at) FROM play p JOIN track t ON t.id = p.track_id "
                f"WHERE p.id <= 3 GROUP BY t.{key}"
            )
        conn.execute(
            "INSERT INTO stats_track SELECT track_id, count(*), max(played_at) FROM play "
            "WHERE id <= 3 GROUP BY track_id"
        )
    Store.open(db_path).close()
    assert actual_rollups(db_path) == expected_rollups(db_path, "UTC")


@pytest.mark.parametrize("write_every", [100, totals.BULK_WRITE_PLAYS])
def test_bulk_import_totals_exact_once_settled_or_reopened(
    db_path: Path, monkeypatch: pytest.MonkeyPatch, write_every: int
) -> None:
    """A bulk import sums its totals across calls: they are exact when it settles, after a
    plain call, and when a store closed in the middle of one opens again."""
    monkeypatch.setattr(totals, "BULK_WRITE_PLAYS", write_every)
    reports = random_reports(4)
    pages = [reports[start : start + 50] for start in range(0, len(reports), 50)]
    store = Store.open(db_path)
    for page in pages[:4]:
        store.ingest(page, bulk=True)
    store.ingest(pages[4])
    assert actual_rollups(db_path) == expected_rollups(db_path, "UTC")
    for page in pages[5:8]:
        store.ingest(page, bulk=True)
    store.close()
    store = Store.open(db_path)
    try:
        assert actual_rollups(db_path) == expected_rollups(db_path, "UTC")
        for page in pages[8:]:
            store.ingest(page, bulk=True)
        store.settle_statistics()
        assert actual_rollups(db_path) == expected_rollups(db_path, "UTC")
    finally:
        store.close()


def test_unknown_time_zone_changes_nothing(store: Store) -> None:
    """An invalid zone is refused before anything is touched."""
    with pytest.raises(KeyError):
        store.set_time_zone("Mars/Olympus_Mons")
    assert store.time_zone == "UTC"
