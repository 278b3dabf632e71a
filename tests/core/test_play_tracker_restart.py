"""Listens in progress across a restart of Home Assistant: saved, restored, counted once.

Each run of Home Assistant has its own tracker and its own monotonic clock (zero when it
started); only wall times carry over, through the JSON the tracker saved.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
import json
from typing import Any

import pytest

from custom_components.aime.core.play_tracker import (
    Decisions,
    PlayTracker,
    TrackInfo,
    ZoneObservation,
)

from .test_play_tracker import (
    BLUE,
    EPOCH,
    LONG,
    SO_WHAT,
    Removed,
    Seen,
    playing,
    stored,
    summary,
)


@dataclass(frozen=True)
class Restart:
    """Home Assistant stops at ``t`` (the listens are saved) and is started again at ``back``."""

    t: float
    back: float


type Step = Seen | Removed | Restart


def across_restarts(steps: Iterable[Step]) -> tuple[Decisions, list[dict[str, Any]]]:
    """Every decision of every run, and what each stop saved."""
    boot = -1000.0  # the first run started long before
    tracker = PlayTracker()
    decisions = Decisions()
    saves: list[dict[str, Any]] = []
    for step in steps:
        if isinstance(step, Restart):
            saved = json.loads(json.dumps(tracker.snapshot(step.t - boot, EPOCH + step.t)))
            saves.append(saved)
            boot, tracker = step.back, PlayTracker()
            tracker.restore(saved, 0.0, EPOCH + step.back)
        elif isinstance(step, Removed):
            decisions.extend(tracker.zone_removed(step.zone, step.t - boot))
        else:
            seen = ZoneObservation(
                step.zone,
                step.name,
                step.state,
                step.track,
                step.seek,
                step.t - boot,
                EPOCH + step.t,
            )
            decisions.extend(tracker.observe(seen))
    return decisions, saves


RESTARTS: dict[str, tuple[list[Step], list[tuple[str, int, int | None, str | None]]]] = {
    "down before half, the track plays on: counted once, from its start": (
        [
            *playing(SO_WHAT, 0, 0, 100),
            Restart(100, 125),
            *playing(SO_WHAT, 130, 130, 169),
            Seen(300, "playing", BLUE, 0),
        ],
        [("So What", 0, 300, "Kitchen")],
    ),
    "down after half: not counted again, heard to the end": (
        [
            *playing(SO_WHAT, 0, 0, 200),
            Restart(200, 225),
            *playing(SO_WHAT, 230, 230, 69),
            Seen(300, "playing", BLUE, 0),
        ],
        [("So What", 0, 300, "Kitchen")],
    ),
    "down across the end of the track: the position vouches for the rest": (
        [*playing(SO_WHAT, 0, 0, 100), Restart(100, 340), Seen(350, "playing", BLUE, 50)],
        [("So What", 0, 300, "Kitchen")],
    ),
    "down after half, stopped meanwhile: the time saved stays": (
        [*playing(SO_WHAT, 0, 0, 200), Restart(200, 390), Seen(400, "stopped", None, None)],
        [("So What", 0, 200, "Kitchen")],
    ),
    "another track at restart, before half: nothing": (
        [*playing(SO_WHAT, 0, 0, 100), Restart(100, 125), *playing(BLUE, 130, 10, 20)],
        [],
    ),
    "the same track started over meanwhile: two plays": (
        [
            *playing(SO_WHAT, 0, 0, 200),
            Restart(200, 255),
            *playing(SO_WHAT, 260, 20, 130),
            Seen(391, "playing", BLUE, 0),
        ],
        [("So What", 0, 240, "Kitchen"), ("So What", 240, 151, "Kitchen")],
    ),
    "a position ahead of the time since is no listening": (
        [
            *playing(SO_WHAT, 0, 0, 100),
            Restart(100, 105),
            *playing(SO_WHAT, 110, 280, 19),
            Seen(130, "stopped", None, None),
        ],
        [],
    ),
    "paused across the restart": (
        [
            *playing(SO_WHAT, 0, 0, 100),
            Seen(101, "paused", SO_WHAT, 101),
            Restart(500, 990),
            Seen(1000, "paused", SO_WHAT, 101),
            *playing(SO_WHAT, 1001, 101, 199),
            Seen(1201, "playing", BLUE, 0),
        ],
        [("So What", 0, 300, "Kitchen")],
    ),
    "restarted twice, counted in between": (
        [
            *playing(SO_WHAT, 0, 0, 100),
            Restart(100, 105),
            *playing(SO_WHAT, 110, 110, 60),
            Restart(170, 190),
            *playing(SO_WHAT, 200, 200, 99),
            Seen(300, "playing", BLUE, 0),
        ],
        [("So What", 0, 300, "Kitchen")],
    ),
    "the zone is gone at restart: the time saved stays": (
        [*playing(SO_WHAT, 0, 0, 200), Restart(200, 290), Removed(300)],
        [("So What", 0, 200, "Kitchen")],
    ),
    "a long track, down at several points": (
        [
            *playing(LONG, 0, 0, 120),
            Restart(120, 130),
            *playing(LONG, 135, 135, 165),
            Restart(300, 310),
            *playing(LONG, 320, 320, 657),
            Seen(978, "stopped", None, None),
        ],
        [("Concierto de Aranjuez", 0, 978, "Kitchen")],
    ),
}


@pytest.mark.parametrize(("steps", "expected"), RESTARTS.values(), ids=RESTARTS.keys())
def test_restarts(steps: list[Step], expected: list[tuple[str, int, int, str]]) -> None:
    decisions, _ = across_restarts(steps)
    assert summary(stored(decisions)) == expected
    assert len({(p.title, p.played_at) for p in decisions.plays}) == len(decisions.plays)


def test_saved_listen_is_json_and_only_what_plays() -> None:
    """A zone with nothing to resume is not saved; a saved listen carries its start and time."""
    _, (saved,) = across_restarts(
        [
            *playing(SO_WHAT, 0, 0, 100),
            Seen(0, "stopped", None, None, zone="zone-office", name="Office"),
            Restart(100, 200),
        ]
    )
    assert list(saved) == ["zone-kitchen"]
    kitchen = saved["zone-kitchen"]
    assert kitchen["track"] == ["So What", "Miles Davis", "Kind of Blue", 300]
    assert (kitchen["started_at"], kitchen["heard"], kitchen["seek"]) == (EPOCH, 100, 100)
    assert (kitchen["seen_at"], kitchen["counted"]) == (EPOCH + 100, False)


def test_unreadable_entries_are_skipped() -> None:
    """A damaged file never stops the recorder: what can be read is restored."""
    _, (saved,) = across_restarts([*playing(SO_WHAT, 0, 0, 10), Restart(10, 20)])
    good = saved["zone-kitchen"]
    tracker = PlayTracker()
    tracker.restore(
        {
            "zone-a": {"track": "not a list"},
            "zone-b": {**good, "started_at": "soon"},
            "zone-c": "garbage",
            "zone-d": {**good, "track": [1, None, None, 300]},
            "zone-e": {key: value for key, value in good.items() if key != "heard"},
            "zone-kitchen": good,
        },
        0.0,
        EPOCH + 20,
    )
    assert tracker.zone_ids == {"zone-kitchen"}


def test_zones_already_followed_are_kept() -> None:
    """Restoring late never replaces what the tracker already saw."""
    tracker = PlayTracker()
    tracker.observe(ZoneObservation("zone-kitchen", "Kitchen", "playing", BLUE, 5, 0, EPOCH))
    _, (saved,) = across_restarts([*playing(SO_WHAT, 0, 0, 100), Restart(100, 110)])
    tracker.restore(saved, 1.0, EPOCH + 1)
    assert tracker.snapshot(1.0, EPOCH + 1)["zone-kitchen"]["track"][0] == "Blue in Green"


STAND_IN = TrackInfo("So What", "Miles Davis", "Kind of Blue", 562)  # the demo's stand-in Core


def test_track_started_over_across_a_restart_is_a_new_listen() -> None:
    """Issue 23: saved 226 s into "So What" (562 s), heard from 42 s; a stand-in Core that
    restarted too came back at 42 s and was 130 s on when Home Assistant saw it again (172 s,
    behind the saved 226 s but not reachable from the top in the 140 s away). The listen
    saved ends there: 184 s, not counted; the new one is all that was heard of it after.
    Before the fix the saved listen went on: one play of 574 s for a 562 s track."""
    decisions, _ = across_restarts(
        [
            *playing(STAND_IN, 0, 42, 184),
            Restart(184, 324),
            *playing(STAND_IN, 324, 172, 389),
            Seen(714, "playing", BLUE, 0),
        ]
    )
    plays = stored(decisions)
    assert summary(plays) == [("So What", 324 - 172, 140 + 389 + 1, "Kitchen")]
