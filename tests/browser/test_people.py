"""People in the panel and the cards, against the demo's two persons (Alex's Last.fm account;
Sam's account and the demo turntable, whose plays keep arriving while a test runs).

Figures are compared with the websocket commands' own answers for the same person, asked again
until they agree: the turntable adds one of Sam's plays a minute, the live scrobbler Alex's.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
import re
from typing import Any

from playwright.sync_api import Page, expect
import pytest

from scripts.devhass.provision import FIRST_PERSON, SECOND_PERSON
from tests.browser.dashboards import open_dashboard, save_dashboard
from tests.browser.demo_thread import HassApi
from tests.browser.harness import Variant

PAGE_SIZE = 50
POLLS = 20  # Half a second apart.
DASHBOARD = "aime-test-people"


def _journal_total(hass_api: HassApi, person: str | None) -> int:
    data: dict[str, Any] = {"page": 0, "page_size": PAGE_SIZE}
    if person:
        data["person"] = person
    return int(hass_api.ws("aime/history", **data)["total"])


def _range_plays(hass_api: HassApi, person: str | None) -> int:
    """The statistics view's default period (the last 30 days), as the hub counts it."""
    window = hass_api.ws("aime/stats", window="30d", top=1)
    data: dict[str, Any] = {"first_day": window["first_day"], "last_day": window["last_day"]}
    if person:
        data["person"] = person
    return int(hass_api.ws("aime/range", top=1, **data)["plays"])


def _expect_figure(read: Callable[[], int], answer: Callable[[], int], page: Page) -> int:
    """The figure shown is the command's, asked again while live plays move both."""
    for _ in range(POLLS):
        expected = answer()
        if read() == expected:
            return expected
        page.wait_for_timeout(500)
    assert read() == answer()
    return read()


def _shown_total(page: Page) -> int:
    total = page.get_by_test_id("journal-total")
    expect(page.get_by_test_id("journal-list")).to_have_attribute("aria-busy", "false")
    return int(total.get_attribute("data-total") or -1)


def _shown_plays(page: Page) -> int:
    value = page.get_by_test_id("stats-plays-value")
    expect(value).to_be_visible()
    return int(re.sub(r"\D", "", value.inner_text()))


def _choose(page: Page, person: str | None) -> None:
    page.get_by_test_id("person-picker").click()
    page.locator(f'[data-testid="person-option"][data-person="{person or ""}"]').click()


def test_person_picker_filters_every_view_and_survives_a_reload(
    goto: Callable[[str], Page], screenshot: Callable[..., Path], hass_api: HassApi
) -> None:
    """Sam's journal and statistics are Sam's plays; the choice stays across views and reloads."""
    page = goto("/aime/journal")
    picker = page.get_by_test_id("person-picker")
    expect(picker).to_have_attribute("data-person", "")
    everyone = _expect_figure(
        lambda: _shown_total(page), lambda: _journal_total(hass_api, None), page
    )

    picker.click()
    options = page.get_by_test_id("person-option")
    people = [person["entity_id"] for person in hass_api.ws("aime/people")["people"]]
    assert {FIRST_PERSON, SECOND_PERSON} <= set(people)
    expect(options).to_have_count(len(people) + 1)  # "Everyone" first.
    expect(options.first).to_have_attribute("aria-selected", "true")
    screenshot("picker-open")
    page.locator(f'[data-testid="person-option"][data-person="{SECOND_PERSON}"]').click()

    expect(page).to_have_url(re.compile(rf"/aime/journal\?person={re.escape(SECOND_PERSON)}$"))
    expect(picker).to_have_attribute("data-person", SECOND_PERSON)
    sam = _expect_figure(
        lambda: _shown_total(page), lambda: _journal_total(hass_api, SECOND_PERSON), page
    )
    assert 0 < sam < everyone

    page.get_by_test_id("nav-stats").click()
    expect(page).to_have_url(re.compile(rf"/aime/stats\?.*person={re.escape(SECOND_PERSON)}"))
    _expect_figure(lambda: _shown_plays(page), lambda: _range_plays(hass_api, SECOND_PERSON), page)
    for chart in ("stats-series", "stats-heatmap"):
        expect(page.get_by_test_id(chart).locator("aime-chart svg").first).to_be_visible()
    screenshot("stats-sam")

    page.reload()
    page.wait_for_function("() => document.querySelector('home-assistant')?.hass?.connected")
    expect(page.get_by_test_id("person-picker")).to_have_attribute("data-person", SECOND_PERSON)
    _expect_figure(lambda: _shown_plays(page), lambda: _range_plays(hass_api, SECOND_PERSON), page)

    _choose(page, FIRST_PERSON)
    expect(page).to_have_url(re.compile(rf"person={re.escape(FIRST_PERSON)}"))
    _expect_figure(lambda: _shown_plays(page), lambda: _range_plays(hass_api, FIRST_PERSON), page)

    _choose(page, None)
    expect(page).not_to_have_url(re.compile(r"person="))
    _expect_figure(lambda: _shown_plays(page), lambda: _range_plays(hass_api, None), page)


