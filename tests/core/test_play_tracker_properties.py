"""Properties of the play tracker over random listening sessions (seeded, deterministic).

A simulated Core plays random queues in two zones while the session restarts Home Assistant
(snapshot and restore, the monotonic clock moved), loses the connection, misses events,
removes zones, seeks, pauses, skips and repeats, on tracks of every kind (live, unknown
length, short, without artist, a station). The simulation knows which listen each observation
belongs to (a new track, or the same one started over, is a new listen, as is a jump back
that the tracker's rule takes for a start over) and, after every session, the plays must:

- match one to one with listens (no listen counted twice), each stamped no later than the
  first observation of its listen;
- hold to the counting rule (30 s or more, half or 4 minutes heard; never live, a station or
  without artist);
- be heard neither less than 0 nor more than the track's length plus ``LENGTH_SLACK``, nor
  longer than the time since they started.

``hypothesis`` is not a dependency: seeded ``random.Random`` sessions instead, the failing
seed and its steps in the message.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from itertools import count
import json
import random

from custom_components.aime.core.models import PlayInput
from custom_components.aime.core.play_tracker import (
    LENGTH_SLACK,
    MIN_TRACK_LENGTH,
    SEEK_SLACK,
    Decisions,
    PlayTracker,
    TrackInfo,
    ZoneObservation,
)

EPOCH = 1_750_000_000
SESSIONS = 3000
STATION = "FIP"
CATALOGUE = (
    TrackInfo("So What", "Miles Davis", "Kind of Blue", 562),
    TrackInfo("Blue in Green", "Miles Davis", "Kind of Blue", 337),
    TrackInfo("Concierto de Aranjuez", "Miles Davis", "Sketches of Spain", 978),
    TrackInfo("Hyperballad", "Björk", "Post", 321),
    TrackInfo("Thirty", "Tester", None, 30),
    TrackInfo("Intro", "Björk", "Debut", 25),
    TrackInfo("Untitled", None, None, 300),
    TrackInfo("Radio", "Radio France", None, None),  # live
    TrackInfo("Mystery", "Someone", None, 0),  # length unknown
    TrackInfo(f"{STATION} Jazz", "Various", None, 300),  # a station the user named
)
ZONES = ("zone-kitchen", "zone-living")


@dataclass
class Listen:
    """One listen as the simulated Core knows it."""

    zone_id: str
    track: TrackInfo
    first_wall: float | None = None
    starts: set[int] = field(default_factory=set)  # wall - seek at each of its observations
    # The listen before, when this one started over unseen (no jump back): the tracker goes on.
    unseen_after: int | None = None


@dataclass
class Zone:
    zone_id: str
    track: TrackInfo | None = None
    position: float = 0.0
    state: str = "stopped"
    present: bool = True
    listen: int | None = None
    started_over: bool = True  # since the tracker last saw it: a new listen began
    seen_seek: float | None = None  # what the tracker saw last, when
    seen_at: float = 0.0
    gap: bool = False  # the tracker lost it since (connection lost, restart)


class Session:
    """One random session: the Core's zones, the tracker and what it decided."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.t, self.boot = 0.0, -1000.0
        self.tracker = PlayTracker(lambda: (STATION,))
        self.zones = {zone_id: Zone(zone_id) for zone_id in ZONES}
        self.listens: dict[int, Listen] = {}
        self.ids = count()
        self.plays: list[tuple[float, PlayInput]] = []
        self.listened: list[tuple[float, PlayInput, int]] = []
        self.steps: list[str] = []
        self.wrong: list[str] = []  # listens the tracker took for others

    # --- the Core ---------------------------------------------------------------------------

    def start(self, zone: Zone, track: TrackInfo | None, position: float = 0.0) -> None:
        zone.track, zone.position, zone.started_over = track, position, True
        zone.state = "stopped" if track is None else "playing"

    def play_on(self, seconds: float) -> None:
        for zone in self.zones.values():
            if zone.state != "playing" or zone.track is None:
                continue
            zone.position += seconds
            while zone.track is not None and zone.track.length:
                over = zone.position - zone.track.length
                if over < 0:
                    break
                follows = self.rng.choice([zone.track, None, *CATALOGUE])  # repeat, end, next
                self.start(zone, follows, over)

    def meddle(self, zone: Zone) -> str:
        """Something a listener does to a zone; the tracker may or may not see it at once."""
        track, action = zone.track, self.rng.random()
        if track is None or action < 0.15:
            track = self.rng.choice(CATALOGUE)
            self.start(
                zone, track, min(self.rng.choice([0, 0, 42, 200]), (track.length or 999) - 1)
            )
            return f"play {zone.track and zone.track.title}@{zone.position:g}"
        if action < 0.35:
            zone.state = "paused" if zone.state == "playing" else "playing"
            return zone.state
        if action < 0.5:
            self.start(zone, self.rng.choice([track, *CATALOGUE]))
            return f"skip to {zone.track and zone.track.title}"
        if action < 0.6:
            self.start(zone, track)
            return "from the top"
        if not track.length:
            return "nothing"
        target = self.rng.uniform(0, track.length - 1)
        zone.position = target
        return f"seek {target:.0f}"

    # --- the tracker ------------------------------------------------------------------------

    def observe(self, zone: Zone) -> None:
        seek = None if self.rng.random() < 0.02 else float(int(zone.position))
        before, jumped_back = zone.listen, self._jumped_back(zone, seek)
        same_track = before is not None and self.listens[before].track == zone.track
        if zone.track is None:
            zone.listen = None
        elif not same_track or zone.started_over or jumped_back:
            zone.listen = next(self.ids)
            unseen = before if same_track and not jumped_back else None
            self.listens[zone.listen] = Listen(zone.zone_id, zone.track, unseen_after=unseen)
        if zone.listen is not None:
            listen = self.listens[zone.listen]
            wall = EPOCH + self.t
            listen.starts.add(round(wall - (seek or 0.0)))
            listen.first_wall = wall if listen.first_wall is None else listen.first_wall
        zone.started_over = zone.gap = False
        zone.seen_seek, zone.seen_at = seek, self.t
        observation = ZoneObservation(
            zone.zone_id,
            zone.zone_id,
            zone.state,
            zone.track,
            seek,
            self.t - self.boot,
            EPOCH + self.t,
        )
        self._take(self.tracker.observe(observation))
        self._check_same_listen(zone)

    def _check_same_listen(self, zone: Zone) -> None:
        """The tracker's listen in progress is the zone's (or one it could not tell apart)."""
        saved = self.tracker.snapshot(self.t - self.boot, EPOCH + self.t).get(zone.zone_id)
        if zone.listen is None:
            if saved is not None:
                self.wrong.append(f"t={self.t:g} {zone.zone_id}: a listen of nothing")
            return
        starts: set[int] = set()
        number: int | None = zone.listen
        while number is not None:
            starts |= self.listens[number].starts
            number = self.listens[number].unseen_after
        if saved is not None and saved["started_at"] not in starts:
            self.wrong.append(f"t={self.t:g} {zone.zone_id}: listen from {saved['started_at']}")

    def _jumped_back(self, zone: Zone, seek: float | None) -> bool:
        """The tracker's rule for a position behind the last one seen: a start over when it is
        reachable from the top since, or after a gap; a seek back otherwise."""
        before = zone.seen_seek
        if before is None or seek is None or seek >= before - SEEK_SLACK:
            return False
        return zone.gap or seek <= self.t - zone.seen_at + SEEK_SLACK

    def observe_all(self) -> None:
        for zone in self.rng.sample(list(self.zones.values()), len(self.zones)):
            if zone.present:
                self.observe(zone)

    def remove(self, zone: Zone) -> None:
        zone.present, zone.listen, zone.started_over = False, None, True
        self._take(self.tracker.zone_removed(zone.zone_id, self.t - self.boot))

    def _take(self, decisions: Decisions) -> None:
        for play in decisions.plays:
            self.plays.append((EPOCH + self.t, play))
        for update in decisions.listened:
            self.listened.append((EPOCH + self.t, update.play, update.seconds))

    # --- a session --------------------------------------------------------------------------

    def away(self, seconds: float) -> None:
        """Time passes unseen; listeners may act meanwhile."""
        for _ in range(self.rng.choice([0, 0, 1, 2])):
            part = self.rng.uniform(0, seconds)
            self.play_on(part)
            seconds -= part
            self.steps.append(
                f"  meanwhile {self.meddle(self.rng.choice(list(self.zones.values())))}"
            )
        self.play_on(seconds)

    def step(self) -> None:
        rng, kind = self.rng, self.rng.random()
        zone = rng.choice(list(self.zones.values()))
        if kind < 0.55:
            dt = rng.choice([1, 1, 1, 1, 1, 0.5, 2, 3, 0])
            self.steps.append(f"t={self.t:g} +{dt}")
            self.t += dt
            self.play_on(dt)
            self.observe_all()
        elif kind < 0.75:
            self.steps.append(f"t={self.t:g} {zone.zone_id}: {self.meddle(zone)}")
            if zone.present:
                self.observe(zone)
        elif kind < 0.82:
            dt = rng.choice([11, 30, 120, 400])
            self.steps.append(f"t={self.t:g} events missed for {dt}")
            self.t += dt
            self.away(dt)
            self.observe_all()
        elif kind < 0.87:
            dt = rng.choice([5, 30, 200])
            self.steps.append(f"t={self.t:g} connection lost for {dt}")
            self.tracker.connection_lost()
            for each in self.zones.values():
                each.gap = True
            self.t += dt
            self.away(dt)
            self.observe_all()
        elif kind < 0.93:
            self.restart()
        elif zone.present:
            self.steps.append(f"t={self.t:g} {zone.zone_id} removed")
            self.remove(zone)
        else:
            self.steps.append(f"t={self.t:g} {zone.zone_id} back")
            zone.present = True
            self.observe(zone)

    def restart(self) -> None:
        """Home Assistant stops and starts again: a new tracker, a new monotonic clock."""
        rng = self.rng
        saved = json.loads(json.dumps(self.tracker.snapshot(self.t - self.boot, EPOCH + self.t)))
        down = rng.choice([5, 20, 140, 900])
        self.steps.append(f"t={self.t:g} restart, away {down}")
        self.t += down
        self.away(down)
        if rng.random() < 0.3:  # the Core restarted too: back at a point of its own
            zone = rng.choice(list(self.zones.values()))
            if zone.track is not None and (zone.track.length or 999) > 42:
                self.start(zone, zone.track, 42)
                self.steps.append(f"  {zone.zone_id} back at 42")
        self.boot = self.t - rng.choice([0.0, 5.0, 3600.0])
        self.tracker = PlayTracker(lambda: (STATION,))
        self.tracker.restore(saved, self.t - self.boot, EPOCH + self.t)
        for zone in self.zones.values():
            zone.gap = True
            if not zone.present:
                self.remove(zone)
        self.observe_all()


