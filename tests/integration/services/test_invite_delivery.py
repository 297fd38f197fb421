"""The outbox in the consultation's flow, with real parts: the consultation service and its
delivery loop, a real hub on loopback, an encrypted store, and loopback servers that speak
Twilio's and Vonage's wire formats through the real httpx clients.

    invite sent / delivered   → the consultation is `invited`
    invite failed             → a Problem in the invite's words; the consultation `failed`, its
                                room closed (the link stops working)
    invite unknown            → a Problem: it may or may not have arrived; the room stays open
                                until the person resends or withdraws
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path

import httpx
import pytest

from tests.helpers.aio import async_test
from tests.helpers.sms_providers import (
    TWILIO_SID,
    TWILIO_TOKEN,
    VONAGE_KEY,
    VONAGE_SECRET,
    FakeTwilio,
    FakeVonage,
    Step,
    twilio_error,
)
from tests.integration.services.rig import PATIENT, Rig, patient_hello, rig
from tooddoc_desk.core.clock import SystemClock
from tooddoc_desk.core.consultation import State
from tooddoc_desk.core.delivery import DeliveryState
from tooddoc_desk.core.language import Language
from tooddoc_desk.messaging.message import SenderId
from tooddoc_desk.messaging.twilio import TwilioSender
from tooddoc_desk.messaging.vonage import VonageSender
from tooddoc_desk.services.events import ConsultationChanged, InviteChanged

pytestmark = pytest.mark.usefixtures("loopback_only")

SENDER = SenderId("DrPeeters")
SHORT = httpx.Timeout(5.0, read=1.0)  # a stalled provider: the client gives up after 1 s


@asynccontextmanager
async def with_twilio(
    tmp_path: Path, *, running: bool = True
) -> AsyncIterator[tuple[Rig, FakeTwilio]]:
    async with FakeTwilio() as fake, httpx.AsyncClient() as http:
        sender = TwilioSender(
            http, TWILIO_SID, TWILIO_TOKEN, SENDER, base_url=fake.base_url, timeout=SHORT
        )
        async with rig(tmp_path, sender, running=running) as r:
            yield r, fake


@asynccontextmanager
async def with_vonage(tmp_path: Path) -> AsyncIterator[tuple[Rig, FakeVonage]]:
    async with FakeVonage() as fake, httpx.AsyncClient() as http:
        sender = VonageSender(
            http, VONAGE_KEY, VONAGE_SECRET, SENDER, base_url=fake.base_url, timeout=SHORT
        )
        async with rig(tmp_path, sender) as r:
            yield r, fake


@async_test
async def test_the_invite_is_written_down_then_sent_and_the_consultation_is_invited(
    tmp_path: Path,
) -> None:
    async with with_twilio(tmp_path) as (r, fake):
        consultation = await r.service.invite(PATIENT, Language.FR, SystemClock().now())
        assert consultation.state is State.DRAFT
        sent = await r.invite_reaches(consultation.id, DeliveryState.SENT)
        assert sent.provider == "twilio"
        assert sent.provider_id == fake.messages[0]["sid"]
        assert r.service.get(consultation.id).state is State.INVITED
        (message,) = fake.messages
        assert message["to"] == PATIENT.e164
        assert consultation.link is not None
        assert consultation.link in message["body"]
        states = [
            event.invite.state
            for event in r.events.of(InviteChanged)
            if event.invite.consultation_id == consultation.id
        ]
        assert states == [DeliveryState.PENDING, DeliveryState.SENDING, DeliveryState.SENT]
        # the invite was in the store before anything left
        changes = r.events.kinds()
        assert changes.index(InviteChanged) < changes.index(ConsultationChanged, 1)


@async_test
async def test_a_passing_failure_is_tried_again_and_sends_once(tmp_path: Path) -> None:
    async with with_twilio(tmp_path) as (r, fake):
        fake.script(twilio_error(503, 20503, "Service Unavailable"))
        consultation = await r.service.invite(PATIENT, Language.NL, SystemClock().now())
        retrying = await r.invite_reaches(consultation.id, DeliveryState.PENDING)
        await r.invite_reaches(consultation.id, DeliveryState.SENT)
        assert retrying.state is DeliveryState.PENDING
        assert len(fake.messages) == 1
        assert r.service.get(consultation.id).state is State.INVITED


@async_test
async def test_a_refused_number_fails_the_consultation_and_closes_its_room(
    tmp_path: Path,
) -> None:
    async with with_twilio(tmp_path) as (r, fake):
        fake.not_mobile.add(PATIENT.e164)
        consultation = await r.service.invite(PATIENT, Language.FR, SystemClock().now())
        problem = await r.problem_for(consultation.id)
        assert "cannot receive SMS" in problem.message
        assert PATIENT.e164 not in problem.message
        stored = r.store.consultations.get(consultation.id)
        assert (stored.state, stored.end_reason) == (State.FAILED, "not_delivered")
        assert consultation.link is not None
        assert (await patient_hello(r, consultation.link))["code"] == "invalid_link"


@async_test
async def test_an_unknown_invite_keeps_the_room_and_waits_for_the_person(tmp_path: Path) -> None:
    async with with_vonage(tmp_path) as (r, fake):
        fake.script(Step.ACCEPT_THEN_STALL)  # Vonage took it, the answer never came
        consultation = await r.service.invite(PATIENT, Language.EN, SystemClock().now())
        unknown = await r.invite_reaches(consultation.id, DeliveryState.UNKNOWN)
        problem = await r.problem_for(consultation.id)
        assert problem.message.startswith("The link may or may not have reached the patient")
        assert "Resend or Withdraw" in problem.message
        assert r.service.get(consultation.id).state is State.DRAFT
        assert consultation.link is not None
        assert (await patient_hello(r, consultation.link))["type"] == "welcome"  # still open
        assert len(fake.messages) == 1

        await r.service.resend(consultation.id)  # the patient says nothing came
        again = await r.invite_reaches(consultation.id, DeliveryState.SENT)
        assert again.id == unknown.id  # the same invite, the same link
        assert len(fake.messages) == 2
        assert r.service.get(consultation.id).state is State.OPENED  # (the hello above)


@async_test
async def test_withdrawing_before_the_invite_leaves_sends_nothing(tmp_path: Path) -> None:
    async with with_twilio(tmp_path, running=False) as (r, fake):
        consultation = await r.service.invite(PATIENT, Language.FR, SystemClock().now())
        await r.service.withdraw(consultation.id)
        (invite,) = r.store.outbox.for_consultation(consultation.id)
        assert invite.state is DeliveryState.CANCELLED
        assert r.store.consultations.get(consultation.id).state is State.CANCELLED
        await r.delivery.send_due()
        assert fake.requests == []
        assert consultation.link is not None
        assert (await patient_hello(r, consultation.link))["code"] == "invalid_link"


@async_test
async def test_an_invite_whose_consultation_ended_is_not_sent(tmp_path: Path) -> None:
    async with with_twilio(tmp_path, running=False) as (r, fake):
        consultation = await r.service.invite(PATIENT, Language.FR, SystemClock().now())
        await r.service.cancel(consultation.id)  # the room closes; the invite must not leave
        await r.delivery.send_due()
        assert fake.requests == []
        assert r.store.outbox.for_consultation(consultation.id)[0].state is DeliveryState.CANCELLED


@async_test
async def test_a_sent_invite_can_be_sent_again_as_a_new_copy(tmp_path: Path) -> None:
    async with with_twilio(tmp_path) as (r, fake):
        consultation = await r.invited()
        await r.service.resend(consultation.id)
        await r.events.wait_for_count(InviteChanged, 6)  # pending, sending, sent, twice
        first, second = r.store.outbox.for_consultation(consultation.id)
        assert first.id != second.id
        assert first.idempotency_key != second.idempotency_key
        assert second.state is DeliveryState.SENT
        assert fake.messages[0]["body"] == fake.messages[1]["body"]


@async_test
async def test_resending_a_failed_consultation_starts_a_new_one(tmp_path: Path) -> None:
    async with with_twilio(tmp_path) as (r, fake):
        fake.script(twilio_error(400, 21614, "not a mobile number"))
        failed = await r.service.invite(PATIENT, Language.DE, SystemClock().now())
        await r.problem_for(failed.id)
        await r.service.resend(failed.id)
        created = await r.events.wait_for_match(
            ConsultationChanged,
            lambda event: (
                event.consultation.id != failed.id and event.consultation.state is State.INVITED
            ),
        )
        fresh = created.consultation
        assert (fresh.contact, fresh.language) == (PATIENT, Language.DE)
        assert fresh.requested_at == failed.requested_at  # the same phone call
        assert fresh.link != failed.link
        assert r.store.consultations.get(failed.id).state is State.FAILED


@async_test
async def test_status_polling_marks_invites_delivered_or_failed(tmp_path: Path) -> None:
    async with with_twilio(tmp_path) as (r, fake):
        reached = await r.invited()
        lost = await r.invited()
        sids = {m["body"]: m["sid"] for m in fake.messages}
        assert reached.link is not None
        assert lost.link is not None
        fake.set_status(next(s for b, s in sids.items() if reached.link in b), "delivered")
        fake.set_status(next(s for b, s in sids.items() if lost.link in b), "undelivered", 30003)

        moved = await r.delivery.statuses.poll()

        assert {invite.state for invite in moved} == {
            DeliveryState.DELIVERED,
            DeliveryState.FAILED,
        }
        await r.invite_reaches(reached.id, DeliveryState.DELIVERED)
        assert r.service.get(reached.id).state is State.INVITED
        problem = await r.problem_for(lost.id)
        assert "could not deliver the SMS" in problem.message
        assert r.store.consultations.get(lost.id).state is State.FAILED
        assert (await patient_hello(r, lost.link))["code"] == "invalid_link"
        assert await r.delivery.statuses.poll() == []  # nothing left to follow
