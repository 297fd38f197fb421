"""The consultation service with the real hub and the real Session: a link opened on a second
device, and a link that stops working when its consultation ends without a `bye`."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.helpers.aio import async_test, until
from tests.helpers.hub import signaling
from tests.helpers.patient_peer import PatientPeer
from tests.integration.services.rig import PATIENT, Rig, rig, token_of
from tooddoc_desk.calls import events as call_events
from tooddoc_desk.calls.hub_signaling import HubSignaling
from tooddoc_desk.core.consultation import Consultation, State
from tooddoc_desk.core.language import Language
from tooddoc_desk.messaging.dev_outbox import DevOutbox
from tooddoc_desk.services.consultations import DEVICE_GONE
from tooddoc_desk.services.events import (
    CallFinished,
    CallStarted,
    ConsultationChanged,
    PatientArrived,
    Problem,
    SecondDeviceWaiting,
)

pytestmark = pytest.mark.usefixtures("loopback_only")

PHONE = "0123456789abcdef0123456789abcdef"
LAPTOP = "fedcba9876543210fedcba9876543210"


async def invited(r: Rig) -> Consultation:
    consultation = await r.invited(PATIENT, Language.FR)
    assert consultation.state is State.INVITED
    return consultation


@async_test
async def test_the_practitioner_lets_the_second_device_in(tmp_path: Path) -> None:
    async with rig(tmp_path, DevOutbox()) as r:
        consultation = await invited(r)
        token = token_of(consultation.link)
        async with (
            signaling(r.websockets, r.hub) as phone,
            signaling(r.websockets, r.hub) as laptop,
        ):
            await phone.hello("patient", token, PHONE)
            await phone.send({"type": "join"})
            await r.events.wait_for(PatientArrived)

            assert (await laptop.hello("patient", token, LAPTOP))["device_held"] is True
            waiting = await r.events.wait_for(SecondDeviceWaiting)
            assert waiting == SecondDeviceWaiting(consultation.id)

            await r.service.decide_device(consultation.id, True)
            assert await laptop.receive() == {"type": "device_accepted"}
            assert await phone.receive() == {"type": "closed", "reason": "moved"}
            assert await phone.closed() == 4409

            # the consultation goes on with the laptop, through the waiting room
            await laptop.send({"type": "join"})
            await r.events.wait_for_count(PatientArrived, 2)
            assert r.service.get(consultation.id).state is State.WAITING


@async_test
async def test_the_practitioner_keeps_the_first_device(tmp_path: Path) -> None:
    async with rig(tmp_path, DevOutbox()) as r:
        consultation = await invited(r)
        token = token_of(consultation.link)
        async with (
            signaling(r.websockets, r.hub) as phone,
            signaling(r.websockets, r.hub) as laptop,
        ):
            await phone.hello("patient", token, PHONE)
            await laptop.hello("patient", token, LAPTOP)
            await r.events.wait_for(SecondDeviceWaiting)
            await r.service.decide_device(consultation.id, False)
            messages, code = await laptop.drain_until_closed()
            assert messages == [{"type": "closed", "reason": "refused"}]
            assert code == 4403
            await phone.send({"type": "join"})  # the first device goes on
            await r.events.wait_for(PatientArrived)
        await r.service.decide_device("no-such-consultation", True)  # nothing to decide: fine


@async_test
async def test_a_session_lost_without_bye_closes_the_link(tmp_path: Path) -> None:
    async with rig(tmp_path, DevOutbox()) as r:
        consultation = await invited(r)
        [invite] = r.rooms.invites
        async with signaling(r.websockets, r.hub) as patient:
            await patient.hello("patient", token_of(consultation.link), PHONE)
            await r.events.wait_for_count(ConsultationChanged, 3)  # draft, invited, opened
            # someone else says hello with the practitioner's token: the app's own connection
            # is replaced (4409), its session ends as hub_lost without a bye
            async with signaling(r.websockets, r.hub) as intruder:
                await intruder.hello("practitioner", invite.practitioner_token)
                # the service closes the room: the link ends with the consultation
                assert await patient.receive() == {"type": "closed", "reason": "cancelled"}
                assert await patient.closed() == 1000
        stored = r.store.consultations.get(consultation.id)
        assert stored.state is State.FAILED
        assert stored.end_reason == "hub_lost"
        async with signaling(r.websockets, r.hub) as again:
            answer = await again.hello("patient", token_of(consultation.link), PHONE)
            assert answer["code"] == "invalid_link"


@async_test
async def test_a_decision_about_a_device_that_went_away_changes_nothing(tmp_path: Path) -> None:
    async with rig(tmp_path, DevOutbox()) as r:
        consultation = await invited(r)
        token = token_of(consultation.link)
        async with signaling(r.websockets, r.hub) as phone:
            await phone.hello("patient", token, PHONE)
            await phone.send({"type": "join"})
            await r.events.wait_for(PatientArrived)
            async with signaling(r.websockets, r.hub) as laptop:
                await laptop.hello("patient", token, LAPTOP)
                await r.events.wait_for(SecondDeviceWaiting)
            # the laptop's tab was closed before the practitioner answered
            await r.service.decide_device(consultation.id, True)
            await phone.assert_nothing_pending()  # the first device was not moved away
            assert r.service.get(consultation.id).state is State.WAITING


@async_test
async def test_letting_in_a_device_that_went_away_keeps_the_call(tmp_path: Path) -> None:
    async with rig(tmp_path, DevOutbox()) as r:
        consultation = await invited(r)
        signaling_, _ = await HubSignaling.connect(
            r.websockets, r.hub.base_url, token_of(consultation.link), role="patient"
        )
        patient = PatientPeer(signaling_)
        try:
            patient.listen()
            await patient.join(via_hub=True)
            await r.events.wait_for(PatientArrived)
            await r.service.admit(consultation.id)
            await r.events.wait_for(CallStarted, 20)
            async with signaling(r.websockets, r.hub) as laptop:
                await laptop.hello("patient", token_of(consultation.link), LAPTOP)
                await r.events.wait_for(SecondDeviceWaiting)
            # the laptop's tab was closed; the hub says so (second_device_left)
            session = r.service.session(consultation.id)
            assert session is not None
            await until(lambda: not session.device_pending, "the engine to hear it", 3)
            await r.service.decide_device(consultation.id, True)  # too late: it has gone
            problem = await r.events.wait_for(Problem, 5)
            assert problem.message == DEVICE_GONE
            assert r.events.of(call_events.CallInterrupted) == []
            assert r.service.get(consultation.id).state is State.IN_CALL
        finally:
            await patient.close()


@async_test
async def test_a_patient_who_hangs_up_before_the_call_connects_lets_the_call_view_go(
    tmp_path: Path,
) -> None:
    async with rig(tmp_path, DevOutbox()) as r:
        consultation = await invited(r)
        signaling_, _ = await HubSignaling.connect(
            r.websockets, r.hub.base_url, token_of(consultation.link), role="patient"
        )
        patient = PatientPeer(signaling_)  # not listening: it never takes the answer
        try:
            await patient.join(via_hub=True)
            await r.events.wait_for(PatientArrived)
            await r.service.admit(consultation.id)
            await patient.hang_up()
            finished = await r.events.wait_for(CallFinished, 10)
            assert finished.consultation_id == consultation.id
            assert r.events.of(CallStarted) == []
            assert r.service.get(consultation.id).state is not State.IN_CALL
        finally:
            await patient.close()
