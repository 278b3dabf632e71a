"""Actions that read or write files are for administrators, automations and scripts only."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from homeassistant.auth.const import GROUP_ID_USER
from homeassistant.auth.models import User
from homeassistant.core import Context, HomeAssistant
from homeassistant.exceptions import ServiceValidationError, Unauthorized
import pytest
from pytest_homeassistant_custom_component.common import MockUser

from custom_components.aime.const import DOMAIN
from custom_components.aime.services import ACTIONS

# Each file action with data that gets past the check; what answers once the check passed.
FILE_ACTIONS: dict[str, dict[str, Any]] = {
    "import_aime_database": {"path": "aime/missing.db"},
    "export": {"format": "json", "subject": "history"},
    "export_playlist": {"playlist_id": 42},
}


async def _call(hass: HomeAssistant, action: str, user_id: str | None) -> Any:
    return await hass.services.async_call(
        DOMAIN,
        action,
        FILE_ACTIONS[action],
        blocking=True,
        return_response=action != "export_playlist" or None,
        context=Context(user_id=user_id),
    )


def test_exactly_the_file_actions_are_admin_only() -> None:
    """The list above is the list of admin-only actions: a new file action joins it."""
    assert {action.name for action in ACTIONS if action.admin_only} == set(FILE_ACTIONS)


@pytest.mark.usefixtures("init_integration")
@pytest.mark.parametrize("action", FILE_ACTIONS)
async def test_read_only_user_is_refused(
    hass: HomeAssistant, hass_read_only_user: MockUser, action: str, config_dir: Path
) -> None:
    """A read-only user gets Unauthorized, and nothing is read or written."""
    with pytest.raises(Unauthorized):
        await _call(hass, action, hass_read_only_user.id)
    assert not (config_dir / "aime" / "exports").exists()


@pytest.mark.usefixtures("init_integration")
@pytest.mark.parametrize("action", FILE_ACTIONS)
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
    assert missing.value.translation_key != "unauthorized"
    with pytest.raises(ServiceValidationError) as unknown:
        await _call(hass, "export_playlist", user_id)
    assert unknown.value.translation_key == "unknown_playlist"
