"""The backfill's duty cycle: after each chunk, a rest as long as the recorder worked on it."""

from __future__ import annotations

from custom_components.aime.stats.long_term_statistics import (
    CHUNK_PAUSE_SECONDS,
    CHUNK_REST_RATIO,
    rest_after_chunk,
)


def test_a_slow_chunk_rests_as_long_as_it_took() -> None:
    assert rest_after_chunk(0.5) == 0.5 * CHUNK_REST_RATIO


def test_a_quick_chunk_still_rests_a_little() -> None:
    """The recorder answered at once: the loop still gets a turn before the next chunk."""
    assert rest_after_chunk(0.0) == CHUNK_PAUSE_SECONDS > 0
