"""The streamed JSON reader: records of an array or of JSON Lines, a chunk at a time, broken
records counted and passed over, encodings told by their first bytes."""

from __future__ import annotations

import io
import json

import pytest

from custom_components.aime.core.imports import json_stream
from custom_components.aime.core.imports.json_stream import (
    MALFORMED,
    WRONG_ENCODING,
    JsonRecord,
    json_records,
    open_text,
)


def _read(data: bytes) -> list[JsonRecord]:
    return list(json_records(open_text(io.BufferedReader(io.BytesIO(data)))))


def _listen(n: int) -> dict[str, object]:
    return {"listened_at": n, "track_metadata": {"track_name": f"T{n}", "additional_info": {}}}


@pytest.fixture
def small_chunks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Chunks of 7 characters: records cut everywhere, the memory cap a few records."""
    monkeypatch.setattr(json_stream, "CHUNK", 7)
    monkeypatch.setattr(json_stream, "MAX_RECORD", 400)


@pytest.mark.usefixtures("small_chunks")
def test_array_resumes_after_a_broken_record() -> None:
    """A broken listen (its nested objects parse, but are not listens) counts once; the next
    listen is found again."""
    broken = '{"listened_at": 2, "track_metadata": {"additional_info": {}}, oops}'
    data = f"[{json.dumps(_listen(1))}, {broken}, {json.dumps(_listen(3))}]".encode()
    records = _read(data)
    assert [r.value["listened_at"] if r.value else r.problem for r in records] == [
        1,
        MALFORMED,
        3,
    ]


@pytest.mark.usefixtures("small_chunks")
def test_lines_with_an_endless_line_and_no_final_newline() -> None:
    endless = '{"listened_at": 2, "x": "' + "a" * 1_000 + '"}'
    data = "\n".join([json.dumps(_listen(1)), endless, "[1]", "", json.dumps(_listen(4))])
    records = _read(data.encode())
    assert [r.value["listened_at"] if r.value else r.problem for r in records] == [
        1,
        MALFORMED,
        MALFORMED,
        4,
    ]


def test_encodings() -> None:
    text = json.dumps([_listen(1) | {"name": "Beyoncé"}], ensure_ascii=False)
    for encoding in ("utf-8", "utf-8-sig", "utf-16", "utf-16-le", "utf-16-be"):
        (record,) = _read(text.encode(encoding))
        assert record.value is not None
        assert record.value["name"] == "Beyoncé"
    (record,) = _read(text.encode("latin-1"))
    assert record.problem == WRONG_ENCODING
    assert _read(b"") == []
    assert _read(b"  [ ]  ") == []
