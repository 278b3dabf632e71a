"""AIME's intents, answered in the conversation's language (sentences in ``sentences.py``).

Any agent or script can fire them too (``intent.async_handle``). Errors are spoken: a
translated refusal in the user's language rather than a failed conversation.
"""

from __future__ import annotations

from datetime import timedelta
from functools import partial
from typing import Any

from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import intent, translation
from homeassistant.util import dt as dt_util
import voluptuous as vol

from ..const import DOMAIN
from ..core.normalize import fold
from ..core.playlists.models import Algorithm
from ..core.stats.models import Window
from ..core.stats.questions import PeriodTop, period_top, window_top
from ..hub.lookup import require_hub_store
from ..hub.now_playing import async_current_now_playing
from ..hub.people import person_of_user
from .play import async_play_generated
from .texts import async_labels, say
from .zones import aime_players, player_name

INTENT_NOW_PLAYING = "AimeNowPlaying"
INTENT_PLAY_COUNT = "AimePlayCount"
INTENT_TOP_ARTIST = "AimeTopArtist"
INTENT_PLAY_PLAYLIST = "AimePlayPlaylist"
INTENT_LISTENED = "AimeListened"
COUNTED_WINDOWS = (Window.TODAY.value, Window.WEEK.value, Window.MONTH.value, Window.YEAR.value)
YESTERDAY = "yesterday"
LISTENED_PERIODS = (YESTERDAY, Window.TODAY.value, Window.WEEK.value, Window.MONTH.value)


class _AimeIntent(intent.IntentHandler):
    """Speaks the answer, or the translated reason it cannot be given."""

    async def async_handle(self, intent_obj: intent.Intent) -> intent.IntentResponse:
        """The answer as speech in the intent's language."""
        slots = self.async_validate_slots(intent_obj.slots)
        values = {name: slot["value"] for name, slot in slots.items()}
        hass, language = intent_obj.hass, intent_obj.language
        # Whose plays: the speaker's when Home Assistant knows them, else the household's.
        values["person"] = person_of_user(hass, intent_obj.context.user_id)
        try:
            speech = await self.async_speech(hass, language, values)
        except HomeAssistantError as err:
            speech = await _async_error_speech(hass, language, err)
        response = intent_obj.create_response()
        response.async_set_speech(speech)
        return response

    async def async_speech(self, hass: HomeAssistant, language: str, values: dict[str, Any]) -> str:
        """What to say."""
        raise NotImplementedError


class NowPlayingIntent(_AimeIntent):
    """What plays in the Roon zones (else on Last.fm)."""

    intent_type = INTENT_NOW_PLAYING
    description = "Tells what is playing in each AIME Roon zone"

    async def async_speech(self, hass: HomeAssistant, language: str, values: dict[str, Any]) -> str:
        items: list[str] = []
        for player in aime_players(hass):
            state = hass.states.get(player.entity_id)
            if state is None or state.state != "playing":
                continue
            items.append(
                say(
                    hass,
                    language,
                    "now_playing_item",
                    title=state.attributes.get("media_title", "?"),
                    artist=state.attributes.get("media_artist", "?"),
                    zone=player_name(hass, player),
                )
            )
        if not items and (playing := async_current_now_playing(hass)) is not None:
            items.append(
                say(
                    hass,
                    language,
                    "now_playing_item",
                    title=playing.track,
                    artist=playing.artist,
                    zone=playing.player,
                )
            )
        if not items:
            return say(hass, language, "nothing_playing")
        return say(hass, language, "now_playing", items="; ".join(items))


class PlayCountIntent(_AimeIntent):
    """How many plays today, this week, this month or this year."""

    intent_type = INTENT_PLAY_COUNT
    description = "Tells how many tracks were played in a period"
    slot_schema = {vol.Optional("window"): vol.In(COUNTED_WINDOWS)}  # noqa: RUF012

    async def async_speech(self, hass: HomeAssistant, language: str, values: dict[str, Any]) -> str:
        window = Window(values.get("window", Window.TODAY.value))
        top = await _async_window_top(hass, window, values["person"])
        period = await _async_period(hass, language, window)
        return say(hass, language, "play_count", period=period, count=top.plays)


class TopArtistIntent(_AimeIntent):
    """The most played artist of a period (this month unless told)."""

    intent_type = INTENT_TOP_ARTIST
    description = "Tells the most played artist of a period"
    slot_schema = {vol.Optional("window"): vol.In(COUNTED_WINDOWS)}  # noqa: RUF012

    async def async_speech(self, hass: HomeAssistant, language: str, values: dict[str, Any]) -> str:
        window = Window(values.get("window", Window.MONTH.value))
        top = await _async_window_top(hass, window, values["person"])
        period = await _async_period(hass, language, window)
        if not top.top_artists:
            return say(hass, language, "top_artist_none", period=period)
        best = top.top_artists[0]
        key = "top_artist_one" if best.plays == 1 else "top_artist"
        return say(hass, language, key, period=period, artist=best.name, plays=best.plays)


