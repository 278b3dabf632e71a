"""One rule for who may change what: reads are open, changes to shared data and files are not.

The table below classifies every action; the registry must say the same. Each change is then
asked by a household member who is not an administrator over the websocket API (as the panel
does) and over REST (as a script does): refused with a translated sentence, no traceback in
the log, nothing changed. Administrators, automations and scripts (no user) get through.
"""

from __future__ import annotations

from http import HTTPStatus
import logging
from pathlib import Path
from typing import Any

from homeassistant.auth.const import GROUP_ID_USER
from homeassistant.auth.models import User
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import ServiceValidationError, Unauthorized
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, MockUser
from pytest_homeassistant_custom_component.typing import (
    ClientSessionGenerator,
    WebSocketGenerator,
)

from custom_components.aime.const import DOMAIN
from custom_components.aime.services import ACTIONS

from .helpers.hub_history import write_history

# Home Assistant drops an exception message's final full stop.
ADMIN_SENTENCE = (
    "Only an administrator can do this: it changes what everyone in the home shares, "
    "or writes a file"
)
# Every action: "open", "admin", or the fields that make one call a change. A new action
# must be classified here.
RULE: dict[str, str | tuple[str, ...]] = {
    "generate_playlist": "open",
    "play_playlist": "open",
    "transfer_zone": "open",
    "export_playlist": "admin",
    "delete_playlist": "admin",
    "rename_playlist": "admin",
    "sync_discogs": "admin",
    "enrich": "admin",
    "export": "admin",
    "import_lastfm_history": "admin",
    "cancel_lastfm_import": "admin",
    "retry_outbox": "admin",
    "set_loved": "admin",
    "import_aime_database": "admin",
    "cancel_aime_import": "admin",
    "import_spotify_history": "admin",
    "import_listenbrainz_export": "admin",
    "describe_album": ("force",),
    "write_haiku": ("force",),
    "recap": ("export",),
}
# A call of each change that gets past the schema (what answers once the check passed varies).
CHANGES: dict[str, dict[str, Any]] = {
    "export_playlist": {"playlist_id": 42},
    "delete_playlist": {"playlist_id": 42},
    "rename_playlist": {"playlist_id": 42, "name": "Mine now"},
    "sync_discogs": {},
    "enrich": {},
    "export": {"format": "json", "subject": "history"},
    "import_lastfm_history": {},
    "cancel_lastfm_import": {},
    "retry_outbox": {},
    "set_loved": {"track_id": 1, "loved": True},
    "import_aime_database": {"path": "aime/missing.db"},
    "cancel_aime_import": {},
    "import_spotify_history": {"path": "missing.zip"},
    "import_listenbrainz_export": {"path": "missing.zip"},
    "describe_album": {"album_id": 1, "force": True},
    "write_haiku": {"force": True},
    "recap": {"export": True},
}


def test_the_registry_follows_the_rule() -> None:
    """Each action declares what the table says; the table covers every action."""
    declared = {
        action.name: "admin" if action.admin_only else action.admin_when or "open"
        for action in ACTIONS
    }
    assert declared == RULE
    assert set(CHANGES) == {name for name, rule in RULE.items() if rule != "open"}


def _response(action: str) -> bool:
    return next(a for a in ACTIONS if a.name == action).response.value != "none"


async def _call(hass: HomeAssistant, action: str, user_id: str | None) -> Any:
    return await hass.services.async_call(
        DOMAIN,
        action,
        CHANGES[action],
        blocking=True,
        return_response=_response(action) or None,
        context=Context(user_id=user_id),
    )


@pytest.mark.usefixtures("init_integration")
@pytest.mark.parametrize("action", CHANGES)
async def test_a_household_member_changes_nothing_over_websocket(
    hass: HomeAssistant,
    hass_ws_client: WebSocketGenerator,
    hass_read_only_access_token: str,
    caplog: pytest.LogCaptureFixture,
    *,
    action: str,
    config_dir: Path,
) -> None:
    """The panel's way in: a translated refusal, no traceback, no file."""
    client = await hass_ws_client(hass, hass_read_only_access_token)
    caplog.set_level(logging.DEBUG, logger="homeassistant.components.websocket_api")
    caplog.clear()
    await client.send_json_auto_id(
        {
            "type": "call_service",
            "domain": DOMAIN,
            "service": action,
            "service_data": CHANGES[action],
            "return_response": _response(action),
        }
    )
    answer = await client.receive_json()
    assert not answer["success"]
    assert answer["error"]["translation_key"] == "admin_required"
    assert ADMIN_SENTENCE in answer["error"]["message"]
    assert "Unexpected exception" not in caplog.text
    assert "Traceback" not in "\n".join(
        r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING
    )
    assert not (config_dir / "aime" / "exports").exists()


