"""Which Home Assistant the suite runs on, for the few tests that only make sense on one lane.

A test skipped here says which release it needs and which one this is; every such test has a
counterpart on the other lane, so nothing goes untested on both.
"""

from __future__ import annotations

from awesomeversion import AwesomeVersion
from homeassistant.const import __version__
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr
import pytest

HA_VERSION = AwesomeVersion(__version__)


def since(release: str, what: str) -> pytest.MarkDecorator:
    """Run only on ``release`` and later, where ``what`` exists."""
    return pytest.mark.skipif(
        AwesomeVersion(release) > HA_VERSION,
        reason=f"needs {what}, in Home Assistant since {release}; this is {HA_VERSION}",
    )


def before(release: str, what: str) -> pytest.MarkDecorator:
    """Run only before ``release``: ``what`` says what that release changed."""
    return pytest.mark.skipif(
        AwesomeVersion(release) <= HA_VERSION,
        reason=f"covers Home Assistant before {release} ({what}); this is {HA_VERSION}",
    )


# Where the snapshots of this lane live, under tests/snapshots/ (see tests/conftest.py).
SNAPSHOT_LANE = "current" if AwesomeVersion("2025.5") <= HA_VERSION else "pinned"  # 2025.4


def find_device(hass: HomeAssistant, identifier: tuple[str, str]) -> dr.DeviceEntry | None:
    """The device with ``identifier`` among the entries of its domain, on any release: newer
    ones deprecate (and raise in tests on) ``async_get_device`` and global device lookups."""
    registry = dr.async_get(hass)
    for entry in hass.config_entries.async_entries(identifier[0]):
        for device in dr.async_entries_for_config_entry(registry, entry.entry_id):
            if identifier in device.identifiers:
                return device
    return None
