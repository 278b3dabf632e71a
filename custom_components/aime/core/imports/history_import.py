"""Spotify's extended streaming history and ListenBrainz exports, read into plays batch by batch.

Spotify (its "Understanding my data" page names the fields): ``ts`` is when playback *ended*,
so a play started ``ms_played`` earlier. Spotify records every stream, even a second of one:
a stream counts by Last.fm's rule (``play_tracker.counts_as_played``). The file does not give
the track's length, so it is learned from the export itself: a stream that played to its end
(``reason_end`` "trackdone") is as long as its track (``SpotifyLengths``). A shorter stream of a
track whose length is not known yet waits for one (counts from half of it, as the rule says);
one still undecided at the end counts only from 4 minutes. Podcast episodes and audiobook
chapters are left out. The track's URI is kept as its Spotify link (``track_links.py``).

ListenBrainz: every listen is already a scrobble (its client applied the rule). ``listened_at``
is when it started (seconds, or an ISO date in some exports); the names are in
``track_metadata``, the rest in ``track_metadata.additional_info``.

Both keep what they skip in the report, by reason. Plays go to the store in bounded batches
(the caller's: ``history_batches`` only reads); importing again adds nothing.
"""

from __future__ import annotations

from collections.abc import Generator
from dataclasses import dataclass, field
from datetime import datetime
import re
from typing import Any, TypeGuard

from ..models import PlayInput, Source
from ..play_tracker import MIN_TRACK_LENGTH, counts_as_played
from .export_files import ExportFile, ExportKind, open_export_file
from .json_stream import json_records
from .report import ImportReport

HISTORY_BATCH = 2_000  # Plays handed to the store at a time.
# Streams waiting for their track's length, at most: beyond, a stream is decided at once
# (4 minutes), so memory stays bounded whatever the export.
MAX_WAITING_STREAMS = 20_000
SPOTIFY_TRACK_URL = "https://open.spotify.com/track/{}"
_SPOTIFY_TRACK_URI = re.compile(r"spotify:track:([0-9A-Za-z]{22})")
_SPOTIFY_TRACK_URL = re.compile(r"https://open\.spotify\.com/track/([0-9A-Za-z]{22})")
_SOURCES = {ExportKind.SPOTIFY: Source.SPOTIFY, ExportKind.LISTENBRAINZ: Source.LISTENBRAINZ}


@dataclass(frozen=True, slots=True)
class TrackLink:
    """The Spotify page of the track a play heard."""

    played_at: int
    title: str
    url: str


@dataclass(slots=True)
class HistoryBatch:
    """Plays read, their links, and how far reading got (bytes of the files)."""

    plays: list[PlayInput] = field(default_factory=list)
    links: list[TrackLink] = field(default_factory=list)
    done: int = 0
    total: int = 0
    last: bool = False  # Reading is done.


def history_batches(
    files: list[ExportFile],
    kind: ExportKind,
    report: ImportReport,
    *,
    listener: str | None = None,
    batch_size: int = HISTORY_BATCH,
) -> Generator[HistoryBatch]:
    """The plays of ``files``, ``batch_size`` at a time; what is skipped goes in ``report``.

    Blocks. The last batch may hold no play (it still tells that reading is done).
    """
    total = sum(file.size for file in files) or 1
    read_before = 0
    lengths = SpotifyLengths()
    convert = lengths.play if kind is ExportKind.SPOTIFY else _listenbrainz_play
    batch = HistoryBatch(total=total)
    report.imported["plays"] = report.merged["plays"] = 0  # Reported even when none.
    for file in files:
        report.read["files"] += 1
        with open_export_file(file) as opened:
            for record in json_records(opened.text):
                report.read["records"] += 1
                if record.value is None:
                    report.skipped["plays"][record.problem or "malformed"] += 1
                    continue
                converted = convert(record.value, listener)
                if isinstance(converted, str):
                    report.skipped["plays"][converted] += 1
                    continue
                for play, link in converted:
                    batch.plays.append(play)
                    if link is not None:
                        batch.links.append(TrackLink(play.played_at, play.title, link))
                if too_short := lengths.take_too_short():
                    report.skipped["plays"]["too_short"] += too_short
                if len(batch.plays) >= batch_size:
                    # Read ahead by a chunk, a small file is "read" at once: not done yet.
                    batch.done = min(read_before + opened.position, total - 1)
                    yield batch
                    batch = HistoryBatch(total=total)
        read_before += file.size
    if undecided := lengths.undecided():
        report.skipped["plays"]["too_short"] += undecided
    batch.done, batch.last = total, True
    yield batch


def source_of(kind: ExportKind) -> Source:
    """The source an export's plays are recorded under."""
    return _SOURCES[kind]


# --- Spotify ---------------------------------------------------------------------------------


_Converted = list[tuple[PlayInput, str | None]]


