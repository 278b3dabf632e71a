"""The outbox's rules: batches of 50, Last.fm's 14 days, back-off, crash reconciliation."""

from __future__ import annotations

from custom_components.aime.core.models import Source
from custom_components.aime.core.outbox.rules import (
    BACKOFF,
    DAY,
    LIMITS,
    Destination,
    OutboxRoute,
    OutgoingPlay,
    confirmed,
    next_attempt_at,
    plan_pass,
)

NOW = 1_700_000_000
LASTFM = LIMITS[Destination.LASTFM]


def _item(item_id: int, played_at: int, title: str = "") -> OutgoingPlay:
    return OutgoingPlay(item_id, item_id, "Miles Davis", title or f"Song {item_id}", None,
                        played_at, 300, 0)  # fmt: skip


def test_batches_hold_at_most_fifty_oldest_first() -> None:
    items = [_item(i, NOW - 1000 + i) for i in range(120)][::-1]
    plan = plan_pass(items, NOW, LASTFM)
    assert [len(batch) for batch in plan.batches] == [50, 50, 20]
    assert [item.item_id for item in plan.batches[0][:3]] == [0, 1, 2]
    assert plan.too_old == []


def test_plays_older_than_fourteen_days_are_never_tried() -> None:
    edge = _item(1, NOW - 14 * DAY)
    old = _item(2, NOW - 14 * DAY - 1)
    plan = plan_pass([old, edge], NOW, LASTFM)
    assert plan.batches == [[edge]]
    assert plan.too_old == [old]


def test_listenbrainz_takes_any_age_in_batches_of_a_thousand() -> None:
    items = [_item(i, NOW - 400 * DAY + i) for i in range(1001)]
    plan = plan_pass(items, NOW, LIMITS[Destination.LISTENBRAINZ])
    assert [len(batch) for batch in plan.batches] == [1000, 1]
    assert plan.too_old == []


def test_backoff_grows_then_stays_and_honours_the_services_wait() -> None:
    delays = [next_attempt_at(attempt, NOW) - NOW for attempt in range(1, 9)]
    assert delays == [*BACKOFF, BACKOFF[-1], BACKOFF[-1]]
    assert next_attempt_at(1, NOW, retry_after=600) == NOW + 600
    assert next_attempt_at(5, NOW, retry_after=600) == NOW + BACKOFF[4]


def test_a_route_never_sends_an_accounts_own_reports_back() -> None:
    route = OutboxRoute(Destination.LASTFM, "alice", frozenset({Source.ROON, Source.LASTFM}))
    assert route.takes(Source.ROON)
    assert not route.takes(Source.LASTFM)
    assert not route.takes(Source.HOME_ASSISTANT)


def test_recent_scrobbles_confirm_by_time_and_title() -> None:
    sending = [_item(1, NOW - 600, "So What"), _item(2, NOW - 300, "Freddie Freeloader")]
    recent = [
        ("Miles Davis (corrected)", "so what", NOW - 600),
        ("Miles Davis", "Other", NOW - 300),
    ]
    assert confirmed(sending, recent) == {1}


LISTENBRAINZ = LIMITS[Destination.LISTENBRAINZ]


def test_listenbrainz_takes_a_thousand_listens_a_call_of_any_age() -> None:
    items = [_item(i, NOW - 400 * DAY + i) for i in range(2500)]
    plan = plan_pass(items, NOW, LISTENBRAINZ)
    assert [len(batch) for batch in plan.batches] == [1000, 1000, 500]
    assert plan.too_old == []


def test_a_listenbrainz_account_is_never_sent_its_own_listens() -> None:
    sources = frozenset({Source.ROON, Source.ENDPOINT, Source.LISTENBRAINZ})
    route = OutboxRoute(Destination.LISTENBRAINZ, "carol", sources)
    assert route.takes(Source.ROON)
    assert route.takes(Source.ENDPOINT)  # clients sending to AIME's endpoint are passed on
    assert not route.takes(Source.LISTENBRAINZ)
