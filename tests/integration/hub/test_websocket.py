"""The signaling socket under bad clients: malformed frames, floods, size, origin, silence."""

from __future__ import annotations

import json
import logging

import aiohttp
import pytest

from tests.helpers.aio import async_test
from tests.helpers.hub import new_room, signaling
from tooddoc_desk.hub import HubConfig, Limits, RunningHub, start_hub

OFFER = {"type": "offer", "sdp": "v=0\r\no=- 1 1 IN IP4 127.0.0.1\r\n"}


async def assert_serving(hub: RunningHub, http: aiohttp.ClientSession) -> None:
    """The hub still answers: a new room, a new hello, a welcome."""
    room = await new_room(hub)
    async with signaling(http, hub) as patient:
        assert (await patient.hello("patient", room.patient_token))["type"] == "welcome"


MALFORMED = [
    "{",
    "[]",
    "5",
    '{"type": null}',
    '{"type": "offer", "sdp": 5}',
    '{"type": "offer"}',
    '{"type": "candidate", "candidate": {"candidate": 5, "sdpMid": "0"}}',
    '{"type": "candidate", "candidate": {"candidate": "c"}}',
    '{"type": "device_decision", "accept": "yes"}',
    '{"type": "hello", "v": 1, "role": "patient", "token": "t", "device": "short"}',
    '{"type": "hello", "v": "1", "role": "patient", "token": "t"}',
    '{"type": "hello", "v": 1, "role": "doctor", "token": "t"}',
    "[" * 30_000 + "]" * 30_000,
]


@pytest.mark.parametrize("when", ["before hello", "after hello"])
@async_test
async def test_a_malformed_message_closes_the_socket_with_a_reason(when: str) -> None:
    async with await start_hub() as hub, aiohttp.ClientSession() as http:
        room = await new_room(hub)
        frames: list[str | bytes] = [*MALFORMED, b"\x00\x01"]
        for frame in frames:
            async with signaling(http, hub) as client:
                if when == "after hello":
                    await client.hello("patient", room.patient_token)
                if isinstance(frame, bytes):
                    await client.ws.send_bytes(frame)
                else:
                    await client.ws.send_str(frame)
                messages, code = await client.drain_until_closed()
                assert [m["code"] for m in messages] == ["bad_message"], frame[:40]
                assert messages[0]["message"]  # says what was wrong
                assert code == 4400
                assert client.ws.close_code == 4400
        await assert_serving(hub, http)


@async_test
async def test_the_close_frame_carries_a_reason() -> None:
    async with (
        await start_hub() as hub,
        aiohttp.ClientSession() as http,
        http.ws_connect(hub.websocket_url, autoclose=False) as ws,
    ):
        await ws.send_str("{")
        assert (await ws.receive(timeout=5)).type is aiohttp.WSMsgType.TEXT  # the error
        close = await ws.receive(timeout=5)
        assert close.type is aiohttp.WSMsgType.CLOSE
        assert (close.data, close.extra) == (4400, "protocol error")
        await ws.close()


@async_test
async def test_well_formed_but_misplaced_messages_get_errors_and_the_socket_stays() -> None:
    async with await start_hub() as hub, aiohttp.ClientSession() as http:
        room = await new_room(hub)
        async with signaling(http, hub) as patient:
            await patient.send({"type": "join"})  # before hello
            assert (await patient.expect("error"))["code"] == "out_of_order"
            await patient.hello("patient", room.patient_token)
            frames = [
                '{"type": "teleport"}',
                '{"type": "admit"}',
                '{"type": "device_decision", "accept": true}',
                '{"type": "offer", "sdp": "v=0"}',
                '{"type": "hello", "v": 1, "role": "patient", "token": "t"}',
            ]
            codes = []
            for frame in frames:
                await patient.ws.send_str(frame)
                codes.append((await patient.expect("error"))["code"])
            assert codes == [
                "unknown_type",
                "unknown_type",
                "unknown_type",
                "out_of_order",
                "out_of_order",
            ]
            await patient.send({"type": "join"})
            await patient.assert_nothing_pending()  # still connected and served
        await assert_serving(hub, http)


@async_test
async def test_a_client_that_keeps_sending_refused_messages_is_disconnected() -> None:
    async with await start_hub() as hub, aiohttp.ClientSession() as http:
        async with signaling(http, hub) as pest:
            for _ in range(10):
                await pest.send({"type": "join"})
            messages, code = await pest.drain_until_closed()
            assert [m["code"] for m in messages] == ["out_of_order"] * 10
            assert code == 4400
        await assert_serving(hub, http)


@async_test
async def test_a_message_over_64_kib_closes_the_socket() -> None:
    async with await start_hub() as hub, aiohttp.ClientSession() as http:
        room = await new_room(hub)
        async with signaling(http, hub) as patient:
            await patient.hello("patient", room.patient_token)
            await patient.send({"type": "join"})
            exactly = {"type": "offer", "sdp": ""}
            exactly["sdp"] = "x" * (64 * 1024 - len(json.dumps(exactly)))
            await patient.send(exactly)  # 64 KiB exactly is allowed
            await patient.assert_nothing_pending()
            await patient.send({"type": "offer", "sdp": "x" * (64 * 1024)})
            assert await patient.closed() == 1009
        await assert_serving(hub, http)


