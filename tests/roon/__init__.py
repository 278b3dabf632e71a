"""Tests of the roon package."""
