"""aime.sync_discogs, aime.enrich and aime.export through the real clients and the fakes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError, ServiceValidationError
from homeassistant.helpers import issue_registry as ir
import pytest

from custom_components.aime.clients.discogs import SyncPhase
from custom_components.aime.clients.spotify import DEFAULT_API_ROOT
from custom_components.aime.const import CONF_EXPORTS_KEEP, DOMAIN
from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.enrichment import export_files, runtime as enrichment
from custom_components.aime.hub.jobs import JobId

from ..fakes.discogs import FakeDiscogs
from ..fakes.spotify import FakeSpotify
from ..helpers.enrichment_helpers import (
    DISCOGS_USER,
    discogs_options,
    fill_discogs,
    fill_spotify,
    runtime_of,
    setup_hub,
    spotify_options,
)


async def call(hass: HomeAssistant, service: str, data: dict[str, Any] | None = None) -> Any:
    return await hass.services.async_call(
        DOMAIN, service, data or {}, blocking=True, return_response=True
    )


async def read(hass: HomeAssistant, path: Path) -> str:
    return await hass.async_add_executor_job(path.read_text)


async def test_sync_discogs(hass: HomeAssistant, fake_discogs: FakeDiscogs) -> None:
    """The collection lands in the store; sensors and the job's record follow; progress shows."""
    fill_discogs(fake_discogs)
    entry = await setup_hub(hass, discogs_options(fake_discogs))
    runtime = runtime_of(entry)
    seen: list[Any] = []

    @callback
    def progress() -> None:
        seen.append(runtime.sync_progress)

    runtime.async_add_progress_listener(progress)
    response = await call(hass, "sync_discogs")
    await hass.async_block_till_done()

    assert response == {
        "received": 3,
        "added": 3,
        "updated": 0,
        "unchanged": 0,
        "removed": 0,
        "duplicates": 0,
        "skipped": 0,
        "total": 3,
    }
    assert [(p.phase, p.done, p.total) for p in seen if p] == [
        (SyncPhase.RELEASES, 3, 3),
        (SyncPhase.MASTERS, 1, 1),
    ]
    assert seen[-1] is None
    vinyls = hass.states.get("sensor.aime_vinyl_records")
    assert vinyls is not None
    assert vinyls.state == "2"
    assert vinyls.attributes["by_format"] == {"cd": 1, "vinyl": 2}
    job = hass.states.get("sensor.aime_discogs_sync_job")
    assert job is not None
    assert job.state == "success"
    assert job.attributes["trigger"] == "action"
    assert job.attributes["result"]["added"] == 3
    assert job.attributes["progress"] is None

    # A record removed on Discogs goes; the original year learned stays.
    fake_discogs.remove(DISCOGS_USER, 1003)
    response = await call(hass, "sync_discogs")
    assert (response["removed"], response["unchanged"], response["total"]) == (1, 2, 2)
    records = await runtime.store.async_run(runtime.store.store.collection.export_records)
    assert [(r.title, r.original_year, r.pressing_year) for r in records] == [
        ("Blue Train", None, 1957),
        ("Kind Of Blue", 1959, 2016),
    ]


async def test_sync_discogs_failures(hass: HomeAssistant, fake_discogs: FakeDiscogs) -> None:
    """Not set up, unreachable, then a revoked token: a repair issue until the options change."""
    fill_discogs(fake_discogs)
    entry = await setup_hub(hass, {})
    with pytest.raises(ServiceValidationError) as err:
        await call(hass, "sync_discogs")
    assert err.value.translation_key == "discogs_not_configured"
    state = hass.states.get("sensor.aime_discogs_sync_job")
    assert state is not None
    assert state.state == "not_configured"

    hass.config_entries.async_update_entry(entry, options=discogs_options(fake_discogs))
    await hass.async_block_till_done(wait_background_tasks=True)  # The sync a new token starts.
    assert runtime_of(entry).jobs.runs[JobId.DISCOGS_SYNC].result["added"] == 3
    fake_discogs.error_next(502)
    with pytest.raises(HomeAssistantError) as failure:
        await call(hass, "sync_discogs")
    assert failure.value.translation_key == "discogs_unavailable"

    fake_discogs.users[DISCOGS_USER].token = "new-token"
    with pytest.raises(HomeAssistantError) as failure:
        await call(hass, "sync_discogs")
    assert failure.value.translation_key == "discogs_auth_failed"
    issues = ir.async_get(hass)
    assert issues.async_get_issue(DOMAIN, "discogs_auth_failed") is not None
    state = hass.states.get("sensor.aime_discogs_sync_job")
    assert state is not None
    assert state.state == "failed"
    assert state.attributes["error"]

    hass.config_entries.async_update_entry(
        entry, options={**discogs_options(fake_discogs), "discogs_token": "new-token"}
    )
    await hass.async_block_till_done(wait_background_tasks=True)
    assert issues.async_get_issue(DOMAIN, "discogs_auth_failed") is None
    assert (await call(hass, "sync_discogs"))["added"] == 0  # Synced when the token was set.


