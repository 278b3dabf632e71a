"""The browser harness itself: the demo Home Assistant, the login, the watcher, the variants."""

from __future__ import annotations

from collections.abc import Callable
import json
from pathlib import Path
import re
from typing import Any

from playwright.sync_api import Page, expect
import pytest

from scripts.devhass.config_dir import INTEGRATION_SOURCE
from scripts.devhass.demo_check import MIN_DEMO_PLAYS
from tests.browser.demo_thread import HassApi
from tests.browser.harness import (
    PageWatch,
    Variant,
    every_variant,
    screenshot_path,
    wait_until_ready,
)

# HA's sidebar entry of its settings, and the profile's language setting, in each language.
SETTINGS_LABEL = {"en": "Settings", "fr": "Paramètres"}
LANGUAGE_LABEL = {"en": "Language", "fr": "Langue"}
# The background colour HA's theme gives its pages.
PAGE_BACKGROUND = (
    "() => getComputedStyle(document.querySelector('home-assistant'))"
    ".getPropertyValue('--primary-background-color').trim()"
)
# Whether HA's frontend shows its dark theme.
IS_DARK = "() => document.querySelector('home-assistant').hass.themes.darkMode"


def test_demo_imports_are_done_before_the_tests(hass_api: HassApi) -> None:
    """The session's Home Assistant has AIME loaded with the demo's whole history."""
    assert float(hass_api.state("sensor.aime_total_plays")["state"]) >= MIN_DEMO_PLAYS
    history = hass_api.ws("aime/history", page=1, page_size=3)
    assert len(history["entries"]) == 3
    assert history["total"] >= MIN_DEMO_PLAYS


def test_login_form_stores_the_tokens(auth_state: dict[str, Any], hass_url: str) -> None:
    """The login through HA's form left refreshable tokens for this Home Assistant."""
    (origin,) = auth_state["origins"]
    assert origin["origin"] == hass_url
    (tokens,) = origin["localStorage"]
    stored = json.loads(tokens["value"])
    assert stored["hassUrl"] == hass_url
    assert stored["refresh_token"]


@every_variant
def test_home_assistant_loads_in_each_variant(
    goto: Callable[[str], Page], variant: Variant, screenshot: Callable[..., Path]
) -> None:
    """HA's UI loads logged in, in the variant's language, theme and width; screenshots."""
    page = goto("/profile/general")
    hass_language = page.evaluate("() => document.querySelector('home-assistant').hass.language")
    assert hass_language == variant.language
    background = page.evaluate(PAGE_BACKGROUND)
    is_dark = page.evaluate(IS_DARK)
    assert is_dark is (variant.theme == "dark"), background
    profile = page.locator("ha-panel-profile")
    expect(profile.get_by_text(LANGUAGE_LABEL[variant.language], exact=True).first).to_be_visible()
    if variant.width >= 870:  # HA docks its sidebar on wide screens only.
        expect(
            page.locator("ha-sidebar").get_by_text(SETTINGS_LABEL[variant.language])
        ).to_be_visible()
    path = screenshot("profile")
    assert path.is_file()
    assert path.read_bytes().startswith(b"\x89PNG")
    assert variant.id in path.name


@pytest.mark.parametrize(
    "variant", [Variant(theme="light"), Variant(theme="dark")], ids=["light", "dark"], indirect=True
)
def test_a_theme_the_frontend_missed_is_applied_again(
    goto: Callable[[str], Page], variant: Variant
) -> None:
    """When the frontend never applied its theme (HA's theme-before-config race), readiness does."""
    page = goto("/profile/general")
    background = page.evaluate(PAGE_BACKGROUND)
    page.evaluate(
        "() => { document.querySelector('home-assistant').hass.themes.darkMode = undefined; }"
    )
    wait_until_ready(page, language=variant.language, dark=variant.theme == "dark")
    is_dark = page.evaluate(IS_DARK)
    assert is_dark is (variant.theme == "dark")
    assert page.evaluate(PAGE_BACKGROUND) == background


