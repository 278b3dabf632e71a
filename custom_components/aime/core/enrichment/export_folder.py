"""The exports folder: writing an export file, numbering and pruning the automatic ones.

Automatic names are ``<subject>-YYYYMMDD-HHMMSS[-N].<md|json>``; a name the user gives must
resolve directly inside the folder (no other folder, no "..", no symlink leading out, no
hidden file) and is never pruned.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from pathlib import Path
import re

DEFAULT_KEEP = 5


class ExportSubject(StrEnum):
    COLLECTION = "collection"
    HISTORY = "history"


class ExportFormat(StrEnum):
    MARKDOWN = "markdown"
    JSON = "json"


EXTENSIONS = {ExportFormat.MARKDOWN: "md", ExportFormat.JSON: "json"}


class ExportPathError(ValueError):
    """The requested file is not directly inside the exports folder."""


def resolve_export_path(directory: Path, requested: str) -> Path:
    """The file ``requested`` names (absolute, or relative to ``directory``), if directly inside.

    Anything else — another folder, "..", a symlink leading out, a hidden name — raises
    ``ExportPathError``.
    """
    if not requested.strip():
        raise ExportPathError("empty file name")
    path = Path(requested)
    target = (path if path.is_absolute() else directory / path).resolve()
    if target.parent != directory.resolve() or target.name.startswith("."):
        raise ExportPathError(f"{requested!r} is not a file in {directory}")
    return target


def write_export(
    directory: Path,
    subject: str,
    export_format: ExportFormat,
    text: str,
    *,
    now: datetime,
    keep: int = DEFAULT_KEEP,
    filename: str | None = None,
) -> Path:
    """Write ``text`` into ``directory`` and keep only the newest ``keep`` automatic files.

    Automatic names are ``<subject>-YYYYMMDD-HHMMSS.<md|json>``; a ``filename`` given by the
    user must resolve directly inside ``directory`` and is never pruned. ``subject`` is an
    ``ExportSubject`` or another kind of file (``recap``).
    """
    directory.mkdir(parents=True, exist_ok=True)
    extension = EXTENSIONS[export_format]
    if filename is not None:
        target = resolve_export_path(directory, filename)
        if target.suffix != f".{extension}":
            target = resolve_export_path(directory, f"{target.name}.{extension}")
    else:
        # Within one second, number the files after the newest one (pruned ones included).
        stem = f"{subject}-{now:%Y%m%d-%H%M%S}"
        same_second = re.compile(rf"^{re.escape(stem)}(?:-(\d+))?\.{re.escape(extension)}$")
        taken = [int(m[1] or 1) for p in directory.iterdir() if (m := same_second.match(p.name))]
        name = f"{stem}-{max(taken) + 1}" if taken else stem
        target = directory.resolve() / f"{name}.{extension}"
    partial = target.with_name(f".{target.name}.partial")
    partial.write_text(text, encoding="utf-8")
    partial.replace(target)
    _prune(directory, subject, extension, max(keep, 1))
    return target


def _prune(directory: Path, subject: str, extension: str, keep: int) -> None:
    pattern = re.compile(rf"^{re.escape(subject)}-(\d{{8}}-\d{{6}})(?:-(\d+))?\.{extension}$")
    automatic = []
    for path in directory.iterdir():
        if match := pattern.match(path.name):
            automatic.append(((match[1], int(match[2] or 1)), path))
    for _key, path in sorted(automatic, reverse=True)[keep:]:
        path.unlink(missing_ok=True)
