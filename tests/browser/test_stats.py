"""The statistics view (/aime/stats) against the demo's real Home Assistant.

Figures are compared with the websocket commands' own answers. Windows ending today can
move while a test runs (the demo scrobbles every few minutes), so those comparisons poll;
the custom ranges lie in the past, where nothing moves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
import json
from pathlib import Path
import re
from typing import Any

from playwright.sync_api import Page, WebSocketRoute, expect

from tests.browser.demo_thread import HassApi
from tests.browser.harness import Variant, every_variant, typed_day

WINDOWS = ("7d", "30d", "365d", "all")
HOSTILE = "<img src=x onerror=alert(1)>"
POLLS = 20  # Half a second apart: a live scrobble and its refresh land well within.


def _number(text: str) -> int:
    """ "34,848" / "34 848" → 34848."""
    return int(re.sub(r"\D", "", text))


def _as_shown(value: int) -> re.Pattern[str]:
    """`value` as any language writes it: 34848, 34,848, 34 848."""
    return re.compile("^" + "[^0-9]?".join(str(value)) + "$")


def _shown_plays(page: Page) -> int:
    value = page.get_by_test_id("stats-plays-value")
    expect(value).to_be_visible()
    return _number(value.inner_text())


def _expect_same_plays(page: Page, answer: Callable[[], dict[str, Any]]) -> None:
    """The plays shown are the command's, asked again while a live scrobble moves them."""
    for _ in range(POLLS):
        expected = answer()["plays"]
        if _shown_plays(page) == expected:
            return
        page.wait_for_timeout(500)
    assert _shown_plays(page) == answer()["plays"]


def _window_days(hass_api: HassApi, window: str) -> dict[str, str]:
    """A preset window's days, as the hub counts them (its clock, not this host's)."""
    stats = hass_api.ws("aime/stats", window=window, top=1)
    return {"first_day": stats["first_day"], "last_day": stats["last_day"]}


def _past_range(hass_api: HassApi, days: int = 30) -> tuple[str, str]:
    """`days` days starting a year ago: full of demo plays, and no longer changing."""
    first = date.fromisoformat(_window_days(hass_api, "365d")["first_day"])
    return first.isoformat(), (first + timedelta(days=days - 1)).isoformat()


def _expect_charts_drawn(page: Page) -> None:
    for testid in ("stats-series", "stats-heatmap"):
        expect(page.get_by_test_id(testid).locator("aime-chart svg").first).to_be_visible()


def _choose_custom(page: Page, first: str, last: str) -> None:
    page.get_by_test_id("period-custom").click()
    page.get_by_test_id("period-first").get_by_role("textbox").fill(typed_day(first))
    page.get_by_test_id("period-last").get_by_role("textbox").fill(typed_day(last))


@every_variant
def test_stats_show_the_period_in_each_variant(
    goto: Callable[[str], Page],
    hass_api: HassApi,
    variant: Variant,
    screenshot: Callable[..., Path],
) -> None:
    """30 days: figures, both charts, top lists linking to their pages, the comparison."""
    page = goto("/aime/stats?window=30d")
    days = _window_days(hass_api, "30d")
    _expect_same_plays(page, lambda: hass_api.ws("aime/range", **days, granularity="day"))
    expect(page.get_by_test_id("period-30d")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_test_id("stats-listening-value")).not_to_be_empty()
    _expect_charts_drawn(page)

    top = hass_api.ws("aime/range", **days, top=10)
    first_artist = page.get_by_test_id("stats-top-artists").locator("li a").first
    expect(first_artist).to_have_attribute("href", f"/aime/artist/{top['top_artists'][0]['id']}")
    first_album = page.get_by_test_id("stats-top-albums").locator("li a").first
    expect(first_album).to_have_attribute("href", f"/aime/album/{top['top_albums'][0]['id']}")
    expect(page.get_by_test_id("stats-top-tracks").locator("li")).to_have_count(
        len(top["top_tracks"])
    )
    # A track opens its album; an album's or a track's artist name opens the artist.
    track, first_track = top["top_tracks"][0], page.get_by_test_id("stats-top-tracks").locator("li")
    expect(first_track.first.locator("a.name")).to_have_attribute(
        "href", f"/aime/album/{track['album_id']}"
    )
    expect(first_track.first.locator("a.artist")).to_have_attribute(
        "href", f"/aime/artist/{track['artist_id']}"
    )
    expect(
        page.get_by_test_id("stats-top-albums").locator("li").first.locator("a.artist")
    ).to_have_attribute("href", f"/aime/artist/{top['top_albums'][0]['artist_id']}")
    expect(
        page.get_by_test_id("stats-compare").get_by_test_id("stats-compare-plays")
    ).to_have_count(2)
    expect(page.get_by_test_id("stats-new-artists")).to_be_visible()
    screenshot("top")
    screenshot("view", full_page=True)


