"""Generated album covers: a PNG per key, the same every time, written without Pillow.

Each key (an album's artist and title, say) picks two colours for a diagonal gradient and a
motif drawn in a third: a sun, a record, or stripes. Rows are slices of a precomputed
gradient, so a 300-pixel cover takes a few milliseconds; the bytes are cached per key.
"""

from __future__ import annotations

import colorsys
from functools import lru_cache
import hashlib
import struct
import zlib

PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
COVER_SIZE = 300
_MOTIFS = ("sun", "record", "stripes")

type Rgb = tuple[int, int, int]


def cover_key(*names: str) -> str:
    """A short key naming a subject ("artist", "title"), safe in a URL path."""
    return hashlib.sha256("\n".join(names).encode()).hexdigest()[:20]


@lru_cache(maxsize=1024)
def cover_png(key: str, size: int = COVER_SIZE) -> bytes:
    """The cover of ``key``: a square RGB PNG, ``size`` pixels wide."""
    digest = hashlib.sha256(key.encode()).digest()
    start, end, ink = _colours(digest)
    # The gradient along x + y: row y is the slice starting at pixel y.
    gradient = b"".join(bytes(_mix(start, end, step / (2 * size - 2))) for step in range(2 * size))
    motif = _MOTIFS[digest[6] % len(_MOTIFS)]
    rows = bytearray()
    for y in range(size):
        row = bytearray(gradient[y * 3 : (y + size) * 3])
        for x0, x1 in _spans(motif, digest, size, y):
            row[x0 * 3 : x1 * 3] = bytes(ink) * (x1 - x0)
        rows += b"\x00" + row  # Filter type 0 (none) before each row.
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)  # 8-bit RGB
    return (
        PNG_SIGNATURE
        + _chunk(b"IHDR", header)
        + _chunk(b"IDAT", zlib.compress(bytes(rows), 6))
        + _chunk(b"IEND", b"")
    )


def _colours(digest: bytes) -> tuple[Rgb, Rgb, Rgb]:
    """Two gradient colours a third of the wheel apart, and a light or dark ink."""
    hue = digest[0] / 256
    start = _hsv(hue, 0.45 + digest[1] / 1024, 0.55 + digest[2] / 800)
    end = _hsv((hue + 0.18 + digest[3] / 1600) % 1, 0.55 + digest[4] / 1024, 0.35 + digest[5] / 900)
    ink = _hsv((hue + 0.5) % 1, 0.25, 0.95) if digest[7] % 2 else _hsv(hue, 0.6, 0.18)
    return start, end, ink


def _hsv(hue: float, saturation: float, value: float) -> Rgb:
    red, green, blue = colorsys.hsv_to_rgb(hue, min(saturation, 1.0), min(value, 1.0))
    return round(red * 255), round(green * 255), round(blue * 255)


def _mix(start: Rgb, end: Rgb, share: float) -> Rgb:
    red, green, blue = (round(a + (b - a) * share) for a, b in zip(start, end, strict=True))
    return red, green, blue


def _spans(motif: str, digest: bytes, size: int, y: int) -> list[tuple[int, int]]:
    """The [x0, x1) runs of row ``y`` painted in the ink."""
    if motif == "stripes":
        height = size // (10 + digest[8] % 8)
        top = size // 2 + digest[9] * size // 1024  # Five bands in the lower half.
        inside = top <= y < top + 9 * height
        return [(0, size)] if inside and (y - top) // height % 2 == 0 else []
    centre_x = size // 4 + digest[9] * size // 512
    centre_y = size // 4 + digest[10] * size // 512
    radius = size // 5 + digest[11] * size // 1280
    outer = _chord(centre_x, centre_y, radius, y, size)
    if motif == "sun" or outer is None:
        return [] if outer is None else [outer]
    hole = _chord(centre_x, centre_y, radius // 3, y, size)  # A record's label, in the gradient.
    return [outer] if hole is None else [(outer[0], hole[0]), (hole[1], outer[1])]


def _chord(centre_x: int, centre_y: int, radius: int, y: int, size: int) -> tuple[int, int] | None:
    """The run of row ``y`` inside the circle, clipped to the image."""
    dy = y - centre_y
    if abs(dy) > radius:
        return None
    half = int((radius * radius - dy * dy) ** 0.5)
    return max(centre_x - half, 0), min(centre_x + half + 1, size)


def _chunk(kind: bytes, data: bytes) -> bytes:
    crc = zlib.crc32(kind + data)
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", crc)
