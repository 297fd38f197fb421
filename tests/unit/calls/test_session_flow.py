"""The Session's handling of the room around the call: order of admission, rejoins, endings."""

from __future__ import annotations

import asyncio

import pytest

from tests.helpers.aio import Counter, Recorder, run
from tests.helpers.patient_peer import PatientPeer
from tooddoc_desk.calls.events import (
    CallConnected,
    CallEnded,
    CallPrepared,
    EndReason,
    Error,
    PatientLeft,
    PatientWaiting,
)
from tooddoc_desk.calls.hub_signaling import IceServer
from tooddoc_desk.calls.peer import parse_candidate, rtc_configuration
from tooddoc_desk.calls.publisher import Publisher
from tooddoc_desk.calls.session import Session
from tooddoc_desk.calls.session_state import SessionState, SessionStateError
from tooddoc_desk.calls.signaling import MemorySignaling, memory_pair


def new_session(
    events: Recorder, **kwargs: object
) -> tuple[Session, MemorySignaling, MemorySignaling]:
    practitioner_end, patient_end = memory_pair()
    session = Session(practitioner_end, [], Publisher.generated(), events, **kwargs)  # type: ignore[arg-type]
    session.start()
    return session, practitioner_end, patient_end


def test_ice_servers_are_always_an_explicit_list() -> None:
    assert rtc_configuration([]).iceServers == []
    turn = IceServer(("turn:127.0.0.1:3478?transport=udp",), "user", "secret")
    (server,) = rtc_configuration([turn]).iceServers or []
    assert (server.urls, server.username, server.credential) == (
        ["turn:127.0.0.1:3478?transport=udp"],
        "user",
        "secret",
    )


def test_trickled_candidates_as_browsers_send_them() -> None:
    line = (
        "candidate:842163049 1 udp 1677729535 192.0.2.7 46154 typ srflx raddr 10.0.0.2 rport 46154"
    )
    candidate = parse_candidate({"candidate": line, "sdpMid": "0", "sdpMLineIndex": 0})
    assert candidate is not None
    assert (candidate.ip, candidate.port, candidate.type, candidate.sdpMid) == (
        "192.0.2.7",
        46154,
        "srflx",
        "0",
    )
    assert parse_candidate(None) is None
    assert parse_candidate({"candidate": "", "sdpMid": "0"}) is None
    for bad in ({"candidate": "candidate:1 1 udp"}, {"candidate": line}, "x", {"sdpMid": "0"}):
        with pytest.raises(ValueError):  # noqa: PT011
            parse_candidate(bad)


def test_the_hub_closing_the_room_ends_the_session() -> None:
    async def scenario() -> None:
        events = Recorder()
        session, practitioner_end, patient_end = new_session(events)
        await patient_end.send({"type": "patient_waiting"})
        await patient_end.send({"type": "closed", "reason": "cancelled"})
        ended = await events.wait_for(CallEnded)
        assert ended == CallEnded(EndReason.ROOM_CLOSED, "cancelled")
        assert practitioner_end.closed
        assert session.publisher.video.readyState == "ended"
        assert practitioner_end.sent == []

    run(scenario)


def test_losing_the_hub_before_the_call_ends_the_session() -> None:
    async def scenario() -> None:
        events = Recorder()
        session, _, patient_end = new_session(events)
        await patient_end.close()
        assert (await events.wait_for(CallEnded)).reason is EndReason.HUB_LOST
        assert session.state is SessionState.ENDED

    run(scenario)


def test_admit_needs_a_waiting_patient() -> None:
    async def scenario() -> None:
        events = Recorder()
        session, practitioner_end, patient_end = new_session(events)
        with pytest.raises(SessionStateError) as raised:
            await session.admit()
        assert raised.value.code == "not_waiting"
        assert practitioner_end.sent == []
        await patient_end.send({"type": "error", "code": "not_admitted", "message": "refused"})
        assert await events.wait_for(Error) == Error("not_admitted", "refused")
        await session.close()
        assert events.items[-1] == CallEnded(EndReason.APP_CLOSED)
        assert practitioner_end.sent == []  # closing the app does not close the room

    run(scenario)


