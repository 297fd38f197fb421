"""The Twilio client against a loopback server that speaks the Messages resource."""

from __future__ import annotations

import base64
import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import httpx
import pytest

from tests.helpers.aio import async_test
from tests.helpers.fake_time import FakeTime
from tests.helpers.sms_providers import (
    TWILIO_SID,
    TWILIO_TOKEN,
    FakeTwilio,
    Reply,
    Step,
    twilio_error,
)
from tooddoc_desk.core.contact import PhoneContact
from tooddoc_desk.core.language import Language
from tooddoc_desk.messaging.deliver import deliver
from tooddoc_desk.messaging.message import DeliveryStatus, OutgoingMessage, Receipt, SenderId
from tooddoc_desk.messaging.problems import Reason
from tooddoc_desk.messaging.retry import RetryPolicy
from tooddoc_desk.messaging.sender import Ambiguous, DeliveryError, Finder, StatusSource
from tooddoc_desk.messaging.templates import invitation
from tooddoc_desk.messaging.twilio import TwilioSender

LINK = "https://hub.example.be/c/" + "Tk3_-" * 9
PHONE = PhoneContact("+32470123456")
SENDER = SenderId("DrPeeters")
POLICY = RetryPolicy(base_delay=2.0, lookup_delay=5.0, jitter=lambda: 1.0)
SHORT = httpx.Timeout(5.0, read=1.0)  # a stalled fake: the client gives up after 1 s


@dataclass
class Rig:
    fake: FakeTwilio
    sms: TwilioSender
    time: FakeTime

    async def deliver(self, message: OutgoingMessage) -> Receipt:
        return await deliver(
            self.sms, message, POLICY, sleep=self.time.sleep, monotonic=self.time.monotonic
        )


@asynccontextmanager
async def rig(auth_token: str = TWILIO_TOKEN) -> AsyncIterator[Rig]:
    async with FakeTwilio() as fake, httpx.AsyncClient() as http:
        sms = TwilioSender(
            http, TWILIO_SID, auth_token, SENDER, base_url=fake.base_url, timeout=SHORT
        )
        yield Rig(fake, sms, FakeTime())


def sms(practice: str = "Cabinet “Saint-Hélène”") -> OutgoingMessage:
    return invitation("c42", PHONE, Language.FR, practice, LINK, idempotency_key="c42-1")


def ours(caplog: pytest.LogCaptureFixture) -> str:
    """The app's own log lines (the test servers log what they received)."""
    return "\n".join(r.getMessage() for r in caplog.records if r.name.startswith("tooddoc_desk"))


def assert_nothing_personal(text: str, message: OutgoingMessage) -> None:
    for secret in (PHONE.e164, "470123456", LINK, "Tk3_", message.body, "Saint-Hélène"):
        assert secret not in text


@async_test
async def test_send_speaks_the_messages_resource() -> None:
    async with rig() as r:
        message = sms()
        receipt = await r.sms.send(message)
        (request,) = r.fake.requests
        assert request.method == "POST"
        assert request.path == f"/2010-04-01/Accounts/{TWILIO_SID}/Messages.json"
        assert request.form == {"To": "+32470123456", "From": "DrPeeters", "Body": message.body}
        expected = base64.b64encode(f"{TWILIO_SID}:{TWILIO_TOKEN}".encode()).decode()
        assert request.authorization == f"Basic {expected}"
        (stored,) = r.fake.messages
        assert receipt.provider == "twilio"
        assert receipt.provider_id == stored["sid"]
        assert stored["body"].startswith('Cabinet "Saint-Hélène" vous invite')
        assert LINK in stored["body"]


