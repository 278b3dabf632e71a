"""``aime/outbox`` lists the outbox for every user; ``aime.retry_outbox`` queues failed rows."""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from custom_components.aime.const import (
    CONF_API_ROOT,
    CONF_KIND,
    CONF_SCROBBLE_SOURCES,
    CONF_SESSION_KEY,
    CONF_SHARED_SECRET,
    DOMAIN,
    KIND_LASTFM,
)
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.outbox.rules import OutboxState
from custom_components.aime.hub.recording import async_record_plays

from ..fakes.lastfm import DEFAULT_API_KEY, DEFAULT_SHARED_SECRET, FakeLastfm

pytestmark = pytest.mark.usefixtures("no_lastfm_pacing")


@pytest.fixture
async def loaded(
    hass: HomeAssistant, init_integration: MockConfigEntry, fake_lastfm: FakeLastfm
) -> MockConfigEntry:
    """The hub, and Alice's Last.fm account taking Home Assistant players' plays."""
    fake_lastfm.add_user("Alice")
    entry = MockConfigEntry(
        domain=DOMAIN,
        unique_id="lastfm_alice",
        title="Last.fm Alice",
        data={
            CONF_KIND: KIND_LASTFM,
            "username": "Alice",
            "api_key": DEFAULT_API_KEY,
            CONF_SHARED_SECRET: DEFAULT_SHARED_SECRET,
            CONF_API_ROOT: fake_lastfm.api_root,
            CONF_SESSION_KEY: "revoked",  # Last.fm answers error 9: the plays fail
        },
        options={"scan_interval": 600, CONF_SCROBBLE_SOURCES: ["home_assistant"]},
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    return entry


async def _ask(hass_ws_client: WebSocketGenerator, hass: HomeAssistant, **msg: Any) -> Any:
    client = await hass_ws_client(hass)
    await client.send_json_auto_id({"type": "aime/outbox", **msg})
    return await client.receive_json()


async def test_failed_play_listed_with_its_reason_then_retried(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    loaded: MockConfigEntry,
    fake_lastfm: FakeLastfm,
) -> None:
    play = PlayInput("Words", "Low", int(fake_lastfm.clock()) - 600, Source.HOME_ASSISTANT)
    await async_record_plays(hass, loaded.runtime_data.access, [play])
    await loaded.runtime_data.sender.async_send_now()

    answer = await _ask(hass_ws_client, hass)
    assert answer["success"]
    assert answer["result"]["counts"][OutboxState.FAILED] == 1
    (item,) = answer["result"]["items"]
    assert (item["title"], item["state"], item["reason"], item["account"]) == (
        "Words", "failed", "auth", "alice")  # fmt: skip
    # The account, for the panel's counts and its retry button (the action's config_entry_id).
    (account,) = answer["result"]["accounts"]
    assert (account["account"], account["entry_id"]) == ("alice", loaded.entry_id)
    assert account["counts"][OutboxState.FAILED] == 1

    # Alice authorised AIME again: an administrator retries, the play goes.
    loaded.runtime_data.client.session_key = fake_lastfm.session_key_for("Alice")
    response = await hass.services.async_call(
        DOMAIN, "retry_outbox", {}, blocking=True, return_response=True
    )
    assert response == {"queued": 1}
    await hass.async_block_till_done(wait_background_tasks=True)
    answer = await _ask(hass_ws_client, hass, states=["sent"])
    assert [i["title"] for i in answer["result"]["items"]] == ["Words"]
    assert [s.title for s in fake_lastfm.user("Alice").scrobbles] == ["Words"]


async def test_bad_state_is_refused(
    hass: HomeAssistant, hass_ws_client: WebSocketGenerator, loaded: MockConfigEntry
) -> None:
    answer = await _ask(hass_ws_client, hass, states=["lost"])
    assert not answer["success"]
