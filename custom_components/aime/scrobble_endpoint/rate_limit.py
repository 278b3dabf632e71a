"""Requests per token in a fixed window, answered with ListenBrainz's ``X-RateLimit-*`` headers.

ListenBrainz counts requests per caller in a window and tells each answer how many remain and
in how many seconds the window starts again; a caller over the limit gets HTTP 429. AIME does
the same per token (a request without a valid token counts against its peer's address, so
guessing tokens is slowed too). Old windows are dropped as new ones open: the table stays as
small as the number of callers of the last window.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
import math
import time
from typing import Final

REQUESTS_PER_WINDOW: Final = 60
WINDOW_SECONDS: Final = 10.0


@dataclass(frozen=True, slots=True)
class RateLimitState:
    """One request's standing: allowed or not, and what the headers say."""

    allowed: bool
    limit: int
    remaining: int
    reset_in: int

    @property
    def headers(self) -> dict[str, str]:
        """ListenBrainz's rate-limit headers."""
        return {
            "X-RateLimit-Limit": str(self.limit),
            "X-RateLimit-Remaining": str(self.remaining),
            "X-RateLimit-Reset-In": str(self.reset_in),
        }


class RateLimiter:
    """Counts requests per caller in windows of ``window`` seconds."""

    def __init__(
        self,
        limit: int = REQUESTS_PER_WINDOW,
        window: float = WINDOW_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.limit = limit
        self.window = window
        self.clock = clock
        self._windows: dict[str, tuple[float, int]] = {}  # caller -> (window start, requests)

    def take(self, caller: str) -> RateLimitState:
        """Count one request of ``caller``; allowed while its window has room."""
        now = self.clock()
        start, used = self._windows.get(caller, (now, 0))
        if now - start >= self.window:
            start, used = now, 0
            self._forget_closed(now)
        allowed = used < self.limit
        used = used + 1 if allowed else used
        self._windows[caller] = (start, used)
        reset_in = max(math.ceil(start + self.window - now), 0)
        return RateLimitState(allowed, self.limit, self.limit - used, reset_in)

    def _forget_closed(self, now: float) -> None:
        closed = [key for key, (start, _) in self._windows.items() if now - start >= self.window]
        for key in closed:
            del self._windows[key]