def _counted(play: PlayInput) -> bool:
    length = play.duration or 0
    heard = play.seconds_listened or 0
    return (
        length >= MIN_TRACK_LENGTH
        and heard >= min(length / 2, 240) - 0.5  # the figure is rounded
        and bool(play.artist)
        and not play.title.startswith(STATION)
    )


def _problems(session: Session) -> list[str]:
    """What breaks the properties in what the session decided."""
    problems = list(session.wrong)
    figures: dict[PlayInput, int] = {}
    for at, play in session.plays:
        figures[play] = play.seconds_listened or 0
        if not _counted(play):
            problems.append(f"counted against the rule: {play}")
        if play.duration is not None and figures[play] > play.duration + LENGTH_SLACK:
            problems.append(f"heard beyond its length: {play}")
        if not 0 <= figures[play] <= at - play.played_at + 1:
            problems.append(f"heard longer than since it started: {play}")
    for at, play, seconds in session.listened:
        if play not in figures:
            problems.append(f"a figure for a play never counted: {play}")
            continue
        if not figures[play] <= seconds <= (play.duration or 0) + LENGTH_SLACK:
            problems.append(f"final figure {seconds} after {figures[play]}: {play}")
        if seconds > at - play.played_at + 1:
            problems.append(f"final figure {seconds} longer than since it started: {play}")
        figures[play] = seconds
    if not _one_listen_each(session):
        problems.append("a listen counted twice, or a play of no listen")
    return problems


