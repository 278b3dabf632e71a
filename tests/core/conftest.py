"""Core tests run without Home Assistant: override the HA autouse fixtures of tests/conftest.py."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from custom_components.aime.core.store.store import Store


@pytest.fixture(autouse=True)
def auto_enable_custom_integrations() -> None:
    """The core needs no Home Assistant instance."""


@pytest.fixture(autouse=True)
def config_dir(tmp_path: Path) -> Path:
    """A plain temporary folder (no hass here)."""
    return tmp_path


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    """Where the store under test lives."""
    return tmp_path / "aime" / "aime.db"


@pytest.fixture
def store(db_path: Path) -> Iterator[Store]:
    """A fresh store, closed after the test."""
    opened = Store.open(db_path)
    yield opened
    opened.close()
