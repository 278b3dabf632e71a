"""Tests of the core store package."""
