"""AI actions: describe an album, write a haiku (of the day, or of the last N days).

Texts are written in the language of Home Assistant (French or English), stored with the
model that wrote them and when, and answered. A stored text is answered again unless the
call forces a new one, so the daily job and automations cost one request a day.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import timedelta
from functools import partial
import random
from typing import TYPE_CHECKING, Any

from homeassistant.core import (
    CALLBACK_TYPE,
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
    callback,
)
from homeassistant.helpers import config_validation as cv
from homeassistant.util import dt as dt_util
import voluptuous as vol

from ..action import Action
from ..core.enrichment.ai_text_store import AiText
from ..core.enrichment.ai_texts import (
    AiTextKind,
    AlbumFacts,
    TextRequest,
    album_description_prompt,
    album_summary_prompt,
    daily_haiku_prompt,
    listening_haiku_prompt,
    text_language,
)
from ..core.store.store import Store
from ..exceptions import validation_error
from ..hub.jobs import JobId, JobScheduler
from ..hub.lookup import require_hub_store
from ..validation import STORE_ID, text, whole_number
from .backend import async_hub_ai

if TYPE_CHECKING:
    from ..hub.store_access import StoreAccess

SERVICE_DESCRIBE_ALBUM = "describe_album"
SERVICE_WRITE_HAIKU = "write_haiku"
ATTR_ALBUM_ID = "album_id"
ATTR_ARTIST = "artist"
ATTR_TITLE = "title"
ATTR_FORCE = "force"
ATTR_DAYS = "days"
MAX_HAIKU_DAYS = 365
INSPIRATION_ALBUMS = 5  # The original app's haiku of the day drew on 5 records.
INSPIRATION_POOL = 50

DESCRIBE_SCHEMA = vol.Schema(
    {
        vol.Optional(ATTR_ALBUM_ID): STORE_ID,
        vol.Optional(ATTR_ARTIST): text(),
        vol.Optional(ATTR_TITLE): text(),
        vol.Optional(ATTR_FORCE, default=False): cv.boolean,
    }
)
HAIKU_SCHEMA = vol.Schema(
    {
        vol.Optional(ATTR_DAYS): whole_number(1, MAX_HAIKU_DAYS),
        vol.Optional(ATTR_FORCE, default=False): cv.boolean,
    }
)


@callback
def async_register_haiku_job(hass: HomeAssistant, scheduler: JobScheduler) -> CALLBACK_TYPE:
    """Make the haiku of the day the body of the scheduler's haiku job (06:00 by default)."""

    async def write_daily_haiku() -> Mapping[str, Any]:
        return await async_write_daily_haiku(hass)

    return scheduler.async_register(JobId.HAIKU, write_daily_haiku)


@dataclass(frozen=True, slots=True)
class _Texts:
    """Where texts are kept, and in which language they are written."""

    hass: HomeAssistant
    access: StoreAccess
    language: str

    @property
    def store(self) -> Store:
        return self.access.store

    async def async_latest(self, kind: AiTextKind, **subject: Any) -> AiText | None:
        return await self.access.async_run(
            partial(self.store.ai_texts.latest, kind, self.language, **subject)
        )

    async def async_write(self, request: TextRequest, **subject: Any) -> AiText:
        """Ask the hub's AI for the text, then store it with its model and date."""
        generated = await async_hub_ai(self.hass).async_write(request)
        return await self.access.async_run(
            partial(
                self.store.ai_texts.save,
                request.kind,
                self.language,
                generated.text,
                generated.model,
                **subject,
            )
        )


def _texts(hass: HomeAssistant) -> _Texts:
    return _Texts(hass, require_hub_store(hass), text_language(hass.config.language))


async def _async_describe_album(call: ServiceCall) -> ServiceResponse:
    """The album's description and 35-word presentation: stored ones, or new ones."""
    texts = _texts(call.hass)
    force: bool = call.data[ATTR_FORCE]
    album_id = await _async_album_id(texts, call.data)
    facts: AlbumFacts | None = await texts.access.async_run(
        texts.store.ai_texts.album_facts, album_id
    )
    if facts is None:
        raise validation_error("album_id_not_found", {ATTR_ALBUM_ID: str(album_id)})
    found: dict[AiTextKind, AiText] = {}
    generated = False
    for kind, prompt in (
        (AiTextKind.ALBUM_DESCRIPTION, album_description_prompt),
        (AiTextKind.ALBUM_SUMMARY, album_summary_prompt),
    ):
        text = None if force else await texts.async_latest(kind, album_id=album_id)
        if text is None:
            text = await texts.async_write(prompt(facts, texts.language), album_id=album_id)
            generated = True
        found[kind] = text
    description = found[AiTextKind.ALBUM_DESCRIPTION]
    summary = found[AiTextKind.ALBUM_SUMMARY]
    return {
        ATTR_ALBUM_ID: album_id,
        ATTR_ARTIST: facts.artist,
        ATTR_TITLE: facts.title,
        "language": texts.language,
        "description": description.text,
        "summary": summary.text,
        "model": description.model,
        "created_at": _iso(description.created_at),
        "generated": generated,
    }


