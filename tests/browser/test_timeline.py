"""The timeline: one local day of the demo hour by hour, moved with its day picker and buttons.

Days come from Home Assistant (`aime/timeline` without a day is the store's today), never from
the host's clock.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path
import re
from typing import Any

from playwright.sync_api import Locator, Page, expect
import pytest

from tests.browser.demo_thread import HassApi
from tests.browser.harness import Variant, every_variant, typed_day


def day_field(page: Page) -> Locator:
    """The text field of the timeline's day picker."""
    return page.get_by_test_id("timeline-day").get_by_role("textbox")


@pytest.fixture(scope="module")
def today(hass_api: HassApi) -> str:
    day: str = hass_api.ws("aime/timeline")["day"]
    return day


def shift(day: str, days: int) -> str:
    return (date.fromisoformat(day) + timedelta(days=days)).isoformat()


@pytest.fixture(scope="module")
def busy_day(hass_api: HassApi, today: str) -> dict[str, Any]:
    """The latest finished day with plays in several hours (the demo listens most days)."""
    for back in range(1, 30):
        timeline: dict[str, Any] = hass_api.ws("aime/timeline", day=shift(today, -back))
        if sum(1 for hour in timeline["hours"] if hour["plays"]) >= 2:
            return timeline
    raise AssertionError("the demo has no busy day in the last month")


def play_count(hass_api: HassApi, day: str) -> int:
    return sum(len(hour["plays"]) for hour in hass_api.ws("aime/timeline", day=day)["hours"])


def hours_with_plays(timeline: dict[str, Any]) -> list[dict[str, Any]]:
    return [hour for hour in timeline["hours"] if hour["plays"]]


@every_variant
def test_timeline_shows_a_day_hour_by_hour(
    goto: Callable[[str], Page],
    screenshot: Callable[..., Path],
    busy_day: dict[str, Any],
    variant: Variant,
) -> None:
    """The day's totals, one block per hour with plays, every play linked to its album."""
    page = goto(f"/aime/timeline/{busy_day['day']}")
    hours = hours_with_plays(busy_day)
    plays = [play for hour in hours for play in hour["plays"]]
    expect(day_field(page)).to_have_value(typed_day(busy_day["day"], variant.language))
    expect(page.get_by_test_id("timeline-hour")).to_have_count(len(hours))
    expect(page.get_by_test_id("timeline-play")).to_have_count(len(plays))
    shown = page.get_by_test_id("timeline-hour").evaluate_all(
        "hours => hours.map(hour => Number(hour.dataset.hour))"
    )
    assert shown == [hour["hour"] for hour in hours]
    ids = page.get_by_test_id("timeline-play").evaluate_all(
        "plays => plays.map(play => Number(play.dataset.playId))"
    )
    assert ids == [play["play_id"] for play in plays]
    first = page.get_by_test_id("timeline-play").first
    expect(first.locator("a.album")).to_have_attribute(
        "href", f"/aime/album/{plays[0]['album_id']}"
    )
    expect(first.locator("a.artist")).to_have_text(plays[0]["artist"])
    figure = page.get_by_test_id("timeline-plays").inner_text()
    assert re.sub(r"\D", "", figure) == str(busy_day["plays"])
    expect(page.get_by_test_id("timeline-next")).to_be_enabled()
    screenshot("day")


def test_previous_next_and_picker_move_the_day(
    goto: Callable[[str], Page], hass_api: HassApi, today: str
) -> None:
    """Today's next button is disabled; previous/next, the picker and back move through days."""
    page = goto("/aime/timeline")
    expect(day_field(page)).to_have_value(typed_day(today))
    expect(page.get_by_test_id("timeline-next")).to_be_disabled()

    page.get_by_test_id("timeline-previous").click()
    yesterday = shift(today, -1)
    expect(page).to_have_url(re.compile(rf"/aime/timeline/{yesterday}$"))
    expect(day_field(page)).to_have_value(typed_day(yesterday))
    expect(page.get_by_test_id("timeline-play")).to_have_count(play_count(hass_api, yesterday))

    page.get_by_test_id("timeline-next").click()
    expect(page).to_have_url(re.compile(r"/aime/timeline$"))
    page.go_back()
    expect(day_field(page)).to_have_value(typed_day(yesterday))

    earlier = shift(today, -10)
    day_field(page).fill(typed_day(earlier))
    expect(page).to_have_url(re.compile(rf"/aime/timeline/{earlier}$"))
    expect(page.get_by_test_id("timeline-play")).to_have_count(play_count(hass_api, earlier))


def test_a_day_that_is_not_a_date_is_explained(goto: Callable[[str], Page]) -> None:
    """A hand-edited URL gets a sentence, not a blank page."""
    page = goto("/aime/timeline/someday")
    expect(page.get_by_test_id("error")).to_contain_text("someday")
    expect(page.get_by_test_id("timeline-next")).to_be_disabled()
