"""HubSignaling over a real aiohttp websocket, against a protocol stand-in on loopback."""

from __future__ import annotations

import asyncio
import socket
from collections.abc import Awaitable, Callable

import aiohttp
import pytest

from tests.helpers.aio import Counter, Recorder, run
from tests.helpers.patient_peer import PatientPeer
from tests.integration.calls.fake_hub import PATIENT_TOKEN, PRACTITIONER_TOKEN, FakeHub
from tooddoc_desk.calls.events import (
    CallConnected,
    CallEnded,
    CallPrepared,
    EndReason,
    PatientOpened,
    PatientWaiting,
)
from tooddoc_desk.calls.hub_signaling import (
    HubRefused,
    HubSignaling,
    HubUnreachable,
    IceServer,
    InvalidLink,
    websocket_url,
)
from tooddoc_desk.calls.publisher import Publisher
from tooddoc_desk.calls.session import Session

HubTest = Callable[[FakeHub, aiohttp.ClientSession], Awaitable[None]]


def with_hub(test: HubTest, hub: FakeHub | None = None) -> None:
    async def scenario() -> None:
        fake = hub or FakeHub()
        await fake.start()
        try:
            async with aiohttp.ClientSession() as http:
                await test(fake, http)
        finally:
            await fake.stop()

    run(scenario)


def test_the_websocket_address_comes_from_the_hub_address() -> None:
    assert websocket_url("http://127.0.0.1:8765") == "ws://127.0.0.1:8765/ws"
    assert websocket_url("https://hub.example.be/tooddoc/") == "wss://hub.example.be/tooddoc/ws"
    with pytest.raises(ValueError, match="not a hub address"):
        websocket_url("ftp://127.0.0.1")


def test_hello_gets_the_welcome_with_explicit_ice_servers() -> None:
    turn = {"urls": ["turn:127.0.0.1:3478"], "username": "u", "credential": "c"}

    async def test(hub: FakeHub, http: aiohttp.ClientSession) -> None:
        signaling, welcome = await HubSignaling.connect(http, hub.url, PRACTITIONER_TOKEN)
        assert (welcome.room_id, welcome.role, welcome.language) == ("room-1", "practitioner", "fr")
        assert welcome.ice_servers == (IceServer(("turn:127.0.0.1:3478",), "u", "c"),)
        assert not welcome.admitted
        await signaling.close()
        await signaling.close()

    with_hub(test, FakeHub(ice_servers=[turn]))


def test_an_unknown_token_is_an_invalid_link() -> None:
    async def test(hub: FakeHub, http: aiohttp.ClientSession) -> None:
        with pytest.raises(InvalidLink):
            await HubSignaling.connect(http, hub.url, "no-such-token")

    with_hub(test)


def test_a_refused_handshake_and_a_silent_hub_are_told_apart() -> None:
    async def test(hub: FakeHub, http: aiohttp.ClientSession) -> None:
        hub.refuse_handshake = True
        with pytest.raises(HubRefused):
            await HubSignaling.connect(http, hub.url, PRACTITIONER_TOKEN)
        hub.refuse_handshake, hub.silent = False, True
        with pytest.raises(HubUnreachable, match="did not answer"):
            await HubSignaling.connect(http, hub.url, PRACTITIONER_TOKEN, open_timeout=0.2)

    with_hub(test)


def test_no_hub_listening_is_unreachable() -> None:
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]

    async def scenario() -> None:
        async with aiohttp.ClientSession() as http:
            with pytest.raises(HubUnreachable):
                await HubSignaling.connect(http, f"http://127.0.0.1:{port}", PRACTITIONER_TOKEN)

    run(scenario)


def test_the_hub_replays_the_waiting_room_and_says_when_the_socket_closes() -> None:
    async def test(hub: FakeHub, http: aiohttp.ClientSession) -> None:
        patient, _ = await HubSignaling.connect(http, hub.url, PATIENT_TOKEN, role="patient")
        await patient.send({"type": "join"})
        signaling, _ = await HubSignaling.connect(http, hub.url, PRACTITIONER_TOKEN)
        assert await signaling.receive() == {"type": "patient_opened"}
        assert await signaling.receive() == {"type": "patient_waiting"}
        await hub.close_room("cancelled")
        assert await signaling.receive() == {"type": "closed", "reason": "cancelled"}
        assert await signaling.receive() is None
        assert signaling.close_code == 1000
        await patient.close()

    with_hub(test)


@pytest.mark.usefixtures("loopback_only")
def test_a_call_through_the_hub() -> None:
    async def test(hub: FakeHub, http: aiohttp.ClientSession) -> None:
        patient_signaling, _ = await HubSignaling.connect(
            http, hub.url, PATIENT_TOKEN, role="patient"
        )
        patient = PatientPeer(patient_signaling)
        patient.listen()
        await patient.join(via_hub=True)  # before the practitioner is there: replayed

        signaling, welcome = await HubSignaling.connect(http, hub.url, PRACTITIONER_TOKEN)
        events, delivered = Recorder(), Counter()
        session = Session(
            signaling, welcome.ice_servers, Publisher.generated(), events, video_sink=delivered
        )
        session.start()
        await events.wait_for(CallPrepared)
        assert hub.from_practitioner == []
        assert events.kinds()[:2] == [PatientOpened, PatientWaiting]
        await session.admit()
        await events.wait_for(CallConnected)
        await delivered.reached(5)
        async with asyncio.timeout(10):
            await patient.got_frames.wait()
        await session.signal("chat", "Bonjour")
        assert (await patient.wait_message("signal"))["data"] == "Bonjour"

        await session.hang_up()
        assert [m["type"] for m in hub.from_practitioner] == ["admit", "answer", "signal", "bye"]
        assert hub.closed_reason == "hung_up"
        assert events.items[-1] == CallEnded(EndReason.PRACTITIONER_HUNG_UP)
        await patient.wait_message("bye")
        await patient.close()

    with_hub(test)
