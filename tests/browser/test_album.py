"""The album page: what the demo knows of an album, its plays, and playing it in a Roon zone."""

from __future__ import annotations

from collections.abc import Callable
import json
import re
import time
from typing import Any

from playwright.sync_api import Page, WebSocketRoute, expect
import pytest

from scripts.devhass.config_dir import REPO_ROOT
from tests.browser.demo_thread import HassApi
from tests.browser.harness import Variant, every_variant

TRANSLATIONS = REPO_ROOT / "custom_components" / "aime" / "translations"
PLAYS_PAGE = 50  # The view's page of plays (frontend/src/views/album/album.ts).
HOSTILE = "<img src=x onerror=alert(1)>"
# How long the fake Roon core may take to report the zone playing (polled, not asserted on).
PLAY_TIMEOUT_S = 20


def _owned_album(hass_api: HassApi) -> dict[str, Any]:
    """The demo's most played record: an album with records, tracks and plays."""
    record = hass_api.ws("aime/collection", page_size=1, sort="plays", descending=True)
    album: dict[str, Any] = hass_api.ws("aime/album", album_id=record["records"][0]["album_id"])
    return album


@every_variant
def test_album_page_shows_the_album(
    goto: Callable[[str], Page], screenshot: Callable[..., Any], hass_api: HassApi
) -> None:
    """Title, artist link, tracks, records and a page of plays, as ``aime/album`` gives them."""
    album = _owned_album(hass_api)
    page = goto(f"/aime/album/{album['album_id']}")

    expect(page.get_by_test_id("album-title")).to_have_text(album["title"])
    artist = page.get_by_test_id("album-artist")
    expect(artist).to_have_text(album["artist"])
    expect(artist).to_have_attribute("href", f"/aime/artist/{album['artist_id']}")
    expect(page.get_by_test_id("album-cover")).to_be_visible()
    expect(page.get_by_test_id("album-track")).to_have_count(len(album["tracks"]))
    expect(page.get_by_test_id("album-record")).to_have_count(len(album["records"]))
    expect(page.get_by_test_id("album-plays").locator("li")).to_have_count(
        min(PLAYS_PAGE, album["total_plays"])
    )
    expect(page.get_by_test_id("album-description")).to_be_visible()
    expect(page.get_by_test_id("album-play")).to_be_visible()
    for link in page.locator("a[target=_blank]").all():
        assert link.get_attribute("rel") == "noopener noreferrer"
    screenshot("album")


def test_album_plays_in_a_roon_zone(goto: Callable[[str], Page], hass_api: HassApi) -> None:
    """The zone picker plays the album: the chosen zone's player plays it."""
    album = _owned_album(hass_api)
    states = hass_api.states()
    # AIME's own players only: the demo also has a Home Assistant player (the turntable).
    aime_players = {
        entry["entity_id"]
        for entry in hass_api.ws("config/entity_registry/list")
        if entry["platform"] == "aime"
    }
    zones = sorted(
        entity_id
        for entity_id, state in states.items()
        if entity_id.startswith("media_player.")
        and entity_id in aime_players
        and state["state"] != "unavailable"
        and state["attributes"].get("media_album_name") != album["title"]
    )
    assert zones, "the demo has Roon zones"
    zone = zones[0]
    page = goto(f"/aime/album/{album['album_id']}")

    picker = page.get_by_test_id("album-play")
    picker.get_by_test_id("zone-select").select_option(zone)
    picker.get_by_test_id("zone-play").click()
    expect(picker.get_by_test_id("zone-message")).not_to_be_empty()

    deadline = time.monotonic() + PLAY_TIMEOUT_S
    state = hass_api.state(zone)
    while time.monotonic() < deadline and not (
        state["state"] == "playing"
        and state["attributes"].get("media_album_name") == album["title"]
    ):
        time.sleep(0.5)
        state = hass_api.state(zone)
    assert state["state"] == "playing"
    assert state["attributes"]["media_album_name"] == album["title"]


def test_admin_regenerates_the_description(goto: Callable[[str], Page], hass_api: HassApi) -> None:
    """The demo user is an administrator: the button has the AI write the text, with its model."""
    album = _owned_album(hass_api)
    page = goto(f"/aime/album/{album['album_id']}")
    button = page.get_by_test_id("album-regenerate")
    expect(button).to_be_enabled()
    button.click()
    expect(page.get_by_test_id("album-description-by")).to_be_visible(timeout=60_000)
    written = hass_api.ws("aime/album", album_id=album["album_id"])["description"]
    assert written is not None
    expect(page.get_by_test_id("album-description")).to_contain_text(written["text"][:40])
    expect(page.get_by_test_id("album-description-by")).to_contain_text(written["model"])
    expect(page.get_by_test_id("album-regenerate-error")).to_have_count(0)


def test_names_show_as_text(goto: Callable[[str], Page], hass_api: HassApi, page: Page) -> None:
    """An album titled like markup shows literally: no element, no script."""
    album = _owned_album(hass_api)
    title = album["title"]

    def rewrite(socket: WebSocketRoute) -> None:
        # Home Assistant's answers reach the page with the album's title replaced.
        server = socket.connect_to_server()
        server.on_message(
            lambda message: socket.send(
                message.replace(json.dumps(title)[1:-1], HOSTILE)
                if isinstance(message, str)
                else message
            )
        )
        socket.on_message(server.send)

    page.route_web_socket(re.compile(r"/api/websocket$"), rewrite)
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    goto(f"/aime/album/{album['album_id']}")

    expect(page.get_by_test_id("album-title")).to_have_text(HOSTILE)
    assert page.locator("aime-album img[src='x']").count() == 0
    assert not dialogs


@pytest.mark.parametrize("variant", [Variant(language="fr")], ids=["fr"], indirect=True)
def test_an_unknown_album_is_told_in_the_users_language(goto: Callable[[str], Page]) -> None:
    """The server's error (an English sentence) shows as its French translation, with a retry."""
    french = json.loads((TRANSLATIONS / "fr.json").read_text(encoding="utf-8"))
    sentence = french["exceptions"]["unknown_album"]["message"].replace("{album_id}", "999999")
    page = goto("/aime/album/999999")
    error = page.get_by_test_id("error")
    expect(error).to_contain_text(sentence)
    expect(error.get_by_role("button")).to_be_visible()
