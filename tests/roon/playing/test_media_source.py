"""AIME as a media source: browsed from any media browser, played on AIME's Roon players."""

from __future__ import annotations

from typing import Any

from homeassistant.components import media_source
from homeassistant.components.media_player import (
    ATTR_MEDIA_CONTENT_ID,
    ATTR_MEDIA_CONTENT_TYPE,
    DOMAIN as MP_DOMAIN,
    SERVICE_PLAY_MEDIA,
)
from homeassistant.components.media_source import Unresolvable
from homeassistant.const import ATTR_ENTITY_ID
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aime.const import DOMAIN

from ...fakes.roon import FakeRoonCore
from ...helpers.roon_history import KITCHEN, RECENT_TITLES, call, wait_queue

ROOT = "media-source://aime"


async def _browse(hass: HomeAssistant, media_id: str) -> Any:
    return await media_source.async_browse_media(hass, media_id)


async def _play(
    hass: HomeAssistant, media_id: str, entity_id: str = "media_player.kitchen"
) -> None:
    await hass.services.async_call(
        MP_DOMAIN,
        SERVICE_PLAY_MEDIA,
        {
            ATTR_ENTITY_ID: entity_id,
            ATTR_MEDIA_CONTENT_ID: media_id,
            ATTR_MEDIA_CONTENT_TYPE: "music",
        },
        blocking=True,
    )


@pytest.mark.usefixtures("playlists")
async def test_root_lists_every_section_in_english(hass: HomeAssistant) -> None:
    """The folders, in Home Assistant's language, each with a stable id."""
    root = await _browse(hass, ROOT)
    assert root.title == "AIME"
    assert [(child.title, child.media_content_id) for child in root.children] == [
        ("Saved playlists", f"{ROOT}/playlists"),
        ("Make a playlist and play it", f"{ROOT}/generate"),
        ("Recently played", f"{ROOT}/recent"),
        ("Top · Last 7 days", f"{ROOT}/top/7d"),
        ("Top · Last 30 days", f"{ROOT}/top/30d"),
        ("Top · Last 365 days", f"{ROOT}/top/365d"),
        ("Top · All time", f"{ROOT}/top/all"),
        ("Record collection", f"{ROOT}/collection"),
    ]


@pytest.mark.usefixtures("playlists")
async def test_titles_follow_the_language(hass: HomeAssistant) -> None:
    """French users browse in French; generated playlists get French names."""
    hass.config.language = "fr"
    root = await _browse(hass, ROOT)
    assert [child.title for child in root.children][:3] == [
        "Playlists enregistrées",
        "Créer une playlist et la lire",
        "Écoutés récemment",
    ]
    generate = await _browse(hass, f"{ROOT}/generate")
    assert generate.children[-1].title == "Redécouverte"
    top = await _browse(hass, f"{ROOT}/top/30d")
    assert top.title == "Top · 30 derniers jours"
    made = await call(hass, "generate_playlist", algorithm="top_sessions", window="30d")
    assert made["name"] == "Meilleures sessions · 30 derniers jours"


@pytest.mark.usefixtures("playlists")
async def test_saved_playlists_are_listed_and_play_in_a_roon_zone(
    hass: HomeAssistant, fake_roon: FakeRoonCore
) -> None:
    """Newest first, by name; playing one queues its tracks in order."""
    saved = await _browse(hass, f"{ROOT}/playlists")
    assert [(child.title, child.can_play) for child in saved.children] == [
        ("Unknown", True),
        ("Recent", True),
        ("Mixed", True),
    ]
    await _play(hass, saved.children[1].media_content_id)
    await wait_queue(fake_roon, KITCHEN, RECENT_TITLES)


@pytest.mark.usefixtures("playlists")
async def test_renamed_playlist_shows_its_new_name(hass: HomeAssistant) -> None:
    """``aime.rename_playlist`` renames; the media browser and the sensor follow."""
    answer = await call(hass, "rename_playlist", playlist_id=2, name="  Sunday morning ")
    assert answer == {"playlist_id": 2, "name": "Sunday morning"}
    saved = await _browse(hass, f"{ROOT}/playlists")
    assert "Sunday morning" in [child.title for child in saved.children]
    with pytest.raises(ServiceValidationError) as caught:
        await call(hass, "rename_playlist", playlist_id=99, name="Nope")
    assert caught.value.translation_key == "unknown_playlist"