def _one_listen_each(session: Session) -> bool:
    """Whether every play can be given a listen of its own (a bipartite matching)."""

    def candidates(play: PlayInput) -> list[int]:
        return [
            number
            for number, listen in session.listens.items()
            if (listen.track.title, listen.track.length) == (play.title, play.duration)
            and listen.zone_id == play.device
            and play.played_at in listen.starts
            and listen.first_wall is not None
            and play.played_at <= listen.first_wall + 0.5
        ]

    owner: dict[int, int] = {}

    def assign(index: int, tried: set[int]) -> bool:
        for number in candidates(session.plays[index][1]):
            if number not in tried:
                tried.add(number)
                if number not in owner or assign(owner[number], tried):
                    owner[number] = index
                    return True
        return False

    return all(assign(index, set()) for index in range(len(session.plays)))


def test_random_sessions_keep_the_properties() -> None:
    plays = 0
    for seed in range(SESSIONS):
        session = Session(seed)
        for _ in range(session.rng.randint(5, 80)):
            session.step()
        problems = _problems(session)
        steps = "\n".join(session.steps)
        assert not problems, f"seed {seed}:\n" + "\n".join(problems) + f"\nsteps:\n{steps}"
        plays += len(session.plays)
    assert plays > SESSIONS / 2  # the sessions do count plays: the properties are not vacuous
