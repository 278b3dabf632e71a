"""When a zone's listening counts as a play: table-driven scenarios, one observation at a time."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace

import pytest

from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.play_tracker import (
    Decisions,
    ListenedTime,
    PlayTracker,
    TrackInfo,
    ZoneObservation,
    counts_as_played,
    is_station,
)

EPOCH = 1_750_000_000  # wall clock at t = 0

SO_WHAT = TrackInfo("So What", "Miles Davis", "Kind of Blue", 300)
BLUE = TrackInfo("Blue in Green", "Miles Davis", "Kind of Blue", 337)
LONG = TrackInfo("Concierto de Aranjuez", "Miles Davis", "Sketches of Spain", 978)
SHORT = TrackInfo("Intro", "Björk", "Debut", 25)
RADIO = TrackInfo("FIP", "Radio France", None, None)
NAMELESS = TrackInfo("Untitled", None, None, 300)


@dataclass(frozen=True)
class Seen:
    t: float
    state: str
    track: TrackInfo | None
    seek: float | None
    zone: str = "zone-kitchen"
    name: str = "Kitchen"


@dataclass(frozen=True)
class Lost:
    """The connection to the Core drops."""


@dataclass(frozen=True)
class Removed:
    t: float
    zone: str = "zone-kitchen"


type Step = Seen | Lost | Removed


def playing(
    track: TrackInfo | None,
    t0: float,
    seek0: float,
    seconds: int,
    *,
    step: float = 1,
    state: str = "playing",
    zone: str = "zone-kitchen",
    name: str = "Kitchen",
) -> Iterator[Seen]:
    """One observation per ``step`` seconds: the position moves only while playing."""
    moves = state == "playing"
    for i in range(int(seconds / step) + 1):
        t = t0 + i * step
        yield Seen(t, state, track, seek0 + (i * step if moves else 0), zone, name)


def decide(steps: Iterable[Step], tracker: PlayTracker | None = None) -> Decisions:
    """Every decision the steps lead to, in order."""
    tracker = tracker or PlayTracker()
    decisions = Decisions()
    for step in steps:
        if isinstance(step, Lost):
            tracker.connection_lost()
        elif isinstance(step, Removed):
            decisions.extend(tracker.zone_removed(step.zone, step.t))
        else:
            observation = ZoneObservation(
                step.zone, step.name, step.state, step.track, step.seek, step.t, EPOCH + step.t
            )
            decisions.extend(tracker.observe(observation))
    return decisions


def stored(decisions: Decisions) -> list[PlayInput]:
    """The plays as the store ends up with them: each with its last listened figure."""
    plays = list(decisions.plays)
    for update in decisions.listened:
        index = plays.index(update.play)  # an update always follows its play
        plays[index] = replace(plays[index], seconds_listened=update.seconds)
    return plays


def run(steps: Iterable[Step], stations: tuple[str, ...] = ()) -> list[PlayInput]:
    return stored(decide(steps, PlayTracker(lambda: stations)))


def summary(plays: list[PlayInput]) -> list[tuple[str, int, int | None, str | None]]:
    """(title, start relative to t = 0, seconds listened, zone) per play."""
    return [(p.title, p.played_at - EPOCH, p.seconds_listened, p.device) for p in plays]


SCENARIOS: dict[str, tuple[list[Step], list[tuple[str, int, int | None, str | None]]]] = {
    "counts at half, stamped at its start": (
        [*playing(SO_WHAT, 0, 0, 300)],
        [("So What", 0, 150, "Kitchen")],
    ),
    "played through: all of it was heard": (
        [*playing(SO_WHAT, 0, 0, 299), Seen(300, "playing", BLUE, 0)],
        [("So What", 0, 300, "Kitchen")],
    ),
    "skipped after half: heard until the skip": (
        [*playing(SO_WHAT, 0, 0, 200), Seen(201, "playing", BLUE, 0)],
        [("So What", 0, 201, "Kitchen")],
    ),
    "paused after half, then skipped: the pause adds nothing": (
        [
            *playing(SO_WHAT, 0, 0, 200),
            *playing(SO_WHAT, 201, 201, 300, step=10, state="paused"),
            Seen(502, "playing", BLUE, 0),
        ],
        [("So What", 0, 201, "Kitchen")],
    ),
    "skipped before half: nothing": (
        [*playing(SO_WHAT, 0, 0, 140), *playing(BLUE, 141, 0, 10)],
        [],
    ),
    "long track: counts after 4 minutes": (
        [*playing(LONG, 0, 0, 300)],
        [("Concierto de Aranjuez", 0, 240, "Kitchen")],
    ),
    "long track played to the end of the queue": (
        [*playing(LONG, 0, 0, 977), Seen(978, "stopped", None, None)],
        [("Concierto de Aranjuez", 0, 978, "Kitchen")],
    ),
    "shorter than 30 s: never counts": ([*playing(SHORT, 0, 0, 25)], []),
    "pause does not reset": (
        [
            *playing(SO_WHAT, 0, 0, 100),
            *playing(SO_WHAT, 101, 101, 600, step=5, state="paused"),
            *playing(SO_WHAT, 702, 101, 60),
        ],
        [("So What", 0, 150, "Kitchen")],
    ),
    "seeking to the end is no listening": (
        [*playing(SO_WHAT, 0, 0, 10), *playing(SO_WHAT, 11, 270, 29)],
        [],
    ),
    "seeking back keeps the listen, heard time goes on": (
        [
            *playing(SO_WHAT, 0, 0, 100),
            *playing(SO_WHAT, 101, 50, 60),
            Seen(162, "playing", BLUE, 0),
        ],
        [("So What", 0, 162, "Kitchen")],
    ),
    "repeat one: each time round is a play": (
        [*playing(SO_WHAT, 0, 0, 299), *playing(SO_WHAT, 300, 0, 299)],
        [("So What", 0, 300, "Kitchen"), ("So What", 300, 150, "Kitchen")],
    ),
    "the same track reported again and again is one play": (
        [
            *playing(SO_WHAT, 0, 0, 200),
            *[Seen(200, "playing", SO_WHAT, 200)] * 3,
            *playing(SO_WHAT, 201, 201, 98),
        ],
        [("So What", 0, 150, "Kitchen")],
    ),
    "stale seek position: the clock counts": (
        [Seen(t, "playing", SO_WHAT, 42) for t in range(160)],
        [("So What", -42, 150, "Kitchen")],
    ),
    "replaced before half, the next one counts": (
        [*playing(SO_WHAT, 0, 0, 100), *playing(BLUE, 101, 0, 200)],
        [("Blue in Green", 101, 169, "Kitchen")],
    ),
    "zone removed just after half: counts": (
        [*playing(SO_WHAT, 0, 0, 149), Removed(150)],
        [("So What", 0, 150, "Kitchen")],
    ),
    "zone removed later: heard until it went": (
        [*playing(SO_WHAT, 0, 0, 200), Removed(201)],
        [("So What", 0, 201, "Kitchen")],
    ),
    "zone removed before half: nothing": (
        [*playing(SO_WHAT, 0, 0, 100), Removed(101), Removed(102)],
        [],
    ),
    "zone removed after a long silence: the silence is not heard": (
        [*playing(SO_WHAT, 0, 0, 100), Removed(200)],
        [],
    ),
    "paused zone removed: nothing": (
        [*playing(SO_WHAT, 0, 0, 100), Seen(101, "paused", SO_WHAT, 100), Removed(400)],
        [],
    ),
    "core restart mid-play: the play still counts, once": (
        [
            *playing(SO_WHAT, 0, 0, 100),
            Lost(),
            *playing(SO_WHAT, 130, 130, 170),
        ],
        [("So What", 0, 150, "Kitchen")],
    ),
    "core restart after it counted: not counted again": (
        [*playing(SO_WHAT, 0, 0, 160), Lost(), *playing(SO_WHAT, 170, 170, 100)],
        [("So What", 0, 150, "Kitchen")],
    ),
    "gap: a position that ran ahead of the clock is not listening": (
        [*playing(SO_WHAT, 0, 0, 100), Lost(), *playing(SO_WHAT, 130, 280, 10)],
        [],
    ),
    "gap: the position vouches for the time": (
        [*playing(SO_WHAT, 0, 0, 100), Lost(), Seen(160, "playing", SO_WHAT, 160)],
        [("So What", 0, 160, "Kitchen")],
    ),
    "gap: the queue moved on, the old track played to its end": (
        [*playing(SO_WHAT, 0, 0, 100), Lost(), Seen(250, "playing", BLUE, 50)],
        [("So What", 0, 200, "Kitchen")],  # it had 150 s at most: 50 went to the next
    ),
    "gap: the zone stopped, the old track is not credited": (
        [*playing(SO_WHAT, 0, 0, 100), Lost(), Seen(250, "stopped", None, None)],
        [],
    ),
    "no position reported: the clock counts, a gap adds nothing": (
        [
            *[Seen(t, "playing", SO_WHAT, None) for t in range(101)],
            Lost(),
            *[Seen(t, "playing", SO_WHAT, None) for t in range(200, 251)],
        ],
        [("So What", 0, 150, "Kitchen")],
    ),
    "silence without a drop: positions rule": (
        [*playing(SO_WHAT, 0, 0, 100), Seen(160, "playing", SO_WHAT, 130)],
        [],
    ),
    "a Core lagging the clock: heard stops at the length, give or take 3 s": (
        [
            *(Seen(t, "playing", SO_WHAT, t * 0.9) for t in range(334)),
            Seen(334, "playing", BLUE, 0),
        ],
        [("So What", 0, 303, "Kitchen")],
    ),
    "seeking back again and again: heard stops at the length, give or take 3 s": (
        [*playing(SO_WHAT, 0, 0, 250), *playing(SO_WHAT, 251, 100, 190), Removed(442)],
        [("So What", 0, 303, "Kitchen")],
    ),
    "accelerated: one observation a minute": (
        [*playing(SO_WHAT, 0, 0, 300, step=60), *playing(BLUE, 301, 1, 337, step=60)],
        [("So What", 0, 300, "Kitchen"), ("Blue in Green", 300, 181, "Kitchen")],
    ),
    "first seen mid-track: only what is heard counts": (
        [*playing(SO_WHAT, 0, 200, 99)],
        [],
    ),
    "first seen mid-track, listened enough": (
        [*playing(LONG, 0, 200, 240)],
        [("Concierto de Aranjuez", -200, 240, "Kitchen")],
    ),
    "first seen stopped, then played": (
        [Seen(0, "stopped", SO_WHAT, 0), *playing(SO_WHAT, 10, 0, 150)],
        [("So What", 10, 150, "Kitchen")],
    ),
    "queue ended: heard to the end, nothing more": (
        [*playing(SO_WHAT, 0, 0, 299), *playing(None, 300, 0, 10, state="stopped")],
        [("So What", 0, 300, "Kitchen")],
    ),
    "live radio: never counts": ([*playing(RADIO, 0, 0, 600)], []),
    "no artist: never counts": ([*playing(NAMELESS, 0, 0, 300)], []),
    "renamed zone: the play carries the name it had when it counted": (
        [*playing(SO_WHAT, 0, 0, 100), *playing(SO_WHAT, 101, 101, 100, name="Cuisine")],
        [("So What", 0, 150, "Cuisine")],
    ),
    "zones are independent": (
        [
            step
            for pair in zip(
                playing(SO_WHAT, 0, 0, 200),
                playing(BLUE, 0, 0, 200, zone="zone-living", name="Living Room"),
                strict=True,
            )
            for step in pair
        ],
        [("So What", 0, 150, "Kitchen"), ("Blue in Green", 0, 169, "Living Room")],
    ),
}


@pytest.mark.parametrize(("steps", "expected"), SCENARIOS.values(), ids=SCENARIOS.keys())
def test_scenarios(steps: list[Step], expected: list[tuple[str, int, int, str]]) -> None:
    assert summary(run(steps)) == expected


def test_play_fields() -> None:
    (play,) = run(playing(SO_WHAT, 0, 0, 160))
    assert play == PlayInput(
        title="So What",
        artist="Miles Davis",
        played_at=EPOCH,
        source=Source.ROON,
        album="Kind of Blue",
        duration=300,
        device="Kitchen",
        seconds_listened=150,
    )


def test_counted_at_half_then_given_its_final_figure() -> None:
    """The play is emitted when it counts; the time heard after comes when the track ends."""
    decisions = decide([*playing(SO_WHAT, 0, 0, 299), Seen(300, "playing", BLUE, 0)])
    (play,) = decisions.plays
    assert (play.played_at, play.seconds_listened) == (EPOCH, 150)
    assert decisions.listened == [ListenedTime(play, 300)]


def test_no_final_figure_when_nothing_more_was_heard() -> None:
    """Ended right when it counted: the play already carries its figure."""
    decisions = decide([*playing(SO_WHAT, 0, 0, 149), Removed(150)])
    assert [p.seconds_listened for p in decisions.plays] == [150]
    assert decisions.listened == []
    assert not decide([*playing(SO_WHAT, 0, 0, 10)])  # nothing decided at all


def test_station_list_is_read_at_each_decision() -> None:
    """A station the user names is never recorded, even with a length; the list is live."""
    station_track = TrackInfo("FIP Jazz", "Various", None, 300)
    stations: list[str] = ["fip"]
    tracker = PlayTracker(lambda: stations)
    plays: list[PlayInput] = []
    for seen in playing(station_track, 0, 0, 200):
        plays += tracker.observe(
            ZoneObservation("z", "Office", seen.state, seen.track, seen.seek, seen.t, seen.t)
        ).plays
    assert plays == []
    stations.clear()
    seen_again = ZoneObservation("z", "Office", "playing", station_track, 201, 201, 1)
    plays += tracker.observe(seen_again).plays
    assert [p.title for p in plays] == ["FIP Jazz"]
    assert tracker.zone_ids == {"z"}


@pytest.mark.parametrize(
    ("line", "station", "expected"),
    [
        ("FIP", "fip", True),
        ("Fip Jazz", "FIP", True),
        ("Écoute - Radio Nova", "radio nova", True),
        ("Radio Nova - Les nuits", "Radio Nova", True),
        ("Bossa Nova", "Nova", False),
        ("Nova: la nuit", "Nova", True),
        ("Le Mouv | FIP", "fip", True),
        ("FIPS", "FIP", False),
        ("Anything", "", False),
    ],
)
def test_is_station(line: str, station: str, expected: bool) -> None:
    assert is_station(TrackInfo(line, None, None, 100), [station]) is expected
    assert is_station(TrackInfo("Song", line, "Album", 100), [station]) is expected


@pytest.mark.parametrize(
    ("length", "heard", "expected"),
    [(None, 1000, False), (29, 29, False), (30, 15, True), (30, 14.9, False), (600, 240, True)],
)
def test_counts_as_played(length: int | None, heard: float, expected: bool) -> None:
    assert counts_as_played(length, heard) is expected
