"""Which store calls ran on the event loop: HA's blocking-call detector does not watch SQLite."""

from __future__ import annotations

import asyncio
from collections.abc import Callable
import functools
from typing import Any

import pytest


class LoopWatch:
    """Wraps methods so each call is recorded with whether it ran on the event loop."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self._monkeypatch = monkeypatch
        self.calls: list[tuple[str, bool]] = []

    def watch(self, owner: type, *names: str) -> None:
        """Record calls to ``owner``'s methods, properties and classmethods ``names``."""
        for name in names:
            member: Any = vars(owner)[name]
            if isinstance(member, classmethod):
                wrapped: Any = classmethod(self._record(member.__func__))
            elif isinstance(member, property):
                wrapped = property(self._record(member.fget))  # type: ignore[arg-type]
            else:
                wrapped = self._record(member)
            self._monkeypatch.setattr(owner, name, wrapped)

    @property
    def called(self) -> set[str]:
        """The names of every recorded call."""
        return {name for name, _ in self.calls}

    @property
    def on_loop(self) -> list[str]:
        """The calls that ran on the event loop (there should be none)."""
        return [name for name, on_loop in self.calls if on_loop]

    def _record[**P, R](self, func: Callable[P, R]) -> Callable[P, R]:
        @functools.wraps(func)
        def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
            self.calls.append((func.__name__, _in_event_loop()))
            return func(*args, **kwargs)

        return wrapper


def _in_event_loop() -> bool:
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return False
    return True
