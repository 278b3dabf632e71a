"""aime_import."""
