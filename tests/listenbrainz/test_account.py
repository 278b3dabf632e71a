"""A ListenBrainz account against the fake: added by its token, history imported, then followed."""

from __future__ import annotations

from homeassistant.config_entries import ConfigEntryState
from homeassistant.const import CONF_TOKEN, CONF_USERNAME
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_capture_events

from custom_components.aime.const import (
    CONF_API_ROOT,
    CONF_KIND,
    CONF_LISTENER,
    CONF_NOW_PLAYING_UPDATES,
    CONF_SCROBBLE_SOURCES,
    DOMAIN,
    KIND_LISTENBRAINZ,
)
from custom_components.aime.core.models import Source
from custom_components.aime.hub.recording import EVENT_PLAY_RECORDED
from custom_components.aime.listenbrainz.runtime import ListenbrainzRuntime

from ..fakes.listenbrainz import FakeListen, FakeListenBrainz

TOKEN = "4c1e2f0a-5b6d-4e7f-8a9b-0c1d2e3f4a5b"
T0 = 1_600_000_000
COUNT = 2500  # three import pages of 1000


def _entry(fake: FakeListenBrainz, **options: str) -> MockConfigEntry:
    return MockConfigEntry(
        domain=DOMAIN,
        unique_id="listenbrainz_carol",
        title="ListenBrainz carol",
        data={
            CONF_KIND: KIND_LISTENBRAINZ,
            CONF_TOKEN: TOKEN,
            CONF_USERNAME: "carol",
            CONF_API_ROOT: fake.root_url,
        },
        options=options,
    )


async def _count(hass: HomeAssistant, entry: MockConfigEntry) -> int:
    runtime: ListenbrainzRuntime = entry.runtime_data
    return await hass.async_add_executor_job(
        runtime.store.count_plays, 0, 2**40, Source.LISTENBRAINZ
    )


async def test_the_account_is_added_by_its_token(
    hass: HomeAssistant, init_integration: MockConfigEntry, fake_listenbrainz: FakeListenBrainz
) -> None:
    fake_listenbrainz.add_user("carol", TOKEN)
    result = await hass.config_entries.flow.async_init(DOMAIN, context={"source": "user"})
    assert KIND_LISTENBRAINZ in result["menu_options"]
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"next_step_id": KIND_LISTENBRAINZ}
    )
    advanced = {"advanced_options": {CONF_API_ROOT: fake_listenbrainz.root_url}}
    refused = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_TOKEN: "nope", **advanced}
    )
    assert refused["errors"] == {"base": "invalid_listenbrainz_token"}
    done = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_TOKEN: f" {TOKEN} ", **advanced}
    )
    await hass.async_block_till_done(wait_background_tasks=True)
    assert done["type"] is FlowResultType.CREATE_ENTRY
    assert done["title"] == "ListenBrainz carol"
    assert done["data"][CONF_TOKEN] == TOKEN
    assert done["result"].state is ConfigEntryState.LOADED


async def test_history_is_imported_then_new_listens_followed(
    hass: HomeAssistant, init_integration: MockConfigEntry, fake_listenbrainz: FakeListenBrainz
) -> None:
    carol = fake_listenbrainz.add_user("carol", TOKEN)
    for n in range(COUNT):
        carol.add(FakeListen(T0 + 600 * n, f"Track {n}", "Fela Kuti", "Zombie"))
    hass.states.async_set("person.carol", "home")
    entry = _entry(fake_listenbrainz, **{CONF_LISTENER: "person.carol"})
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert await _count(hass, entry) == COUNT
    runtime: ListenbrainzRuntime = entry.runtime_data
    assert runtime.follower.import_done
    events = async_capture_events(hass, EVENT_PLAY_RECORDED)
    newest = T0 + 600 * COUNT
    for n in range(150):  # more than one poll page
        carol.add(FakeListen(newest + 300 * n, f"New {n}", "Fela Kuti"))
    await runtime.follower.async_poll()
    await runtime.follower.async_poll()  # nothing new: nothing twice
    assert await _count(hass, entry) == COUNT + 150
    assert len(events) == 150
    assert events[0].data["source"] == Source.LISTENBRAINZ.value


