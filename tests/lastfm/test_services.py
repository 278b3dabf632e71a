"""The Last.fm history import action, its checkpoint, progress sensor and notifications."""

from __future__ import annotations

from datetime import date, datetime, timedelta
import itertools
import time
from typing import Any

from homeassistant.components import persistent_notification
from homeassistant.config_entries import SOURCE_REAUTH, ConfigEntryState
from homeassistant.core import HomeAssistant, State, callback
from homeassistant.exceptions import ServiceValidationError
from homeassistant.util import dt as dt_util
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aime.const import DOMAIN
from custom_components.aime.core.models import Source
from custom_components.aime.lastfm.history_import import LastfmImporter

from ..fakes.lastfm import DEFAULT_API_KEY, FakeLastfm, FakeScrobble

T0 = 1_600_000_000  # 2020-09-13
PROGRESS = "sensor.last_fm_alice_history_import"
IMPORT = "import_lastfm_history"
CANCEL = "cancel_lastfm_import"


def _history(count: int, start: int = T0, step: int = 3600) -> list[FakeScrobble]:
    return [
        FakeScrobble(f"Artist {i % 29}", f"Song {i}", f"Album {i % 7}", start + i * step)
        for i in range(count)
    ]


def _importer(entry: MockConfigEntry) -> LastfmImporter:
    lastfm = entry.runtime_data
    return lastfm.importer


def _checkpoint_key(entry: MockConfigEntry) -> str:
    return f"aime.lastfm_import.{entry.entry_id}"


async def _count(
    hass: HomeAssistant, entry: MockConfigEntry, start: int = 0, end: int = 2**40
) -> int:
    store = entry.runtime_data.store
    return int(await hass.async_add_executor_job(store.count_plays, start, end, Source.LASTFM))


async def _call(hass: HomeAssistant, service: str, **data: Any) -> Any:
    return await hass.services.async_call(
        DOMAIN, service, data, blocking=True, return_response=service == IMPORT
    )


async def _finish(hass: HomeAssistant) -> None:
    await hass.async_block_till_done(wait_background_tasks=True)


@pytest.fixture
def notifications(hass: HomeAssistant) -> dict[str, persistent_notification.Notification]:
    """The persistent notifications currently shown."""
    shown: dict[str, persistent_notification.Notification] = {}

    @callback
    def _update(
        update_type: persistent_notification.UpdateType,
        changed: dict[str, persistent_notification.Notification],
    ) -> None:
        if update_type is persistent_notification.UpdateType.REMOVED:
            for key in changed:
                shown.pop(key, None)
        else:
            shown.update(changed)

    persistent_notification.async_register_callback(hass, _update)
    return shown


def _message(
    notifications: dict[str, persistent_notification.Notification], entry: MockConfigEntry
) -> str:
    return str(notifications[f"aime_lastfm_import_{entry.entry_id}"]["message"])


@pytest.fixture
async def alice(
    hass: HomeAssistant, fake_lastfm: FakeLastfm, lastfm_entry: MockConfigEntry
) -> MockConfigEntry:
    """Alice's 1,050 scrobbles (six pages) on the fake; her entry set up (newest 200 stored)."""
    fake_lastfm.scrobble_many("Alice", _history(1050))
    lastfm_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(lastfm_entry.entry_id)
    await _finish(hass)
    assert await _count(hass, lastfm_entry) == 200
    return lastfm_entry


