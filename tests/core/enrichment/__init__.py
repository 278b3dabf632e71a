"""Tests of the core enrichment package."""
