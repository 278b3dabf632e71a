"""Fixtures of the panel's pages, shared by their tests."""

from .panel_fixture import shelf

__all__ = ["shelf"]
