"""``aime.import_aime_database``: a database of the original AIME app, under the config folder."""

from __future__ import annotations

import asyncio
from pathlib import Path
import sqlite3
from typing import Any

from homeassistant.components import persistent_notification
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers.dispatcher import async_dispatcher_connect
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from custom_components.aime.aime_import import file_import, services as aime_import_service
from custom_components.aime.aime_import.services import resolve_under
from custom_components.aime.const import DOMAIN
from custom_components.aime.core.models import Source
from custom_components.aime.core.store.store import Store
from custom_components.aime.hub.recording import SIGNAL_PLAYS_RECORDED
from custom_components.aime.hub.signals import SIGNAL_COLLECTION_CHANGED
from custom_components.aime.hub.store_access import StoreAccess

from ..fakes.lastfm import FakeLastfm, FakeScrobble
from ..fixtures.aime_original import Listen, build_aime_database, build_from_listens


@pytest.fixture
def aime_db(config_dir: Path) -> Path:
    """The AIME fixture database, copied where a user would put it."""
    folder = config_dir / "aime"
    folder.mkdir(exist_ok=True)
    return build_aime_database(folder / "musique.db")


def _listing(folder: Path) -> dict[str, bytes]:
    """Every file of ``folder`` with its bytes, but AIME's own store (it lives there too)."""
    return {p.name: p.read_bytes() for p in folder.iterdir() if not p.name.startswith("aime.db")}


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
    """The report counts what came over; the sensors refresh; importing again adds nothing;
    the database's folder is left exactly as it was."""
    told: list[str] = []
    for signal in (SIGNAL_PLAYS_RECORDED, SIGNAL_COLLECTION_CHANGED):
        async_dispatcher_connect(hass, signal, callback(lambda s=signal: told.append(s)))
    before = _listing(aime_db.parent)
    report = await _import(hass, "aime/musique.db")
    assert report["imported"] == {
        "plays": 10,
        "collection_items": 2,
        "links": 6,
        "images": 4,
        "texts": 3,
        "loved_tracks": 1,
    }
    assert report["merged"] == {"plays": 1, "albums": 1}
    assert report["repaired"] == {"albums_reclassified": 1}
    assert report["artists"] == {
        "resolved_plays": 1,
        "by_known_title": 1,
        "unresolved_plays": 3,
    }
    assert report["skipped"]["plays"]["duplicate_in_file"] == 2
    assert report["skipped"]["texts"]["placeholder"] == 3
    # The statistics sensors and the collection (vinyl) sensors refresh.
    assert told == [SIGNAL_PLAYS_RECORDED, SIGNAL_COLLECTION_CHANGED]
    assert _listing(aime_db.parent) == before

    again = await _import(hass, str(aime_db))  # An absolute path inside the folder.
    assert set(again["imported"].values()) == {0}
    assert again["skipped"]["plays"]["already_present"] == 11
    assert len(told) == 2
    store: Store = init_integration.runtime_data.store
    counts = await hass.async_add_executor_job(store.counts)
    assert counts.plays == 10
    assert _listing(aime_db.parent) == before


@pytest.fixture
def notified(hass: HomeAssistant, monkeypatch: pytest.MonkeyPatch) -> list[str | None]:
    """Batches of four rows; the messages of the import's notification, ``None`` when removed."""
    monkeypatch.setattr(aime_import_service, "_BATCH", 4)
    told: list[str | None] = []
    create, dismiss = persistent_notification.create, persistent_notification.async_dismiss

    def _create(hass: HomeAssistant, message: str, title: str, notification_id: str) -> None:
        assert (title, notification_id) == ("AIME database import", "aime_aime_import")
        told.append(message)
        create(hass, message, title, notification_id)

    def _dismiss(hass: HomeAssistant, notification_id: str) -> None:
        told.append(None)
        dismiss(hass, notification_id)

    monkeypatch.setattr(persistent_notification, "create", _create)
    monkeypatch.setattr(persistent_notification, "async_dismiss", _dismiss)
    return told


