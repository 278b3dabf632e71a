"""The endpoint over HTTP: ListenBrainz's answers, and nothing kept of any refused request."""

from __future__ import annotations

import json
import time
from typing import Any

from aiohttp.test_utils import TestClient
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aime.const import CONF_ENDPOINT_TOKENS
from custom_components.aime.core.models import Source
from custom_components.aime.core.stats.models import HistoryFilter, JournalEntry
from custom_components.aime.hub.now_playing import async_current_now_playing
from custom_components.aime.hub.runtime import HubRuntime
from custom_components.aime.scrobble_endpoint.rate_limit import REQUESTS_PER_WINDOW
from custom_components.aime.scrobble_endpoint.runtime import SCROBBLE_ENDPOINT
from custom_components.aime.scrobble_endpoint.submission import MAX_LISTEN_PAYLOAD_SIZE

from .conftest import ALICE_TOKEN, HOUSEHOLD_TOKEN, SUBMIT, VALIDATE, auth


def listen(title: str = "So What", at: int | None = None, **info: Any) -> dict[str, Any]:
    """One listen as clients send it."""
    metadata: dict[str, Any] = {
        "artist_name": "Miles Davis",
        "track_name": title,
        "release_name": "Kind of Blue",
    }
    if info:
        metadata["additional_info"] = info
    return {"listened_at": at or int(time.time()) - 600, "track_metadata": metadata}


async def journal(hass: HomeAssistant, hub: MockConfigEntry) -> list[JournalEntry]:
    runtime: HubRuntime = hub.runtime_data
    page = await hass.async_add_executor_job(runtime.store.stats.history, HistoryFilter(), 0, 500)
    return page.entries


async def post(client: TestClient, body: Any, token: str | None = ALICE_TOKEN) -> Any:
    data = body if isinstance(body, bytes | str) else json.dumps(body)
    headers = auth(token) if token else {}
    return await client.post(SUBMIT, data=data, headers=headers)


async def test_a_single_listen_is_recorded_once(
    hass: HomeAssistant, hub: MockConfigEntry, client: TestClient
) -> None:
    """Source "endpoint", the player the client names as zone; a resubmission adds nothing."""
    played = listen(media_player="Kitchen", duration_ms=545000)
    body = {"listen_type": "single", "payload": [played]}
    for _ in range(2):
        response = await post(client, body)
        assert response.status == 200
        assert await response.json() == {"status": "ok"}
        assert response.headers["X-RateLimit-Limit"] == str(REQUESTS_PER_WINDOW)
    [entry] = await journal(hass, hub)
    assert (entry.title, entry.artist, entry.album) == ("So What", "Miles Davis", "Kind of Blue")
    assert entry.source == Source.ENDPOINT.value
    assert entry.device == "Kitchen"
    assert entry.seconds == 545


async def test_an_import_records_every_listen_and_names_the_token_as_zone(
    hass: HomeAssistant, hub: MockConfigEntry, client: TestClient
) -> None:
    now = int(time.time())
    body = {
        "listen_type": "import",
        "payload": [listen(f"Track {n}", now - 3600 * (n + 1)) for n in range(30)],
    }
    response = await post(client, body, HOUSEHOLD_TOKEN)
    assert response.status == 200
    entries = await journal(hass, hub)
    assert len(entries) == 30
    assert {entry.device for entry in entries} == {"Jellyfin"}


async def test_playing_now_shows_and_keeps_nothing(
    hass: HomeAssistant, hub: MockConfigEntry, client: TestClient
) -> None:
    playing = listen("Blue in Green", submission_client="Navidrome")
    del playing["listened_at"]
    response = await post(client, {"listen_type": "playing_now", "payload": [playing]})
    assert response.status == 200
    now = async_current_now_playing(hass)
    assert now is not None
    assert (now.track, now.player, now.source) == ("Blue in Green", "Navidrome", Source.ENDPOINT)
    assert await journal(hass, hub) == []
    # The hub stopping takes what plays through the endpoint away.
    assert await hass.config_entries.async_unload(hub.entry_id)
    assert async_current_now_playing(hass) is None


