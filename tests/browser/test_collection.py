"""The collection view: the demo's Discogs records as a cover grid, narrowed by its filters.

What the grid shows is compared with what ``aime/collection`` answers for the same filters.
"""

from __future__ import annotations

from collections.abc import Callable
import re
from typing import Any

from playwright.sync_api import Page, expect

from tests.browser.demo_thread import HassApi
from tests.browser.harness import every_variant

PAGE_SIZE = 48  # The view's page size (frontend/src/views/collection/collection.ts).


def _total(page: Page) -> int:
    return int(page.get_by_test_id("collection-total").get_attribute("data-total") or -1)


def _expect_total(page: Page, total: int) -> None:
    expect(page.get_by_test_id("collection-total")).to_have_attribute("data-total", str(total))


def _shown_album_ids(page: Page) -> list[int]:
    records = page.get_by_test_id("collection-record")
    return [int(value) for value in records.evaluate_all("rs => rs.map(r => r.dataset.albumId)")]


def _album_ids(answer: dict[str, Any]) -> list[int]:
    return [record["album_id"] for record in answer["records"]]


@every_variant
def test_collection_shows_the_records_and_their_figures(
    goto: Callable[[str], Page], screenshot: Callable[..., Any], hass_api: HassApi
) -> None:
    """Covers, titles and plays of the first page, the collection's figures, in every variant."""
    answer = hass_api.ws("aime/collection", page_size=PAGE_SIZE, with_stats=True)
    assert answer["total"] > 0, "the demo has a Discogs collection"
    page = goto("/aime/collection")

    expect(page.get_by_test_id("collection-record").first).to_be_visible()
    _expect_total(page, answer["total"])
    assert _shown_album_ids(page) == _album_ids(answer)
    first = page.get_by_test_id("collection-record").first
    expect(first).to_contain_text(answer["records"][0]["title"])
    expect(first.locator("a").first).to_have_attribute(
        "href", f"/aime/album/{answer['records'][0]['album_id']}"
    )
    stats = page.get_by_test_id("collection-stats")
    expect(stats).to_contain_text(re.compile(str(answer["stats"]["records"])))
    screenshot("grid")


def test_filters_and_search_narrow_the_grid(goto: Callable[[str], Page], hass_api: HassApi) -> None:
    """Genre, decade, format, the debounced search and a shelf each give the command's answer."""
    facets = hass_api.ws("aime/collection/facets")
    genre = facets["genres"][0]["value"]
    decade = facets["decades"][-1]["value"]
    page = goto("/aime/collection")
    expect(page.get_by_test_id("collection-record").first).to_be_visible()

    page.get_by_test_id("collection-genre").select_option(genre)
    by_genre = hass_api.ws("aime/collection", page_size=PAGE_SIZE, genre=genre)
    _expect_total(page, by_genre["total"])
    assert _shown_album_ids(page) == _album_ids(by_genre)
    expect(page).to_have_url(re.compile(r"[?&]genre="))

    page.get_by_test_id("collection-decade").select_option(decade)
    by_decade = hass_api.ws("aime/collection", page_size=PAGE_SIZE, genre=genre, decade=int(decade))
    _expect_total(page, by_decade["total"])
    assert by_decade["total"] < by_genre["total"] or len(facets["decades"]) == 1

    page.get_by_test_id("collection-clear").click()
    everything = hass_api.ws("aime/collection", page_size=PAGE_SIZE)
    _expect_total(page, everything["total"])

    # A few letters of a title, typed as a user types: one request after the pause.
    title = everything["records"][0]["title"]
    words = title.split()
    fragment = max(words, key=len)[:5]
    page.get_by_test_id("collection-search").press_sequentially(fragment, delay=30)
    by_text = hass_api.ws("aime/collection", page_size=PAGE_SIZE, text=fragment)
    _expect_total(page, by_text["total"])
    assert by_text["total"] < everything["total"]
    assert _shown_album_ids(page) == _album_ids(by_text)
    expect(page).to_have_url(re.compile(r"[?&]q="))

    page.get_by_test_id("collection-search").fill("")
    page.get_by_test_id("collection-format").select_option(facets["formats"][0]["value"])
    by_format = hass_api.ws(
        "aime/collection", page_size=PAGE_SIZE, format=facets["formats"][0]["value"]
    )
    _expect_total(page, by_format["total"])

    page.get_by_test_id("collection-format").select_option("")
    page.get_by_test_id("collection-shelf-year").click()
    expect(page.get_by_test_id("collection-shelf-year")).to_have_attribute("aria-pressed", "true")
    stale = hass_api.ws("aime/collection", page_size=PAGE_SIZE, shelf="not_played_year")
    _expect_total(page, stale["total"])
    page.get_by_test_id("collection-shelf-never").click()
    never = hass_api.ws("aime/collection", page_size=PAGE_SIZE, shelf="never_played")
    _expect_total(page, never["total"])
    if not never["total"]:
        expect(page.get_by_test_id("collection-empty")).to_be_visible()


def test_sort_and_filters_come_from_the_url(goto: Callable[[str], Page], hass_api: HassApi) -> None:
    """A shared link opens the same filtered, sorted grid; the sort select shows it."""
    fmt = hass_api.ws("aime/collection/facets")["formats"][0]["value"]
    page = goto(f"/aime/collection?format={fmt}&sort=plays&order=desc")
    answer = hass_api.ws(
        "aime/collection", page_size=PAGE_SIZE, format=fmt, sort="plays", descending=True
    )
    _expect_total(page, answer["total"])
    assert _shown_album_ids(page) == _album_ids(answer)
    expect(page.get_by_test_id("collection-sort")).to_have_value("plays")
    expect(page.get_by_test_id("collection-format")).to_have_value(fmt)

    page.get_by_test_id("collection-sort").select_option("title")
    by_title = hass_api.ws("aime/collection", page_size=PAGE_SIZE, format=fmt, sort="title")
    expect(page.get_by_test_id("collection-record").first).to_have_attribute(
        "data-album-id", str(by_title["records"][0]["album_id"])
    )


def test_the_grid_loads_more_records_as_it_scrolls(
    goto: Callable[[str], Page], hass_api: HassApi
) -> None:
    """Endless scroll: the next page arrives when the end of the grid comes into view."""
    total = hass_api.ws("aime/collection", page_size=1)["total"]
    page = goto("/aime/collection")
    records = page.get_by_test_id("collection-record")
    expect(records.first).to_be_visible()
    if total <= PAGE_SIZE:
        expect(records).to_have_count(total)
        return
    expect(records).to_have_count(PAGE_SIZE)
    records.last.scroll_into_view_if_needed()
    expect(records).to_have_count(min(total, 2 * PAGE_SIZE))
    assert _total(page) == total


def test_a_record_opens_its_album_page(goto: Callable[[str], Page]) -> None:
    """Clicking a cover opens the album page inside the panel; back returns to the grid."""
    page = goto("/aime/collection")
    record = page.get_by_test_id("collection-record").first
    album_id = record.get_attribute("data-album-id")
    record.locator("a").first.click()
    expect(page).to_have_url(re.compile(rf"/aime/album/{album_id}$"))
    expect(page.get_by_test_id("album-title")).to_be_visible()
    page.go_back()
    expect(page.get_by_test_id("collection-record").first).to_be_visible()
