"""Persons of Home Assistant for the people tests (AIME's dependencies load ``person``)."""

from __future__ import annotations

from homeassistant.components import person
from homeassistant.core import HomeAssistant
from homeassistant.setup import async_setup_component


async def add_person(hass: HomeAssistant, name: str, user_id: str | None = None) -> str:
    """A person named ``name`` (of the user ``user_id``); its entity id."""
    assert await async_setup_component(hass, person.DOMAIN, {})
    await person.async_create_person(hass, name, user_id=user_id)
    await hass.async_block_till_done()
    return f"person.{name.casefold()}"