async def test_an_unreachable_listenbrainz_retries_and_a_restart_resumes(
    hass: HomeAssistant, init_integration: MockConfigEntry, fake_listenbrainz: FakeListenBrainz
) -> None:
    carol = fake_listenbrainz.add_user("carol", TOKEN)
    for n in range(1200):
        carol.add(FakeListen(T0 + 600 * n, f"Track {n}", "Fela Kuti"))
    entry = _entry(fake_listenbrainz)
    entry.add_to_hass(hass)
    fake_listenbrainz.fail_next(503, times=6)  # liblistenbrainz's retries, all failing
    assert not await hass.config_entries.async_setup(entry.entry_id)
    assert entry.state is ConfigEntryState.SETUP_RETRY
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert await _count(hass, entry) == 1200
    # Restarted: the import is not read again, only what is new since.
    carol.add(FakeListen(T0 + 600 * 1200, "New", "Fela Kuti"))
    fake_listenbrainz.reset()
    assert await hass.config_entries.async_reload(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    assert await _count(hass, entry) == 1201
    assert fake_listenbrainz.requests == 2  # validate-token, one page of the latest listens


async def test_a_refused_token_asks_for_a_new_one(
    hass: HomeAssistant, init_integration: MockConfigEntry, fake_listenbrainz: FakeListenBrainz
) -> None:
    fake_listenbrainz.add_user("carol", "another-token")
    entry = _entry(fake_listenbrainz)
    entry.add_to_hass(hass)
    assert not await hass.config_entries.async_setup(entry.entry_id)
    assert entry.state is ConfigEntryState.SETUP_ERROR
    [flow] = hass.config_entries.flow.async_progress()
    assert flow["step_id"] == "listenbrainz_reauth"
    done = await hass.config_entries.flow.async_configure(
        flow["flow_id"], {CONF_TOKEN: "another-token"}
    )
    assert done["reason"] == "reauth_successful"
    assert entry.data[CONF_TOKEN] == "another-token"


async def test_the_options_name_whose_listens_these_are(
    hass: HomeAssistant, init_integration: MockConfigEntry, fake_listenbrainz: FakeListenBrainz
) -> None:
    fake_listenbrainz.add_user("carol", TOKEN)
    entry = _entry(fake_listenbrainz)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    result = await hass.config_entries.options.async_init(entry.entry_id)
    assert result["step_id"] == "listenbrainz"
    await hass.config_entries.options.async_configure(
        result["flow_id"], {CONF_LISTENER: "person.carol"}
    )
    assert entry.options[CONF_LISTENER] == "person.carol"
    result = await hass.config_entries.options.async_init(entry.entry_id)
    await hass.config_entries.options.async_configure(result["flow_id"], {})
    assert CONF_LISTENER not in entry.options


async def test_the_options_choose_what_is_sent_to_the_account(
    hass: HomeAssistant, init_integration: MockConfigEntry, fake_listenbrainz: FakeListenBrainz
) -> None:
    """The token writes: sources are taken at once, no approval step; never its own listens."""
    fake_listenbrainz.add_user("carol", TOKEN)
    entry = _entry(fake_listenbrainz)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    result = await hass.config_entries.options.async_init(entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {CONF_SCROBBLE_SOURCES: ["roon", "endpoint"], CONF_NOW_PLAYING_UPDATES: True},
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    assert entry.options[CONF_SCROBBLE_SOURCES] == ["roon", "endpoint"]
    runtime: ListenbrainzRuntime = entry.runtime_data
    route = runtime.sender.route
    assert route.sources == frozenset({Source.ROON, Source.ENDPOINT})
    assert runtime.sender.now_playing
    assert route in runtime.store.outbox.routes
    assert not route.takes(Source.LISTENBRAINZ)
