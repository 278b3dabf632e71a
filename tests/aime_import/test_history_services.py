"""``aime.import_spotify_history`` and ``aime.import_listenbrainz_export`` through Home
Assistant: the report, refusals rendered, progress and cancel, and a Spotify export over the
same listener's Last.fm history counted once."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from homeassistant.components import persistent_notification
from homeassistant.core import HomeAssistant
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers.translation import async_get_translations
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aime.aime_import import history_services
from custom_components.aime.const import DOMAIN
from custom_components.aime.core.imports.export_files import OpenExportFile
from custom_components.aime.core.models import Source
from custom_components.aime.core.store.store import Store
from custom_components.aime.hub.store_access import StoreAccess

from ..fakes.lastfm import FakeLastfm, FakeScrobble
from ..helpers.history_exports import (
    json_array,
    json_lines,
    listen,
    listenbrainz_zip,
    spotify_stream,
    spotify_zip,
)
from ..helpers.loop_watch import LoopWatch

T = 1_700_000_000
# (title, start, seconds played): three Kind of Blue tracks heard to their end.
HEARD = [("So What", T, 562), ("Freddie Freeloader", T + 600, 586), ("All Blues", T + 1_200, 693)]


def _streams() -> list[dict[str, Any] | str]:
    streams: list[dict[str, Any] | str] = [
        spotify_stream(title, "Miles Davis", start + seconds, seconds * 1_000)
        for title, start, seconds in HEARD
    ]
    streams.append(
        spotify_stream("Blue in Green", "Miles Davis", T + 2_000, 9_000, reason_end="fwdbtn")
    )
    streams.append(spotify_stream(None, None, T + 4_000, 900_000, episode="Episode 12"))
    streams.append('{"ts": "2023-11-14T23:50:00Z",')
    return streams


async def _call(hass: HomeAssistant, action: str, **data: Any) -> dict[str, Any]:
    response = await hass.services.async_call(
        DOMAIN, action, data, blocking=True, return_response=True
    )
    assert isinstance(response, dict)
    return response


async def _refusal(hass: HomeAssistant, action: str, **data: Any) -> tuple[str, str]:
    """The refusal's key and its English sentence, as the user reads it."""
    with pytest.raises(ServiceValidationError) as caught:
        await _call(hass, action, **data)
    err = caught.value
    strings = await async_get_translations(hass, "en", "exceptions", {DOMAIN})
    key = f"component.{DOMAIN}.exceptions.{err.translation_key}.message"
    return str(err.translation_key), strings[key].format(**(err.translation_placeholders or {}))


@pytest.mark.usefixtures("init_integration")
async def test_spotify_zip_imports_once(
    hass: HomeAssistant, init_integration: MockConfigEntry, config_dir: Path
) -> None:
    spotify_zip(config_dir / "imports" / "my_spotify_data.zip", [json_array(_streams())])
    report = await _call(
        hass, "import_spotify_history", path="imports/my_spotify_data.zip", person="person.alice"
    )
    assert report == {
        "read": {"files": 1, "records": 6},
        "imported": {"plays": 3, "links": 3},
        "merged": {"plays": 0},
        "skipped": {"plays": {"too_short": 1, "podcast": 1, "malformed": 1}},
    }
    again = await _call(hass, "import_spotify_history", path="imports/my_spotify_data.zip")
    assert again["imported"] == {"plays": 0, "links": 0}
    assert again["skipped"]["plays"]["already_present"] == 3
    store: Store = init_integration.runtime_data.store
    assert await hass.async_add_executor_job(store.count_plays, 0, 2**40, Source.SPOTIFY) == 3


