"""A ListenBrainz account as a source: its history imported, then its new listens followed."""
