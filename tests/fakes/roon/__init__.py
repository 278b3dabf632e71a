"""A fake Roon Core speaking MOO/1 over a loopback websocket, for the real roonapi."""

from .core import DEFAULT_CORE_ID, DEFAULT_CORE_NAME, FakeRoonCore
from .library import Library

__all__ = ["DEFAULT_CORE_ID", "DEFAULT_CORE_NAME", "FakeRoonCore", "Library"]
