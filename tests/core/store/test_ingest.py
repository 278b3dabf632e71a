"""The ingest rules: idempotence, the natural key, cross-source merging, bad input."""

from __future__ import annotations

from dataclasses import replace
import gc
from pathlib import Path
import sqlite3

import pytest
from sqlalchemy.exc import DBAPIError

from custom_components.aime.core.models import SOURCE_CODES, PlayInput, Source
from custom_components.aime.core.store.store import Store

T0 = 1_700_000_000
LASTFM, ROON = Source.LASTFM, Source.ROON


def play(
    title: str = "So What",
    artist: str = "Miles Davis",
    at: int = T0,
    source: Source = LASTFM,
    **extra: object,
) -> PlayInput:
    """A play of Kind of Blue unless told otherwise."""
    extra.setdefault("album", "Kind of Blue")
    return PlayInput(title=title, artist=artist, played_at=at, source=source, **extra)  # type: ignore[arg-type]


def rows(path: Path, sql: str) -> list[tuple[object, ...]]:
    """Read the database file directly, as an outside observer."""
    with sqlite3.connect(path) as conn:
        return conn.execute(sql).fetchall()


def test_reingest_adds_nothing(store: Store) -> None:
    """Ingesting the same plays again, even after reopening, adds no row."""
    plays = [play(at=T0 + 600 * i, title=f"Track {i}") for i in range(20)]
    first = store.ingest(plays)
    assert (first.received, first.added, first.duplicates) == (20, 20, 0)
    again = store.ingest(plays)
    assert (again.added, again.duplicates, again.merged) == (0, 20, 0)
    store.close()
    reopened = Store.open(store.path)
    try:
        assert reopened.ingest(plays).added == 0
        assert reopened.counts().plays == 20
    finally:
        reopened.close()


def test_same_play_twice_in_one_batch_is_one(store: Store) -> None:
    """The natural key (source, start, song) holds inside one batch too."""
    result = store.ingest([play(), play(), play(album="Kind Of Blue (Legacy Edition)")])
    assert (result.added, result.duplicates) == (1, 2)


def test_replay_from_one_source_is_two_plays(store: Store) -> None:
    """Distinct start times from one source are a genuine replay, however close."""
    result = store.ingest([play(at=T0), play(at=T0 + 60)])
    assert result.added == 2


@pytest.mark.parametrize(
    ("roon", "lastfm"),
    [
        (play(source=ROON), play(at=T0 + 30)),
        (play(source=ROON, at=T0 + 300), play()),  # exactly the window
        (
            play(source=ROON, album="Kind of Blue (Legacy Edition)", title="So what"),
            play(at=T0 + 5, album="KIND OF BLUE"),
        ),
        (
            play(source=ROON, artist="Miles Davis / John Coltrane"),
            play(at=T0 + 5, album="The Essential Miles Davis"),  # another album, same song
        ),
        (play(source=ROON, artist="Beyoncé", title="Halo"), play(artist="Beyonce", title="Halo")),
    ],
)
def test_two_sources_within_window_are_one_play(
    store: Store, roon: PlayInput, lastfm: PlayInput
) -> None:
    """Roon and Last.fm reporting the same song within five minutes is one play."""
    result = store.ingest([roon, lastfm])
    assert (result.added, result.merged) == (1, 1)
    assert store.counts().plays == 1
    assert rows(
        store.path,
        "SELECT p.source_id, r.source_id, r.played_at FROM play p "
        "JOIN play_report r ON r.play_id = p.id",
    ) == [(SOURCE_CODES[ROON], SOURCE_CODES[LASTFM], lastfm.played_at)]
    again = store.ingest([roon, lastfm])
    assert (again.added, again.duplicates, again.merged) == (0, 2, 0)


def test_merge_across_batches_fills_what_was_missing(store: Store) -> None:
    """The stored play gains the other source's bit, its zone and its listened seconds."""
    store.ingest([play(loved=True)])
    result = store.ingest([play(source=ROON, at=T0 - 40, device="Kitchen", seconds_listened=500)])
    assert result.merged == 1
    assert rows(
        store.path,
        "SELECT p.played_at, p.loved, p.seconds_listened, d.name FROM play p "
        "JOIN device d ON d.id = p.device_id",
    ) == [(T0, 1, 500, "Kitchen")]
    assert store.newest_played_at(ROON) == T0 - 40  # its own report time
    assert store.newest_played_at(LASTFM) == T0


def test_two_sources_beyond_window_are_two_plays(store: Store) -> None:
    """Outside the window the reports are separate plays."""
    assert store.ingest([play(source=ROON), play(at=T0 + 301)]).added == 2


def test_window_is_configurable(db_path: Path) -> None:
    """A one-minute window keeps reports 90 s apart separate."""
    narrow = Store.open(db_path, dedup_window=60)
    try:
        assert narrow.dedup_window == 60
        assert narrow.ingest([play(source=ROON), play(at=T0 + 90)]).added == 2
    finally:
        narrow.close()


