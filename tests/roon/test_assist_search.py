"""Assist plays music on a Roon zone: Home Assistant's own search action and intent, end to end.

Only Home Assistant 2025.5 and later have media search (``SearchMediaQuery``, ``SearchMedia``,
the ``search_media`` action and the ``HassMediaSearchAndPlay`` intent); before that the media
module answers a plain list, see tests/roon/test_media.py.
"""

from __future__ import annotations

from typing import Any

from homeassistant.components.media_player import DOMAIN as MP_DOMAIN, MediaClass
from homeassistant.core import HomeAssistant
from homeassistant.helpers import intent
from homeassistant.setup import async_setup_component
import pytest

from ..fakes.roon import FakeRoonCore
from ..helpers.ha_version import since
from .test_media_player import KITCHEN

pytestmark = [
    since("2025.5", "media search (SearchMedia, HassMediaSearchAndPlay)"),
    pytest.mark.usefixtures("init_roon"),
]
KITCHEN_ZONE = "zone-kitchen"


def _queue(core: FakeRoonCore) -> list[str]:
    player = core.player(KITCHEN_ZONE)
    return [entry.track.title for entry in player.entries[player.index :] if entry.track]


async def _search(hass: HomeAssistant, **data: Any) -> Any:
    response = await hass.services.async_call(
        MP_DOMAIN,
        "search_media",
        {"entity_id": KITCHEN, **data},
        blocking=True,
        return_response=True,
    )
    return response[KITCHEN]


@pytest.mark.parametrize("classes", [None, [MediaClass.MUSIC]])
async def test_search_action_with_music_or_no_class(
    hass: HomeAssistant, classes: list[MediaClass] | None
) -> None:
    """``music`` as LLM agents send it searches everything, like no class; the closest first."""
    from homeassistant.components.media_player import SearchMedia

    data = {"media_filter_classes": classes} if classes else {}
    found = await _search(hass, search_query="Kind of Blue", **data)
    assert isinstance(found, SearchMedia)
    assert found.result[0].title == "Kind of Blue · Miles Davis"
    assert found.result[0].media_class == MediaClass.ALBUM
    wide = await _search(hass, search_query="blue", **data)
    assert {item.media_class for item in wide.result} >= {MediaClass.ALBUM, MediaClass.TRACK}


async def test_search_action_with_a_class(hass: HomeAssistant) -> None:
    found = await _search(hass, search_query="blue", media_filter_classes=[MediaClass.TRACK])
    assert found.result
    assert {item.media_class for item in found.result} == {MediaClass.TRACK}


@pytest.mark.parametrize("media_class", [None, "music", "album"])
async def test_assist_searches_and_plays(
    hass: HomeAssistant, fake_roon: FakeRoonCore, media_class: str | None
) -> None:
    """The intent Assist and LLM agents use: the first result plays in the zone named."""
    assert await async_setup_component(hass, "intent", {})
    await hass.async_block_till_done()  # The media player intents register in the background.
    slots: dict[str, Any] = {
        "search_query": {"value": "Kind of Blue"},
        "name": {"value": "Kitchen"},
    }
    if media_class:
        slots["media_class"] = {"value": media_class}
    response = await intent.async_handle(hass, "test", "HassMediaSearchAndPlay", slots)
    assert response.response_type is intent.IntentResponseType.ACTION_DONE
    assert response.speech_slots["media"]["title"] == "Kind of Blue · Miles Davis"
    assert _queue(fake_roon)[:2] == ["So What", "Freddie Freeloader"]


async def test_assist_says_when_nothing_is_found(hass: HomeAssistant) -> None:
    assert await async_setup_component(hass, "intent", {})
    await hass.async_block_till_done()  # The media player intents register in the background.
    slots = {"search_query": {"value": "zzz"}, "name": {"value": "Kitchen"}}
    with pytest.raises(intent.IntentHandleError, match="No results found for zzz"):
        await intent.async_handle(hass, "test", "HassMediaSearchAndPlay", slots)
