"""The media_source platform: AIME's library in the media browser (``roon/media_source.py``)."""

from __future__ import annotations

from .roon.media_source import async_get_media_source

__all__ = ["async_get_media_source"]
