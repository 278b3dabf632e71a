"""What the browser-test fixtures are made of: variants, the browser launch, the page watcher."""

from __future__ import annotations

from dataclasses import dataclass, field
import os
from pathlib import Path
import re
from urllib.parse import urlsplit

from playwright.sync_api import (
    BrowserContext,
    ConsoleMessage,
    Error,
    Page,
    Route,
    TimeoutError as PlaywrightTimeoutError,
    WebSocket,
)
import pytest

from scripts.devhass.config_dir import REPO_ROOT

CHROMIUM = Path(os.environ.get("AIME_CHROMIUM", "/usr/bin/chromium"))
# Without the background-networking flags Chromium calls Google's services, which a closed
# network refuses: those would be requests to a foreign host.
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS_DIR = Path(
    os.environ.get("AIME_ARTIFACTS_DIR") or REPO_ROOT / ".artifacts" / "screenshots"
)
PAGE_HEIGHT = 900
NAVIGATION_TIMEOUT_MS = 90_000
# Locators wait this long: the first load of HA's frontend on a busy 2-core machine is slow.
EXPECT_TIMEOUT_MS = 45_000
# Every user setting of HA's profile's language section, as HA's frontend saves it.
_LANGUAGE_DEFAULTS = {
    "number_format": "language",
    "time_format": "language",
    "date_format": "language",
    "time_zone": "local",
    "first_weekday": "language",
}


@dataclass(frozen=True)
class Variant:
    """One combination the issue asks screenshots of: language, theme and viewport width."""

    language: str = "en"
    theme: str = "light"
    width: int = 1280

    @property
    def id(self) -> str:
        """Return e.g. ``fr-dark-375``."""
        return f"{self.language}-{self.theme}-{self.width}"

    @property
    def locale(self) -> str:
        """The browser's locale (navigator.language) matching the language."""
        return {"en": "en-US", "fr": "fr-FR"}[self.language]

    def language_user_data(self) -> dict[str, str]:
        """The value of HA's `frontend/set_user_data` key ``language`` for this variant."""
        return {"language": self.language, **_LANGUAGE_DEFAULTS}


def typed_day(iso: str, language: str = "en") -> str:
    """An ISO day as AIME's date fields show and read it: "07/12/2026" in French."""
    year, month, day = iso.split("-")
    return f"{day}/{month}/{year}" if language == "fr" else f"{month}/{day}/{year}"


DEFAULT_VARIANT = Variant()
ALL_VARIANTS = [
    Variant(language, theme, width)
    for language in ("en", "fr")
    for theme in ("light", "dark")
    for width in (375, 1280)
]
# Decorate a test to run it once per language x theme x width (8 runs):
#     @every_variant
#     def test_journal_lists_plays(page, screenshot): ...
every_variant = pytest.mark.parametrize(
    "variant", ALL_VARIANTS, ids=[variant.id for variant in ALL_VARIANTS], indirect=True
)


def screenshot_path(test_name: str, name: str, variant: Variant) -> Path:
    """Where `screenshot(name)` writes: ``<artifacts>/<test>[-<params>]-<name>-<variant>.png``.

    `test_name` is pytest's (``test_x[journal-fr-dark-375]``): its other parameters stay in the
    file name, so that two parametrized runs never overwrite each other's screenshots.
    """
    function, _, params = test_name.partition("[")
    other_params = params.rstrip("]").replace(variant.id, "").strip("-")
    stem = "-".join(part for part in (function, other_params, name, variant.id) if part)
    return ARTIFACTS_DIR / f"{re.sub(r'[^A-Za-z0-9_.-]+', '_', stem)}.png"


# Home Assistant's own frontend (seen on 20250411.0, the pinned release's) can get its themes
# before its config and then throws in its theme code, reading `hass.config.recovery_mode` while
# the config is still null (issue 12's browser flake). Chromium's inspector then fetches that
# stack's sources: HA's sources on GitHub (aborted here) and `/unknown/node_modules/` paths (404).
# Not AIME's doing: the watcher lets that error and its source fetches through, nothing else.
_HASS_THEME_BEFORE_CONFIG = re.compile(
    r"^uncaught TypeError: Cannot read properties of null \(reading 'recovery_mode'\)$"
)
_STACK_SOURCE_FETCH = re.compile(
    r"https://raw\.githubusercontent\.com/home-assistant/frontend/|/unknown/node_modules/"
)


