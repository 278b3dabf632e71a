"""Tests of the ai package."""
