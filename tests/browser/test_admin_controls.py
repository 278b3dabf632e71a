"""Who sees what: the controls of actions the hub keeps for administrators (renaming, deleting or
exporting a playlist, having the AI write an album's text again) are shown to an administrator,
and hidden (or disabled with the reason) for a user who is none."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from playwright.sync_api import Page, expect
import pytest

from tests.browser.demo_thread import HassApi

ADMIN_ONLY = "Only administrators can do this."
as_each_user = pytest.mark.parametrize("user", ["admin", "non_admin"], indirect=True)


def _some_playlist(hass_api: HassApi) -> dict[str, Any]:
    """One of the demo's saved playlists (provisioning saves a few)."""
    playlist: dict[str, Any] = hass_api.ws("aime/playlists/list")["playlists"][0]
    return playlist


def _owned_album(hass_api: HassApi) -> int:
    record = hass_api.ws("aime/collection", page_size=1, sort="plays", descending=True)
    album_id: int = record["records"][0]["album_id"]
    return album_id


@as_each_user
def test_playlist_changes_are_for_administrators(
    goto: Callable[[str], Page], hass_api: HassApi, user: str
) -> None:
    """Rename and delete are hidden from a non-administrator; export is disabled, saying why."""
    page = goto(f"/aime/playlists/{_some_playlist(hass_api)['id']}")
    expect(page.get_by_test_id("playlist-play")).to_be_visible()
    admin = user == "admin"
    expect(page.get_by_test_id("playlist-rename")).to_have_count(1 if admin else 0)
    expect(page.get_by_test_id("playlist-delete")).to_have_count(1 if admin else 0)
    export = page.get_by_test_id("playlist-export")
    if admin:
        expect(export).to_be_enabled()
        expect(page.get_by_text(ADMIN_ONLY)).to_have_count(0)
    else:
        expect(export).to_be_disabled()
        expect(page.get_by_test_id("playlist-export-format")).to_be_disabled()
        expect(export).to_have_attribute("title", ADMIN_ONLY)
        expect(page.get_by_text(ADMIN_ONLY)).to_be_visible()
    # Making a playlist adds one: anyone may.
    expect(page.get_by_test_id("playlist-generate")).to_be_visible()


@as_each_user
def test_album_text_is_written_again_by_administrators(
    goto: Callable[[str], Page], hass_api: HassApi, user: str
) -> None:
    """The button that has the AI write the album's text again is an administrator's only."""
    page = goto(f"/aime/album/{_owned_album(hass_api)}")
    expect(page.get_by_test_id("album-description")).to_be_visible()
    expect(page.get_by_test_id("album-regenerate")).to_have_count(1 if user == "admin" else 0)


@pytest.mark.parametrize("user", ["non_admin"], indirect=True)
def test_a_non_administrator_is_no_administrator(page: Page, goto: Callable[[str], Page]) -> None:
    """The harness's second user really is no administrator (what the tests above rely on)."""
    goto("/aime/journal")
    is_admin = "() => document.querySelector('home-assistant').hass.user.is_admin"
    assert page.evaluate(is_admin) is False
