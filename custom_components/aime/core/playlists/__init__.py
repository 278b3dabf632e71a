"""Playlists: the seven algorithms, their shared context, the AI picker and the file formats."""