class SpotifyLengths:
    """Each track's length, learned from the streams that played it to its end, and the streams
    waiting for it (heard less than 4 min: they count from half of the track)."""

    def __init__(self) -> None:
        self._known: dict[str, int] = {}  # Track URI -> seconds.
        self._waiting: dict[str, list[tuple[PlayInput, float]]] = {}
        self._waiting_count = 0
        self._too_short = 0  # Waiting streams found too short since the last ``take``.

    def play(self, record: dict[str, Any], listener: str | None) -> _Converted | str:
        """The plays a stream makes count now (itself, and those it tells the length of), or
        why it is skipped; a stream waiting for its track's length gives none yet."""
        stream = _spotify_stream(record)
        if isinstance(stream, str):
            return stream
        ended, heard, title = stream
        uri_match = _SPOTIFY_TRACK_URI.fullmatch(str(record.get("spotify_track_uri") or ""))
        uri = uri_match.group(1) if uri_match else None
        played = PlayInput(
            title=title,
            artist=_text(record.get("master_metadata_album_artist_name")) or "",
            played_at=ended - round(heard),
            source=Source.SPOTIFY,
            album=_text(record.get("master_metadata_album_album_name")),
            seconds_listened=round(heard),
            listener=listener,
        )
        link = SPOTIFY_TRACK_URL.format(uri) if uri else None
        if uri is not None and record.get("reason_end") == "trackdone":
            self._known[uri] = round(heard)
        length = self._known.get(uri) if uri is not None else None
        if counts_as_played(length, heard, unknown_length=True):
            return [(played, link), *self._settle(uri, length)]
        waits = length is None and uri is not None and heard >= MIN_TRACK_LENGTH / 2
        if waits and self._waiting_count < MAX_WAITING_STREAMS:
            self._waiting.setdefault(str(uri), []).append((played, heard))
            self._waiting_count += 1
            return []
        return "too_short"

    def _settle(self, uri: str | None, length: int | None) -> _Converted:
        """The waiting streams of ``uri`` that count now that its length is known."""
        if uri is None or length is None or not (waiting := self._waiting.pop(uri, None)):
            return []
        self._waiting_count -= len(waiting)
        counted: _Converted = [
            (play, SPOTIFY_TRACK_URL.format(uri))
            for play, heard in waiting
            if counts_as_played(length, heard, unknown_length=True)
        ]
        self._too_short += len(waiting) - len(counted)
        return counted

    def take_too_short(self) -> int:
        """Waiting streams found too short since the last call."""
        found, self._too_short = self._too_short, 0
        return found

    def undecided(self) -> int:
        """Streams still waiting at the end: their length never showed, under 4 minutes."""
        return self._waiting_count


def _spotify_stream(record: dict[str, Any]) -> tuple[int, float, str] | str:
    """A stream of a track: when it ended, the seconds heard, the title; else why it is not
    one (whatever its length)."""
    if record.get("episode_name") or record.get("spotify_episode_uri"):
        return "podcast"
    if record.get("audiobook_title") or record.get("audiobook_uri"):
        return "audiobook"
    ended, played_ms = _utc_seconds(record.get("ts")), record.get("ms_played")
    if ended is None or not _is_count(played_ms):
        return "malformed"
    title = _text(record.get("master_metadata_track_name"))
    if title is None:
        return "no_track_name"
    return ended, played_ms / 1000, title


# --- ListenBrainz ----------------------------------------------------------------------------


def _listenbrainz_play(record: dict[str, Any], listener: str | None) -> _Converted | str:
    """The play of a ListenBrainz listen, or why it is skipped."""
    metadata = record.get("track_metadata")
    listened_at = record.get("listened_at")
    started = listened_at if _is_count(listened_at) else _utc_seconds(listened_at)
    if not isinstance(metadata, dict) or started is None:
        return "malformed"
    title = _text(metadata.get("track_name"))
    if title is None:
        return "no_track_name"
    info = metadata.get("additional_info")
    info = info if isinstance(info, dict) else {}
    artists = info.get("artist_names")
    duration_ms, duration = info.get("duration_ms"), info.get("duration")
    track_number = info.get("tracknumber")
    spotify = _SPOTIFY_TRACK_URL.match(str(info.get("spotify_id") or ""))
    play = PlayInput(
        title=title,
        artist=_text(metadata.get("artist_name")) or "",
        played_at=int(started),
        source=Source.LISTENBRAINZ,
        album=_text(metadata.get("release_name")),
        artists=tuple(artists)
        if isinstance(artists, list) and artists and all(_text(a) for a in artists)
        else (),
        duration=round(duration_ms / 1000)
        if _is_count(duration_ms)
        else (duration if _is_count(duration) else None),
        track_number=track_number if _is_count(track_number) else None,
        listener=listener,
    )
    return [(play, SPOTIFY_TRACK_URL.format(spotify.group(1)) if spotify else None)]


# --- fields ----------------------------------------------------------------------------------


def _utc_seconds(value: object) -> int | None:
    """An ISO 8601 time ("2020-04-11T00:27:53Z") as a UTC epoch; None when it is not one."""
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None  # Both services write UTC with its "Z": a bare time is not theirs.
    return int(moment.timestamp())


def _is_count(value: object) -> TypeGuard[int]:
    return isinstance(value, int) and not isinstance(value, bool) and value >= 0


def _text(value: object) -> str | None:
    return value.strip() or None if isinstance(value, str) else None
