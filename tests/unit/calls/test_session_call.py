"""A whole call between the Session and a scripted aiortc patient, over in-memory signaling."""

from __future__ import annotations

import asyncio

import aioice.ice
import pytest

from tests.helpers.aio import Counter, Recorder, run
from tests.helpers.patient_peer import PatientPeer
from tooddoc_desk.calls import session as session_module
from tooddoc_desk.calls.events import (
    CallConnected,
    CallConnecting,
    CallEnded,
    CallInterrupted,
    CallPrepared,
    CallReconnected,
    CallReconnecting,
    EndReason,
    PatientOpened,
    PatientWaiting,
    StreamCreated,
    StreamDestroyed,
    StreamKind,
)
from tooddoc_desk.calls.frame_types import RgbFrame
from tooddoc_desk.calls.publisher import Publisher
from tooddoc_desk.calls.session import Session
from tooddoc_desk.calls.session_state import SessionState
from tooddoc_desk.calls.signaling import MemorySignaling, memory_pair

pytestmark = pytest.mark.usefixtures("loopback_only")


def open_session(
    events: Recorder, sink: Counter | None = None
) -> tuple[Session, MemorySignaling, PatientPeer]:
    practitioner_end, patient_end = memory_pair()
    session = Session(practitioner_end, [], Publisher.generated(), events, video_sink=sink)
    session.start()
    return session, practitioner_end, PatientPeer(patient_end)


async def admitted_call(
    events: Recorder, sink: Counter | None = None
) -> tuple[Session, MemorySignaling, PatientPeer]:
    session, practitioner_end, patient = open_session(events, sink)
    patient.listen()
    await patient.join()
    await events.wait_for(CallPrepared)
    await session.admit()
    await events.wait_for(CallConnected)
    return session, practitioner_end, patient


def test_nothing_reaches_the_patient_before_admit_then_media_flows_both_ways() -> None:
    async def scenario() -> None:
        events, delivered = Recorder(), Counter()
        session, practitioner_end, patient = open_session(events, delivered)
        await patient.join()
        await events.wait_for(CallPrepared)
        assert session.peer is not None
        async with asyncio.timeout(5):
            await session.peer.candidates_done.wait()
        assert session.peer.candidates_applied >= 1

        # prepared, every trickled candidate applied: still nothing sent, no ICE check started
        assert practitioner_end.sent == []
        assert session.peer.ice_states() == ["new"]
        assert patient.heard_from_practitioner_at() is None
        assert session.state is SessionState.PREPARED

        patient.listen()
        await session.admit()
        assert [m["type"] for m in practitioner_end.sent] == ["admit", "answer"]
        assert "a=candidate:" in practitioner_end.sent[1]["sdp"]
        connected = await events.wait_for(CallConnected)
        assert 0 < connected.since_admit < 5
        assert session.admitted_at is not None
        heard_at = patient.heard_from_practitioner_at()
        assert heard_at is not None
        assert heard_at >= session.admitted_at

        await delivered.reached(10)
        frame = delivered.last
        assert isinstance(frame, RgbFrame)
        assert (frame.width, frame.height) == (640, 480)
        async with asyncio.timeout(10):
            await patient.got_frames.wait()
        assert patient.audio_level > 0.01  # the tone reached the patient
        created = {e.kind for e in events.of(StreamCreated)}
        assert created == {StreamKind.VIDEO, StreamKind.AUDIO}

        stats = await session.stats()
        assert stats.video_frames_delivered >= 10
        assert stats.video_frames_sent > 0
        assert stats.audio_frames_received > 0
        assert stats.bytes_sent > 0
        assert stats.bytes_received > 0
        assert stats.admit_to_first_video is not None
        assert stats.admit_to_first_video > 0

        await session.hang_up()
        assert practitioner_end.sent[-1] == {"type": "bye"}
        async with asyncio.timeout(5):
            await patient.closed.wait()  # our DTLS close reached the patient's side
        await patient.wait_message("bye")
        assert events.of(CallEnded) == [CallEnded(EndReason.PRACTITIONER_HUNG_UP)]
        assert events.items[-1] == CallEnded(EndReason.PRACTITIONER_HUNG_UP)
        assert {e.kind for e in events.of(StreamDestroyed)} == {StreamKind.VIDEO, StreamKind.AUDIO}
        kinds = events.kinds()
        assert kinds.index(PatientOpened) < kinds.index(PatientWaiting) < kinds.index(CallPrepared)
        assert kinds.index(CallPrepared) < kinds.index(CallConnecting) < kinds.index(CallConnected)
        await patient.close()

    run(scenario)


def test_the_patient_hanging_up_ends_the_call() -> None:
    async def scenario() -> None:
        events = Recorder()
        session, practitioner_end, patient = await admitted_call(events)
        await patient.hang_up()
        ended = await events.wait_for(CallEnded)
        assert ended.reason is EndReason.PATIENT_HUNG_UP
        assert session.state is SessionState.ENDED
        assert session.peer is None
        assert practitioner_end.sent[-1]["type"] == "answer"  # no bye back: the room is closed
        await patient.close()

    run(scenario)


def test_a_failed_connection_ends_the_call_for_network(monkeypatch: pytest.MonkeyPatch) -> None:
    # consent freshness (RFC 7675) notices the silence; shortened from 5 s x 6 for the test
    monkeypatch.setattr(aioice.ice, "CONSENT_INTERVAL", 0.2)
    monkeypatch.setattr(aioice.ice, "CONSENT_FAILURES", 2)
    monkeypatch.setattr(session_module, "BYE_GRACE_SECONDS", 0.1)
    monkeypatch.setattr(session_module, "RECONNECT_SECONDS", 0.5)

    async def scenario() -> None:
        events = Recorder()
        _, _, patient = await admitted_call(events)
        patient.cut_network()  # the patient's page stays on the hub but never offers again
        ended = await events.wait_for(CallEnded, limit=10)
        assert ended.reason is EndReason.NETWORK
        assert events.items[-1] == ended
        kinds = events.kinds()
        assert kinds.index(CallReconnecting) < kinds.index(CallEnded)
        assert events.of(CallReconnected) == []
        await patient.close()

    run(scenario)


def test_a_patient_who_reloads_the_page_during_the_call_is_let_back_in(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(session_module, "BYE_GRACE_SECONDS", 0.1)

    async def scenario() -> None:
        events, delivered = Recorder(), Counter()
        session, practitioner_end, first = await admitted_call(events, delivered)
        async with asyncio.timeout(10):
            await first.got_frames.wait()
        await first.close(keep_signaling=True)  # the page goes away, without a bye
        await first.signaling.send({"type": "patient_left"})
        await events.wait_for(CallInterrupted)
        assert session.state is SessionState.WAITING
        assert session.admitted

        second = PatientPeer(first.signaling)  # the reloaded page, same link
        second.listen()
        await second.join()
        await events.wait_for_count(CallConnected, 2)
        async with asyncio.timeout(10):
            await second.got_frames.wait()  # our tracks outlived the first connection
        await delivered.reached(delivered.count + 5)
        assert [m["type"] for m in practitioner_end.sent] == ["admit", "answer"] * 2
        await session.hang_up()
        assert events.items[-1] == CallEnded(EndReason.PRACTITIONER_HUNG_UP)
        await second.close()

    run(scenario)