@pytest.mark.usefixtures("init_integration")
@pytest.mark.parametrize("action", CHANGES)
async def test_a_household_member_changes_nothing_over_rest(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    hass_read_only_access_token: str,
    action: str,
    config_dir: Path,
) -> None:
    """A script with a member's token: 401 (or 400 with the sentence), nothing written."""
    client = await hass_client(hass_read_only_access_token)
    query = "?return_response" if _response(action) else ""
    response = await client.post(f"/api/services/{DOMAIN}/{action}{query}", json=CHANGES[action])
    assert response.status in {HTTPStatus.UNAUTHORIZED, HTTPStatus.BAD_REQUEST}
    if response.status == HTTPStatus.BAD_REQUEST:  # Releases answering validation errors first.
        assert (await response.json())["message"].startswith(ADMIN_SENTENCE)
    assert not (config_dir / "aime" / "exports").exists()


async def test_a_member_cannot_rename_or_delete_a_playlist(
    hass: HomeAssistant,
    mock_config_entry: MockConfigEntry,
    store_path: Path,
    hass_read_only_user: MockUser,
) -> None:
    """A member may make a playlist; it then keeps its name and stays."""
    await hass.async_add_executor_job(write_history, store_path)
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    made = await hass.services.async_call(
        DOMAIN,
        "generate_playlist",
        {"algorithm": "top_sessions", "name": "Ours"},
        blocking=True,
        return_response=True,
        context=Context(user_id=hass_read_only_user.id),
    )
    playlist_id = made["id"]
    for action, data in (
        ("rename_playlist", {"playlist_id": playlist_id, "name": "Mine"}),
        ("delete_playlist", {"playlist_id": playlist_id}),
    ):
        with pytest.raises(Unauthorized):
            await hass.services.async_call(
                DOMAIN, action, data, blocking=True, context=Context(user_id=hass_read_only_user.id)
            )
    store = mock_config_entry.runtime_data.store
    kept = await hass.async_add_executor_job(store.playlists.get, playlist_id)
    assert kept is not None
    assert kept.name == "Ours"


@pytest.mark.usefixtures("init_integration")
async def test_reading_stays_open_to_members(
    hass: HomeAssistant, hass_read_only_user: MockUser
) -> None:
    """A recap without a file, a text already written: no administrator needed."""
    recap = await hass.services.async_call(
        DOMAIN,
        "recap",
        {"notify": False},
        blocking=True,
        return_response=True,
        context=Context(user_id=hass_read_only_user.id),
    )
    assert recap is not None
    assert recap["export_path"] is None


@pytest.mark.usefixtures("init_integration")
@pytest.mark.parametrize("action", ["import_aime_database", "export", "export_playlist"])
async def test_plain_user_and_unknown_user_are_refused(
    hass: HomeAssistant, hass_owner_user: MockUser, action: str
) -> None:
    """A user outside the admin group, or a user id that no longer exists, is refused."""
    user: User = await hass.auth.async_create_user("Guest", group_ids=[GROUP_ID_USER])
    assert not user.is_admin
    with pytest.raises(Unauthorized):
        await _call(hass, action, user.id)
    with pytest.raises(Unauthorized):
        await _call(hass, action, "0123456789abcdef")


@pytest.mark.usefixtures("init_integration")
@pytest.mark.parametrize("user", ["admin", "automation"])
async def test_admin_and_automation_are_allowed(
    hass: HomeAssistant, hass_admin_user: MockUser, user: str, config_dir: Path
) -> None:
    """An administrator, or an automation (no user), reaches each action itself."""
    user_id = hass_admin_user.id if user == "admin" else None

    exported = await _call(hass, "export", user_id)
    assert Path(exported["path"]).parent == config_dir / "aime" / "exports"

    # Past the check, the actions' own validation answers.
    with pytest.raises(ServiceValidationError) as missing:
        await _call(hass, "import_aime_database", user_id)
    assert missing.value.translation_key == "aime_database_not_found"
    with pytest.raises(ServiceValidationError) as unknown:
        await _call(hass, "export_playlist", user_id)
    assert unknown.value.translation_key == "unknown_playlist"
