"""Playlist files: M3U, JSON and CSV, as text (the caller writes them).

AIME knows tracks, not audio files: each M3U entry's location line is "Artist - Title", which
players that match by name can resolve and others skip. Durations unknown to AIME are -1 in
M3U (the format's "unknown") and empty in CSV.
"""

from __future__ import annotations

import csv
from enum import StrEnum
import io
import json

from .models import Playlist


class ExportFormat(StrEnum):
    """File formats a playlist can be written in; the value is the file extension."""

    M3U = "m3u"
    JSON = "json"
    CSV = "csv"


def export_playlist(playlist: Playlist, file_format: ExportFormat) -> str:
    """The playlist as the text of a file in ``file_format``."""
    if file_format is ExportFormat.M3U:
        return to_m3u(playlist)
    if file_format is ExportFormat.JSON:
        return to_json(playlist)
    return to_csv(playlist)


def to_m3u(playlist: Playlist) -> str:
    """Extended M3U (UTF-8, so an .m3u8 in practice)."""
    lines = ["#EXTM3U", f"#PLAYLIST:{_one_line(playlist.name)}"]
    for track in playlist.tracks:
        artist, title = _one_line(track.artist), _one_line(track.title)
        duration = track.duration if track.duration is not None else -1
        lines.append(f"#EXTINF:{duration},{artist} - {title}")
        if track.album:
            lines.append(f"#EXTALB:{_one_line(track.album)}")
        lines.append(f"{artist} - {title}")
    return "\n".join(lines) + "\n"


def to_json(playlist: Playlist) -> str:
    """The playlist as the actions return it."""
    return json.dumps(playlist.as_dict(), ensure_ascii=False, indent=2) + "\n"


def to_csv(playlist: Playlist) -> str:
    """One row per track: Position, Artist, Title, Album, Duration (seconds)."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("Position", "Artist", "Title", "Album", "Duration"))
    for position, track in enumerate(playlist.tracks, 1):
        duration = "" if track.duration is None else track.duration
        writer.writerow((position, track.artist, track.title, track.album, duration))
    return out.getvalue()


def _one_line(text: str) -> str:
    """M3U is line based: no line breaks inside a field."""
    return " ".join(text.split())