@pytest.mark.usefixtures("no_lastfm_pacing")
async def test_full_history_import(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    alice: MockConfigEntry,
    hass_storage: dict[str, Any],
    notifications: dict[str, persistent_notification.Notification],
) -> None:
    """Every scrobble ends up stored; a second import adds nothing."""
    fake_lastfm.requests.clear()
    seen: list[State] = []
    _importer(alice).async_add_listener(lambda: seen.append(hass.states.get(PROGRESS)))

    before = dt_util.now()
    response = await _call(hass, IMPORT)
    assert response["status"] == "started"
    assert response["start"] is None
    end = dt_util.parse_datetime(response["end"])
    assert end is not None
    assert before.replace(microsecond=0) <= end <= dt_util.now()
    await _finish(hass)

    assert await _count(hass, alice) == 1050
    pages = [r["page"] for r in fake_lastfm.requests_for("user.getRecentTracks") if "to" in r]
    assert pages == ["1", "6", "5", "4", "3", "2", "1"]  # how many pages, then oldest first
    assert all(r["limit"] == "200" for r in fake_lastfm.requests_for("user.getRecentTracks"))
    assert _checkpoint_key(alice) not in hass_storage

    state = hass.states.get(PROGRESS)
    assert state.state == "100"
    assert state.attributes["status"] == "finished"
    assert state.attributes["plays_imported"] == 850
    assert state.attributes["eta"] is None
    running = [s for s in seen if s.attributes["status"] == "running"]
    percents = [int(s.state) for s in running]
    assert percents == sorted(percents)
    assert len(set(percents)) == len(percents) > 2
    assert isinstance(running[-1].attributes["eta"], datetime)

    message = _message(notifications, alice)
    assert "Scrobbles received: 1050" in message
    assert "New plays: 850" in message
    assert "Already recorded: 200" in message
    assert "Rejected: 0" in message
    assert "Last.fm reports 1050 scrobbles for the range, AIME holds 1050." in message
    title = notifications[f"aime_lastfm_import_{alice.entry_id}"]["title"]
    assert title == "Last.fm history import (Alice)"

    response = await _call(hass, IMPORT)
    await _finish(hass)
    assert await _count(hass, alice) == 1050
    message = _message(notifications, alice)
    assert "New plays: 0" in message
    assert "Already recorded: 1050" in message


@pytest.mark.usefixtures("no_lastfm_pacing")
async def test_import_between_dates(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    alice: MockConfigEntry,
    notifications: dict[str, persistent_notification.Notification],
) -> None:
    """From 00:00 local on the first day to 23:59:59 local on the last, both included."""
    first, last = date(2020, 9, 20), date(2020, 9, 22)
    start = dt_util.start_of_local_day(first)
    after = dt_util.start_of_local_day(last + timedelta(days=1))
    edges = [start - timedelta(seconds=1), start, after - timedelta(seconds=1), after]
    fake_lastfm.scrobble_many(
        "Alice",
        [FakeScrobble("Edge", f"Edge {i}", None, int(t.timestamp())) for i, t in enumerate(edges)],
    )
    fake_lastfm.requests.clear()

    response = await _call(hass, IMPORT, start="2020-09-20", end="2020-09-22")
    await _finish(hass)

    assert response == {
        "status": "started",
        "start": start.isoformat(),
        "end": (after - timedelta(seconds=1)).isoformat(),
    }
    request = fake_lastfm.requests_for("user.getRecentTracks")[0]
    assert request["from"] == str(int(start.timestamp()))
    assert request["to"] == str(int(after.timestamp()) - 1)
    in_range = await _count(hass, alice, int(start.timestamp()), int(after.timestamp()) - 1)
    expected = sum(
        1
        for scrobble in fake_lastfm.user("Alice").scrobbles
        if start.timestamp() <= scrobble.played_at < after.timestamp()
    )
    assert in_range == expected == 72 + 2
    # Outside the range only the first sync's newest page is stored.
    assert await _count(hass, alice) == 200 + 72 + 2
    message = _message(notifications, alice)
    assert "2020-09-20 – 2020-09-22" in message  # noqa: RUF001
    assert f"Last.fm reports {expected} scrobbles for the range, AIME holds {expected}." in message


@pytest.mark.usefixtures("no_lastfm_pacing")
async def test_end_today_means_now(hass: HomeAssistant, alice: MockConfigEntry) -> None:
    """An end date of today stops at the moment the import starts."""
    before = dt_util.now()
    response = await _call(hass, IMPORT, start="2020-09-13", end=dt_util.now().date().isoformat())
    await _finish(hass)
    end = dt_util.parse_datetime(response["end"])
    assert end is not None
    assert before.replace(microsecond=0) <= end <= dt_util.now()
    assert await _count(hass, alice) == 1050


