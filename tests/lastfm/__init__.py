"""Tests of the lastfm package."""
