"""Tests of the core stats package."""
