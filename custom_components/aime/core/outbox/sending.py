"""One pass of the sender over one account's outbox; blocking, run in the executor.

The destination's client is behind ``Delivery`` (Last.fm now, ListenBrainz next), which
translates the service's answers into the outcomes below. Order of a pass:

1. rows left "sending" (a crash, or no answer) are checked against the account's recent
   scrobbles: arrived -> sent, otherwise queued again (sent below): never sent twice;
2. queued rows the account reported itself -> not sent (``on_account``); too old -> not sent;
3. the rest in batches: each batch is marked "sending" *before* its request, then sent,
   not sent (ignored, with the service's reason) or back to the queue with a back-off.
A batch the service refused for the moment ends the pass: the next batch would fare no better.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
import logging
from typing import Protocol

from .queue import Outbox
from .rules import (
    LIMITS,
    PASS_SIZE,
    Destination,
    OutboxState,
    OutgoingPlay,
    Reason,
    next_attempt_at,
    plan_pass,
)

_LOGGER = logging.getLogger(__name__)


class DeliveryError(Exception):
    """The service did not take a batch; ``reason`` says why, as a ``Reason``."""

    def __init__(self, reason: Reason, detail: str = "", retry_after: int | None = None) -> None:
        super().__init__(f"{reason}: {detail}" if detail else reason.value)
        self.reason = reason
        self.retry_after = retry_after

    @property
    def in_doubt(self) -> bool:
        """No answer: the batch may have arrived (checked before it is sent again)."""
        return self.reason is Reason.NETWORK

    @property
    def needs_user(self) -> bool:
        """Trying again will not help until the user acts (reauthorise, retry)."""
        return self.reason in (Reason.AUTH, Reason.REJECTED)


@dataclass(frozen=True, slots=True)
class Outcome:
    """What the service did with one play: taken, or ignored with a reason."""

    sent: bool
    reason: Reason | None = None


class Delivery(Protocol):
    """One account of a destination, as the sender needs it (blocking calls)."""

    @property
    def destination(self) -> Destination: ...
    @property
    def account(self) -> str: ...
    def send(self, items: Sequence[OutgoingPlay]) -> list[Outcome]:
        """Send one batch; one outcome per play; raise ``DeliveryError``."""
        ...

    def arrived(self, items: Sequence[OutgoingPlay]) -> set[int]:
        """The ids of ``items`` the account's recent scrobbles show; raise ``DeliveryError``."""
        ...


@dataclass(slots=True)
class PassReport:
    """What one pass did (logs, tests)."""

    sent: int = 0
    confirmed: int = 0
    not_sent: int = 0
    deferred: int = 0
    loves_sent: int = 0  # loves made in AIME, sent after the plays (``loves.py``)
    error: DeliveryError | None = None


def send_pass(outbox: Outbox, delivery: Delivery, clock: Callable[[], float]) -> PassReport:
    """Settle the in-doubt rows, then send what is due; see the module's docstring."""
    report = PassReport()
    destination, account = delivery.destination, delivery.account
    try:
        _settle_in_doubt(outbox, delivery, int(clock()), report)
        now = int(clock())
        due = outbox.due(destination, account, OutboxState.QUEUED, now, PASS_SIZE)
        own = outbox.reported_by((item.play_id for item in due), LIMITS[destination].source)
        outbox.mark([i.item_id for i in due if i.play_id in own], OutboxState.NOT_SENT,
                    reason=Reason.ON_ACCOUNT)  # fmt: skip
        plan = plan_pass([i for i in due if i.play_id not in own], now, LIMITS[destination])
        outbox.mark([i.item_id for i in plan.too_old], OutboxState.NOT_SENT, reason=Reason.TOO_OLD)
        report.not_sent += len(own) + len(plan.too_old)
        for batch in plan.batches:
            _send_batch(outbox, delivery, batch, clock, report)
    except DeliveryError as err:
        report.error = err
    return report


def _settle_in_doubt(outbox: Outbox, delivery: Delivery, now: int, report: PassReport) -> None:
    destination, account = delivery.destination, delivery.account
    doubt = outbox.due(destination, account, OutboxState.SENDING, now, PASS_SIZE)
    if not doubt:
        return
    try:
        arrived = delivery.arrived(doubt)
    except DeliveryError as err:  # Cannot tell yet: ask again later, send nothing meanwhile.
        for item in doubt:
            later = next_attempt_at(item.attempts, now, err.retry_after)
            outbox.mark([item.item_id], OutboxState.SENDING, reason=err.reason.value,
                        next_attempt_at=later)  # fmt: skip
        raise
    outbox.mark(sorted(arrived), OutboxState.SENT, sent_at=now)
    outbox.mark([i.item_id for i in doubt if i.item_id not in arrived], OutboxState.QUEUED,
                next_attempt_at=now)  # fmt: skip
    report.confirmed += len(arrived)


def _send_batch(
    outbox: Outbox,
    delivery: Delivery,
    batch: list[OutgoingPlay],
    clock: Callable[[], float],
    report: PassReport,
) -> None:
    ids = [item.item_id for item in batch]
    now = int(clock())
    # Marked before the request: a crash from here on is settled by the recent scrobbles.
    outbox.mark(ids, OutboxState.SENDING, next_attempt_at=now)
    try:
        outcomes = delivery.send(batch)
    except DeliveryError as err:
        state = (
            OutboxState.FAILED if err.needs_user
            else OutboxState.SENDING if err.in_doubt
            else OutboxState.QUEUED
        )  # fmt: skip
        for item in batch:
            later = next_attempt_at(item.attempts + 1, now, err.retry_after)
            outbox.mark([item.item_id], state, reason=err.reason.value, next_attempt_at=later,
                        attempted=True)  # fmt: skip
        report.deferred += len(batch)
        _LOGGER.debug("%s %s: %s plays not sent now: %s", delivery.destination,
                      delivery.account, len(batch), err)  # fmt: skip
        raise
    done = int(clock())
    sent = [item.item_id for item, outcome in zip(batch, outcomes, strict=True) if outcome.sent]
    outbox.mark(sent, OutboxState.SENT, sent_at=done, attempted=True)
    for item, outcome in zip(batch, outcomes, strict=True):
        if not outcome.sent:
            reason = (outcome.reason or Reason.IGNORED).value
            outbox.mark([item.item_id], OutboxState.NOT_SENT, reason=reason, attempted=True)
    report.sent += len(sent)
    report.not_sent += len(batch) - len(sent)