def test_each_window_shows_its_figures(goto: Callable[[str], Page], hass_api: HassApi) -> None:
    """7 days, 30 days, 365 days and all time: the plays of `aime/range`, charts drawn, URL kept."""
    page = goto("/aime/stats")
    for window in WINDOWS:
        page.get_by_test_id(f"period-{window}").click()
        expect(page.get_by_test_id(f"period-{window}")).to_have_attribute("aria-pressed", "true")
        expect(page).to_have_url(re.compile(rf"/aime/stats\?window={window}$"))
        days = {} if window == "all" else _window_days(hass_api, window)
        _expect_same_plays(page, lambda days=days: hass_api.ws("aime/range", **days))
        _expect_charts_drawn(page)


def test_custom_range_changes_the_figures(goto: Callable[[str], Page], hass_api: HassApi) -> None:
    """A past range: its figures, its days in the URL, a granularity toggle that redraws."""
    first, last = _past_range(hass_api)
    page = goto("/aime/stats?window=7d")
    seven_days = _shown_plays(page)
    _choose_custom(page, first, last)

    expected = hass_api.ws("aime/range", first_day=first, last_day=last, granularity="day")
    assert expected["plays"] != seven_days  # The figure must visibly change.
    expect(page.get_by_test_id("stats-plays-value")).to_have_text(_as_shown(expected["plays"]))
    expect(page.get_by_test_id("stats-unique-artists-value")).to_have_text(
        _as_shown(expected["unique_artists"])
    )
    expect(page).to_have_url(re.compile(rf"first_day={first}&last_day={last}"))
    expect(page.get_by_test_id("stats-granularity-day")).to_have_attribute("aria-pressed", "true")

    page.get_by_test_id("stats-granularity-week").click()
    expect(page.get_by_test_id("stats-granularity-week")).to_have_attribute("aria-pressed", "true")
    expect(page).to_have_url(re.compile(r"granularity=week"))
    _expect_charts_drawn(page)

    page.reload()  # The URL alone brings the same period back.
    expect(page.get_by_test_id("period-custom")).to_have_attribute("aria-pressed", "true")
    # Waits for the figure to settle rather than reading whatever is drawn first.
    expect(page.get_by_test_id("stats-plays-value")).to_have_text(_as_shown(expected["plays"]))


def test_comparison_with_the_previous_period_and_another_range(
    goto: Callable[[str], Page], hass_api: HassApi
) -> None:
    """Both sides are `aime/compare`'s; "another range" compares with the days chosen."""
    first, last = _past_range(hass_api)
    page = goto(f"/aime/stats?first_day={first}&last_day={last}")
    before = date.fromisoformat(first) - timedelta(days=30)
    previous = {
        "first_day": before.isoformat(),
        "last_day": (before + timedelta(days=29)).isoformat(),
    }
    expected = hass_api.ws(
        "aime/compare", current={"first_day": first, "last_day": last}, previous=previous
    )
    compare = page.get_by_test_id("stats-compare")
    current_plays = compare.get_by_test_id("stats-compare-current").get_by_test_id(
        "stats-compare-plays"
    )
    other_plays = compare.get_by_test_id("stats-compare-other").get_by_test_id(
        "stats-compare-plays"
    )
    expect(current_plays).to_have_text(_as_shown(expected["current"]["plays"]))
    expect(other_plays).to_have_text(_as_shown(expected["previous"]["plays"]))

    compare.get_by_test_id("stats-compare-custom").click()
    other_first, other_last = _past_range(hass_api, days=10)
    compare.get_by_test_id("stats-compare-first").get_by_role("textbox").fill(
        typed_day(other_first)
    )
    compare.get_by_test_id("stats-compare-last").get_by_role("textbox").fill(typed_day(other_last))
    other = hass_api.ws("aime/range", first_day=other_first, last_day=other_last)
    expect(other_plays).to_have_text(_as_shown(other["plays"]))
    expect(page).to_have_url(re.compile(rf"compare_first={other_first}&compare_last={other_last}"))


