"""Decides when what a player plays counts as a play (Last.fm's rule), zone by zone.

One tracker follows the zones of one source: a Roon Core's zones, or the Home Assistant media
players the user chose. Fed with observations of each zone (state, track, seek position,
when), it keeps one "listen" per zone: the track being heard, the time it started and the
seconds really heard.

- A listen counts once it reached half the track or 4 minutes, whichever comes first, for
  tracks of at least 30 seconds (Last.fm's scrobbling rule). It is emitted at that moment,
  stamped with the time the track started, so a later restart or crash cannot lose it.
- Its listened time goes on counting until the track ends, is skipped or the zone changes
  track (or goes): the final figure is then emitted as a ``ListenedTime`` for the same play.
- Heard seconds come from the clock while the zone plays: pauses add nothing (and reset
  nothing), seeking forward adds nothing. Only across a gap in the observations (a lost
  connection, missed events, longer than the source's ``max_event_gap``: Roon reports every
  second, Home Assistant players are observed every few seconds) does the seek position vouch
  for the time, never beyond it.
- The same track reported again and again is one listen; starting it over from the top
  (repeat one, "previous" at the end, a replay) is a new listen. Across a gap any jump back
  is a new listen: the Core may have restarted too, and a position going back vouches for
  nothing. A listen is never heard longer than its track, give or take ``LENGTH_SLACK``.
- A track of unknown length is live radio for Roon, never recorded; a source that reports
  some tracks without their length (``unknown_length_counts``) has them counted after 4
  minutes. Stations the user names are recognised in the title, artist or album line and
  never recorded.
- ``snapshot`` and ``restore`` carry the listens in progress across a restart of the process:
  a restored zone is treated as after a lost connection, so the same track, not started over,
  resumes its listen (counted once, from its first start) and anything else ends it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
import re
from typing import Any, Final

from .models import PlayInput, Source
from .normalize import fold

MIN_TRACK_LENGTH: Final = 30  # Last.fm ignores shorter tracks
ENOUGH_SECONDS: Final = 240  # ... and counts a longer one after 4 minutes
# Roon reports the seek position every second while playing: a longer silence is a gap.
MAX_EVENT_GAP: Final = 10.0
# Jitter tolerated in seek positions before a backwards move means "started over".
SEEK_SLACK: Final = 3.0
# Heard seconds come from our clock, which runs a little past a track's end before its change
# is reported (events every second, late under load); beyond that it is a miscount.
LENGTH_SLACK: Final = 3.0

_LINE_PARTS: Final = re.compile(r"\s+[-–—|]\s+|:\s+")  # noqa: RUF001 (dashes)

PLAYING: Final = "playing"
STOPPED: Final = "stopped"


@dataclass(frozen=True, slots=True)
class TrackInfo:
    """What a zone plays; its identity is the whole tuple."""

    title: str
    artist: str | None
    album: str | None
    length: int | None  # None: unknown (live radio, for Roon)


@dataclass(frozen=True, slots=True)
class ZoneObservation:
    """One zone at one moment; ``monotonic`` and ``wall`` (UTC epoch) are the same instant."""

    zone_id: str
    zone_name: str
    state: str  # playing | paused | loading | stopped
    track: TrackInfo | None
    seek_position: float | None
    monotonic: float
    wall: float


@dataclass(frozen=True, slots=True)
class ListenedTime:
    """How long a play counted earlier was heard in the end: its stored figure becomes this."""

    play: PlayInput  # as it was counted: its natural key finds the stored play
    seconds: int


@dataclass(slots=True)
class Decisions:
    """What the tracker decided from an observation."""

    plays: list[PlayInput] = field(default_factory=list)  # counted now: record them
    listened: list[ListenedTime] = field(default_factory=list)  # counted plays that ended

    def __bool__(self) -> bool:
        return bool(self.plays or self.listened)

    def extend(self, other: Decisions) -> None:
        """Add ``other``'s decisions after these."""
        self.plays += other.plays
        self.listened += other.listened


@dataclass(slots=True)
class _Listen:
    """One hearing of one track in one zone."""

    track: TrackInfo
    started_at: int
    heard: float = 0.0
    play: PlayInput | None = None  # once counted
    reported: int = 0  # the listened seconds last emitted for ``play``


@dataclass(slots=True)
class _Zone:
    name: str
    state: str
    seek: float | None
    seen_at: float
    listen: _Listen | None
    gap: bool = False  # the connection was lost since the last observation


def counts_as_played(length: int | None, heard: float, *, unknown_length: bool = False) -> bool:
    """Last.fm's rule: a track of 30 s or more, heard for half its length or 4 minutes.

    A track of unknown length counts after 4 minutes when ``unknown_length`` allows it.
    """
    if not length:
        return unknown_length and heard >= ENOUGH_SECONDS
    if length < MIN_TRACK_LENGTH:
        return False
    return heard >= min(length / 2, ENOUGH_SECONDS)


