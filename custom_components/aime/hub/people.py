"""People: the Home Assistant persons (``person.*`` entities) who listen to each source.

Every source can be assigned to a person, or to nobody: the household. The assignments live
in the entries' options (keys in ``const.py``): a Last.fm account's ``listener``, a Roon
entry's ``zone_listeners`` (zone display name -> person), the hub's ``player_listeners``
(media player entity id -> person). Each source records its person on the plays it writes;
when an assignment changes, the plays already stored follow it (``async_assign``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from functools import partial
from typing import Any, Final

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.helpers.selector import EntitySelector, EntitySelectorConfig

from ..const import CONF_LISTENER, CONF_PLAYER_LISTENERS, CONF_ZONE_LISTENERS, DOMAIN
from ..core.models import Source
from .recording import SIGNAL_PLAYS_RECORDED
from .store_access import StoreAccess

PERSON_DOMAIN: Final = "person"


def person_selector() -> EntitySelector:
    """The options flows' field choosing a person (left empty: the household)."""
    return EntitySelector(EntitySelectorConfig(domain=PERSON_DOMAIN))


def listener_option(value: object) -> str | None:
    """A person's entity id as an option holds it; anything else is the household."""
    if isinstance(value, str) and value.startswith(f"{PERSON_DOMAIN}.") and len(value) > 7:
        return value
    return None


def listeners_option(value: object) -> dict[str, str]:
    """A mapping option (zone or player -> person), without its household entries."""
    if not isinstance(value, Mapping):
        return {}
    return {
        str(key): listener
        for key, given in value.items()
        if (listener := listener_option(given)) is not None
    }


def account_listener(entry: ConfigEntry[Any]) -> str | None:
    """The person an account entry (Last.fm) is assigned to; ``None``: the household."""
    return listener_option(entry.options.get(CONF_LISTENER))


def assigned_people(hass: HomeAssistant) -> set[str]:
    """The persons some source of some AIME entry is assigned to."""
    people: set[str] = set()
    for entry in hass.config_entries.async_entries(DOMAIN):
        options = entry.options
        if (person := listener_option(options.get(CONF_LISTENER))) is not None:
            people.add(person)
        for key in (CONF_ZONE_LISTENERS, CONF_PLAYER_LISTENERS):
            people.update(listeners_option(options.get(key)).values())
    return people


def person_of_user(hass: HomeAssistant, user_id: str | None) -> str | None:
    """The person whose Home Assistant user is ``user_id``, when there is one."""
    if not user_id:
        return None
    for state in hass.states.async_all(PERSON_DOMAIN):
        if state.attributes.get("user_id") == user_id:
            return state.entity_id
    return None


def person_name(hass: HomeAssistant, entity_id: str) -> str:
    """The person's name as Home Assistant shows it (the entity id once the person is gone)."""
    state = hass.states.get(entity_id)
    return str(state.attributes.get("friendly_name") or state.name) if state else entity_id


def person_json(hass: HomeAssistant, entity_id: str) -> dict[str, Any]:
    """A person for the panel's picker: entity id, name and picture (``None`` without one)."""
    state = hass.states.get(entity_id)
    picture = state.attributes.get("entity_picture") if state else None
    return {
        "entity_id": entity_id,
        "name": person_name(hass, entity_id),
        "picture": picture if isinstance(picture, str) and picture else None,
    }


def people_json(hass: HomeAssistant, people: Iterable[str]) -> list[dict[str, Any]]:
    """The persons, sorted by name (then id: two persons may share a name)."""
    found = [person_json(hass, person) for person in set(people)]
    return sorted(found, key=lambda person: (person["name"].casefold(), person["entity_id"]))


async def async_assign(
    hass: HomeAssistant,
    access: StoreAccess,
    source: Source,
    device: str | None,
    listener: str | None,
) -> int:
    """Give the stored plays of ``source`` on ``device`` to ``listener``; how many changed.

    The statistics refresh either way: a newly assigned person gets its sensors.
    """
    changed = await access.async_run(
        partial(access.store.assign_listener, source, device, listener)
    )
    async_dispatcher_send(hass, SIGNAL_PLAYS_RECORDED)
    return changed


def changed_assignments(
    before: Mapping[str, str], after: Mapping[str, str]
) -> dict[str, str | None]:
    """The keys (zones, players) whose person changed, with their new person."""
    return {
        key: after.get(key)
        for key in sorted(set(before) | set(after))
        if before.get(key) != after.get(key)
    }