async def _async_album_id(texts: _Texts, data: dict[str, Any]) -> int:
    if (album_id := data.get(ATTR_ALBUM_ID)) is not None:
        return int(album_id)
    artist, title = data.get(ATTR_ARTIST), data.get(ATTR_TITLE)
    if not artist or not title:
        raise validation_error("album_required")
    found = await texts.access.async_run(texts.store.ai_texts.find_album, artist, title)
    if found is None:
        raise validation_error("album_not_known", {ATTR_ARTIST: artist, ATTR_TITLE: title})
    return found


async def _async_write_haiku(call: ServiceCall) -> ServiceResponse:
    """The haiku of the day, or of the last ``days`` days of listening."""
    days: int | None = call.data.get(ATTR_DAYS)
    force: bool = call.data[ATTR_FORCE]
    if days is None:
        return await async_write_daily_haiku(call.hass, force=force)
    return await _async_write_listening_haiku(call.hass, days, force=force)


async def async_write_daily_haiku(hass: HomeAssistant, *, force: bool = False) -> dict[str, Any]:
    """The haiku of today (written once a day unless forced); the 06:00 job calls this."""
    texts = _texts(hass)
    today = dt_util.now().date().isoformat()
    haiku = None if force else await texts.async_latest(AiTextKind.DAILY_HAIKU, subject=today)
    generated = haiku is None
    if haiku is None:
        albums = await texts.access.async_run(_inspiration, texts.store, texts.language, today)
        haiku = await texts.async_write(
            daily_haiku_prompt(today, texts.language, albums), subject=today
        )
    return _haiku_response(haiku, generated)


async def _async_write_listening_haiku(
    hass: HomeAssistant, days: int, *, force: bool
) -> dict[str, Any]:
    texts = _texts(hass)
    now = dt_util.now()
    subject = f"{days}d:{now.date().isoformat()}"
    haiku = None if force else await texts.async_latest(AiTextKind.LISTENING_HAIKU, subject=subject)
    generated = haiku is None
    if haiku is None:
        start = int((now - timedelta(days=days)).timestamp())
        digest = await texts.access.async_run(
            texts.store.ai_texts.listening_digest, start, int(now.timestamp())
        )
        if not digest.plays:
            raise validation_error("no_listening", {ATTR_DAYS: str(days)})
        haiku = await texts.async_write(
            listening_haiku_prompt(digest, texts.language), subject=subject
        )
    return _haiku_response(haiku, generated)


def _inspiration(store: Store, language: str, day: str) -> list[AlbumFacts]:
    """A few records for the haiku of the day: the same ones all day long."""
    # A daily haiku belongs to no album, so this lists every album: the collection's first,
    # then the most played.
    album_ids = store.ai_texts.albums_without(
        AiTextKind.DAILY_HAIKU, language, limit=INSPIRATION_POOL
    )
    chosen = random.Random(day).sample(album_ids, min(INSPIRATION_ALBUMS, len(album_ids)))
    return [facts for album_id in chosen if (facts := store.ai_texts.album_facts(album_id))]


def _haiku_response(haiku: AiText, generated: bool) -> dict[str, Any]:
    return {
        "haiku": haiku.text,
        "kind": haiku.kind.value,
        "subject": haiku.subject,
        "language": haiku.language,
        "model": haiku.model,
        "created_at": _iso(haiku.created_at),
        "generated": generated,
    }


def _iso(timestamp: int) -> str:
    return dt_util.as_local(dt_util.utc_from_timestamp(timestamp)).isoformat()


# Reading a text (written once when missing) is open; forcing a new one replaces the shared one.
AI_ACTIONS: tuple[Action, ...] = (
    Action(
        SERVICE_DESCRIBE_ALBUM,
        _async_describe_album,
        DESCRIBE_SCHEMA,
        SupportsResponse.OPTIONAL,
        admin_when=(ATTR_FORCE,),
    ),
    Action(
        SERVICE_WRITE_HAIKU,
        _async_write_haiku,
        HAIKU_SCHEMA,
        SupportsResponse.OPTIONAL,
        admin_when=(ATTR_FORCE,),
    ),
)