@dataclass
class PageWatch:
    """Console errors, page errors and requests to any host but Home Assistant's, of a context.

    Foreign requests are aborted (and reported): nothing leaves the machine. A test expecting
    a console error says so with `allow(pattern)`.
    """

    hass_url: str
    console_errors: list[str] = field(default_factory=list)
    foreign_requests: list[str] = field(default_factory=list)
    _allowed: list[re.Pattern[str]] = field(default_factory=list)

    def attach(self, context: BrowserContext) -> None:
        """Watch every page of `context`, from its first request."""
        context.route(self._is_foreign, self._abort_foreign)
        context.on("page", self._watch_page)

    def allow(self, pattern: str) -> None:
        """Accept console errors matching the regular expression `pattern` in this test."""
        self._allowed.append(re.compile(pattern))

    def problems(self) -> list[str]:
        """Return what makes the test fail (empty when the page behaved)."""
        errors = [
            error
            for error in self.console_errors
            if not any(pattern.search(error) for pattern in self._allowed)
        ]
        foreign_requests = self.foreign_requests
        if any(_HASS_THEME_BEFORE_CONFIG.search(error) for error in errors):
            errors = [
                error
                for error in errors
                if not _HASS_THEME_BEFORE_CONFIG.search(error)
                and not _STACK_SOURCE_FETCH.search(error)
            ]
            foreign_requests = [
                url for url in foreign_requests if not _STACK_SOURCE_FETCH.search(url)
            ]
        return [
            *(f"console error: {error}" for error in errors),
            *(f"request outside {self.hass_url}: {url}" for url in foreign_requests),
        ]

    def _is_foreign(self, url: str) -> bool:
        parts = urlsplit(url)
        if parts.scheme in ("data", "blob", "about", "chrome", "chrome-extension"):
            return False
        return f"{parts.hostname}:{parts.port}" != f"{urlsplit(self.hass_url).netloc}"

    def _abort_foreign(self, route: Route) -> None:
        self.foreign_requests.append(route.request.url)
        route.abort("blockedbyclient")

    def _watch_page(self, page: Page) -> None:
        page.on("console", self._on_console)
        page.on("pageerror", self._on_page_error)
        page.on("websocket", self._on_websocket)

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            location = message.location
            self.console_errors.append(f"{message.text} ({location.get('url')})")

    def _on_page_error(self, error: Error) -> None:
        self.console_errors.append(f"uncaught {error.name}: {error.message}")

    def _on_websocket(self, websocket: WebSocket) -> None:
        if self._is_foreign(websocket.url.replace("ws", "http", 1)):
            self.foreign_requests.append(websocket.url)


# Home Assistant's frontend is connected, in the expected language, its themes loaded.
_HASS_CONNECTED = """({language}) => {
    const hass = document.querySelector("home-assistant")?.hass;
    return Boolean(hass && hass.connected && hass.user && hass.language === language
        && hass.themes);
}"""

# The frontend has applied the expected light or dark theme.
_HASS_DARK_MODE = """(dark) =>
    document.querySelector("home-assistant")?.hass?.themes?.darkMode === dark"""

# What the readiness checks look at, for the failure message when they never turn true.
_HASS_STATE = """() => {
    const hass = document.querySelector("home-assistant")?.hass;
    return {url: location.href, hass: Boolean(hass), connected: hass?.connected,
        user: hass?.user?.name, language: hass?.language, darkMode: hass?.themes?.darkMode,
        tokens: Boolean(window.localStorage.getItem("hassTokens"))};
}"""

# How long the frontend gets to apply the theme by itself before it is nudged.
THEME_GRACE_MS = 5_000


def wait_until_ready(page: Page, *, language: str, dark: bool) -> None:
    """Wait until Home Assistant's frontend is connected, in ``language``, ``dark`` or light."""
    try:
        page.wait_for_function(
            _HASS_CONNECTED, arg={"language": language}, timeout=NAVIGATION_TIMEOUT_MS
        )
        try:
            page.wait_for_function(_HASS_DARK_MODE, arg=dark, timeout=THEME_GRACE_MS)
        except PlaywrightTimeoutError:
            # The frontend's first theme application fails when its themes arrive before its
            # config (see _HASS_THEME_BEFORE_CONFIG): darkMode stays undefined. It re-applies the
            # theme whenever the colour scheme changes: flip it there and back, each flip
            # awaited (two flips within one frame would cancel out unseen).
            for step_dark in (not dark, dark):
                page.emulate_media(color_scheme="dark" if step_dark else "light")
                page.wait_for_function(_HASS_DARK_MODE, arg=step_dark, timeout=THEME_GRACE_MS)
    except PlaywrightTimeoutError as err:
        raise AssertionError(
            f"Home Assistant's frontend never got ready: {page.evaluate(_HASS_STATE)}"
        ) from err
