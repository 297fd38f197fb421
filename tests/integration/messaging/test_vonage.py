"""The Vonage client against a loopback server that speaks the SMS API."""

from __future__ import annotations

import base64
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

import httpx
import pytest

from tests.helpers.aio import async_test
from tests.helpers.fake_time import FakeTime
from tests.helpers.sms_providers import (
    VONAGE_KEY,
    VONAGE_SECRET,
    FakeVonage,
    Reply,
    Step,
    vonage_error,
)
from tooddoc_desk.core.contact import PhoneContact
from tooddoc_desk.core.language import Language
from tooddoc_desk.messaging.deliver import deliver
from tooddoc_desk.messaging.message import OutgoingMessage, Receipt, SenderId
from tooddoc_desk.messaging.problems import Reason
from tooddoc_desk.messaging.retry import RetryPolicy
from tooddoc_desk.messaging.sender import Ambiguous, DeliveryError, Finder, StatusSource
from tooddoc_desk.messaging.templates import invitation
from tooddoc_desk.messaging.vonage import VonageSender

LINK = "https://hub.example.be/c/" + "Tk3_-" * 9
PHONE = PhoneContact("+32470123456")
POLICY = RetryPolicy(base_delay=2.0, lookup_delay=5.0, jitter=lambda: 1.0)
SHORT = httpx.Timeout(5.0, read=1.0)  # a stalled fake: the client gives up after 1 s


@dataclass
class Rig:
    fake: FakeVonage
    sms: VonageSender
    time: FakeTime

    async def deliver(self, message: OutgoingMessage) -> Receipt:
        return await deliver(
            self.sms, message, POLICY, sleep=self.time.sleep, monotonic=self.time.monotonic
        )


@asynccontextmanager
async def rig(secret: str = VONAGE_SECRET, sender: str = "DrPeeters") -> AsyncIterator[Rig]:
    async with FakeVonage() as fake, httpx.AsyncClient() as http:
        sms = VonageSender(
            http, VONAGE_KEY, secret, SenderId(sender), base_url=fake.base_url, timeout=SHORT
        )
        yield Rig(fake, sms, FakeTime())


def sms(practice: str = "Tandartspraktijk ‘De Linde’") -> OutgoingMessage:
    return invitation("c42", PHONE, Language.NL, practice, LINK, idempotency_key="c42-1")


def ours(caplog: pytest.LogCaptureFixture) -> str:
    """The app's own log lines (the test servers log what they received)."""
    return "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("tooddoc_desk"))


def assert_nothing_personal(text: str, message: OutgoingMessage) -> None:
    for secret in (PHONE.e164, "470123456", LINK, "Tk3_", message.body, "De Linde"):
        assert secret not in text


@async_test
async def test_send_speaks_the_sms_api() -> None:
    async with rig() as r:
        message = sms()
        receipt = await r.sms.send(message)
        (request,) = r.fake.requests
        assert (request.method, request.path) == ("POST", "/sms/json")
        assert request.form == {
            "from": "DrPeeters",
            "to": "32470123456",
            "text": message.body,
            "client-ref": "c42-1",
        }
        expected = base64.b64encode(f"{VONAGE_KEY}:{VONAGE_SECRET}".encode()).decode()
        assert request.authorization == f"Basic {expected}"
        assert message.body.startswith("Tandartspraktijk 'De Linde' nodigt u uit")
        (stored,) = r.fake.messages
        assert receipt.provider == "vonage"
        assert receipt.provider_id == stored["message-ids"][0]
        assert not isinstance(r.sms, Finder)
        assert not isinstance(r.sms, StatusSource)


@async_test
async def test_a_numeric_sender_goes_without_its_plus_and_unicode_only_when_needed() -> None:
    async with rig(sender="+32460000001") as r:
        await r.sms.send(sms(practice="Ιατρείο Υγεία"))
        await r.sms.send(sms(practice="Praxis Müller"))
        greek, german = (q.form for q in r.fake.requests)
        assert greek["from"] == "32460000001"
        assert greek["type"] == "unicode"
        assert "type" not in german  # ü is in the GSM alphabet


@async_test
async def test_throttled_then_accepted_is_sent_once() -> None:
    async with rig() as r:
        r.fake.script(
            vonage_error("1", "Throughput Rate Exceeded - please wait [ 1000 ] and retry")
        )
        receipt = await r.deliver(sms())
        assert len(r.fake.messages) == 1
        assert receipt.provider_id == r.fake.messages[0]["message-ids"][0]
        assert r.time.sleeps == [2.0]


@async_test
async def test_429_then_503_then_a_timeout_after_acceptance_is_left_to_a_person(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async with rig() as r:
        r.fake.script(
            Reply(429, None, {"Retry-After": "3"}),
            Reply(503, None),
            Step.ACCEPT_THEN_STALL,
        )
        message = sms()
        with (
            caplog.at_level(logging.DEBUG, logger="tooddoc_desk"),
            pytest.raises(Ambiguous) as raised,
        ):
            await r.deliver(message)
        assert len(r.fake.messages) == 1  # exactly one message, and no blind second one
        assert len(r.fake.requests) == 3
        assert r.fake.messages[0]["client-ref"] == "c42-1"
        assert r.time.sleeps == [3.0, 4.0]  # no settling wait: Vonage cannot be asked
        assert "cannot tell whether it left" in raised.value.message
        assert raised.value.reason is Reason.AMBIGUOUS
        assert_nothing_personal(ours(caplog), message)
        assert_nothing_personal(raised.value.message, message)


@pytest.mark.parametrize(
    ("setup", "reason", "words"),
    [
        ("barred", Reason.CANNOT_RECEIVE_SMS, "This number cannot receive SMS"),
        ("wrong_secret", Reason.CREDENTIALS, "account name, key or password"),
        ("out_of_credit", Reason.NO_CREDIT, "run out of credit"),
        ("bad_sender", Reason.SENDER_REFUSED, "sender name"),
    ],
)
@async_test
async def test_permanent_errors_reach_the_practitioner_at_once(
    setup: str, reason: Reason, words: str, caplog: pytest.LogCaptureFixture
) -> None:
    async with rig(secret="wrong" if setup == "wrong_secret" else VONAGE_SECRET) as r:
        if setup == "barred":
            r.fake.barred.add("32470123456")
        elif setup == "out_of_credit":
            r.fake.out_of_credit = True
        elif setup == "bad_sender":
            r.fake.script(vonage_error("15", "Illegal Sender Address - rejected"))
        message = sms()
        with (
            caplog.at_level(logging.DEBUG, logger="tooddoc_desk"),
            pytest.raises(DeliveryError) as raised,
        ):
            await r.deliver(message)
        assert raised.value.reason is reason
        assert not raised.value.transient
        assert words in raised.value.message
        assert len(r.fake.requests) == 1
        assert r.fake.messages == []
        assert_nothing_personal(raised.value.message, message)
        assert_nothing_personal(ours(caplog), message)


@async_test
async def test_a_long_text_is_accepted_in_parts() -> None:
    async with rig() as r:
        practice = "Groepspraktijk " * 12
        receipt = await r.sms.send(sms(practice=practice.strip()))
        (stored,) = r.fake.messages
        assert len(stored["message-ids"]) == 2
        assert receipt.provider_id == stored["message-ids"][0]


@async_test
async def test_an_answer_that_is_not_the_apis_is_ambiguous() -> None:
    async with rig() as r:
        r.fake.script(Reply(200, {"unexpected": True}))
        with pytest.raises(Ambiguous):
            await r.sms.send(sms())