async def test_requests_are_paced(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    alice: MockConfigEntry,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """At most five requests a second: page requests leave the loop at least 0.2 s apart.

    Stamped on the loop's clock when each request is handed to the executor (the pacer's own
    clock): how long the request then takes to reach the fake does not matter.
    """
    stamps: list[float] = []
    hand_over = hass.async_add_executor_job
    recent_page = _importer(alice)._client.recent_page

    def stamped(target: Any, *args: Any) -> Any:
        if getattr(target, "func", None) == recent_page:
            stamps.append(hass.loop.time())
        return hand_over(target, *args)

    monkeypatch.setattr(hass, "async_add_executor_job", stamped)
    await _call(hass, IMPORT, start="2020-09-13", end="2020-09-30")
    await _finish(hass)

    assert len(stamps) == 4  # how many pages, then three pages
    gaps = [later - earlier for earlier, later in itertools.pairwise(stamps)]
    # asyncio wakes a sleeper at most one clock resolution early.
    assert min(gaps) >= 0.2 - 1e-6


@pytest.mark.usefixtures("no_lastfm_pacing")
async def test_import_resumes_after_restart(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    alice: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """Unloaded mid-import, the entry resumes from its checkpoint when set up again."""
    importer = _importer(alice)

    @callback
    def _restart_after_two_pages() -> None:
        if importer.progress is not None and importer.progress.pages_done == 2:
            hass.async_create_task(hass.config_entries.async_reload(alice.entry_id))

    importer.async_add_listener(_restart_after_two_pages)
    response = await _call(hass, IMPORT)
    await _finish(hass)
    await _finish(hass)

    assert alice.state is ConfigEntryState.LOADED
    assert _importer(alice) is not importer
    assert await _count(hass, alice) == 1050
    assert _checkpoint_key(alice) not in hass_storage
    pages = [r["page"] for r in fake_lastfm.requests_for("user.getRecentTracks") if "to" in r]
    # Probe, 6, 5 (checkpointed), then after the restart 4 … 1, perhaps one page again.
    assert pages[:3] == ["1", "6", "5"]
    assert pages[-4:] == ["4", "3", "2", "1"]
    assert len(pages) <= 8
    end = str(int(dt_util.parse_datetime(response["end"]).timestamp()))  # type: ignore[union-attr]
    assert {r["to"] for r in fake_lastfm.requests_for("user.getRecentTracks") if "to" in r} == {end}


@pytest.mark.usefixtures("no_lastfm_pacing")
async def test_cancel(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    alice: MockConfigEntry,
    hass_storage: dict[str, Any],
    notifications: dict[str, persistent_notification.Notification],
) -> None:
    """Cancelling stops the import, forgets the checkpoint and says so."""
    importer = _importer(alice)

    @callback
    def _hold_the_second_page() -> None:
        if importer.progress is not None and importer.progress.pages_done == 1:
            fake_lastfm.hold()

    importer.async_add_listener(_hold_the_second_page)
    await _call(hass, IMPORT)
    while importer.progress is None or importer.progress.pages_done < 1:
        await hass.async_block_till_done()
        await _sleep(hass)
    assert _checkpoint_key(alice) in hass_storage
    # The second page's request is at the fake (held) before the cancel, whatever the load.
    while not [r for r in fake_lastfm.requests_for("user.getRecentTracks") if r.get("page") == "5"]:
        await _sleep(hass)

    await _call(hass, CANCEL)

    assert not importer.running
    assert _checkpoint_key(alice) not in hass_storage
    state = hass.states.get(PROGRESS)
    assert state.attributes["status"] == "cancelled"
    assert "cancelled after 1 of 6 pages" in _message(notifications, alice)

    fake_lastfm.release()
    fake_lastfm.requests.clear()
    assert await hass.config_entries.async_reload(alice.entry_id)
    await _finish(hass)
    assert not [r for r in fake_lastfm.requests_for("user.getRecentTracks") if "to" in r]

    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, CANCEL)
    assert err.value.translation_key == "import_not_running"


async def _sleep(hass: HomeAssistant) -> None:
    await hass.async_add_executor_job(time.sleep, 0.02)


@pytest.mark.usefixtures("no_lastfm_pacing")
async def test_pauses_after_repeated_failures_then_resumes(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    alice: MockConfigEntry,
    hass_storage: dict[str, Any],
    notifications: dict[str, persistent_notification.Notification],
) -> None:
    """A few retries, then a pause that keeps the checkpoint; the action resumes it."""
    fake_lastfm.http_error_next(500, times=2)
    fake_lastfm.fail_next(29)
    fake_lastfm.fail_next(11)

    await _call(hass, IMPORT)
    await _finish(hass)

    assert hass.states.get(PROGRESS).attributes["status"] == "paused"
    assert _checkpoint_key(alice) in hass_storage
    message = _message(notifications, alice)
    assert "paused after 0 of 0 pages" in message
    assert "error 11" in message
    assert len(fake_lastfm.requests_for("user.getRecentTracks")) == 1 + 4

    # Transient failures within the retries do not pause it.
    fake_lastfm.http_error_next(503, times=3)
    response = await _call(hass, IMPORT)
    assert response["status"] == "resumed"
    await _finish(hass)

    assert hass.states.get(PROGRESS).attributes["status"] == "finished"
    assert await _count(hass, alice) == 1050
    assert _checkpoint_key(alice) not in hass_storage


@pytest.mark.usefixtures("no_lastfm_pacing")
async def test_paused_import_resumes_at_setup(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    alice: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """A paused import keeps its checkpoint: the next start of the entry resumes it."""
    fake_lastfm.http_error_next(500, times=4)  # the first request and its three retries
    await _call(hass, IMPORT)
    await _finish(hass)
    assert hass.states.get(PROGRESS).attributes["status"] == "paused"

    assert await hass.config_entries.async_reload(alice.entry_id)
    await _finish(hass)

    assert hass.states.get(PROGRESS).attributes["status"] == "finished"
    assert await _count(hass, alice) == 1050
    assert _checkpoint_key(alice) not in hass_storage


@pytest.mark.usefixtures("no_lastfm_pacing")
async def test_refused_key_pauses_and_asks_for_a_new_one(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    alice: MockConfigEntry,
    hass_storage: dict[str, Any],
    notifications: dict[str, persistent_notification.Notification],
) -> None:
    """Error 10 mid-import: paused, checkpoint kept, re-authentication started."""
    importer = _importer(alice)

    @callback
    def _revoke_after_two_pages() -> None:
        if importer.progress is not None and importer.progress.pages_done == 2:
            fake_lastfm.revoke_key(DEFAULT_API_KEY)

    importer.async_add_listener(_revoke_after_two_pages)
    await _call(hass, IMPORT)
    await _finish(hass)

    assert importer.status == "paused"
    assert importer.progress is not None
    assert hass_storage[_checkpoint_key(alice)]["data"]["next_page"] == 4
    flows = hass.config_entries.flow.async_progress_by_handler(DOMAIN)
    assert [flow["context"]["source"] for flow in flows] == [SOURCE_REAUTH]
    assert "refused the API key" in _message(notifications, alice)

    # A new key: the entry reloads and the import carries on from its checkpoint.
    fake_lastfm.api_keys.add("new-key")
    result = await hass.config_entries.flow.async_configure(
        flows[0]["flow_id"], {"api_key": "new-key"}
    )
    assert result["reason"] == "reauth_successful"
    await _finish(hass)
    await _finish(hass)
    assert _importer(alice).status == "finished"
    assert await _count(hass, alice) == 1050
    assert _checkpoint_key(alice) not in hass_storage


@pytest.mark.usefixtures("no_lastfm_pacing")
async def test_checkpoint_of_another_account_is_dropped(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    lastfm_entry: MockConfigEntry,
    hass_storage: dict[str, Any],
) -> None:
    """A checkpoint left by the account the entry followed before is not resumed."""
    hass_storage[_checkpoint_key(lastfm_entry)] = {
        "version": 1,
        "key": _checkpoint_key(lastfm_entry),
        "data": {"username": "Bob", "start": 0, "end": T0, "total_pages": 3, "next_page": 2},
    }
    lastfm_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(lastfm_entry.entry_id)
    await _finish(hass)

    assert not [r for r in fake_lastfm.requests_for("user.getRecentTracks") if "to" in r]
    assert _checkpoint_key(lastfm_entry) not in hass_storage
    assert hass.states.get(PROGRESS).attributes["status"] == "idle"


@pytest.mark.usefixtures("no_lastfm_pacing")
async def test_empty_range(
    hass: HomeAssistant,
    alice: MockConfigEntry,
    notifications: dict[str, persistent_notification.Notification],
) -> None:
    """A range without scrobbles finishes at once."""
    await _call(hass, IMPORT, start="2019-01-01", end="2019-01-31")
    await _finish(hass)
    assert hass.states.get(PROGRESS).state == "100"
    assert "Last.fm reports 0 scrobbles for the range, AIME holds 0." in _message(
        notifications, alice
    )


@pytest.mark.usefixtures("no_lastfm_pacing")
async def test_already_running(
    hass: HomeAssistant, fake_lastfm: FakeLastfm, alice: MockConfigEntry
) -> None:
    """One import at a time per account."""
    fake_lastfm.delay = 0.3
    await _call(hass, IMPORT)
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, IMPORT, start="2020-01-01")
    assert err.value.translation_key == "import_already_running"
    await _call(hass, CANCEL, config_entry_id=alice.entry_id)


@pytest.mark.parametrize(
    ("data", "key"),
    [
        ({"start": "2021-05-02", "end": "2021-05-01"}, "start_after_end"),
        ({"start": "2099-01-01"}, "start_after_end"),
        ({"end": (dt_util.now().date() + timedelta(days=1)).isoformat()}, "end_in_future"),
        ({"config_entry_id": "no-such-entry"}, "entry_not_found"),
    ],
)
async def test_invalid_calls(
    hass: HomeAssistant, init_lastfm: MockConfigEntry, data: dict[str, str], key: str
) -> None:
    """Bad dates and unknown entries are refused with a translated message."""
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, IMPORT, **data)
    assert err.value.translation_domain == DOMAIN
    assert err.value.translation_key == key
    assert not _importer(init_lastfm).running


