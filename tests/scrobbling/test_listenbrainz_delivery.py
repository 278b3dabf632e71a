"""The ListenBrainz delivery against the fake: one ``import`` per batch, reasons, reconciliation."""

from __future__ import annotations

from homeassistant.core import HomeAssistant
import pytest

from custom_components.aime.clients.listenbrainz import ListenbrainzClient
from custom_components.aime.core.outbox.rules import OutgoingPlay, Reason
from custom_components.aime.core.outbox.sending import DeliveryError
from custom_components.aime.scrobbling.listenbrainz_delivery import ListenbrainzDelivery

from ..fakes.listenbrainz import RESET_IN, FakeListen, FakeListenBrainz

TOKEN = "4c1e2f0a-5b6d-4e7f-8a9b-0c1d2e3f4a5b"
T0 = 1_600_000_000  # years ago: ListenBrainz takes old listens


def _play(item_id: int, played_at: int, title: str = "") -> OutgoingPlay:
    return OutgoingPlay(item_id, item_id, "Miles Davis", title or f"Song {item_id}",
                        "Kind of Blue", played_at, 300, 0)  # fmt: skip


@pytest.fixture
def delivery(fake_listenbrainz: FakeListenBrainz) -> ListenbrainzDelivery:
    fake_listenbrainz.add_user("Carol", TOKEN)
    client = ListenbrainzClient(TOKEN, fake_listenbrainz.root_url)
    return ListenbrainzDelivery(client, "Carol", clock=lambda: T0)


async def test_a_batch_is_one_import(
    hass: HomeAssistant, fake_listenbrainz: FakeListenBrainz, delivery: ListenbrainzDelivery
) -> None:
    plays = [_play(i, T0 + 300 * i) for i in range(3)]
    outcomes = await hass.async_add_executor_job(delivery.send, plays)
    assert [outcome.sent for outcome in outcomes] == [True] * 3
    (body,) = fake_listenbrainz.submissions
    assert (body["listen_type"], len(body["payload"])) == ("import", 3)
    assert delivery.account == "carol"


async def test_errors_become_reasons(
    hass: HomeAssistant, fake_listenbrainz: FakeListenBrainz, delivery: ListenbrainzDelivery
) -> None:
    fake_listenbrainz.fail_next(429, times=6)
    with pytest.raises(DeliveryError) as limited:
        await hass.async_add_executor_job(delivery.send, [_play(1, T0)])
    assert (limited.value.reason, limited.value.retry_after) == (Reason.RATE_LIMITED, RESET_IN)
    fake_listenbrainz.fail_next(503, times=6)
    with pytest.raises(DeliveryError) as unavailable:
        await hass.async_add_executor_job(delivery.send, [_play(1, T0)])
    assert unavailable.value.reason is Reason.UNAVAILABLE
    fake_listenbrainz.users["Carol"].token = "revoked"
    with pytest.raises(DeliveryError) as refused:
        await hass.async_add_executor_job(delivery.send, [_play(1, T0)])
    assert refused.value.reason is Reason.AUTH
    assert refused.value.needs_user
    assert fake_listenbrainz.submissions == []


async def test_arrived_reads_every_page_of_the_span(
    hass: HomeAssistant, fake_listenbrainz: FakeListenBrainz, delivery: ListenbrainzDelivery
) -> None:
    """2500 listens between the two rows' times: the older row is found three pages down."""
    user = fake_listenbrainz.users["Carol"]
    for second in range(2500):
        user.add(FakeListen(T0 + 10 + second, f"Other {second}", "Someone"))
    user.add(FakeListen(T0, "So What", "Miles Davis"))
    user.add(FakeListen(T0 + 5000, "Blue in Green", "Bill Evans"))  # corrected artist
    rows = [_play(1, T0, "So What"), _play(2, T0 + 5000, "Blue in Green"),
            _play(3, T0 + 6000, "Never Sent")]  # fmt: skip
    assert await hass.async_add_executor_job(delivery.arrived, rows) == {1, 2}
