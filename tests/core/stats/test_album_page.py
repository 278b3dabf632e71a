"""One album's page (``album_page.py``) over the Paris history and its records."""

from __future__ import annotations

from custom_components.aime.core.models import AiTextKind, PlayInput, Source
from custom_components.aime.core.stats.album_page import album_page
from custom_components.aime.core.stats.covers import album_covers
from custom_components.aime.core.store.store import Store

from ..stats_fixture import local
from .panel_fixture import FIRST_COVER, ODD, UNPLAYED_COVER, album_id


def test_an_owned_album_with_plays(shelf: Store) -> None:
    """Ada's "First": the record, its links and description, tracks, totals, plays paged."""
    first = album_id(shelf, "First")
    shelf.enrichment.save_album(
        first, "spotify", url="https://open.spotify.example/album/1", image_url=None, now=1
    )
    shelf.ai_texts.save(
        AiTextKind.ALBUM_DESCRIPTION, "fr", "Un disque.", "model-a", album_id=first, created_at=5
    )
    shelf.ai_texts.save(
        AiTextKind.ALBUM_DESCRIPTION, "fr", "Un grand disque.", "model-b", album_id=first,
        created_at=9,
    )  # fmt: skip
    page = album_page(shelf.stats, first, page_size=4, language="fr-CA")
    assert page is not None
    assert (page.title, page.artist) == ("First", "Ada")
    assert (page.original_year, page.pressing_year) == (1959, 2015)
    assert (page.genres, page.styles) == (["Jazz"], ["Hard Bop"])
    assert page.links == {
        "discogs": "https://www.discogs.com/release/1",
        "spotify": "https://open.spotify.example/album/1",
    }
    assert [record.format for record in page.records] == ["vinyl"]
    assert page.description is not None
    assert (page.description.text, page.description.model) == ("Un grand disque.", "model-b")
    assert album_page(shelf.stats, first, language="en").description is None  # type: ignore[union-attr]
    assert [(track.title, track.plays) for track in page.tracks] == [("Alpha", 4), ("Omega", 2)]
    assert page.total_plays == 6
    # Each play at its track's length: 4 x 200 + 2 x 180.
    assert page.listening_seconds == 4 * 200 + 2 * 180
    assert page.first_played_at == local("2022-06-01 12:00")
    assert page.last_played_at == local("2024-10-29 20:29")
    assert [entry.title for entry in page.plays] == ["Omega", "Alpha", "Alpha", "Omega"]
    older = album_page(shelf.stats, first, page=1, page_size=4)
    assert older is not None
    assert [entry.played_at for entry in older.plays] == [
        local("2024-03-31 01:59"),
        local("2022-06-01 12:00"),
    ]


def test_an_unplayed_record_and_an_unknown_id(shelf: Store) -> None:
    """No plays: zeros; an id no album has: None."""
    page = album_page(shelf.stats, album_id(shelf, "Unplayed"))
    assert page is not None
    assert (page.total_plays, page.first_played_at, page.plays, page.tracks) == (0, None, [], [])
    assert album_page(shelf.stats, 10**12) is None


def test_odd_names_stay_text(shelf: Store) -> None:
    """Names that look like HTML come back as they were written; an album without a title."""
    shelf.ingest([PlayInput(ODD, ODD, local("2024-10-30 10:00"), Source.LASTFM, album=ODD)])
    page = album_page(shelf.stats, album_id(shelf, ODD))
    assert page is not None
    assert (page.title, page.artist, page.tracks[0].title) == (ODD, ODD, ODD)
    assert page.plays[0].album == ODD
    assert (page.genres, page.original_year) == ([], None)
    assert page.links == {"discogs": "https://www.discogs.com/release/4"}
    shelf.ingest([PlayInput("Untitled", "Nobody", local("2024-10-30 10:10"), Source.LASTFM)])
    history = shelf.stats.history(page_size=1).entries[0]
    bare = album_page(shelf.stats, history.album_id)
    assert bare is not None
    assert (bare.title, bare.total_plays) == (history.album, 1)


def test_covers_prefer_the_record_then_enrichment(shelf: Store) -> None:
    """The record's cover first; else an enrichment image; else nothing."""
    first, second = album_id(shelf, "First"), album_id(shelf, "Second")
    third = album_id(shelf, "Third")
    shelf.enrichment.save_album(
        first, "spotify", url=None, image_url="https://i.scdn.example/1", now=1
    )
    shelf.enrichment.save_album(
        second, "spotify", url=None, image_url="https://i.scdn.example/2", now=1
    )
    with shelf._read() as conn:
        covers = album_covers(conn, [first, second, third, album_id(shelf, "Unplayed")])
    assert covers == {
        first: FIRST_COVER,
        second: "https://i.scdn.example/2",
        album_id(shelf, "Unplayed"): UNPLAYED_COVER,
    }
