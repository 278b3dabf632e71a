"""Playlists: the generate/export/delete actions, playing one in Roon, the last-playlist sensor."""
