"""Run a real Home Assistant with AIME installed and set up, for development and demos.

`scripts/develop` runs this package (`python -m scripts.devhass`). It:

1. writes a config directory (`config_dir.py`) that loads AIME from this checkout;
2. starts the local demo servers (`demo_servers.py`, the hook for fake outside services);
3. starts `hass` as a subprocess (`hass_process.py`);
4. provisions it through Home Assistant's own HTTP APIs (`provision.py`): onboarding with the demo
   login, then the AIME config entry through the config-flow REST API;
5. stays in the foreground until Ctrl-C, or with `--check` verifies the entry and exits (`cli.py`).
"""

DEMO_NAME = "AIME Demo"
DEMO_USERNAME = "demo"
DEMO_PASSWORD = "aime-demo"
