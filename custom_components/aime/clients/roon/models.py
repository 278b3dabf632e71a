"""The Roon client's errors (ready for translation) and its typed, frozen state."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from typing import Literal

RoonControl = Literal["play", "pause", "playpause", "stop", "next", "previous"]
RepeatMode = Literal["off", "all", "one"]
SearchKind = Literal["album", "artist", "track", "playlist"]
ChangeCallback = Callable[["RoonEvent", list[str]], None]


# --- errors ----------------------------------------------------------------------------------


class RoonError(Exception):
    """Any Roon failure."""


class RoonConnectionError(RoonError):
    """The Core cannot be reached, or the connection failed."""


class RoonAuthorizationPending(RoonError):
    """The Core is reached but has not (or no longer) enabled the extension in its settings."""


class RoonLibraryMismatch(RoonError):
    """The installed roonapi lacks a private hook the shim overrides (see ``roonapi_shim``)."""

    def __init__(self, installed: str, supported: str, missing: list[str]) -> None:
        super().__init__(
            f"roonapi {installed} is not supported (written for {supported}); "
            f"missing: {', '.join(missing)}"
        )
        self.installed = installed
        self.supported = supported
        self.missing = missing


class RoonFailure(StrEnum):
    """Why a command failed. Values double as translation keys."""

    NOT_CONNECTED = "roon_not_connected"
    NO_REPLY = "roon_no_reply"
    REJECTED = "roon_rejected"
    UNKNOWN_ZONE = "roon_unknown_zone"
    UNKNOWN_OUTPUT = "roon_unknown_output"
    FIXED_VOLUME = "roon_fixed_volume"
    VOLUME_NOT_SETTABLE = "roon_volume_not_settable"
    NO_STANDBY = "roon_no_standby"
    NOT_GROUPABLE = "roon_not_groupable"
    NOT_FOUND = "roon_not_found"
    STALE_ITEM = "roon_stale_item"


class RoonCommandError(RoonError):
    """A command failed; ``reason`` is a translation key, ``detail`` the Core's words."""

    def __init__(self, reason: RoonFailure, detail: str = "") -> None:
        super().__init__(f"{reason.value}: {detail}" if detail else reason.value)
        self.reason = reason
        self.detail = detail


# --- typed state -----------------------------------------------------------------------------


class RoonEvent(StrEnum):
    """What ``on_change`` callbacks receive, with the ids concerned (none for connection events)."""

    ZONES_CHANGED = "zones_changed"
    ZONES_SEEK_CHANGED = "zones_seek_changed"
    ZONES_REMOVED = "zones_removed"
    OUTPUTS_CHANGED = "outputs_changed"
    OUTPUTS_REMOVED = "outputs_removed"
    CONNECTED = "connected"  # back after a loss: re-read zones and outputs
    DISCONNECTED = "disconnected"  # lost: reconnecting in the background
    AUTHORIZATION_REQUIRED = "authorization_required"  # the Core no longer knows the token


class VolumeType(StrEnum):
    NUMBER = "number"
    DB = "db"
    INCREMENTAL = "incremental"  # up/down steps only, no level


@dataclass(frozen=True, slots=True)
class RoonVolume:
    """An output's volume control; an output without one has a fixed volume."""

    type: VolumeType
    minimum: float = 0
    maximum: float = 100
    value: float | None = None
    step: float = 1
    muted: bool = False

    @property
    def settable(self) -> bool:
        """Whether a level can be set (not for incremental controls)."""
        return self.type is not VolumeType.INCREMENTAL and self.maximum > self.minimum

    @property
    def level(self) -> float | None:
        """The volume on a 0-1 scale, linear over min..max (dB included)."""
        if not self.settable or self.value is None:
            return None
        ratio = (self.value - self.minimum) / (self.maximum - self.minimum)
        return min(max(ratio, 0.0), 1.0)

    def raw_for(self, level: float) -> float:
        """The Core's value for a 0-1 level, on the control's step grid."""
        level = min(max(level, 0.0), 1.0)
        raw = self.minimum + level * (self.maximum - self.minimum)
        if self.step > 0:
            raw = self.minimum + round((raw - self.minimum) / self.step) * self.step
        raw = min(max(raw, self.minimum), self.maximum)
        if float(self.step).is_integer() and float(self.minimum).is_integer():
            return round(raw)
        return round(raw, 6)


@dataclass(frozen=True, slots=True)
class RoonSourceControl:
    control_key: str
    display_name: str
    status: str  # selected | deselected | standby | indeterminate
    supports_standby: bool


@dataclass(frozen=True, slots=True)
class RoonOutput:
    output_id: str
    zone_id: str
    display_name: str
    volume: RoonVolume | None
    source_controls: tuple[RoonSourceControl, ...] = ()
    can_group_with_output_ids: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class RoonNowPlaying:
    title: str
    artist: str | None
    album: str | None
    length: int | None  # None for live radio
    image_key: str | None
    seek_position: float | None

    @property
    def is_live(self) -> bool:
        return self.length is None


@dataclass(frozen=True, slots=True)
class RoonZone:
    """A zone; read ``state`` (not ``now_playing``) to know whether something plays."""

    zone_id: str
    display_name: str
    state: str  # playing | paused | loading | stopped
    outputs: tuple[RoonOutput, ...]
    now_playing: RoonNowPlaying | None
    seek_position: float | None
    shuffle: bool
    repeat: RepeatMode
    auto_radio: bool
    is_play_allowed: bool
    is_pause_allowed: bool
    is_seek_allowed: bool
    is_next_allowed: bool
    is_previous_allowed: bool
    queue_items_remaining: int
    queue_time_remaining: int

    @property
    def output_ids(self) -> tuple[str, ...]:
        return tuple(output.output_id for output in self.outputs)


@dataclass(frozen=True, slots=True)
class RoonBrowseItem:
    title: str
    subtitle: str | None
    image_key: str | None
    item_key: str | None
    hint: str | None  # None | list | action_list | action | header


@dataclass(frozen=True, slots=True)
class RoonBrowsePage:
    title: str
    subtitle: str | None
    image_key: str | None
    level: int
    count: int  # items in the whole list
    offset: int
    items: tuple[RoonBrowseItem, ...]


@dataclass(frozen=True, slots=True)
class RoonPairing:
    token: str
    core_id: str
    core_name: str


@dataclass(frozen=True, slots=True)
class RoonMatch:
    """What search_and_play picked."""

    title: str
    subtitle: str | None


class PlayAction(StrEnum):
    PLAY_NOW = "Play Now"
    ADD_NEXT = "Add Next"
    QUEUE = "Queue"
    START_RADIO = "Start Radio"  # artists and albums only
