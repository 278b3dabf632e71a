"""The journal: the demo's plays newest first, narrowed by search and filters kept in the URL,
pages loaded on scroll, and a play recorded live showing up without a reload.

Filtered lists end yesterday (the store's day, asked to Home Assistant): the demo keeps playing,
and today's plays would move under the test's feet.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
import gc
from pathlib import Path
import re
from typing import Any
from urllib.parse import urlencode

from playwright.sync_api import Locator, Page, expect
import pytest

from scripts.devhass.demo_servers import LASTFM_DEMO_USER
from tests.browser.demo_thread import DemoThread, HassApi
from tests.browser.harness import Variant, every_variant, typed_day
from tests.fakes.lastfm import FakeLastfm

PAGE_SIZE = 50
# A name a careless view would turn into markup: it must show as text.
LIVE_TITLE = "<img src=x onerror=alert(1)> live in the journal"
LIVE_ARTIST = "The Journal Testers"
# The Last.fm coordinator's entity: updating it polls the (fake) Last.fm at once.
LASTFM_ENTITY = "sensor.last_fm_aime_demo_now_playing"


@pytest.fixture(scope="module")
def yesterday(hass_api: HassApi) -> str:
    """The day before the store's today (Home Assistant's time zone, not the host's)."""
    today = date.fromisoformat(hass_api.ws("aime/timeline")["day"])
    return (today - timedelta(days=1)).isoformat()


def history(hass_api: HassApi, **filters: Any) -> dict[str, Any]:
    """The first page of `aime/history` as the journal asks it."""
    answer: dict[str, Any] = hass_api.ws("aime/history", page=0, page_size=PAGE_SIZE, **filters)
    return answer


def row_ids(page: Page) -> list[int]:
    rows = page.get_by_test_id("journal-row")
    ids: list[int] = rows.evaluate_all("rows => rows.map(row => Number(row.dataset.playId))")
    return ids


def expect_rows(page: Page, answer: dict[str, Any]) -> None:
    """The list shows exactly the plays (and total) the websocket answered."""
    expected = [entry["play_id"] for entry in answer["entries"]]
    expect(page.get_by_test_id("journal-list")).to_have_attribute("aria-busy", "false")
    expect(page.get_by_test_id("journal-total")).to_have_attribute(
        "data-total", str(answer["total"])
    )
    rows = page.get_by_test_id("journal-row")
    expect(rows).to_have_count(len(expected))
    if expected:
        expect(rows.first).to_have_attribute("data-play-id", str(expected[0]))
    assert row_ids(page) == expected


def journal(goto: Callable[[str], Page], **filters: Any) -> Page:
    query = urlencode(filters)
    page = goto(f"/aime/journal?{query}" if query else "/aime/journal")
    expect(page.get_by_test_id("journal-list")).to_have_attribute("aria-busy", "false")
    return page


@every_variant
def test_journal_lists_the_plays_by_day(
    goto: Callable[[str], Page],
    screenshot: Callable[..., Path],
    hass_api: HassApi,
    yesterday: str,
    variant: Variant,
) -> None:
    """Rows with a cover, track, artist and album links, time and sources, under day headers."""
    answer = history(hass_api, last_day=yesterday)
    page = journal(goto, last_day=yesterday)
    expect_rows(page, answer)
    first = page.get_by_test_id("journal-row").first
    entry = answer["entries"][0]
    expect(first.get_by_test_id("journal-title")).to_have_text(entry["title"])
    expect(first.locator("a.artist")).to_have_attribute(
        "href", f"/aime/artist/{entry['artist_id']}"
    )
    expect(first.locator("a.album")).to_have_attribute("href", f"/aime/album/{entry['album_id']}")
    expect(first.locator("aime-cover")).to_be_visible()
    expect(page.get_by_test_id("journal-day").first).to_have_attribute(
        "data-day", entry["local_time"][:10]
    )
    expect(page.get_by_test_id("journal-last-day").get_by_role("textbox")).to_have_value(
        typed_day(yesterday, variant.language)
    )
    screenshot("rows")


def test_search_and_filters_narrow_the_rows(
    goto: Callable[[str], Page], hass_api: HassApi, yesterday: str
) -> None:
    """Text (debounced), source, loved and dates each narrow the list as the store does."""
    page = journal(goto, last_day=yesterday)
    artist = history(hass_api, last_day=yesterday)["entries"][0]["artist"]

    page.get_by_test_id("journal-search").fill(artist)
    expect(page).to_have_url(re.compile(r"[?&]text="))
    expect_rows(page, history(hass_api, last_day=yesterday, text=artist))

    page.get_by_test_id("journal-source").select_option("roon")
    expect(page).to_have_url(re.compile(r"[?&]source=roon"))
    expect_rows(page, history(hass_api, last_day=yesterday, text=artist, source="roon"))

    page.get_by_test_id("journal-clear").click()
    expect(page).to_have_url(re.compile(r"/aime/journal$"))
    expect(page.get_by_test_id("journal-search")).to_have_value("")

    page.get_by_test_id("journal-last-day").get_by_role("textbox").fill(typed_day(yesterday))
    page.get_by_test_id("journal-loved").click()
    expect(page.get_by_test_id("journal-loved")).to_have_attribute("aria-pressed", "true")
    expect_rows(page, history(hass_api, last_day=yesterday, loved=True))
    page.get_by_test_id("journal-loved").click()

    first_day = (date.fromisoformat(yesterday) - timedelta(days=6)).isoformat()
    page.get_by_test_id("journal-first-day").get_by_role("textbox").fill(typed_day(first_day))
    expect(page).to_have_url(re.compile(rf"first_day={first_day}"))
    expect_rows(page, history(hass_api, first_day=first_day, last_day=yesterday))