async def test_sync_discogs_not_twice_at_once(
    hass: HomeAssistant, fake_discogs: FakeDiscogs
) -> None:
    fill_discogs(fake_discogs)
    entry = await setup_hub(hass, discogs_options(fake_discogs))
    jobs = runtime_of(entry).jobs
    jobs._running.add(JobId.DISCOGS_SYNC)  # As while a scheduled sync runs.
    with pytest.raises(ServiceValidationError) as err:
        await call(hass, "sync_discogs")
    assert err.value.translation_key == "job_running"
    jobs._running.clear()


async def test_actions_need_the_hub(hass: HomeAssistant) -> None:
    entry = await setup_hub(hass, {})
    await hass.config_entries.async_unload(entry.entry_id)
    for service, data in (
        ("sync_discogs", {}),
        ("enrich", {}),
        ("export", {"format": "json"}),
    ):
        with pytest.raises(ServiceValidationError) as err:
            await call(hass, service, data)
        assert err.value.translation_key == "hub_not_loaded"


# --- enrich --------------------------------------------------------------------------------


async def _hub_with_albums(
    hass: HomeAssistant, fake_discogs: FakeDiscogs, fake_spotify: FakeSpotify
) -> Any:
    fill_discogs(fake_discogs)
    fill_spotify(fake_spotify)
    entry = await setup_hub(
        hass, {**discogs_options(fake_discogs), **spotify_options(fake_spotify)}
    )
    await call(hass, "sync_discogs")
    return entry


async def test_enrich_missing(
    hass: HomeAssistant, fake_discogs: FakeDiscogs, fake_spotify: FakeSpotify
) -> None:
    """Owned records first; a confident match is saved, a miss remembered (not asked again)."""
    entry = await _hub_with_albums(hass, fake_discogs, fake_spotify)
    response = await call(hass, "enrich")
    assert response == {
        "sources": ["spotify"],
        "albums": {"checked": 3, "matched": 1, "missed": 2},
        "artists": {"checked": 3, "matched": 1, "missed": 2},
        "rate_limited": False,
    }
    runtime = runtime_of(entry)
    saved_enrichment = runtime.store.store.enrichment
    album = await runtime.store.async_run(
        saved_enrichment.find_album, "Miles Davis", "Kind of Blue"
    )
    assert album is not None
    assert album.in_collection
    saved = await runtime.store.async_run(saved_enrichment.album, album.album_id, "spotify")
    assert saved is not None
    assert saved.image_url == "https://i.scdn.co/image/kob"

    response = await call(hass, "enrich", {"scope": "missing"})
    assert response["albums"]["checked"] == 0  # Misses wait 30 days.


async def test_enrich_one_album_or_artist(
    hass: HomeAssistant, fake_discogs: FakeDiscogs, fake_spotify: FakeSpotify
) -> None:
    await _hub_with_albums(hass, fake_discogs, fake_spotify)
    response = await call(
        hass, "enrich", {"scope": "album", "artist": "miles davis", "album": "Kind Of Blue"}
    )
    assert response["albums"] == {"checked": 1, "matched": 1, "missed": 0}
    assert response["artists"]["checked"] == 0
    response = await call(hass, "enrich", {"scope": "artist", "artist": "Miles Davis"})
    assert response["artists"] == {"checked": 1, "matched": 1, "missed": 0}

    for data, key in (
        ({"scope": "album", "artist": "Nobody", "album": "Nothing"}, "album_not_found"),
        ({"scope": "artist", "artist": "Nobody"}, "artist_not_found"),
        ({"scope": "artist"}, "artist_required"),
        ({"scope": "album", "artist": "Miles Davis"}, "album_required"),
    ):
        with pytest.raises(ServiceValidationError) as err:
            await call(hass, "enrich", data)
        assert err.value.translation_key == key