def test_the_watcher_reports_console_errors_and_foreign_requests(
    goto: Callable[[str], Page], page_watch: PageWatch
) -> None:
    """What would fail a test: a console error, an uncaught error, a request elsewhere."""
    page = goto("/profile/general")
    assert page_watch.problems() == []
    page.evaluate("() => console.error('a console error')")
    page.evaluate("() => setTimeout(() => { throw new Error('an uncaught error'); })")
    page.evaluate("() => fetch('https://example.com/x').catch(() => null)")
    page.wait_for_timeout(500)  # The uncaught error and the aborted request arrive after.

    problems = page_watch.problems()
    assert any("a console error" in problem for problem in problems), problems
    assert any("an uncaught error" in problem for problem in problems), problems
    assert any("https://example.com/x" in problem for problem in problems), problems
    page_watch.allow("a console error|an uncaught error|net::ERR_BLOCKED_BY_CLIENT")
    page_watch.foreign_requests.clear()
    assert page_watch.problems() == []


# What a CI run's page watcher saw when HA's frontend got its themes before its config.
HASS_THEME_BEFORE_CONFIG_ERRORS = [
    "uncaught TypeError: Cannot read properties of null (reading 'recovery_mode')",
    "Failed to load resource: net::ERR_BLOCKED_BY_CLIENT.Inspector (https://raw.githubusercontent"
    ".com/home-assistant/frontend/20250411.0/src/state/themes-mixin.ts)",
    "Failed to load resource: the server responded with a status of 404 (Not Found) (http://"
    "127.0.0.1:8123/unknown/node_modules/home-assistant-js-websocket/dist/store.js)",
]
HASS_THEME_BEFORE_CONFIG_REQUEST = (
    "https://raw.githubusercontent.com/home-assistant/frontend/20250411.0/src/state/themes-mixin.ts"
)


def test_the_watcher_lets_home_assistants_theme_race_through() -> None:
    """HA's own theme-before-config error and its stack's source fetches fail no test."""
    watch = PageWatch("http://127.0.0.1:8123")
    watch.console_errors.extend(HASS_THEME_BEFORE_CONFIG_ERRORS)
    watch.foreign_requests.append(HASS_THEME_BEFORE_CONFIG_REQUEST)
    assert watch.problems() == []

    watch.console_errors.append("uncaught TypeError: AIME's own mistake")
    watch.foreign_requests.append("https://example.com/x")
    assert watch.problems() == [
        "console error: uncaught TypeError: AIME's own mistake",
        "request outside http://127.0.0.1:8123: https://example.com/x",
    ]


def test_the_watcher_reports_source_fetches_without_home_assistants_theme_race() -> None:
    """Without HA's theme error, the same source fetches are problems like any other."""
    watch = PageWatch("http://127.0.0.1:8123")
    watch.console_errors.extend(HASS_THEME_BEFORE_CONFIG_ERRORS[1:])
    watch.foreign_requests.append(HASS_THEME_BEFORE_CONFIG_REQUEST)
    assert len(watch.problems()) == 3


def test_screenshot_names_keep_every_parameter() -> None:
    """Two parametrized runs of a test never write the same file."""
    variant = Variant("fr", "dark", 375)
    assert screenshot_path("test_x[fr-dark-375]", "rows", variant).name == (
        "test_x-rows-fr-dark-375.png"
    )
    assert screenshot_path("test_x[journal-fr-dark-375]", "rows", variant).name == (
        "test_x-journal-rows-fr-dark-375.png"
    )
    assert screenshot_path("test_y", "a b/c", Variant()).name == "test_y-a_b_c-en-light-1280.png"


@pytest.mark.skipif(
    not (INTEGRATION_SOURCE / "panel" / "registration.py").exists(),
    reason="the AIME panel is not registered yet (custom_components/aime/panel/registration.py)",
)
def test_sidebar_opens_the_aime_panel(
    goto: Callable[[str], Page], screenshot: Callable[..., Path]
) -> None:
    """The sidebar's "AIME" entry opens the panel."""
    page = goto("/profile/general")
    page.locator("ha-sidebar").get_by_text("AIME", exact=True).click()
    expect(page).to_have_url(re.compile(r"/aime(/|$)"))
    expect(page.locator("aime-panel")).to_be_attached()
    screenshot("panel")
