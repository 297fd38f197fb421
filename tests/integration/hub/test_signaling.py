"""A real hub and real websocket clients going through docs/hub-protocol.md's flows."""

from __future__ import annotations

import json
from datetime import timedelta

import aiohttp
import httpx
import pytest

from tests.helpers.aio import async_test
from tests.helpers.hub import FakeClock, new_room, signaling
from tooddoc_desk.core.language import Language
from tooddoc_desk.hub import HubClient, HubConfig, Limits, start_hub

OFFER = {"type": "offer", "sdp": "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n"}
ANSWER = {"type": "answer", "sdp": "v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\n"}
CANDIDATE = {
    "type": "candidate",
    "candidate": {
        "candidate": "candidate:1 1 udp 2122260223 127.0.0.1 40000 typ host",
        "sdpMid": "0",
        "sdpMLineIndex": 0,
    },
}


@async_test
async def test_unknown_expired_and_closed_links_get_the_same_answer() -> None:
    clock = FakeClock()
    async with (
        await start_hub(clock=clock) as hub,
        aiohttp.ClientSession() as http,
        httpx.AsyncClient() as api,
    ):
        client = HubClient(api, hub.base_url, hub.api_key)
        closed = await new_room(hub)
        await client.close_room(closed.room_id)
        expired = await new_room(hub, ttl=timedelta(minutes=5))
        clock.advance(timedelta(minutes=5))
        tokens = {
            "unknown": "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
            "expired": expired.patient_token,
            "closed": closed.patient_token,
            "practitioner token as patient": expired.practitioner_token,
        }
        answers = {}
        for name, token in tokens.items():
            async with signaling(http, hub) as patient:
                answers[name] = (await patient.hello("patient", token), await patient.closed())
        assert len(set(json.dumps(a, sort_keys=True) for a in answers.values())) == 1, answers
        message, code = answers["unknown"]
        assert message == {
            "type": "error",
            "code": "invalid_link",
            "message": "This link is no longer valid.",
        }
        assert code == 4401


@async_test
async def test_failed_hellos_are_rate_limited_per_address() -> None:
    config = HubConfig(limits=Limits(failed_lookups_per_minute=2))
    async with await start_hub(config) as hub, aiohttp.ClientSession() as http:
        room = await new_room(hub)
        for _ in range(2):
            async with signaling(http, hub) as guesser:
                assert (await guesser.hello("patient", "guess"))["code"] == "invalid_link"
        async with signaling(http, hub) as patient:
            answer = await patient.hello("patient", room.patient_token)
            assert answer["code"] == "rate_limited"
            assert await patient.closed() == 4429


@async_test
async def test_the_whole_flow_with_the_admission_gate() -> None:
    async with await start_hub() as hub, aiohttp.ClientSession() as http:
        room = await new_room(hub, "Cabinet Dr Peeters", Language.DE)
        async with signaling(http, hub) as practitioner, signaling(http, hub) as patient:
            welcome = await practitioner.hello("practitioner", room.practitioner_token)
            assert welcome["type"] == "welcome"
            assert welcome["role"] == "practitioner"
            assert welcome["admitted"] is False

            welcome = await patient.hello("patient", room.patient_token)
            assert welcome == {
                "type": "welcome",
                "room_id": room.room_id,
                "role": "patient",
                "practice_name": "Cabinet Dr Peeters",
                "language": "de",
                "ice_servers": [],
                "admitted": False,
                "device_held": False,
                "payment": None,
            }
            await practitioner.expect("patient_opened")

            await patient.send({"type": "join"})
            await practitioner.expect("patient_waiting")
            await patient.send(OFFER)
            assert await practitioner.receive() == OFFER
            await patient.send(CANDIDATE)
            assert await practitioner.receive() == CANDIDATE
            await patient.send({"type": "candidate", "candidate": None})
            assert await practitioner.receive() == {"type": "candidate", "candidate": None}

            # the gate: the prepared answer is refused and the patient receives nothing
            await practitioner.send(ANSWER)
            refused = await practitioner.expect("error")
            assert refused["code"] == "not_admitted"
            await practitioner.send(CANDIDATE)
            assert (await practitioner.expect("error"))["code"] == "not_admitted"
            await patient.assert_nothing_pending()

            await practitioner.send({"type": "admit"})
            await patient.expect("admitted")
            await practitioner.send(ANSWER)
            assert await patient.receive() == ANSWER
            await practitioner.send(CANDIDATE)
            assert await patient.receive() == CANDIDATE

            await patient.send({"type": "bye"})
            assert await practitioner.receive() == {"type": "bye", "from": "patient"}
            assert await practitioner.receive() == {"type": "closed", "reason": "hung_up"}
            assert await patient.receive() == {"type": "closed", "reason": "hung_up"}
            assert await practitioner.closed() == await patient.closed() == 1000


