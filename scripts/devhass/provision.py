"""Provision a fresh Home Assistant through its own HTTP APIs, as the web UI would.

Onboarding creates the demo owner, finishes the remaining onboarding steps, then the AIME config
entries (the hub, then the demo Last.fm account) are created through the config-flow REST API.
Every call is a public HA API, so a demo set up this way is exactly what a user who clicked
through the UI would get (the demo servers' addresses typed in the forms' "Advanced options").
A new hub then gets what such a user does first (`fill_demo`): import their original AIME app's
database and their Last.fm histories, sync their Discogs collection and enrich from Spotify.
The demo's two persons (config_dir.py) each listen through a Last.fm account; the second one
also through the demo turntable; the Roon zones are the household's (`assign_people`).
"""

import asyncio
from collections.abc import Callable, Mapping
import json
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from custom_components.aime.const import DEFAULT_SCAN_INTERVAL_SECONDS
from scripts.devhass import DEMO_PASSWORD, DEMO_USERNAME
from scripts.devhass.demo_servers import (
    DISCOGS_DEMO_TOKEN,
    LASTFM_DEMO_API_KEY,
    LASTFM_DEMO_USER,
    LASTFM_SECOND_USER,
    LLM_DEMO_API_KEY,
    LLM_DEMO_MODEL,
    SPOTIFY_DEMO_CLIENT_ID,
    SPOTIFY_DEMO_CLIENT_SECRET,
)
from scripts.devhass.hass_client import (
    DOMAIN,
    ONBOARDING_STEPS,
    POLL_INTERVAL,
    HassClient,
    ProvisionError,
)
from scripts.devhass.hass_process import HassProcess
from scripts.devhass.original_app import DATABASE_PATH
from tests.fakes.roon import DEFAULT_CORE_NAME

HUB_TITLE = "AIME"
LASTFM_TITLE = f"Last.fm {LASTFM_DEMO_USER}"
LASTFM_SECOND_TITLE = f"Last.fm {LASTFM_SECOND_USER}"
ROON_TITLE = DEFAULT_CORE_NAME
DEMO_ENTRY_TITLES = (HUB_TITLE, LASTFM_TITLE, ROON_TITLE, LASTFM_SECOND_TITLE)
# The demo's entities (Home Assistant's language is English in the demo configuration).
DISCOGS_SYNC_BUTTON = "button.aime_sync_discogs_now"
# The demo's persons (configuration.yaml) and the account each listens through.
FIRST_PERSON = "person.alex"
SECOND_PERSON = "person.sam"
LISTENERS = {LASTFM_TITLE: FIRST_PERSON, LASTFM_SECOND_TITLE: SECOND_PERSON}
# The demo's real-time player (aime_demo), whose music AIME records as "Home Assistant" plays,
# the second person's.
DEMO_PLAYER = "media_player.demo_turntable"
PLAYERS_OPTION_ANSWERS = {
    "init": {"next_step_id": "players"},
    "players": {"players": [DEMO_PLAYER]},
    "player_listeners": {DEMO_PLAYER: SECOND_PERSON},
}
DEMO_ENDPOINT_TOKEN_NAME = "Navidrome"
IMPORT_PROGRESS_EVERY = 5.0  # Seconds between two progress lines of the Last.fm import.
_IMPORT_DONE = ("finished", "cancelled", "paused")
# Spotify enrichment at setup: the most played albums and artists (the action's most), then the
# albums of the journal's first page, so that the panel's first screens show covers.
ENRICH_LIMIT = 500
JOURNAL_PAGE_SIZE = 50

type Say = Callable[[str], None]


def flow_answers(demo_urls: Mapping[str, str]) -> dict[str, dict[str, dict[str, Any]]]:
    """Return the AIME config flows to run, in order, by the title of the entry each creates.

    Each flow maps its step ids to what to submit there (pointing at `demo_urls` for outside
    services). A menu step is answered with `{"next_step_id": ...}`. The hub's `user` step is a
    confirmation without fields; once the hub exists, `user` is the menu of sources.
    """
    roon = urlsplit(demo_urls["roon"])
    return {
        HUB_TITLE: {"user": {}},
        **{
            f"Last.fm {user}": {
                "user": {"next_step_id": "lastfm"},
                "lastfm": {
                    "username": user,
                    "api_key": LASTFM_DEMO_API_KEY,
                    "advanced_options": {"api_root": demo_urls["lastfm"]},
                },
            }
            for user in (LASTFM_DEMO_USER, LASTFM_SECOND_USER)
        },
        ROON_TITLE: {
            "user": {"next_step_id": "roon"},
            "roon": {"host": roon.hostname, "port": roon.port},
        },
    }


def listener_answers(person: str) -> dict[str, dict[str, Any]]:
    """A Last.fm account's options flow (its one form), giving the account to `person`."""
    return {"lastfm": {"scan_interval": DEFAULT_SCAN_INTERVAL_SECONDS, "listener": person}}


