"""The Home Assistant configuration directory used while developing."""

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
INTEGRATION_SOURCE = REPO_ROOT / "custom_components" / "aime"
# The demo's own integration: lets the cover proxy fetch from the demo's image host.
DEMO_INTEGRATION_SOURCE = Path(__file__).resolve().parent / "aime_demo"
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
# The demo's two listeners (scripts/devhass/provision.py gives each a Last.fm account, and the
# turntable to Sam): the panel's person picker and the statistics tell their plays apart.
person:
  - name: Alex
    id: alex
  - name: Sam
    id: sam
recorder:
history:
logbook:
system_health:
backup:
aime_demo:
# A player playing music in real time (scripts/devhass/aime_demo/media_player.py), chosen in
# AIME's options: its plays come from the "Home Assistant" source.
media_player:
  - platform: aime_demo

logger:
  default: warning
  logs:
    custom_components.aime: debug
"""


def prepare_config_dir(config_dir: Path, port: int) -> None:
    """Write configuration.yaml and link AIME (and the demo's integration) into `config_dir`."""
    config_dir.mkdir(parents=True, exist_ok=True)
    (config_dir / "configuration.yaml").write_text(CONFIGURATION_YAML.format(port=port))
    for source in (INTEGRATION_SOURCE, DEMO_INTEGRATION_SOURCE):
        _link(config_dir / "custom_components" / source.name, source)


def _link(link: Path, source: Path) -> None:
    link.parent.mkdir(exist_ok=True)
    if link.is_symlink():
        if link.resolve() == source:
            return
        link.unlink()
    elif link.exists():
        raise FileExistsError(f"{link} exists and is not a link to {source}")
    link.symlink_to(source, target_is_directory=True)
