"""``aime.import_aime_database``: a database of the original AIME app, under the config folder."""

from __future__ import annotations

import asyncio
from pathlib import Path
import sqlite3
from typing import Any

from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers.dispatcher import async_dispatcher_connect
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aime.const import DOMAIN
from custom_components.aime.core.store.store import Store
from custom_components.aime.hub import aime_import as aime_import_service
from custom_components.aime.hub.aime_import import resolve_under
from custom_components.aime.hub.recording import SIGNAL_PLAYS_RECORDED

from ..fixtures.aime_original import build_aime_database


@pytest.fixture
def aime_db(config_dir: Path) -> Path:
    """The AIME fixture database, copied where a user would put it."""
    folder = config_dir / "aime"
    folder.mkdir(exist_ok=True)
    return build_aime_database(folder / "musique.db")


async def _import(hass: HomeAssistant, path: str) -> dict[str, Any]:
    response = await hass.services.async_call(
        DOMAIN, "import_aime_database", {"path": path}, blocking=True, return_response=True
    )
    assert isinstance(response, dict)
    return response


async def _import_error(hass: HomeAssistant, path: str) -> ServiceValidationError:
    with pytest.raises(ServiceValidationError) as err:
        await _import(hass, path)
    return err.value


async def test_import_reports_counts_and_is_idempotent(
    hass: HomeAssistant, init_integration: MockConfigEntry, aime_db: Path
) -> None:
    """The report counts what came over; importing again adds nothing."""
    told: list[None] = []
    async_dispatcher_connect(hass, SIGNAL_PLAYS_RECORDED, callback(lambda: told.append(None)))
    report = await _import(hass, "aime/musique.db")
    assert report["imported"] == {
        "plays": 9,
        "collection_items": 2,
        "links": 6,
        "images": 4,
        "texts": 3,
        "loved_tracks": 1,
    }
    assert report["merged"] == {"plays": 0, "albums": 1}
    assert report["repaired"] == {"albums_reclassified": 1, "albums_split": 1}
    assert report["skipped"]["texts"]["placeholder"] == 2
    assert len(told) == 1  # The statistics sensors refresh.

    again = await _import(hass, str(aime_db))  # An absolute path inside the folder.
    assert set(again["imported"].values()) == {0}
    assert again["skipped"]["plays"]["already_present"] == 9
    assert len(told) == 1
    store: Store = init_integration.runtime_data.store
    counts = await hass.async_add_executor_job(store.counts)
    assert counts.plays == 9


@pytest.mark.usefixtures("init_integration")
@pytest.mark.parametrize("path", ["../musique.db", "/etc/passwd", ".", "aime/../.."])
async def test_paths_outside_the_config_folder_are_refused(hass: HomeAssistant, path: str) -> None:
    """Only files inside the configuration folder are read."""
    err = await _import_error(hass, path)
    assert err.translation_key == "path_outside_config"
    assert err.translation_placeholders == {"path": path}


@pytest.mark.usefixtures("init_integration")
async def test_a_link_cannot_lead_outside(
    hass: HomeAssistant, config_dir: Path, tmp_path_factory: pytest.TempPathFactory
) -> None:
    """A symbolic link inside the folder to a file outside it is refused."""
    outside = build_aime_database(tmp_path_factory.mktemp("elsewhere") / "musique.db")
    (config_dir / "link.db").symlink_to(outside)
    err = await _import_error(hass, "link.db")
    assert err.translation_key == "path_outside_config"


@pytest.mark.usefixtures("init_integration")
@pytest.mark.parametrize(
    ("content", "key"),
    [
        (None, "aime_database_not_found"),
        (b"this is not a database" * 100, "aime_database_unreadable"),
        ("CREATE TABLE albums (id INTEGER)", "aime_database_not_aime"),
    ],
)
async def test_unusable_files(
    hass: HomeAssistant, config_dir: Path, content: bytes | str | None, key: str
) -> None:
    """A missing, unreadable or foreign file: a translated error naming it."""
    path = config_dir / "other.db"
    if isinstance(content, bytes):
        path.write_bytes(content)
    elif isinstance(content, str):
        with sqlite3.connect(path) as conn:
            conn.execute(content)
        conn.close()
    err = await _import_error(hass, "other.db")
    assert err.translation_key == key
    assert err.translation_placeholders == {"path": "other.db"}


@pytest.mark.usefixtures("init_integration", "aime_db")
async def test_one_import_at_a_time(hass: HomeAssistant) -> None:
    """A second import while one runs is refused."""
    lock = hass.data.setdefault(aime_import_service._IMPORT_LOCK, asyncio.Lock())
    async with lock:
        err = await _import_error(hass, "aime/musique.db")
    assert err.translation_key == "aime_import_running"


@pytest.mark.usefixtures("aime_db")
async def test_needs_the_hub(hass: HomeAssistant, mock_config_entry: MockConfigEntry) -> None:
    """Without the hub loaded there is no store to import into."""
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.config_entries.async_unload(mock_config_entry.entry_id)
    err = await _import_error(hass, "aime/musique.db")
    assert err.translation_key == "hub_not_loaded"


def test_resolve_under(tmp_path: Path) -> None:
    """Relative paths start at the folder; the folder itself is not a file to import."""
    assert resolve_under(tmp_path, "a/b.db") == tmp_path.resolve() / "a" / "b.db"
    assert resolve_under(tmp_path, str(tmp_path / "c.db")) == tmp_path.resolve() / "c.db"
    assert resolve_under(tmp_path, "") is None
    assert resolve_under(tmp_path, "../x.db") is None
