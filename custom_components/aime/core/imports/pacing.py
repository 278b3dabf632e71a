"""A long import's duty cycle: work a few milliseconds, then rest as long, again and again.

Inside Home Assistant an import runs in an executor thread of the process that also runs the
event loop, the recorder and the panel's queries. Python code holds the interpreter lock; a
thread that gives it up (every SQLite call does) waits for it again up to the switch interval
(5 ms) while the import runs Python, so a query of 50 rows took half a second (issue 24).
Sleeping gives the lock away entirely: the import calls ``pause_point()`` in its loops, and
after ``work_s`` of work there it sleeps ``rest_ratio`` times the work done. The import gets
slower by about that ratio (and by its smaller batches); what waits on the lock waits about one
slice at most.
"""

from __future__ import annotations

from collections.abc import Callable
import time

WORK_S = 0.02  # The loop lags at most about one slice: a websocket call stays within ~2x.
# Half the slice: a rest only needs to outlast a query or two (bench-ha at 100,000 plays: the
# journal's p95 17 ms at 0.5, 19 ms at 1.0, 254 ms without rests; the import 16 s, 27 s, 8 s).
REST_RATIO = 0.5

type PausePoint = Callable[[], None]


def no_pause() -> None:
    """Work on without resting (tests, and imports outside Home Assistant)."""


class DutyCycle:
    """A ``PausePoint`` resting ``rest_ratio`` times the work done, once ``work_s`` is done.

    ``clock`` and ``sleep`` are ``time.perf_counter`` and ``time.sleep`` unless given (a test
    gives a clock that advances as it is read, and counts the pauses).
    """

    def __init__(
        self,
        work_s: float = WORK_S,
        rest_ratio: float = REST_RATIO,
        *,
        clock: Callable[[], float] = time.perf_counter,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self._work_s, self._rest_ratio = work_s, rest_ratio
        self._clock, self._sleep = clock, sleep
        self._since = clock()
        self.pauses = 0

    def __call__(self) -> None:
        """Rest if this slice of work is done."""
        worked = self._clock() - self._since
        if worked < self._work_s:
            return
        self._sleep(worked * self._rest_ratio)
        self.pauses += 1
        self._since = self._clock()
