"""Browser tests: Playwright drives Debian's Chromium against the real demo Home Assistant.

Run them apart from the main suite, whose conftest and Home Assistant test plugin must not apply::

    .venv/bin/pytest -p no:homeassistant -p no:cacheprovider --confcutdir=tests/browser \
        tests/browser

`scripts/test` does so in its "browser" step (pinned lane). `AIME_SKIP_BROWSER=1` skips them;
without it a missing `/usr/bin/chromium` (or `$AIME_CHROMIUM`) fails the run.

One Home Assistant per session: `scripts/devhass`'s demo (demo servers, a fresh config dir in a
tmp folder, a free port, provisioning and the demo's imports), then one login through HA's real
login form whose tokens every test's fresh browser context reuses.

Adding a view test (one file per view, e.g. ``tests/browser/test_journal.py``)::

    from playwright.sync_api import expect

    from tests.browser.harness import every_variant

    @every_variant  # en/fr x light/dark x 375/1280 px; without it: en, light, 1280 px
    def test_journal_lists_plays(goto, screenshot, hass_api) -> None:
        page = goto("/aime/journal")  # HA is loaded, in the variant's language and theme
        expect(page.get_by_test_id("journal-row").first).to_be_visible()
        screenshot("rows")  # .artifacts/screenshots/test_journal_lists_plays-rows-fr-dark-375.png

- Select with ``page.get_by_test_id("…")`` (``data-testid``) or CSS: Playwright's locators
  pierce the open shadow roots of Lit elements (XPath does not).
- Fixtures: ``goto(path)``, ``page``, ``screenshot(name)``, ``variant`` (language, theme,
  width), ``user`` (``admin``, the default, or ``non_admin``: parametrize it indirectly),
  ``hass_api`` (``states()``, ``state(id)``, ``call_action(domain, action, data)``,
  ``ws("aime/history", page_size=5)``), ``hass_url``, ``page_watch``.
- `goto` waits for HA's connection and for the network to settle; a test still `expect`s what
  it reads or screenshots (data arrives over the websocket, which that wait does not cover).
- Every test fails on a console error or uncaught page error, and on any request to a host
  other than Home Assistant's (those are aborted). A test that expects an error says so:
  ``page_watch.allow(r"regex")``.
- Each test loads HA's whole frontend in a fresh context (about 200 requests, 3-6 s on a busy
  2-core machine); ``@every_variant`` makes 8 of them: keep it for a view's screenshot test.
- The demo is shared by the whole session: a test that changes data (generates a playlist, ...)
  must not break the others' expectations, whatever the order.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
import os
from pathlib import Path
import time
from typing import Any

from playwright.sync_api import (
    Browser,
    BrowserContext,
    Page,
    expect,
    sync_playwright,
)
import pytest

from scripts.devhass import DEMO_PASSWORD, DEMO_USERNAME
from tests.browser.demo_thread import DemoThread, HassApi, free_port
from tests.browser.harness import (
    CHROMIUM,
    CHROMIUM_ARGS,
    DEFAULT_VARIANT,
    EXPECT_TIMEOUT_MS,
    NAVIGATION_TIMEOUT_MS,
    PAGE_HEIGHT,
    PageWatch,
    Variant,
    screenshot_path,
    wait_until_ready,
)

SKIP_VARIABLE = "AIME_SKIP_BROWSER"
# The first test also waits for the session's Home Assistant (about 1-2 minutes).
TEST_TIMEOUT = 420
NON_ADMIN_USERNAME = "guest"
NON_ADMIN_PASSWORD = "aime-guest"
_timings: dict[str, float] = {}


def _skipping() -> bool:
    return os.environ.get(SKIP_VARIABLE) == "1"


def pytest_sessionstart(session: pytest.Session) -> None:
    """Fail at once, and clearly, when there is no Chromium to drive."""
    if not _skipping() and not os.access(CHROMIUM, os.X_OK):
        pytest.exit(
            f"browser tests: no Chromium at {CHROMIUM}. Install Debian's package "
            "(`apt-get install -y chromium`, or run scripts/setup as root), point "
            f"AIME_CHROMIUM at one, or set {SKIP_VARIABLE}=1 to skip the browser tests.",
            returncode=1,
        )


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    """Give every test the session's start-up time; skip them all on request."""
    if config.pluginmanager.has_plugin("homeassistant"):
        pytest.exit(
            "browser tests: run them apart from the main suite, without Home Assistant's test "
            "plugin: .venv/bin/pytest -p no:homeassistant -p no:cacheprovider "
            "--confcutdir=tests/browser tests/browser",
            returncode=4,
        )
    for item in items:
        item.add_marker(pytest.mark.timeout(TEST_TIMEOUT))
        if _skipping():
            item.add_marker(pytest.mark.skip(reason=f"{SKIP_VARIABLE}=1"))


