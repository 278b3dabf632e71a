"""The real liblistenbrainz client, pointed at the test Home Assistant, sends plays into AIME.

liblistenbrainz joins absolute paths (``/1/submit-listens``) to its API root, so it reaches the
endpoint's ``/1/...`` routes whatever path the root has; it runs requests synchronously, so it
runs in the executor while the loop serves it over a real socket.
"""

from __future__ import annotations

import time

from aiohttp.test_utils import TestClient
from homeassistant.core import HomeAssistant
import liblistenbrainz
from liblistenbrainz import errors
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aime.hub.now_playing import async_current_now_playing
from custom_components.aime.scrobble_endpoint.views import API_ROOT

from .conftest import ALICE_TOKEN
from .test_views import journal


@pytest.fixture
def api_root(client: TestClient, socket_enabled: None) -> str:
    """The endpoint's API root as a user types it in a client."""
    return str(client.make_url(API_ROOT))


def _client(api_root: str, token: str) -> liblistenbrainz.ListenBrainz:
    client = liblistenbrainz.ListenBrainz(api_base_url=api_root)
    client.set_auth_token(token)  # asks validate-token
    return client


async def test_liblistenbrainz_submits_listens_and_playing_now(
    hass: HomeAssistant, hub: MockConfigEntry, api_root: str
) -> None:
    client = await hass.async_add_executor_job(_client, api_root, ALICE_TOKEN)
    start = int(time.time()) - 3600
    listens = [
        liblistenbrainz.Listen(
            track_name=f"Track {n}",
            artist_name="Nina Simone",
            release_name="Pastel Blues",
            listened_at=start + 300 * n,
            tracknumber=n + 1,
            additional_info={"media_player": "Navidrome", "duration": 280},
        )
        for n in range(5)
    ]
    await hass.async_add_executor_job(client.submit_single_listen, listens[0])
    await hass.async_add_executor_job(client.submit_multiple_listens, listens)  # one again
    playing = liblistenbrainz.Listen(track_name="Sinnerman", artist_name="Nina Simone")
    answer = await hass.async_add_executor_job(client.submit_playing_now, playing)
    assert answer == {"status": "ok"}
    assert client.remaining_requests is not None
    entries = await journal(hass, hub)
    assert sorted(entry.title for entry in entries) == [f"Track {n}" for n in range(5)]
    assert {entry.device for entry in entries} == {"Navidrome"}
    now = async_current_now_playing(hass)
    assert now is not None
    assert now.track == "Sinnerman"


async def test_liblistenbrainz_is_told_a_wrong_token(
    hass: HomeAssistant, hub: MockConfigEntry, api_root: str
) -> None:
    with pytest.raises(errors.InvalidAuthTokenException):
        await hass.async_add_executor_job(_client, api_root, "not-a-token")
    client = liblistenbrainz.ListenBrainz(api_base_url=api_root)
    client.set_auth_token("not-a-token", check_validity=False)
    listen = liblistenbrainz.Listen("So What", "Miles Davis", listened_at=int(time.time()))
    with pytest.raises(errors.ListenBrainzAPIException) as refused:
        await hass.async_add_executor_job(client.submit_single_listen, listen)
    assert refused.value.status_code == 401
    assert await journal(hass, hub) == []
