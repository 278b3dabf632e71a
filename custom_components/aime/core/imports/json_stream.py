"""Records of a JSON export read a chunk at a time: memory holds one record, not the file.

Two layouts: a JSON array of objects (Spotify's history files, older ListenBrainz exports) and
JSON Lines (recent ListenBrainz exports). A record that does not parse is counted as
``malformed`` and reading goes on with the next one (the next line; in an array, the next
object that parses). Exports are UTF-8; UTF-16 (a file saved again by a Windows editor) is
recognised by its byte order mark or its zero bytes. Bytes that are not UTF-8 (a file saved
again as Latin-1) make their record ``wrong_encoding``: guessing their characters would
write wrong names into the history.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
import io
import json
import re
from typing import IO, Any
import zipfile

CHUNK = 256 * 1024  # Characters read at a time.
MAX_RECORD = 1024 * 1024  # A longer record is malformed: reading it would not bound memory.
MALFORMED = "malformed"
WRONG_ENCODING = "wrong_encoding"

_DECODER = json.JSONDecoder()
_BYTE_ESCAPES = re.compile("[\udc80-\udcff]")  # Bytes not UTF-8, kept by "surrogateescape".
_SPACE = re.compile(r"[\s,]*")
_OBJECT_START = re.compile(r"\{")


@dataclass(frozen=True, slots=True)
class JsonRecord:
    """One record: its object, or why there is none (``MALFORMED``, ``WRONG_ENCODING``)."""

    value: dict[str, Any] | None
    problem: str | None = None


def open_text(binary: io.BufferedReader | zipfile.ZipExtFile) -> io.TextIOWrapper:
    """``binary`` as text in the encoding its first bytes show (UTF-8 unless UTF-16)."""
    head = binary.peek(4)[:4]
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):
        encoding = "utf-16"  # The mark tells the byte order, and is dropped.
    elif len(head) >= 2 and head[0] and not head[1]:
        encoding = "utf-16-le"
    elif len(head) >= 2 and not head[0] and head[1]:
        encoding = "utf-16-be"
    else:
        encoding = "utf-8-sig"
    return io.TextIOWrapper(binary, encoding=encoding, errors="surrogateescape")


def json_records(text: IO[str]) -> Iterator[JsonRecord]:
    """The records of ``text``, an array of objects or JSON Lines (told by the first character)."""
    first = text.read(CHUNK)
    start = _SPACE.match(first)
    offset = start.end() if start else 0
    if first[offset : offset + 1] == "[":
        yield from _array_records(text, first[offset + 1 :])
    else:
        yield from _line_records(text, first[offset:])


def _line_records(text: IO[str], pending: str) -> Iterator[JsonRecord]:
    while True:
        newline = pending.find("\n")
        if newline < 0:
            more = text.read(CHUNK)
            if more:
                if len(pending) > MAX_RECORD:  # An endless line: drop it whole.
                    yield JsonRecord(None, MALFORMED)
                    pending = _skip_line(text, more)
                else:
                    pending += more
                continue
            if pending.strip():
                yield _parse_line(pending)
            return
        line, pending = pending[:newline], pending[newline + 1 :]
        if line.strip():
            yield _parse_line(line)


def _skip_line(text: IO[str], pending: str) -> str:
    while (newline := pending.find("\n")) < 0:
        pending = text.read(CHUNK)
        if not pending:
            return ""
    return pending[newline + 1 :]


def _parse_line(line: str) -> JsonRecord:
    if _BYTE_ESCAPES.search(line):
        return JsonRecord(None, WRONG_ENCODING)
    try:
        value = json.loads(line)
    except ValueError:
        return JsonRecord(None, MALFORMED)
    return JsonRecord(value) if isinstance(value, dict) else JsonRecord(None, MALFORMED)


def _array_records(text: IO[str], pending: str) -> Iterator[JsonRecord]:
    """The elements of an array whose "[" was read; ``pending`` is what follows it."""
    ended = False
    position = 0
    while True:
        space = _SPACE.match(pending, position)
        position = space.end() if space else position
        if position >= len(pending) - 1 and not ended:
            more = text.read(CHUNK)
            ended = not more
            pending, position = pending[position:] + more, 0
            continue
        if position >= len(pending) or pending[position] == "]":
            return
        try:
            value, end = _DECODER.raw_decode(pending, position)
        except ValueError:
            if not ended and len(pending) - position < MAX_RECORD:
                more = text.read(CHUNK)  # Maybe only cut by the chunk's end: read on.
                ended = not more
                pending, position = pending[position:] + more, 0
                continue
            yield JsonRecord(None, MALFORMED)
            position = _next_object(pending, position + 1)
            if position < 0:  # No object parses in what is left in memory: drop it.
                pending, position = "", 0
                if ended:
                    return
            continue
        if _BYTE_ESCAPES.search(pending, position, end):
            yield JsonRecord(None, WRONG_ENCODING)
        elif isinstance(value, dict):
            yield JsonRecord(value)
        else:
            yield JsonRecord(None, MALFORMED)
        position = end
        if position > CHUNK:  # Drop what was read, so the text kept stays one chunk or so.
            pending, position = pending[position:], 0


def _next_object(pending: str, position: int) -> int:
    """Where the next object that parses starts, after a broken one; -1 when none does."""
    while (found := _OBJECT_START.search(pending, position)) is not None:
        try:
            value, _ = _DECODER.raw_decode(pending, found.start())
        except ValueError:
            position = found.start() + 1
            continue
        # A nested object of the broken record parses too: the record's own keys tell.
        if isinstance(value, dict) and _is_record(value):
            return found.start()
        position = found.start() + 1
    return -1


def _is_record(value: dict[str, Any]) -> bool:
    return "ts" in value or "listened_at" in value
