"""What `scripts/develop --check` verifies of the demo's content, through the public APIs.

Every feature a newcomer looks at must show something real: the "run now" buttons, the Discogs
collection synced at setup, the imported history, plays with known lengths (listening time
and playlist durations measured, not estimated), every playlist algorithm, and the AI picking
tracks itself rather than AIME falling back to the top of its candidates. The journal's
recent albums have covers, which the cover proxy serves as PNG images. Plays of the demo's
turntable (a Home Assistant player) arrive as its person's, and each person's figures are
their own plays (the panel's person picker).
"""

import asyncio
import time
from typing import Any

import aiohttp

from scripts.devhass.hass_client import DOMAIN, HassClient, ProvisionError
from scripts.devhass.provision import FIRST_PERSON, SECOND_PERSON

# The AIME hub's "run now" buttons, one per daily job (English entity ids: the demo's language).
RUN_NOW_BUTTONS = (
    "button.aime_enrich_from_spotify_now",
    "button.aime_sync_discogs_now",
    "button.aime_write_the_haiku_now",
    "button.aime_export_markdown_now",
    "button.aime_export_json_now",
)
PLAYLIST_ALGORITHMS = (
    "top_sessions",
    "artist_correlations",
    "artist_flow",
    "time_based",
    "complete_albums",
    "rediscovery",
    "ai_generated",
)
AI_PROMPT = "evening jazz and quiet songs"
PLAYLIST_TRACKS = 20
# A sentence in each language, and how AIME's answer starts (scripts/develop --check).
ASSIST_SENTENCES = {
    "en": ("How many plays this week?", "Plays this week: "),
    "fr": ("Combien d'écoutes cette semaine ?", "Écoutes cette semaine : "),
}
MIN_DEMO_PLAYS = 25_000  # The Last.fm history (about 30,000) and the original app's Roon plays.
RECENT_PLAYS = 50  # The journal's first page: its albums must show covers.
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
# The demo turntable's tracks last 50 s and count after 25 s: a play arrives within a minute.
PLAYER_PLAY_TIMEOUT = 75.0


async def check_demo(client: HassClient) -> tuple[dict[str, Any], list[str]]:
    """The demo's figures, and what is missing from it (nothing when the demo is complete)."""
    states = await client.states()
    problems: list[str] = []

    def state(entity_id: str) -> dict[str, Any]:
        found = states.get(entity_id)
        if found is None:
            problems.append(f"no entity {entity_id}")
            return {"state": None, "attributes": {}}
        return found

    figures: dict[str, Any] = {
        "buttons": [entity for entity in RUN_NOW_BUTTONS if entity in states],
        "vinyl_records": _number(state("sensor.aime_vinyl_records")["state"]),
        "discogs_sync": state("sensor.aime_discogs_sync_job")["state"],
        "total_plays": _number(state("sensor.aime_total_plays")["state"]),
    }
    today = state("sensor.aime_listening_time_today")
    figures["listening_time_today"] = {
        "minutes": _number(today["state"]),
        "estimated_plays": today["attributes"].get("estimated_plays"),
        "plays": _number(state("sensor.aime_plays_today")["state"]),
    }
    if len(figures["buttons"]) != len(RUN_NOW_BUTTONS):
        problems.append(f"run-now buttons: {figures['buttons']}")
    if not figures["vinyl_records"] or figures["discogs_sync"] != "success":
        problems.append("the Discogs collection was not synced at setup")
    if (figures["total_plays"] or 0) < MIN_DEMO_PLAYS:
        problems.append(f"only {figures['total_plays']} plays: the history was not imported")
    figures["covers"] = await _covers(client, problems)
    figures["playlists"] = await _playlists(client, problems)
    figures["assist"] = await _sentences(client, problems)
    figures["recap"] = await _recap(client, problems)
    figures["player_play"] = await _player_play(client, problems)
    figures["people"] = await _people(client, problems)
    return figures, problems


async def _people(client: HassClient, problems: list[str]) -> dict[str, Any]:
    """The picker's persons, and each one's plays: theirs only, fewer than everyone's."""
    try:
        people = (await client.websocket_command({"type": "aime/people"}))["people"]
        plays = {
            person or "everyone": await _plays_of(client, person)
            for person in (None, FIRST_PERSON, SECOND_PERSON)
        }
    except (ProvisionError, aiohttp.ClientError, KeyError) as err:
        problems.append(f"people: {err}")
        return {}
    listed = [person["entity_id"] for person in people]
    if not {FIRST_PERSON, SECOND_PERSON} <= set(listed):
        problems.append(f"aime/people lists {listed}, not both demo persons")
    everyone, first, second = plays["everyone"], plays[FIRST_PERSON], plays[SECOND_PERSON]
    # The Roon zones are the household's: both persons' plays together are fewer than everyone's.
    if not (first["plays"] and second["plays"]):
        problems.append(f"a demo person has no plays: {plays}")
    elif first["plays"] + second["plays"] >= everyone["plays"]:
        problems.append(f"each person's plays are not their own: {plays}")
    return {"people": listed, "plays": plays}


