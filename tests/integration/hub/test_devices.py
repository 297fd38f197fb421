"""One patient device per room, over real sockets (docs/hub-protocol.md, the device rule)."""

from __future__ import annotations

import aiohttp

from tests.helpers.aio import async_test
from tests.helpers.hub import HubRoom, SignalingClient, new_room, signaling
from tooddoc_desk.hub import start_hub

PHONE = "0123456789abcdef0123456789abcdef"  # ids a page keeps per link: 128 random bits
LAPTOP = "fedcba9876543210fedcba9876543210"
TABLET = "00112233445566778899aabbccddeeff"
OFFER = {"type": "offer", "sdp": "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n"}
ANSWER = {"type": "answer", "sdp": "v=0\r\no=- 2 2 IN IP4 127.0.0.1\r\n"}


async def admitted_phone(
    room: HubRoom, practitioner: SignalingClient, phone: SignalingClient
) -> None:
    await practitioner.hello("practitioner", room.practitioner_token)
    welcome = await phone.hello("patient", room.patient_token, PHONE)
    assert welcome["device_held"] is False
    await phone.send({"type": "join"})
    await practitioner.expect("patient_opened")
    await practitioner.expect("patient_waiting")
    await practitioner.send({"type": "admit"})
    await phone.expect("admitted")


@async_test
async def test_a_second_device_waits_and_is_let_in_by_the_practitioner() -> None:
    async with await start_hub() as hub, aiohttp.ClientSession() as http:
        room = await new_room(hub)
        async with (
            signaling(http, hub) as practitioner,
            signaling(http, hub) as phone,
            signaling(http, hub) as laptop,
        ):
            await admitted_phone(room, practitioner, phone)
            welcome = await laptop.hello("patient", room.patient_token, LAPTOP)
            assert welcome["type"] == "welcome"
            assert welcome["device_held"] is True
            assert welcome["admitted"] is False
            assert await practitioner.receive() == {"type": "second_device"}

            # held: nothing it says goes through, nothing from the practitioner reaches it
            await laptop.send({"type": "join"})
            assert (await laptop.expect("error"))["code"] == "device_held"
            await practitioner.send(ANSWER)
            assert await phone.receive() == ANSWER
            await laptop.assert_nothing_pending()
            await practitioner.assert_nothing_pending()

            await practitioner.send({"type": "device_decision", "accept": True})
            assert await laptop.receive() == {"type": "device_accepted"}
            assert await phone.receive() == {"type": "closed", "reason": "moved"}
            assert await phone.closed() == 4409
            assert await practitioner.receive() == {"type": "patient_opened"}

            # a fresh patient session on the laptop: waiting room, admission, the call
            await laptop.send({"type": "join"})
            await practitioner.expect("patient_waiting")
            await laptop.send(OFFER)
            assert await practitioner.receive() == OFFER
            await practitioner.send(ANSWER)
            assert (await practitioner.expect("error"))["code"] == "not_admitted"
            await practitioner.send({"type": "admit"})
            await laptop.expect("admitted")
            await practitioner.send(ANSWER)
            assert await laptop.receive() == ANSWER

        async with signaling(http, hub) as phone_again:  # the room is the laptop's now
            assert (await phone_again.hello("patient", room.patient_token, PHONE))[
                "device_held"
            ] is True


@async_test
async def test_keeping_the_first_device_refuses_the_second_for_good() -> None:
    async with await start_hub() as hub, aiohttp.ClientSession() as http:
        room = await new_room(hub)
        async with signaling(http, hub) as practitioner, signaling(http, hub) as phone:
            await admitted_phone(room, practitioner, phone)
            async with signaling(http, hub) as laptop:
                await laptop.hello("patient", room.patient_token, LAPTOP)
                await practitioner.expect("second_device")
                await practitioner.send({"type": "device_decision", "accept": False})
                messages, code = await laptop.drain_until_closed()
                assert messages == [{"type": "closed", "reason": "refused"}]
                assert code == 4403
            async with signaling(http, hub) as laptop:  # back again: refused without asking
                welcome = await laptop.hello("patient", room.patient_token, LAPTOP)
                assert welcome["device_held"] is True
                messages, code = await laptop.drain_until_closed()
                assert messages == [{"type": "closed", "reason": "refused"}]
                assert code == 4403
            await practitioner.assert_nothing_pending()
            await phone.send(OFFER)  # the first device goes on undisturbed
            assert await practitioner.receive() == OFFER


