"""The artist page: totals, the chart of plays by month, albums and top tracks of a demo artist."""

from __future__ import annotations

from collections.abc import Callable
import re
from typing import Any

from playwright.sync_api import Page, expect

from tests.browser.demo_thread import HassApi
from tests.browser.harness import every_variant


def _top_artist(hass_api: HassApi) -> dict[str, Any]:
    top = hass_api.ws("aime/stats", window="all", top=1)["top_artists"][0]
    artist: dict[str, Any] = hass_api.ws("aime/artist", artist_id=top["id"])
    return artist


@every_variant
def test_artist_page_draws_its_chart(
    goto: Callable[[str], Page], screenshot: Callable[..., Any], hass_api: HassApi
) -> None:
    """Name, a bar per month from the first to the last, albums played and top tracks."""
    artist = _top_artist(hass_api)
    page = goto(f"/aime/artist/{artist['artist_id']}")

    expect(page.get_by_test_id("artist-name")).to_have_text(artist["name"])
    chart = page.get_by_test_id("artist-chart")
    # ECharts draws with SVG: one path per bar of a month with plays, at least.
    months_with_plays = sum(1 for month in artist["months"] if month["plays"])
    bars = chart.locator("svg path")
    expect(bars.nth(months_with_plays - 1)).to_be_attached()
    played = [album for album in artist["albums"] if album["plays"]]
    expect(page.get_by_test_id("artist-album")).to_have_count(len(played))
    expect(page.get_by_test_id("artist-track")).to_have_count(len(artist["top_tracks"]))
    expect(page.get_by_test_id("artist-track").first).to_contain_text(
        artist["top_tracks"][0]["name"]
    )
    owned = sum(1 for album in played if album["owned"])
    expect(page.get_by_test_id("artist-owned-badge")).to_have_count(owned)
    screenshot("artist", full_page=True)


def test_an_album_of_the_artist_opens_its_page(
    goto: Callable[[str], Page], hass_api: HassApi
) -> None:
    """An album tile is a link to the album page, which links back to the artist."""
    artist = _top_artist(hass_api)
    page = goto(f"/aime/artist/{artist['artist_id']}")
    tile = page.get_by_test_id("artist-album").first
    album_id = tile.get_attribute("data-album-id")
    assert album_id == str(artist["albums"][0]["album_id"])
    tile.locator("a").first.click()
    expect(page).to_have_url(re.compile(rf"/aime/album/{album_id}$"))
    page.get_by_test_id("album-artist").click()
    expect(page).to_have_url(re.compile(rf"/aime/artist/{artist['artist_id']}$"))
    expect(page.get_by_test_id("artist-chart")).to_be_visible()


def test_an_unknown_artist_shows_a_translated_error(goto: Callable[[str], Page]) -> None:
    """An id no artist has: the view says so (AIME's translated message), with a retry button."""
    page = goto("/aime/artist/999999")
    expect(page.get_by_test_id("error")).to_contain_text("There is no artist 999999.")
    expect(page.get_by_test_id("error").get_by_role("button")).to_be_visible()
