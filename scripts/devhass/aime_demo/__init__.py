"""Development only: lets AIME's cover proxy fetch from the demo's fake image host.

The cover proxy refuses every address that is not public (``panel/public_images.py``); the
demo serves its covers from 127.0.0.1. ``config_dir.py`` links this integration into the demo's
configuration folder, and only there: it names that host through the proxy's test seam.
"""

from homeassistant.core import HomeAssistant
from homeassistant.helpers import config_validation as cv
from homeassistant.helpers.typing import ConfigType

from custom_components.aime.panel.public_images import TRUSTED_TEST_HOSTS

DOMAIN = "aime_demo"
DEMO_IMAGE_HOSTS = frozenset({"127.0.0.1"})  # Where scripts/devhass/demo_servers.py serves.
CONFIG_SCHEMA = cv.empty_config_schema(DOMAIN)


async def async_setup(hass: HomeAssistant, config: ConfigType) -> bool:
    """Trust the demo's image host."""
    hass.data[TRUSTED_TEST_HOSTS] = DEMO_IMAGE_HOSTS
    return True