def pytest_terminal_summary(terminalreporter: Any) -> None:
    """Show how long the session's Home Assistant and login took to be ready."""
    for what, seconds in _timings.items():
        terminalreporter.write_line(f"browser tests: {what} in {seconds:.1f} s")


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """Fail a test whose page logged an error or asked a host other than Home Assistant."""
    result = yield
    watch = getattr(item, "funcargs", {}).get("page_watch")
    if isinstance(watch, PageWatch) and (problems := watch.problems()):
        raise AssertionError("the page misbehaved:\n  " + "\n  ".join(problems))
    return result


@pytest.fixture(scope="session")
def demo_thread(tmp_path_factory: pytest.TempPathFactory) -> Iterator[DemoThread]:
    """The session's demo Home Assistant, provisioned, its imports done."""
    started = time.monotonic()
    demo = DemoThread(tmp_path_factory.mktemp("hass") / "config", free_port())
    demo.start()
    _timings["demo Home Assistant ready (demo servers, start, provisioning)"] = (
        time.monotonic() - started
    )
    yield demo
    demo.stop()


@pytest.fixture(scope="session")
def hass_url(demo_thread: DemoThread) -> str:
    """Home Assistant's URL, ``http://127.0.0.1:<port>``."""
    return demo_thread.demo.base_url


@pytest.fixture(scope="session")
def hass_api(demo_thread: DemoThread) -> HassApi:
    """Home Assistant's REST and websocket APIs as the demo user."""
    return HassApi(demo_thread, demo_thread.demo.client)


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    """Debian's Chromium, headless."""
    expect.set_options(timeout=EXPECT_TIMEOUT_MS)
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()


def _new_context(
    browser: Browser, hass_url: str, variant: Variant, **options: Any
) -> BrowserContext:
    context = browser.new_context(
        base_url=hass_url,
        viewport={"width": variant.width, "height": PAGE_HEIGHT},
        locale=variant.locale,
        color_scheme="dark" if variant.theme == "dark" else "light",
        **options,
    )
    context.set_default_timeout(EXPECT_TIMEOUT_MS)
    context.set_default_navigation_timeout(NAVIGATION_TIMEOUT_MS)
    return context


def _log_in(browser: Browser, hass_url: str, username: str, password: str) -> dict[str, Any]:
    """Log in through Home Assistant's login form; the tokens it stores (nothing else)."""
    context = _new_context(browser, hass_url, DEFAULT_VARIANT)
    watch = PageWatch(hass_url)
    watch.attach(context)
    page = context.new_page()
    page.goto("/")
    page.locator("input[name='username']").fill(username)
    page.locator("input[name='password']").fill(password)
    # "Keep me logged in": without it the frontend keeps its tokens in memory only.
    page.get_by_role("checkbox").check()
    page.get_by_role("button", name="Log in").click()
    page.wait_for_function("() => Boolean(window.localStorage.getItem('hassTokens'))")
    wait_until_ready(page, language="en", dark=False)
    state = context.storage_state()
    context.close()
    assert not watch.problems(), watch.problems()
    # Only the tokens: each test chooses its language and theme afresh.
    for origin in state["origins"]:
        origin["localStorage"] = [
            item for item in origin["localStorage"] if item["name"] == "hassTokens"
        ]
    return dict(state)


