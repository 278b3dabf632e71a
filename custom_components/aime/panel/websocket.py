"""The panel's websocket commands: a range's statistics, an album's and an artist's pages,
the collection's facets, and the live updates (``subscribe.py``).

Read-only, computed in the executor like the dashboard's commands (``websocket_api.py``),
whose answers this module also gives their covers and media ids (``media.py``).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict
from datetime import date
from typing import Any

from homeassistant.components.websocket_api.connection import ActiveConnection
from homeassistant.components.websocket_api.const import ERR_NOT_FOUND
from homeassistant.components.websocket_api.decorators import (
    async_response,
    websocket_command,
)
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
import voluptuous as vol

from ..const import DOMAIN
from ..core.stats.album_page import album_page
from ..core.stats.artist_page import artist_page
from ..core.stats.journal import MAX_PAGE_SIZE
from ..core.stats.page_models import Granularity
from ..core.stats.range_stats import range_stats
from ..core.store.store import Store
from ..hub.lookup import hub_store_or_send_error
from ..validation import LOCAL_DATE, PAGE, PERSON, STORE_ID, ordered_days, text, whole_number
from .media import add_covers_and_media, query_with_covers
from .people import websocket_people
from .subscribe import websocket_subscribe

MAX_TOP = 100
DEFAULT_PAGE_SIZE = 50
_LANGUAGE = text(35)  # A BCP 47 tag: "fr", "fr-CA".
# Whose plays: a person's entity id; all of the household's when left out.
_PERSON: dict[str | vol.Marker, Any] = {vol.Optional("person"): PERSON}


@websocket_command(
    vol.All(
        vol.Schema(
            {
                vol.Required("type"): "aime/range",
                vol.Optional("first_day"): LOCAL_DATE,
                vol.Optional("last_day"): LOCAL_DATE,
                vol.Optional("top", default=10): whole_number(1, MAX_TOP),
                vol.Optional("granularity", default=Granularity.MONTH.value): vol.Coerce(
                    Granularity
                ),
                **_PERSON,
            }
        ),
        ordered_days("first_day", "last_day"),
    )
)
@async_response
async def websocket_range(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Statistics of a range of local days (since the first play, until today by default)."""
    first: date | None = msg.get("first_day")
    last: date | None = msg.get("last_day")
    today = dt_util.now().date()
    await async_answer(
        hass,
        connection,
        msg,
        lambda store: asdict(
            range_stats(
                store.stats,
                today,
                first,
                last,
                top=msg["top"],
                granularity=msg["granularity"],
                listener=msg.get("person"),
            )
        ),
    )


@websocket_command(
    {
        vol.Required("type"): "aime/album",
        vol.Required("album_id"): STORE_ID,
        vol.Optional("page", default=0): PAGE,
        vol.Optional("page_size", default=DEFAULT_PAGE_SIZE): whole_number(1, MAX_PAGE_SIZE),
        vol.Optional("language"): _LANGUAGE,
        **_PERSON,
    }
)
@async_response
async def websocket_album(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """One album: what is known of it, its tracks, and a page of its plays (newest first)."""
    language = msg.get("language") or hass.config.language
    await _async_answer_page(
        hass,
        connection,
        msg,
        "album",
        lambda store: album_page(
            store.stats,
            msg["album_id"],
            page=msg["page"],
            page_size=msg["page_size"],
            language=language,
            listener=msg.get("person"),
        ),
    )


@websocket_command(
    {
        vol.Required("type"): "aime/artist",
        vol.Required("artist_id"): STORE_ID,
        vol.Optional("top", default=10): whole_number(1, MAX_TOP),
        **_PERSON,
    }
)
@async_response
async def websocket_artist(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """One artist: totals, plays by month, albums and top tracks."""
    await _async_answer_page(
        hass,
        connection,
        msg,
        "artist",
        lambda store: artist_page(
            store.stats, msg["artist_id"], top=msg["top"], listener=msg.get("person")
        ),
    )


# A person is accepted like everywhere in the panel; the facets count records, not plays.
@websocket_command({vol.Required("type"): "aime/collection/facets", **_PERSON})
@async_response
async def websocket_collection_facets(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Formats, genres, styles and decades of the collection, with their numbers of records."""
    await async_answer(hass, connection, msg, lambda store: asdict(store.stats.collection_facets()))


async def async_answer(
    hass: HomeAssistant,
    connection: ActiveConnection,
    msg: dict[str, Any],
    query: Callable[[Store], Any],
    *,
    if_none: Callable[[], None] | None = None,
) -> None:
    """Run ``query`` in the executor and send its result with covers and media ids.

    ``if_none`` answers a ``None`` result instead (an unknown id).
    """
    if (access := hub_store_or_send_error(hass, connection, msg)) is None:
        return
    result, known = await access.async_run(query_with_covers, query, access.store)
    if result is None and if_none is not None:
        if_none()
        return
    connection.send_result(msg["id"], add_covers_and_media(hass, result, known))


async def _async_answer_page(
    hass: HomeAssistant,
    connection: ActiveConnection,
    msg: dict[str, Any],
    kind: str,
    read_page: Callable[[Store], Any | None],
) -> None:
    """Answer the page ``read_page`` finds for the ``kind``'s id (``album_id``), or that no
    ``kind`` has it."""

    def query(store: Store) -> dict[str, Any] | None:
        page = read_page(store)
        return None if page is None else asdict(page)

    await async_answer(
        hass, connection, msg, query, if_none=lambda: _send_unknown(connection, msg, kind)
    )


def _send_unknown(connection: ActiveConnection, msg: dict[str, Any], kind: str) -> None:
    """Answer that no ``kind`` (album, artist) has the id the message asked for."""
    field = f"{kind}_id"
    connection.send_error(
        msg["id"],
        ERR_NOT_FOUND,
        f"There is no {kind} {msg[field]}.",
        translation_domain=DOMAIN,
        translation_key=f"unknown_{kind}",
        translation_placeholders={f"{kind}_id": str(msg[field])},
    )


PANEL_WEBSOCKET_COMMANDS = (
    websocket_range,
    websocket_album,
    websocket_artist,
    websocket_collection_facets,
    websocket_people,
    websocket_subscribe,
)
