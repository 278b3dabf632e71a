"""AIME's dashboard cards on a real dashboard: they render the demo's data, their editors open,
they appear in the card picker, and a wrong option shows a translated error."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
import re

from playwright.sync_api import Page, expect
import pytest

from tests.browser.dashboards import open_dashboard, save_dashboard
from tests.browser.demo_thread import HassApi
from tests.browser.harness import PageWatch, Variant, every_variant

DASHBOARD = "aime-test-cards"
STATS_CARD = {"type": "custom:aime-stats-card", "period": "30d", "top": "albums", "top_count": 5}
RECENT_CARD = {"type": "custom:aime-recent-card", "count": 6, "show_now_playing": True}
WRONG_PERIOD = {
    "en": "period must be one of: 7d, 30d, 365d, all.",
    "fr": "period doit être l\u2019une de ces valeurs : 7d, 30d, 365d, all.",
}


@pytest.fixture(scope="module")
def dashboard(hass_api: HassApi) -> str:
    """A dashboard (made through the websocket) with both cards, and a view with a wrong option."""
    views = [
        {"title": "Music", "path": "music", "cards": [STATS_CARD, RECENT_CARD]},
        {
            "title": "Wrong",
            "path": "wrong",
            "cards": [{"type": "custom:aime-stats-card", "period": "2d"}],
        },
    ]
    save_dashboard(hass_api, DASHBOARD, "AIME cards", views)
    return f"/{DASHBOARD}"


@every_variant
def test_cards_render_the_demo(
    goto: Callable[[str], Page], screenshot: Callable[..., Path], dashboard: str, variant: Variant
) -> None:
    """Both cards show the demo's plays, with links into the panel."""
    page = open_dashboard(goto, f"{dashboard}/music")
    stats = page.get_by_test_id("aime-stats-card")
    expect(stats.get_by_test_id("stats-card-item")).to_have_count(5)
    expect(stats.get_by_test_id("stats-card-chart")).to_be_visible()
    first_item = stats.get_by_test_id("stats-card-item").first
    expect(first_item.locator('a[href^="/aime/album/"]')).to_have_attribute(
        "href", re.compile(r"^/aime/album/\d+$")
    )
    expect(first_item.locator('a[href^="/aime/artist/"]')).to_have_attribute(
        "href", re.compile(r"^/aime/artist/\d+$")
    )
    recent = page.get_by_test_id("aime-recent-card")
    expect(recent.get_by_test_id("recent-card-item")).to_have_count(6)
    expect(recent.get_by_test_id("now-playing")).to_be_visible()
    screenshot("cards", full_page=True)

    page.get_by_test_id("period-all").first.click()
    expect(stats.get_by_test_id("period-all")).to_have_attribute("aria-pressed", "true")
    expect(stats.get_by_test_id("stats-card-item")).to_have_count(5)

    first_item.locator('a[href^="/aime/album/"]').click()
    expect(page).to_have_url(re.compile(r"/aime/album/\d+$"))


def test_album_link_of_the_recent_card_opens_the_panel(
    goto: Callable[[str], Page], dashboard: str
) -> None:
    """An artist link of the recent card opens the artist's page; back returns to the dashboard."""
    page = open_dashboard(goto, f"{dashboard}/music")
    link = page.get_by_test_id("recent-card-item").first.locator("a[href^='/aime/artist/']")
    link.click()
    expect(page).to_have_url(re.compile(r"/aime/artist/\d+$"))
    page.go_back()
    expect(page).to_have_url(re.compile(rf"{dashboard}/music$"))


def test_card_picker_lists_both_cards(goto: Callable[[str], Page], dashboard: str) -> None:
    """Both cards registered in `window.customCards`, with a name and a description."""
    page = open_dashboard(goto, f"{dashboard}/music")
    cards = page.evaluate("() => window.customCards.filter(c => c.type.startsWith('aime-'))")
    assert {card["type"] for card in cards} == {"aime-stats-card", "aime-recent-card"}
    assert all(card["name"] and card["description"] and card["preview"] for card in cards)


def _edit_card(goto: Callable[[str], Page], dashboard: str, position: int) -> Page:
    """Open the dashboard in edit mode and the visual editor of its card at `position`."""
    page = open_dashboard(goto, f"{dashboard}/music?edit=1")
    options = page.locator("hui-card-options")
    expect(options).to_have_count(2)
    options.nth(position).get_by_role("button", name="Edit").click()
    return page


def test_stats_card_editor_changes_the_card(
    goto: Callable[[str], Page], screenshot: Callable[..., Path], dashboard: str
) -> None:
    """The stats card's visual editor opens from edit mode; a change shows in the preview."""
    page = _edit_card(goto, dashboard, 0)
    editor = page.get_by_test_id("aime-stats-card-editor")
    expect(editor).to_be_visible()
    # Home Assistant's form (ha-form): its select opens a list of options.
    editor.locator("ha-select").filter(has_text="Top list").click()
    editor.get_by_role("option", name="Top tracks").click()
    preview = page.locator("hui-dialog-edit-card").get_by_test_id("aime-stats-card")
    expect(preview.get_by_text("Top tracks")).to_be_visible()
    screenshot("stats-editor")


def test_recent_card_editor_changes_the_card(
    goto: Callable[[str], Page], screenshot: Callable[..., Path], dashboard: str
) -> None:
    """The recent card's visual editor opens from edit mode; a change shows in the preview."""
    page = _edit_card(goto, dashboard, 1)
    editor = page.get_by_test_id("aime-recent-card-editor")
    expect(editor).to_be_visible()
    count = editor.get_by_role("spinbutton", name="Number of plays")
    count.fill("3")
    count.press("Tab")
    preview = page.locator("hui-dialog-edit-card").get_by_test_id("aime-recent-card")
    expect(preview.get_by_test_id("recent-card-item")).to_have_count(3)
    screenshot("recent-editor")


@pytest.mark.parametrize(
    "variant", [Variant("en"), Variant("fr", "dark", 375)], ids=["en", "fr"], indirect=True
)
def test_wrong_option_shows_a_translated_error(
    goto: Callable[[str], Page],
    screenshot: Callable[..., Path],
    dashboard: str,
    variant: Variant,
    page_watch: PageWatch,
) -> None:
    """A wrong `period` does not break the dashboard: the error says what is accepted."""
    page_watch.allow(re.escape(WRONG_PERIOD[variant.language]))  # HA logs the card's error.
    page = goto(f"{dashboard}/wrong")
    page.wait_for_function("() => Boolean(customElements.get('aime-stats-card'))")
    page.reload()  # The error card a late module leaves says "Custom element": see `_open`.
    expect(page.locator("hui-error-card")).to_contain_text(WRONG_PERIOD[variant.language])
    screenshot("wrong-option")