def test_each_report_merges_into_its_nearest_play(store: Store) -> None:
    """A short track replayed: two Roon plays and two scrobbles are two plays, not three."""
    store.ingest([play(source=ROON, at=T0), play(source=ROON, at=T0 + 250)])
    result = store.ingest([play(at=T0 + 2), play(at=T0 + 252)])
    assert (result.added, result.merged) == (0, 2)
    assert rows(
        store.path,
        "SELECT p.played_at, r.played_at FROM play p JOIN play_report r "
        "ON r.play_id = p.id ORDER BY p.id",
    ) == [(T0, T0 + 2), (T0 + 250, T0 + 252)]


def test_one_report_per_source_merges_into_a_play(store: Store) -> None:
    """Two scrobbles near one Roon play: the second one is a replay Roon did not see."""
    plays = [play(source=ROON), play(at=T0 + 2), play(at=T0 + 200)]
    result = store.ingest(plays)
    assert (result.added, result.merged) == (2, 1)
    # Even one at a time and in another order, re-ingesting changes nothing.
    for again in reversed(plays):
        assert store.ingest([again]).duplicates == 1
    assert store.counts().plays == 2


def test_same_merged_report_twice_in_one_batch_is_a_duplicate(store: Store) -> None:
    """A report merged into another source's play, repeated in the same batch, adds nothing."""
    store.ingest([play(source=ROON)])
    result = store.ingest([play(at=T0 + 2), play(at=T0 + 2)])
    assert (result.added, result.merged, result.duplicates) == (0, 1, 1)
    assert store.counts().plays == 1


def test_merge_with_a_play_of_the_same_batch(store: Store) -> None:
    """Both reports in one batch: the pending row takes the other's details."""
    store.ingest([play(), play(source=ROON, at=T0 + 3, device="Office", seconds_listened=60)])
    assert rows(store.path, "SELECT source_id, device_id, seconds_listened FROM play") == [
        (SOURCE_CODES[LASTFM], 1, 60)
    ]
    assert store.newest_played_at(ROON) == T0 + 3


@pytest.mark.parametrize(
    ("bad", "reason"),
    [
        (play(title="  "), "missing_title"),
        (play(artist=""), "missing_artist"),
        (play(at=0), "invalid_time"),
        (play(at=2**40), "future_time"),
        (play(duration=10**9), "invalid_number"),
        (play(seconds_listened=-5), "invalid_number"),
        (replace(play(), source="tidal"), "unknown_source"),  # type: ignore[arg-type]
    ],
)
def test_bad_input_is_rejected_and_loses_nothing(store: Store, bad: PlayInput, reason: str) -> None:
    """A bad play is reported with a reason; the good ones of the batch are stored."""
    result = store.ingest([play(at=T0 - 1000), bad, play(at=T0 + 1000)])
    assert result.added == 2
    assert [(r.play, r.reason) for r in result.rejected] == [(bad, reason)]
    assert result.received == result.added + result.duplicates + result.merged + 1


def test_failed_batch_rolls_back_and_store_recovers(store: Store) -> None:
    """A database error rolls the whole batch back; later batches are not confused by it."""
    with sqlite3.connect(store.path) as conn:
        conn.execute(
            "CREATE TRIGGER refuse BEFORE INSERT ON play WHEN NEW.played_at = 1234567890 "
            "BEGIN SELECT RAISE(ABORT, 'refused'); END"
        )
    batch = [play("New", "New Artist", at=T0), play("Other", "Another", at=1_234_567_890)]
    with pytest.raises(DBAPIError):
        store.ingest(batch)
    assert gc.isenabled()  # The collector, paused during the batch, runs again.
    assert store.counts().artists == 0
    with sqlite3.connect(store.path) as conn:
        conn.execute("DROP TRIGGER refuse")
    assert store.ingest(batch).added == 2
    assert store.counts().artists == 2


def test_batches_split_a_large_ingest(store: Store) -> None:
    """Batch boundaries change nothing: a merge across two batches still happens."""
    plays = [play(f"T{i}", at=T0 + 400 * i) for i in range(10)]
    plays.append(play("T9", at=T0 + 3600 + 10, source=ROON))
    result = store.ingest(plays, batch_size=3)
    assert (result.added, result.merged) == (10, 1)


def test_batch_of_only_bad_plays(store: Store) -> None:
    """Nothing valid: nothing written, every play reported."""
    result = store.ingest([play(title=""), play(artist=" ")])
    assert (result.received, result.added, len(result.rejected)) == (2, 0, 2)
    assert store.counts().plays == 0


def test_merge_after_restart_reads_stored_songs(store: Store) -> None:
    """After a restart the stored plays' songs are read back to find cross-source matches."""
    store.ingest([play(), play("Freddie Freeloader", at=T0 + 200)])
    store.close()
    reopened = Store.open(store.path)
    try:
        result = reopened.ingest([play("Freddie Freeloader", at=T0 + 210, source=ROON)])
        assert (result.added, result.merged) == (0, 1)
    finally:
        reopened.close()