@async_test
async def test_a_late_practitioner_gets_the_patient_side_replayed() -> None:
    async with await start_hub() as hub, aiohttp.ClientSession() as http:
        room = await new_room(hub)
        async with signaling(http, hub) as patient:
            await patient.hello("patient", room.patient_token)
            for message in ({"type": "join"}, OFFER, CANDIDATE):
                await patient.send(message)
            await patient.assert_nothing_pending()  # the hub has read all three
            async with signaling(http, hub) as practitioner:
                await practitioner.hello("practitioner", room.practitioner_token)
                assert await practitioner.receive() == {"type": "patient_opened"}
                assert await practitioner.receive() == {"type": "patient_waiting"}
                assert await practitioner.receive() == OFFER
                assert await practitioner.receive() == CANDIDATE
                await practitioner.assert_nothing_pending()


@pytest.mark.parametrize("who", ["patient", "practitioner"])
@async_test
async def test_bye_closes_the_room_for_both(who: str) -> None:
    async with await start_hub() as hub, aiohttp.ClientSession() as http:
        room = await new_room(hub)
        async with signaling(http, hub) as practitioner, signaling(http, hub) as patient:
            await practitioner.hello("practitioner", room.practitioner_token)
            await patient.hello("patient", room.patient_token)
            await practitioner.expect("patient_opened")
            sender, other = (patient, practitioner) if who == "patient" else (practitioner, patient)
            await sender.send({"type": "bye"})
            other_messages, other_code = await other.drain_until_closed()
            sender_messages, sender_code = await sender.drain_until_closed()
        assert other_messages == [
            {"type": "bye", "from": who},
            {"type": "closed", "reason": "hung_up"},
        ]
        assert sender_messages == [{"type": "closed", "reason": "hung_up"}]
        assert other_code == sender_code == 1000
        async with signaling(http, hub) as again:
            assert (await again.hello("patient", room.patient_token))["code"] == "invalid_link"


@async_test
async def test_deleting_a_room_closes_both_sides() -> None:
    async with (
        await start_hub() as hub,
        aiohttp.ClientSession() as http,
        httpx.AsyncClient() as api,
    ):
        room = await new_room(hub)
        async with signaling(http, hub) as practitioner, signaling(http, hub) as patient:
            await practitioner.hello("practitioner", room.practitioner_token)
            await patient.hello("patient", room.patient_token)
            await practitioner.expect("patient_opened")
            await HubClient(api, hub.base_url, hub.api_key).close_room(room.room_id)
            for side in (practitioner, patient):
                assert await side.receive() == {"type": "closed", "reason": "cancelled"}
                assert await side.closed() == 1000


@async_test
async def test_expiry_closes_both_sides_through_the_periodic_sweep() -> None:
    clock = FakeClock()
    config = HubConfig(sweep_interval=0.05)
    async with await start_hub(config, clock=clock) as hub, aiohttp.ClientSession() as http:
        room = await new_room(hub, ttl=timedelta(minutes=10))
        async with signaling(http, hub) as practitioner, signaling(http, hub) as patient:
            await practitioner.hello("practitioner", room.practitioner_token)
            await patient.hello("patient", room.patient_token)
            await practitioner.expect("patient_opened")
            clock.advance(timedelta(minutes=10))
            for side in (practitioner, patient):
                assert await side.receive() == {"type": "closed", "reason": "expired"}
                assert await side.closed() == 1000


@async_test
async def test_a_patient_hello_again_replaces_the_earlier_socket() -> None:
    device = "d" * 32  # a reloaded page: the same device id
    async with await start_hub() as hub, aiohttp.ClientSession() as http:
        room = await new_room(hub)
        async with signaling(http, hub) as practitioner, signaling(http, hub) as first:
            await practitioner.hello("practitioner", room.practitioner_token)
            await first.hello("patient", room.patient_token, device)
            await first.send({"type": "join"})
            await practitioner.expect("patient_opened")
            await practitioner.expect("patient_waiting")
            await practitioner.send({"type": "admit"})
            await first.expect("admitted")
            async with signaling(http, hub) as second:
                welcome = await second.hello("patient", room.patient_token, device)
                assert welcome["admitted"] is False
                assert welcome["device_held"] is False
                assert await first.closed() == 4409
                await practitioner.expect("patient_opened")  # a new patient session
                await practitioner.send(ANSWER)  # admission went with the old connection
                assert (await practitioner.expect("error"))["code"] == "not_admitted"
                await second.send({"type": "join"})
                await practitioner.expect("patient_waiting")
                await second.assert_nothing_pending()


@async_test
async def test_leaving_sockets_are_announced() -> None:
    async with await start_hub() as hub, aiohttp.ClientSession() as http:
        room = await new_room(hub)
        async with signaling(http, hub) as patient:
            await patient.hello("patient", room.patient_token)
            await patient.send({"type": "join"})
            async with signaling(http, hub) as practitioner:
                await practitioner.hello("practitioner", room.practitioner_token)
                await practitioner.expect("patient_opened")
                await practitioner.expect("patient_waiting")
                await practitioner.send({"type": "admit"})
                await patient.expect("admitted")
            await patient.expect("practitioner_left")
            async with signaling(http, hub) as practitioner:
                welcome = await practitioner.hello("practitioner", room.practitioner_token)
                assert welcome["admitted"] is True
                await practitioner.expect("patient_opened")
                await practitioner.expect("patient_waiting")
                await patient.ws.close()
                await practitioner.expect("patient_left")