class ListenedIntent(_AimeIntent):
    """What was listened to yesterday, today, this week or this month: how many tracks and
    the artist heard most."""

    intent_type = INTENT_LISTENED
    description = "Tells what the speaker (else the household) listened to in a period"
    slot_schema = {vol.Optional("period"): vol.In(LISTENED_PERIODS)}  # noqa: RUF012

    async def async_speech(self, hass: HomeAssistant, language: str, values: dict[str, Any]) -> str:
        said = values.get("period", Window.TODAY.value)
        person: str | None = values["person"]
        if said == YESTERDAY:
            access = require_hub_store(hass)
            day = dt_util.now().date() - timedelta(days=1)
            top = await access.async_run(
                partial(period_top, access.store.stats, day, day, 1, listener=person)
            )
        else:
            top = await _async_window_top(hass, Window(said), person)
        who = "" if person else "_household"
        period = say(hass, language, f"period_{said}")
        if not top.plays:
            return say(hass, language, f"listened_none{who}", period=period)
        tracks = (
            say(hass, language, "tracks_one")
            if top.plays == 1
            else say(hass, language, "tracks", count=top.plays)
        )
        artist = top.top_artists[0].name if top.top_artists else "?"
        return say(hass, language, f"listened{who}", period=period, tracks=tracks, artist=artist)


class PlayPlaylistIntent(_AimeIntent):
    """Generate a playlist with an algorithm (said by its name) and play it in a zone."""

    intent_type = INTENT_PLAY_PLAYLIST
    description = "Generates an AIME playlist and plays it in a Roon zone"
    slot_schema = {  # noqa: RUF012
        vol.Required("algorithm"): intent.non_empty_string,
        vol.Required("zone"): intent.non_empty_string,
    }

    async def async_speech(self, hass: HomeAssistant, language: str, values: dict[str, Any]) -> str:
        said = values["algorithm"]
        algorithm = await _async_algorithm(hass, language, said)
        if algorithm is None:
            return say(hass, language, "unknown_algorithm", algorithm=said)
        played = await async_play_generated(hass, values["zone"], algorithm)
        return say(
            hass,
            language,
            "playlist_playing",
            name=played.playlist.name,
            zone=played.zone,
            queued=played.queued,
        )


async def _async_window_top(hass: HomeAssistant, window: Window, person: str | None) -> PeriodTop:
    """The window's plays and top artist, of ``person`` (``None``: the household)."""
    access = require_hub_store(hass)
    return await access.async_run(
        partial(window_top, access.store.stats, dt_util.now(), window, 1, listener=person)
    )


async def _async_period(hass: HomeAssistant, language: str, window: Window) -> str:
    """The window's name inside a sentence: "this month", "ce mois-ci"."""
    label = (await async_labels(hass, language, "playlist_window")).get(window.value, "")
    return label[:1].lower() + label[1:]


async def _async_algorithm(hass: HomeAssistant, language: str, said: str) -> Algorithm | None:
    """The algorithm named ``said``: its id, or its label in the user's language or English."""
    wanted = fold(said.replace("_", " "))
    names: dict[str, Algorithm] = {}
    for lang in {"en", language}:
        labels = await async_labels(hass, lang, "playlist_algorithm")
        names |= {fold(label): Algorithm(value) for value, label in labels.items()}
    names |= {fold(algorithm.value.replace("_", " ")): algorithm for algorithm in Algorithm}
    return names.get(wanted)


async def _async_error_speech(hass: HomeAssistant, language: str, err: HomeAssistantError) -> str:
    """The error's translated message in the conversation's language."""
    if err.translation_domain == DOMAIN and err.translation_key:
        messages = await translation.async_get_translations(hass, language, "exceptions", {DOMAIN})
        message = messages.get(f"component.{DOMAIN}.exceptions.{err.translation_key}.message")
        if message is not None:
            return message.format(**(err.translation_placeholders or {}))
    return str(err)


HANDLERS: tuple[type[_AimeIntent], ...] = (
    NowPlayingIntent,
    PlayCountIntent,
    TopArtistIntent,
    ListenedIntent,
    PlayPlaylistIntent,
)


@callback
def async_register_intents(hass: HomeAssistant) -> None:
    """Register AIME's intent handlers."""
    for handler in HANDLERS:
        intent.async_register(hass, handler())


@callback
def async_remove_intents(hass: HomeAssistant) -> None:
    """Remove them again (the hub was unloaded)."""
    for handler in HANDLERS:
        intent.async_remove(hass, handler.intent_type)