def is_station(track: TrackInfo, stations: Iterable[str]) -> bool:
    """Whether a line of ``track`` names one of ``stations`` (case and accents ignored).

    Lines are cut at " - ", " | " and ": "; a part matches when it is the station's name or
    starts with it as a word ("FIP Jazz", "Now playing - Radio Nova"), so "Nova" does not
    match "Bossa Nova".
    """
    names = {name for name in (fold(station) for station in stations) if name}
    if not names:
        return False
    for line in (track.title, track.artist, track.album):
        for part in _LINE_PARTS.split(line or ""):
            folded = fold(part)
            if any(folded == name or folded.startswith(f"{name} ") for name in names):
                return True
    return False


class PlayTracker:
    """Turns zone observations into plays; one instance follows every zone of a source.

    ``radio_stations`` is called at each decision, so a changed option applies at once.
    ``source`` marks the plays; ``max_event_gap`` is the longest silence between two
    observations of a playing zone that is not a gap; ``unknown_length_counts`` applies the
    4-minute rule to tracks without a length instead of taking them for live radio.
    Not thread-safe: feed it from one thread (Home Assistant's event loop).
    """

    def __init__(
        self,
        radio_stations: Callable[[], Iterable[str]] = tuple,
        *,
        source: Source = Source.ROON,
        max_event_gap: float = MAX_EVENT_GAP,
        unknown_length_counts: bool = False,
    ) -> None:
        self._radio_stations = radio_stations
        self._source = source
        self._max_event_gap = max_event_gap
        self._unknown_length_counts = unknown_length_counts
        self._zones: dict[str, _Zone] = {}

    @property
    def zone_ids(self) -> set[str]:
        """Zones being followed."""
        return set(self._zones)

    def observe(self, seen: ZoneObservation) -> Decisions:
        """Take one observation; return the plays it counts and the listens it ends."""
        decisions = Decisions()
        zone = self._zones.get(seen.zone_id)
        if zone is None:
            self._zones[seen.zone_id] = _Zone(
                seen.zone_name,
                seen.state,
                seen.seek_position,
                seen.monotonic,
                self._new_listen(seen, 0.0),
            )
            return decisions
        elapsed = max(seen.monotonic - zone.seen_at, 0.0)
        was_playing = zone.state == PLAYING
        listen = zone.listen
        zone.name = seen.zone_name
        if listen is not None and self._same_listen(zone, listen, seen, elapsed):
            if was_playing:
                _hear(listen, self._heard_between(zone, seen, elapsed))
        else:
            # A new track, or the same one from the top: the old listen ends here. Of the
            # time since the last observation, the new listen took what its position shows.
            new_part = min(seen.seek_position or 0.0, elapsed) if was_playing else 0.0
            if listen is not None:
                # Across a gap, only a zone still playing shows the old track played on.
                if was_playing and (self._vouched(zone, elapsed) or seen.state == PLAYING):
                    _hear(listen, self._final_part(zone, listen, elapsed - new_part))
                self._end(zone, listen, decisions)
            listen = zone.listen = self._new_listen(seen, new_part)
        if listen is not None:
            self._count(zone, listen, decisions)
        zone.state, zone.seek, zone.seen_at, zone.gap = (
            seen.state,
            seen.seek_position,
            seen.monotonic,
            False,
        )
        return decisions

    def zone_removed(self, zone_id: str, monotonic: float) -> Decisions:
        """The zone is gone (removed, or merged into a group): close its listen."""
        decisions = Decisions()
        zone = self._zones.pop(zone_id, None)
        if zone is None or zone.listen is None:
            return decisions
        if zone.state == PLAYING and self._vouched(zone, max(monotonic - zone.seen_at, 0.0)):
            _hear(zone.listen, self._final_part(zone, zone.listen, monotonic - zone.seen_at))
        self._end(zone, zone.listen, decisions)
        return decisions

    def connection_lost(self) -> None:
        """The Core is out of reach: until it is back, time is vouched for by positions only."""
        for zone in self._zones.values():
            zone.gap = True

    def zone_lost(self, zone_id: str) -> None:
        """One zone is out of reach (a player unavailable, being renamed): as a lost
        connection, its next observation resumes the listen as far as its position moved."""
        if (zone := self._zones.get(zone_id)) is not None:
            zone.gap = True

    # --- across restarts -------------------------------------------------------------------

    def snapshot(self, monotonic: float, wall: float) -> dict[str, Any]:
        """The listens in progress, zone by zone, as JSON data for ``restore``."""
        offset = wall - monotonic  # the wall time of the monotonic clock's zero
        return {
            zone_id: _saved(zone, zone.listen, offset)
            for zone_id, zone in self._zones.items()
            if zone.listen is not None
        }

    def restore(self, saved: Mapping[str, Any], monotonic: float, wall: float) -> None:
        """Take back what ``snapshot`` saved, maybe in another process: wall times rule.

        A restored zone is treated as after a lost connection: when its next observation
        shows the same track, not started over, the listen resumes and the time since counts
        as far as the position moved; anything else ends it. Zones already followed, and
        entries that cannot be read, are skipped.
        """
        offset = wall - monotonic
        for zone_id, data in saved.items():
            if zone_id in self._zones:
                continue
            try:
                self._zones[zone_id] = _restored(data, offset, self._source)
            except (KeyError, TypeError, ValueError, AttributeError):
                continue

    # --- decisions -------------------------------------------------------------------------

    @staticmethod
    def _new_listen(seen: ZoneObservation, heard: float) -> _Listen | None:
        if seen.track is None or (seen.state == STOPPED and not heard):
            return None
        listen = _Listen(seen.track, round(seen.wall - (seen.seek_position or 0.0)))
        _hear(listen, heard)
        return listen

    @staticmethod
    def _same_listen(zone: _Zone, listen: _Listen, seen: ZoneObservation, elapsed: float) -> bool:
        """Same track, not started over: a jump back to a position reachable from the top
        since the last observation is a new listen; any other jump back is a seek, but
        across a gap (a restart of either side) it is a new listen too."""
        if seen.track != listen.track:
            return False
        before, now = zone.seek, seen.seek_position
        if before is None or now is None or now >= before - SEEK_SLACK:
            return True
        return not (zone.gap or now <= elapsed + SEEK_SLACK)

    def _vouched(self, zone: _Zone, elapsed: float) -> bool:
        """Whether the clock can be trusted since the zone's last observation."""
        return not zone.gap and elapsed <= self._max_event_gap

    def _heard_between(self, zone: _Zone, seen: ZoneObservation, elapsed: float) -> float:
        """Time heard since the last observation of a playing zone, same listen."""
        if self._vouched(zone, elapsed):
            return elapsed  # the clock rules: a seek forward adds nothing
        if zone.seek is None or seen.seek_position is None:
            return 0.0
        return min(max(seen.seek_position - zone.seek, 0.0), elapsed)

    @staticmethod
    def _final_part(zone: _Zone, listen: _Listen, elapsed: float) -> float:
        """Time heard of a listen that ended since the last observation: at most its rest."""
        heard = max(elapsed, 0.0)
        if listen.track.length and zone.seek is not None:
            heard = min(heard, max(listen.track.length - zone.seek, 0.0))
        return heard

    def _count(self, zone: _Zone, listen: _Listen, decisions: Decisions) -> None:
        track = listen.track
        if (
            listen.play is not None
            or not track.artist
            or not counts_as_played(
                track.length, listen.heard, unknown_length=self._unknown_length_counts
            )
            or is_station(track, self._radio_stations())
        ):
            return
        listen.reported = round(listen.heard)
        listen.play = _play(zone.name, listen, listen.reported, self._source)
        decisions.plays.append(listen.play)

    def _end(self, zone: _Zone, listen: _Listen, decisions: Decisions) -> None:
        """The listen is over: count it if it now deserves it, else give its final figure."""
        self._count(zone, listen, decisions)
        if listen.play is not None and round(listen.heard) != listen.reported:
            listen.reported = round(listen.heard)
            decisions.listened.append(ListenedTime(listen.play, listen.reported))


