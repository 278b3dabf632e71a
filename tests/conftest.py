"""Shared fixtures for the AIME tests."""

from __future__ import annotations

from collections.abc import AsyncGenerator, Generator
import logging
from pathlib import Path
from typing import Any
from unittest.mock import patch

from homeassistant.components.recorder.core import Recorder
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.syrupy import HomeAssistantSnapshotExtension
from syrupy.assertion import SnapshotAssertion
from syrupy.location import PyTestLocation

# Imported before the hass fixture so Home Assistant finds our custom integration.
import custom_components  # noqa: F401
from custom_components.aime.const import DOMAIN

from .fakes.discogs import FakeDiscogs
from .fakes.lastfm import FakeLastfm
from .fakes.listenbrainz import FakeListenBrainz
from .fakes.llm import FakeLLM
from .fakes.spotify import FakeSpotify

# The browser tests run apart, without this conftest nor Home Assistant's test plugin (see
# tests/browser/conftest.py and the "browser" step of scripts/test).
collect_ignore = ["browser"]
# The hub over the small Paris history and its websocket `ask` (tests/helpers/hub_ws.py).
pytest_plugins = ["tests.helpers.hub_ws"]

# The test plugin logs every SQL statement at INFO; the recorder's thread then prints them
# between test names. Statements are not what these tests look at.
logging.getLogger("sqlalchemy.engine").setLevel(logging.WARNING)


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations(
    recorder_mock: Recorder, enable_custom_integrations: None
) -> None:
    """Enable loading our integration (the recorder must be set up first)."""


@pytest.fixture(autouse=True)
def no_http_server() -> Generator[None]:
    """The panel makes AIME depend on ``http``: never bind a real port (tests use hass_client)."""
    with patch("homeassistant.components.http.HomeAssistantHTTP.start"):
        yield


@pytest.fixture(autouse=True)
def config_dir(hass: HomeAssistant, tmp_path: Path) -> Path:
    """Give each test its own configuration folder, so the store is written under tmp_path."""
    hass.config.config_dir = str(tmp_path)
    return tmp_path


class AimeSnapshotExtension(HomeAssistantSnapshotExtension):  # type: ignore[misc]
    """Keep snapshots next to the tests in ``snapshots/``, as Home Assistant core does.

    Newer releases serialise some things differently (registry aliases, attribute names), so
    each lane keeps its own: ``snapshots/pinned/`` and ``snapshots/current/`` (update each).
    """

    @classmethod
    def dirname(cls, *, test_location: PyTestLocation) -> str:
        from .helpers.ha_version import SNAPSHOT_LANE

        return str(Path(test_location.filepath).parent / "snapshots" / SNAPSHOT_LANE)


@pytest.fixture
def snapshot(snapshot: SnapshotAssertion) -> SnapshotAssertion:
    """Return the snapshot assertion with Home Assistant's serializer."""
    return snapshot.use_extension(AimeSnapshotExtension)


@pytest.fixture
def entity_registry_enabled_by_default() -> Generator[None]:
    """Enable every entity, including those disabled by default."""
    with patch(
        "homeassistant.helpers.entity.Entity.entity_registry_enabled_default",
        return_value=True,
    ):
        yield


@pytest.fixture
def mock_config_entry() -> MockConfigEntry:
    """Return the AIME hub entry, not yet added to Home Assistant."""
    return MockConfigEntry(domain=DOMAIN, unique_id=DOMAIN, title="AIME", data={})


