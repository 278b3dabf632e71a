"""An AIME import given a duty cycle rests at its pause points and imports the same."""

from __future__ import annotations

from pathlib import Path
import sqlite3

from custom_components.aime.core.imports.aime_import import import_aime_database
from custom_components.aime.core.imports.pacing import DutyCycle
from custom_components.aime.core.store.store import Store

from ...fixtures.aime_original import build_aime_database
from .test_aime_batches import NOW, _contents, stores

__all__ = ["stores"]  # The fixture.


def test_a_paced_import_rests_between_rows_plays_and_batches(
    stores: tuple[Store, Store], tmp_path: Path
) -> None:
    """Each read of the clock is a "second" of work, so the cycle rests at every pause point:
    at least at each row read, each play planned, each batch stored and each album written;
    the rows and the report are those of an import without rests."""
    unpaced, paced = stores
    path = build_aime_database(tmp_path / "musique.db")
    expected = import_aime_database(unpaced, path, now=NOW, batch_size=3)
    ticks = iter(range(1_000_000))
    rests: list[float] = []
    cycle = DutyCycle(0.5, clock=lambda: float(next(ticks)), sleep=rests.append)
    report = import_aime_database(paced, path, now=NOW, batch_size=3, pause=cycle)
    assert report.as_dict() == expected.as_dict()
    assert _contents(paced) == _contents(unpaced)
    with sqlite3.connect(path) as conn:
        plays = conn.execute("SELECT count(*) FROM listening_history").fetchone()[0]
        albums = conn.execute("SELECT count(*) FROM albums").fetchone()[0]
    batches = -(-plays // 3)
    assert cycle.pauses == len(rests) >= 2 * plays + 2 * batches + albums


def test_an_unpaced_import_never_rests(stores: tuple[Store, Store], tmp_path: Path) -> None:
    """No time passes on the clock: the slice never ends, nothing rests."""
    store, _ = stores
    rests: list[float] = []
    cycle = DutyCycle(clock=lambda: 0.0, sleep=rests.append)
    import_aime_database(store, build_aime_database(tmp_path / "musique.db"), pause=cycle)
    assert cycle.pauses == 0
    assert rests == []
