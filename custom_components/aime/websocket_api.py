"""Dashboard queries over the listening store (read-only; the hub must be loaded).

Each command answers one JSON object (see the README's "Statistics" section), computed in
the executor. Dates are local ISO dates (``2024-03-31``) in Home Assistant's time zone.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from functools import partial
from typing import Any

from homeassistant.components.websocket_api import async_register_command
from homeassistant.components.websocket_api.connection import ActiveConnection
from homeassistant.components.websocket_api.decorators import (
    async_response,
    websocket_command,
)
from homeassistant.components.websocket_api.messages import BASE_COMMAND_MESSAGE_SCHEMA
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import config_validation as cv
from homeassistant.util import dt as dt_util
import voluptuous as vol

from .aime_import.websocket import IMPORT_WEBSOCKET_COMMANDS
from .core.models import Source
from .core.stats.journal import MAX_PAGE_SIZE
from .core.stats.models import CollectionSort, HistoryFilter, Window
from .core.stats.page_models import Shelf
from .core.store.store import Store
from .panel.websocket import PANEL_WEBSOCKET_COMMANDS, async_answer
from .playlists.services import PLAYLIST_WEBSOCKET_COMMANDS
from .scrobble_endpoint.websocket import ENDPOINT_WEBSOCKET_COMMANDS
from .scrobbling.websocket import OUTBOX_WEBSOCKET_COMMANDS
from .validation import (
    FIRST_DAY,
    LAST_DAY,
    LOCAL_DATE,
    PAGE,
    PERSON,
    STORE_ID,
    ActionSchema,
    ordered_days,
    text,
    whole_number,
)

DEFAULT_PAGE_SIZE = 50
MAX_TOP = 100

_PAGING: dict[str | vol.Marker, Any] = {
    vol.Optional("page", default=0): PAGE,
    vol.Optional("page_size", default=DEFAULT_PAGE_SIZE): whole_number(1, MAX_PAGE_SIZE),
}
_TEXT = text()
# Whose plays: a person's entity id; all of the household's when left out.
_PERSON: dict[str | vol.Marker, Any] = {vol.Optional("person"): PERSON}
MAX_TREND_MONTHS = 120
_PERIOD = vol.All(
    vol.Schema({vol.Required("first_day"): LOCAL_DATE, vol.Required("last_day"): LOCAL_DATE}),
    ordered_days("first_day", "last_day"),
)


@callback
def async_register_websocket_commands(hass: HomeAssistant) -> None:
    """Register the commands once, when the integration is set up.

    Every command only reads: each is open to every user of the household, but
    ``aime/endpoint_tokens`` (administrators: who may send plays as whom). Each refuses bad
    input with a translated sentence (as the actions do), never voluptuous's own English.
    """
    for command in (
        websocket_stats,
        websocket_history,
        websocket_timeline,
        websocket_collection,
        websocket_periods,
        websocket_streaks,
        websocket_trend,
        websocket_compare,
        *PLAYLIST_WEBSOCKET_COMMANDS,
        *PANEL_WEBSOCKET_COMMANDS,
        *OUTBOX_WEBSOCKET_COMMANDS,
        *IMPORT_WEBSOCKET_COMMANDS,
        *ENDPOINT_WEBSOCKET_COMMANDS,
    ):
        async_register_command(hass, _with_translated_refusals(command))


def _with_translated_refusals(command: Callable[..., Any]) -> Callable[..., Any]:
    """The command, its message schema answering a translated error for any bad input."""
    schema = getattr(command, "_ws_schema")  # noqa: B009 - set by @websocket_command
    if isinstance(schema, ActionSchema):
        return command  # Already wrapped (Home Assistant set up AIME before).
    if schema is False:  # Takes no field: "type" and "id" only, any other refused in a sentence.
        name = getattr(command, "_ws_command")  # noqa: B009 - set by @websocket_command
        schema = BASE_COMMAND_MESSAGE_SCHEMA.extend({vol.Required("type"): name})
    setattr(command, "_ws_schema", ActionSchema(schema))  # noqa: B010
    return command


@websocket_command(
    {
        vol.Required("type"): "aime/stats",
        vol.Optional("window", default=Window.DAYS_7.value): vol.Coerce(Window),
        vol.Optional("top", default=10): whole_number(1, MAX_TOP),
        **_PERSON,
    }
)
@async_response
async def websocket_stats(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Everything about one window ending today."""
    window: Window = msg["window"]
    await _async_answer(
        hass,
        connection,
        msg,
        lambda store: asdict(
            store.stats.window(dt_util.now(), window, msg["top"], listener=msg.get("person"))
        ),
    )


