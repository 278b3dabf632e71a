"""One artist's page (``artist_page.py``) over the Paris history and its records."""

from __future__ import annotations

import sqlite3

from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.stats.artist_page import artist_page
from custom_components.aime.core.stats.covers import artist_images
from custom_components.aime.core.stats.page_models import MonthPlays
from custom_components.aime.core.store.store import Store

from ..stats_fixture import local
from .panel_fixture import ODD, artist_id


def test_an_artist(shelf: Store) -> None:
    """Ada: totals, plays by month, albums played and owned, top tracks."""
    ada = artist_id(shelf, "Ada")
    shelf.enrichment.save_artist(
        ada, "spotify", url="https://open.spotify.example/artist/ada", image_url=None, now=1
    )
    page = artist_page(shelf.stats, ada, top=1)
    assert page is not None
    assert (page.name, page.candidates, page.total_plays) == ("Ada", [], 6)
    assert page.links == {"spotify": "https://open.spotify.example/artist/ada"}
    assert (page.first_played_at, page.last_played_at) == (
        local("2022-06-01 12:00"),
        local("2024-10-29 20:29"),
    )
    assert page.months == [
        MonthPlays("2022-06", 1),
        MonthPlays("2024-03", 2),  # P3 (01:59 CET) and P4 (03:00 CEST), the same night
        MonthPlays("2024-10", 3),
    ]
    assert [(a.title, a.plays, a.owned) for a in page.albums] == [
        ("First", 6, 1),
        ("Unplayed", 0, 1),
    ]
    assert [(t.name, t.plays, t.artist) for t in page.top_tracks] == [("Alpha", 4, "Ada")]
    first = next(album.album_id for album in page.albums if album.title == "First")
    assert (page.top_tracks[0].artist_id, page.top_tracks[0].album_id) == (page.artist_id, first)
    assert artist_page(shelf.stats, 10**12) is None


def test_a_guest_on_another_artists_album(shelf: Store) -> None:
    """A track credited to Bo on Ada's album puts that album among Bo's."""
    shelf.ingest(
        [PlayInput("Duet", "Bo", local("2024-10-30 10:00"), Source.LASTFM, album="First",
                   album_artist="Ada")]
    )  # fmt: skip
    page = artist_page(shelf.stats, artist_id(shelf, "Bo"))
    assert page is not None
    assert [album.title for album in page.albums] == ["First", "Second"]


def test_an_unresolved_artist_shows_its_candidates(shelf: Store) -> None:
    """The AIME import's "one of these" artist names who it may be; odd names stay text."""
    shelf.ingest([PlayInput("Song", ODD, local("2024-10-30 10:00"), Source.LASTFM, album="X")])
    odd = artist_id(shelf, ODD)
    with sqlite3.connect(shelf.path) as conn:
        conn.executemany(
            "INSERT INTO artist_candidate (artist_id, position, key, name) VALUES (?, ?, ?, ?)",
            [(odd, 0, "ada", "Ada"), (odd, 1, "bo", "Bo")],
        )
    page = artist_page(shelf.stats, odd)
    assert page is not None
    assert (page.name, page.candidates) == (ODD, ["Ada", "Bo"])


def test_artist_images(shelf: Store) -> None:
    """An enrichment image, when one is known."""
    ada, bo = artist_id(shelf, "Ada"), artist_id(shelf, "Bo")
    shelf.enrichment.save_artist(ada, "spotify", url=None, image_url="https://i.example/a", now=1)
    with shelf._read() as conn:
        assert artist_images(conn, [ada, bo]) == {ada: "https://i.example/a"}