@pytest.mark.usefixtures("playlists")
async def test_recent_plays_and_tops_play_by_name(
    hass: HomeAssistant, fake_roon: FakeRoonCore
) -> None:
    """A recent track or a top album plays through Roon's search, by its names."""
    recent = await _browse(hass, f"{ROOT}/recent")
    titles = [child.title for child in recent.children]
    assert titles[0] == "Locomotion · John Coltrane"  # The newest play first.
    assert all(child.can_play and not child.can_expand for child in recent.children)
    top = await _browse(hass, f"{ROOT}/top/7d")
    albums = [child for child in top.children if child.media_class == "album"]
    assert "Kind of Blue · Miles Davis" in [album.title for album in albums]
    kind_of_blue = next(album for album in albums if album.title.startswith("Kind of Blue"))
    await _play(hass, kind_of_blue.media_content_id)
    expected = ["So What", "Freddie Freeloader", "Blue in Green", "All Blues", "Flamenco Sketches"]
    await wait_queue(fake_roon, KITCHEN, expected)


@pytest.mark.usefixtures("playlists")
async def test_generate_and_play(hass: HomeAssistant, fake_roon: FakeRoonCore) -> None:
    """Playing an algorithm makes a new playlist, keeps it under a readable name, plays it."""
    generate = await _browse(hass, f"{ROOT}/generate")
    assert [child.media_content_id.rsplit("/", 1)[1] for child in generate.children] == [
        "top_sessions",
        "artist_correlations",
        "artist_flow",
        "time_based",
        "complete_albums",
        "rediscovery",
    ]
    await _play(hass, f"{ROOT}/generate/top_sessions")
    saved = await _browse(hass, f"{ROOT}/playlists")
    assert saved.children[0].title == "Top sessions · All time"
    assert fake_roon.zones[KITCHEN]["state"] in {"playing", "loading"}


@pytest.mark.usefixtures("playlists")
async def test_other_players_and_bad_ids_get_translated_errors(hass: HomeAssistant) -> None:
    """Roon plays these itself: other players cannot resolve them; unknown ids are refused."""
    with pytest.raises(Unresolvable) as unresolvable:
        await media_source.async_resolve_media(hass, f"{ROOT}/playlist/1", None)
    assert unresolvable.value.translation_key == "media_source_roon_only"
    with pytest.raises(ServiceValidationError) as unknown:
        await _browse(hass, f"{ROOT}/nothing/here")
    assert unknown.value.translation_key == "media_source_unknown_id"
    with pytest.raises(ServiceValidationError) as gone:
        await _play(hass, f"{ROOT}/playlist/999")
    assert gone.value.translation_key == "unknown_playlist"
    with pytest.raises(ServiceValidationError) as folder:
        await _play(hass, f"{ROOT}/recent")
    assert folder.value.translation_key == "media_source_not_playable"
    assert str(folder.value) == (
        "media-source://aime/recent cannot be played: "
        "it is a folder or an AIME id that no longer exists"
    )


@pytest.mark.usefixtures("playlists")
async def test_roon_player_browser_offers_the_aime_folder(
    hass: HomeAssistant, init_roon: MockConfigEntry, hass_ws_client: Any
) -> None:
    """A Roon player's own media browser shows AIME beside Roon's library, and opens it."""
    client = await hass_ws_client(hass)
    await client.send_json_auto_id(
        {"type": "media_player/browse_media", "entity_id": "media_player.kitchen"}
    )
    answer = await client.receive_json()
    assert answer["success"], answer
    assert answer["result"]["children"][-1]["media_content_id"] == ROOT
    await client.send_json_auto_id(
        {
            "type": "media_player/browse_media",
            "entity_id": "media_player.kitchen",
            "media_content_id": f"{ROOT}/playlists",
            "media_content_type": "music",
        }
    )
    answer = await client.receive_json()
    assert answer["success"], answer
    assert [child["title"] for child in answer["result"]["children"]] == [
        "Unknown",
        "Recent",
        "Mixed",
    ]


async def test_collection_pages(hass: HomeAssistant, init_integration: MockConfigEntry) -> None:
    """An empty collection is an empty folder (no page beyond)."""
    collection = await _browse(hass, f"{ROOT}/collection")
    assert collection.children == []
    assert collection.domain == DOMAIN
