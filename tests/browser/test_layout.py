"""Layouts hold against any name: 2,000 characters without a break, right-to-left scripts, emoji.

Plays with such names are recorded through the real ingest path (an original AIME app's
database, imported by ``aime.import_aime_database``) before the pages load; every view and
both cards then fit a 375 px and a 1280 px window, each long name cut inside its card with its
whole text in a tooltip.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import date, timedelta
import time
from typing import Any

from playwright.sync_api import Page, expect
import pytest

from custom_components.aime.core.models import PlayInput, Source
from scripts.devhass.original_app import write_original_app_database
from tests.browser.dashboards import open_dashboard, save_dashboard
from tests.browser.demo_thread import DemoThread, HassApi
from tests.browser.harness import Variant


def _unbroken(word: str) -> str:
    """2,000 characters without a space or a hyphen: nothing for the browser to break at."""
    return (word * (2000 // len(word) + 1))[:2000]


LONG = {
    "artist": _unbroken("Longartistname"),
    "album": _unbroken("Longalbumtitle"),
    "track": _unbroken("Longtracktitle"),
}
RTL = {"artist": "فرقة الأندلس للموسيقى", "album": "שירים מן המדבר", "track": "ليلة في القاهرة"}
EMOJI = {"artist": "🎸 The 👩‍🎤 Emoji Band 🔥", "album": "🌈🌈🌈 Colours 🎨", "track": "🎶 Song 🎶"}
PLAYLIST_NAME = "Longplaylistname" * 15  # 240 characters: the longest a playlist may be named.
DATABASE = "aime/hostile_names.db"
DASHBOARD = "aime-test-layout"
WIDTHS = [Variant(width=375), Variant(width=1280)]
at_each_width = pytest.mark.parametrize(
    "variant", WIDTHS, ids=[str(variant.width) for variant in WIDTHS], indirect=True
)
HOUR = 3600


def _hostile_plays(now: int) -> list[PlayInput]:
    """Enough plays of each name, this week and the week before, to top the 7-day statistics.

    The first three are minutes old (the journal's and the recent card's first rows); then one
    every two hours, so that every day of the last five has some (the timeline's yesterday).
    """
    groups = (LONG, RTL, EMOJI)
    moments = [now - 60 * (index + 1) for index in range(3)]
    moments += [now - HOUR - 2 * HOUR * index for index in range(66)]
    moments += [now - 8 * 24 * HOUR - 2 * HOUR * index for index in range(30)]
    return [
        PlayInput(
            title=groups[index % 3]["track"],
            artist=groups[index % 3]["artist"],
            album=groups[index % 3]["album"],
            played_at=moment,
            source=Source.ROON,
            duration=200,
            track_number=1,
        )
        for index, moment in enumerate(moments)
    ]


@pytest.fixture(scope="module")
def hostile(demo_thread: DemoThread, hass_api: HassApi) -> Iterator[dict[str, Any]]:
    """The hostile names imported; their ids, a playlist with a long name, yesterday's day."""
    config_dir = demo_thread.demo.config_dir
    write_original_app_database(config_dir / DATABASE, _hostile_plays(int(time.time())))
    hass_api.call_action("aime", "import_aime_database", {"path": DATABASE})
    stats = hass_api.ws("aime/stats", window="7d", top=50)
    ids = {
        kind: {item["name"]: item["id"] for item in stats[f"top_{kind}s"]}
        for kind in ("artist", "album")
    }
    request = {"algorithm": "rediscovery", "max_tracks": 5, "name": PLAYLIST_NAME}
    playlist = hass_api.call_action("aime", "generate_playlist", request)
    yesterday = date.fromisoformat(hass_api.ws("aime/timeline")["day"]) - timedelta(days=1)
    yield {"ids": ids, "playlist": playlist["id"], "yesterday": yesterday.isoformat()}
    hass_api.ws(
        "call_service",
        domain="aime",
        service="delete_playlist",
        service_data={"playlist_id": playlist["id"]},
    )


# The widths that matter: the document's, and the panel's own content column (`main`), whose
# overflow would scroll sideways inside Home Assistant's layout without widening the document.
_WIDTHS = """() => {
    const find = (root, selector) => {
        const found = root.querySelector(selector);
        if (found) return found;
        for (const element of root.querySelectorAll("*")) {
            const inner = element.shadowRoot && find(element.shadowRoot, selector);
            if (inner) return inner;
        }
        return null;
    };
    const main = find(document, "aime-panel")?.shadowRoot.querySelector("main");
    // For the failure message: the elements reaching past the window's right edge.
    const past = [];
    const walk = (root) => {
        for (const element of root.querySelectorAll("*")) {
            const box = element.getBoundingClientRect();
            if (box.width && box.right > window.innerWidth + 0.5 && past.length < 12) {
                const name = `${element.localName}.${element.classList.value}`;
                past.push(`${name}: ${Math.round(box.right)}`);
            }
            if (element.shadowRoot) walk(element.shadowRoot);
        }
    };
    walk(document);
    return {
        window: window.innerWidth,
        document: document.documentElement.scrollWidth,
        main: main ? [main.scrollWidth, main.clientWidth] : null,
        past,
    };
}"""


def _expect_fits(page: Page, where: str) -> None:
    widths = page.evaluate(_WIDTHS)
    assert widths["document"] <= widths["window"], f"{where}: {widths}"
    if widths["main"] is not None:
        scroll, client = widths["main"]
        assert scroll <= client, f"{where}: the panel's content overflows {widths}"


def _expect_titled(page: Page, *names: str) -> None:
    """Each name is shown, cut or not, with its whole text in a tooltip."""
    for name in names:
        expect(page.get_by_title(name, exact=True).filter(visible=True).first).to_be_visible()


def _open_in_panel(page: Page, path: str) -> None:
    """Go to another panel page as its links do (no reload of Home Assistant's frontend)."""
    page.evaluate(
        """path => {
            history.pushState(null, "", path);
            window.dispatchEvent(new CustomEvent("location-changed"));
        }""",
        path,
    )


@at_each_width
def test_every_view_holds_against_hostile_names(
    goto: Callable[[str], Page], hostile: dict[str, Any], variant: Variant
) -> None:
    artists, albums = hostile["ids"]["artist"], hostile["ids"]["album"]
    pages: list[tuple[str, tuple[str, ...]]] = [
        ("/aime/stats?window=7d", (LONG["artist"], LONG["album"], LONG["track"])),
        (f"/aime/album/{albums[LONG['album']]}", (LONG["album"], LONG["track"])),
        (f"/aime/album/{albums[RTL['album']]}", (RTL["album"], RTL["track"])),
        (f"/aime/artist/{artists[LONG['artist']]}", (LONG["artist"], LONG["album"])),
        (f"/aime/artist/{artists[EMOJI['artist']]}", (EMOJI["artist"], EMOJI["album"])),
        ("/aime/journal", (LONG["track"], LONG["artist"], RTL["track"], EMOJI["artist"])),
        (f"/aime/journal?artist_id={artists[LONG['artist']]}", (LONG["album"],)),
        (f"/aime/timeline/{hostile['yesterday']}", (LONG["track"], LONG["artist"])),
        (f"/aime/playlists/{hostile['playlist']}", (PLAYLIST_NAME,)),
        ("/aime/playlists", (PLAYLIST_NAME,)),
        ("/aime/collection", ()),
    ]
    page = goto(pages[0][0])
    for path, names in pages:
        _open_in_panel(page, path)
        expect(page.get_by_test_id("loading")).to_have_count(0)
        _expect_titled(page, *names)
        _expect_fits(page, path)


@at_each_width
def test_album_heading_is_clamped(
    goto: Callable[[str], Page], hostile: dict[str, Any], variant: Variant
) -> None:
    """A 2,000-character title takes a few lines of the album's heading, not the whole page."""
    page = goto(f"/aime/album/{hostile['ids']['album'][LONG['album']]}")
    heading = page.get_by_test_id("album-title")
    expect(heading).to_have_attribute("title", LONG["album"])
    box = heading.bounding_box()
    assert box is not None
    assert box["height"] < 150, box
    for testid in ("album-title", "album-artist"):
        expect(page.get_by_test_id(testid)).to_have_attribute("dir", "auto")


@pytest.fixture(scope="module")
def dashboard(hass_api: HassApi) -> str:
    """A dashboard with the stats card (one per kind of top) and the recent card."""
    cards = [
        {"type": "custom:aime-stats-card", "period": "7d", "top": top, "top_count": 10}
        for top in ("artists", "albums", "tracks")
    ]
    cards.append({"type": "custom:aime-recent-card", "count": 20, "show_now_playing": True})
    views = [{"title": "Names", "path": "names", "cards": cards}]
    save_dashboard(hass_api, DASHBOARD, "AIME layout", views)
    return f"/{DASHBOARD}/names"


@at_each_width
def test_cards_hold_against_hostile_names(
    goto: Callable[[str], Page], hostile: dict[str, Any], dashboard: str, variant: Variant
) -> None:
    page = open_dashboard(goto, dashboard)
    stats = page.get_by_test_id("aime-stats-card")
    expect(stats).to_have_count(3)
    for card, name in zip(stats.all(), (LONG["artist"], LONG["album"], LONG["track"]), strict=True):
        expect(card.get_by_title(name, exact=True).filter(visible=True).first).to_be_visible()
    recent = page.get_by_test_id("aime-recent-card")
    for name in (LONG["track"], RTL["track"], EMOJI["track"]):
        expect(recent.get_by_title(name, exact=True).filter(visible=True).first).to_be_visible()
    _expect_fits(page, dashboard)
    for card in [*stats.all(), recent]:
        box, width = card.bounding_box(), page.viewport_size
        assert box is not None
        assert width is not None
        assert box["x"] + box["width"] <= width["width"], box
