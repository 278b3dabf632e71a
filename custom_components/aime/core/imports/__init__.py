"""Imports of other databases into the store (the original AIME app)."""
