"""Writes streaming-history exports in the services' own formats, for the import tests.

Spotify's extended streaming history: JSON arrays of stream objects, pretty-printed, in
``Spotify Extended Streaming History/Streaming_History_Audio_<years>_<n>.json`` inside the zip
(fields as Spotify's "Understanding my data" page lists them). ListenBrainz: a zip of
``listens/<year>/<month>.jsonl`` with ``user.json`` and ``feedback.jsonl``, or the single JSON
array older exports were (fields as its API documentation's listen JSON).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import UTC, datetime
import json
from pathlib import Path
from typing import Any
import zipfile

SPOTIFY_FOLDER = "Spotify Extended Streaming History"


def utc_iso(epoch: int) -> str:
    """Spotify's ``ts``: "2020-04-11T00:27:53Z"."""
    return datetime.fromtimestamp(epoch, UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def spotify_stream(
    title: str | None,
    artist: str | None,
    ended: int,
    ms_played: int,
    *,
    album: str | None = "An Album",
    track_id: str | None = "4uLU6hMCjMI75M1A2tKUQC",
    reason_end: str = "trackdone",
    episode: str | None = None,
    audiobook: str | None = None,
) -> dict[str, Any]:
    """One object of a ``Streaming_History_Audio_*.json`` file, every field Spotify writes."""
    return {
        "ts": utc_iso(ended),
        "platform": "android",
        "ms_played": ms_played,
        "conn_country": "FR",
        "ip_addr": "192.0.2.1",
        "master_metadata_track_name": title,
        "master_metadata_album_artist_name": artist,
        "master_metadata_album_album_name": album if title else None,
        "spotify_track_uri": f"spotify:track:{track_id}" if title and track_id else None,
        "episode_name": episode,
        "episode_show_name": "A Show" if episode else None,
        "spotify_episode_uri": "spotify:episode:0Q86acNRm6V9GYx55SXKwf" if episode else None,
        "audiobook_title": audiobook,
        "audiobook_uri": "spotify:audiobook:7iHfbu1YPACw6oZPAFJtqe" if audiobook else None,
        "audiobook_chapter_uri": None,
        "audiobook_chapter_title": "Chapter 1" if audiobook else None,
        "reason_start": "trackdone",
        "reason_end": reason_end,
        "shuffle": False,
        "skipped": reason_end == "fwdbtn",
        "offline": False,
        "offline_timestamp": None,
        "incognito_mode": False,
    }


def listen(
    title: str | None,
    artist: str,
    started: int,
    *,
    release: str | None = "An Album",
    duration_ms: int | None = 200_000,
    spotify_id: str | None = None,
) -> dict[str, Any]:
    """One listen as ListenBrainz exports it."""
    info: dict[str, Any] = {"media_player": "Strawberry", "submission_client": "Strawberry"}
    if duration_ms is not None:
        info["duration_ms"] = duration_ms
    if spotify_id is not None:
        info["spotify_id"] = f"https://open.spotify.com/track/{spotify_id}"
        info["music_service"] = "spotify.com"
    return {
        "inserted_at": started + 5,
        "listened_at": started,
        "recording_msid": "0d4b8a45-8c0a-4c8e-8b9e-8a5d0f0a5c11",
        "user_name": "listener",
        "track_metadata": {
            "artist_name": artist,
            "track_name": title,
            "release_name": release,
            "additional_info": info,
        },
    }


def json_array(records: Iterable[dict[str, Any] | str], *, encoding: str = "utf-8") -> bytes:
    """A pretty-printed array as Spotify writes it; a ``str`` item goes in as it is (broken)."""
    items = [
        record if isinstance(record, str) else json.dumps(record, indent=2, ensure_ascii=False)
        for record in records
    ]
    return ("[\n" + ",\n".join(items) + "\n]").encode(encoding)


def json_lines(records: Iterable[dict[str, Any] | str], *, encoding: str = "utf-8") -> bytes:
    """JSON Lines; a ``str`` item is written as it is (a broken line)."""
    lines = [
        record if isinstance(record, str) else json.dumps(record, ensure_ascii=False)
        for record in records
    ]
    return "".join(f"{line}\n" for line in lines).encode(encoding)


def write_zip(path: Path, members: dict[str, bytes]) -> Path:
    """A zip holding ``members`` (name: bytes)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return path


def spotify_zip(path: Path, files: Sequence[bytes]) -> Path:
    """Spotify's zip: the audio history files, a video one and the PDF beside them."""
    members = {
        f"{SPOTIFY_FOLDER}/Streaming_History_Audio_2019-2021_{number}.json": data
        for number, data in enumerate(files)
    }
    members[f"{SPOTIFY_FOLDER}/Streaming_History_Video_2019-2021.json"] = json_array(
        [{"ts": "2020-01-01T00:00:00Z", "ms_played": 999_999}]
    )
    members[f"{SPOTIFY_FOLDER}/ReadMeFirst_ExtendedStreamingHistory.pdf"] = b"%PDF-1.4"
    return write_zip(path, members)


def listenbrainz_zip(path: Path, months: dict[str, bytes]) -> Path:
    """A recent ListenBrainz export: ``listens/<year>/<month>.jsonl`` beside the user's files."""
    members = {f"listens/{month}.jsonl": data for month, data in months.items()}
    members["user.json"] = json.dumps({"user_id": 1, "username": "listener"}).encode()
    members["feedback.jsonl"] = json_lines(
        [{"recording_mbid": "5f8e1b4a-1111-4aaa-8bbb-0123456789ab", "score": 1}]
    )
    return write_zip(path, members)
