"""Replays a recorded sequence of media player states into a real Home Assistant with AIME.

A sequence (JSON, under ``sequences/``) names its players and lists timed steps, in seconds
from the start:

- ``state`` and ``set``: the player's new state and attributes (merged onto its last ones; a
  ``null`` removes one); ``position`` sets ``media_position`` reported now;
- ``report_every``: from this step on, the integration reports the position every so many
  seconds (``media_position`` moved on, ``media_position_updated_at`` now) while playing, as
  Spotify's 30-second and Squeezebox's 5-second polls do, until a step says otherwise (0:
  never);
- ``unavailable``, ``rename`` (to a new entity id, the registry entry following), ``remove``
  (the entity and its registry entry), ``restart`` (AIME unloads, that many seconds pass,
  it loads again, resuming its listens), ``lastfm`` (the device's own scrobble of a play).

Each sequence's ``reference`` names the Home Assistant core code whose behaviour it models
(which attributes, states and position updates the integration really writes).

Time moves one second at a time (frozen clock, timers fired): no real sleep. ``expected`` is
the exact history: each play's start (seconds from the start), title, artist, zone, listened
seconds and sources.
"""

from __future__ import annotations

from contextlib import closing
from datetime import UTC, datetime, timedelta
import json
from pathlib import Path
import sqlite3
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er
from pytest_homeassistant_custom_component.common import MockConfigEntry, async_fire_time_changed

from custom_components.aime.const import CONF_PLAYERS, DOMAIN
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.hub.recording import async_record_plays
from custom_components.aime.hub.runtime import HubRuntime
from custom_components.aime.players.recorder import PLAYERS

SEQUENCES = Path(__file__).parent / "sequences"
START = datetime(2026, 1, 10, 20, 0, tzinfo=UTC)


def load(name: str) -> dict[str, Any]:
    """One recorded sequence."""
    data: dict[str, Any] = json.loads((SEQUENCES / f"{name}.json").read_text())
    return data


def sequence_names() -> list[str]:
    """Every recorded sequence, by file name."""
    return sorted(path.stem for path in SEQUENCES.glob("*.json"))


class Player:
    """One media player's state as the integration reports it."""

    def __init__(self, hass: HomeAssistant, entity_id: str, name: str) -> None:
        self.hass = hass
        self.entity_id = entity_id
        self.state = "off"
        self.attributes: dict[str, Any] = {"friendly_name": name}
        self.report_every = 0
        self.reported_at = 0

    def write(self) -> None:
        self.hass.states.async_set(self.entity_id, self.state, dict(self.attributes))

    def report_position(self, now: datetime, second: int) -> None:
        """The position moved on since its last report, reported again now."""
        position = self.attributes.get("media_position")
        updated = self.attributes.get("media_position_updated_at")
        if self.state != "playing" or position is None or updated is None:
            return
        self.attributes["media_position"] = position + (now - updated).total_seconds()
        self.attributes["media_position_updated_at"] = now
        self.reported_at = second
        self.write()


