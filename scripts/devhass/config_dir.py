"""The Home Assistant configuration directory used while developing."""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
INTEGRATION_SOURCE = REPO_ROOT / "custom_components" / "aime"
DEFAULT_CONFIG_DIR = REPO_ROOT / ".develop" / "config"
LOG_FILE_NAME = "home-assistant.log"

# `default_config` is avoided on purpose: some of its integrations (go2rtc, zeroconf, ...) need
# binaries or network access a development machine may not have. The frontend pulls in its own
# dependencies (auth, config, lovelace, onboarding, repairs, ...); onboarding pulls in person.
CONFIGURATION_YAML = """\
# Written by scripts/develop on every start: edit scripts/devhass/config_dir.py instead.
homeassistant:
  name: AIME Demo
  latitude: 48.8566
  longitude: 2.3522
  elevation: 35
  unit_system: metric
  currency: EUR
  country: FR
  language: en
  time_zone: Europe/Paris

http:
  server_host: 127.0.0.1
  server_port: {port}

frontend:
api:
websocket_api:
# The default agent answers AIME's sentences (Assist); LLM agents find AIME's tools.
conversation:
config:
onboarding:
person:
recorder:
history:
logbook:
system_health:
backup:

logger:
  default: warning
  logs:
    custom_components.aime: debug
"""


def prepare_config_dir(config_dir: Path, port: int) -> None:
    """Write configuration.yaml and link AIME from this checkout into `config_dir`."""
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "configuration.yaml").write_text(CONFIGURATION_YAML.format(port=port))

    link = config_dir / "custom_components" / "aime"
    link.parent.mkdir(exist_ok=True)
    if link.is_symlink():
        if link.resolve() == INTEGRATION_SOURCE:
            return
        link.unlink()
    elif link.exists():
        raise FileExistsError(f"{link} exists and is not a link to {INTEGRATION_SOURCE}")
    link.symlink_to(INTEGRATION_SOURCE, target_is_directory=True)
