"""Tests of the core playlists package."""