def hub_option_answers(demo_urls: Mapping[str, str]) -> list[dict[str, dict[str, Any]]]:
    """The hub's options flows to run once the hub exists: Discogs, Spotify, the AI, then a
    scrobbling endpoint token (the panel's Scrobbling view lists it).

    Each flow opens the options menu, picks the step, and submits its form.
    """
    return [
        {
            "init": {"next_step_id": "discogs"},
            "discogs": {
                "discogs_token": DISCOGS_DEMO_TOKEN,
                "advanced_options": {"discogs_url": demo_urls["discogs"]},
            },
        },
        {
            "init": {"next_step_id": "spotify"},
            "spotify": {
                "spotify_client_id": SPOTIFY_DEMO_CLIENT_ID,
                "spotify_client_secret": SPOTIFY_DEMO_CLIENT_SECRET,
                "advanced_options": {"spotify_url": demo_urls["spotify"]},
            },
        },
        {
            "init": {"next_step_id": "ai"},
            "ai": {
                "ai_preset": "custom",
                "ai_base_url": demo_urls["llm"],
                "ai_api_key": LLM_DEMO_API_KEY,
                "ai_model": LLM_DEMO_MODEL,
            },
        },
        {
            "init": {"next_step_id": "scrobble_endpoint"},
            "scrobble_endpoint": {"next_step_id": "endpoint_token_create"},
            "endpoint_token_create": {"token_name": DEMO_ENDPOINT_TOKEN_NAME},
            "endpoint_token_created": {},
        },
    ]


def is_provisioned(config_dir: Path) -> bool:
    """Tell from the `.storage` files whether onboarding is done and the demo entries exist."""
    storage = config_dir / ".storage"
    try:
        onboarding = json.loads((storage / "onboarding").read_text())
        entries = json.loads((storage / "core.config_entries").read_text())
    except (FileNotFoundError, json.JSONDecodeError):
        return False
    done = set(onboarding["data"]["done"])
    titles = {entry["title"] for entry in entries["data"]["entries"] if entry["domain"] == DOMAIN}
    return done.issuperset(ONBOARDING_STEPS) and titles.issuperset(DEMO_ENTRY_TITLES)


async def provision(
    client: HassClient,
    hass: HassProcess,
    demo_urls: Mapping[str, str],
    *,
    log_in: bool,
    say: Say = lambda _: None,
) -> bool:
    """Wait for Home Assistant, then bring it to onboarded-with-AIME when `log_in` is set.

    Creates the demo entries that do not exist yet (the hub, then the Last.fm account); a new
    hub then gets the demo's content (`fill_demo`). Return whether anything had to be created.
    Leaves the client logged in as the demo user when `log_in` is set. `say` gets a line per
    step, so that a newcomer sees what takes time.
    """
    say("waiting for Home Assistant to answer (the first start of a new configuration takes "
        "about a minute)")  # fmt: skip
    done = await client.wait_until_up(hass)
    if not log_in:
        return False
    if done["user"]:
        await client.log_in()
    else:
        say(f"onboarding: creating the demo owner ({DEMO_USERNAME} / {DEMO_PASSWORD})")
        await client.create_owner()
    await client.finish_onboarding(done)
    await client.wait_until_running()
    if not done["core_config"]:
        await client.remove_failed_onboarding_entries()
    existing = {entry["title"] for entry in await client.aime_entries()}
    flows = flow_answers(demo_urls)
    missing = [title for title in flows if title not in existing]
    for title in missing:
        say(f"creating the AIME entry {title!r}")
        await client.create_aime_entry(flows[title])
    # Every start, first: the demo turntable's plays arrive while the rest is provisioned (and a
    # demo provisioned before the players option or the people existed gets them too).
    entries = {entry["title"]: entry["entry_id"] for entry in await client.aime_entries()}
    await assign_people(client, entries, say)
    if HUB_TITLE in missing:  # The demo Discogs, Spotify, AI and endpoint token, in its options.
        say("setting the hub's options: Discogs, Spotify, the AI and an endpoint token")
        for answers in hub_option_answers(demo_urls):
            await client.configure_options(entries[HUB_TITLE], answers)
        await fill_demo(client, entries, say)
    elif LASTFM_SECOND_TITLE in missing:  # A demo made before the second person: their history.
        await import_lastfm_history(client, entries[LASTFM_SECOND_TITLE], LASTFM_SECOND_USER, say)
    return bool(missing) or not all(done.values())


async def assign_people(client: HassClient, entries: Mapping[str, str], say: Say) -> None:
    """The demo's persons in the entries' options, as a user sets them in the UI.

    The turntable is chosen in the hub's "Players" and given to the second person; each Last.fm
    account has its person. The Roon zones stay the household's.
    """
    say(f"choosing the demo's real-time player ({DEMO_PLAYER}) for {SECOND_PERSON}")
    await client.configure_options(entries[HUB_TITLE], PLAYERS_OPTION_ANSWERS)
    for title, person in LISTENERS.items():
        say(f"giving the account {title!r} to {person}")
        await client.configure_options(entries[title], listener_answers(person))