@async_test
async def test_the_question_is_replayed_and_a_third_device_takes_the_second_ones_place() -> None:
    async with await start_hub() as hub, aiohttp.ClientSession() as http:
        room = await new_room(hub)
        async with signaling(http, hub) as phone, signaling(http, hub) as laptop:
            await phone.hello("patient", room.patient_token, PHONE)
            await laptop.hello("patient", room.patient_token, LAPTOP)
            async with signaling(http, hub) as tablet:
                assert (await tablet.hello("patient", room.patient_token, TABLET))["device_held"]
                assert await laptop.closed() == 4409  # one device is held at a time
                async with signaling(http, hub) as practitioner:
                    await practitioner.hello("practitioner", room.practitioner_token)
                    assert await practitioner.receive() == {"type": "patient_opened"}
                    assert await practitioner.receive() == {"type": "second_device"}
                    await practitioner.send({"type": "device_decision", "accept": True})
                    assert await tablet.receive() == {"type": "device_accepted"}
                    assert await phone.receive() == {"type": "closed", "reason": "moved"}
                    assert await practitioner.receive() == {"type": "patient_opened"}


@async_test
async def test_a_held_device_may_leave_without_ending_the_consultation() -> None:
    async with await start_hub() as hub, aiohttp.ClientSession() as http:
        room = await new_room(hub)
        async with signaling(http, hub) as practitioner, signaling(http, hub) as phone:
            await admitted_phone(room, practitioner, phone)
            async with signaling(http, hub) as laptop:
                await laptop.hello("patient", room.patient_token, LAPTOP)
                await practitioner.expect("second_device")
                await laptop.send({"type": "bye"})
                messages, code = await laptop.drain_until_closed()
                assert messages == [{"type": "closed", "reason": "hung_up"}]
                assert code == 1000
            assert await practitioner.receive() == {"type": "second_device_left"}
            # the room goes on; a decision about a device that left changes nothing
            await practitioner.send({"type": "device_decision", "accept": True})
            await practitioner.assert_nothing_pending()
            await phone.assert_nothing_pending()
            await practitioner.send({"type": "bye"})
            assert await phone.receive() == {"type": "bye", "from": "practitioner"}


@async_test
async def test_pages_without_a_device_id_are_a_device_each() -> None:
    async with await start_hub() as hub, aiohttp.ClientSession() as http:
        room = await new_room(hub)
        async with signaling(http, hub) as first, signaling(http, hub) as second:
            assert (await first.hello("patient", room.patient_token))["device_held"] is False
            assert (await second.hello("patient", room.patient_token))["device_held"] is True
            await first.assert_nothing_pending()


@async_test
async def test_the_practitioner_hears_when_the_held_device_goes_away() -> None:
    async with await start_hub() as hub, aiohttp.ClientSession() as http:
        room = await new_room(hub)
        async with signaling(http, hub) as practitioner, signaling(http, hub) as phone:
            await admitted_phone(room, practitioner, phone)
            async with signaling(http, hub) as laptop:
                await laptop.hello("patient", room.patient_token, LAPTOP)
                await practitioner.expect("second_device")
            # the laptop's tab closed: the question is void
            assert await practitioner.receive() == {"type": "second_device_left"}
            async with signaling(http, hub) as late:  # nothing held: nothing replayed
                await late.hello("practitioner", room.practitioner_token)
                assert await late.receive() == {"type": "patient_opened"}
                assert await late.receive() == {"type": "patient_waiting"}
                await late.assert_nothing_pending()
