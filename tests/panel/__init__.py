"""Tests of the AIME panel feature."""
