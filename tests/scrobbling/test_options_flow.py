"""Scrobbling options: choosing a source asks Last.fm for write access (an external step)."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aime.const import CONF_SHARED_SECRET
from custom_components.aime.core.models import Source
from custom_components.aime.scrobbling import options_flow

from ..fakes.lastfm import DEFAULT_API_KEY, DEFAULT_SHARED_SECRET, FakeLastfm

pytestmark = pytest.mark.usefixtures("no_lastfm_pacing")


@pytest.fixture(autouse=True)
def quick_polls(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(options_flow, "AUTH_POLL_INTERVAL", 0.01)


async def _setup(hass: HomeAssistant, entry: MockConfigEntry, *, secret: bool = True) -> None:
    if secret:
        hass.config_entries.async_update_entry(
            entry, data={**entry.data, CONF_SHARED_SECRET: DEFAULT_SHARED_SECRET}
        )
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)


async def _choose_roon(hass: HomeAssistant, entry: MockConfigEntry) -> dict:  # type: ignore[type-arg]
    result = await hass.config_entries.options.async_init(entry.entry_id)
    return await hass.config_entries.options.async_configure(
        result["flow_id"], {"scan_interval": 60, "scrobble_sources": ["roon"]}
    )


async def test_approved_on_lastfm_then_scrobbling(
    hass: HomeAssistant, lastfm_entry: MockConfigEntry, fake_lastfm: FakeLastfm
) -> None:
    lastfm_entry.add_to_hass(hass)
    await _setup(hass, lastfm_entry)
    result = await _choose_roon(hass, lastfm_entry)
    assert result["type"] is FlowResultType.EXTERNAL_STEP
    (token,) = fake_lastfm.tokens
    assert result["url"] == f"{fake_lastfm.auth_url}?api_key={DEFAULT_API_KEY}&token={token}"

    fake_lastfm.web_user = "Alice"  # The user signs in and allows AIME on the page.
    fake_lastfm.approve(token, "Alice")
    await hass.async_block_till_done()
    result = await hass.config_entries.options.async_configure(result["flow_id"])
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()

    session_key = lastfm_entry.data["session_key"]
    assert fake_lastfm.sessions[session_key] == "alice"
    runtime = lastfm_entry.runtime_data
    assert runtime.client.session_key == session_key
    assert runtime.sender.route.sources == frozenset({Source.ROON})
    assert lastfm_entry.options["scrobble_sources"] == ["roon"]


async def test_approved_as_another_account(
    hass: HomeAssistant, lastfm_entry: MockConfigEntry, fake_lastfm: FakeLastfm
) -> None:
    fake_lastfm.add_user("Bob")
    lastfm_entry.add_to_hass(hass)
    await _setup(hass, lastfm_entry)
    result = await _choose_roon(hass, lastfm_entry)
    (token,) = fake_lastfm.tokens
    fake_lastfm.approve(token, "Bob")
    await hass.async_block_till_done()
    result = await hass.config_entries.options.async_configure(result["flow_id"])
    assert (result["type"], result["reason"]) == (FlowResultType.ABORT, "wrong_account")
    assert "session_key" not in lastfm_entry.data
    assert "scrobble_sources" not in lastfm_entry.options


async def test_no_shared_secret(hass: HomeAssistant, lastfm_entry: MockConfigEntry) -> None:
    lastfm_entry.add_to_hass(hass)
    await _setup(hass, lastfm_entry, secret=False)
    result = await _choose_roon(hass, lastfm_entry)
    assert (result["type"], result["reason"]) == (FlowResultType.ABORT, "shared_secret_required")
