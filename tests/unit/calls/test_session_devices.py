"""One patient device per room, the Session's side: the hub's `second_device`, the
practitioner's decision, and a consultation that moves to the new device."""

from __future__ import annotations

import asyncio

import pytest

from tests.helpers.aio import Counter, Recorder, run
from tests.helpers.patient_peer import PatientPeer
from tooddoc_desk.calls.events import (
    CallConnected,
    CallEnded,
    CallInterrupted,
    CallPrepared,
    EndReason,
    PatientOpened,
    PatientWaiting,
    SecondDevice,
    SecondDeviceLeft,
    StreamDestroyed,
)
from tooddoc_desk.calls.publisher import Publisher
from tooddoc_desk.calls.session import Session
from tooddoc_desk.calls.session_state import SessionState, SessionStateError
from tooddoc_desk.calls.signaling import MemorySignaling, memory_pair

pytestmark = pytest.mark.usefixtures("loopback_only")


def open_session(
    events: Recorder, delivered: Counter | None = None
) -> tuple[Session, MemorySignaling, MemorySignaling]:
    practitioner_end, hub_end = memory_pair()
    session = Session(practitioner_end, [], Publisher.generated(), events, video_sink=delivered)
    session.start()
    return session, practitioner_end, hub_end


def test_a_second_device_is_announced_and_can_be_turned_away() -> None:
    async def scenario() -> None:
        events = Recorder()
        session, practitioner_end, hub_end = open_session(events)
        with pytest.raises(SessionStateError) as raised:
            await session.decide_device(True)
        assert raised.value.code == "no_second_device"

        await hub_end.send({"type": "second_device"})
        await events.wait_for(SecondDevice)
        await session.decide_device(False)
        assert practitioner_end.sent == [{"type": "device_decision", "accept": False}]
        assert not session.device_pending
        with pytest.raises(SessionStateError):  # decided: nothing is waiting any more
            await session.decide_device(False)
        await session.hang_up()
        assert events.items[-1] == CallEnded(EndReason.PRACTITIONER_HUNG_UP)

    run(scenario)


def test_refusing_the_second_device_leaves_the_call_alone() -> None:
    async def scenario() -> None:
        events, delivered = Recorder(), Counter()
        session, practitioner_end, hub_end = open_session(events, delivered)
        patient = PatientPeer(hub_end)
        patient.listen()
        await patient.join()
        await events.wait_for(CallPrepared)
        await session.admit()
        await events.wait_for(CallConnected)
        await hub_end.send({"type": "second_device"})
        await events.wait_for(SecondDevice)
        await session.decide_device(False)
        await delivered.reached(delivered.count + 5)
        assert session.state is SessionState.CONNECTED
        assert events.of(StreamDestroyed) == []
        assert practitioner_end.sent[-1] == {"type": "device_decision", "accept": False}
        await session.hang_up()
        await patient.close()

    run(scenario)


def test_a_call_moves_to_the_accepted_device_and_goes_on_there() -> None:
    async def scenario() -> None:
        events, delivered = Recorder(), Counter()
        session, practitioner_end, hub_end = open_session(events, delivered)
        phone = PatientPeer(hub_end)
        phone.listen()
        await phone.join()
        await events.wait_for(CallPrepared)
        await session.admit()
        await events.wait_for(CallConnected)
        async with asyncio.timeout(10):
            await phone.got_frames.wait()

        await hub_end.send({"type": "second_device"})
        await events.wait_for(SecondDevice)
        await session.decide_device(True)
        assert session.state is SessionState.CONNECTED  # until the hub says the device moved
        await phone.close(keep_signaling=True)  # the hub closed it: `closed` `moved`

        # the laptop was let in: a new patient session (no patient_left for the phone); the
        # phone's connection is let go, as for a patient who left
        laptop = PatientPeer(hub_end)
        laptop.listen()
        await laptop.join()  # patient_opened, patient_waiting, offer, candidates
        await events.wait_for(CallInterrupted)
        await events.wait_for_count(PatientWaiting, 2)
        await events.wait_for_count(CallConnected, 2)
        async with asyncio.timeout(10):
            await laptop.got_frames.wait()
        await delivered.reached(delivered.count + 5)
        assert [m["type"] for m in practitioner_end.sent] == [
            "admit",
            "answer",
            "device_decision",
            "admit",  # let in again without the practitioner's click, as a returning patient
            "answer",
        ]
        await session.hang_up()
        await laptop.close()

    run(scenario)


def test_a_device_accepted_before_admission_waits_to_be_admitted() -> None:
    async def scenario() -> None:
        events = Recorder()
        session, practitioner_end, hub_end = open_session(events)
        first = PatientPeer(hub_end)
        await first.join()
        await events.wait_for(CallPrepared)
        await hub_end.send({"type": "second_device"})
        await events.wait_for(SecondDevice)
        await session.decide_device(True)
        await first.close(keep_signaling=True)

        second = PatientPeer(hub_end)
        second.listen()
        await hub_end.send({"type": "patient_opened"})  # the hub: the second device's session
        await events.wait_for_count(PatientOpened, 2)
        assert session.peer is None  # the first device's prepared answer is void
        assert session.state is SessionState.WAITING
        assert not session.patient_waiting
        with pytest.raises(SessionStateError):
            await session.admit()  # the new device has not joined yet
        assert events.of(CallInterrupted) == []
        await second.join()
        await events.wait_for_count(CallPrepared, 2)
        assert [m["type"] for m in practitioner_end.sent] == ["device_decision"]
        await session.admit()
        await events.wait_for(CallConnected)
        await session.hang_up()
        await second.close()

    run(scenario)


def test_a_second_device_that_left_is_no_longer_decided_on_even_if_the_answer_crossed() -> None:
    async def scenario() -> None:
        events, delivered = Recorder(), Counter()
        session, _, hub_end = open_session(events, delivered)
        patient = PatientPeer(hub_end)
        patient.listen()
        await patient.join()
        await events.wait_for(CallPrepared)
        await session.admit()
        await events.wait_for(CallConnected)

        await hub_end.send({"type": "second_device"})
        await hub_end.send({"type": "second_device_left"})
        await events.wait_for(SecondDeviceLeft)
        with pytest.raises(SessionStateError) as raised:
            await session.decide_device(True)
        assert raised.value.code == "no_second_device"

        # the decision crossed the hub's word on the way: the hub ignores it, the call stays
        await hub_end.send({"type": "second_device"})
        await events.wait_for_count(SecondDevice, 2)
        await session.decide_device(True)
        await hub_end.send({"type": "second_device_left"})
        await events.wait_for_count(SecondDeviceLeft, 2)
        await delivered.reached(delivered.count + 5)
        assert session.state is SessionState.CONNECTED
        assert events.of(CallInterrupted) == []
        await hub_end.send({"type": "patient_opened"})  # a later reload is only a reload
        await events.wait_for_count(PatientOpened, 2)
        assert session.peer is not None
        await session.hang_up()
        await patient.close()

    run(scenario)
