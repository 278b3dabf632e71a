"""Loved songs: a full sync, matched like plays whatever album they were played from."""

from __future__ import annotations

from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.store.store import Store

T0 = 1_700_000_000


def test_set_loved_is_a_full_sync(store: Store) -> None:
    """Loved songs match whatever album they were played from; others are unloved."""
    store.ingest(
        [
            PlayInput("So What", "Miles Davis", T0, Source.LASTFM, album="Kind of Blue"),
            PlayInput("So What", "Miles Davis", T0 + 900, Source.ROON, album="Jazz Best Of"),
            PlayInput("Blue in Green", "Miles Davis", T0 + 1800, Source.LASTFM),
        ]
    )
    first = store.set_loved([("Miles Davis", "so what"), ("Nobody", "Unknown"), ("", "x")])
    assert (first.songs, first.loved_tracks, first.changed) == (2, 2, 2)
    second = store.set_loved([("MILES DAVIS feat. Bill Evans", "Blue in Green (Remastered)")])
    assert (second.loved_tracks, second.changed) == (1, 3)
    assert store.set_loved([]).loved_tracks == 0
