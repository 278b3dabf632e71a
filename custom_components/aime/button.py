"""The button platform: the hub's "run now" buttons (``hub/button.py``)."""

from __future__ import annotations

from .hub.button import async_setup_entry

# Pressing only starts a job; the scheduler refuses a second run of the same job.
PARALLEL_UPDATES = 0

__all__ = ["PARALLEL_UPDATES", "async_setup_entry"]
