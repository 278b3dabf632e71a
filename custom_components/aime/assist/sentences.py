"""The sentences (English and French) the default conversation agent answers with AIME.

A custom integration cannot add sentence files to Home Assistant's intents package, so the
sentences are registered as ``conversation`` triggers through the public trigger helper
(the way automations register theirs); each one fires an AIME intent (``intents.py``) and
speaks its answer. Triggers match in every language; the answer follows the language of
the conversation. ``{zone}`` and ``{algorithm}`` are wildcards, matched against AIME's Roon
players and the playlist algorithms' names.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, fields
import logging
from typing import Any

from homeassistant.const import EVENT_COMPONENT_LOADED
from homeassistant.core import Context, Event, HomeAssistant, callback
from homeassistant.helpers import intent
from homeassistant.helpers.script import ScriptRunResult
from homeassistant.helpers.trigger import async_initialize_triggers, async_validate_trigger_config

from ..const import DOMAIN
from ..core.playlists.models import Algorithm
from .intents import (
    INTENT_LISTENED,
    INTENT_NOW_PLAYING,
    INTENT_PLAY_COUNT,
    INTENT_PLAY_PLAYLIST,
    INTENT_TOP_ARTIST,
)

_LOGGER = logging.getLogger(__name__)
CONVERSATION = "conversation"

_IN_ZONE_EN = "(in|on) [the] {zone}"
_IN_ZONE_FR = "(dans|sur) {zone}"  # "la cuisine": the article is dropped when matching.
_PLAY_FR = "(joue|lance|mets)"


@dataclass(frozen=True, slots=True)
class SentenceGroup:
    """Sentences firing one intent with fixed slots (plus the wildcards they capture)."""

    intent_type: str
    sentences: tuple[str, ...]
    slots: dict[str, str] = field(default_factory=dict)


def _count(window: str, en: str, fr: str) -> SentenceGroup:
    return SentenceGroup(
        INTENT_PLAY_COUNT,
        (
            f"how many (plays|songs|tracks) {en}",
            f"how many (songs|tracks) did I (play|listen to) {en}",
            f"combien d'écoutes {fr}",
            f"combien de (morceaux|titres) (ai-je|j'ai) (écouté|écoutés) {fr}",
        ),
        {"window": window},
    )


def _top(window: str, en: str, fr: str) -> SentenceGroup:
    return SentenceGroup(
        INTENT_TOP_ARTIST,
        (
            f"(who is|who's) my (top|most played) artist {en}",
            f"qui est mon artiste (préféré|le plus écouté) {fr}",
        ),
        {"window": window},
    )


def _listened(period: str, en: str, fr: str) -> SentenceGroup:
    return SentenceGroup(
        INTENT_LISTENED,
        (
            f"what did I (listen to|play) {en}",
            f"what have I (listened to|played) {en}",
            f"qu'est-ce que j'ai écouté {fr}",
            f"j'ai écouté quoi {fr}",
            f"qu'ai-je écouté {fr}",
        ),
        {"period": period},
    )


SENTENCES: tuple[SentenceGroup, ...] = (
    SentenceGroup(
        INTENT_NOW_PLAYING,
        (
            "what am I (listening to|playing) [now|right now]",
            "(what is|what's) playing [now|right now]",
            "qu'est-ce que j'écoute [maintenant|en ce moment]",
            "qu'est-ce qui (joue|passe) [maintenant|en ce moment]",
            "j'écoute quoi [maintenant|en ce moment]",
        ),
    ),
    _count("today", "today", "aujourd'hui"),
    _count("week", "this week", "cette semaine"),
    _listened("yesterday", "yesterday", "hier"),
    _listened("today", "today", "aujourd'hui"),
    _listened("week", "this week", "cette semaine"),
    _listened("month", "this month", "(ce mois-ci|ce mois)"),
    _top("month", "[this month]", "[du mois|ce mois-ci|ce mois]"),
    _top("week", "this week", "(cette semaine|de la semaine)"),
    _top("year", "this year", "(cette année|de l'année)"),
    SentenceGroup(
        INTENT_PLAY_PLAYLIST,
        (
            f"play [my] {{algorithm}} playlist {_IN_ZONE_EN}",
            f"{_PLAY_FR} [ma] (playlist|liste de lecture) {{algorithm}} {_IN_ZONE_FR}",
        ),
    ),
    SentenceGroup(
        INTENT_PLAY_PLAYLIST,
        (
            "play something I (haven't|have not) (heard|listened to) "
            f"(for|in) (a while|a long time|ages) {_IN_ZONE_EN}",
            f"{_PLAY_FR} quelque chose que je n'ai pas (entendu|écouté) "
            f"depuis (longtemps|un moment|un bail) {_IN_ZONE_FR}",
        ),
        {"algorithm": Algorithm.REDISCOVERY.value},
    ),
)


class Sentences:
    """The registered triggers; registered when (or as soon as) ``conversation`` is loaded."""

    def __init__(self, hass: HomeAssistant) -> None:
        """Nothing registered yet."""
        self.hass = hass
        self._removes: list[Callable[[], None]] = []
        self._stopped = False

    async def async_start(self) -> None:
        """Register now if the conversation integration is loaded, else once it is."""
        if CONVERSATION in self.hass.config.components:
            await self._async_register()
            return

        @callback
        def loaded(event: Event[Any]) -> None:
            if event.data.get("component") == CONVERSATION:
                self.hass.async_create_task(self._async_register(), eager_start=True)

        self._removes.append(self.hass.bus.async_listen(EVENT_COMPONENT_LOADED, loaded))

    @callback
    def async_stop(self) -> None:
        """Unregister every sentence."""
        self._stopped = True
        while self._removes:
            self._removes.pop()()

    async def _async_register(self) -> None:
        for group in SENTENCES:
            config = await async_validate_trigger_config(
                self.hass, [{"platform": CONVERSATION, "command": _with_typographic(group)}]
            )
            remove = await async_initialize_triggers(
                self.hass, config, self._action(group), DOMAIN, "AIME", _log
            )
            if remove is not None:
                if self._stopped:  # Unloaded while registering.
                    remove()
                    return
                self._removes.append(remove)

    def _action(self, group: SentenceGroup) -> Callable[..., Any]:
        hass = self.hass

        async def answer(
            run_variables: dict[str, Any], context: Context | None = None
        ) -> ScriptRunResult:
            trigger = run_variables["trigger"]
            slots = {**group.slots, **trigger.get("slots", {})}
            user_input = trigger.get("user_input", {})
            language = user_input.get("language") or hass.config.language
            response = await intent.async_handle(
                hass,
                DOMAIN,
                group.intent_type,
                {name: {"value": value, "text": value} for name, value in slots.items()},
                text_input=trigger.get("sentence"),
                context=_speaker_context(context, user_input),
                language=language,
            )
            return run_result(response.speech.get("plain", {}).get("speech", ""))

        return answer


def _speaker_context(context: Context | None, user_input: dict[str, Any]) -> Context | None:
    """The context of the conversation, which says who speaks: the trigger's action gets
    none (or one without the user), the user's input carries it."""
    if context is not None and context.user_id is not None:
        return context
    spoken = user_input.get("context")
    if not isinstance(spoken, dict) or not spoken.get("user_id"):
        return context
    return Context(user_id=spoken["user_id"], parent_id=spoken.get("id"))


def run_result(speech: str) -> ScriptRunResult:
    """What a script run answers, with ``speech`` as the conversation response.

    Built from its fields, which grow between Home Assistant versions.
    """
    known: dict[str, Any] = {"conversation_response": speech, "service_response": None}
    values: dict[str, Any] = {
        item.name: known.get(item.name, {} if item.name == "variables" else None)
        for item in fields(ScriptRunResult)
    }
    return ScriptRunResult(**values)


def _with_typographic(group: SentenceGroup) -> list[str]:
    """The sentences, and each again with typographic apostrophes (phone keyboards type them)."""
    sentences = list(group.sentences)
    return sentences + [s.replace("'", "\u2019") for s in sentences if "'" in s]


def _log(level: int, message: str, **kwargs: Any) -> None:
    _LOGGER.log(level, "AIME sentences: %s", message, **kwargs)
