"""Shared set-up for the enrichment tests: a hub whose options point at the fakes."""

from __future__ import annotations

from typing import Any

from homeassistant.core import HomeAssistant
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aime.const import (
    CONF_DISCOGS_TOKEN,
    CONF_DISCOGS_URL,
    CONF_DISCOGS_USERNAME,
    CONF_SPOTIFY_CLIENT_ID,
    CONF_SPOTIFY_CLIENT_SECRET,
    CONF_SPOTIFY_URL,
    DOMAIN,
)
from custom_components.aime.enrichment.runtime import ENRICHMENT, EnrichmentRuntime

from ..fakes.discogs import DEFAULT_TOKEN, FakeDiscogs
from ..fakes.spotify import DEFAULT_CLIENT_ID, DEFAULT_CLIENT_SECRET, FakeSpotify

DISCOGS_USER = "alice"


def discogs_options(fake: FakeDiscogs) -> dict[str, Any]:
    """Hub options for the fake Discogs' user."""
    return {
        CONF_DISCOGS_TOKEN: DEFAULT_TOKEN,
        CONF_DISCOGS_URL: fake.base_url,
        CONF_DISCOGS_USERNAME: DISCOGS_USER,
    }


def spotify_options(fake: FakeSpotify) -> dict[str, Any]:
    """Hub options for the fake Spotify's app."""
    return {
        CONF_SPOTIFY_CLIENT_ID: DEFAULT_CLIENT_ID,
        CONF_SPOTIFY_CLIENT_SECRET: DEFAULT_CLIENT_SECRET,
        CONF_SPOTIFY_URL: fake.base_url,
    }


def fill_discogs(fake: FakeDiscogs) -> None:
    """Three records of the fake user: two vinyls (one with a master), a CD."""
    fake.add_user(DISCOGS_USER)
    fake.add_master(5460, "Kind Of Blue", 1959)
    fake.add_release(
        1001,
        "Kind Of Blue",
        ["Miles Davis (2)"],
        year=2016,
        labels=["Columbia"],
        genres=["Jazz"],
        styles=["Modal"],
        master_id=5460,
        cover="https://i.discogs.com/600/kind-of-blue.jpg",
    )
    fake.add_release(1002, "Blue Train", ["John Coltrane"], year=1957, labels=["Blue Note"])
    fake.add_release(
        1003, "Mezzanine", ["Massive Attack"], year=1998, formats=[{"name": "CD", "qty": "1"}]
    )
    for release in (1001, 1002, 1003):
        fake.collect(DISCOGS_USER, release)


def fill_spotify(fake: FakeSpotify) -> None:
    """Spotify knows Kind of Blue and Miles Davis, not Blue Train."""
    image = [{"url": "https://i.scdn.co/image/kob", "width": 640, "height": 640}]
    fake.add_artist("Miles Davis", images=[{"url": "https://i.scdn.co/image/miles", "width": 640}])
    fake.add_album("Kind of Blue", ["Miles Davis"], release_date="1959-08-17", images=image)


async def setup_hub(hass: HomeAssistant, options: dict[str, Any]) -> MockConfigEntry:
    """Set up the hub with these options and return its entry."""
    entry = MockConfigEntry(domain=DOMAIN, unique_id=DOMAIN, title="AIME", data={}, options=options)
    entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(entry.entry_id)
    await hass.async_block_till_done()
    return entry


def runtime_of(entry: MockConfigEntry) -> EnrichmentRuntime:
    """The hub's enrichment runtime."""
    runtime = entry.runtime_data.require(ENRICHMENT)
    assert runtime is not None
    return runtime
