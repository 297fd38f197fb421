"""Signals (the call's chat) through a real hub over real websockets: between the practitioner
and the admitted patient of a room, never to a waiting patient, never into another room, within
the socket's size and rate limits."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager

import aiohttp

from tests.helpers.aio import async_test
from tests.helpers.hub import HubRoom, SignalingClient, new_room, signaling
from tooddoc_desk.hub import RunningHub, start_hub

PHONE = "0123456789abcdef0123456789abcdef"


def chat(text: str) -> dict[str, str]:
    return {"type": "signal", "signal_type": "chat", "data": text}


@asynccontextmanager
async def pair(
    hub: RunningHub, http: aiohttp.ClientSession, room: HubRoom, *, admit: bool = True
) -> AsyncIterator[tuple[SignalingClient, SignalingClient]]:
    """The practitioner and the patient of `room`: the patient in the waiting room, admitted if
    asked; every message so far read."""
    async with AsyncExitStack() as stack:
        practitioner = await stack.enter_async_context(signaling(http, hub))
        patient = await stack.enter_async_context(signaling(http, hub))
        await practitioner.hello("practitioner", room.practitioner_token)
        await patient.hello("patient", room.patient_token, PHONE)
        await practitioner.expect("patient_opened")
        await patient.send({"type": "join"})
        await practitioner.expect("patient_waiting")
        if admit:
            await practitioner.send({"type": "admit"})
            await patient.expect("admitted")
        yield practitioner, patient


@async_test
async def test_chat_goes_both_ways_in_a_call_and_stays_in_its_room() -> None:
    async with await start_hub() as hub, aiohttp.ClientSession() as http:
        first, second = await new_room(hub), await new_room(hub)
        async with (
            pair(hub, http, first) as (doctor, patient),
            pair(hub, http, second) as (other_doctor, other_patient),
        ):
            await patient.send(chat("J'ai mal à la gorge <script>alert(1)</script>"))
            assert await doctor.receive() == chat("J'ai mal à la gorge <script>alert(1)</script>")
            await doctor.send(chat("Depuis quand ?"))
            assert await patient.receive() == chat("Depuis quand ?")
            await other_doctor.send(chat("Autre salle"))
            assert await other_patient.receive() == chat("Autre salle")
            for client in (doctor, patient, other_doctor, other_patient):
                await client.assert_nothing_pending()


@async_test
async def test_a_waiting_patient_is_refused_and_hears_nothing() -> None:
    async with await start_hub() as hub, aiohttp.ClientSession() as http:
        room = await new_room(hub)
        async with pair(hub, http, room, admit=False) as (doctor, patient):
            await doctor.send(chat("Vous m'entendez ?"))
            refused = await doctor.expect("error")
            assert refused["code"] == "not_admitted"
            await patient.send(chat("Je suis là"))
            assert (await patient.expect("error"))["code"] == "not_admitted"
            await doctor.assert_nothing_pending()
            await patient.assert_nothing_pending()


@async_test
async def test_oversized_and_malformed_signals() -> None:
    async with await start_hub() as hub, aiohttp.ClientSession() as http:
        room = await new_room(hub)
        async with pair(hub, http, room) as (doctor, patient):
            await doctor.send(chat("x" * (8 * 1024 + 1)))
            assert (await doctor.expect("error"))["code"] == "limit_exceeded"
            await doctor.assert_nothing_pending()  # refused, and the socket stays
            await patient.assert_nothing_pending()
            await patient.send({"type": "signal", "signal_type": "chat<", "data": "x"})
            assert (await patient.expect("error"))["code"] == "bad_message"
            assert await patient.closed() == 4400


@async_test
async def test_a_chat_flood_is_rate_limited_like_any_message() -> None:
    async with await start_hub() as hub, aiohttp.ClientSession() as http:
        room = await new_room(hub)
        async with pair(hub, http, room) as (doctor, patient):
            for number in range(120):
                await patient.send(chat(str(number)))
            messages, code = await patient.drain_until_closed()
            assert code == 4429
            assert [m["code"] for m in messages] == ["rate_limited"] * 10
            relayed: list[dict[str, object]] = []
            while not relayed or relayed[-1]["type"] != "patient_left":
                relayed.append(await doctor.receive())
            lines = [m for m in relayed if m["type"] == "signal"]
            assert 40 <= len(lines) < 100, len(lines)  # about one second's worth
