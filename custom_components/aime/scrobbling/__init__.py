"""Scrobbling: the outbox's sender for an account (Last.fm now, ListenBrainz next)."""
