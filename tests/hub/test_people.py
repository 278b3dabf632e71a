"""Who listens: the assignments read from the entries' options, the speaker's person, the
persons as the panel lists them."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry, MockUser

from custom_components.aime.const import (
    CONF_LISTENER,
    CONF_PLAYER_LISTENERS,
    CONF_ZONE_LISTENERS,
    DOMAIN,
)
from custom_components.aime.hub.people import (
    assigned_people,
    changed_assignments,
    listener_option,
    listeners_option,
    people_json,
    person_of_user,
)

from ..helpers.people import add_person


def test_options_hold_persons_only() -> None:
    """Anything but a person's entity id in the options is the household."""
    assert listener_option("person.alice") == "person.alice"
    assert [listener_option(value) for value in (None, "", "person.", "sensor.x", 3)] == [None] * 5
    assert listeners_option({"Kitchen": "person.bob", "Office": None, "Den": ""}) == {
        "Kitchen": "person.bob"
    }
    assert listeners_option(["person.bob"]) == {}


def test_changed_assignments() -> None:
    before = {"Kitchen": "person.bob", "Office": "person.alice"}
    after = {"Kitchen": "person.alice", "Den": "person.bob", "Office": "person.alice"}
    assert changed_assignments(before, after) == {"Den": "person.bob", "Kitchen": "person.alice"}
    assert changed_assignments(after, {}) == {
        "Den": None,
        "Kitchen": None,
        "Office": None,
    }


async def test_assigned_people_come_from_every_entry(hass: HomeAssistant) -> None:
    for options in (
        {CONF_LISTENER: "person.alice"},
        {CONF_ZONE_LISTENERS: {"Living Room": "person.bob", "Kitchen": None}},
        {CONF_PLAYER_LISTENERS: {"media_player.den": "person.carol"}},
        {CONF_LISTENER: "nobody"},
    ):
        MockConfigEntry(domain=DOMAIN, options=options).add_to_hass(hass)
    MockConfigEntry(domain="other", options={CONF_LISTENER: "person.dave"}).add_to_hass(hass)
    assert assigned_people(hass) == {"person.alice", "person.bob", "person.carol"}


async def test_the_speakers_person(
    hass: HomeAssistant, init_integration: MockConfigEntry, hass_admin_user: MockUser
) -> None:
    alice = await add_person(hass, "Alice", hass_admin_user.id)
    await add_person(hass, "Bob")
    assert person_of_user(hass, hass_admin_user.id) == alice
    assert person_of_user(hass, "someone else") is None
    assert person_of_user(hass, None) is None


async def test_people_by_name(hass: HomeAssistant, init_integration: MockConfigEntry) -> None:
    """Sorted by name; a person gone from Home Assistant is named by its entity id."""
    zoe = await add_person(hass, "Zoé")
    bob = await add_person(hass, "bob")
    assert people_json(hass, [zoe, "person.gone", bob, bob]) == [
        {"entity_id": bob, "name": "bob", "picture": None},
        {"entity_id": "person.gone", "name": "person.gone", "picture": None},
        {"entity_id": zoe, "name": "Zoé", "picture": None},
    ]
