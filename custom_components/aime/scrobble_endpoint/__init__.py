"""AIME's ListenBrainz-compatible endpoint: scrobblers send their plays straight into AIME."""
