"""The panel's Playlists view: generate (a preview at once), play in a zone, export, delete.

Every test removes the playlists it makes and leaves the zone it played in paused, so the
shared demo keeps its other tests' expectations.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
import re
from typing import Any

from playwright.sync_api import Page, expect
import pytest

from tests.browser.demo_thread import HassApi
from tests.browser.harness import Variant, every_variant

XSS_NAME = "<img src=x onerror=alert(1)>"
ALGORITHM_LABEL = {"en": "Complete albums", "fr": "Albums complets"}
PROMPT_NEEDED = {
    "en": "Describe the playlist you want: the AI needs a prompt.",
    "fr": "Décrivez la playlist voulue : l\u2019IA a besoin d\u2019une consigne.",
}
# Home Assistant's frontend state of one entity, as the page sees it (live over its websocket).
ENTITY_STATE = "id => document.querySelector('home-assistant').hass.states[id]?.state"


def _playlist_ids(hass_api: HassApi) -> set[int]:
    return {playlist["id"] for playlist in hass_api.ws("aime/playlists/list")["playlists"]}


def _delete(hass_api: HassApi, playlist_id: int) -> None:
    """Delete through the websocket (`delete_playlist` answers nothing, so no return_response)."""
    hass_api.ws(
        "call_service",
        domain="aime",
        service="delete_playlist",
        service_data={"playlist_id": playlist_id},
    )


@contextmanager
def _generated(hass_api: HassApi, **data: Any) -> Iterator[dict[str, Any]]:
    """A playlist made through the action, deleted afterwards (unless the test did)."""
    playlist = hass_api.call_action("aime", "generate_playlist", data)
    try:
        yield playlist
    finally:
        if playlist["id"] in _playlist_ids(hass_api):
            _delete(hass_api, playlist["id"])


def _idle_aime_zone(hass_api: HassApi) -> str:
    """An AIME Roon player that is not playing (so `playing` afterwards is our doing)."""
    registry = hass_api.ws("config/entity_registry/list")
    players = sorted(
        entry["entity_id"]
        for entry in registry
        if entry["platform"] == "aime" and entry["entity_id"].startswith("media_player.")
    )
    states = hass_api.states()
    idle = [
        entity_id
        for entity_id in players
        if states.get(entity_id, {}).get("state") not in ("playing", "unavailable", None)
    ]
    assert idle, f"no AIME zone is free to play in: {[(p, states[p]['state']) for p in players]}"
    return idle[0]


@every_variant
def test_playlist_screens_show_names_as_text(
    goto: Callable[[str], Page],
    screenshot: Callable[..., Path],
    hass_api: HassApi,
    variant: Variant,
) -> None:
    """An opened playlist: its name shown literally, its algorithm translated, its tracks."""
    with _generated(hass_api, algorithm="complete_albums", max_tracks=8, name=XSS_NAME) as playlist:
        page = goto(f"/aime/playlists/{playlist['id']}")
        detail = page.get_by_test_id("playlist-detail")
        expect(detail.locator("h2")).to_have_text(XSS_NAME)
        assert page.locator("aime-playlist-detail h2 img").count() == 0
        expect(detail.get_by_text(ALGORITHM_LABEL[variant.language], exact=True)).to_be_visible()
        expect(page.get_by_test_id("playlist-track")).to_have_count(len(playlist["tracks"]))
        row = page.locator(f"[data-testid=playlist-row][data-playlist-id='{playlist['id']}']")
        if variant.width < 760:  # Phones: the playlist replaces the list, with a way back.
            expect(row).to_be_hidden()
            expect(page.get_by_test_id("playlist-back")).to_be_visible()
        else:
            expect(row).to_have_attribute("aria-current", "page")
        screenshot("detail")

        page.get_by_test_id("nav-playlists").click()
        page.get_by_test_id("playlist-generate").click()
        expect(page.get_by_test_id("playlist-algorithm")).to_be_visible()
        screenshot("generate")


def test_generate_play_export_and_delete(
    goto: Callable[[str], Page], screenshot: Callable[..., Path], hass_api: HassApi
) -> None:
    """Generated, the tracks show at once; played, the zone plays; exported; then deleted."""
    before = _playlist_ids(hass_api)
    zone = _idle_aime_zone(hass_api)
    page = goto("/aime/playlists")
    page.get_by_test_id("playlist-generate").click()
    page.get_by_test_id("playlist-algorithm").select_option("top_sessions")
    page.get_by_test_id("playlist-max-tracks").fill("10")
    page.get_by_test_id("playlist-name").fill("Browser test: top sessions")
    page.get_by_test_id("playlist-generate-submit").click()

    expect(page.get_by_test_id("playlist-preview-track").first).to_be_visible()
    assert 1 <= page.get_by_test_id("playlist-preview-track").count() <= 10
    expect(page).to_have_url(re.compile(r"/aime/playlists/\d+$"))
    playlist_id = int(page.url.rsplit("/", 1)[1])
    assert playlist_id not in before
    try:
        expect(
            page.locator(f"[data-testid=playlist-row][data-playlist-id='{playlist_id}']")
        ).to_contain_text("Browser test: top sessions")
        screenshot("preview")

        player = page.get_by_test_id("playlist-play")
        player.get_by_test_id("zone-select").select_option(zone)
        player.get_by_test_id("zone-play").click()
        page.wait_for_function(f"({ENTITY_STATE})('{zone}') === 'playing'")
        assert hass_api.state(zone)["state"] == "playing"

        page.get_by_test_id("playlist-export").click()
        result = page.get_by_test_id("playlist-export-result")
        expect(result).to_contain_text("aime/exports/")
        exported = Path(re.sub(r"^\D*?(/\S+)$", r"\1", result.inner_text().strip()))
        assert exported.is_file(), exported
        assert exported.read_text(encoding="utf-8").startswith("#EXTM3U")

        page.get_by_test_id("playlist-delete").click()
        page.get_by_test_id("playlist-delete-confirm").click()
        expect(page).to_have_url(re.compile(r"/aime/playlists$"))
        expect(
            page.locator(f"[data-testid=playlist-row][data-playlist-id='{playlist_id}']")
        ).to_have_count(0)
        assert playlist_id not in _playlist_ids(hass_api)
    finally:
        if playlist_id in _playlist_ids(hass_api):
            _delete(hass_api, playlist_id)
        if hass_api.state(zone)["state"] == "playing":
            hass_api.call_action("media_player", "media_pause", {"entity_id": zone})


@pytest.mark.parametrize(
    "variant", [Variant("en"), Variant("fr", "dark", 375)], ids=["en", "fr"], indirect=True
)
def test_ai_playlist_needs_a_prompt(
    goto: Callable[[str], Page], hass_api: HassApi, variant: Variant
) -> None:
    """Without a prompt, `ai_generated` is refused in the form, with a sentence; nothing is made."""
    before = _playlist_ids(hass_api)
    page = goto("/aime/playlists")
    page.get_by_test_id("playlist-generate").click()
    page.get_by_test_id("playlist-algorithm").select_option("ai_generated")
    page.get_by_test_id("playlist-generate-submit").click()
    expect(page.get_by_test_id("playlist-generate-error")).to_have_text(
        PROMPT_NEEDED[variant.language]
    )
    assert _playlist_ids(hass_api) == before


def test_list_follows_live_changes(goto: Callable[[str], Page], hass_api: HassApi) -> None:
    """A playlist made or deleted elsewhere appears and goes without a reload."""
    page = goto("/aime/playlists")
    expect(page.get_by_test_id("playlist-generate")).to_be_visible()
    with _generated(hass_api, algorithm="top_sessions", max_tracks=5, name="Live one") as playlist:
        row = page.locator(f"[data-testid=playlist-row][data-playlist-id='{playlist['id']}']")
        expect(row).to_contain_text("Live one")
        hass_api.call_action(
            "aime", "rename_playlist", {"playlist_id": playlist["id"], "name": "Renamed"}
        )
        expect(row).to_contain_text("Renamed")
        _delete(hass_api, playlist["id"])
        expect(row).to_have_count(0)


def test_rename_and_cancelled_delete(goto: Callable[[str], Page], hass_api: HassApi) -> None:
    """Renamed in place, the list follows; a delete can be cancelled (Escape) and keeps it."""
    with _generated(hass_api, algorithm="artist_flow", max_tracks=5, name="Before") as playlist:
        page = goto(f"/aime/playlists/{playlist['id']}")
        page.get_by_test_id("playlist-rename").click()
        page.get_by_test_id("playlist-rename-input").fill("After <b>rename</b>")
        page.get_by_test_id("playlist-rename-save").click()
        expect(page.get_by_test_id("playlist-detail").locator("h2")).to_have_text(
            "After <b>rename</b>"
        )
        row = page.locator(f"[data-testid=playlist-row][data-playlist-id='{playlist['id']}']")
        expect(row).to_contain_text("After <b>rename</b>")

        page.get_by_test_id("playlist-delete").click()
        expect(page.get_by_test_id("playlist-delete-cancel")).to_be_focused()
        page.keyboard.press("Escape")
        expect(page.get_by_test_id("playlist-delete-confirm")).to_have_count(0)
        assert playlist["id"] in _playlist_ids(hass_api)
