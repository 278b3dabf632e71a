"""Every AIME action, registered once for the whole integration (each feature describes its own)."""

from __future__ import annotations

from homeassistant.core import HomeAssistant, callback

from .action import Action
from .ai.services import AI_ACTIONS
from .aime_import.history_services import HISTORY_IMPORT_ACTIONS
from .aime_import.services import AIME_IMPORT_ACTIONS
from .const import DOMAIN
from .enrichment.services import ENRICHMENT_ACTIONS
from .lastfm.love_action import LOVE_ACTIONS
from .lastfm.services import LASTFM_ACTIONS
from .playlists.services import PLAYLIST_ACTIONS
from .recap.services import RECAP_ACTIONS
from .roon.play_playlist import PLAY_PLAYLIST_ACTIONS
from .roon.services import ROON_ACTIONS
from .validation import ActionSchema

ACTIONS: tuple[Action, ...] = (
    *LASTFM_ACTIONS,
    *LOVE_ACTIONS,
    *ROON_ACTIONS,
    *PLAYLIST_ACTIONS,
    *PLAY_PLAYLIST_ACTIONS,
    *ENRICHMENT_ACTIONS,
    *AI_ACTIONS,
    *AIME_IMPORT_ACTIONS,
    *HISTORY_IMPORT_ACTIONS,
    *RECAP_ACTIONS,
)


@callback
def async_setup_services(hass: HomeAssistant) -> None:
    """Register the actions; each checks, when called, which entries are loaded.

    Every schema refusal becomes a translated validation error naming the field.
    """
    for action in ACTIONS:
        hass.services.async_register(
            DOMAIN,
            action.name,
            action.registered_handler(),
            schema=ActionSchema(action.schema),
            supports_response=action.response,
        )
