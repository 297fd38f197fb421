"""The consultation service against a real hub and a real encrypted store: what happens when the
hub is down, when the invite cannot be delivered, when a link is withdrawn, after a crash."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest

from tests.helpers.aio import async_test
from tests.helpers.storage import make_consultation
from tests.integration.services.rig import PATIENT, patient_hello, rig
from tooddoc_desk.core.clock import SystemClock
from tooddoc_desk.core.consultation import State
from tooddoc_desk.core.delivery import DeliveryState, Invite
from tooddoc_desk.core.language import Language
from tooddoc_desk.messaging.dev_outbox import DevOutbox
from tooddoc_desk.messaging.message import OutgoingMessage, Receipt
from tooddoc_desk.messaging.sender import DeliveryError
from tooddoc_desk.services.consultations import HUB_DOWN
from tooddoc_desk.services.events import ConsultationChanged, Problem
from tooddoc_desk.storage.outbox import Letter

pytestmark = pytest.mark.usefixtures("loopback_only")


class RefusingSender:
    """A provider that refuses the number (as an SMS gateway does for an unreachable one)."""

    async def send(self, message: OutgoingMessage) -> Receipt:
        raise DeliveryError("This number cannot receive text messages.", transient=False)


@async_test
async def test_a_hub_that_does_not_answer_fails_the_consultation_clearly(tmp_path: Path) -> None:
    async with rig(tmp_path, DevOutbox(), hub_url="http://127.0.0.1:9") as r:
        consultation = await r.service.invite(PATIENT, Language.FR, SystemClock().now())
        assert consultation.state is State.FAILED
        problem = await r.events.wait_for(Problem)
        assert problem.message == HUB_DOWN
        assert problem.consultation_id == consultation.id
        stored = r.store.consultations.get(consultation.id)
        assert stored.state is State.FAILED
        assert stored.end_reason == "hub_unavailable"


@async_test
async def test_a_refused_invite_fails_and_its_link_stops_working(tmp_path: Path) -> None:
    async with rig(tmp_path, RefusingSender()) as r:
        consultation = await r.service.invite(PATIENT, Language.NL, SystemClock().now())
        assert consultation.state is State.DRAFT  # written to the outbox; the loop sends it
        problem = await r.events.wait_for(Problem)
        assert problem.message == "This number cannot receive text messages."
        assert problem.consultation_id == consultation.id
        assert r.store.consultations.get(consultation.id).end_reason == "not_delivered"
        (invite,) = r.store.outbox.for_consultation(consultation.id)
        assert invite.state is DeliveryState.FAILED
        assert consultation.link is not None
        answer = await patient_hello(r, consultation.link)
        assert answer["type"] == "error"
        assert answer["code"] == "invalid_link"


@async_test
async def test_withdrawing_a_link_cancels_the_consultation(tmp_path: Path) -> None:
    outbox = DevOutbox()
    async with rig(tmp_path, outbox) as r:
        consultation = await r.invited(PATIENT, Language.EN)
        assert consultation.state is State.INVITED
        assert outbox.messages[0].to == PATIENT
        assert consultation.link is not None
        assert (await patient_hello(r, consultation.link))["type"] == "welcome"
        await r.events.wait_for_count(ConsultationChanged, 3)  # draft, invited, opened

        await r.service.withdraw(consultation.id)
        stored = r.store.consultations.get(consultation.id)
        assert [t.state for t in stored.history][-1] is State.CANCELLED
        answer = await patient_hello(r, consultation.link)
        assert answer["code"] == "invalid_link"


@async_test
async def test_after_a_crash_open_calls_are_interrupted_and_dead_links_expired(
    tmp_path: Path,
) -> None:
    async with rig(tmp_path, DevOutbox()) as r:
        now = SystemClock().now()
        in_call = make_consultation(created_at=now - timedelta(minutes=20), until=State.IN_CALL)
        invited = make_consultation(created_at=now - timedelta(minutes=5), until=State.INVITED)
        drafted = make_consultation(created_at=now - timedelta(minutes=3), until=State.DRAFT)
        ended = make_consultation(created_at=now - timedelta(hours=2), until=State.ENDED)
        booked = make_consultation(created_at=now - timedelta(hours=1), until=State.DRAFT)
        booked.scheduled_for = now + timedelta(hours=3)
        for consultation in (in_call, invited, drafted, ended, booked):
            r.store.consultations.add(consultation)
        retrying = Invite(drafted.id, "sms", now + timedelta(minutes=1), now)
        r.store.outbox.add(retrying, Letter(None, "Cabinet: https://hub/c/x"))

        assert r.service.recover_after_restart() == []

        assert r.store.consultations.get(in_call.id).state is State.INTERRUPTED
        assert r.store.consultations.get(invited.id).state is State.EXPIRED
        assert r.store.consultations.get(drafted.id).state is State.FAILED
        assert r.store.consultations.get(ended.id).state is State.ENDED
        assert r.store.consultations.get(booked.id).state is State.DRAFT  # the scheduler's
        # the room died with the app: an invite waiting for another try must not leave
        assert r.store.outbox.get(retrying.id).state is DeliveryState.CANCELLED