def test_back_and_forward_restore_the_filters(
    goto: Callable[[str], Page], hass_api: HassApi, yesterday: str
) -> None:
    """Filters live in the URL: the browser's history brings each state back."""
    page = journal(goto, last_day=yesterday)
    page.get_by_test_id("journal-source").select_option("roon")
    expect_rows(page, history(hass_api, last_day=yesterday, source="roon"))
    page.get_by_test_id("journal-source").select_option("lastfm")
    expect_rows(page, history(hass_api, last_day=yesterday, source="lastfm"))

    page.go_back()
    expect(page.get_by_test_id("journal-source")).to_have_value("roon")
    expect_rows(page, history(hass_api, last_day=yesterday, source="roon"))
    page.go_back()
    expect(page.get_by_test_id("journal-source")).to_have_value("")
    expect_rows(page, history(hass_api, last_day=yesterday))
    page.go_forward()
    expect(page.get_by_test_id("journal-source")).to_have_value("roon")
    expect_rows(page, history(hass_api, last_day=yesterday, source="roon"))


def test_artist_and_album_filters_are_removable_chips(
    goto: Callable[[str], Page], hass_api: HassApi, yesterday: str
) -> None:
    """`?artist_id=` (a link from elsewhere) shows a chip named after the artist; it removes."""
    entry = history(hass_api, last_day=yesterday)["entries"][0]
    page = journal(goto, artist_id=entry["artist_id"], last_day=yesterday)
    expect_rows(page, history(hass_api, artist_id=entry["artist_id"], last_day=yesterday))
    chip = page.get_by_test_id("journal-chip-artist")
    expect(chip).to_contain_text(entry["artist"])

    chip.get_by_test_id("journal-chip-remove").click()
    expect(chip).to_have_count(0)
    expect(page).not_to_have_url(re.compile("artist_id"))
    expect_rows(page, history(hass_api, last_day=yesterday))

    # The row's own filter action (shown on hover) sets the album's chip.
    row = page.get_by_test_id("journal-row").first
    row.hover()
    row.get_by_test_id("journal-filter-album").click()
    expect(page.get_by_test_id("journal-chip-album")).to_contain_text(entry["album"])
    expect_rows(page, history(hass_api, album_id=entry["album_id"], last_day=yesterday))


def test_bad_range_says_so_and_asks_nothing(goto: Callable[[str], Page], yesterday: str) -> None:
    """A first day after the last one is explained, not sent."""
    page = journal(goto, first_day=yesterday, last_day="2000-01-01")
    expect(page.get_by_test_id("journal-range-error")).to_be_visible()
    expect(page.get_by_test_id("journal-row")).to_have_count(0)


def test_scrolling_loads_the_next_pages(
    goto: Callable[[str], Page], hass_api: HassApi, yesterday: str
) -> None:
    """The end of the list coming into view fetches the next page; "n of total" follows."""
    page = journal(goto, last_day=yesterday)
    rows = page.get_by_test_id("journal-row")
    expect(rows).to_have_count(PAGE_SIZE)
    rows.last.scroll_into_view_if_needed()
    expect(rows).to_have_count(2 * PAGE_SIZE)
    second = hass_api.ws("aime/history", page=1, page_size=PAGE_SIZE, last_day=yesterday)
    first = history(hass_api, last_day=yesterday)
    assert row_ids(page) == [entry["play_id"] for entry in first["entries"] + second["entries"]]
    expect(page.get_by_test_id("journal-total")).to_contain_text("100")


def _demo_lastfm() -> FakeLastfm:
    """The session demo's fake Last.fm: it serves in this process, on the demo's thread."""
    fakes = [item for item in gc.get_objects() if isinstance(item, FakeLastfm) and item.port]
    (fake,) = [fake for fake in fakes if LASTFM_DEMO_USER.casefold() in fake.users]
    return fake


def test_a_play_recorded_live_appears_at_the_top(
    goto: Callable[[str], Page],
    screenshot: Callable[..., Path],
    hass_api: HassApi,
    demo_thread: DemoThread,
) -> None:
    """A scrobble the Last.fm coordinator picks up is prepended once, highlighted, as text."""
    page = journal(goto)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    fake = _demo_lastfm()

    async def scrobble() -> None:
        fake.scrobble(LASTFM_DEMO_USER, LIVE_ARTIST, LIVE_TITLE, "Live Album")

    demo_thread.run(scrobble())
    hass_api.call_action("homeassistant", "update_entity", {"entity_id": LASTFM_ENTITY})

    live: Locator = page.get_by_test_id("journal-row").filter(has_text=LIVE_TITLE)
    expect(live).to_have_count(1)
    expect(live).to_have_class(re.compile(r"\bfresh\b"))
    expect(live.get_by_test_id("journal-title")).to_have_text(LIVE_TITLE)
    expect(live.locator("img[src='x']")).to_have_count(0)
    newest = history(hass_api)["entries"]
    play_id = next(entry["play_id"] for entry in newest if entry["title"] == LIVE_TITLE)
    expect(live).to_have_attribute("data-play-id", str(play_id))
    # The list was not reloaded: the rows loaded before are still there, after it.
    assert row_ids(page).count(play_id) == 1
    assert dialogs == []
    screenshot("live")