async def test_right_to_left_and_long_names_are_kept_whole(
    hass: HomeAssistant, hub: MockConfigEntry, client: TestClient
) -> None:
    arabic = "أم كلثوم"
    title = "\u0627" * 1000  # Arabic alef, right to left
    body = {"listen_type": "single", "payload": [listen(title)]}
    body["payload"][0]["track_metadata"]["artist_name"] = arabic
    assert (await post(client, body)).status == 200
    [entry] = await journal(hass, hub)
    assert (entry.title, entry.artist) == (title, arabic)


GARBAGE: list[tuple[Any, str]] = [
    (b"not json", "Cannot parse JSON document."),
    (b"\xff\xfe\x00garbage", "Cannot parse JSON document."),
    (b"[" * 100_000 + b"]" * 100_000, "Cannot parse JSON document."),
    ([], "Invalid JSON document submitted."),
    ({"listen_type": "single"}, "JSON document does not contain any listens."),
    ({"listen_type": "loud", "payload": [listen()]}, "requires a valid listen_type"),
    ({"listen_type": "single", "payload": "x"}, "does not contain any listens"),
    ({"listen_type": "single", "payload": [listen(), listen()]}, "exactly one listen"),
    ({"listen_type": "single", "payload": [42]}, "Listen is empty"),
    ({"listen_type": "single", "payload": [{"listened_at": 1_700_000_000}]}, "track_metadata"),
    ({"listen_type": "single", "payload": [listen(7)]}, "track_name must be a single string"),
    ({"listen_type": "single", "payload": [listen("  ")]}, "track_name is empty"),
    ({"listen_type": "single", "payload": [listen("x" * 2000)]}, "longer than 1000 characters"),
    ({"listen_type": "single", "payload": [listen("nul\x00")]}, "contains a unicode null"),
    ({"listen_type": "single", "payload": [listen(at=1_000)]}, "listened_at is too low"),
    ({"listen_type": "single", "payload": [listen(at=2**40)]}, "listened_at is too high"),
    ({"listen_type": "single", "payload": [listen(duration="long")]}, "duration is invalid"),
    ({"listen_type": "single", "payload": [listen(duration=-3)]}, "duration is invalid"),
    ({"listen_type": "single", "payload": [listen(duration=1, duration_ms=1000)]}, "both"),
    ({"listen_type": "single", "payload": [listen(tags=["t"] * 51)]}, "more than 50 items"),
    ({"listen_type": "import", "payload": [listen()] * 1001}, "more than 1000 listens"),
    ({"listen_type": "single", "payload": [{**listen(), "user": "x"}]}, "may not contain the key"),
    ({"listen_type": "playing_now", "payload": [listen()]}, "may not contain the key listened_at"),
]


@pytest.mark.parametrize(("body", "message"), GARBAGE)
async def test_garbage_is_400_with_a_message_and_keeps_nothing(
    hass: HomeAssistant, hub: MockConfigEntry, client: TestClient, body: Any, message: str
) -> None:
    response = await post(client, body)
    assert response.status == 400
    answer = await response.json()
    assert answer["code"] == 400
    assert message in answer["error"]
    assert await journal(hass, hub) == []


async def test_one_bad_listen_refuses_the_whole_import(
    hass: HomeAssistant, hub: MockConfigEntry, client: TestClient
) -> None:
    body = {"listen_type": "import", "payload": [listen("Good"), listen(None)]}
    assert (await post(client, body)).status == 400
    assert await journal(hass, hub) == []


async def test_a_body_over_listenbrainz_size_is_413(
    hass: HomeAssistant, hub: MockConfigEntry, client: TestClient
) -> None:
    response = await post(client, b" " * (MAX_LISTEN_PAYLOAD_SIZE + 1))
    assert response.status == 413
    assert (await response.json())["code"] == 413
    assert await journal(hass, hub) == []


