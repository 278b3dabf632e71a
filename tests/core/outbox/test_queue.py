"""The outbox table: filled at live ingest only, for routed sources, read by the sender."""

from __future__ import annotations

from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.outbox.rules import Destination, OutboxRoute, OutboxState, Reason
from custom_components.aime.core.store.store import Store

T0 = 1_700_000_000
ROUTE = OutboxRoute(Destination.LASTFM, "alice", frozenset({Source.ROON}))


def _play(n: int, source: Source = Source.ROON, title: str = "") -> PlayInput:
    return PlayInput(
        title or f"Song {n}", "Miles Davis", T0 + 600 * n, source, album="Kind of Blue"
    )


def _due(store: Store, state: OutboxState = OutboxState.QUEUED) -> list[str]:
    due = store.outbox.due(Destination.LASTFM, "alice", state, 2**40, 100)
    return [item.title for item in due]


def test_live_plays_of_routed_sources_are_queued_once(store: Store) -> None:
    store.outbox.set_route(ROUTE)
    store.ingest([_play(1), _play(2, Source.HOME_ASSISTANT), _play(3, Source.LASTFM)])
    store.ingest([_play(1)])  # the same play again: a duplicate, not queued twice
    assert _due(store) == ["Song 1"]


def test_history_imports_and_unrouted_accounts_queue_nothing(store: Store) -> None:
    store.ingest([_play(1)])  # no route yet
    store.outbox.set_route(ROUTE)
    store.ingest([_play(2)], bulk=True)
    store.outbox.remove_route(Destination.LASTFM, "alice")
    store.ingest([_play(3)])
    assert _due(store) == []


def test_a_route_without_sources_is_dropped(store: Store) -> None:
    store.outbox.set_route(ROUTE)
    store.outbox.set_route(OutboxRoute(Destination.LASTFM, "alice", frozenset()))
    assert store.outbox.routes == ()


def test_plays_the_account_reported_are_known(store: Store) -> None:
    store.outbox.set_route(ROUTE)
    store.ingest([_play(1), _play(2)])
    # Last.fm reports "Song 1" too (the player scrobbled it itself): merged into the Roon play.
    store.ingest([_play(1, Source.LASTFM)])
    due = store.outbox.due(Destination.LASTFM, "alice", OutboxState.QUEUED, 2**40, 100)
    by_title = {item.title: item.play_id for item in due}
    assert store.outbox.reported_by(by_title.values(), Source.LASTFM) == {by_title["Song 1"]}


def test_states_move_and_failed_rows_are_retried(store: Store) -> None:
    store.outbox.set_route(ROUTE)
    store.ingest([_play(1), _play(2), _play(3)])
    first, second, third = store.outbox.due(
        Destination.LASTFM, "alice", OutboxState.QUEUED, 2**40, 100
    )
    store.outbox.mark([first.item_id], OutboxState.SENT, sent_at=T0 + 5, attempted=True)
    store.outbox.mark([second.item_id], OutboxState.FAILED, reason="auth", attempted=True)
    store.outbox.mark([third.item_id], OutboxState.QUEUED, reason="unavailable",
                      next_attempt_at=2**41, attempted=True)  # fmt: skip
    assert _due(store) == []
    counts = store.outbox.counts(destination=Destination.LASTFM, account="alice")
    assert (counts[OutboxState.SENT], counts[OutboxState.FAILED], counts[OutboxState.QUEUED]) == (
        1, 1, 1)  # fmt: skip
    assert store.outbox.next_due_at(Destination.LASTFM, "alice") == 2**41

    entries = store.outbox.entries(states=[OutboxState.FAILED])
    assert [(e.title, e.reason, e.attempts) for e in entries] == [("Song 2", "auth", 1)]
    assert store.outbox.retry(T0 + 100, account="alice", reason=Reason.REJECTED) == 0
    assert store.outbox.retry(T0 + 100, account="alice", reason=Reason.AUTH) == 1
    assert _due(store) == ["Song 2"]
    assert store.outbox.entries(limit=1)[0].title == "Song 3"  # newest play first


def test_reported_texts_are_what_is_sent(store: Store) -> None:
    store.outbox.set_route(ROUTE)
    store.ingest([_play(1, title="So What (2009 Remaster)")])
    store.ingest([_play(2, title="So What")])
    assert sorted(_due(store)) == ["So What", "So What (2009 Remaster)"]
