"""AIME's Roon players as Assist sees them: by entity id, or by the name the user says."""

from __future__ import annotations

import re

from homeassistant.const import Platform
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import async_get_platforms

from ..const import DOMAIN
from ..core.normalize import fold
from ..exceptions import validation_error
from ..roon.media_player import RoonZonePlayer

# Said before a room's name ("in the kitchen", "dans la cuisine"), never part of it.
_ARTICLES = re.compile(
    "^(?:(?:the|my|le|la|les|du|de la|ma|mon)\\s+|l['\u2019]\\s*)", re.IGNORECASE
)


def aime_players(hass: HomeAssistant) -> list[RoonZonePlayer]:
    """Every loaded AIME Roon player, in entity id order."""
    players = [
        entity
        for platform in async_get_platforms(hass, DOMAIN)
        if platform.domain == Platform.MEDIA_PLAYER
        for entity in platform.entities.values()
        if isinstance(entity, RoonZonePlayer)
    ]
    return sorted(players, key=lambda player: player.entity_id)


def player_name(hass: HomeAssistant, player: RoonZonePlayer) -> str:
    """The name the user sees: the entity's friendly name, else the Roon zone's."""
    if (state := hass.states.get(player.entity_id)) is not None and state.name:
        return state.name
    zone = player.zone
    return zone.display_name if zone is not None else player.entity_id


def find_zone(hass: HomeAssistant, spoken: str) -> RoonZonePlayer:
    """The player ``spoken`` names (entity id, player name or zone name), or a translated error."""
    players = aime_players(hass)
    for player in players:
        if player.entity_id == spoken.strip():
            return player
    wanted = _name_key(spoken)
    for player in players:
        zone = player.zone
        names = {player_name(hass, player), zone.display_name if zone is not None else ""}
        if wanted and wanted in {_name_key(name) for name in names if name}:
            return player
    raise validation_error(
        "assist_unknown_zone",
        {"zone": spoken, "zones": ", ".join(player_name(hass, p) for p in players) or "-"},
    )


def _name_key(name: str) -> str:
    return fold(_ARTICLES.sub("", name.strip()))