@async_test
async def test_a_lone_surrogate_is_refused_and_never_reaches_the_other_side() -> None:
    async with await start_hub() as hub, aiohttp.ClientSession() as http:
        room = await new_room(hub)
        async with signaling(http, hub) as practitioner, signaling(http, hub) as patient:
            await practitioner.hello("practitioner", room.practitioner_token)
            await patient.hello("patient", room.patient_token)
            await practitioner.expect("patient_opened")
            await patient.send({"type": "join"})
            await practitioner.expect("patient_waiting")
            await patient.ws.send_str('{"type": "offer", "sdp": "v=0 \\ud800"}')
            assert (await patient.expect("error"))["code"] == "bad_message"
            assert await patient.closed() == 4400
            await practitioner.expect("patient_left")
            await practitioner.assert_nothing_pending()  # its connection is whole
        await assert_serving(hub, http)


@async_test
async def test_a_flood_is_rate_limited_then_disconnected() -> None:
    async with await start_hub() as hub, aiohttp.ClientSession() as http:
        room = await new_room(hub)
        async with signaling(http, hub) as practitioner, signaling(http, hub) as patient:
            await practitioner.hello("practitioner", room.practitioner_token)
            await patient.hello("patient", room.patient_token)
            await patient.send({"type": "join"})
            for _ in range(200):
                await patient.send(OFFER)
            messages, code = await patient.drain_until_closed()
            assert code == 4429
            assert [m["code"] for m in messages] == ["rate_limited"] * 10
            forwarded: list[dict[str, object]] = []
            while not forwarded or forwarded[-1]["type"] != "patient_left":
                forwarded.append(await practitioner.receive())
            offers = [m for m in forwarded if m["type"] == "offer"]
            assert 40 <= len(offers) < 100, len(offers)  # about one second's worth, not 200
        await assert_serving(hub, http)


@async_test
async def test_no_hello_within_the_limit_closes_the_socket() -> None:
    config = HubConfig(limits=Limits(hello_timeout=0.2))
    async with (
        await start_hub(config) as hub,
        aiohttp.ClientSession() as http,
        signaling(http, hub) as silent,
    ):
        assert (await silent.expect("error"))["code"] == "hello_timeout"
        assert await silent.closed() == 4408


@async_test
async def test_an_unsupported_version_closes_the_socket() -> None:
    async with (
        await start_hub() as hub,
        aiohttp.ClientSession() as http,
        signaling(http, hub) as future,
    ):
        await future.send({"type": "hello", "v": 2, "role": "patient", "token": "t"})
        assert (await future.expect("error"))["code"] == "unsupported_version"
        assert await future.closed() == 4400


@async_test
async def test_browsers_from_other_origins_cannot_open_the_socket() -> None:
    async with await start_hub() as hub, aiohttp.ClientSession() as http:
        async with signaling(http, hub, origin=hub.base_url) as same_origin:
            await same_origin.send({"type": "join"})
            await same_origin.expect("error")
        for origin in ("http://evil.example", "http://localhost" + hub.base_url[16:], "null"):
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                async with signaling(http, hub, origin=origin):
                    pass
            assert refused.value.status == 403


@async_test
async def test_websockets_are_served_without_compression() -> None:
    async with (
        await start_hub() as hub,
        aiohttp.ClientSession() as http,
        http.ws_connect(hub.websocket_url, compress=15) as ws,
    ):
        assert ws.compress == 0  # the hub declined permessage-deflate


@async_test
async def test_stopping_the_hub_closes_sockets_as_going_away() -> None:
    hub = await start_hub()
    async with aiohttp.ClientSession() as http:
        room = await new_room(hub)
        async with signaling(http, hub) as patient:
            await patient.hello("patient", room.patient_token)
            await hub.stop()
            assert await patient.closed() == 1001
        await hub.stop()  # twice is fine


@async_test
async def test_no_token_reaches_the_logs(caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.DEBUG)
    async with await start_hub() as hub, aiohttp.ClientSession() as http:
        room = await new_room(hub)
        async with signaling(http, hub) as practitioner, signaling(http, hub) as patient:
            await practitioner.hello("practitioner", room.practitioner_token)
            await patient.hello("patient", room.patient_token)
            await patient.send({"type": "join"})
            await patient.send({"type": "hello", "v": 1, "role": "patient", "token": "x"})
            await patient.expect("error")
            await patient.send({"type": "bye"})
            await patient.drain_until_closed()
        async with signaling(http, hub) as guesser:
            await guesser.hello("patient", room.patient_token)
    secrets = (room.patient_token, room.practitioner_token, hub.api_key)
    records = [r for r in caplog.records if not r.name.startswith(("httpx", "httpcore"))]
    assert any(r.name == "tooddoc_desk.hub.access" for r in records)
    for record in records:
        text = record.getMessage() + (record.exc_text or "")
        assert not any(secret in text for secret in secrets), text
