"""The listening history in Home Assistant's long-term statistics, hour by hour, from its start.

The recorder is real (``recorder_mock``): figures are read back with
``statistics_during_period`` as the Statistics graph card reads them.
"""

from __future__ import annotations

import asyncio
from collections import Counter
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import asynccontextmanager, contextmanager
from datetime import date, datetime, timedelta
from functools import partial
from pathlib import Path
import random
import re
from typing import Any
from unittest.mock import patch
from zoneinfo import ZoneInfo

from freezegun.api import FrozenDateTimeFactory
from homeassistant.components.recorder.statistics import (
    async_add_external_statistics,
    get_metadata,
    statistics_during_period,
)
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant
from homeassistant.helpers import template
from homeassistant.helpers.dispatcher import async_dispatcher_send
from homeassistant.helpers.recorder import get_instance
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_time_changed
from pytest_homeassistant_custom_component.components.recorder.common import (
    async_wait_recording_done,
)
import yaml

from custom_components.aime.const import DOMAIN
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.store.store import Store
from custom_components.aime.hub.lookup import require_hub_store
from custom_components.aime.hub.recording import SIGNAL_PLAYS_RECORDED, async_record_plays
from custom_components.aime.stats import long_term_statistics as lts
from custom_components.aime.stats.long_term_statistics import (
    STATISTIC_LISTENING_TIME,
    STATISTIC_PLAYS,
    async_bulk_import,
)

from ..fakes.lastfm import FakeLastfm, FakeScrobble

PARIS_NAME = "Europe/Paris"
PARIS = ZoneInfo(PARIS_NAME)
NEW_YORK = ZoneInfo("America/New_York")
NOW = datetime(2025, 1, 15, 12, 20, tzinfo=PARIS)
HOUR = 3_600


def paris(*args: int, fold: int = 0) -> int:
    return int(datetime(*args, tzinfo=PARIS, fold=fold).timestamp())  # type: ignore[misc]


def two_years() -> list[PlayInput]:
    """Plays over 2023 and 2024, with some on both sides of each DST change and midnight."""
    rng = random.Random(7)
    start, span = paris(2023, 1, 1), paris(2025, 1, 1) - paris(2023, 1, 1)
    times = [start + rng.randrange(span) for _ in range(600)]
    times += [
        paris(2024, 3, 30, 23, 30),
        paris(2024, 3, 31, 0, 30),
        paris(2024, 3, 31, 1, 59),
        paris(2024, 3, 31, 3, 0),  # 2:00 does not exist that night
        paris(2024, 10, 26, 23, 59),
        paris(2024, 10, 27, 2, 30),
        paris(2024, 10, 27, 2, 30, fold=1),  # the second 2:30 of that night
        paris(2024, 10, 27, 23, 59),
    ]
    return [
        PlayInput(
            f"Track {index}",
            f"Artist {index % 9}",
            at,
            Source.LASTFM,
            f"Album {index % 13}",
            duration=120 + index % 300,
        )
        for index, at in enumerate(times)
    ]


HISTORY = two_years()


def write_history(path: Path, plays: list[PlayInput]) -> None:
    store = Store.open(path, time_zone=PARIS_NAME)
    try:
        store.ingest(plays)
    finally:
        store.close()


def per_day(plays: list[PlayInput], zone: ZoneInfo) -> tuple[Counter[date], Counter[date]]:
    """Plays and listened seconds per local day, recounted from the inputs."""
    counts: Counter[date] = Counter()
    seconds: Counter[date] = Counter()
    for play in plays:
        day = datetime.fromtimestamp(play.played_at, zone).date()
        counts[day] += 1
        seconds[day] += play.duration or 0
    return counts, seconds


async def recorded(
    hass: HomeAssistant, statistic_id: str, period: str, key: str = "change"
) -> dict[float, float]:
    """What the recorder answers a card: ``key`` per period start (epoch seconds)."""
    await async_wait_recording_done(hass)
    rows = await get_instance(hass).async_add_executor_job(
        statistics_during_period,
        hass,
        datetime(2020, 1, 1, tzinfo=PARIS),
        None,
        {statistic_id},
        period,
        None,
        {"change", "state", "sum"},
    )
    return {row["start"]: row[key] for row in rows.get(statistic_id, [])}  # type: ignore[literal-required]


