"""Plays from the Home Assistant media players the user chose (Sonos, Cast, Spotify...)."""
