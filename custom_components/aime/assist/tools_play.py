"""The AIME tools that look at the zones, play, describe albums and read the collection."""

from __future__ import annotations

from datetime import timedelta
from typing import Any

from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import HomeAssistant
from homeassistant.helpers import llm, translation
from homeassistant.util import dt as dt_util
from homeassistant.util.json import JsonObjectType
import voluptuous as vol

from ..const import DOMAIN
from ..core.playlists.models import (
    DEFAULT_TRACKS,
    MAX_PROMPT_LENGTH,
    MAX_TRACKS,
    MIN_TRACKS,
    Algorithm,
)
from ..core.stats.models import CollectionRecord, Window
from ..core.stats.questions import Unplayed, never_played, not_played_since
from ..hub.lookup import require_hub_store
from .arguments import MAX_ITEMS, MAX_TEXT, local_iso
from .play import async_play_generated
from .texts import async_labels
from .tools import COUNT, WINDOWS, AimeTool, tool_behaviour
from .zones import aime_players, player_name

TEXT = vol.All(str, vol.Length(min=1, max=MAX_TEXT))
COLLECTION_QUESTIONS = ("summary", "never_played", "not_played_for_a_year")


class NowPlayingTool(AimeTool):
    """What each AIME Roon zone plays."""

    name = "aime_now_playing"
    description = "What is playing now in each of the user's Roon zones (AIME media players)."
    parameters = vol.Schema({})

    async def async_answer(
        self, hass: HomeAssistant, args: dict[str, Any], llm_context: llm.LLMContext
    ) -> JsonObjectType:
        zones: list[dict[str, Any]] = []
        # Home Assistant's own names of the states, in the user's language.
        states = await translation.async_get_translations(
            hass, llm_context.language or hass.config.language, "entity_component", {"media_player"}
        )
        for player in aime_players(hass)[:MAX_ITEMS]:
            state = hass.states.get(player.entity_id)
            attributes = state.attributes if state is not None else {}
            value = state.state if state is not None else None
            zones.append(
                {
                    "zone": player_name(hass, player),
                    ATTR_ENTITY_ID: player.entity_id,
                    "state": value,
                    "state_label": states.get(
                        f"component.media_player.entity_component._.state.{value}", value
                    ),
                    "title": attributes.get("media_title"),
                    "artist": attributes.get("media_artist"),
                    "album": attributes.get("media_album_name"),
                }
            )
        answer: dict[str, Any] = {"zones": zones}
        return answer


class PlayPlaylistTool(AimeTool):
    """Generate a playlist with an algorithm and play it in a zone."""

    name = "aime_play_playlist"
    annotations = tool_behaviour(read_only=False)
    description = (
        "Generate a playlist from the user's listening history with an algorithm and play it "
        "now in a Roon zone, given by its media player entity id or its name ('kitchen'). "
        "rediscovery = tracks not heard for a while; ai_generated needs a prompt."
    )
    parameters = vol.Schema(
        {
            vol.Required("algorithm"): vol.In([algorithm.value for algorithm in Algorithm]),
            vol.Required("zone", description="Entity id or zone name"): TEXT,
            vol.Optional("window", default=Window.ALL.value): vol.In(WINDOWS),
            vol.Optional("max_tracks", default=DEFAULT_TRACKS): vol.All(
                vol.Coerce(int), vol.Range(min=MIN_TRACKS, max=MAX_TRACKS)
            ),
            vol.Optional("prompt"): vol.All(str, vol.Length(min=1, max=MAX_PROMPT_LENGTH)),
        }
    )

    async def async_answer(
        self, hass: HomeAssistant, args: dict[str, Any], llm_context: llm.LLMContext
    ) -> JsonObjectType:
        played = await async_play_generated(
            hass,
            args["zone"],
            Algorithm(args["algorithm"]),
            window=Window(args["window"]),
            max_tracks=args["max_tracks"],
            prompt=args.get("prompt"),
        )
        return {
            "playlist_id": played.playlist.id,
            "name": played.playlist.name,
            "zone": played.zone,
            ATTR_ENTITY_ID: played.entity_id,
            "tracks": len(played.playlist.tracks),
            "queued": played.queued,
            "skipped": len(played.outcomes) - played.queued,
        }


class DescribeAlbumTool(AimeTool):
    """An album's description: the stored AI text, or a new one when AI is set up."""

    name = "aime_describe_album"
    annotations = tool_behaviour(read_only=False, open_world=True)  # May ask the AI service.
    description = (
        "A description of an album the user listened to (by artist and title), written by "
        "AIME's AI in the user's language: the stored text, or a new one."
    )
    parameters = vol.Schema(
        {
            vol.Required("artist"): TEXT,
            vol.Required("title", description="Album title"): TEXT,
        }
    )

    async def async_answer(
        self, hass: HomeAssistant, args: dict[str, Any], llm_context: llm.LLMContext
    ) -> JsonObjectType:
        # The action's own logic and errors: stored texts first, a new one only when needed.
        answer = await hass.services.async_call(
            DOMAIN,
            "describe_album",
            {"artist": args["artist"], "title": args["title"]},
            blocking=True,
            context=llm_context.context,
            return_response=True,
        )
        assert answer is not None
        keys = ("artist", "title", "language", "summary", "description", "generated")
        return {key: answer[key] for key in keys if key in answer}


class CollectionTool(AimeTool):
    """The record collection against the listening history."""

    name = "aime_collection"
    description = (
        "Questions about the user's record collection (Discogs): summary = records, counts "
        "by format, played in the last 12 months, never played; never_played and "
        "not_played_for_a_year list those records."
    )
    parameters = vol.Schema(
        {
            vol.Optional("question", default="summary"): vol.In(COLLECTION_QUESTIONS),
            vol.Optional("limit", default=20): COUNT,
        }
    )

    async def async_answer(
        self, hass: HomeAssistant, args: dict[str, Any], llm_context: llm.LLMContext
    ) -> JsonObjectType:
        access = require_hub_store(hass)
        stats, limit = access.store.stats, args["limit"]
        question = args["question"]
        if question == "summary":
            figures = await access.async_run(stats.collection_stats, dt_util.now())
            labels = await async_labels(hass, llm_context.language, "record_format")
            return {
                "records": figures.records,
                "by_format": [
                    {"format": name, "label": labels.get(name, name), "records": count}
                    for name, count in list(figures.by_format.items())[:MAX_ITEMS]
                ],
                "played_last_12_months": figures.played_last_12_months,
                "never_played": figures.never_played,
            }
        found: Unplayed
        if question == "never_played":
            found = await access.async_run(never_played, stats, limit)
        else:
            since = dt_util.now() - timedelta(days=365)
            found = await access.async_run(not_played_since, stats, since, limit)
        return {"question": question, "total": found.total, "records": _records(found)}


def _records(found: Unplayed) -> list[dict[str, Any]]:
    return [_record(record) for record in found.records]


def _record(record: CollectionRecord) -> dict[str, Any]:
    return {
        "artist": record.artist,
        "title": record.title,
        "format": record.format,
        "year": record.year,
        "plays": record.plays,
        "last_played_at": local_iso(record.last_played_at),
    }
