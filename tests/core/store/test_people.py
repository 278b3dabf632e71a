"""Who listened: the merge rules between people's reports, and the listeners known."""

from __future__ import annotations

from dataclasses import replace
import sqlite3

from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.store.store import Store

AT = 1_700_000_000


def _play(source: Source, at: int = AT, listener: str | None = None) -> PlayInput:
    return PlayInput("Song", "Artist", at, source, album="Album", listener=listener)


def _plays(store: Store) -> list[tuple[int, int, str | None]]:
    with sqlite3.connect(store.path) as conn:
        rows = conn.execute(
            "SELECT p.played_at, p.source_id, l.entity_id FROM play p "
            "LEFT JOIN listener l ON l.id = p.listener_id ORDER BY p.id"
        ).fetchall()
    conn.close()
    return rows


def test_a_household_play_a_person_reports_becomes_theirs(store: Store) -> None:
    """In either order, in one batch or two: one play, the person's."""
    store.ingest([_play(Source.ROON)])
    result = store.ingest([_play(Source.LASTFM, AT + 20, "person.alice")])
    assert result.merged == 1
    assert _plays(store) == [(AT, 2, "person.alice")]
    store.ingest([_play(Source.LASTFM, AT + 2000, "person.bob"), _play(Source.ROON, AT + 2010)])
    assert _plays(store)[1:] == [(AT + 2000, 1, "person.bob")]
    assert store.listeners() == ["person.alice", "person.bob"]


def test_two_peoples_reports_are_never_one_play(store: Store) -> None:
    """Alice on Roon and Bob on Last.fm a few seconds apart: two plays; the household's
    report then joins one of them, and each report again is a duplicate."""
    reports = [
        _play(Source.ROON, AT, "person.alice"),
        _play(Source.LASTFM, AT + 5, "person.bob"),
        _play(Source.HOME_ASSISTANT, AT + 7),
    ]
    first = store.ingest(reports)
    assert (first.added, first.merged) == (2, 1)
    again = store.ingest(reports)
    assert (again.added, again.merged, again.duplicates) == (0, 0, 3)
    assert _plays(store) == [(AT, 2, "person.alice"), (AT + 5, 1, "person.bob")]


def test_a_persons_report_of_a_household_play_makes_it_theirs(store: Store) -> None:
    """The same source, second and song as a household play (an account's history imported
    again for its person): that play, now the person's; another person's report then is
    another play."""
    store.ingest([_play(Source.LASTFM), _play(Source.LASTFM, AT + 600)])
    result = store.ingest([_play(Source.LASTFM, listener="person.alice")])
    assert (result.added, result.duplicates) == (0, 1)
    assert _plays(store) == [(AT, 1, "person.alice"), (AT + 600, 1, None)]
    assert store.stats.history(listener="person.alice").total == 1
    result = store.ingest([_play(Source.LASTFM, listener="person.bob")])
    assert result.added == 1
    result = store.ingest(
        [_play(Source.LASTFM, AT + 600), _play(Source.LASTFM, AT + 600, "person.bob")]
    )
    assert (result.added, result.duplicates) == (0, 2)
    assert _plays(store)[1:] == [(AT + 600, 1, "person.bob"), (AT, 1, "person.bob")]


def test_assigning_a_source_moves_its_plays(store: Store) -> None:
    """Existing plays take their source's person, then back to the household."""
    store.ingest([_play(Source.LASTFM, AT + n * 3600) for n in range(3)])
    assert store.assign_listener(Source.LASTFM, None, "person.alice") == 3
    assert {row[2] for row in _plays(store)} == {"person.alice"}
    assert store.stats.history(listener="person.alice").total == 3
    assert store.assign_listener(Source.LASTFM, None, None) == 3
    assert store.listeners() == []
    assert store.stats.history(listener="person.alice").total == 0


def test_a_report_finds_its_listeners_play(store: Store) -> None:
    """The same report from two people's accounts finds each person's own play."""
    alice, bob = (_play(Source.LASTFM, listener=who) for who in ("person.alice", "person.bob"))
    store.ingest([alice, bob])
    found = {store.find_play(alice), store.find_play(bob)}
    assert len(found) == 2
    assert store.set_seconds_listened(store.find_play(bob) or 0, 100)
    assert [entry.seconds for entry in store.stats.history(listener="person.bob").entries] == [100]
    assert [entry.seconds for entry in store.stats.history(listener="person.alice").entries] == [
        None
    ]


def test_a_persons_newest_play_of_a_source(store: Store) -> None:
    """A person's newest Last.fm play: reported first, or merged into a play of theirs; another
    person's newer scrobbles and the household's do not count."""
    assert store.newest_played_by(Source.LASTFM, "person.alice") is None
    store.ingest([_play(Source.LASTFM, AT, "person.alice")])
    store.ingest([replace(_play(Source.LASTFM, AT + 5000, "person.bob"), title="Other")])
    store.ingest([replace(_play(Source.LASTFM, AT + 9000), title="Third")])
    assert store.newest_played_by(Source.LASTFM, "person.alice") == AT
    store.ingest([replace(_play(Source.ROON, AT + 1000, "person.alice"), title="Fourth")])
    store.ingest([replace(_play(Source.LASTFM, AT + 1030, "person.alice"), title="Fourth")])
    assert store.newest_played_by(Source.LASTFM, "person.alice") == AT + 1030
    assert store.newest_played_by(Source.LASTFM, "person.bob") == AT + 5000
    assert store.newest_played_by(Source.ROON, "person.bob") is None
