"""Dashboards the card tests make through the websocket, and opening one once its cards exist."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from playwright.sync_api import Page

from tests.browser.demo_thread import HassApi


def save_dashboard(hass_api: HassApi, url_path: str, title: str, views: list[Any]) -> None:
    """Create the dashboard ``url_path`` (once) and save ``views`` as its configuration."""
    if not any(board["url_path"] == url_path for board in hass_api.ws("lovelace/dashboards/list")):
        hass_api.ws(
            "lovelace/dashboards/create",
            url_path=url_path,
            title=title,
            mode="storage",
            show_in_sidebar=False,
            require_admin=False,
        )
    hass_api.ws("lovelace/config/save", url_path=url_path, config={"views": views})


def open_dashboard(goto: Callable[[str], Page], path: str) -> Page:
    """Open a dashboard view once the cards' module has defined its elements.

    Home Assistant shows "Custom element doesn't exist" for a card whose module loads after the
    view, and does not always rebuild it: a second load (the module cached) shows the card.
    """
    page = goto(path)
    page.wait_for_function("() => Boolean(customElements.get('aime-recent-card'))")
    if page.locator("hui-error-card").filter(has_text="Custom element").count():
        page.reload()
        page.wait_for_function("() => document.querySelector('home-assistant')?.hass?.connected")
    return page
