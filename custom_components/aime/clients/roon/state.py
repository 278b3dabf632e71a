"""roonapi-independent pieces of the shim: the reply table and the merge of state changes."""

from __future__ import annotations

from collections.abc import Callable
import logging
import threading
import time
from typing import Any

_LOGGER = logging.getLogger(__name__)

type Table = dict[str, dict[str, Any]]
type Events = list[tuple[str, list[str]]]


class ReplyTable(dict[int, Any]):
    """roonapi's reply table, waking waiters as soon as a reply lands (instead of 50 ms polls)."""

    def __init__(self) -> None:
        super().__init__()
        self._landed = threading.Condition()

    def __setitem__(self, request_id: int, body: Any) -> None:
        with self._landed:
            super().__setitem__(request_id, body)
            self._landed.notify_all()

    def wake(self) -> None:
        with self._landed:
            self._landed.notify_all()

    def wait_for(self, request_id: int, timeout: float, alive: Callable[[], bool]) -> Any:
        """The first truthy reply to ``request_id``, or None after ``timeout`` or a drop."""
        deadline = time.monotonic() + timeout
        with self._landed:
            while not (reply := self.get(request_id)) and alive():
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    break
                self._landed.wait(remaining)
            self.pop(request_id, None)
        return reply or None


def merge_change(
    zones: Table, outputs: Table, key: str, values: list[Any], subscribed: Callable[[str], None]
) -> Events:
    """Apply one change in place; zones and outputs are replaced whole, as the Core sends them.

    ``subscribed(kind)`` is called when a complete list ("zones" or "outputs") arrived.
    """
    if key in ("zones", "outputs"):  # Subscribed: the complete list.
        table = zones if key == "zones" else outputs
        id_key = "zone_id" if key == "zones" else "output_id"
        fresh = {item[id_key]: item for item in values}
        gone = [item_id for item_id in table if item_id not in fresh]
        table.clear()
        table.update(fresh)
        subscribed(key)
        events: Events = [(f"{key}_changed", list(fresh))]
        return [*events, (f"{key}_removed", gone)] if gone else events
    if key in ("zones_added", "zones_changed"):
        zones.update((zone["zone_id"], zone) for zone in values)
        return [("zones_changed", [zone["zone_id"] for zone in values])]
    if key in ("outputs_added", "outputs_changed"):
        outputs.update((output["output_id"], output) for output in values)
        return [("outputs_changed", [output["output_id"] for output in values])]
    if key == "zones_seek_changed":
        return [("zones_seek_changed", _merge_seeks(zones, values))]
    if key in ("zones_removed", "outputs_removed"):
        table = zones if key == "zones_removed" else outputs
        for item_id in values:
            table.pop(item_id, None)
        return [(key, [str(item_id) for item_id in values])]
    _LOGGER.debug("Unknown Roon state change %s", key)
    return []


def _merge_seeks(zones: Table, values: list[Any]) -> list[str]:
    ids = []
    for change in values:
        zone = zones.get(change["zone_id"])
        if zone is None:
            continue
        zone.update(change)
        if isinstance(zone.get("now_playing"), dict) and "seek_position" in change:
            zone["now_playing"]["seek_position"] = change["seek_position"]
        ids.append(change["zone_id"])
    return ids