def by_local_date(figures: dict[float, float], zone: ZoneInfo) -> dict[date, float]:
    return {datetime.fromtimestamp(start, zone).date(): value for start, value in figures.items()}


@contextmanager
def counting_sends() -> Iterator[list[int]]:
    """Hours handed to the recorder, per call (the recorder API still runs)."""
    sent: list[int] = []

    def spy(hass: HomeAssistant, metadata: Any, statistics: Any) -> None:
        statistics = list(statistics)
        if metadata["statistic_id"] == STATISTIC_PLAYS:
            sent.append(len(statistics))
        async_add_external_statistics(hass, metadata, statistics)

    with patch.object(lts, "async_add_external_statistics", spy):
        yield sent


@pytest.fixture
async def hub(
    hass: HomeAssistant,
    store_path: Path,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> MockConfigEntry:
    """The hub over two years of history it had before the recorder knew of it."""
    await hass.config.async_set_time_zone(PARIS_NAME)
    freezer.move_to(NOW)
    await hass.async_add_executor_job(write_history, store_path, HISTORY)
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)  # The catch-up sync.
    await async_wait_recording_done(hass)
    return mock_config_entry


@pytest.mark.usefixtures("hub")
async def test_set_up_imports_the_past_per_hour_and_local_day(hass: HomeAssistant) -> None:
    """Existing users get their past: each hour, and each Paris day across DST changes."""
    hours = await recorded(hass, STATISTIC_PLAYS, "hour", "state")
    assert hours == Counter(play.played_at // HOUR * HOUR for play in HISTORY)

    counts, seconds = per_day(HISTORY, PARIS)
    days = by_local_date(await recorded(hass, STATISTIC_PLAYS, "day"), PARIS)
    assert days == counts
    # The DST nights: 23 and 25 hours long, counted whole in their own day.
    assert days[date(2024, 3, 31)] >= 3
    assert days[date(2024, 10, 27)] >= 3
    listened = by_local_date(await recorded(hass, STATISTIC_LISTENING_TIME, "day"), PARIS)
    assert listened.keys() == seconds.keys()
    for day, value in listened.items():
        assert value == pytest.approx(seconds[day] / HOUR)

    months = await recorded(hass, STATISTIC_PLAYS, "month")
    assert sum(months.values()) == len(HISTORY)

    metadata = await get_instance(hass).async_add_executor_job(
        partial(get_metadata, hass, statistic_ids={STATISTIC_PLAYS, STATISTIC_LISTENING_TIME})
    )
    plays, listening = metadata[STATISTIC_PLAYS][1], metadata[STATISTIC_LISTENING_TIME][1]
    assert (plays["name"], plays["unit_of_measurement"]) == ("AIME plays", None)
    assert (listening["name"], listening["unit_of_measurement"]) == ("AIME listening time", "h")
    assert plays["source"] == listening["source"] == "aime"
    assert plays["has_sum"]
    assert listening["has_sum"]


async def test_resyncs_are_idempotent_and_send_only_changed_hours(
    hass: HomeAssistant, hub: MockConfigEntry
) -> None:
    """Sending everything again changes nothing; a restart sends only the last hour; an
    imported past play re-sends the hours from its own on, and counts once."""
    before = await recorded(hass, STATISTIC_PLAYS, "hour", "sum")
    statistics = hass.data[lts._KEY]
    with counting_sends() as sent:
        await statistics.async_sync(everything=True)
        assert await recorded(hass, STATISTIC_PLAYS, "hour", "sum") == before
        assert sum(sent) == len(before)

        sent.clear()
        assert await hass.config_entries.async_reload(hub.entry_id)
        await hass.async_block_till_done(wait_background_tasks=True)
        assert await recorded(hass, STATISTIC_PLAYS, "hour", "sum") == before
        assert sum(sent) == 1  # The recorder's last hour, checked equal: nothing else.

        sent.clear()
        past = PlayInput("Late", "Someone", paris(2024, 12, 1, 20, 15), Source.LASTFM, "X")
        await async_record_plays(hass, require_hub_store(hass), [past], announce=False)
        await hass.async_block_till_done(wait_background_tasks=True)  # The sync it asks for.
        await async_wait_recording_done(hass)
    later = [start for start in before if start >= past.played_at // HOUR * HOUR]
    assert sum(sent) == len(later) + 1  # Its own new hour too.
    after = await recorded(hass, STATISTIC_PLAYS, "hour", "sum")
    assert after[max(after)] == len(HISTORY) + 1
    assert (await recorded(hass, STATISTIC_PLAYS, "hour", "state"))[
        past.played_at // HOUR * HOUR
    ] == 1


@pytest.mark.usefixtures("hub")
async def test_a_live_play_adds_to_its_hour(hass: HomeAssistant) -> None:
    """The current hour is there as soon as the play is recorded: the graph is continuous."""
    play = PlayInput(
        "So What",
        "Miles Davis",
        int(NOW.timestamp()) - 300,
        Source.ROON,
        "Kind of Blue",
        duration=562,
    )
    await async_record_plays(hass, require_hub_store(hass), [play])
    await async_wait_recording_done(hass)

    hour = play.played_at // HOUR * HOUR
    assert (await recorded(hass, STATISTIC_PLAYS, "hour", "state"))[hour] == 1
    assert (await recorded(hass, STATISTIC_PLAYS, "hour", "sum"))[hour] == len(HISTORY) + 1
    assert (await recorded(hass, STATISTIC_LISTENING_TIME, "hour", "state"))[hour] == pytest.approx(
        562 / HOUR
    )


@pytest.mark.usefixtures("hub")
async def test_bulk_imports_send_their_past_hours_when_they_end(hass: HomeAssistant) -> None:
    """While an import runs, syncs keep to the recent hours; its hours come at its end."""
    # Of unknown length: the mean length, hence every running total, stays as it was.
    past = PlayInput("Old", "Someone", paris(2022, 6, 1, 8, 0), Source.LASTFM, "Y")
    hour = past.played_at // HOUR * HOUR
    async with async_bulk_import(hass):
        await async_record_plays(hass, require_hub_store(hass), [past], announce=False)
        await async_wait_recording_done(hass)
        assert hour not in await recorded(hass, STATISTIC_PLAYS, "hour", "state")
    await hass.async_block_till_done(wait_background_tasks=True)
    assert (await recorded(hass, STATISTIC_PLAYS, "hour", "state"))[hour] == 1
    sums = await recorded(hass, STATISTIC_PLAYS, "hour", "sum")
    assert sums[max(sums)] == len(HISTORY) + 1


@pytest.mark.usefixtures("hub")
async def test_a_bulk_import_moving_the_mean_length_resends_everything_once(
    hass: HomeAssistant,
) -> None:
    """A play of known length moves the mean length plays of unknown length count for: while
    the import runs, syncs still keep to the recent hours; its end sends every hour once."""
    before = await recorded(hass, STATISTIC_PLAYS, "hour", "sum")
    past = PlayInput("Long", "Someone", paris(2022, 6, 1, 8, 0), Source.ROON, "Y", duration=900)
    statistics = hass.data[lts._KEY]
    with counting_sends() as sent:
        async with async_bulk_import(hass):
            await async_record_plays(hass, require_hub_store(hass), [past], announce=False)
            await statistics.async_sync()
            assert sum(sent) <= lts.RECENT_HOURS + 1
            sent.clear()
        await hass.async_block_till_done(wait_background_tasks=True)
    assert sum(sent) == len(before) + 1  # Every hour again, the import's own included.
    sums = await recorded(hass, STATISTIC_PLAYS, "hour", "sum")
    assert sums[max(sums)] == len(HISTORY) + 1


@pytest.mark.usefixtures("hub")
async def test_a_time_zone_change_resends_everything(hass: HomeAssistant) -> None:
    """Days then follow the new home zone (the recorder builds them from the hours)."""
    with counting_sends() as sent:
        await hass.config.async_update(time_zone="America/New_York")
        await hass.async_block_till_done(wait_background_tasks=True)
        await async_wait_recording_done(hass)
    hours = await recorded(hass, STATISTIC_PLAYS, "hour", "state")
    assert sum(sent) == len(hours)
    days = by_local_date(await recorded(hass, STATISTIC_PLAYS, "day"), NEW_YORK)
    assert days == per_day(HISTORY, NEW_YORK)[0]


async def test_unload_stops_the_timers(
    hass: HomeAssistant, hub: MockConfigEntry, freezer: FrozenDateTimeFactory
) -> None:
    """After the hub unloads, neither plays nor the clock send anything."""
    assert await hass.config_entries.async_unload(hub.entry_id)
    await hass.async_block_till_done()
    assert lts._KEY not in hass.data
    with counting_sends() as sent:
        async_dispatcher_send(hass, SIGNAL_PLAYS_RECORDED)
        freezer.tick(timedelta(hours=2))
        async_fire_time_changed(hass)
        await hass.async_block_till_done()
    assert sent == []


@asynccontextmanager
async def _chunked_backfill(
    hass: HomeAssistant,
    store_path: Path,
    freezer: FrozenDateTimeFactory,
    before_wait: Callable[[], Awaitable[Any]],
) -> AsyncIterator[list[int]]:
    """Two years in the store, sent 100 hours per chunk: the hours of each chunk sent.

    ``before_wait`` is awaited each time the backfill waits for the recorder between chunks.
    """
    await hass.config.async_set_time_zone(PARIS_NAME)
    freezer.move_to(NOW)
    await hass.async_add_executor_job(write_history, store_path, HISTORY)
    recorder = get_instance(hass)
    wait_for_recorder = recorder.async_block_till_done

    async def waiting() -> None:
        await before_wait()
        await wait_for_recorder()

    with (
        counting_sends() as sent,
        patch.object(lts, "CHUNK_HOURS", 100),
        patch.object(lts, "CHUNK_PAUSE_SECONDS", 0),
        patch.object(recorder, "async_block_till_done", waiting),
    ):
        yield sent


async def _set_up_in_chunks(
    hass: HomeAssistant,
    store_path: Path,
    entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    on_wait: Callable[[], Any],
) -> list[int]:
    """Set the hub up over two years, 100 hours per chunk; the hours of each chunk sent.

    ``on_wait`` is called each time the backfill waits for the recorder between chunks.
    """

    async def note_wait() -> None:
        on_wait()

    async with _chunked_backfill(hass, store_path, freezer, note_wait) as sent:
        entry.add_to_hass(hass)
        assert await hass.config_entries.async_setup(entry.entry_id)
        await hass.async_block_till_done(wait_background_tasks=True)
    return sent


async def test_a_long_backfill_goes_one_chunk_at_a_time(
    hass: HomeAssistant,
    store_path: Path,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Years of hours reach the recorder in bounded chunks, each written before the next."""
    waits: list[int] = []
    sent = await _set_up_in_chunks(
        hass, store_path, mock_config_entry, freezer, lambda: waits.append(len(waits))
    )
    hours = Counter(play.played_at // HOUR * HOUR for play in HISTORY)
    assert sum(sent) == len(hours)
    assert max(sent) == 100
    assert len(sent) == len(waits) + 1
    assert await recorded(hass, STATISTIC_PLAYS, "hour", "state") == hours


async def test_unloading_stops_a_backfill_between_chunks(
    hass: HomeAssistant,
    store_path: Path,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The hub unloading during its backfill: the chunks left are not sent, nothing is logged."""
    unloading: list[bool] = []

    def unload() -> None:
        if mock_config_entry.state is ConfigEntryState.LOADED and not unloading:
            unloading.append(True)
            hass.async_create_task(hass.config_entries.async_unload(mock_config_entry.entry_id))

    sent = await _set_up_in_chunks(hass, store_path, mock_config_entry, freezer, unload)
    assert unloading
    assert sum(sent) < len({play.played_at // HOUR for play in HISTORY})
    assert mock_config_entry.state is ConfigEntryState.NOT_LOADED
    assert "could not be updated" not in caplog.text


@pytest.mark.timeout(120)
async def test_a_sync_asked_for_during_start_up_does_not_hold_it(
    hass: HomeAssistant,
    store_path: Path,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Plays recorded while Home Assistant starts ask for a sync that waits for the recorder,
    which starts only once Home Assistant has: Home Assistant's start-up (which waits for
    every task it tracks) must not wait for that sync."""
    recorder_started = asyncio.Event()
    async with _chunked_backfill(hass, store_path, freezer, recorder_started.wait) as sent:
        mock_config_entry.add_to_hass(hass)
        assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
        async_dispatcher_send(hass, SIGNAL_PLAYS_RECORDED)
        # Without the fix this never returns (the time is frozen): the timeout mark fails it.
        await hass.async_block_till_done()
        recorder_started.set()
        await hass.async_block_till_done(wait_background_tasks=True)
    hours = Counter(play.played_at // HOUR * HOUR for play in HISTORY)
    assert await recorded(hass, STATISTIC_PLAYS, "hour", "state") == hours
    assert sum(sent) >= len(hours)


def readme_cards(name: str) -> list[dict[str, Any]]:
    """Every card of the README's dashboard example."""
    text = (Path(__file__).resolve().parents[2] / name).read_text(encoding="utf-8")
    for block in re.findall(r"^```yaml\n(.*?)^```", text, re.MULTILINE | re.DOTALL):
        example = yaml.safe_load(block)
        if isinstance(example, list) and all("cards" in view for view in example):
            return [card for view in example for card in view["cards"]]
    raise AssertionError(f"{name} has no dashboard example")


@pytest.mark.parametrize(
    ("readme", "first"),
    [
        ("README.md", "1. **Miles Davis**: 12 plays"),
        ("README.fr.md", "1. **Miles Davis** : 12 écoutes"),
    ],
)
async def test_readme_dashboard(hass: HomeAssistant, readme: str, first: str) -> None:
    """The graphs plot the statistics AIME writes, per day, week or month; the top artists
    render one per line."""
    cards = readme_cards(readme)
    graphs = [card for card in cards if card["type"] == "statistics-graph"]
    assert {entity for card in graphs for entity in card["entities"]} == {
        STATISTIC_PLAYS,
        STATISTIC_LISTENING_TIME,
    }
    for card in graphs:
        assert card["stat_types"] == ["change"]
        assert card["chart_type"] == "bar"
        assert card["period"] in {"day", "week", "month"}

    (top,) = [card for card in cards if "top_artists" in card.get("content", "")]
    artists = [{"name": "Miles Davis", "plays": 12}, {"name": "Bill Evans", "plays": 7}]
    hass.states.async_set("sensor.aime_top_artist_7_days", "Miles Davis", {"top_artists": artists})
    lines = template.Template(top["content"], hass).async_render().splitlines()
    assert lines[0] == first
    assert lines[1].startswith("2. **Bill Evans**")
    hass.states.async_set("sensor.aime_top_artist_7_days", "unknown", {"top_artists": []})
    empty = template.Template(top["content"], hass).async_render().strip()
    assert empty in {"No plays in the last 7 days.", "Aucune écoute ces 7 derniers jours."}


@pytest.mark.usefixtures("hub", "no_lastfm_pacing")
async def test_a_lastfm_history_import_reaches_the_statistics(
    hass: HomeAssistant, fake_lastfm: FakeLastfm, lastfm_entry: MockConfigEntry
) -> None:
    """Scrobbles from 2022 imported through the fake Last.fm: their days are in the graph."""
    first = paris(2022, 5, 1, 22, 0)
    scrobbles = [
        FakeScrobble("Artist", f"Song {index}", None, first + 1_800 * index) for index in range(450)
    ]
    fake_lastfm.scrobble_many("Alice", scrobbles)
    lastfm_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(lastfm_entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    await hass.services.async_call(DOMAIN, "import_lastfm_history", {}, blocking=True)
    await hass.async_block_till_done(wait_background_tasks=True)

    expected = Counter(
        datetime.fromtimestamp(scrobble.played_at, PARIS).date() for scrobble in scrobbles
    )
    days = by_local_date(await recorded(hass, STATISTIC_PLAYS, "day"), PARIS)
    assert {day: days[day] for day in expected} == expected
    sums = await recorded(hass, STATISTIC_PLAYS, "hour", "sum")
    assert sums[max(sums)] == len(HISTORY) + len(scrobbles)
