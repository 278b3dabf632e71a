"""The hub with two endpoint tokens (Alice's Navidrome, the household's Jellyfin), and a client."""

from __future__ import annotations

from aiohttp.test_utils import TestClient
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.aime.const import CONF_ENDPOINT_TOKENS, DOMAIN
from custom_components.aime.scrobble_endpoint.tokens import token_record

ALICE_TOKEN = "5f0c6a64-3d8e-4d55-9d7b-2b1a4c8f0e11"
HOUSEHOLD_TOKEN = "0e8b7c2a-91f4-4b6a-8a0c-7f3d2e1b5a99"
ALICE = "person.alice"
SUBMIT = "/api/aime/listenbrainz/1/submit-listens"
VALIDATE = "/api/aime/listenbrainz/1/validate-token"


def auth(token: str) -> dict[str, str]:
    """ListenBrainz's authorization header."""
    return {"Authorization": f"Token {token}"}


@pytest.fixture
async def hub(hass: HomeAssistant) -> MockConfigEntry:
    """The hub, its options holding the two tokens' records (never the tokens)."""
    hass.states.async_set(ALICE, "home", {"friendly_name": "Alice"})
    records = [
        token_record(ALICE_TOKEN, "Navidrome", ALICE),
        token_record(HOUSEHOLD_TOKEN, "Jellyfin", None),
    ]
    entry = MockConfigEntry(
        domain=DOMAIN,
        unique_id=DOMAIN,
        title="AIME",
        data={},
        options={CONF_ENDPOINT_TOKENS: records},
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry


@pytest.fixture
async def client(hub: MockConfigEntry, hass_client_no_auth: ClientSessionGenerator) -> TestClient:
    """An HTTP client without a Home Assistant login: the endpoint checks its own tokens."""
    return await hass_client_no_auth()