@pytest.fixture(scope="session")
def auth_state(browser: Browser, hass_url: str) -> dict[str, Any]:
    """The demo owner (an administrator) logged in once; its tokens, for every test."""
    started = time.monotonic()
    state = _log_in(browser, hass_url, DEMO_USERNAME, DEMO_PASSWORD)
    _timings["browser login through the login form"] = time.monotonic() - started
    return state


@pytest.fixture(scope="session")
def non_admin_auth_state(browser: Browser, hass_url: str, hass_api: HassApi) -> dict[str, Any]:
    """A user who is no administrator, made as an owner would (Settings > People), logged in."""
    user = hass_api.ws(
        "config/auth/create", name="AIME Guest", group_ids=["system-users"], local_only=False
    )["user"]
    hass_api.ws(
        "config/auth_provider/homeassistant/create",
        user_id=user["id"],
        username=NON_ADMIN_USERNAME,
        password=NON_ADMIN_PASSWORD,
    )
    return _log_in(browser, hass_url, NON_ADMIN_USERNAME, NON_ADMIN_PASSWORD)


@pytest.fixture
def user(request: pytest.FixtureRequest) -> str:
    """Who the test's browser is logged in as: ``admin`` (the demo owner) or ``non_admin``.

    Choose with ``@pytest.mark.parametrize("user", ["non_admin"], indirect=True)``.
    """
    param: str = getattr(request, "param", "admin")
    return param


@pytest.fixture
def variant(request: pytest.FixtureRequest) -> Variant:
    """The test's language, theme and width (``@every_variant`` runs all of them)."""
    param: Variant = getattr(request, "param", DEFAULT_VARIANT)
    return param


@pytest.fixture
def page_watch(hass_url: str) -> PageWatch:
    """The test's console errors and foreign requests (checked after the test)."""
    return PageWatch(hass_url)


@pytest.fixture
def context(
    browser: Browser,
    hass_api: HassApi,
    variant: Variant,
    page_watch: PageWatch,
    *,
    user: str,
    request: pytest.FixtureRequest,
) -> Iterator[BrowserContext]:
    """A fresh browser context, logged in as `user`, in the variant's language, theme and width.

    The language is the demo owner's setting: another user's frontend follows the browser's.
    """
    hass_api.ws("frontend/set_user_data", key="language", value=variant.language_user_data())
    auth_state = request.getfixturevalue("auth_state" if user == "admin" else f"{user}_auth_state")
    context = _new_context(browser, hass_api.base_url, variant, storage_state=auth_state)
    page_watch.attach(context)
    yield context
    context.close()


@pytest.fixture
def page(context: BrowserContext) -> Page:
    """A page of the test's context (not navigated yet: see `goto`)."""
    return context.new_page()


@pytest.fixture
def goto(page: Page, variant: Variant) -> Callable[[str], Page]:
    """Open a path of Home Assistant (``goto("/aime/journal")``) once its frontend is ready."""

    def open_path(path: str) -> Page:
        page.goto(path)
        wait_until_ready(page, language=variant.language, dark=variant.theme == "dark")
        # The panel's code and icons load after the connection: a screenshot would be blank.
        page.wait_for_load_state("networkidle")
        return page

    return open_path


@pytest.fixture
def screenshot(page: Page, variant: Variant, request: pytest.FixtureRequest) -> Callable[..., Path]:
    """``screenshot(name)``: a PNG of the page under the artifacts folder; its path."""

    def take(name: str, *, full_page: bool = False) -> Path:
        path = screenshot_path(request.node.name, name, variant)
        path.parent.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(path), full_page=full_page, animations="disabled")
        return path

    return take
