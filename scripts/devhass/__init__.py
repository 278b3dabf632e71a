"""Run a real Home Assistant with AIME installed and set up, for development and demos.

`scripts/develop` runs this package (`python -m scripts.devhass`). It:

1. writes a config directory (`config_dir.py`) that loads AIME from this checkout;
2. starts the local demo servers (`demo_servers.py`, the hook for fake outside services);
3. starts `hass` as a subprocess (`hass_process.py`);
4. provisions it through Home Assistant's own HTTP APIs (`provision.py`, `hass_client.py`):
   onboarding with the demo login, the AIME config entries through the config-flow REST API,
   then what a new user does first: import the original app's database (`original_app.py`) and
   the Last.fm history, and press "Sync Discogs now";
5. stays in the foreground until Ctrl-C, or with `--check` verifies the entries and that the demo
   shows every feature (`demo_check.py`), and exits (`cli.py`).

Each step prints a line on stderr, so a first run that takes a few minutes shows where it is.
"""

DEMO_NAME = "AIME Demo"
DEMO_USERNAME = "demo"
DEMO_PASSWORD = "aime-demo"