async def fill_demo(client: HassClient, entries: Mapping[str, str], say: Say) -> None:
    """Give a new demo what a user would do first, through the actions and buttons of the UI.

    The original app's database (Roon plays with track lengths), the Last.fm histories, the
    Discogs collection ("Sync Discogs now" button), then Spotify's covers (`enrich_from_spotify`).
    """
    say(f"importing the original AIME app's database ({DATABASE_PATH}: Roon plays)")
    report = await client.call_action(DOMAIN, "import_aime_database", {"path": DATABASE_PATH})
    figures = {
        f"{key}.{inner}" if inner else key: number
        for key, value in report.items()
        for inner, number in (value.items() if isinstance(value, dict) else [("", value)])
        if isinstance(number, int)
    }
    say(f"  imported: {json.dumps(figures)}")
    accounts = {LASTFM_TITLE: LASTFM_DEMO_USER, LASTFM_SECOND_TITLE: LASTFM_SECOND_USER}
    for title, user in accounts.items():
        await import_lastfm_history(client, entries[title], user, say)
    say('syncing the Discogs collection (the "Sync Discogs now" button)')
    await client.call_action("button", "press", {"entity_id": DISCOGS_SYNC_BUTTON})
    job = await client.state("sensor.aime_discogs_sync_job")
    if job["state"] != "success":
        raise ProvisionError(f"the Discogs sync ended {job['state']}: {job['attributes']}")
    say(f"  Discogs: {job['attributes'].get('result')}")
    await enrich_from_spotify(client, say)
    await save_demo_playlists(client, say)


async def enrich_from_spotify(client: HassClient, say: Say) -> None:
    """``aime.enrich``: the most played albums and artists, then the journal's recent albums."""
    say(f"enriching the {ENRICH_LIMIT} most played albums and artists from Spotify (covers)")
    counts = await client.call_action(DOMAIN, "enrich", {"limit": ENRICH_LIMIT})
    say(f"  Spotify: {json.dumps(counts)}")
    journal = await client.websocket_command(
        {"type": "aime/history", "page_size": JOURNAL_PAGE_SIZE}
    )
    recent = {
        entry["album_id"]: (entry["artist"], entry["album"])
        for entry in journal["entries"]
        if entry["album"] and entry["cover"] is None
    }
    for artist, album in recent.values():
        data = {"scope": "album", "artist": artist, "album": album}
        try:
            await client.call_action(DOMAIN, "enrich", data)
        except ProvisionError as err:  # A track artist that is not the album's: no cover.
            say(f"  {artist} - {album}: {err}")
    say(f"  Spotify: {len(recent)} recently played albums enriched")


# Saved on the first start, so the panel's Playlists view and the media browser have some to show.
DEMO_PLAYLISTS = (
    {"algorithm": "rediscovery", "max_tracks": 20},
    {"algorithm": "artist_flow", "max_tracks": 20},
    {"algorithm": "complete_albums", "max_tracks": 25},
    {"algorithm": "ai_generated", "max_tracks": 15, "prompt": "late-night jazz and quiet piano"},
)


async def save_demo_playlists(client: HassClient, say: Say) -> None:
    """``aime.generate_playlist`` for a few algorithms, as a user trying the panel would."""
    say(f"generating {len(DEMO_PLAYLISTS)} playlists")
    for data in DEMO_PLAYLISTS:
        playlist = await client.call_action(DOMAIN, "generate_playlist", dict(data))
        say(f"  {playlist.get('name')}: {playlist.get('track_count')} tracks")


async def import_lastfm_history(client: HassClient, entry_id: str, user: str, say: Say) -> None:
    """``aime.import_lastfm_history`` of one account (the first about 30,000 scrobbles, under
    a minute; the second person's about 3,500); prints its progress until it ends."""
    say(f"importing the Last.fm history of {user}")
    await client.call_action(DOMAIN, "import_lastfm_history", {"config_entry_id": entry_id})
    sensor = f"sensor.last_fm_{user.replace('-', '_')}_history_import"
    loop = asyncio.get_running_loop()
    shown_at = loop.time()
    while True:
        state = await client.state(sensor)
        attributes = state["attributes"]
        if attributes.get("status") in _IMPORT_DONE:
            say(f"  Last.fm history: {attributes.get('plays_imported')} plays imported")
            if attributes["status"] != "finished":
                raise ProvisionError(f"the Last.fm import ended {attributes['status']}")
            return
        if loop.time() - shown_at >= IMPORT_PROGRESS_EVERY:
            shown_at = loop.time()
            say(f"  Last.fm history: {state['state']} % ({attributes.get('plays_imported')} plays)")
        await asyncio.sleep(POLL_INTERVAL)
