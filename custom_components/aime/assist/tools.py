"""The AIME tools an agent reads listening figures with (history, top lists, plays of X).

Each tool checks its arguments, reads the store in the executor and answers compact JSON:
lists of at most ``MAX_ITEMS`` entries, times local with their offset, labels translated.
"""

from __future__ import annotations

from abc import abstractmethod
from functools import partial
from typing import Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers import llm
from homeassistant.util import dt as dt_util
from homeassistant.util.json import JsonObjectType
import voluptuous as vol

from ..const import DOMAIN
from ..core.stats.models import HistoryFilter, JournalEntry, Ranked, Window
from ..core.stats.questions import PeriodTop, period_top, plays_between, window_top
from ..exceptions import validation_error
from ..hub.lookup import require_hub_store
from .arguments import (
    MAX_ITEMS,
    MAX_TEXT,
    PERSON_DESCRIPTION,
    checked,
    day_range,
    instant,
    local_iso,
    person,
)
from .texts import async_labels

WINDOWS = [window.value for window in Window]
COUNT = vol.All(vol.Coerce(int), vol.Range(min=1, max=MAX_ITEMS))
TOP_KINDS = ("artists", "albums", "tracks")
PERSON_FIELD = vol.Optional("person", description=PERSON_DESCRIPTION)


# Newer Home Assistant wraps answers in a ToolResult and describes tools with annotations;
# older releases take the JSON object itself and know neither.
_TOOL_RESULT: Any = getattr(llm, "ToolResult", None)
_TOOL_ANNOTATIONS: Any = getattr(llm, "ToolAnnotations", None)


def tool_behaviour(*, read_only: bool, open_world: bool = False) -> Any:
    """How the tool behaves, where Home Assistant asks (else ``None``, unused)."""
    if _TOOL_ANNOTATIONS is None:
        return None
    return _TOOL_ANNOTATIONS(
        read_only=read_only, destructive=False, idempotent=read_only, open_world=open_world
    )


class AimeTool(llm.Tool):
    """A tool whose arguments are checked (translated errors) before it answers."""

    integration = DOMAIN
    annotations = tool_behaviour(read_only=True)

    async def async_call(
        self, hass: HomeAssistant, tool_input: llm.ToolInput, llm_context: llm.LLMContext
    ) -> JsonObjectType:
        """Check the arguments against ``parameters``, then answer."""
        args = checked(self.parameters, tool_input.tool_args)
        answer = await self.async_answer(hass, args, llm_context)
        if _TOOL_RESULT is not None:
            result: JsonObjectType = _TOOL_RESULT(data=answer)
            return result
        return answer

    @abstractmethod
    async def async_answer(
        self, hass: HomeAssistant, args: dict[str, Any], llm_context: llm.LLMContext
    ) -> JsonObjectType:
        """The answer to checked arguments."""


def _user_id(llm_context: llm.LLMContext) -> str | None:
    """The user the agent speaks with, when Home Assistant knows them."""
    return llm_context.context.user_id if llm_context.context is not None else None


def play_json(entry: JournalEntry) -> dict[str, Any]:
    """One play: what, when (local), where."""
    return {
        "title": entry.title,
        "artist": entry.artist,
        "album": entry.album,
        "played_at": local_iso(entry.played_at),
        "player": entry.device,
    }


def ranked_json(item: Ranked) -> dict[str, Any]:
    """One entry of a top list."""
    found: dict[str, Any] = {"name": item.name, "plays": item.plays}
    if item.artist is not None:
        found["artist"] = item.artist
    return found


class ListeningHistoryTool(AimeTool):
    """What was played between two local times."""

    name = "aime_listening_history"
    description = (
        "The music the user played between two times (ISO 8601, local time of the home when "
        "no offset is given), newest first: e.g. 'what did I play last Sunday evening?'. "
        f"Answers how many plays in all and at most {MAX_ITEMS} of them."
    )
    parameters = vol.Schema(
        {
            vol.Required("start", description="First instant, e.g. 2026-11-29T18:00:00"): str,
            vol.Required("end", description="Instant after the last play, excluded"): str,
            vol.Optional("limit", default=MAX_ITEMS): COUNT,
            PERSON_FIELD: str,
        }
    )

    async def async_answer(
        self, hass: HomeAssistant, args: dict[str, Any], llm_context: llm.LLMContext
    ) -> JsonObjectType:
        start, end = instant(args, "start"), instant(args, "end")
        if start >= end:
            raise validation_error("start_after_end")
        listener = person(hass, args, _user_id(llm_context))
        access = require_hub_store(hass)
        found = await access.async_run(
            partial(plays_between, access.store.stats, start, end, args["limit"], listener=listener)
        )
        return {
            "start": dt_util.as_local(start).isoformat(),
            "end": dt_util.as_local(end).isoformat(),
            "total_plays": found.total,
            "plays": [play_json(entry) for entry in found.entries],
        }


