"""AIME's actions over Home Assistant's REST API: a refused action is HTTP 400 with its message.

Home Assistant 2026.10 maps ``ServiceValidationError`` to HTTP 400 and the translated message
(home-assistant/core#181590); before, any such refusal came back as a bare HTTP 500, so AIME's
refusals answer the same 400 and message themselves there (``exceptions.py``).
"""

from __future__ import annotations

from http import HTTPStatus
import json
from pathlib import Path
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator

from custom_components.aime.const import DOMAIN

# Cancelling a Last.fm import while no Last.fm account is set up: refused.
ACTION = f"/api/services/{DOMAIN}/cancel_lastfm_import"
ENGLISH = Path(__file__).parents[1] / "custom_components" / DOMAIN / "translations" / "en.json"


@pytest.fixture
async def client(
    hass: HomeAssistant, hass_client: ClientSessionGenerator, init_integration: MockConfigEntry
) -> Any:
    assert await async_setup_component(hass, "api", {})
    return await hass_client()


async def test_refused_action_is_http_400_with_its_message(client: Any) -> None:
    """The caller reads why, in words (the English translation), not a bare server error."""
    response = await client.post(ACTION, json={})
    assert response.status == HTTPStatus.BAD_REQUEST
    message = json.loads(ENGLISH.read_text(encoding="utf-8"))["exceptions"]["no_lastfm_entry"]
    assert (await response.json())["message"].rstrip(".") == message["message"].rstrip(".")
