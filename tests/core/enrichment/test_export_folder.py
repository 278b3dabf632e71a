"""The exports folder: automatic names, numbering within a second, pruning, refused paths."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
import os
from pathlib import Path

import pytest

from custom_components.aime.core.enrichment.export_folder import (
    ExportFormat,
    ExportPathError,
    ExportSubject,
    resolve_export_path,
    write_export,
)

EXPORTED_AT = datetime(2024, 5, 1, 8, 0, tzinfo=timezone(timedelta(hours=2)))


def test_write_export_keeps_the_newest(tmp_path: Path) -> None:
    """Automatic files are named by time and pruned per subject and format."""
    exports = tmp_path / "aime" / "exports"
    start = datetime(2024, 5, 1, 8, 0, tzinfo=UTC)
    written = [
        write_export(
            exports,
            ExportSubject.COLLECTION,
            ExportFormat.MARKDOWN,
            f"# {index}\n",
            now=start + timedelta(days=index // 2),  # Two per second: a numbered name.
            keep=3,
        )
        for index in range(6)
    ]
    other = write_export(
        exports, ExportSubject.COLLECTION, ExportFormat.JSON, "{}", now=start, keep=3
    )
    (exports / "notes.md").write_text("mine")

    assert sorted(path.name for path in exports.iterdir()) == [
        "collection-20240501-080000.json",
        "collection-20240502-080000-2.md",
        "collection-20240503-080000-2.md",
        "collection-20240503-080000.md",
        "notes.md",
    ]
    assert written[5].read_text() == "# 5\n"
    assert other.read_text() == "{}"
    assert not list(exports.glob(".*"))  # No partial file left.


def test_write_export_with_a_file_name(tmp_path: Path) -> None:
    exports = tmp_path / "exports"
    now = datetime(2024, 5, 1, tzinfo=UTC)
    kinds = (ExportSubject.HISTORY, ExportFormat.JSON)
    named = write_export(exports, *kinds, "{}", now=now, filename="week")
    assert named == exports / "week.json"
    absolute = write_export(exports, *kinds, "[]", now=now, filename=str(exports / "a.json"))
    assert absolute.read_text() == "[]"
    for _ in range(3):
        write_export(exports, *kinds, "{}", now=now, keep=1)
    assert sorted(path.name for path in exports.iterdir()) == [
        "a.json",
        "history-20240501-000000-3.json",
        "week.json",
    ]


@pytest.mark.parametrize(
    "requested", ["../escape.md", "/etc/passwd", "sub/file.md", "", " ", ".hidden", "..", "link.md"]
)
def test_paths_outside_the_folder_are_refused(tmp_path: Path, requested: str) -> None:
    exports = tmp_path / "exports"
    exports.mkdir()
    (tmp_path / "outside.md").write_text("secret")
    os.symlink(tmp_path / "outside.md", exports / "link.md")
    with pytest.raises(ExportPathError):
        resolve_export_path(exports, requested)
    with pytest.raises(ExportPathError):
        write_export(
            exports,
            ExportSubject.COLLECTION,
            ExportFormat.MARKDOWN,
            "x",
            now=EXPORTED_AT,
            filename=requested,
        )
    assert (tmp_path / "outside.md").read_text() == "secret"


def test_write_export_numbers_a_subject_with_regex_characters(tmp_path: Path) -> None:
    """The file stem is matched literally: "+", "(", "." or "[" in it are no pattern."""
    exports = tmp_path / "exports"
    now = datetime(2024, 5, 1, tzinfo=UTC)
    written = [
        write_export(exports, "a+b (1).[x]", ExportFormat.MARKDOWN, f"{index}", now=now)
        for index in range(3)
    ]
    assert [path.name for path in written] == [
        "a+b (1).[x]-20240501-000000.md",
        "a+b (1).[x]-20240501-000000-2.md",
        "a+b (1).[x]-20240501-000000-3.md",
    ]
    assert [path.read_text() for path in written] == ["0", "1", "2"]