class _Relay:
    """Home Assistant's websocket, relayed: changes `aime/range` answers, pushes live events."""

    def __init__(self, page: Page, change: Callable[[dict[str, Any]], None]) -> None:
        self.change = change
        self.range_ids: set[int] = set()
        self.subscription: int | None = None
        self.client: WebSocketRoute | None = None
        page.route_web_socket(re.compile(r"/api/websocket$"), self._route)

    def _route(self, client: WebSocketRoute) -> None:
        self.client = client
        server = client.connect_to_server()
        client.on_message(lambda message: self._from_page(message, server))
        server.on_message(lambda message: client.send(self._from_hass(message)))

    def _from_page(self, message: str | bytes, server: WebSocketRoute) -> None:
        data = json.loads(message)
        if data.get("type") == "aime/range":
            self.range_ids.add(data["id"])
        elif data.get("type") == "aime/subscribe":
            self.subscription = data["id"]
        server.send(message)

    def _from_hass(self, message: str | bytes) -> str | bytes:
        data = json.loads(message)
        for item in data if isinstance(data, list) else [data]:
            if item.get("id") in self.range_ids and item.get("success"):
                self.change(item["result"])
        return json.dumps(data)

    def push_stats_event(self) -> None:
        assert self.client is not None
        assert self.subscription is not None
        self.client.send(
            json.dumps({"id": self.subscription, "type": "event", "event": {"kind": "stats"}})
        )


def test_names_show_as_text(goto: Callable[[str], Page], page: Page) -> None:
    """A name that looks like markup is shown literally, never run."""

    def hostile(result: dict[str, Any]) -> None:
        result["top_artists"][0]["name"] = HOSTILE
        result["top_albums"][0]["name"] = HOSTILE
        result["top_tracks"][0]["artist"] = HOSTILE
        result["new_artists"].insert(
            0, {"id": 1, "name": HOSTILE, "first_played": "2024-01-01T10:00:00+00:00"}
        )

    _Relay(page, hostile)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    goto("/aime/stats?window=30d")
    for testid in (
        "stats-top-artists",
        "stats-top-albums",
        "stats-top-tracks",
        "stats-new-artists",
    ):
        expect(page.get_by_test_id(testid).get_by_text(HOSTILE, exact=True).first).to_be_visible()
    assert page.locator("img[src='x']").count() == 0
    assert dialogs == []


def test_live_update_refreshes_without_loading(goto: Callable[[str], Page], page: Page) -> None:
    """A `stats` event refetches quietly: the figures update in place, no loading state."""
    answers: dict[str, int | None] = {"plays": None}

    def replace_plays(result: dict[str, Any]) -> None:
        if answers["plays"] is not None:
            result["plays"] = answers["plays"]

    relay = _Relay(page, replace_plays)
    goto("/aime/stats?window=30d")
    figure = page.get_by_test_id("stats-plays-value")
    expect(figure).to_be_visible()
    figure.evaluate("element => { element.dataset.kept = 'yes'; }")
    asked = len(relay.range_ids)

    answers["plays"] = 123456
    relay.push_stats_event()
    expect(figure).to_have_text(_as_shown(123456))
    assert len(relay.range_ids) > asked
    expect(figure).to_have_attribute("data-kept", "yes")  # The same element: never replaced.
    expect(page.get_by_test_id("loading")).to_have_count(0)