async def test_entry_checks(
    hass: HomeAssistant,
    fake_lastfm: FakeLastfm,
    init_integration: MockConfigEntry,
    lastfm_entry: MockConfigEntry,
) -> None:
    """The hub is not a Last.fm account; unloaded, missing or several accounts are refused."""

    async def _refused(key: str, **data: Any) -> None:
        with pytest.raises(ServiceValidationError) as err:
            await _call(hass, IMPORT, **data)
        assert err.value.translation_key == key

    await _refused("no_lastfm_entry")
    await _refused("entry_not_lastfm", config_entry_id=init_integration.entry_id)

    lastfm_entry.add_to_hass(hass)
    await _refused("entry_not_loaded", config_entry_id=lastfm_entry.entry_id)
    assert await hass.config_entries.async_setup(lastfm_entry.entry_id)
    await _finish(hass)

    fake_lastfm.add_user("Bob")
    bob = MockConfigEntry(
        domain=DOMAIN,
        unique_id="lastfm_bob",
        title="Last.fm Bob",
        data={**lastfm_entry.data, "username": "Bob"},
        options=dict(lastfm_entry.options),
    )
    bob.add_to_hass(hass)
    assert await hass.config_entries.async_setup(bob.entry_id)
    await _finish(hass)
    await _refused("several_lastfm_entries")
    with pytest.raises(ServiceValidationError) as err:
        await _call(hass, CANCEL)
    assert err.value.translation_key == "several_lastfm_entries"

    await _call(hass, IMPORT, config_entry_id=bob.entry_id)
    await _finish(hass)
    assert _importer(bob).status == "finished"
    assert _importer(lastfm_entry).status == "idle"


async def test_messages_are_translated(hass: HomeAssistant, init_lastfm: MockConfigEntry) -> None:
    """The refusal reaches the user as a sentence, not a key."""
    with pytest.raises(ServiceValidationError, match="start date is after the end date"):
        await _call(hass, IMPORT, start="2021-05-02", end="2021-05-01")


@pytest.mark.usefixtures("no_lastfm_pacing")
async def test_notification_in_the_users_language(
    hass: HomeAssistant,
    alice: MockConfigEntry,
    notifications: dict[str, persistent_notification.Notification],
) -> None:
    """The notification follows Home Assistant's language."""
    hass.config.language = "fr"
    await _call(hass, IMPORT, start="2020-09-13", end="2020-09-14")
    await _finish(hass)

    message = _message(notifications, alice)
    assert "Last.fm compte 43 scrobbles sur la période, AIME en conserve 43." in message
    title = notifications[f"aime_lastfm_import_{alice.entry_id}"]["title"]
    assert title == "Import de l’historique Last.fm (Alice)"  # noqa: RUF001