class TopTool(AimeTool):
    """The most played artists, albums and tracks of a period."""

    name = "aime_top"
    description = (
        "The user's most played artists, albums and tracks of a period: a named window "
        "(today, week = since Monday, month, year, 7d, 30d, 365d, all) or custom local dates "
        "(first_day, last_day, YYYY-MM-DD, inclusive)."
    )
    parameters = vol.Schema(
        {
            vol.Optional("window", description="A named window"): vol.In(WINDOWS),
            vol.Optional("first_day", description="YYYY-MM-DD"): str,
            vol.Optional("last_day", description="YYYY-MM-DD"): str,
            vol.Optional("kind", description="Only one list"): vol.In(TOP_KINDS),
            vol.Optional("count", default=10): COUNT,
            PERSON_FIELD: str,
        }
    )

    async def async_answer(
        self, hass: HomeAssistant, args: dict[str, Any], llm_context: llm.LLMContext
    ) -> JsonObjectType:
        listener = person(hass, args, _user_id(llm_context))
        access = require_hub_store(hass)
        dates = day_range(args)
        stats, count = access.store.stats, args["count"]
        window: str | None = None
        if dates is not None:
            top: PeriodTop = await access.async_run(
                partial(period_top, stats, *dates, count, listener=listener)
            )
        else:
            window = args.get("window", Window.MONTH.value)
            top = await access.async_run(
                partial(window_top, stats, dt_util.now(), Window(window), count, listener=listener)
            )
        answer: dict[str, Any] = {
            "first_day": top.first_day,
            "last_day": top.last_day,
            "plays": top.plays,
            "listening_minutes": top.listening_seconds // 60,
            "unique_artists": top.unique_artists,
        }
        if window is not None:
            labels = await async_labels(hass, llm_context.language, "playlist_window")
            answer["window"] = window
            answer["period"] = labels.get(window, window)
        lists = {"artists": top.top_artists, "albums": top.top_albums, "tracks": top.top_tracks}
        for kind in (args["kind"],) if "kind" in args else TOP_KINDS:
            answer[f"top_{kind}"] = [ranked_json(item) for item in lists[kind]]
        return answer


class PlaysOfTool(AimeTool):
    """How often, and when last, something was played."""

    name = "aime_plays_of"
    description = (
        "How many times the user played a track, an artist or an album (the text matches "
        "titles, artist names and album titles, ignoring case and accents), optionally "
        "within local dates, and when they played it last: 'when did I last play Kind of "
        "Blue?', 'how often have I played Björk this year?'."
    )
    parameters = vol.Schema(
        {
            vol.Required("query", description="Track, artist or album"): vol.All(
                str, vol.Length(min=1, max=MAX_TEXT)
            ),
            vol.Optional("first_day", description="YYYY-MM-DD"): str,
            vol.Optional("last_day", description="YYYY-MM-DD"): str,
            PERSON_FIELD: str,
        }
    )

    async def async_answer(
        self, hass: HomeAssistant, args: dict[str, Any], llm_context: llm.LLMContext
    ) -> JsonObjectType:
        listener = person(hass, args, _user_id(llm_context))
        query = args["query"].strip()
        if not query:
            raise validation_error("field_required", {"field": "query"})
        dates = day_range(args)
        first, last = dates if dates is not None else (None, None)
        access = require_hub_store(hass)
        filters = HistoryFilter(text=query, first_day=first, last_day=last)
        page = await access.async_run(
            partial(access.store.stats.history, filters, 0, 1, listener=listener)
        )
        answer: dict[str, Any] = {"query": query, "plays": page.total}
        if dates is not None:
            answer |= {"first_day": dates[0].isoformat(), "last_day": dates[1].isoformat()}
        answer["last_play"] = play_json(page.entries[0]) if page.entries else None
        return answer
