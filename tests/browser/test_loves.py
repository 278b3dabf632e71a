"""The play's heart: a love toggle for an administrator (the store follows, and back), a plain
heart for anyone else (no button)."""

from __future__ import annotations

from collections.abc import Callable
import time

from playwright.sync_api import Page, expect
import pytest

from tests.browser.demo_thread import HassApi

as_each_user = pytest.mark.parametrize("user", ["admin", "non_admin"], indirect=True)


def _loved(hass_api: HassApi, play_id: int) -> bool:
    entries = hass_api.ws("aime/history", page=0, page_size=20)["entries"]
    return bool(next(e for e in entries if e["play_id"] == play_id)["loved"])


def _until_loved(hass_api: HassApi, play_id: int, wanted: bool) -> None:
    deadline = time.monotonic() + 10
    while _loved(hass_api, play_id) != wanted:
        assert time.monotonic() < deadline, f"the store never became loved={wanted}"
        time.sleep(0.2)


@as_each_user
def test_the_heart_loves_for_administrators(
    goto: Callable[[str], Page], hass_api: HassApi, user: str
) -> None:
    first = hass_api.ws("aime/history", page=0, page_size=1)["entries"][0]
    page = goto("/aime/journal")
    row = page.locator(f'[data-testid="journal-row"][data-play-id="{first["play_id"]}"]')
    expect(row).to_be_visible()
    toggle = row.get_by_test_id("love-toggle")
    if user != "admin":
        expect(toggle).to_have_count(0)
        expect(row.get_by_test_id("loved")).to_have_count(1 if first["loved"] else 0)
        return
    was = bool(first["loved"])
    toggle.click()
    expect(toggle).to_have_attribute("aria-pressed", "false" if was else "true")
    _until_loved(hass_api, first["play_id"], not was)
    toggle.click()  # Back as it was: the demo is shared by the session's tests.
    expect(toggle).to_have_attribute("aria-pressed", "true" if was else "false")
    _until_loved(hass_api, first["play_id"], was)