@pytest.mark.usefixtures("init_integration", "aime_db")
async def test_progress_shows_in_a_notification(
    hass: HomeAssistant, notified: list[str | None]
) -> None:
    """The fixture's 17 rows of plays in batches of four: a notification tells how far the
    import got while batches remain, and is gone when the action answers its report."""
    report = await _import(hass, "aime/musique.db")
    assert report["imported"]["plays"] == 10
    assert "cancelled" not in report
    path = "Importing the plays of `aime/musique.db`:"
    assert [told and told.split(" Home")[0] for told in notified] == [
        f"{path} 23 % (4 of 17 rows).",
        f"{path} 47 % (8 of 17 rows).",
        f"{path} 70 % (12 of 17 rows).",
        f"{path} 94 % (16 of 17 rows).",
        None,
    ]


@pytest.mark.usefixtures("init_integration", "aime_db")
async def test_cancelling_stops_the_import_after_its_batch(
    hass: HomeAssistant, notified: list[str | None], monkeypatch: pytest.MonkeyPatch
) -> None:
    """``aime.cancel_aime_import`` (here as soon as the first batch is shown) stops the import
    after the batch under way; with no import running it is refused."""
    with pytest.raises(ServiceValidationError) as caught:
        await hass.services.async_call(DOMAIN, "cancel_aime_import", {}, blocking=True)
    assert caught.value.translation_key == "aime_import_not_running"
    show, asked = persistent_notification.create, []

    def _show_and_cancel(*args: Any, **kwargs: Any) -> None:
        show(*args, **kwargs)
        if not asked:  # The first import only.
            asked.append(True)
            cancel = hass.services.async_call(DOMAIN, "cancel_aime_import", {}, blocking=True)
            asyncio.run_coroutine_threadsafe(cancel, hass.loop).result()  # From the executor.

    monkeypatch.setattr(persistent_notification, "create", _show_and_cancel)
    report = await _import(hass, "aime/musique.db")
    assert report["cancelled"] is True
    assert 0 < report["imported"]["plays"] < 10
    assert len(notified) == 2  # The first batch's figure, then removed.
    assert notified[-1] is None
    again = await _import(hass, "aime/musique.db")
    assert "cancelled" not in again
    assert again["imported"]["plays"] == 10 - report["imported"]["plays"]


