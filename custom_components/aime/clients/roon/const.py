"""How AIME presents itself to a Roon Core, and the client's timeouts and page sizes."""

from __future__ import annotations

from typing import Final

APPINFO: Final = {
    "extension_id": "aime_home_assistant",
    "display_name": "AIME for Home Assistant",
    "display_version": "0.1.0",
    "publisher": "AIME",
    "email": "aime-ha@users.noreply.github.com",
    "website": "https://github.com/aime-ha/aime-home-assistant",
}
DEFAULT_PORT: Final = 9330
REQUEST_TIMEOUT: Final = 2.5  # roonapi's own wait for a reply
CONNECT_TIMEOUT: Final = 5.0  # TCP connect; roonapi has none
DEFAULT_RECONNECT_DELAYS: Final = (0.5, 1.0, 2.0, 5.0, 10.0, 30.0)  # the last one repeats
# Once the Core ignores our token, each attempt stays open this long so the user can enable
# the extension in Roon (Roon answers on the open connection).
AUTHORIZATION_WAIT: Final = 300.0
PAGE_SIZE: Final = 100
SEARCH_LIMIT: Final = 300  # results of one category looked at by search_and_play
PLAY_SESSION: Final = "aime-play"
