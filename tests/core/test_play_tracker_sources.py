"""The tracker for sources other than Roon: their source, gap and unknown lengths; one zone lost."""

from __future__ import annotations

from custom_components.aime.core.models import Source
from custom_components.aime.core.play_tracker import (
    PLAYING,
    PlayTracker,
    TrackInfo,
    ZoneObservation,
    counts_as_played,
)

EPOCH = 1_750_000_000
STREAMED = TrackInfo("Breathe", "Pink Floyd", None, None)
SO_WHAT = TrackInfo("So What", "Miles Davis", "Kind of Blue", 562)


def seen(t: float, track: TrackInfo | None, seek: float | None = None) -> ZoneObservation:
    return ZoneObservation("zone", "Kitchen", PLAYING, track, seek, t, EPOCH + t)


def players_tracker() -> PlayTracker:
    return PlayTracker(source=Source.HOME_ASSISTANT, max_event_gap=30, unknown_length_counts=True)


def test_unknown_length_counts_after_four_minutes_only_when_allowed() -> None:
    """Roon's live radio never counts; a stream's song does after 4 minutes where allowed."""
    assert not counts_as_played(None, 10_000)
    assert not counts_as_played(None, 239, unknown_length=True)
    assert counts_as_played(None, 240, unknown_length=True)
    roon = PlayTracker()
    for t in range(0, 300, 5):
        assert not roon.observe(seen(t, STREAMED))


def test_a_players_play_carries_its_source_and_counts_at_four_minutes() -> None:
    tracker = players_tracker()
    plays = [play for t in range(0, 300, 20) for play in tracker.observe(seen(t, STREAMED)).plays]
    assert [(play.source, play.played_at, play.seconds_listened) for play in plays] == [
        (Source.HOME_ASSISTANT, EPOCH, 240)
    ]


def test_observations_30_seconds_apart_are_no_gap_for_players_but_are_for_roon() -> None:
    """Roon's 10 s gap would only trust positions; players are observed every few seconds."""
    players, roon = players_tracker(), PlayTracker()
    for tracker in (players, roon):
        tracker.observe(seen(0, SO_WHAT, 0))
        tracker.observe(seen(30, SO_WHAT, 10))  # a position lagging behind the clock
    players_heard = players.snapshot(30, EPOCH + 30)["zone"]["heard"]
    roon_heard = roon.snapshot(30, EPOCH + 30)["zone"]["heard"]
    assert (players_heard, roon_heard) == (30, 10)


def test_a_lost_zone_resumes_as_far_as_its_position_moved() -> None:
    """A player unavailable for a while: its position, not the clock, vouches for the time."""
    tracker = players_tracker()
    tracker.observe(seen(0, SO_WHAT, 0))
    tracker.observe(seen(10, SO_WHAT, 10))
    tracker.zone_lost("zone")
    tracker.zone_lost("unknown zone")  # nothing to lose
    tracker.observe(seen(25, SO_WHAT, 15))  # stalled while out of reach
    assert tracker.snapshot(25, EPOCH + 25)["zone"]["heard"] == 15
