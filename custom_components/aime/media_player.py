"""The media_player platform: a Roon Core's outputs (``roon/media_player.py``)."""

from __future__ import annotations

from .roon.media_player import async_setup_entry

# Commands go to the Roon Core, which serialises them itself.
PARALLEL_UPDATES = 0

__all__ = ["PARALLEL_UPDATES", "async_setup_entry"]