async def test_enrich_failures(
    hass: HomeAssistant, fake_discogs: FakeDiscogs, fake_spotify: FakeSpotify
) -> None:
    """A long rate limit stops the pass; revoked credentials raise a repair issue."""
    entry = await setup_hub(hass, {})
    with pytest.raises(ServiceValidationError) as err:
        await call(hass, "enrich")
    assert err.value.translation_key == "spotify_not_configured"
    await hass.config_entries.async_unload(entry.entry_id)
    await hass.config_entries.async_remove(entry.entry_id)

    entry = await _hub_with_albums(hass, fake_discogs, fake_spotify)
    fake_spotify.rate_limit_next(120)
    response = await call(hass, "enrich")
    assert response["rate_limited"] is True
    assert response["albums"]["checked"] == 0

    fake_spotify.error_next(404)
    with pytest.raises(HomeAssistantError) as failure:
        await call(hass, "enrich")
    assert failure.value.translation_key == "spotify_unavailable"

    fake_spotify.clients["test-client-id"] = "rotated"
    fake_spotify.expire_tokens()
    with pytest.raises(HomeAssistantError) as failure:
        await call(hass, "enrich")
    assert failure.value.translation_key == "spotify_auth_failed"
    assert ir.async_get(hass).async_get_issue(DOMAIN, "spotify_auth_failed") is not None
    fake_spotify.clients["test-client-id"] = "test-client-secret"
    await call(hass, "enrich")
    assert ir.async_get(hass).async_get_issue(DOMAIN, "spotify_auth_failed") is None
    assert runtime_of(entry).spotify is not None


# --- export --------------------------------------------------------------------------------


async def test_export_collection(
    hass: HomeAssistant, fake_discogs: FakeDiscogs, config_dir: Path
) -> None:
    """Markdown and JSON in the home language, filtered by format, only in aime/exports."""
    fill_discogs(fake_discogs)
    await setup_hub(hass, {**discogs_options(fake_discogs), CONF_EXPORTS_KEEP: 2})
    await call(hass, "sync_discogs")
    hass.config.language = "fr"
    exports = config_dir / "aime" / "exports"

    response = await call(hass, "export", {"format": "markdown"})
    path = Path(response["path"])
    assert path.parent == exports
    assert path.suffix == ".md"
    assert response == {
        "path": str(path),
        "total": 3,
        "subject": "collection",
        "format": "markdown",
    }
    text = await read(hass, path)
    assert text.startswith("# Collection de disques")
    assert "Vinyle" in text

    response = await call(hass, "export", {"format": "json", "record_format": "vinyl"})
    document = json.loads(await read(hass, Path(response["path"])))
    assert (document["schema"], document["language"], document["format"]) == (
        "aime.collection",
        "fr",
        "vinyl",
    )
    assert [album["title"] for album in document["albums"]] == ["Blue Train", "Kind Of Blue"]

    named = await call(hass, "export", {"format": "json", "filename": "mine"})
    assert named["path"] == str(exports / "mine.json")
    for _ in range(3):
        await call(hass, "export", {"format": "markdown"})
    assert len(list(exports.glob("collection-*.md"))) == 2  # The newest two are kept.

    # Refused by the schema: a file name only, without folders or a leading dot.
    for filename in ("../escape.md", "/tmp/elsewhere.md", "sub/dir.md", ".hidden", "a\x00b"):
        with pytest.raises(ServiceValidationError) as err:
            await call(hass, "export", {"format": "markdown", "filename": filename})
        assert err.value.translation_key == "invalid_file_name"
        assert err.value.translation_placeholders == {"field": "filename", "max": "100"}
    assert not (config_dir / "aime" / "escape.md").exists()


async def test_export_history(
    hass: HomeAssistant, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Every page of the history is read; dates apply to history only."""
    monkeypatch.setattr(export_files, "HISTORY_PAGE_SIZE", 2)
    entry = await setup_hub(hass, {})
    runtime = runtime_of(entry)
    plays = [
        PlayInput(
            source=Source.LASTFM,
            artist="Miles Davis",
            title=f"Track {n}",
            album="Kind of Blue",
            played_at=1_710_000_000 + 400 * n,
        )
        for n in range(3)
    ]
    await runtime.store.async_run(runtime.store.store.ingest, plays)
    response = await call(hass, "export", {"format": "json", "subject": "history"})
    document = json.loads(await read(hass, Path(response["path"])))
    assert (document["schema"], document["total"]) == ("aime.history", 3)
    assert document["plays"][0]["title"] == "Track 2"

    response = await call(
        hass,
        "export",
        {"format": "markdown", "subject": "history", "start": "2024-03-09", "end": "2024-03-10"},
    )
    assert (await read(hass, Path(response["path"]))).startswith("# Listening history")

    for data, key in (
        ({"subject": "history", "record_format": "cd"}, "record_format_collection_only"),
        ({"start": "2024-01-01"}, "dates_history_only"),
        ({"subject": "history", "start": "2024-02-01", "end": "2024-01-01"}, "start_after_end"),
    ):
        with pytest.raises(ServiceValidationError) as err:
            await call(hass, "export", {"format": "json", **data})
        assert err.value.translation_key == key


def test_spotify_client_for_the_real_servers() -> None:
    """Without a server in the options, the client talks to Spotify itself."""
    client = enrichment.build_spotify({"spotify_client_id": "id", "spotify_client_secret": "s"})
    assert client.api_root == DEFAULT_API_ROOT
