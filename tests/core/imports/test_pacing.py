"""A duty cycle rests after each slice of work, as long as the work times its ratio."""

from __future__ import annotations

from custom_components.aime.core.imports.pacing import DutyCycle


class _Clock:
    """Time that passes only when the test says so, or when the duty cycle sleeps."""

    def __init__(self) -> None:
        self.now = 0.0
        self.slept: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.slept.append(seconds)
        self.now += seconds


def test_rests_after_each_slice_of_work() -> None:
    """Steps of 5 in slices of 20 (whole units: no rounding): a rest after every fourth step,
    as long as a slice."""
    clock = _Clock()
    cycle = DutyCycle(20, 1.0, clock=clock, sleep=clock.sleep)
    for _ in range(12):
        clock.now += 5
        cycle()
    assert cycle.pauses == 3
    assert clock.slept == [20, 20, 20]


def test_rest_follows_the_work_done_and_the_ratio() -> None:
    """A step longer than a slice rests in proportion to it; the rest is not counted as work."""
    clock = _Clock()
    cycle = DutyCycle(20, 0.5, clock=clock, sleep=clock.sleep)
    clock.now += 100
    cycle()
    clock.now += 10
    cycle()
    assert cycle.pauses == 1
    assert clock.slept == [50]


def test_no_rest_while_the_slice_lasts() -> None:
    clock = _Clock()
    cycle = DutyCycle(clock=clock, sleep=clock.sleep)
    for _ in range(100):
        cycle()  # No time passes: nothing to rest from.
    assert cycle.pauses == 0
    assert clock.slept == []
