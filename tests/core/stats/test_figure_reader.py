"""The figure helpers shared by Stats, the recap and the range pages.

The reader itself is tested through them (test_queries.py, test_recap.py, test_range_stats.py).
"""

from __future__ import annotations

from custom_components.aime.core.stats.figure_reader import (
    longest_run,
    peak_index,
    percent_change,
)


def test_longest_run_is_the_earliest_of_the_longest() -> None:
    assert longest_run([]) == (0, 0, 0)
    assert longest_run([3, 4, 5, 9, 10, 11, 20]) == (3, 3, 5)
    assert longest_run([1, 5, 6]) == (2, 5, 6)


def test_peak_index_is_the_first_of_equals_or_none() -> None:
    assert peak_index([0, 0, 0]) is None
    assert peak_index([]) is None
    assert peak_index([1, 4, 2, 4]) == 1


def test_percent_change() -> None:
    assert percent_change(3, 2) == 50.0
    assert percent_change(1, 3) == -66.7
    assert percent_change(5, 0) is None
