"""The Discogs client: the real discogs_client library against the fake Discogs, over 127.0.0.1.

The suite installs discogs-client 2.3 (requirements_test.txt, as Home Assistant's ``discogs``
integration); the same tests pass with python3-discogs-client 2.10 on the path.

The fake runs on the hass loop; the blocking client runs in the executor, as in the integration.
Waiting is simulated: the client's sleep advances a clock the fake counts its window with.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
import socket
import threading
from typing import Any

from homeassistant.core import HomeAssistant
import pytest

from custom_components.aime.clients import discogs
from custom_components.aime.clients.discogs import (
    DiscogsAuthError,
    DiscogsClient,
    DiscogsConnectionError,
    DiscogsError,
    DiscogsIdentity,
    DiscogsRateLimitError,
    SyncPhase,
    SyncProgress,
    credit,
    record_format,
)
from custom_components.aime.core.enrichment.collection import CollectionEntry, RecordFormat

from ..fakes.discogs import DEFAULT_TOKEN, FakeDiscogs

USER = "alice"
COVER = "https://i.discogs.com/600/kind-of-blue.jpg"


class FakeClock:
    """Monotonic time shared by the fake and the client; sleeping advances it."""

    def __init__(self) -> None:
        self.now = 1000.0
        self.sleeps: list[float] = []
        self._lock = threading.Lock()

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        with self._lock:
            self.sleeps.append(round(seconds, 3))
            self.now += seconds


@pytest.fixture
def clock(fake_discogs: FakeDiscogs) -> FakeClock:
    clock = FakeClock()
    fake_discogs.clock = clock
    fake_discogs.add_user(USER)
    return clock


@pytest.fixture
def client(fake_discogs: FakeDiscogs, clock: FakeClock) -> DiscogsClient:
    return DiscogsClient(
        DEFAULT_TOKEN, base_url=fake_discogs.base_url, sleep=clock.sleep, clock=clock
    )


async def run[T](hass: HomeAssistant, call: Callable[[], T]) -> T:
    return await hass.async_add_executor_job(call)


def add_kind_of_blue(fake: FakeDiscogs) -> None:
    fake.add_master(5460, "Kind Of Blue", 1959)
    fake.add_release(
        1001,
        "Kind Of Blue",
        ["Miles Davis (2)"],
        year=2016,
        formats=[{"name": "Vinyl", "qty": "1", "descriptions": ["LP", "Album", "Reissue"]}],
        labels=["Columbia", "Not On Label (Miles Davis Self-released)", "Columbia", "Legacy (2)"],
        genres=["Jazz"],
        styles=["Modal", "Cool Jazz"],
        master_id=5460,
        cover=COVER,
    )
    fake.collect(USER, 1001, date_added="2024-01-02T10:11:12-08:00")


async def test_identity(hass: HomeAssistant, client: DiscogsClient) -> None:
    assert await run(hass, client.identity) == DiscogsIdentity(1, USER)
    assert repr(client).startswith("DiscogsClient(base_url='http://127.0.0.1:")
    assert DEFAULT_TOKEN not in repr(client)


async def test_bad_token(hass: HomeAssistant, fake_discogs: FakeDiscogs, clock: FakeClock) -> None:
    client = DiscogsClient("revoked", base_url=fake_discogs.base_url, sleep=clock.sleep)
    with pytest.raises(DiscogsAuthError, match="401"):
        await run(hass, client.identity)
    fake_discogs.error_next(403)
    with pytest.raises(DiscogsAuthError, match="403"):
        await run(hass, client.identity)


async def test_collection_maps_releases(
    hass: HomeAssistant, fake_discogs: FakeDiscogs, client: DiscogsClient
) -> None:
    """A release becomes a typed entry: credit, format, labels, years, cover, ids."""
    add_kind_of_blue(fake_discogs)
    fake_discogs.add_release(
        1002,
        "Ellington & Coltrane",
        [("Duke Ellington", "&"), "John Coltrane"],
        year=0,
        formats=[{"name": "CD", "qty": "1"}],
    )
    fake_discogs.collect(USER, 1002, date_added="2023-05-06T07:08:09")
    fake_discogs.add_release(1003, "Odd", ["Odd"], year={"bad": 1})  # type: ignore[arg-type]
    fake_discogs.collect(USER, 1003, date_added="not a date")
    fake_discogs.collect(USER, 1003, date_added="")

    entries = await run(hass, client.collection)

    kind_of_blue, ellington, odd, odd_again = entries
    assert (odd.pressing_year, odd.added_at, odd_again.added_at) == (None, None, None)
    assert odd.instance_id != odd_again.instance_id
    assert kind_of_blue == CollectionEntry(
        release_id=1001,
        title="Kind Of Blue",
        artist="Miles Davis",
        record_format=RecordFormat.VINYL,
        instance_id=kind_of_blue.instance_id,
        master_id=5460,
        labels=("Columbia", "Legacy"),
        genres=("Jazz",),
        styles=("Modal", "Cool Jazz"),
        pressing_year=2016,
        original_year=1959,
        cover_url=COVER,
        added_at=int(datetime(2024, 1, 2, 18, 11, 12, tzinfo=UTC).timestamp()),
    )
    assert kind_of_blue.instance_id
    assert ellington.artist == "Duke Ellington & John Coltrane"
    assert ellington.record_format is RecordFormat.CD
    assert (ellington.pressing_year, ellington.original_year, ellington.master_id) == (
        None,
        None,
        None,
    )
    assert ellington.cover_url is None  # Discogs' spacer image means "no image".
    assert ellington.added_at == int(datetime(2023, 5, 6, 7, 8, 9, tzinfo=UTC).timestamp())
    assert fake_discogs.paths("/masters") == ["/masters/5460"]


async def test_collection_pages_and_progress(
    hass: HomeAssistant, fake_discogs: FakeDiscogs, client: DiscogsClient
) -> None:
    """Every page of folder 0 ("All") is read, 100 at a time, with progress after each."""
    for index in range(230):
        fake_discogs.add_release(2000 + index, f"Album {index}", [f"Artist {index % 7}"])
        fake_discogs.collect(USER, 2000 + index, folder_id=1 + index % 2)
    fake_discogs.users[USER].folders[2] = "Jazz"
    progress: list[SyncProgress] = []

    entries = await run(hass, lambda: client.collection(progress=progress.append))

    assert len(entries) == 230
    assert len({entry.release_id for entry in entries}) == 230
    assert fake_discogs.paths("/users/alice/collection/folders/") == [
        f"/users/alice/collection/folders/0/releases?page={page}&per_page=100" for page in (1, 2, 3)
    ]
    assert progress == [
        SyncProgress(SyncPhase.RELEASES, 100, 230),
        SyncProgress(SyncPhase.RELEASES, 200, 230),
        SyncProgress(SyncPhase.RELEASES, 230, 230),
    ]


async def test_collection_without_all_folder(
    hass: HomeAssistant, fake_discogs: FakeDiscogs, client: DiscogsClient
) -> None:
    """Without folder 0 every folder is read."""
    fake_discogs.has_all_folder = False
    fake_discogs.users[USER].folders[2] = "Jazz"
    for release, folder in ((1, 1), (2, 2), (3, 2)):
        fake_discogs.add_release(release, f"Album {release}", ["Artist"])
        fake_discogs.collect(USER, release, folder_id=folder)

    entries = await run(hass, client.collection)

    assert sorted(entry.release_id for entry in entries) == [1, 2, 3]
    assert len(fake_discogs.paths("/users/alice/collection/folders/")) == 2


async def test_known_years_and_missing_masters(
    hass: HomeAssistant, fake_discogs: FakeDiscogs, client: DiscogsClient
) -> None:
    """Known original years are not fetched again; a deleted or yearless master gives none."""
    add_kind_of_blue(fake_discogs)
    fake_discogs.add_release(1003, "Gone", ["Someone"], master_id=404)
    fake_discogs.add_master(777, "Undated", 0)
    fake_discogs.add_release(1004, "Undated", ["Someone"], master_id=777)
    for release in (1003, 1004):
        fake_discogs.collect(USER, release)
    progress: list[SyncProgress] = []

    entries = await run(
        hass,
        lambda: client.collection(known_original_years={1001: 1958}, progress=progress.append),
    )

    assert [entry.original_year for entry in entries] == [1958, None, None]
    assert fake_discogs.paths("/masters") == ["/masters/404", "/masters/777"]
    assert progress[-2:] == [
        SyncProgress(SyncPhase.MASTERS, 1, 2),
        SyncProgress(SyncPhase.MASTERS, 2, 2),
    ]


async def test_pacing_from_rate_limit_headers(
    hass: HomeAssistant, fake_discogs: FakeDiscogs, client: DiscogsClient, clock: FakeClock
) -> None:
    """Near the limit the client spaces requests; exhausted, it waits for the window."""
    fake_discogs.rate_limit = 6
    for index in range(5):
        fake_discogs.add_master(100 + index, "M", 1970 + index)
        fake_discogs.add_release(index + 1, f"Album {index}", ["Artist"], master_id=100 + index)
        fake_discogs.collect(USER, index + 1)

    entries = await run(hass, client.collection)

    # identity, user, folders, page 1, then 5 masters: 9 requests with a limit of 6.
    assert [entry.original_year for entry in entries] == [1970, 1971, 1972, 1973, 1974]
    assert len(fake_discogs.requests) == 9  # None refused.
    # Spaced by 60 s / 6 near the limit; exhausted at t+20, wait until t+60 frees the window.
    assert clock.sleeps == [10.0, 10.0, 40.0, 10.0]
    assert client.rate_limit_remaining == 2


async def test_429_is_retried_then_raised(
    hass: HomeAssistant, fake_discogs: FakeDiscogs, client: DiscogsClient, clock: FakeClock
) -> None:
    """A 429 is retried after the back-off delays; still limited after them, it is raised."""
    fake_discogs.throttle_next(2)
    assert (await run(hass, client.identity)).username == USER
    assert clock.sleeps == list(discogs.RETRY_DELAYS[:2])

    fake_discogs.throttle_next(len(discogs.RETRY_DELAYS) + 1)
    with pytest.raises(DiscogsRateLimitError, match="too quickly"):
        await run(hass, client.identity)


async def test_rate_limit_during_masters_keeps_the_releases(
    hass: HomeAssistant, fake_discogs: FakeDiscogs, client: DiscogsClient
) -> None:
    """Original years are optional: a rate limit while fetching them ends that phase only."""
    add_kind_of_blue(fake_discogs)

    def throttle_after_releases(progress: SyncProgress) -> None:
        if progress.phase is SyncPhase.RELEASES:
            fake_discogs.throttle_next(len(discogs.RETRY_DELAYS) + 1)

    entries = await run(hass, lambda: client.collection(progress=throttle_after_releases))

    assert [(entry.release_id, entry.original_year) for entry in entries] == [(1001, None)]


@pytest.mark.parametrize(
    ("failure", "error"),
    [
        (lambda fake: fake.error_next(500), DiscogsConnectionError),
        (lambda fake: fake.error_next(502), DiscogsConnectionError),
        (lambda fake: fake.error_next(400), DiscogsError),
        (lambda fake: fake.malformed_next(), DiscogsConnectionError),
    ],
)
async def test_errors_are_translated(
    hass: HomeAssistant,
    fake_discogs: FakeDiscogs,
    client: DiscogsClient,
    failure: Callable[[FakeDiscogs], None],
    error: type[Exception],
) -> None:
    failure(fake_discogs)
    with pytest.raises(error) as raised:
        await run(hass, client.collection)
    assert type(raised.value) is error


async def test_unreachable_server(hass: HomeAssistant, fake_discogs: FakeDiscogs) -> None:
    base_url = fake_discogs.base_url
    await fake_discogs.stop()
    client = DiscogsClient(DEFAULT_TOKEN, base_url=base_url)
    with pytest.raises(DiscogsConnectionError, match="ConnectionError") as raised:
        await run(hass, client.identity)
    # requests quotes the URL (token included) in its message; users see this error.
    assert DEFAULT_TOKEN not in str(raised.value)
    assert raised.value.__cause__ is None
    assert raised.value.__suppress_context__


async def test_silent_server_times_out(
    hass: HomeAssistant, socket_enabled: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A server that accepts and never answers ends the call at the read timeout."""
    monkeypatch.setattr(discogs, "READ_TIMEOUT", 0.2)
    with socket.create_server(("127.0.0.1", 0)) as silent:
        port = silent.getsockname()[1]
        client = DiscogsClient(DEFAULT_TOKEN, base_url=f"http://127.0.0.1:{port}")
        with pytest.raises(DiscogsConnectionError, match="ReadTimeout") as raised:
            await run(hass, client.identity)
    assert DEFAULT_TOKEN not in str(raised.value)


