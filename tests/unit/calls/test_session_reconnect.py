"""The Session's side of reconnection: a stall of the patient's media, a new offer from the
patient's page during the call, a failed connection that the page replaces or does not."""

from __future__ import annotations

import asyncio

import aioice.ice
import pytest

from tests.helpers.aio import Counter, Recorder, run, until
from tests.helpers.patient_peer import PatientPeer
from tests.unit.calls.outage import Outage
from tooddoc_desk.calls import liveness
from tooddoc_desk.calls import session as session_module
from tooddoc_desk.calls.events import (
    CallConnected,
    CallEnded,
    CallPrepared,
    CallReconnected,
    CallReconnecting,
    EndReason,
    StreamCreated,
)
from tooddoc_desk.calls.publisher import Publisher
from tooddoc_desk.calls.session import Session
from tooddoc_desk.calls.session_state import SessionState
from tooddoc_desk.calls.signaling import MemorySignaling, memory_pair

pytestmark = pytest.mark.usefixtures("loopback_only")


async def call(
    events: Recorder, delivered: Counter
) -> tuple[Session, MemorySignaling, PatientPeer]:
    practitioner_end, patient_end = memory_pair()
    session = Session(practitioner_end, [], Publisher.generated(), events, video_sink=delivered)
    session.start()
    patient = PatientPeer(patient_end)
    patient.listen()
    await patient.join()
    await events.wait_for(CallPrepared)
    await session.admit()
    await events.wait_for(CallConnected)
    await delivered.reached(5)
    return session, practitioner_end, patient


def test_a_stall_of_the_patients_media_is_reported_until_it_flows_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(liveness, "STALL_SECONDS", 0.4)

    async def scenario() -> None:
        events, delivered = Recorder(), Counter()
        session, _, patient = await call(events, delivered)
        outage = Outage(patient.pc)
        outage.on = True
        await events.wait_for(CallReconnecting)
        assert session.state is SessionState.CONNECTED  # ICE has not noticed anything yet
        assert events.of(CallReconnected) == []
        before = delivered.count
        outage.on = False
        reconnected = await events.wait_for(CallReconnected, limit=15)
        assert reconnected.seconds > 0  # counted from CallReconnecting
        await delivered.reached(before + 3)
        assert events.of(CallReconnecting) == [CallReconnecting()]  # said once
        await session.hang_up()
        await patient.close()

    run(scenario)


def test_a_new_offer_during_the_call_is_answered_at_once_over_the_same_socket() -> None:
    async def scenario() -> None:
        events, delivered = Recorder(), Counter()
        session, practitioner_end, first = await call(events, delivered)
        # the page's new connection, over the socket it already has: no join, no new admit
        # (the page closes its old connection as it offers the new one)
        await first.close(keep_signaling=True)
        second = PatientPeer(first.signaling)
        second.listen()
        await second.join(announce=False)
        await events.wait_for(CallReconnecting)
        await events.wait_for_count(CallConnected, 2)
        reconnected = await events.wait_for(CallReconnected)
        assert 0 < reconnected.seconds < 5
        assert [m["type"] for m in practitioner_end.sent] == ["admit", "answer", "answer"]
        await delivered.reached(delivered.count + 5)  # from the new connection
        async with asyncio.timeout(10):
            await second.got_frames.wait()
        kinds = events.kinds()
        assert kinds.index(CallReconnecting) < len(kinds) - kinds[::-1].index(StreamCreated)
        assert session.state is SessionState.CONNECTED
        await session.hang_up()
        assert events.items[-1] == CallEnded(EndReason.PRACTITIONER_HUNG_UP)
        await second.close()

    run(scenario)


def test_a_failed_connection_waits_for_the_page_to_come_back(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(aioice.ice, "CONSENT_INTERVAL", 0.2)
    monkeypatch.setattr(aioice.ice, "CONSENT_FAILURES", 2)
    monkeypatch.setattr(session_module, "BYE_GRACE_SECONDS", 0.1)

    async def scenario() -> None:
        events, delivered = Recorder(), Counter()
        session, practitioner_end, first = await call(events, delivered)
        first.cut_network()  # the page stays on the hub, its connection dies
        await events.wait_for(CallReconnecting)
        await until(lambda: session.peer is None, "aiortc giving the connection up", 10)
        # (the old connection is closed before the session says it waits: on a busy machine
        # that takes a moment)
        await until(lambda: session.state is SessionState.WAITING, "the session waiting", 5)

        await first.close(keep_signaling=True)
        # the page's new connection, over a new socket: a new patient session for the hub, who
        # is let in again at once
        second = PatientPeer(first.signaling)
        second.listen()
        await second.join()
        await events.wait_for_count(CallConnected, 2)
        sent = [m["type"] for m in practitioner_end.sent]
        assert sent == ["admit", "answer", "admit", "answer"]
        await events.wait_for(CallReconnected)
        await delivered.reached(delivered.count + 5)
        assert not events.of(CallEnded)
        await session.hang_up()
        await second.close()

    run(scenario)
