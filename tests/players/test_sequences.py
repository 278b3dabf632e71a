"""Recorded media player behaviours replayed into Home Assistant: the exact history they make."""

from __future__ import annotations

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
import pytest

from .replay import Replay, expected_of, load, sequence_names


@pytest.mark.parametrize("name", sequence_names())
async def test_sequence_makes_its_history(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, name: str
) -> None:
    """Each integration's way of reporting music gives exactly the expected plays."""
    sequence = load(name)
    assert await Replay(hass, freezer, sequence).async_run() == expected_of(sequence)
