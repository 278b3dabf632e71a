"""The generated covers: valid PNGs, the same for a key every time, different between keys."""

from __future__ import annotations

import struct
import zlib

from .cover_art import COVER_SIZE, PNG_SIGNATURE, cover_key, cover_png


def _chunks(png: bytes) -> list[tuple[bytes, bytes]]:
    """Every chunk's type and data, each CRC checked."""
    assert png.startswith(PNG_SIGNATURE)
    chunks, offset = [], len(PNG_SIGNATURE)
    while offset < len(png):
        (length,) = struct.unpack(">I", png[offset : offset + 4])
        kind, data = png[offset + 4 : offset + 8], png[offset + 8 : offset + 8 + length]
        (crc,) = struct.unpack(">I", png[offset + 8 + length : offset + 12 + length])
        assert crc == zlib.crc32(kind + data), kind
        chunks.append((kind, data))
        offset += 12 + length
    return chunks


def _pixels(png: bytes) -> bytes:
    """The RGB bytes of the rows (each row's filter byte is 0: none), after checking IHDR."""
    chunks = _chunks(png)
    assert [kind for kind, _ in chunks] == [b"IHDR", b"IDAT", b"IEND"]
    width, height, depth, colour, *_ = struct.unpack(">IIBBBBB", chunks[0][1])
    assert (width, height, depth, colour) == (COVER_SIZE, COVER_SIZE, 8, 2)
    raw = zlib.decompress(chunks[1][1])
    stride = 1 + 3 * width
    assert len(raw) == stride * height
    assert {raw[row * stride] for row in range(height)} == {0}
    return b"".join(raw[row * stride + 1 : (row + 1) * stride] for row in range(height))


def test_a_cover_is_a_valid_png_with_more_than_one_colour() -> None:
    pixels = _pixels(cover_png(cover_key("Miles Davis", "Kind of Blue")))
    colours = {pixels[index : index + 3] for index in range(0, len(pixels), 3)}
    assert len(colours) > 50  # A gradient and a motif, not a flat square.


def test_a_key_always_gives_the_same_cover() -> None:
    key = cover_key("Nina Simone", "Pastel Blues")
    first = cover_png(key)
    cover_png.cache_clear()
    assert cover_png(key) == first
    assert key == cover_key("Nina Simone", "Pastel Blues")


def test_different_keys_give_different_covers() -> None:
    keys = {cover_key("Artist", f"Album {number}") for number in range(40)}
    assert len(keys) == 40
    assert len({_pixels(cover_png(key)) for key in keys}) == 40
    assert cover_key("A", "BC") != cover_key("AB", "C")  # The names are kept apart.
