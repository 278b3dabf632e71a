"""``aime/outbox``: the scrobbling outbox for the panel (queued, sent, not sent, failed).

A read, open to every user like the other queries; retrying is the admin-only action
``aime.retry_outbox`` (``lastfm/services.py``).
"""

from __future__ import annotations

from typing import Any

from homeassistant.components.websocket_api.connection import ActiveConnection
from homeassistant.components.websocket_api.decorators import async_response, websocket_command
from homeassistant.core import HomeAssistant
from homeassistant.util import dt as dt_util
import voluptuous as vol

from ..const import DOMAIN
from ..core.outbox.queue import OutboxEntry
from ..core.outbox.rules import Destination, OutboxState
from ..core.store.store import Store
from ..hub.lookup import hub_store_or_send_error
from ..validation import text, whole_number
from .sender import OutboxSender

MAX_ITEMS = 500


@websocket_command(
    {
        vol.Required("type"): "aime/outbox",
        vol.Optional("states", default=[]): [vol.Coerce(OutboxState)],
        vol.Optional("destination"): vol.Coerce(Destination),
        vol.Optional("account"): text(),
        vol.Optional("limit", default=100): whole_number(1, MAX_ITEMS),
    }
)
@async_response
async def websocket_outbox(
    hass: HomeAssistant, connection: ActiveConnection, msg: dict[str, Any]
) -> None:
    """Counts per state, the rows (newest play first) with their reasons, and the accounts.

    ``accounts``: each loaded Last.fm or ListenBrainz account (its entry, the retry action's
    ``config_entry_id``) with its own counts.
    """
    if (access := hub_store_or_send_error(hass, connection, msg)) is None:
        return
    destination: Destination | None = msg.get("destination")
    account = msg["account"].casefold() if "account" in msg else None
    accounts: list[dict[str, Any]] = [
        {"destination": sender.route.destination.value, "account": sender.route.account,
         "title": entry.title, "entry_id": entry.entry_id}
        for entry in hass.config_entries.async_loaded_entries(DOMAIN)
        if isinstance(sender := getattr(entry.runtime_data, "sender", None), OutboxSender)
    ]  # fmt: skip

    def query(store: Store) -> dict[str, Any]:
        outbox = store.outbox
        counts = outbox.counts(destination=destination, account=account)
        entries = outbox.entries(destination=destination, account=account,
                                 states=msg["states"], limit=msg["limit"])  # fmt: skip
        for row in accounts:
            own = outbox.counts(destination=Destination(row["destination"]), account=row["account"])
            row["counts"] = _counts(own)
        return {"counts": _counts(counts), "items": [_item(entry) for entry in entries],
                "accounts": accounts}  # fmt: skip

    connection.send_result(msg["id"], await access.async_run(query, access.store))


def _counts(counts: dict[OutboxState, int]) -> dict[str, int]:
    return {state.value: n for state, n in counts.items()}


def _item(entry: OutboxEntry) -> dict[str, Any]:
    return {
        "id": entry.item_id,
        "destination": entry.destination.value,
        "account": entry.account,
        "state": entry.state.value,
        "artist": entry.artist,
        "title": entry.title,
        "album": entry.album,
        "played_at": _iso(entry.played_at),
        "attempts": entry.attempts,
        "next_attempt_at": _iso(entry.next_attempt_at)
        if entry.state in (OutboxState.QUEUED, OutboxState.SENDING) else None,
        "reason": entry.reason,
        "sent_at": _iso(entry.sent_at),
    }  # fmt: skip


def _iso(epoch: int | None) -> str | None:
    return None if epoch is None else dt_util.utc_from_timestamp(epoch).isoformat()


OUTBOX_WEBSOCKET_COMMANDS = (websocket_outbox,)
