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
from custom_components.aime.core.migrations import CURRENT_VERSION
from custom_components.aime.core.models import PlayInput, Source

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
        options={**SECRETS, "language": "en"},
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
    for secret in SECRETS.values():
        assert secret not in text
