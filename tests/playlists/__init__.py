"""Tests of the playlists package."""