@websocket_command(
    vol.All(
        vol.Schema(
            {
                vol.Required("type"): "aime/history",
                **_PAGING,
                vol.Optional("text"): _TEXT,
                vol.Optional("artist_id"): STORE_ID,
                vol.Optional("album_id"): STORE_ID,
                vol.Optional("source"): vol.Coerce(Source),
                vol.Optional("loved"): cv.boolean,
                vol.Optional("first_day"): LOCAL_DATE,
                vol.Optional("last_day"): LOCAL_DATE,
                **_PERSON,
            }
        ),
        # Like aime/range: a period that ends before it starts is refused, not answered empty.
        ordered_days("first_day", "last_day"),
    )
)
@async_response
async def websocket_history(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """The journal, newest first, one page at a time."""
    filters = HistoryFilter(
        text=msg.get("text"),
        artist_id=msg.get("artist_id"),
        album_id=msg.get("album_id"),
        source=msg.get("source"),
        loved=msg.get("loved"),
        first_day=msg.get("first_day"),
        last_day=msg.get("last_day"),
    )
    await _async_answer(
        hass,
        connection,
        msg,
        lambda store: asdict(
            store.stats.history(filters, msg["page"], msg["page_size"], listener=msg.get("person"))
        ),
    )


@websocket_command(
    {
        vol.Required("type"): "aime/timeline",
        vol.Optional("day"): LOCAL_DATE,
        **_PERSON,
    }
)
@async_response
async def websocket_timeline(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """One local day (today by default), hour by hour."""
    day: date = msg.get("day") or dt_util.now().date()
    await _async_answer(
        hass,
        connection,
        msg,
        lambda store: asdict(store.stats.timeline(day, listener=msg.get("person"))),
    )


@websocket_command(
    {
        vol.Required("type"): "aime/collection",
        **_PAGING,
        vol.Optional("text"): _TEXT,
        vol.Optional("format"): _TEXT,
        vol.Optional("sort", default=CollectionSort.ARTIST.value): vol.Coerce(CollectionSort),
        vol.Optional("descending", default=False): cv.boolean,
        vol.Optional("with_stats", default=False): cv.boolean,
        vol.Optional("genre"): _TEXT,
        vol.Optional("style"): _TEXT,
        vol.Optional("decade"): whole_number(FIRST_DAY.year, LAST_DAY.year),
        vol.Optional("shelf"): vol.Coerce(Shelf),
        **_PERSON,
    }
)
@async_response
async def websocket_collection(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """One page of the record collection; with its statistics on request."""
    await _async_answer(hass, connection, msg, partial(_collection, msg=msg))


def _collection(store: Store, *, msg: dict[str, Any]) -> dict[str, Any]:
    page = asdict(
        store.stats.collection_page(
            page=msg["page"],
            page_size=msg["page_size"],
            text=msg.get("text"),
            record_format=msg.get("format"),
            sort=msg["sort"],
            descending=msg["descending"],
            genre=msg.get("genre"),
            style=msg.get("style"),
            decade=msg.get("decade"),
            shelf=msg.get("shelf"),
            now=dt_util.now(),
            listener=msg.get("person"),
        )
    )
    if msg["with_stats"]:
        page["stats"] = asdict(
            store.stats.collection_stats(dt_util.now(), listener=msg.get("person"))
        )
    return page


@websocket_command({vol.Required("type"): "aime/periods", **_PERSON})
@async_response
async def websocket_periods(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Plays and listening time today, this week, this month, this year and in all."""
    await _async_answer(
        hass,
        connection,
        msg,
        lambda store: {
            window: asdict(figures)
            for window, figures in store.stats.periods(
                dt_util.now(), listener=msg.get("person")
            ).items()
        },
    )


@websocket_command({vol.Required("type"): "aime/streaks", **_PERSON})
@async_response
async def websocket_streaks(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """The current and the longest runs of days with plays."""
    await _async_answer(
        hass,
        connection,
        msg,
        lambda store: asdict(store.stats.streaks(dt_util.now(), listener=msg.get("person"))),
    )


@websocket_command(
    {
        vol.Required("type"): "aime/trend",
        vol.Optional("months", default=12): whole_number(1, MAX_TREND_MONTHS),
        **_PERSON,
    }
)
@async_response
async def websocket_trend(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Calendar month by month, oldest first, the current month last."""
    await _async_answer(
        hass,
        connection,
        msg,
        lambda store: {
            "months": [
                asdict(month)
                for month in store.stats.monthly_trend(
                    dt_util.now(), msg["months"], listener=msg.get("person")
                )
            ]
        },
    )


@websocket_command(
    {
        vol.Required("type"): "aime/compare",
        vol.Required("current"): _PERIOD,
        vol.Required("previous"): _PERIOD,
        vol.Optional("top", default=5): whole_number(1, MAX_TOP),
        **_PERSON,
    }
)
@async_response
async def websocket_compare(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Two periods of local dates side by side, with the changes from one to the other."""
    current, previous = (
        (msg[side]["first_day"], msg[side]["last_day"]) for side in ("current", "previous")
    )
    await _async_answer(
        hass,
        connection,
        msg,
        lambda store: asdict(
            store.stats.compare(current, previous, msg["top"], listener=msg.get("person"))
        ),
    )


async def _async_answer(
    hass: HomeAssistant,
    connection: ActiveConnection,
    msg: dict[str, Any],
    query: Callable[[Store], dict[str, Any]],
) -> None:
    """Run ``query`` in the executor through the hub and send its result, with covers."""
    await async_answer(hass, connection, msg, query)