async def test_malformed_page(
    hass: HomeAssistant, fake_discogs: FakeDiscogs, client: DiscogsClient
) -> None:
    """A reply missing what the library expects is a malformed reply, not a crash."""
    fake_discogs.add_release(1, "Album", ["Artist"])
    fake_discogs.collect(USER, 1)
    fake_discogs.releases[1]["artists"] = "Artist"
    with pytest.raises(DiscogsConnectionError, match="malformed reply"):
        await run(hass, client.collection)


@pytest.mark.parametrize(
    ("formats", "expected"),
    [
        ([{"name": "Vinyl", "descriptions": ["LP"]}], RecordFormat.VINYL),
        ([{"name": "Box Set"}, {"name": "Vinyl", "qty": "5"}], RecordFormat.BOX_SET),
        ([{"name": "CD", "descriptions": ["Album", "Box Set"]}], RecordFormat.BOX_SET),
        ([{"name": "All Media"}, {"name": "CD"}, {"name": "DVD"}], RecordFormat.CD),
        ([{"name": "SACD"}], RecordFormat.CD),
        ([{"name": "Cassette"}], RecordFormat.CASSETTE),
        ([{"name": "File", "descriptions": ["FLAC"]}], RecordFormat.DIGITAL),
        ([{"name": "Flexi-disc"}], RecordFormat.VINYL),
        ([{"name": "DVD"}], RecordFormat.OTHER),
        ([], RecordFormat.OTHER),
    ],
)
def test_record_format(formats: list[dict[str, Any]], expected: RecordFormat) -> None:
    assert record_format(formats) is expected


@pytest.mark.parametrize(
    ("artists", "expected"),
    [
        ([{"name": "Cream (2)", "join": ""}], "Cream"),
        ([{"name": "Various", "join": ""}], "Various Artists"),
        ([{"name": "A", "join": ","}, {"name": "B", "join": "&"}, {"name": "C"}], "A, B & C"),
        ([{"name": "A", "join": "Featuring"}, {"name": "B"}], "A Featuring B"),
        ([{"name": "A", "join": ""}, {"name": "B"}], "A B"),
        ([], ""),
    ],
)
def test_credit(artists: list[dict[str, Any]], expected: str) -> None:
    assert credit(artists) == expected