def test_bad_offers_and_candidates_are_reported_not_fatal() -> None:
    async def scenario() -> None:
        events = Recorder()
        session, _, patient_end = new_session(events)
        await patient_end.send({"type": "candidate", "candidate": {"candidate": "nonsense"}})
        assert (await events.wait_for(Error)).code == "bad_candidate"
        await patient_end.send({"type": "offer", "sdp": "v=0\r\nnot an offer\r\n"})
        errors = await events.wait_for_count(Error, 2)
        assert errors[1].code == "bad_offer"
        assert session.state is SessionState.WAITING
        assert session.peer is None
        await session.hang_up()

    run(scenario)


def test_a_raising_event_handler_does_not_stop_the_session(
    caplog: pytest.LogCaptureFixture,
) -> None:
    async def scenario() -> None:
        seen = Counter()

        def handler(event: object) -> None:
            seen(event)
            raise RuntimeError("UI bug")

        practitioner_end, patient_end = memory_pair()
        session = Session(practitioner_end, [], Publisher.generated(), handler)
        session.start()
        await patient_end.send({"type": "patient_opened"})
        await patient_end.send({"type": "patient_waiting"})
        await seen.reached(2)
        await session.hang_up()
        assert isinstance(seen.last, CallEnded)

    run(scenario)
    assert "event handler failed" in caplog.text


@pytest.mark.usefixtures("loopback_only")
def test_admitting_before_the_offer_arrives_answers_as_soon_as_it_is_prepared() -> None:
    async def scenario() -> None:
        events = Recorder()
        session, practitioner_end, patient_end = new_session(events)
        await patient_end.send({"type": "patient_waiting"})
        patient = PatientPeer(patient_end)
        await events.wait_for(PatientWaiting)
        await session.admit()
        assert practitioner_end.sent == [{"type": "admit"}]
        patient.listen()
        await patient.join(announce=False)  # already announced
        await events.wait_for(CallConnected)
        assert [m["type"] for m in practitioner_end.sent] == ["admit", "answer"]
        await session.hang_up()
        await patient.close()

    run(scenario)


@pytest.mark.usefixtures("loopback_only")
def test_a_patient_who_leaves_and_comes_back_is_prepared_again() -> None:
    async def scenario() -> None:
        events = Recorder()
        session, practitioner_end, patient_end = new_session(events)
        first = PatientPeer(patient_end)
        await first.join()
        await events.wait_for(CallPrepared)
        first_peer = session.peer
        await patient_end.send({"type": "patient_left"})
        await events.wait_for(PatientLeft)
        assert session.peer is None
        assert session.state is SessionState.WAITING
        assert first_peer is not None
        assert first_peer.pc.connectionState == "closed"

        second = PatientPeer(patient_end)  # the reloaded page
        second.listen()
        await second.join()
        await events.wait_for_count(CallPrepared, 2)
        await session.admit()
        await events.wait_for(CallConnected)
        assert first.heard_from_practitioner_at() is None  # the page that left never heard from us
        assert [m["type"] for m in practitioner_end.sent] == ["admit", "answer"]
        await session.hang_up()
        await first.pc.close()
        await second.close()

    run(scenario)


@pytest.mark.usefixtures("loopback_only")
def test_the_call_goes_on_when_the_hub_connection_drops() -> None:
    async def scenario() -> None:
        events, delivered = Recorder(), Counter()
        session, practitioner_end, patient_end = new_session(events, video_sink=delivered)
        patient = PatientPeer(patient_end)
        patient.listen()
        await patient.join()
        await events.wait_for(CallPrepared)
        await session.admit()
        await events.wait_for(CallConnected)
        await practitioner_end.close()  # the hub went away
        assert (await events.wait_for(Error)).code == "hub_lost"
        before = delivered.count
        await delivered.reached(before + 5)  # media is peer to peer
        assert session.state is SessionState.CONNECTED
        await session.hang_up()
        assert events.items[-1] == CallEnded(EndReason.PRACTITIONER_HUNG_UP)
        await patient.close()

    run(scenario)


@pytest.mark.usefixtures("loopback_only")
def test_hanging_up_while_admitting_is_clean() -> None:
    async def scenario() -> None:
        events = Recorder()
        session, practitioner_end, patient_end = new_session(events)
        patient = PatientPeer(patient_end)
        await patient.join()
        await events.wait_for(CallPrepared)
        await asyncio.gather(session.admit(), session.hang_up())
        assert events.items[-1] == CallEnded(EndReason.PRACTITIONER_HUNG_UP)
        assert practitioner_end.sent[-1] == {"type": "bye"}
        await patient.close()

    run(scenario)