class Replay:
    """A hub entry following the sequence's players, moved through its steps."""

    def __init__(
        self, hass: HomeAssistant, freezer: FrozenDateTimeFactory, sequence: dict[str, Any]
    ) -> None:
        self.hass = hass
        self.freezer = freezer
        self.sequence = sequence
        self.second = 0
        self.players: dict[str, Player] = {}
        registry = er.async_get(hass)
        for entity_id, player in sequence["players"].items():
            if player.get("registry"):
                object_id = entity_id.split(".", 1)[1]
                registry.async_get_or_create(
                    "media_player", player["platform"], object_id, suggested_object_id=object_id
                )
            self.players[entity_id] = Player(hass, entity_id, player["name"])
        self.entry = MockConfigEntry(
            domain=DOMAIN,
            unique_id=DOMAIN,
            title="AIME",
            data={},
            options={CONF_PLAYERS: list(sequence["players"])},
        )

    @property
    def now(self) -> datetime:
        return START + timedelta(seconds=self.second)

    async def async_run(self) -> list[tuple[Any, ...]]:
        """Every step, then the end: the plays recorded, as ``expected`` lists them."""
        self.freezer.move_to(START)
        self.entry.add_to_hass(self.hass)
        assert await self.hass.config_entries.async_setup(self.entry.entry_id)
        await self.hass.async_block_till_done()
        for step in self.sequence["steps"]:
            await self._async_until(step["at"])
            await self._async_step(step)
            await self.hass.async_block_till_done()
        await self._async_until(self.sequence["until"])
        await self._recorder_writes()
        return await self.hass.async_add_executor_job(self._plays)

    async def _async_until(self, second: int) -> None:
        while self.second < second:
            self.second += 1
            self.freezer.move_to(self.now)
            async_fire_time_changed(self.hass, self.now)
            for player in self.players.values():
                every = player.report_every
                if every and self.second - player.reported_at >= every:
                    player.report_position(self.now, self.second)
            await self.hass.async_block_till_done()

    async def _async_step(self, step: dict[str, Any]) -> None:
        entity_id = step.get("player", next(iter(self.players)))
        player = self.players[entity_id]
        if "lastfm" in step:
            await self._async_scrobble(step["lastfm"])
        elif "restart" in step:
            await self._async_restart(step["restart"])
        elif "rename" in step:
            self._rename(player, step["rename"])
        elif step.get("remove"):
            er.async_get(self.hass).async_remove(entity_id)
            self.hass.states.async_remove(entity_id)
            del self.players[entity_id]
        elif step.get("unavailable"):
            player.state = "unavailable"
            player.attributes = {"friendly_name": player.attributes["friendly_name"]}
            player.write()
        else:
            self._set(player, step)

    def _set(self, player: Player, step: dict[str, Any]) -> None:
        player.state = step.get("state", player.state)
        for key, value in step.get("set", {}).items():
            if value is None:
                player.attributes.pop(key, None)
            else:
                player.attributes[key] = value
        if "position" in step:
            player.attributes["media_position"] = step["position"]
            player.attributes["media_position_updated_at"] = self.now
            player.reported_at = self.second
        player.report_every = step.get("report_every", player.report_every)
        player.write()

    def _rename(self, player: Player, new_entity_id: str) -> None:
        old = player.entity_id
        er.async_get(self.hass).async_update_entity(old, new_entity_id=new_entity_id)
        self.hass.states.async_remove(old)  # As the entity platform does, then re-adds it.
        player.entity_id = new_entity_id
        del self.players[old]
        self.players[new_entity_id] = player
        player.write()

    async def _async_restart(self, seconds: int) -> None:
        await self._recorder_writes()
        assert await self.hass.config_entries.async_unload(self.entry.entry_id)
        await self.hass.async_block_till_done()
        await self._async_until(self.second + seconds)
        assert await self.hass.config_entries.async_setup(self.entry.entry_id)
        await self.hass.async_block_till_done()

    async def _async_scrobble(self, scrobble: dict[str, Any]) -> None:
        hub: HubRuntime = self.entry.runtime_data
        played_at = int((START + timedelta(seconds=scrobble["start"])).timestamp())
        play = PlayInput(scrobble["title"], scrobble["artist"], played_at, Source.LASTFM)
        await async_record_plays(self.hass, hub.access, [play])

    async def _recorder_writes(self) -> None:
        hub: HubRuntime = self.entry.runtime_data
        await hub.require(PLAYERS).listening.async_wait_writes()
        await self.hass.async_block_till_done()

    def _plays(self) -> list[tuple[Any, ...]]:
        hub: HubRuntime = self.entry.runtime_data
        start = int(START.timestamp())
        with closing(sqlite3.connect(hub.store.path)) as conn:
            rows = conn.execute(
                "SELECT p.id, p.played_at, t.title, a.name, d.name, p.seconds_listened, s.name "
                "FROM play p JOIN track t ON t.id = p.track_id JOIN artist a ON a.id = t.artist_id "
                "JOIN source s ON s.id = p.source_id LEFT JOIN device d ON d.id = p.device_id "
                "ORDER BY p.played_at, p.id"
            ).fetchall()
            reports = conn.execute(
                "SELECT r.play_id, s.name FROM play_report r JOIN source s ON s.id = r.source_id"
            ).fetchall()
        return [
            (
                played_at - start,
                title,
                artist,
                zone,
                seconds,
                sorted({source} | {name for play, name in reports if play == play_id}),
            )
            for play_id, played_at, title, artist, zone, seconds, source in rows
        ]


def expected_of(sequence: dict[str, Any]) -> list[tuple[Any, ...]]:
    """The sequence's expected history, as ``Replay.async_run`` returns the recorded one."""
    return [
        (
            play["start"],
            play["title"],
            play["artist"],
            play["zone"],
            play["seconds"],
            sorted(play["sources"]),
        )
        for play in sequence["expected"]
    ]
