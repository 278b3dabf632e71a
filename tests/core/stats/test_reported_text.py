"""History shows each play as its source reported it, though songs are folded (issue 11 § 6)."""

from __future__ import annotations

from contextlib import closing
from datetime import UTC, datetime
from pathlib import Path
import sqlite3

from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.store.store import Store

T0 = 1_700_000_000  # 2023-11-14, in the past for every store.
HOUR = 3600


def _play(title: str, at: int, source: Source, device: str | None = None) -> PlayInput:
    return PlayInput(title, "Daft Punk", at, source, "Discovery", device=device)


def test_each_play_keeps_its_reported_title(store: Store, db_path: Path) -> None:
    """Roon names the song first; a later scrobble "One More Time" still shows as such."""
    store.ingest(
        [
            _play("One More Time (2011 Remaster)", T0, Source.ROON, device="Kitchen"),
            _play("One More Time", T0 + HOUR, Source.LASTFM),
            PlayInput(
                "one more time",
                "DAFT PUNK feat. Romanthony",
                T0 + 2 * HOUR,
                Source.LASTFM,
                "Discovery (Deluxe)",
            ),
            _play("One More Time", T0 + 3 * HOUR, Source.LASTFM),
        ]
    )

    entries = store.stats.history(None, 0, 10).entries

    assert [(e.title, e.artist, e.album) for e in entries] == [
        ("One More Time", "Daft Punk", "Discovery"),
        ("one more time", "DAFT PUNK feat. Romanthony", "Discovery (Deluxe)"),
        ("One More Time", "Daft Punk", "Discovery"),
        ("One More Time (2011 Remaster)", "Daft Punk", "Discovery"),
    ]
    assert len({e.track_id for e in entries}) == 1  # Still one song for the statistics.
    now = datetime.fromtimestamp(T0 + 4 * HOUR, UTC)
    last = store.stats.sensors(now).last_play
    assert last is not None
    assert last.title == "One More Time"
    # Only the plays whose text differs from the song's names (set by the first) have a row.
    with closing(sqlite3.connect(db_path)) as conn:
        assert conn.execute("SELECT count(*) FROM play_text").fetchone() == (3,)


def test_a_merged_report_shows_the_first_report(store: Store) -> None:
    """Roon and Last.fm report the same play: it shows as the source that reported it first."""
    store.ingest(
        [
            _play("One More Time (2011 Remaster)", T0, Source.ROON, device="Kitchen"),
            _play("One More Time", T0 + 30, Source.LASTFM),
        ]
    )
    entries = store.stats.history(None, 0, 10).entries
    assert [(e.title, e.sources) for e in entries] == [
        ("One More Time (2011 Remaster)", ["roon", "lastfm"])
    ]
