"""The Scrobbling view: the outbox and the imports for everyone, the scrobbling endpoint's URL and
tokens for administrators only (a household member does not see the section, nor Retry/Cancel)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
import re

from playwright.sync_api import Page, expect
import pytest

from scripts.devhass.provision import DEMO_ENDPOINT_TOKEN_NAME


@pytest.mark.parametrize("user", ["admin", "non_admin"], indirect=True)
def test_scrobbling_view_shows_admin_parts_to_administrators_only(
    goto: Callable[[str], Page], screenshot: Callable[..., Path], user: str
) -> None:
    page = goto("/aime/scrobbling")
    expect(page.get_by_test_id("nav-scrobbling")).to_have_text("Scrobbling")
    expect(page.get_by_test_id("nav-scrobbling")).to_have_attribute("aria-current", "page")
    # The demo's two Last.fm accounts, each with its counts.
    expect(page.get_by_test_id("outbox-account").first).to_be_visible()
    expect(
        page.get_by_test_id("outbox-account").first.get_by_test_id("count-failed")
    ).to_be_visible()
    expect(page.get_by_test_id("imports")).to_be_visible()
    expect(page.get_by_test_id("imports-none")).to_be_visible()
    if user == "admin":
        endpoint = page.get_by_test_id("endpoint")
        expect(endpoint).to_be_visible()
        expect(page.get_by_test_id("endpoint-url")).to_contain_text("/api/aime/listenbrainz")
        token = page.get_by_test_id("endpoint-token").filter(has_text=DEMO_ENDPOINT_TOKEN_NAME)
        expect(token).to_contain_text("Household")
        # Tokens are made and revoked in the hub's options: the link opens its entry.
        expect(page.get_by_test_id("endpoint-manage")).to_have_attribute(
            "href", re.compile(r"^/config/integrations/integration/aime#config_entry=\w+$")
        )
    else:
        expect(page.get_by_test_id("endpoint")).to_have_count(0)
        expect(page.get_by_test_id("outbox-retry")).to_have_count(0)
        expect(page.get_by_test_id("import-cancel")).to_have_count(0)
    screenshot(user)
