"""The collection listing's filters and facets (``collection.py``) over the panel's records."""

from __future__ import annotations

from datetime import datetime

import pytest

from custom_components.aime.core.stats.page_models import Facet, Shelf
from custom_components.aime.core.store.store import Store

from ..stats_fixture import NOW, PARIS
from .panel_fixture import ODD, artist_id


def titles(store: Store, **filters: object) -> list[str]:
    """Titles of the records the filters keep, by artist then title."""
    page = store.stats.collection_page(now=NOW, **filters)  # type: ignore[arg-type]
    assert page.total == len(page.records)
    return [record.title for record in page.records]


def test_filters(shelf: Store) -> None:
    """Whole genre and style names; decades by the original year, else the pressing's."""
    assert titles(shelf, genre="Jazz") == ["First", "Second"]
    assert titles(shelf, genre="Rock") == ["Unplayed", "Second"]  # Ada, then Bo
    assert titles(shelf, genre="Roc") == []  # A whole name, not a part of one.
    assert titles(shelf, style="Fusion") == ["Second"]
    assert titles(shelf, decade=1950) == ["First"]  # 1959, pressed 2015
    assert titles(shelf, decade=1975) == ["Unplayed", "Second"]  # 1970s: 1975 and 1971
    assert titles(shelf, genre="Jazz", decade=1970) == ["Second"]


def test_shelves(shelf: Store) -> None:
    """Never played; played, but not in the last 12 months."""
    assert titles(shelf, shelf=Shelf.NEVER_PLAYED) == ["Unplayed", ODD]
    assert titles(shelf, shelf=Shelf.NOT_PLAYED_YEAR) == []
    later = datetime(2025, 10, 30, 12, 0, tzinfo=PARIS)  # First and Second: last played 2024-10-29
    page = shelf.stats.collection_page(shelf=Shelf.NOT_PLAYED_YEAR, now=later)
    assert [record.title for record in page.records] == ["First", "Second"]
    # Each record carries its artist's id: the panel links the artist's page.
    assert page.records[0].artist_id == artist_id(shelf, page.records[0].artist)
    with pytest.raises(ValueError, match="needs now"):
        shelf.stats.collection_page(shelf=Shelf.NOT_PLAYED_YEAR)


def test_facets(shelf: Store) -> None:
    """Every value with its number of records, most first; decades in order."""
    facets = shelf.stats.collection_facets()
    assert facets.formats == [Facet("vinyl", 2), Facet("cd", 1), Facet("other", 1)]
    assert facets.genres == [Facet("Jazz", 2), Facet("Rock", 2)]
    assert facets.styles == [Facet("Fusion", 1), Facet("Hard Bop", 1)]
    assert facets.decades == [Facet("1950", 1), Facet("1970", 2)]