async def _plays_of(client: HassClient, person: str | None) -> dict[str, Any]:
    """All-time figures (``aime/stats``) of one person, or everyone's."""
    command: dict[str, Any] = {"type": "aime/stats", "window": "all", "top": 1}
    if person:
        command["person"] = person
    stats = await client.websocket_command(command)
    top = stats.get("top_artists") or [{}]
    return {"plays": stats.get("plays"), "top_artist": top[0].get("name")}


async def _player_play(client: HassClient, problems: list[str]) -> dict[str, Any]:
    """A play from the demo turntable, a Home Assistant media player AIME listens to: the
    second person's (through the person filter, as the panel asks)."""
    started = time.monotonic()
    command = {
        "type": "aime/history",
        "page_size": 1,
        "source": "home_assistant",
        "person": SECOND_PERSON,
    }
    while True:
        try:
            entries = (await client.websocket_command(command))["entries"]
        except (ProvisionError, aiohttp.ClientError) as err:
            problems.append(f"Home Assistant player plays: {err}")
            return {}
        waited = round(time.monotonic() - started, 1)
        if entries:
            play = entries[0]
            return {
                "track": play.get("title"),
                "zone": play.get("device"),
                "person": play.get("person", SECOND_PERSON),
                "waited_s": waited,
            }
        if waited > PLAYER_PLAY_TIMEOUT:
            problems.append(
                f"no play of {SECOND_PERSON} from the demo turntable (a Home Assistant player)"
            )
            return {"waited_s": waited}
        await asyncio.sleep(2)


async def _covers(client: HassClient, problems: list[str]) -> dict[str, Any]:
    """The recent albums' covers, fetched through the proxy as the panel's ``<img>`` does."""
    try:
        command = {"type": "aime/history", "page_size": RECENT_PLAYS}
        journal = await client.websocket_command(command)
    except (ProvisionError, aiohttp.ClientError) as err:
        problems.append(f"journal: {err}")
        return {}
    covers = {entry["album_id"]: entry["cover"] for entry in journal["entries"] if entry["album"]}
    missing = [album_id for album_id, cover in covers.items() if cover is None]
    served = 0
    for cover in filter(None, covers.values()):
        try:
            status, content_type, body = await client.fetch_unauthenticated(cover)
        except aiohttp.ClientError as err:
            status, content_type, body = 0, type(err).__name__, b""
        if (status, content_type) == (200, "image/png") and body.startswith(PNG_SIGNATURE):
            served += 1
        else:
            problems.append(f"cover {cover.partition('?')[0]}: HTTP {status} {content_type}")
    if missing:
        problems.append(f"recent albums without a cover: {missing}")
    return {"recent_albums": len(covers), "png_served": served}


async def _recap(client: HassClient, problems: list[str]) -> dict[str, Any]:
    """``aime.recap`` of last month (the action's default period)."""
    try:
        recap = await client.call_action(DOMAIN, "recap", {"notify": False})
    except (ProvisionError, aiohttp.ClientError) as err:
        problems.append(f"recap: {err}")
        return {}
    figures = {
        "period": recap.get("key"),
        "plays": recap.get("plays"),
        "minutes": recap.get("listening_minutes"),
        "top_artist": (recap.get("top_artists") or [{}])[0].get("name"),
    }
    if not figures["plays"] or not figures["minutes"]:
        problems.append(f"recap of last month: {figures}")
    return figures


async def _sentences(client: HassClient, problems: list[str]) -> dict[str, str]:
    """One AIME sentence in each language, answered by the default conversation agent."""
    answers: dict[str, str] = {}
    for language, (sentence, expected) in ASSIST_SENTENCES.items():
        try:
            answers[language] = await client.converse(sentence, language)
        except (ProvisionError, aiohttp.ClientError, KeyError) as err:
            problems.append(f"Assist ({language}): {err}")
            continue
        if not answers[language].startswith(expected):
            problems.append(f"Assist ({language}) answered {answers[language]!r}")
    return answers


async def _playlists(client: HassClient, problems: list[str]) -> dict[str, Any]:
    """Each algorithm's playlist: its size, how much of its length is known, any fallback."""
    playlists: dict[str, Any] = {}
    for algorithm in PLAYLIST_ALGORITHMS:
        data: dict[str, Any] = {"algorithm": algorithm, "max_tracks": PLAYLIST_TRACKS}
        if algorithm == "ai_generated":
            data["prompt"] = AI_PROMPT
        try:
            playlist = await client.call_action(DOMAIN, "generate_playlist", data)
        except (ProvisionError, aiohttp.ClientError) as err:  # Reported; the others go on.
            problems.append(f"{algorithm}: {err}")
            continue
        fallback = playlist.get("parameters", {}).get("fallback")
        playlists[algorithm] = {
            "tracks": playlist.get("track_count"),
            "minutes": round((playlist.get("total_duration") or 0) / 60),
            "unknown_durations": playlist.get("unknown_durations"),
            "fallback": fallback,
        }
        if not playlist.get("track_count"):
            problems.append(f"{algorithm}: an empty playlist")
        if not playlist.get("total_duration"):
            problems.append(f"{algorithm}: no track of known length")
        if fallback:
            problems.append(f"{algorithm}: fell back ({fallback})")
    return playlists


def _number(value: Any) -> float | None:
    try:
        return float(value)
    except (TypeError, ValueError):
        return None