@pytest.mark.parametrize(
    "headers",
    [{}, {"Authorization": "Token nope"}, {"Authorization": f"Bearer {ALICE_TOKEN}"}],
)
async def test_a_missing_or_wrong_token_is_401_and_keeps_nothing(
    hass: HomeAssistant, hub: MockConfigEntry, client: TestClient, headers: dict[str, str]
) -> None:
    body = json.dumps({"listen_type": "single", "payload": [listen()]})
    response = await client.post(SUBMIT, data=body, headers=headers)
    assert response.status == 401
    assert (await response.json())["code"] == 401
    assert await journal(hass, hub) == []


async def test_submit_listens_never_reads_a_token_in_its_url(
    hass: HomeAssistant, hub: MockConfigEntry, client: TestClient
) -> None:
    body = json.dumps({"listen_type": "single", "payload": [listen()]})
    response = await client.post(SUBMIT, data=body, params={"token": ALICE_TOKEN})
    assert response.status == 401
    assert await journal(hass, hub) == []


async def test_validate_token_answers_like_listenbrainz(client: TestClient) -> None:
    valid = await (await client.get(VALIDATE, headers=auth(ALICE_TOKEN))).json()
    assert valid == {"code": 200, "message": "Token valid.", "valid": True, "user_name": "Alice"}
    household = await (await client.get(VALIDATE, params={"token": HOUSEHOLD_TOKEN})).json()
    assert household["user_name"] == "Jellyfin"
    invalid = await (await client.get(VALIDATE, headers=auth("nope"))).json()
    assert invalid == {"code": 200, "message": "Token invalid.", "valid": False}
    assert (await client.get(VALIDATE)).status == 401


async def test_a_revoked_token_is_refused_at_once(
    hass: HomeAssistant, hub: MockConfigEntry, client: TestClient
) -> None:
    records = [r for r in hub.options[CONF_ENDPOINT_TOKENS] if r["name"] != "Navidrome"]
    hass.config_entries.async_update_entry(hub, options={CONF_ENDPOINT_TOKENS: records})
    await hass.async_block_till_done()
    response = await post(client, {"listen_type": "single", "payload": [listen()]})
    assert response.status == 401
    assert await journal(hass, hub) == []
    valid = await (await client.get(VALIDATE, headers=auth(ALICE_TOKEN))).json()
    assert valid["valid"] is False


async def test_requests_over_the_limit_are_429_until_the_window_turns(
    hass: HomeAssistant, hub: MockConfigEntry, client: TestClient
) -> None:
    """Per token: the other token and the next window are served (the clock is the test's)."""
    limiter = hub.runtime_data.require(SCROBBLE_ENDPOINT).limiter
    moment = [1000.0]
    limiter.clock = lambda: moment[0]
    for _ in range(REQUESTS_PER_WINDOW):
        assert (await client.get(VALIDATE, headers=auth(ALICE_TOKEN))).status == 200
    refused = await post(client, {"listen_type": "single", "payload": [listen()]})
    assert refused.status == 429
    assert refused.headers["X-RateLimit-Remaining"] == "0"
    assert int(refused.headers["X-RateLimit-Reset-In"]) > 0
    assert (await refused.json())["code"] == 429
    assert await journal(hass, hub) == []
    assert (await client.get(VALIDATE, headers=auth(HOUSEHOLD_TOKEN))).status == 200
    moment[0] += limiter.window
    assert (await post(client, {"listen_type": "single", "payload": [listen()]})).status == 200


async def test_no_hub_is_503(hass: HomeAssistant, hub: MockConfigEntry, client: TestClient) -> None:
    assert await hass.config_entries.async_unload(hub.entry_id)
    response = await post(client, {"listen_type": "single", "payload": [listen()]})
    assert response.status == 503
    assert (await response.json())["code"] == 503
