"""``aime/endpoint_tokens``: the tokens' names and people for administrators, never a secret."""

from __future__ import annotations

from aiohttp.test_utils import TestClient
from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import WebSocketGenerator

from .conftest import ALICE, ALICE_TOKEN, HOUSEHOLD_TOKEN, VALIDATE, auth

# Home Assistant drops an exception message's final full stop.
ADMIN_SENTENCE = (
    "Only an administrator can do this: it changes what everyone in the home shares, "
    "or writes a file"
)


async def test_administrators_see_the_tokens_and_when_they_were_used(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    hub: MockConfigEntry,
    client: TestClient,
) -> None:
    await client.get(VALIDATE, headers=auth(ALICE_TOKEN))
    ws = await hass_ws_client(hass)
    await ws.send_json_auto_id({"type": "aime/endpoint_tokens"})
    answer = await ws.receive_json()
    assert answer["success"], answer
    result = answer["result"]
    assert (result["path"], result["entry_id"]) == ("/api/aime/listenbrainz", hub.entry_id)
    navidrome, jellyfin = result["tokens"]
    assert (navidrome["name"], navidrome["person"]) == ("Navidrome", ALICE)
    assert (jellyfin["name"], jellyfin["person"]) == ("Jellyfin", None)
    assert navidrome["created_at"]
    assert navidrome["last_used_at"]
    assert jellyfin["last_used_at"] is None
    text = str(result)
    assert ALICE_TOKEN not in text
    assert HOUSEHOLD_TOKEN not in text
    assert "digest" not in text


async def test_a_household_member_is_refused_in_a_sentence(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    hass_read_only_access_token: str,
    hub: MockConfigEntry,
) -> None:
    ws = await hass_ws_client(hass, hass_read_only_access_token)
    await ws.send_json_auto_id({"type": "aime/endpoint_tokens"})
    answer = await ws.receive_json()
    assert not answer["success"]
    error = answer["error"]
    assert (error["code"], error["translation_key"]) == ("unauthorized", "admin_required")
    assert ADMIN_SENTENCE in error["message"]
