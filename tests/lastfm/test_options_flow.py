"""A Last.fm account's options: its person, the plays that follow it, the next scrobbles."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path
import sqlite3

from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aime.const import CONF_LISTENER

from ..fakes.lastfm import FakeLastfm, FakeScrobble
from ..helpers.people import add_person
from ..test_people_household import lastfm_entry

pytestmark = pytest.mark.usefixtures("no_lastfm_pacing")

T0 = 1_700_000_000
ALICE = "person.alice"


@pytest.fixture
async def people(hass: HomeAssistant) -> None:
    """Alice and Bob are persons of Home Assistant."""
    await add_person(hass, "Alice")
    await add_person(hass, "Bob")


def _listeners(path: Path) -> list[str | None]:
    """Each stored play's person, oldest first."""
    with closing(sqlite3.connect(path)) as conn:
        return [
            row[0]
            for row in conn.execute(
                "SELECT l.entity_id FROM play p LEFT JOIN listener l ON l.id = p.listener_id "
                "ORDER BY p.played_at"
            )
        ]


# The form's scrobbling fields, saved with their defaults: nothing is scrobbled to the account.
NOT_SCROBBLING = {"scrobble_sources": [], "now_playing_updates": False}


async def _set_person(hass: HomeAssistant, entry: MockConfigEntry, person: str | None) -> None:
    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert result["type"] is FlowResultType.FORM
    fields = ["scan_interval", CONF_LISTENER, "scrobble_sources", "now_playing_updates"]
    assert [str(key) for key in result["data_schema"].schema] == fields
    answer = {"scan_interval": 60} | ({CONF_LISTENER: person} if person else {})
    result = await hass.config_entries.options.async_configure(result["flow_id"], answer)
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done(wait_background_tasks=True)


@pytest.mark.usefixtures("people", "init_integration")
async def test_the_only_account_takes_its_plays_along(
    hass: HomeAssistant, fake_lastfm: FakeLastfm, store_path: Path
) -> None:
    """Alone, the account's stored plays follow its person, there and back; the next
    scrobbles are the person's at once."""
    fake_lastfm.add_user("Alice")
    fake_lastfm.scrobble_many(
        "Alice", [FakeScrobble("Björk", f"Song {n}", None, T0 + n * 300) for n in range(3)]
    )
    entry = lastfm_entry(fake_lastfm, "Alice", ALICE)
    entry.add_to_hass(hass)
    hass.config_entries.async_update_entry(entry, options={"scan_interval": 60})
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert await hass.async_add_executor_job(_listeners, store_path) == [None] * 3

    await _set_person(hass, entry, ALICE)
    assert entry.options == {"scan_interval": 60, CONF_LISTENER: ALICE} | NOT_SCROBBLING
    assert await hass.async_add_executor_job(_listeners, store_path) == [ALICE] * 3

    fake_lastfm.scrobble_many("Alice", [FakeScrobble("Björk", "Hunter", None, T0 + 3600)])
    await entry.runtime_data.coordinator.async_refresh()
    await hass.async_block_till_done(wait_background_tasks=True)
    assert await hass.async_add_executor_job(_listeners, store_path) == [ALICE] * 4

    await _set_person(hass, entry, None)  # Emptied: the household's again.
    assert entry.options == {"scan_interval": 60} | NOT_SCROBBLING
    assert await hass.async_add_executor_job(_listeners, store_path) == [None] * 4


@pytest.mark.usefixtures("people", "init_integration")
async def test_with_two_accounts_stored_plays_stay(
    hass: HomeAssistant, fake_lastfm: FakeLastfm, store_path: Path
) -> None:
    """Last.fm plays do not say which account scrobbled them: with two accounts, a new person
    applies to the next scrobbles (and the account's newest one, read again) only."""
    fake_lastfm.add_user("Alice")
    fake_lastfm.add_user("Bob")
    fake_lastfm.scrobble_many("Alice", [FakeScrobble("Björk", "Jóga", None, T0)])
    fake_lastfm.scrobble_many("Bob", [FakeScrobble("Daft Punk", "Get Lucky", None, T0 + 600)])
    alice, bob = lastfm_entry(fake_lastfm, "Alice", ALICE), lastfm_entry(fake_lastfm, "Bob", ALICE)
    for entry in (alice, bob):
        entry.add_to_hass(hass)
        hass.config_entries.async_update_entry(entry, options={"scan_interval": 60})
        assert await hass.config_entries.async_setup(entry.entry_id)
        await hass.async_block_till_done(wait_background_tasks=True)

    await _set_person(hass, alice, ALICE)
    assert await hass.async_add_executor_job(_listeners, store_path) == [None, None]
    fake_lastfm.scrobble_many("Alice", [FakeScrobble("Björk", "Hunter", None, T0 + 1200)])
    await alice.runtime_data.coordinator.async_refresh()
    await hass.async_block_till_done(wait_background_tasks=True)
    # Her account polls from its own newest scrobble, read again: that play is hers too now.
    # Bob's play stays the household's.
    assert await hass.async_add_executor_job(_listeners, store_path) == [ALICE, None, ALICE]


@pytest.mark.usefixtures("people", "init_integration")
async def test_each_persons_account_polls_from_its_own_newest_play(
    hass: HomeAssistant, fake_lastfm: FakeLastfm, store_path: Path
) -> None:
    """Alice's phone scrobbles late, offline plays older than Bob's newest: they still come in,
    after a restart too (each person's account starts from that person's newest play)."""
    fake_lastfm.add_user("Alice")
    fake_lastfm.add_user("Bob")
    fake_lastfm.scrobble_many("Alice", [FakeScrobble("Björk", "Jóga", None, T0)])
    fake_lastfm.scrobble_many("Bob", [FakeScrobble("Daft Punk", "Get Lucky", None, T0 + 3600)])
    alice = lastfm_entry(fake_lastfm, "Alice", ALICE)
    bob = lastfm_entry(fake_lastfm, "Bob", "person.bob")
    for entry in (alice, bob):
        entry.add_to_hass(hass)
        assert await hass.config_entries.async_setup(entry.entry_id)
        await hass.async_block_till_done(wait_background_tasks=True)
    assert await hass.async_add_executor_job(_listeners, store_path) == [ALICE, "person.bob"]

    # Played offline between her last play and Bob's, sent when her phone came back.
    fake_lastfm.scrobble_many("Alice", [FakeScrobble("Björk", "Hunter", None, T0 + 600)])
    await alice.runtime_data.coordinator.async_refresh()
    await hass.async_block_till_done(wait_background_tasks=True)
    assert await hass.async_add_executor_job(_listeners, store_path) == [
        ALICE,
        ALICE,
        "person.bob",
    ]

    assert await hass.config_entries.async_reload(alice.entry_id)  # A restart of the account.
    await hass.async_block_till_done(wait_background_tasks=True)
    fake_lastfm.scrobble_many("Alice", [FakeScrobble("Björk", "Bachelorette", None, T0 + 1200)])
    await alice.runtime_data.coordinator.async_refresh()
    await hass.async_block_till_done(wait_background_tasks=True)
    assert await hass.async_add_executor_job(_listeners, store_path) == [
        ALICE,
        ALICE,
        ALICE,
        "person.bob",
    ]