@async_test
async def test_429_then_503_then_a_timeout_after_acceptance_ends_with_one_message(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async with rig() as r:
        r.fake.script(
            Reply(429, twilio_error(429, 20429, "Too Many Requests").body, {"Retry-After": "7"}),
            twilio_error(503, 20503, "Service Unavailable"),
            Step.ACCEPT_THEN_STALL,
        )
        message = sms()
        with caplog.at_level(logging.DEBUG, logger="tooddoc_desk"):
            receipt = await r.deliver(message)
        assert len(r.fake.messages) == 1  # exactly one message at the provider
        assert receipt.provider_id == r.fake.messages[0]["sid"]
        kinds = [(q.method, q.path.rsplit("/", 1)[-1]) for q in r.fake.requests]
        assert kinds == [("POST", "Messages.json")] * 3 + [("GET", "Messages.json")]
        lookup = r.fake.requests[-1]
        assert lookup.query["To"] == PHONE.e164
        assert r.time.sleeps == [7.0, 4.0, 5.0]  # Retry-After, back-off, settling before look-up
        assert "rate_limited" in ours(caplog)
        assert "ambiguous" in ours(caplog)
        assert_nothing_personal(ours(caplog), message)


@async_test
async def test_a_timeout_before_acceptance_is_looked_up_then_sent_again() -> None:
    async with rig() as r:
        r.fake.script(Step.STALL)
        receipt = await r.deliver(sms())
        assert len(r.fake.messages) == 1
        assert receipt.provider_id == r.fake.messages[0]["sid"]
        kinds = [q.method for q in r.fake.requests]
        assert kinds == ["POST", "GET", "POST"]


@async_test
async def test_find_recognises_the_message_by_its_link_among_others() -> None:
    async with rig() as r:
        other = invitation("c41", PHONE, Language.FR, "Cabinet", "https://hub.example.be/c/old")
        await r.sms.send(other)
        mine = sms()
        await r.sms.send(mine)
        found = await r.sms.find(mine)
        assert found is not None
        assert found.provider_id == r.fake.messages[1]["sid"]
        absent = invitation("c43", PHONE, Language.FR, "Cabinet", "https://hub.example.be/c/new")
        assert await r.sms.find(absent) is None


@async_test
async def test_status_follows_the_message() -> None:
    async with rig() as r:
        receipt = await r.sms.send(sms())
        assert isinstance(r.sms, StatusSource)
        assert isinstance(r.sms, Finder)
        assert await r.sms.status(receipt) is DeliveryStatus.SENT  # queued
        sid = r.fake.messages[0]["sid"]
        r.fake.set_status(sid, "sent")
        assert await r.sms.status(receipt) is DeliveryStatus.SENT
        r.fake.set_status(sid, "delivered")
        assert await r.sms.status(receipt) is DeliveryStatus.DELIVERED
        r.fake.set_status(sid, "undelivered", error_code=30003)
        assert await r.sms.status(receipt) is DeliveryStatus.FAILED
        gone = Receipt("c42", receipt.channel, "twilio", "SM" + "0" * 32)
        assert await r.sms.status(gone) is DeliveryStatus.UNKNOWN
        assert await r.sms.status(Receipt("c42", receipt.channel, "vonage", sid)) is (
            DeliveryStatus.UNKNOWN
        )


@async_test
async def test_reads_that_get_no_answer_are_passing_errors_never_ambiguous() -> None:
    async with rig() as r:
        message = sms()
        receipt = await r.sms.send(message)
        r.fake.stall_reads = True
        for read in (r.sms.status(receipt), r.sms.find(message)):
            with pytest.raises(DeliveryError) as raised:
                await read
            assert raised.value.transient
            assert raised.value.reason is Reason.TIMEOUT
            assert not isinstance(raised.value, Ambiguous)
        await r.fake.close()  # nobody answers any more
        with pytest.raises(DeliveryError) as refused:
            await r.sms.status(receipt)
        assert refused.value.reason is Reason.UNREACHABLE


@pytest.mark.parametrize(
    ("setup", "reason", "words"),
    [
        ("not_mobile", Reason.CANNOT_RECEIVE_SMS, "cannot receive SMS"),
        ("opted_out", Reason.OPTED_OUT, "STOP"),
        ("invalid", Reason.INVALID_NUMBER, "not valid"),
        ("wrong_token", Reason.CREDENTIALS, "account name, key or password"),
        ("unknown_code", Reason.REFUSED, "refused the message (code 21999)."),
    ],
)
@async_test
async def test_permanent_errors_reach_the_practitioner_at_once(
    setup: str, reason: Reason, words: str, caplog: pytest.LogCaptureFixture
) -> None:
    async with rig(auth_token="wrong" if setup == "wrong_token" else TWILIO_TOKEN) as r:
        if setup == "not_mobile":
            r.fake.not_mobile.add(PHONE.e164)
        elif setup == "opted_out":
            r.fake.opted_out.add(PHONE.e164)
        elif setup == "invalid":  # Twilio's own text repeats the number
            r.fake.script(
                twilio_error(
                    400, 21211, f"The 'To' number {PHONE.e164} is not a valid phone number."
                )
            )
        elif setup == "unknown_code":
            r.fake.script(twilio_error(400, 21999, f"Something about {PHONE.e164}"))
        message = sms()
        with (
            caplog.at_level(logging.DEBUG, logger="tooddoc_desk"),
            pytest.raises(DeliveryError) as raised,
        ):
            await r.deliver(message)
        error = raised.value
        assert error.reason is reason
        assert not error.transient
        assert words in error.message
        assert len(r.fake.requests) == 1  # not retried
        assert r.fake.messages == []
        assert_nothing_personal(error.message + repr(error) + str(error), message)
        assert_nothing_personal(ours(caplog), message)
        assert error.__cause__ is None
        assert error.__context__ is None or error.__suppress_context__


@async_test
async def test_retry_after_as_an_http_date_is_honoured() -> None:
    when = format_datetime(datetime.now(UTC) + timedelta(seconds=40), usegmt=True)
    async with rig() as r:
        r.fake.script(Reply(429, None, {"Retry-After": when}))
        await r.deliver(sms())
        assert len(r.fake.messages) == 1
        (waited,) = r.time.sleeps
        assert 35.0 <= waited <= 40.0


@async_test
async def test_plain_http_is_refused_except_to_this_machine() -> None:
    async with httpx.AsyncClient() as http:
        with pytest.raises(ValueError, match="https"):
            TwilioSender(http, TWILIO_SID, TWILIO_TOKEN, SENDER, base_url="http://api.twilio.com")
        with pytest.raises(ValueError, match="SID"):
            TwilioSender(http, "AC123", TWILIO_TOKEN, SENDER)
        assert TWILIO_TOKEN not in repr(TwilioSender(http, TWILIO_SID, TWILIO_TOKEN, SENDER))


@async_test
async def test_a_success_that_is_not_the_apis_answer_is_ambiguous() -> None:
    async with rig() as r:
        r.fake.script(Reply(201, {"unexpected": True}))
        with pytest.raises(Ambiguous):
            await r.sms.send(sms())


@async_test
async def test_status_never_puts_a_strange_id_in_the_url() -> None:
    async with rig() as r:
        odd = Receipt("c42", sms().channel, "twilio", "../../Calls")
        assert await r.sms.status(odd) is DeliveryStatus.UNKNOWN
        assert r.fake.requests == []
