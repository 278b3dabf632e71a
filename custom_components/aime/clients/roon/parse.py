"""The Core's JSON (as roonapi merges it) turned into typed state; replies checked."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
import logging
from typing import Any, Final

from .models import (
    RepeatMode,
    RoonBrowseItem,
    RoonBrowsePage,
    RoonCommandError,
    RoonFailure,
    RoonNowPlaying,
    RoonOutput,
    RoonSourceControl,
    RoonVolume,
    RoonZone,
    VolumeType,
)

_LOGGER = logging.getLogger(__name__)

_SUCCESS: Final = "Success"
_REPEAT_FOR_LOOP: Final[dict[str, RepeatMode]] = {
    "disabled": "off",
    "loop": "all",
    "loop_one": "one",
}


def _text(raw: Any) -> str | None:
    return raw if isinstance(raw, str) and raw else None


def _number(raw: Any) -> float | None:
    return float(raw) if isinstance(raw, int | float) and not isinstance(raw, bool) else None


def _number_or(raw: Any, default: float) -> float:
    number = _number(raw)
    return default if number is None else number


def _parse_volume(raw: Any) -> RoonVolume | None:
    if not isinstance(raw, Mapping):
        return None
    try:
        kind = VolumeType(str(raw.get("type")))
    except ValueError:
        return None
    return RoonVolume(
        kind,
        minimum=_number_or(raw.get("min"), 0),
        maximum=_number_or(raw.get("max"), 0),
        value=_number(raw.get("value")),
        step=_number_or(raw.get("step"), 1),
        muted=bool(raw.get("is_muted")),
    )


def _parse_output(raw: Mapping[str, Any]) -> RoonOutput:
    return RoonOutput(
        output_id=str(raw["output_id"]),
        zone_id=str(raw.get("zone_id", "")),
        display_name=str(raw.get("display_name", "")),
        volume=_parse_volume(raw.get("volume")),
        source_controls=tuple(
            RoonSourceControl(
                str(control.get("control_key", "")),
                str(control.get("display_name", "")),
                str(control.get("status", "")),
                bool(control.get("supports_standby")),
            )
            for control in raw.get("source_controls") or ()
        ),
        can_group_with_output_ids=tuple(raw.get("can_group_with_output_ids") or ()),
    )


def _parse_now_playing(raw: Any, seek: float | None) -> RoonNowPlaying | None:
    if not isinstance(raw, Mapping):
        return None
    lines: Mapping[str, Any] = raw.get("three_line") or raw.get("two_line") or {}
    title = _text(lines.get("line1")) or _text((raw.get("one_line") or {}).get("line1")) or ""
    length = _number(raw.get("length"))
    return RoonNowPlaying(
        title=title,
        artist=_text(lines.get("line2")),
        album=_text(lines.get("line3")),
        length=int(length) if length else None,
        image_key=_text(raw.get("image_key")),
        seek_position=seek,
    )


def _parse_zone(raw: Mapping[str, Any]) -> RoonZone:
    settings = raw.get("settings") or {}
    state = str(raw.get("state", "stopped"))
    seek = _number(raw.get("seek_position"))
    # roonapi-style merges can keep a stale now_playing after the queue ends: trust state.
    now_playing = (
        None if state == "stopped" and not raw.get("now_playing") else raw.get("now_playing")
    )
    return RoonZone(
        zone_id=str(raw["zone_id"]),
        display_name=str(raw.get("display_name", "")),
        state=state,
        outputs=tuple(_parse_output(output) for output in raw.get("outputs") or ()),
        now_playing=_parse_now_playing(now_playing, seek),
        seek_position=seek,
        shuffle=bool(settings.get("shuffle")),
        repeat=_REPEAT_FOR_LOOP.get(str(settings.get("loop")), "off"),
        auto_radio=bool(settings.get("auto_radio")),
        is_play_allowed=bool(raw.get("is_play_allowed")),
        is_pause_allowed=bool(raw.get("is_pause_allowed")),
        is_seek_allowed=bool(raw.get("is_seek_allowed")),
        is_next_allowed=bool(raw.get("is_next_allowed")),
        is_previous_allowed=bool(raw.get("is_previous_allowed")),
        queue_items_remaining=int(raw.get("queue_items_remaining") or 0),
        queue_time_remaining=int(raw.get("queue_time_remaining") or 0),
    )


def _parse_page(raw: Mapping[str, Any]) -> RoonBrowsePage:
    info: Mapping[str, Any] = raw.get("list") or {}
    return RoonBrowsePage(
        title=str(info.get("title", "")),
        subtitle=_text(info.get("subtitle")),
        image_key=_text(info.get("image_key")),
        level=int(info.get("level") or 0),
        count=int(info.get("count") or 0),
        offset=int(raw.get("offset") or 0),
        items=tuple(
            RoonBrowseItem(
                title=str(item.get("title", "")),
                subtitle=_text(item.get("subtitle")),
                image_key=_text(item.get("image_key")),
                item_key=_text(item.get("item_key")),
                hint=_text(item.get("hint")),
            )
            for item in raw.get("items") or ()
        ),
    )


def _checked(result: Any) -> Any:
    """roonapi's reply: 'MOO/1 COMPLETE <name>' without a body, the body dict, None on timeout."""
    if result is None:
        raise RoonCommandError(RoonFailure.NO_REPLY)
    if isinstance(result, Mapping):
        if "error" in result:
            raise RoonCommandError(RoonFailure.REJECTED, str(result["error"]))
        if result.get("is_error"):
            raise RoonCommandError(RoonFailure.REJECTED, str(result.get("message", "")))
        return result
    name = str(result).split(" ", 2)[-1]
    if name == _SUCCESS:
        return result
    if name == "InvalidItemKey":
        raise RoonCommandError(RoonFailure.STALE_ITEM, name)
    raise RoonCommandError(RoonFailure.REJECTED, name)


def _parse_all[T](raw: Mapping[str, Any], parse: Callable[[Mapping[str, Any]], T]) -> dict[str, T]:
    parsed: dict[str, T] = {}
    for item_id, item in raw.items():
        try:
            parsed[item_id] = parse(item)
        except (KeyError, TypeError, ValueError):
            _LOGGER.warning("Ignoring a malformed Roon object %s", item_id)
    return parsed


def _updated[T](
    current: dict[str, T],
    raw: Mapping[str, Any],
    ids: list[str],
    parse: Callable[[Mapping[str, Any]], T],
) -> dict[str, T]:
    """A new snapshot with ``ids`` re-read, or dropped when gone (copy on write)."""
    updated = dict(current)
    for item_id in ids:
        if item_id not in raw:
            updated.pop(item_id, None)
            continue
        try:
            updated[item_id] = parse(raw[item_id])
        except (KeyError, TypeError, ValueError):
            _LOGGER.warning("Ignoring a malformed Roon object %s", item_id)
    return updated


def _with_seeks(
    current: dict[str, RoonZone], raw: Mapping[str, Any], ids: list[str]
) -> dict[str, RoonZone]:
    """The cheap path for the Core's once-a-second seek updates: only positions change."""
    updated = dict(current)
    for zone_id in ids:
        zone, fresh = updated.get(zone_id), raw.get(zone_id)
        if zone is None or fresh is None:
            continue
        seek = _number(fresh.get("seek_position"))
        now_playing = zone.now_playing and replace(zone.now_playing, seek_position=seek)
        updated[zone_id] = replace(
            zone,
            seek_position=seek,
            now_playing=now_playing,
            queue_time_remaining=int(fresh.get("queue_time_remaining") or 0),
        )
    return updated
