"""The journal's text search (trigram indexes from three characters) against a recomputation."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
import sqlite3

import pytest

from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.normalize import fold
from custom_components.aime.core.stats.models import HistoryFilter
from custom_components.aime.core.store.store import Store

from ..stats_fixture import history


@pytest.fixture
def paris(db_path: Path) -> Iterator[Store]:
    """The fixture history, and a few names with spaces, digits and FTS5 syntax in them."""
    store = Store.open(db_path, time_zone="Europe/Paris")
    store.ingest(history(), batch_size=3)
    store.ingest(
        [
            PlayInput(
                "Night AND Day",
                'Ella "Lady" Fitzgerald',
                1_700_000_000,
                Source.LASTFM,
                album="Songbook: Vol. 2",
            ),
            PlayInput(
                "Ça plane pour moi", "Plastic Bertrand", 1_700_000_600, Source.LASTFM, album="AN1"
            ),
        ]
    )
    yield store
    store.close()


def _recounted(store: Store, text: str) -> int:
    """Plays whose track title, album title or artist name (folded) contains ``text``."""
    needle = fold(text)
    with sqlite3.connect(store.path) as conn:
        count = conn.execute(
            "SELECT count(*) FROM play p JOIN track t ON t.id = p.track_id "
            "JOIN album al ON al.id = t.album_id JOIN artist ar ON ar.id = t.artist_id "
            "WHERE instr(t.key, ?1) OR instr(al.key, ?1) OR instr(ar.key, ?1)",
            (needle,),
        ).fetchone()[0]
    conn.close()
    return int(count)


def _keys(store: Store) -> set[str]:
    with sqlite3.connect(store.path) as conn:
        keys = {
            key
            for table in ("track", "album", "artist")
            for (key,) in conn.execute(f"SELECT key FROM {table}")
        }
    conn.close()
    return keys


def test_every_piece_of_every_name_finds_what_a_scan_finds(paris: Store) -> None:
    """Texts of one to six characters from every key: the index answers as reading every key."""
    texts = {
        key[start : start + length]
        for key in _keys(paris)
        for length in range(1, 7)
        for start in range(max(len(key) - length + 1, 0))
    }
    assert len(texts) > 100
    for text in sorted(texts):
        page = paris.stats.history(HistoryFilter(text=text), 0, 500)
        assert page.total == len(page.entries) == _recounted(paris, text), text
    with sqlite3.connect(paris.path) as conn:
        for table in (
            "artist",
            "album",
            "track",
        ):  # Rank 1: raises when the index differs from the names.
            conn.execute(f"INSERT INTO {table}_key_search ({table}_key_search, rank) "
                         "VALUES ('integrity-check', 1)")  # fmt: skip
    conn.close()


@pytest.mark.parametrize(
    "text",
    [
        *('"lady"', 'lady" fitz', "night and", "AND", "vol. 2", "ng*", "-day", "NOT ella", "ÇA"),
        *("a?b", "ni*ht", "[ni]ght", "n[!i]ght", "*", "???", "[a-z]"),  # GLOB's wildcards
    ],
)
def test_search_syntax_is_plain_text(paris: Store, text: str) -> None:
    """Quotes, operators, wildcards and punctuation are searched as typed, never as syntax."""
    assert paris.stats.history(HistoryFilter(text=text), 0, 50).total == _recounted(paris, text)


def test_text_with_other_track_filters(paris: Store) -> None:
    """The text narrows the artist, album and loved filters (and a period of plays)."""
    everything = paris.stats.history(HistoryFilter(text="night"), 0, 50)
    assert everything.total == 1
    entry = everything.entries[0]
    assert (
        paris.stats.history(
            HistoryFilter(text="night", artist_id=entry.artist_id, album_id=entry.album_id), 0, 50
        ).total
        == 1
    )
    assert paris.stats.history(HistoryFilter(text="night", loved=True), 0, 50).total == 0
    assert paris.stats.history(HistoryFilter(text="night", source=Source.ROON), 0, 50).total == 0