def _hear(listen: _Listen, seconds: float) -> None:
    """Add ``seconds`` to what ``listen`` was heard, never beyond its track's length."""
    heard = listen.heard + max(seconds, 0.0)
    if listen.track.length:
        heard = min(heard, listen.track.length + LENGTH_SLACK)
    listen.heard = heard


def _play(zone_name: str, listen: _Listen, seconds: int, source: Source) -> PlayInput:
    track = listen.track
    return PlayInput(
        title=track.title,
        artist=track.artist or "",
        played_at=listen.started_at,
        source=source,
        album=track.album,
        duration=track.length,
        device=zone_name,
        seconds_listened=seconds,
    )


def _saved(zone: _Zone, listen: _Listen, offset: float) -> dict[str, Any]:
    track = listen.track
    return {
        "name": zone.name,
        "state": zone.state,
        "seek": zone.seek,
        "seen_at": zone.seen_at + offset,
        "track": [track.title, track.artist, track.album, track.length],
        "started_at": listen.started_at,
        "heard": listen.heard,
        "counted": listen.play is not None,
        "reported": listen.reported,
    }


def _restored(data: Mapping[str, Any], offset: float, source: Source) -> _Zone:
    title, artist, album, length = data["track"]
    if not isinstance(title, str) or not all(
        value is None or isinstance(value, str) for value in (artist, album)
    ):
        raise TypeError("track")
    track = TrackInfo(title, artist, album, None if length is None else int(length))
    seek = data["seek"]
    listen = _Listen(track, int(data["started_at"]))
    _hear(listen, float(data["heard"]))  # a save from before the cap may be beyond it
    zone = _Zone(
        str(data["name"]),
        str(data["state"]),
        None if seek is None else float(seek),
        float(data["seen_at"]) - offset,
        listen,
        gap=True,
    )
    if data["counted"] is True:
        listen.reported = int(data["reported"])
        listen.play = _play(zone.name, listen, listen.reported, source)
    return zone
