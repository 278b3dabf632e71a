"""The hub over the small Paris history (``hub_history.py``), for the panel's backend tests."""

from __future__ import annotations

from collections.abc import AsyncGenerator
from typing import Any

import pytest

from ..fakes.images import FakeImageHost
from ..helpers.hub_ws import Ask


@pytest.fixture
async def image_host(socket_enabled: None) -> AsyncGenerator[FakeImageHost]:
    """A fake image host on 127.0.0.1, on the running (hass) loop."""
    host = await FakeImageHost().start()
    try:
        yield host
    finally:
        await host.stop()


async def result(ask: Ask, command: dict[str, Any]) -> Any:
    """The result of a command that must succeed."""
    answer = await ask(command)
    assert answer["success"], answer
    return answer["result"]
