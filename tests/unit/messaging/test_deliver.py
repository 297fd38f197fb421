from __future__ import annotations

import logging
from collections import deque

import pytest

from tests.helpers.aio import async_test
from tests.helpers.fake_time import FakeTime
from tooddoc_desk.core.contact import PhoneContact
from tooddoc_desk.core.language import Language
from tooddoc_desk.messaging.deliver import OutOfTries, deliver
from tooddoc_desk.messaging.message import Channel, OutgoingMessage, Receipt
from tooddoc_desk.messaging.problems import Reason
from tooddoc_desk.messaging.retry import RetryPolicy
from tooddoc_desk.messaging.sender import Ambiguous, DeliveryError, Finder
from tooddoc_desk.messaging.templates import invitation

LINK = "https://hub.example.be/c/" + "Tk3_-" * 9
PHONE = PhoneContact("+32470123456")
POLICY = RetryPolicy(max_attempts=4, base_delay=2.0, lookup_delay=5.0, jitter=lambda: 1.0)


def busy(retry_after: float | None = None) -> DeliveryError:
    return DeliveryError(
        "The SMS service is busy.",
        transient=True,
        retry_after=retry_after,
        reason=Reason.RATE_LIMITED,
    )


Outcome = DeliveryError | None  # None: accepted


class ScriptedSender:
    """Answers each send with the next outcome; keeps what the 'provider' accepted."""

    provider = "scripted"

    def __init__(self, *outcomes: Outcome) -> None:
        self.outcomes = deque(outcomes)
        self.accepted: list[OutgoingMessage] = []
        self.sends = 0

    async def send(self, message: OutgoingMessage) -> Receipt:
        self.sends += 1
        outcome = self.outcomes.popleft() if self.outcomes else None
        if outcome is None or isinstance(outcome, Ambiguous):
            self.accepted.append(message)  # an ambiguous send here is one that got through
        if outcome is not None:
            raise outcome
        return Receipt(message.consultation_id, Channel.SMS, self.provider, f"id{self.sends}")


class ListingSender(ScriptedSender):
    """Like ScriptedSender, with a provider that can be asked what it has."""

    def __init__(self, *outcomes: Outcome, lost: bool = False) -> None:
        super().__init__(*outcomes)
        self.lost = lost  # the ambiguous sends never reached the provider
        self.lookups: deque[DeliveryError] = deque()
        self.finds = 0

    async def find(self, message: OutgoingMessage) -> Receipt | None:
        self.finds += 1
        if self.lookups:
            raise self.lookups.popleft()
        if self.lost:
            self.accepted.clear()
        if message in self.accepted:
            return Receipt(message.consultation_id, Channel.SMS, self.provider, "found")
        return None


def sms() -> OutgoingMessage:
    return invitation("c42", PHONE, Language.FR, "Cabinet", LINK, idempotency_key="c42-1")


@async_test
async def test_accepted_at_once() -> None:
    time, sender = FakeTime(), ScriptedSender(None)
    receipt = await deliver(sender, sms(), POLICY, sleep=time.sleep, monotonic=time.monotonic)
    assert receipt.provider_id == "id1"
    assert time.sleeps == []


@async_test
async def test_transient_errors_are_retried_with_backoff_honouring_retry_after() -> None:
    time, sender = FakeTime(), ScriptedSender(busy(retry_after=10.0), busy(), None)
    receipt = await deliver(sender, sms(), POLICY, sleep=time.sleep, monotonic=time.monotonic)
    assert receipt.provider_id == "id3"
    assert time.sleeps == [10.0, 4.0]
    assert len(sender.accepted) == 1


@async_test
async def test_a_permanent_error_is_raised_at_once() -> None:
    refused = DeliveryError("This number cannot receive SMS.", transient=False)
    time, sender = FakeTime(), ScriptedSender(refused)
    with pytest.raises(DeliveryError) as raised:
        await deliver(sender, sms(), POLICY, sleep=time.sleep, monotonic=time.monotonic)
    assert raised.value is refused
    assert sender.sends == 1


@async_test
async def test_the_practitioner_is_told_once_the_tries_run_out() -> None:
    time, sender = FakeTime(), ScriptedSender(*[busy()] * 10)
    with pytest.raises(OutOfTries) as raised:
        await deliver(sender, sms(), POLICY, sleep=time.sleep, monotonic=time.monotonic)
    assert sender.sends == 4
    assert raised.value.attempts == 4
    assert not raised.value.transient
    assert raised.value.reason is Reason.RATE_LIMITED
    assert "The SMS service is busy." in raised.value.message
    assert "4 times" in raised.value.message
    assert time.sleeps == [2.0, 4.0, 8.0]


@async_test
async def test_ambiguous_without_a_listing_is_left_to_a_person() -> None:
    time, sender = FakeTime(), ScriptedSender(busy(), Ambiguous())
    assert not isinstance(sender, Finder)
    with pytest.raises(Ambiguous):
        await deliver(sender, sms(), POLICY, sleep=time.sleep, monotonic=time.monotonic)
    assert sender.sends == 2  # never sent a third time
    assert len(sender.accepted) == 1
    assert time.sleeps == [2.0]  # no settling wait: there is nobody to ask


@async_test
async def test_ambiguous_then_found_at_the_provider_is_the_receipt() -> None:
    time, sender = FakeTime(), ListingSender(busy(), Ambiguous())
    assert isinstance(sender, Finder)
    receipt = await deliver(sender, sms(), POLICY, sleep=time.sleep, monotonic=time.monotonic)
    assert receipt.provider_id == "found"
    assert sender.sends == 2
    assert len(sender.accepted) == 1
    assert time.sleeps == [2.0, 5.0]  # the back-off, then the look-up's settling time


@async_test
async def test_ambiguous_and_absent_at_the_provider_is_sent_again() -> None:
    time, sender = FakeTime(), ListingSender(Ambiguous(), None, lost=True)
    receipt = await deliver(sender, sms(), POLICY, sleep=time.sleep, monotonic=time.monotonic)
    assert receipt.provider_id == "id2"
    assert len(sender.accepted) == 1
    assert sender.finds == 1


@async_test
async def test_a_look_up_that_keeps_failing_leaves_it_to_a_person() -> None:
    time, sender = FakeTime(), ListingSender(Ambiguous())
    sender.lookups.extend([busy()] * 5)
    with pytest.raises(Ambiguous):
        await deliver(sender, sms(), POLICY, sleep=time.sleep, monotonic=time.monotonic)
    assert sender.finds == POLICY.lookup_attempts
    assert sender.sends == 1


@async_test
async def test_a_look_up_retried_after_a_passing_error_finds_it() -> None:
    time, sender = FakeTime(), ListingSender(Ambiguous())
    sender.lookups.append(busy(retry_after=3.0))
    receipt = await deliver(sender, sms(), POLICY, sleep=time.sleep, monotonic=time.monotonic)
    assert receipt.provider_id == "found"
    assert sender.finds == 2
    assert time.sleeps == [5.0, 3.0]


@async_test
async def test_log_lines_name_the_consultation_and_never_the_patient(
    caplog: pytest.LogCaptureFixture,
) -> None:
    time, sender = FakeTime(), ListingSender(busy(), Ambiguous())
    message = sms()
    with caplog.at_level(logging.DEBUG, logger="tooddoc_desk"):
        await deliver(sender, message, POLICY, sleep=time.sleep, monotonic=time.monotonic)
    assert "c42" in caplog.text
    assert "rate_limited" in caplog.text
    for secret in (PHONE.e164, "470123456", LINK, "Tk3_", message.body):
        assert secret not in caplog.text
