"""A listening history and a picky Roon library for playing playlists (shared by tests)."""

from __future__ import annotations

import asyncio
from pathlib import Path
import time
from typing import Any

from homeassistant.core import HomeAssistant

from custom_components.aime.const import DOMAIN
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.store.store import Store

from ..fakes.roon import FakeRoonCore
from ..fakes.roon.library import Album, Library, Node, Track

KITCHEN, LIVING, OFFICE = "zone-kitchen", "zone-living", "zone-office"
DAY = 86_400

MIXED = (
    ("So What", "Miles Davis", "Kind of Blue"),
    ("Jóga", "Bjork", "Homogenic"),  # Roon says "Björk".
    ("Pannonica", "John Coltrane", "Blue Train"),  # Not in Roon; its album is.
    ("Sorry", "Justin Bieber", "Purpose"),  # Roon's "Sorry" is Beyoncé's.
    ("Get Lucky (feat. Pharrell Williams)", "Daft Punk", "Random Access Memories"),
    ("Lazy Bird", "John Coltrane", "Blue Train"),  # Blue Train is queued already.
    ("Saeta", "Miles Davis", "Sketches of Spain"),  # Roon only offers to play it now.
    ("Solea", "Miles Davis", "Sketches of Spain"),  # Its album has nothing to play.
    ("Cuff It", "Beyoncé", "Renaissance"),
    ("Hunter", "Björk", "Homogenic"),
)
RECENT = (
    ("Blue in Green", "Miles Davis", "Kind of Blue"),
    ("Hunter", "Björk", "Homogenic"),
    ("Formation", "Beyoncé", "Lemonade"),
    ("Starálfur", "Sigur Rós", "Ágætis byrjun"),
    ("Locomotion", "John Coltrane", "Blue Train"),
)
UNKNOWN = tuple((f"Song {n}", "Nobody", "Nowhere") for n in range(7))
RECENT_TITLES = [title for title, _, _ in RECENT]


class PickyLibrary(Library):
    """The default library, but "Saeta" only plays now and "Sketches of Spain" cannot play."""

    @classmethod
    def build(cls) -> PickyLibrary:
        base = Library.default()
        return cls(base.albums, base.playlists, base.stations)

    def _track(self, track: Track) -> Node:
        node = super()._track(track)
        if track.title == "Saeta":
            children = node.children
            node.children = lambda: children()[:1]
        return node

    def _album(self, album: Album) -> Node:
        node = super()._album(album)
        if album.title == "Sketches of Spain":
            children = node.children
            node.children = lambda: children()[1:]
        return node


def session(start: int, tracks: tuple[tuple[str, str, str], ...]) -> list[PlayInput]:
    return [
        PlayInput(title, artist, start + 240 * n, Source.LASTFM, album=album, duration=200)
        for n, (title, artist, album) in enumerate(tracks)
    ]


def write_history(path: Path) -> None:
    now = int(time.time())
    history = [
        *session(now - 400 * DAY, MIXED),
        *session(now - 200 * DAY, UNKNOWN),
        *session(now - 2 * DAY, RECENT),
    ]
    store = Store.open(path)
    try:
        store.ingest(history)
    finally:
        store.close()


async def call(hass: HomeAssistant, service: str, **data: Any) -> Any:
    return await hass.services.async_call(
        DOMAIN, service, data, blocking=True, return_response=True
    )


def queue(core: FakeRoonCore, zone_id: str) -> list[str]:
    """The titles the zone will play, from the one playing now."""
    player = core.player(zone_id)
    return [entry.track.title for entry in player.entries[player.index :] if entry.track]


async def wait_queue(core: FakeRoonCore, zone_id: str, expected: list[str]) -> None:
    """The Core changes the queue right after answering the last action: wait for it."""
    async with asyncio.timeout(5):
        while True:
            if queue(core, zone_id) == expected:
                return
            await asyncio.sleep(0.01)
