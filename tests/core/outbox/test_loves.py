"""Loves made in AIME: the tracks marked, queued per routed account, sent, and the sync's rule."""

from __future__ import annotations

from custom_components.aime.core.models import PlayInput, Source
from custom_components.aime.core.outbox.loves import LoveOutbox, send_loves
from custom_components.aime.core.outbox.rules import (
    Destination,
    OutboxRoute,
    OutboxState,
    Reason,
)
from custom_components.aime.core.outbox.sending import DeliveryError
from custom_components.aime.core.store.store import Store

T0 = 1_700_000_000
ALICE = OutboxRoute(Destination.LASTFM, "alice", frozenset({Source.ROON}))
BOB = OutboxRoute(Destination.LASTFM, "bob", frozenset({Source.HOME_ASSISTANT}))


class RecordingDelivery:
    """An account that records the loves it takes, or refuses them with ``errors``."""

    destination = Destination.LASTFM

    def __init__(self, account: str = "alice") -> None:
        self.account = account
        self.taken: list[tuple[str, str, bool]] = []
        self.errors: list[DeliveryError] = []

    def set_loved(self, artist: str, title: str, loved: bool) -> None:
        if self.errors:
            raise self.errors.pop(0)
        self.taken.append((artist, title, loved))


def _history(store: Store) -> None:
    store.ingest(
        [
            PlayInput("So What", "Miles Davis", T0, Source.ROON, album="Kind of Blue"),
            PlayInput("So What", "Miles Davis", T0 + 900, Source.LASTFM, album="Best Of"),
            PlayInput("Blue in Green", "Miles Davis", T0 + 1800, Source.ROON),
        ],
        bulk=True,
    )


def _loved_titles(store: Store) -> list[tuple[str, int]]:
    with store.catalog_write(catalog=False) as conn:
        rows = conn.exec_driver_sql("SELECT title, loved FROM track ORDER BY id").all()
    return [(title, int(loved)) for title, loved in rows]


def _states(loves: LoveOutbox) -> list[tuple[str, str, bool, OutboxState]]:
    return [(e.account, e.title, e.loved, e.state) for e in loves.entries()]


def test_a_love_marks_every_album_of_the_song_and_queues_per_account(store: Store) -> None:
    _history(store)
    store.outbox.set_route(ALICE)
    store.outbox.set_route(BOB)
    change = store.loves.love(True, T0, song=("MILES DAVIS feat. Bill Evans", "so what"))
    assert change is not None
    assert (change.artist, change.title, change.tracks, change.queued) == (
        "Miles Davis", "So What", 2, 2)  # fmt: skip
    assert _loved_titles(store) == [("So What", 1), ("So What", 1), ("Blue in Green", 0)]
    assert _states(store.loves) == [("alice", "So What", True, OutboxState.QUEUED),
                                    ("bob", "So What", True, OutboxState.QUEUED)]  # fmt: skip


def test_without_a_route_the_love_stays_in_aime(store: Store) -> None:
    _history(store)
    change = store.loves.love(True, T0, track_id=3)
    assert change is not None
    assert (change.title, change.queued) == ("Blue in Green", 0)
    assert store.loves.entries() == []
    assert store.loves.love(True, T0, track_id=99) is None
    assert store.loves.love(True, T0, song=("Nobody", "Nothing")) is None


def test_the_latest_toggle_replaces_the_queued_one(store: Store) -> None:
    _history(store)
    store.outbox.set_route(ALICE)
    store.loves.love(True, T0, track_id=1)
    store.loves.love(False, T0 + 1, track_id=1)
    delivery = RecordingDelivery()
    assert send_loves(store.loves, delivery, lambda: T0 + 2) == 1
    assert delivery.taken == [("Miles Davis", "So What", False)]
    assert _states(store.loves) == [("alice", "So What", False, OutboxState.SENT)]
    assert send_loves(store.loves, delivery, lambda: T0 + 3) == 0  # sent once


def test_a_toggle_while_sending_is_not_marked_sent(store: Store) -> None:
    """The request in flight carried the older wish: the newer one stays queued."""
    _history(store)
    store.outbox.set_route(ALICE)
    store.loves.love(True, T0, track_id=1)
    (item,) = store.loves.due(Destination.LASTFM, "alice", T0)
    assert store.loves.mark(item, OutboxState.SENDING)
    store.loves.love(False, T0 + 1, track_id=1)
    assert not store.loves.mark(item, OutboxState.SENT, sent_at=T0 + 1)
    assert _states(store.loves) == [("alice", "So What", False, OutboxState.QUEUED)]


def test_outages_back_off_and_a_revoked_session_waits_for_a_retry(store: Store) -> None:
    _history(store)
    store.outbox.set_route(ALICE)
    store.loves.love(True, T0, track_id=1)
    store.loves.love(True, T0, track_id=3)
    delivery = RecordingDelivery()
    delivery.errors = [DeliveryError(Reason.UNAVAILABLE)]
    assert send_loves(store.loves, delivery, lambda: T0) == 0  # the pass ends at the outage
    assert [e.state for e in store.loves.entries()] == [OutboxState.QUEUED] * 2
    assert send_loves(store.loves, delivery, lambda: T0 + 1) == 1  # the other one, due
    assert send_loves(store.loves, delivery, lambda: T0 + 60) == 1  # the back-off is over
    store.loves.love(False, T0 + 61, track_id=3)
    delivery.errors = [DeliveryError(Reason.AUTH)]
    send_loves(store.loves, delivery, lambda: T0 + 3600)
    assert store.loves.entries()[1].state is OutboxState.FAILED
    assert send_loves(store.loves, delivery, lambda: T0 + 99_999) == 0
    assert store.loves.retry(T0 + 99_999, Destination.LASTFM, "alice") == 1
    assert send_loves(store.loves, delivery, lambda: T0 + 99_999) == 1
    assert delivery.taken[-1] == ("Miles Davis", "Blue in Green", False)


def test_the_daily_sync_keeps_pending_loves_and_follows_sent_ones(store: Store) -> None:
    """A love not on the account yet wins; once sent, the account's loved tracks decide."""
    _history(store)
    store.outbox.set_route(ALICE)
    store.loves.love(True, T0, track_id=1)  # loved in AIME, not sent yet
    store.set_loved([("Miles Davis", "Blue in Green")])
    assert _loved_titles(store) == [("So What", 1), ("So What", 1), ("Blue in Green", 1)]
    store.loves.love(False, T0, track_id=3)  # unloved in AIME, not sent yet
    store.set_loved([("Miles Davis", "Blue in Green")])
    assert _loved_titles(store) == [("So What", 1), ("So What", 1), ("Blue in Green", 0)]
    send_loves(store.loves, RecordingDelivery(), lambda: T0)
    store.set_loved([])  # "So What" was unloved on Last.fm after AIME sent its love
    assert _loved_titles(store) == [("So What", 0), ("So What", 0), ("Blue in Green", 0)]
