"""A sender's pass over the store's outbox, with a recording service behind ``Delivery``."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.outbox.rules import (
    DAY,
    Destination,
    OutboxRoute,
    OutboxState,
    OutgoingPlay,
    Reason,
)
from custom_components.aime.core.outbox.sending import DeliveryError, Outcome, send_pass
from custom_components.aime.core.store.store import Store

NOW = 1_800_000_000


@dataclass
class RecordingService:
    """Takes every batch (or fails as told) and remembers what it took."""

    destination: Destination = Destination.LASTFM
    account: str = "alice"
    batches: list[list[str]] = field(default_factory=list)
    failures: list[DeliveryError] = field(default_factory=list)
    received: set[tuple[int, str]] = field(default_factory=set)

    def send(self, items: Sequence[OutgoingPlay]) -> list[Outcome]:
        if self.failures:
            raise self.failures.pop(0)
        self.batches.append([item.title for item in items])
        self.received |= {(item.played_at, item.title) for item in items}
        return [Outcome(True)] * len(items)

    def arrived(self, items: Sequence[OutgoingPlay]) -> set[int]:
        return {i.item_id for i in items if (i.played_at, i.title) in self.received}


def _store_with(store: Store, count: int, start: int = NOW - DAY) -> None:
    store.outbox.set_route(OutboxRoute(Destination.LASTFM, "alice", frozenset({Source.ROON})))
    store.ingest([PlayInput(f"Song {n}", "Low", start + 300 * n, Source.ROON)
                  for n in range(count)])  # fmt: skip


def test_a_long_queue_goes_in_batches_of_fifty(db_path: Path) -> None:
    store = Store.open(db_path, clock=lambda: NOW)
    try:
        _store_with(store, 120)
        service = RecordingService()
        report = send_pass(store.outbox, service, lambda: NOW)
        assert [len(batch) for batch in service.batches] == [50, 50, 20]
        assert report.sent == 120
        assert service.batches[0][0] == "Song 0"  # oldest first
    finally:
        store.close()


def test_a_play_the_account_reported_itself_is_not_sent_back(db_path: Path) -> None:
    store = Store.open(db_path, clock=lambda: NOW)
    try:
        _store_with(store, 2)
        # The player scrobbled "Song 1" to Last.fm itself: AIME's poll merges it into the play.
        store.ingest([PlayInput("Song 1", "Low", NOW - DAY + 302, Source.LASTFM)])
        service = RecordingService()
        send_pass(store.outbox, service, lambda: NOW)
        assert service.batches == [["Song 0"]]
        (entry,) = store.outbox.entries(states=[OutboxState.NOT_SENT])
        assert (entry.title, entry.reason) == ("Song 1", Reason.ON_ACCOUNT)
    finally:
        store.close()


def test_a_refusal_ends_the_pass_and_backs_off(db_path: Path) -> None:
    store = Store.open(db_path, clock=lambda: NOW)
    try:
        _store_with(store, 60)
        service = RecordingService(failures=[DeliveryError(Reason.UNAVAILABLE)])
        report = send_pass(store.outbox, service, lambda: NOW)
        assert (report.deferred, service.batches) == (50, [])  # the second batch was not tried
        assert send_pass(store.outbox, service, lambda: NOW).sent == 10  # the 50 wait a minute
        assert send_pass(store.outbox, service, lambda: NOW + 60).sent == 50
    finally:
        store.close()
