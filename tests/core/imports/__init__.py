"""Tests of the core imports package."""
