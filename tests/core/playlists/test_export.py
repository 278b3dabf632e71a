"""Playlist files: exact text of each format."""

from __future__ import annotations

import json

import pytest

from custom_components.aime.core.playlists.export import ExportFormat, export_playlist
from custom_components.aime.core.playlists.models import Playlist, PlaylistTrack

PLAYLIST = Playlist(
    name="Late\nnight",
    algorithm="top_sessions",
    tracks=(
        PlaylistTrack(1, "So What", "Miles Davis", "Kind of Blue", 562),
        PlaylistTrack(2, 'Say "Hi", Bye', "Ada", "", None),
    ),
    parameters={"max_tracks": 25},
    id=7,
    created_at=1000,
)


def test_m3u() -> None:
    """Extended M3U; unknown durations are -1; no line breaks inside fields."""
    assert export_playlist(PLAYLIST, ExportFormat.M3U) == (
        "#EXTM3U\n"
        "#PLAYLIST:Late night\n"
        "#EXTINF:562,Miles Davis - So What\n"
        "#EXTALB:Kind of Blue\n"
        "Miles Davis - So What\n"
        '#EXTINF:-1,Ada - Say "Hi", Bye\n'
        'Ada - Say "Hi", Bye\n'
    )


def test_csv() -> None:
    """A header, then one quoted-as-needed row per track."""
    assert export_playlist(PLAYLIST, ExportFormat.CSV) == (
        "Position,Artist,Title,Album,Duration\n"
        "1,Miles Davis,So What,Kind of Blue,562\n"
        '2,Ada,"Say ""Hi"", Bye",,\n'
    )


def test_json() -> None:
    """The same data the actions return."""
    data = json.loads(export_playlist(PLAYLIST, ExportFormat.JSON))
    assert data == PLAYLIST.as_dict()
    assert data["total_duration"] == 562
    assert data["tracks"][1]["position"] == 2


@pytest.mark.parametrize("file_format", list(ExportFormat))
def test_every_format_ends_with_a_newline(file_format: ExportFormat) -> None:
    """Text files end with a line break."""
    assert export_playlist(PLAYLIST, file_format).endswith("\n")
