"""The hub options' endpoint steps: a token made for a person, shown once, kept hashed, revoked."""

from __future__ import annotations

from aiohttp.test_utils import TestClient
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aime.const import CONF_ENDPOINT_TOKENS
from custom_components.aime.scrobble_endpoint.tokens import token_digest

from .conftest import ALICE, VALIDATE, auth


async def _open(hass: HomeAssistant, entry: MockConfigEntry, step: str) -> dict:
    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": "scrobble_endpoint"}
    )
    assert result["type"] is FlowResultType.MENU
    assert "/api/aime/listenbrainz" in result["description_placeholders"]["url"]
    assert result["description_placeholders"]["tokens"] == "Navidrome (Alice), Jellyfin"
    return await hass.config_entries.options.async_configure(
        result["flow_id"], {"next_step_id": step}
    )


async def test_a_token_is_shown_once_and_kept_hashed(
    hass: HomeAssistant, hub: MockConfigEntry, client: TestClient
) -> None:
    result = await _open(hass, hub, "endpoint_token_create")
    refused = await hass.config_entries.options.async_configure(
        result["flow_id"], {"token_name": "   "}
    )
    assert refused["errors"] == {"token_name": "invalid_token_name"}
    shown = await hass.config_entries.options.async_configure(
        result["flow_id"], {"token_name": "Pano Scrobbler", "token_listener": ALICE}
    )
    assert shown["step_id"] == "endpoint_token_created"
    token = shown["description_placeholders"]["token"]
    # Not usable before the user goes on: closing the form would keep nothing.
    assert (await (await client.get(VALIDATE, headers=auth(token))).json())["valid"] is False
    done = await hass.config_entries.options.async_configure(shown["flow_id"], {})
    await hass.async_block_till_done()
    assert done["type"] is FlowResultType.CREATE_ENTRY
    record = hub.options[CONF_ENDPOINT_TOKENS][-1]
    assert record["digest"] == token_digest(token)
    assert token not in str(hub.options)
    assert (record["name"], record["listener"]) == ("Pano Scrobbler", ALICE)
    answer = await (await client.get(VALIDATE, headers=auth(token))).json()
    assert (answer["valid"], answer["user_name"]) == (True, "Alice")


async def test_tokens_are_revoked(hass: HomeAssistant, hub: MockConfigEntry) -> None:
    result = await _open(hass, hub, "endpoint_token_revoke")
    choices = result["data_schema"].schema["revoke"].config["options"]
    assert [choice["label"] for choice in choices] == ["Navidrome (Alice)", "Jellyfin"]
    await hass.config_entries.options.async_configure(
        result["flow_id"], {"revoke": [choices[0]["value"]]}
    )
    await hass.async_block_till_done()
    assert [record["name"] for record in hub.options[CONF_ENDPOINT_TOKENS]] == ["Jellyfin"]
