"""Constants for the AIME integration."""

from __future__ import annotations

import logging
from typing import Final

DOMAIN: Final = "aime"
LOGGER = logging.getLogger(__package__)

# Each config entry is the hub or one source account; the kind is in its data.
CONF_KIND: Final = "kind"
KIND_HUB: Final = "hub"
KIND_LASTFM: Final = "lastfm"
KIND_ROON: Final = "roon"
KIND_LISTENBRAINZ: Final = "listenbrainz"

# The listening store lives under <config>/aime/aime.db.
STORE_FOLDER: Final = "aime"
STORE_FILENAME: Final = "aime.db"

# Two sources reporting one song within this many minutes report one play.
CONF_DEDUP_WINDOW: Final = "dedup_window_minutes"
DEFAULT_DEDUP_WINDOW_MINUTES: Final = 5
MAX_DEDUP_WINDOW_MINUTES: Final = 30

# Repair issue raised when the store cannot be opened (one per database file).
ISSUE_STORE_OPEN_FAILED: Final = "store_open_failed"


class RedactedKeys(frozenset[str]):
    """The named keys, plus every address (host, url, and keys ending in _host, _url, _root).

    A new address field (api_root, ai_base_url, discogs_url...) is redacted without a listing.
    """

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and (
            super().__contains__(key)
            or key in ("host", "url")
            or key.endswith(("_host", "_url", "_root"))
        )


# Keys that may hold credentials, personal identifiers or addresses; never shown in diagnostics.
TO_REDACT: Final = RedactedKeys(
    {
        "api_key",
        "api_secret",
        "client_secret",
        "password",
        "session_key",
        "shared_secret",
        "token",
        "user_token",
        "username",
        "core_name",  # A Roon Core is often named after its owner or their computer.
        # Enrichment services (hub options).
        "discogs_token",
        "discogs_username",
        "spotify_client_id",
        "spotify_client_secret",
        "ai_api_key",
        "digest",  # The scrobbling endpoint's tokens (hub options), hashed.
    }
)

# Last.fm account entries.
CONF_SHARED_SECRET: Final = "shared_secret"
CONF_API_ROOT: Final = "api_root"
LASTFM_UNIQUE_ID_PREFIX: Final = "lastfm_"
LISTENBRAINZ_UNIQUE_ID_PREFIX: Final = "listenbrainz_"
LASTFM_PROFILE_URL: Final = "https://www.last.fm/user/{username}"
DEFAULT_SCAN_INTERVAL_SECONDS: Final = 60
MIN_SCAN_INTERVAL_SECONDS: Final = 30
MAX_SCAN_INTERVAL_SECONDS: Final = 600
# Write access (issue 26): the session key from Last.fm's web authorisation (entry data), the
# sources whose plays AIME scrobbles to the account and now-playing updates (options).
CONF_SESSION_KEY: Final = "session_key"
CONF_SCROBBLE_SOURCES: Final = "scrobble_sources"
CONF_NOW_PLAYING_UPDATES: Final = "now_playing_updates"
# Sources a user may opt in to scrobble: AIME's live recorders.
SCROBBLE_SOURCE_CHOICES: Final = ("roon", "home_assistant", "endpoint")

# Roon Core entries (one per Core; unique id = the Core's id).
CONF_CORE_NAME: Final = "core_name"
# Live radio stations (by name) whose plays are never recorded.
CONF_RADIO_STATIONS: Final = "radio_stations"

# Home Assistant media players whose music is recorded (hub options; entity ids).
CONF_PLAYERS: Final = "players"
# The ListenBrainz-compatible endpoint's tokens (hashed records, see scrobble_endpoint/tokens.py).
CONF_ENDPOINT_TOKENS: Final = "endpoint_tokens"

# People: who listens to each source (a person's entity id; none is the household).
# A Last.fm account's options: its person. A Roon entry's: {zone display name: person}.
# The hub's: {chosen media player's entity id: person}.
CONF_LISTENER: Final = "listener"
CONF_ZONE_LISTENERS: Final = "zone_listeners"
CONF_PLAYER_LISTENERS: Final = "player_listeners"

# AI texts (hub options): instead of the endpoint, an AI Task entity (HA 2025.8 and later).
CONF_AI_TASK_ENTITY: Final = "ai_task_entity"

# Enrichment services, in the hub's options (each optional; removing one drops its keys).
CONF_DISCOGS_TOKEN: Final = "discogs_token"
CONF_DISCOGS_USERNAME: Final = "discogs_username"
CONF_DISCOGS_URL: Final = "discogs_url"  # Another server speaking the Discogs API (demo).
CONF_SPOTIFY_CLIENT_ID: Final = "spotify_client_id"
CONF_SPOTIFY_CLIENT_SECRET: Final = "spotify_client_secret"
CONF_SPOTIFY_URL: Final = "spotify_url"  # One server for the token and the Web API (demo).
CONF_AI_PRESET: Final = "ai_preset"
CONF_AI_PRODUCT_ID: Final = "ai_product_id"
CONF_AI_BASE_URL: Final = "ai_base_url"
CONF_AI_API_KEY: Final = "ai_api_key"
CONF_AI_MODEL: Final = "ai_model"
CONF_EXPORTS_KEEP: Final = "exports_keep"
DEFAULT_EXPORTS_KEEP: Final = 5
# Exports are written only here, under <config>/aime/.
EXPORTS_FOLDER: Final = "exports"
