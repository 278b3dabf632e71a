"""The store: counts, closing, WAL readers beside the writer, the dedup window."""

from __future__ import annotations

from pathlib import Path
import sqlite3
import threading

import pytest

from custom_components.aime.core.errors import StoreError
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.store.store import Store

T0 = 1_700_000_000


def sample(count: int, source: Source = Source.LASTFM, start: int = T0) -> list[PlayInput]:
    """``count`` distinct plays ten minutes apart."""
    return [
        PlayInput(f"Track {i}", f"Artist {i % 7}", start + 600 * i, source, album=f"Album {i % 3}")
        for i in range(count)
    ]


def test_counts_newest_and_size(store: Store) -> None:
    """Counts, newest play per source and bytes on disk follow what was ingested."""
    assert store.newest_played_at() is None
    store.ingest(sample(5) + sample(2, Source.ROON, start=T0 + 100_000))
    counts = store.counts()
    assert (counts.plays, counts.tracks, counts.albums) == (7, 5, 5)  # album = (artist, title)
    assert store.newest_played_at() == T0 + 100_600
    assert store.newest_played_at(Source.LASTFM) == T0 + 2400
    assert store.newest_played_at(Source.MANUAL) is None
    assert store.database_size() > 0


def test_close_is_idempotent_and_final(db_path: Path) -> None:
    """Closing twice is harmless; a closed store refuses work; the WAL is checkpointed."""
    store = Store.open(db_path)
    store.ingest(sample(3))
    store.close()
    store.close()
    with pytest.raises(StoreError):
        store.counts()
    wal = db_path.with_name("aime.db-wal")
    assert not wal.exists() or wal.stat().st_size == 0


def test_readers_do_not_block_the_writer(store: Store) -> None:
    """A long read transaction in another thread does not stop ingest (WAL)."""
    store.ingest(sample(10))
    reading, release = threading.Event(), threading.Event()
    seen: list[int] = []

    def long_reader() -> None:
        with sqlite3.connect(store.path) as conn:
            conn.execute("BEGIN")
            seen.append(conn.execute("SELECT count(*) FROM play").fetchone()[0])
            reading.set()
            release.wait(10)
            seen.append(conn.execute("SELECT count(*) FROM play").fetchone()[0])
            conn.execute("COMMIT")

    reader = threading.Thread(target=long_reader)
    reader.start()
    assert reading.wait(10)
    try:
        assert store.ingest(sample(10, start=T0 + 10_000_000)).added == 10
        assert store.counts().plays == 20
    finally:
        release.set()
        reader.join(10)
    assert seen == [10, 10]  # the reader kept its snapshot while the writer committed


def test_count_plays_by_range_and_source(store: Store) -> None:
    """Counts include the reports a source made that were merged into another's play."""
    store.ingest(sample(4))
    store.ingest([PlayInput("Track 1", "Artist 1", T0 + 600 + 20, Source.ROON, album="Album 1")])
    store.ingest(sample(1, Source.ROON, start=T0 + 50_000))
    assert store.count_plays(T0, T0 + 1800) == 4
    assert store.count_plays(T0, T0 + 1800, Source.LASTFM) == 4
    assert store.count_plays(T0, T0 + 1800, Source.ROON) == 1  # merged into a Last.fm play
    assert store.count_plays(T0, T0 + 100_000, Source.ROON) == 2
    assert store.count_plays(T0 + 1, T0 + 599) == 0


def test_dedup_window_can_change_while_open(store: Store) -> None:
    """The window applies to the next ingest without reopening."""
    store.dedup_window = 60
    result = store.ingest(
        [
            PlayInput("A", "B", T0, Source.ROON),
            PlayInput("A", "B", T0 + 90, Source.LASTFM),
        ]
    )
    assert (store.dedup_window, result.added) == (60, 2)
