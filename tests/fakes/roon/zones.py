"""The fake core's zone model and the JSON shapes it sends: queues, volumes, now playing."""

from __future__ import annotations

from dataclasses import dataclass, field
import hashlib
import struct
from typing import Any
import zlib

from .library import Station, Track, slug


@dataclass(slots=True)
class QueueEntry:
    queue_item_id: int
    track: Track | None = None
    station: Station | None = None

    @property
    def length(self) -> int | None:
        return self.track.length if self.track else None


@dataclass(slots=True)
class Player:
    """What a zone plays: its queue, the current entry and the position in it."""

    entries: list[QueueEntry] = field(default_factory=list)
    index: int = 0
    position: float = 0.0

    @property
    def current(self) -> QueueEntry | None:
        return self.entries[self.index] if self.index < len(self.entries) else None


def number_volume(value: float) -> dict[str, Any]:
    return _volume("number", 0, 100, 1, value)


def db_volume(value: float) -> dict[str, Any]:
    return _volume("db", -80, 0, 0.5, value)


def incremental_volume() -> dict[str, Any]:
    return {"type": "incremental"}


def _volume(kind: str, low: float, high: float, step: float, value: float) -> dict[str, Any]:
    return {
        "type": kind,
        "min": low,
        "max": high,
        "value": value,
        "step": step,
        "is_muted": False,
        "hard_limit_min": low,
        "hard_limit_max": high,
        "soft_limit": high,
    }


def now_playing(entry: QueueEntry, seek: int) -> dict[str, Any]:
    if entry.track is not None:
        track = entry.track
        return {
            "seek_position": seek,
            "length": track.length,
            "image_key": track.image_key,
            "artist_image_keys": [f"img-artist-{slug(track.artist)}"],
            "one_line": {"line1": f"{track.title} - {track.artist}"},
            "two_line": {"line1": track.title, "line2": track.artist},
            "three_line": {"line1": track.title, "line2": track.artist, "line3": track.album},
        }
    assert entry.station is not None
    station = entry.station
    return {  # Live radio: no length.
        "seek_position": seek,
        "image_key": station.image_key,
        "one_line": {"line1": station.name},
        "two_line": {"line1": station.name, "line2": station.subtitle},
        "three_line": {"line1": station.name, "line2": station.subtitle, "line3": ""},
    }


def snap_volume(value: float, low: float, high: float, step: float) -> float:
    """Clamp to the range and round to the volume's step, as a core does."""
    snapped = low + round((min(max(value, low), high) - low) / step) * step
    snapped = min(max(snapped, low), high)
    return int(snapped) if float(step).is_integer() and float(low).is_integer() else snapped


def png(image_key: str, size: int) -> bytes:
    """A square PNG of one colour derived from the key (at most 64 pixels wide)."""
    size = min(max(size, 1), 64)
    red, green, blue = hashlib.sha256(image_key.encode()).digest()[:3]
    row = b"\x00" + bytes((red, green, blue)) * size
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)

    def chunk(kind: bytes, data: bytes) -> bytes:
        crc = zlib.crc32(kind + data)
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)

    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", header)
        + chunk(b"IDAT", zlib.compress(row * size))
        + chunk(b"IEND", b"")
    )