def test_recent_card_shows_its_persons_plays(
    goto: Callable[[str], Page], hass_api: HassApi
) -> None:
    """A recent-plays card with `person` lists that person's latest plays only."""
    card = {"type": "custom:aime-recent-card", "count": 5, "show_now_playing": False}
    views = [{"title": "Sam", "path": "sam", "cards": [{**card, "person": SECOND_PERSON}]}]
    save_dashboard(hass_api, DASHBOARD, "AIME people", views)
    page = open_dashboard(goto, f"/{DASHBOARD}/sam")
    items = page.get_by_test_id("recent-card-item")
    expect(items).to_have_count(5)

    def shown() -> list[int]:
        ids: list[int] = items.evaluate_all("rows => rows.map(row => Number(row.dataset.playId))")
        return ids

    def latest() -> list[int]:
        answer = hass_api.ws("aime/history", page=0, page_size=5, person=SECOND_PERSON)
        return [entry["play_id"] for entry in answer["entries"]]

    for _ in range(POLLS):
        if shown() == latest():
            break
        page.wait_for_timeout(500)
    assert shown() == latest()
    link = page.get_by_test_id("aime-recent-card").locator("a.open")
    expect(link).to_have_attribute("href", f"/aime/journal?person={SECOND_PERSON}")


def test_card_editors_offer_a_person(goto: Callable[[str], Page], hass_api: HassApi) -> None:
    """Both cards' visual editors have a person field (an entity picker of persons)."""
    cards = [
        {"type": "custom:aime-stats-card", "person": FIRST_PERSON},
        {"type": "custom:aime-recent-card", "count": 3, "show_now_playing": False},
    ]
    save_dashboard(
        hass_api, DASHBOARD, "AIME people", [{"title": "Edit", "path": "edit", "cards": cards}]
    )
    for position, editor_id in enumerate(("aime-stats-card-editor", "aime-recent-card-editor")):
        # A page each: a click while the previous dialog still closes lands on its scrim.
        page = open_dashboard(goto, f"/{DASHBOARD}/edit?edit=1")
        options = page.locator("hui-card-options")
        expect(options).to_have_count(2)
        options.nth(position).get_by_role("button", name="Edit").click()
        editor = page.get_by_test_id(editor_id)
        expect(editor.locator("ha-selector-entity")).to_have_count(1)


# Last: the session's login is made in English by the tests above (the harness logs in once).
@pytest.mark.parametrize("variant", [Variant("fr", "dark", 375)], ids=["fr"], indirect=True)
def test_person_picker_on_a_phone_in_french(
    goto: Callable[[str], Page], screenshot: Callable[..., Path], variant: Variant
) -> None:
    """On a phone the picker shows the avatar only; its list names everyone in French."""
    page = goto(f"/aime/timeline?person={SECOND_PERSON}")
    picker = page.get_by_test_id("person-picker")
    expect(picker).to_have_attribute("aria-label", "Écoutes de qui : Sam")
    expect(picker.locator(".name")).to_be_hidden()
    picker.click()
    expect(page.get_by_test_id("person-option").first).to_have_text("Tout le monde")
    screenshot("picker-phone")
    page.keyboard.press("Escape")
    expect(page.get_by_test_id("person-option")).to_have_count(0)
