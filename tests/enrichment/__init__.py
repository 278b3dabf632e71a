"""Tests of the enrichment package."""