@pytest.mark.usefixtures("aime_db")
async def test_unloading_stops_the_import_after_its_batch(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    notified: list[str | None],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The entry unloading during the import stops it after the batch under way: what was
    stored stays, records wait; importing again completes it, no play twice."""
    unloading = [True]
    monkeypatch.setattr(StoreAccess, "closing", property(lambda _: unloading[0] and bool(notified)))
    report = await _import(hass, "aime/musique.db")
    assert report["cancelled"] is True
    first = report["imported"]["plays"]
    assert 0 < first < 10
    assert "collection_items" not in report["imported"]
    assert notified[-1] is None
    unloading[0] = False
    again = await _import(hass, "aime/musique.db")
    assert "cancelled" not in again
    assert again["imported"]["plays"] == 10 - first
    assert again["imported"]["collection_items"] == 2
    store: Store = init_integration.runtime_data.store
    assert (await hass.async_add_executor_job(store.counts)).plays == 10


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
    assert err.translation_placeholders["path"] == "other.db"
    assert not (config_dir / "other.db-wal").exists()


@pytest.mark.usefixtures("init_integration", "aime_db")
async def test_one_import_at_a_time(hass: HomeAssistant) -> None:
    """A second import while one runs is refused."""
    lock = hass.data.setdefault(file_import._IMPORT_LOCK, asyncio.Lock())
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


# --- the AIME database, then the same account's Last.fm history -----------------------------

T = 1_736_000_000
GREATEST_HITS = "Greatest Hits"  # Three bands' albums, merged by the app.
LISTENS = [
    Listen("Mott the Hoople", "All the Young Dudes", GREATEST_HITS, T),
    Listen("Foo Fighters", "Everlong", GREATEST_HITS, T + 300),
    Listen("Foo Fighters", "Everlong", GREATEST_HITS, T + 600),  # Replay the app lost.
    Listen("Queen", "Bohemian Rhapsody", GREATEST_HITS, T + 1_000),
    Listen("Mott the Hoople", "All the Young Dudes", GREATEST_HITS, T + 86_400),  # Replay.
    Listen("Foo Fighters", "Learn to Fly", GREATEST_HITS, T + 87_000),
    Listen("The Velvet Underground", "Candy Says", "After Hours", T + 90_000),
    Listen("Nina Simone", "Just in Time", "After Hours", T + 90_300),
    Listen("Massive Attack", "Teardrop", "Mezzanine", T + 100_000),
    Listen("Massive Attack", "Angel", "Mezzanine", T + 100_400, "lastfm", lag=200),
    Listen("Foo Fighters", "Everlong", GREATEST_HITS, T + 200_000, "lastfm", lag=250),
    Listen("Massive Attack", "Teardrop", "Mezzanine", T + 300_000, "roon", lag=60),
    # Roon also scrobbled this one; the app held both reports, on two "Greatest Hits" albums.
    Listen("Queen", "Bohemian Rhapsody", GREATEST_HITS, T + 400_000, "roon", lag=100),
    Listen("Queen", "Bohemian Rhapsody", GREATEST_HITS, T + 400_000),
]
SCROBBLED = [listen for listen in LISTENS if listen.by != "roon"]  # Alice's Last.fm history


@pytest.mark.usefixtures("no_lastfm_pacing")
async def test_aime_then_lastfm_history_counts_each_listen_once(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    config_dir: Path,
    fake_lastfm: FakeLastfm,
    lastfm_entry: MockConfigEntry,
) -> None:
    """13 listens. The app held 13 rows: a replay lost, one listen twice (Roon's report and
    its scrobble), 9 on merged albums. Last.fm holds 12 (not Roon's own). After both
    imports: 13 plays, every artist resolved, each listen once."""
    (config_dir / "aime").mkdir(exist_ok=True)
    build_from_listens(config_dir / "aime" / "musique.db", LISTENS)
    report = await _import(hass, "aime/musique.db")
    assert report["imported"]["plays"] == 12
    assert report["merged"] == {"plays": 1, "albums": 0}  # Bohemian Rhapsody's two reports
    # Queen's "Bohemian Rhapsody" is also on the album the Roon tracker made for Queen alone.
    assert report["artists"] == {
        "resolved_plays": 2,
        "by_known_title": 2,
        "unresolved_plays": 7,
    }
    assert "plays" not in report["skipped"]

    fake_lastfm.scrobble_many(
        "Alice",
        [FakeScrobble(s.artist, s.title, s.album, s.started) for s in SCROBBLED],
    )
    lastfm_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(lastfm_entry.entry_id)
    await hass.async_block_till_done(wait_background_tasks=True)
    await hass.services.async_call(
        DOMAIN, "import_lastfm_history", {}, blocking=True, return_response=True
    )
    await hass.async_block_till_done(wait_background_tasks=True)

    store: Store = init_integration.runtime_data.store
    plays = await hass.async_add_executor_job(store.count_plays, 0, 2**40)
    lastfm = await hass.async_add_executor_job(store.count_plays, 0, 2**40, Source.LASTFM)
    roon = await hass.async_add_executor_job(store.count_plays, 0, 2**40, Source.ROON)
    assert (plays, lastfm, roon) == (13, 12, 2)
    rows = await hass.async_add_executor_job(_plays_by_artist, store)
    assert rows == {
        "Foo Fighters": 4,
        "Massive Attack": 3,
        "Mott the Hoople": 2,
        "Nina Simone": 1,
        "Queen": 2,
        "The Velvet Underground": 1,
    }
    counts = await hass.async_add_executor_job(store.counts)
    assert counts.artists == 6  # The unresolved stand-ins are gone with their last play.


def _plays_by_artist(store: Store) -> dict[str, int]:
    with sqlite3.connect(store.path) as conn:
        return dict(
            conn.execute(
                "SELECT ar.name, count(*) FROM play p JOIN track t ON t.id = p.track_id "
                "JOIN artist ar ON ar.id = t.artist_id GROUP BY ar.name ORDER BY ar.name"
            ).fetchall()
        )