@pytest.mark.usefixtures("init_integration", "small_batches")
async def test_files_and_store_stay_off_the_event_loop(
    hass: HomeAssistant, config_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Reading the export and every store call run in the executor, batch after batch: the
    loop stays free for Home Assistant while an import runs."""
    watch = LoopWatch(monkeypatch)
    watch.watch(OpenExportFile, "__init__", "position")
    watch.watch(Store, "ingest", "catalog_write", "settle_statistics")
    spotify_zip(config_dir / "my_spotify_data.zip", [json_array(_streams())])
    await _call(hass, "import_spotify_history", path="my_spotify_data.zip")
    assert watch.called >= {"__init__", "position", "ingest", "catalog_write"}
    assert watch.on_loop == []


@pytest.mark.usefixtures("init_integration")
async def test_listenbrainz_export_from_a_media_folder(hass: HomeAssistant, tmp_path: Path) -> None:
    media = tmp_path / "media"
    hass.config.media_dirs = {"local": str(media)}
    listens = [listen(title, "Miles Davis", start) for title, start, _ in HEARD]
    listenbrainz_zip(media / "lb.zip", {"2023/11": json_lines([*listens, "not json"])})
    report = await _call(hass, "import_listenbrainz_export", path=str(media / "lb.zip"))
    assert report["imported"] == {"plays": 3, "links": 0}
    assert report["skipped"] == {"plays": {"malformed": 1}}


@pytest.mark.usefixtures("init_integration")
@pytest.mark.parametrize(
    ("action", "path", "refusal"),
    [
        ("import_spotify_history", "../outside.zip", ("history_path_outside",
         "The path `../outside.zip` is not inside")),
        ("import_spotify_history", "nothing.zip", ("history_export_not_found",
         "There is nothing at `nothing.zip`.")),
        ("import_spotify_history", "exports/notes.txt", ("spotify_export_wrong_format",
         "`exports/notes.txt` holds no Spotify extended streaming history")),
        ("import_listenbrainz_export", "exports/empty.zip", ("listenbrainz_export_wrong_format",
         "`exports/empty.zip` holds no ListenBrainz export")),
    ],
)  # fmt: skip
async def test_bad_paths_are_refused_in_words(
    hass: HomeAssistant, config_dir: Path, action: str, path: str, refusal: tuple[str, str]
) -> None:
    (config_dir / "exports").mkdir()
    (config_dir / "exports" / "notes.txt").write_text("hello")
    spotify_zip(config_dir / "exports" / "empty.zip", [])
    refused_key, message = await _refusal(hass, action, path=path)
    assert refused_key == refusal[0]
    assert message.startswith(refusal[1])


@pytest.fixture
def small_batches(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Batches of one play; the progress messages shown."""
    monkeypatch.setattr(history_services, "_BATCH", 1)
    shown: list[str] = []
    create = persistent_notification.create

    def _create(hass: HomeAssistant, message: str, title: str, notification_id: str) -> None:
        shown.append(f"{title}: {message.split(' Home', maxsplit=1)[0]}")
        create(hass, message, title, notification_id)

    monkeypatch.setattr(persistent_notification, "create", _create)
    return shown


@pytest.mark.usefixtures("init_integration")
async def test_cancel_then_again_loses_and_doubles_nothing(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    config_dir: Path,
    small_batches: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Cancelled when the first batch shows its progress: stopped there; a second import
    completes it, each play once."""
    path = config_dir / "Streaming_History_Audio_2023_0.json"
    path.write_bytes(json_array(_streams()))
    show = persistent_notification.create

    def _show_and_cancel(*args: Any, **kwargs: Any) -> None:
        show(*args, **kwargs)
        hass.add_job(hass.services.async_call(DOMAIN, "cancel_aime_import", {}))

    monkeypatch.setattr(persistent_notification, "create", _show_and_cancel)
    first = await _call(hass, "import_spotify_history", path=path.name)
    assert first["cancelled"] is True
    assert first["imported"]["plays"] in (1, 2)  # The cancel lands after one batch or two.
    assert small_batches[0].startswith("Spotify history import: Importing `")
    monkeypatch.setattr(persistent_notification, "create", show)
    second = await _call(hass, "import_spotify_history", path=path.name)
    assert "cancelled" not in second
    assert second["imported"]["plays"] + first["imported"]["plays"] == 3
    store: Store = init_integration.runtime_data.store
    assert await hass.async_add_executor_job(store.count_plays, 0, 2**40) == 3


async def test_unloading_mid_import_then_again(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    config_dir: Path,
    small_batches: list[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The entry unloading (or Home Assistant restarting) once the first batch is stored
    stops the import there; importing again stores the rest, no play twice."""
    unloading = [True]
    monkeypatch.setattr(
        StoreAccess, "closing", property(lambda _: unloading[0] and bool(small_batches))
    )
    path = config_dir / "Streaming_History_Audio_2023_0.json"
    path.write_bytes(json_array(_streams()))
    first = await _call(hass, "import_spotify_history", path=path.name)
    assert first["cancelled"] is True
    assert first["imported"]["plays"] == 1
    unloading[0] = False
    second = await _call(hass, "import_spotify_history", path=path.name)
    assert (second["imported"]["plays"], second["skipped"]["plays"]["already_present"]) == (2, 1)
    store: Store = init_integration.runtime_data.store
    assert await hass.async_add_executor_job(store.count_plays, 0, 2**40) == 3


@pytest.mark.usefixtures("no_lastfm_pacing")
async def test_spotify_over_the_same_lastfm_history_counts_once(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    config_dir: Path,
    fake_lastfm: FakeLastfm,
    lastfm_entry: MockConfigEntry,
) -> None:
    """Alice's Last.fm history (scrobbled a few seconds from Spotify's own start times), then
    her Spotify export: three listens, three plays, each with both reports."""
    fake_lastfm.scrobble_many(
        "Alice",
        [
            FakeScrobble("Miles Davis", title, "Kind of Blue", start + drift)
            for (title, start, _), drift in zip(HEARD, (-3, 5, 12), strict=True)
        ],
    )
    lastfm_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(lastfm_entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    await _call(hass, "import_lastfm_history")
    await hass.async_block_till_done(wait_background_tasks=True)
    store: Store = init_integration.runtime_data.store
    assert await hass.async_add_executor_job(store.count_plays, 0, 2**40, Source.LASTFM) == 3

    spotify_zip(config_dir / "my_spotify_data.zip", [json_array(_streams())])
    report = await _call(hass, "import_spotify_history", path="my_spotify_data.zip")
    assert (report["imported"]["plays"], report["merged"]["plays"]) == (0, 3)
    assert await hass.async_add_executor_job(store.count_plays, 0, 2**40) == 3
    again = await _call(hass, "import_spotify_history", path="my_spotify_data.zip")
    assert (again["imported"]["plays"], again["merged"]["plays"]) == (0, 0)
