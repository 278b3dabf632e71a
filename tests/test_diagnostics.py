"""Tests for the AIME diagnostics."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry
from pytest_homeassistant_custom_component.components.diagnostics import (
    get_diagnostics_for_config_entry,
)
from pytest_homeassistant_custom_component.typing import ClientSessionGenerator
from syrupy.assertion import SnapshotAssertion
from syrupy.matchers import path_type

from custom_components.aime.const import DOMAIN
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.store.migrations import CURRENT_VERSION

from .fakes.lastfm import DEFAULT_API_KEY, FakeLastfm, FakeScrobble

SECRETS = {
    "api_key": "fake-api-key-1234",
    "api_secret": "fake-api-secret-5678",
    "shared_secret": "fake-shared-secret",
    "session_key": "fake-session-key",
    "token": "fake-token",
    "user_token": "fake-user-token",
    "client_secret": "fake-client-secret",
    "password": "fake-password",
    "username": "some-lastfm-user",
}
# Addresses: redacted by their key's name, whatever the field.
ADDRESSES = {
    "api_root": "http://lastfm.lan:8080/2.0/",
    "ai_base_url": "http://ollama.lan:11434/v1",
    "discogs_url": "http://discogs.lan:9000",
    "spotify_url": "http://spotify.lan:9001",
    "host": "roon-core.lan",
    "some_future_url": "http://future.lan",
}


async def test_diagnostics(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    snapshot: SnapshotAssertion,
) -> None:
    """Diagnostics show the store's figures and never a secret or a username."""
    entry = MockConfigEntry(
        domain=DOMAIN,
        unique_id=DOMAIN,
        title="AIME",
        data={"api_key": SECRETS["api_key"]},
        options={**SECRETS, **ADDRESSES, "language": "en"},
    )
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    plays = [
        PlayInput(
            title="So What",
            artist="Miles Davis",
            album="Kind of Blue",
            played_at=t,
            source=Source.LASTFM,
        )
        for t in (1_700_000_000, 1_700_000_600)
    ]
    await hass.async_add_executor_job(entry.runtime_data.store.ingest, plays)

    diagnostics = await get_diagnostics_for_config_entry(hass, hass_client, entry)

    # Both change with every migration: checked here rather than in the snapshot.
    figures = path_type({"store.database_size": (int,), "store.schema_version": (int,)})
    assert diagnostics == snapshot(matcher=figures)
    assert diagnostics["store"]["schema_version"] == CURRENT_VERSION
    assert diagnostics["store"]["database_size"] > 0
    text = str(diagnostics)
    for secret in (*SECRETS.values(), *ADDRESSES.values()):
        assert secret not in text


async def test_lastfm_diagnostics(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    fake_lastfm: FakeLastfm,
    lastfm_entry: MockConfigEntry,
    snapshot: SnapshotAssertion,
) -> None:
    """A Last.fm entry adds how polling and the import are doing, never the account or key."""
    fake_lastfm.scrobble_many(
        "Alice", [FakeScrobble("Miles Davis", "So What", None, 1_700_000_000)]
    )
    fake_lastfm.set_now_playing("Alice", "Miles Davis", "Freddie Freeloader")
    lastfm_entry.add_to_hass(hass)
    secrets = {key: SECRETS[key] for key in ("shared_secret", "session_key")}
    hass.config_entries.async_update_entry(lastfm_entry, data={**lastfm_entry.data, **secrets})
    assert await hass.config_entries.async_setup(lastfm_entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    await hass.services.async_call(
        DOMAIN, "import_lastfm_history", {"start": "2023-11-14"}, blocking=True
    )
    await hass.async_block_till_done(wait_background_tasks=True)

    diagnostics = await get_diagnostics_for_config_entry(hass, hass_client, lastfm_entry)

    figures = path_type(
        {
            "store.database_size": (int,),
            "store.schema_version": (int,),
            "lastfm.import.progress.start": (int,),
            "lastfm.import.progress.end": (int,),
        }
    )
    assert diagnostics == snapshot(matcher=figures)
    text = str(diagnostics)
    for secret in (DEFAULT_API_KEY, *secrets.values(), "Alice", "So What", "Freddie"):
        assert secret not in text


async def test_roon_diagnostics(
    hass: HomeAssistant,
    hass_client: ClientSessionGenerator,
    init_roon: MockConfigEntry,
    snapshot: SnapshotAssertion,
) -> None:
    """A Roon entry adds the connection and what each zone can do, never the token or names."""
    diagnostics = await get_diagnostics_for_config_entry(hass, hass_client, init_roon)

    figures = path_type(
        {
            "store.database_size": (int,),
            "store.schema_version": (int,),
            "entry.data.port": (int,),
        }
    )
    assert diagnostics == snapshot(matcher=figures)
    assert diagnostics["roon"]["available"] is True
    assert diagnostics["entry"]["data"]["token"] == "**REDACTED**"
    assert diagnostics["entry"]["data"]["host"] == "**REDACTED**"
    text = str(diagnostics)
    for zone in ("Living Room", "Kitchen", "Office", "127.0.0.1", "Fake Roon Core"):
        assert zone not in text
