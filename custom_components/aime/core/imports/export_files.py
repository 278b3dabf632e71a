"""The files of a streaming-history export: one file, a folder, or the zip the service sent.

Spotify's extended streaming history holds ``Streaming_History_Audio_*.json`` files
(``endsong_*.json`` in exports before 2023; the ``_Video_`` files and the rest are left out).
A ListenBrainz export is a zip of ``listens/<year>/<month>.jsonl`` files beside ``user.json``
and ``feedback.jsonl`` (left out), or, from older exports, a single JSON array
(``<user>_lb-<date>.json``). A file given by itself is read whatever its name.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from enum import StrEnum
import fnmatch
import io
import os
from pathlib import Path, PurePosixPath
from typing import cast
import zipfile

from .json_stream import open_text


class ExportKind(StrEnum):
    """Which service's export."""

    SPOTIFY = "spotify"
    LISTENBRAINZ = "listenbrainz"


class ExportFailure(StrEnum):
    """Why an export cannot be read. Values double as translation keys."""

    NOT_FOUND = "history_export_not_found"
    SPOTIFY_WRONG_FORMAT = "spotify_export_wrong_format"
    LISTENBRAINZ_WRONG_FORMAT = "listenbrainz_export_wrong_format"
    UNREADABLE = "history_export_unreadable"


class ExportError(Exception):
    """The path holds no export of that kind, or cannot be read. Nothing was imported."""

    def __init__(self, failure: ExportFailure, detail: str = "") -> None:
        super().__init__(f"{failure.value}: {detail}" if detail else failure.value)
        self.failure = failure
        self.detail = detail


_PATTERNS = {
    ExportKind.SPOTIFY: ("streaming_history_audio_*.json", "endsong_*.json"),
    # Older exports were one array: "<user>_lb-<date>.json".
    ExportKind.LISTENBRAINZ: ("*.jsonl", "*_lb-*.json"),
}
_WRONG_FORMAT = {
    ExportKind.SPOTIFY: ExportFailure.SPOTIFY_WRONG_FORMAT,
    ExportKind.LISTENBRAINZ: ExportFailure.LISTENBRAINZ_WRONG_FORMAT,
}
_LEFT_OUT = {ExportKind.SPOTIFY: (), ExportKind.LISTENBRAINZ: ("feedback.jsonl",)}
# A file given by itself may have been renamed: its extension is enough.
_EXTENSIONS = {ExportKind.SPOTIFY: (".json",), ExportKind.LISTENBRAINZ: (".json", ".jsonl")}


@dataclass(frozen=True, slots=True)
class ExportFile:
    """One file of the export: a file on disk, or ``member`` of the zip at ``path``."""

    path: Path
    member: str | None
    size: int

    @property
    def name(self) -> str:
        """How the report and the logs name it."""
        return self.member if self.member is not None else self.path.name


def find_export_files(path: Path, kind: ExportKind) -> list[ExportFile]:
    """The export's files at ``path`` in name order. Blocks; raises ``ExportError``."""
    if not path.exists():
        raise ExportError(ExportFailure.NOT_FOUND)
    if path.is_dir():
        files = [
            ExportFile(Path(root, name), None, Path(root, name).stat().st_size)
            for root, _, names in os.walk(path)
            for name in names
            if _is_export(name, kind)
        ]
    elif zipfile.is_zipfile(path):
        try:
            with zipfile.ZipFile(path) as archive:
                files = [
                    ExportFile(path, info.filename, info.file_size)
                    for info in archive.infolist()
                    if not info.is_dir() and _is_export(PurePosixPath(info.filename).name, kind)
                ]
        except (OSError, zipfile.BadZipFile) as err:
            raise ExportError(ExportFailure.UNREADABLE, str(err)) from err
    elif path.suffix.casefold() in _EXTENSIONS[kind]:
        files = [ExportFile(path, None, path.stat().st_size)]
    else:
        raise ExportError(_WRONG_FORMAT[kind])
    if not files:
        raise ExportError(_WRONG_FORMAT[kind])
    return sorted(files, key=lambda file: (str(file.path), file.member or ""))


def _is_export(name: str, kind: ExportKind) -> bool:
    folded = name.casefold()
    return any(fnmatch.fnmatchcase(folded, pattern) for pattern in _PATTERNS[kind]) and not any(
        fnmatch.fnmatchcase(folded, pattern) for pattern in _LEFT_OUT[kind]
    )


class OpenExportFile:
    """An export file open as text; ``position`` is how many of its bytes were read."""

    def __init__(self, binary: io.BufferedReader | zipfile.ZipExtFile) -> None:
        self._binary = binary
        self.text = open_text(binary)

    @property
    def position(self) -> int:
        """Bytes read so far (a little ahead of the records handed out)."""
        return self._binary.tell()


@contextmanager
def open_export_file(file: ExportFile) -> Iterator[OpenExportFile]:
    """Open ``file`` for reading. Blocks; raises ``ExportError`` when it cannot be read."""
    try:
        if file.member is None:
            with file.path.open("rb") as binary:
                yield OpenExportFile(binary)
        else:
            with zipfile.ZipFile(file.path) as archive, archive.open(file.member) as member:
                yield OpenExportFile(cast(zipfile.ZipExtFile, member))  # What open() gives.
    except (OSError, zipfile.BadZipFile, EOFError) as err:
        raise ExportError(ExportFailure.UNREADABLE, f"{file.name}: {err}") from err