@pytest.fixture
async def init_integration(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> MockConfigEntry:
    """Set up the AIME hub entry and return it."""
    mock_config_entry.add_to_hass(hass)
    await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    return mock_config_entry


@pytest.fixture
def store_path(config_dir: Path) -> Path:
    """Where AIME keeps its listening store in the test configuration folder."""
    return config_dir / "aime" / "aime.db"


@pytest.fixture
async def fake_lastfm(socket_enabled: None) -> AsyncGenerator[FakeLastfm]:
    """A fake Last.fm serving on 127.0.0.1 from the running (hass) loop; stopped afterwards."""
    fake = await FakeLastfm().start()
    try:
        yield fake
    finally:
        await fake.stop()


@pytest.fixture
async def fake_listenbrainz(socket_enabled: None) -> AsyncGenerator[FakeListenBrainz]:
    """A fake ListenBrainz on 127.0.0.1, on the running (hass) loop; stopped afterwards."""
    fake = await FakeListenBrainz().start()
    try:
        yield fake
    finally:
        await fake.stop()


@pytest.fixture
async def fake_llm(socket_enabled: None) -> AsyncGenerator[FakeLLM]:
    """A fake OpenAI-compatible endpoint on 127.0.0.1, on the running (hass) loop."""
    fake = await FakeLLM().start()
    try:
        yield fake
    finally:
        await fake.stop()


@pytest.fixture
async def fake_discogs(socket_enabled: None) -> AsyncGenerator[FakeDiscogs]:
    """A fake Discogs serving on 127.0.0.1 from the running (hass) loop; stopped afterwards."""
    fake = await FakeDiscogs().start()
    try:
        yield fake
    finally:
        await fake.stop()


@pytest.fixture
async def fake_spotify(socket_enabled: None) -> AsyncGenerator[FakeSpotify]:
    """A fake Spotify (token endpoint and Web API) on 127.0.0.1, on the running (hass) loop."""
    fake = await FakeSpotify().start()
    try:
        yield fake
    finally:
        await fake.stop()


# --- Last.fm entries (HA glue tests) -------------------------------------------------------


@pytest.fixture
def no_lastfm_pacing(monkeypatch: pytest.MonkeyPatch) -> None:
    """No waiting between Last.fm requests or before retries (the fake has no rate limit)."""
    from custom_components.aime.clients import lastfm as lastfm_client
    from custom_components.aime.lastfm import history_import as lastfm_import

    monkeypatch.setattr(lastfm_import, "REQUEST_INTERVAL", 0.0)
    monkeypatch.setattr(lastfm_import, "RETRY_DELAYS", (0.0, 0.0, 0.0))
    monkeypatch.setattr(lastfm_client, "LOVED_PAGE_INTERVAL", 0.0)


@pytest.fixture
def lastfm_entry(fake_lastfm: FakeLastfm) -> MockConfigEntry:
    """A Last.fm entry for the fake's user "Alice", not yet added to Home Assistant."""
    from custom_components.aime.const import CONF_API_ROOT, CONF_KIND, KIND_LASTFM
    from tests.fakes.lastfm import DEFAULT_API_KEY

    fake_lastfm.add_user("Alice")
    return MockConfigEntry(
        domain=DOMAIN,
        unique_id="lastfm_alice",
        title="Last.fm Alice",
        data={
            CONF_KIND: KIND_LASTFM,
            "username": "Alice",
            "api_key": DEFAULT_API_KEY,
            CONF_API_ROOT: fake_lastfm.api_root,
        },
        options={"scan_interval": 60},
    )


@pytest.fixture
async def init_lastfm(hass: HomeAssistant, lastfm_entry: MockConfigEntry) -> MockConfigEntry:
    """Set up the Last.fm entry (against the fake) and return it."""
    lastfm_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(lastfm_entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    return lastfm_entry


# --- Roon Core entries (HA glue tests) -----------------------------------------------------

ROON_TOKEN = "roon-test-token"


@pytest.fixture
async def fake_roon(hass: HomeAssistant, socket_enabled: None) -> AsyncGenerator[Any]:
    """A fake Roon Core on 127.0.0.1 (three zones) that knows ``ROON_TOKEN``; stopped after."""
    from tests.fakes.roon import FakeRoonCore

    core = await FakeRoonCore(valid_tokens={ROON_TOKEN}).start()
    try:
        yield core
    finally:
        await core.stop()


@pytest.fixture
def roon_entry(fake_roon: Any) -> MockConfigEntry:
    """The fake Core's entry, paired already, not yet added to Home Assistant."""
    from custom_components.aime.const import CONF_CORE_NAME, CONF_KIND, KIND_ROON
    from tests.fakes.roon import DEFAULT_CORE_ID, DEFAULT_CORE_NAME

    return MockConfigEntry(
        domain=DOMAIN,
        unique_id=DEFAULT_CORE_ID,
        title=DEFAULT_CORE_NAME,
        data={
            CONF_KIND: KIND_ROON,
            "host": "127.0.0.1",
            "port": fake_roon.port,
            "token": ROON_TOKEN,
            CONF_CORE_NAME: DEFAULT_CORE_NAME,
        },
        options={"radio_stations": []},
    )


@pytest.fixture
async def init_roon(
    hass: HomeAssistant, roon_entry: MockConfigEntry
) -> AsyncGenerator[MockConfigEntry]:
    """Set up the Roon entry against the fake Core; unloaded (threads joined) afterwards."""
    roon_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(roon_entry.entry_id)
    await hass.async_block_till_done()
    yield roon_entry
    await hass.config_entries.async_unload(roon_entry.entry_id)
