"""The security rules of links and rooms (issue 3), each against a real hub on loopback.

Clients at different addresses: loopback holds all of 127.0.0.0/8, so a client bound to
127.0.0.2 is another client as far as the hub can tell.
"""

from __future__ import annotations

from datetime import timedelta

import aiohttp
import httpx
import pytest

from tests.helpers.aio import async_test
from tests.helpers.hub import FakeClock, HubRoom, client_from, new_room, signaling
from tooddoc_desk.hub import HubClient, HubConfig, RunningHub, start_hub

UNKNOWN = "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"  # 256 bits, like a real token
ROOM = {"practice_name": "Cabinet Dr Peeters", "language": "fr"}
WRONG_KEY = {"Authorization": "Bearer not-the-key-0123456789"}

pytestmark = pytest.mark.usefixtures("loopback_only")  # clients on 127.0.0.2, 127.0.0.3, …


async def raw_hello(http: aiohttp.ClientSession, hub: RunningHub, role: str, token: str) -> bytes:
    """Everything the hub sends a hello with this token, as bytes: frames, close code, reason."""
    answer = b""
    async with http.ws_connect(hub.websocket_url, autoclose=False) as ws:
        await ws.send_json({"type": "hello", "v": 1, "role": role, "token": token})
        while True:
            message = await ws.receive(timeout=5)
            if message.type is not aiohttp.WSMsgType.TEXT:
                assert message.type is aiohttp.WSMsgType.CLOSE, message
                await ws.close()
                return answer + f"|close {message.data} {message.extra}".encode()
            answer += message.data.encode() + b"\n"


async def page(http: httpx.AsyncClient, token: str) -> bytes:
    """The patient page's answer as bytes: status, headers (but the date), body."""
    answer = await http.get(f"/c/{token}")
    headers = sorted((k, v) for k, v in answer.headers.items() if k.lower() != "date")
    return f"{answer.status_code} {headers}".encode() + answer.content


@async_test
async def test_unknown_expired_and_used_up_links_answer_byte_for_byte_the_same() -> None:
    clock = FakeClock()
    async with (
        await start_hub(clock=clock) as hub,
        aiohttp.ClientSession() as http,
        httpx.AsyncClient(base_url=hub.base_url) as web,
    ):
        api = HubClient(web, hub.base_url, hub.api_key)
        expired = await new_room(hub, ttl=timedelta(minutes=5))
        hung_up = await new_room(hub)
        async with signaling(http, hub) as practitioner:
            await practitioner.hello("practitioner", hung_up.practitioner_token)
            await practitioner.send({"type": "bye"})  # the consultation ended
            await practitioner.drain_until_closed()
        deleted = await new_room(hub)
        await api.close_room(deleted.room_id)  # the practice withdrew the link
        clock.advance(timedelta(minutes=5))
        live = await new_room(hub)

        for role in ("patient", "practitioner"):

            def token(room: HubRoom, role: str = role) -> str:
                return room.patient_token if role == "patient" else room.practitioner_token

            answers = {
                "unknown": await raw_hello(http, hub, role, UNKNOWN),
                "expired": await raw_hello(http, hub, role, token(expired)),
                "ended by bye": await raw_hello(http, hub, role, token(hung_up)),
                "ended by DELETE": await raw_hello(http, hub, role, token(deleted)),
            }
            assert len(set(answers.values())) == 1, answers
            assert answers["unknown"] == (
                b'{"type":"error","code":"invalid_link","message":"This link is no longer valid."}'
                b"\n|close 4401 invalid link"
            )
        pages = {
            "unknown": await page(web, UNKNOWN),
            "expired": await page(web, expired.patient_token),
            "ended by bye": await page(web, hung_up.patient_token),
            "ended by DELETE": await page(web, deleted.patient_token),
            "live": await page(web, live.patient_token),
        }
        assert len(set(pages.values())) == 1, "the page must not tell a live link from others"
        assert pages["unknown"].startswith(b"200 ")


@async_test
async def test_a_link_works_for_sixty_minutes_from_its_creation() -> None:
    clock = FakeClock()
    async with await start_hub(clock=clock) as hub, aiohttp.ClientSession() as http:
        room = await new_room(hub)
        assert room.invite.expires_at == clock.now() + timedelta(minutes=60)
        clock.advance(timedelta(minutes=59, seconds=59))
        async with signaling(http, hub) as patient:
            assert (await patient.hello("patient", room.patient_token))["type"] == "welcome"
            clock.advance(timedelta(seconds=1))
            await patient.send({"type": "join"})  # the first word after expiry closes the room
            assert await patient.receive() == {"type": "closed", "reason": "expired"}
            assert await patient.closed() == 1000
        async with signaling(http, hub) as late:
            assert (await late.hello("patient", room.patient_token))["code"] == "invalid_link"


@async_test
async def test_the_link_lifetime_is_configurable() -> None:
    clock = FakeClock()
    config = HubConfig(room_ttl=timedelta(minutes=20))
    async with (
        await start_hub(config, clock=clock) as hub,
        aiohttp.ClientSession() as http,
    ):
        default = await new_room(hub)
        longer = await new_room(hub, ttl=timedelta(minutes=90))  # the practice asked for more
        assert default.invite.expires_at == clock.now() + timedelta(minutes=20)
        clock.advance(timedelta(minutes=20))
        async with signaling(http, hub) as patient:
            assert (await patient.hello("patient", default.patient_token))["code"] == (
                "invalid_link"
            )
        async with signaling(http, hub) as patient:
            assert (await patient.hello("patient", longer.patient_token))["type"] == "welcome"


async def failed_hellos(http: aiohttp.ClientSession, hub: RunningHub, count: int) -> None:
    for _ in range(count):
        async with signaling(http, hub) as guesser:
            assert (await guesser.hello("patient", UNKNOWN))["code"] == "invalid_link"
            assert await guesser.closed() == 4401


@async_test
async def test_eleven_failed_lookups_a_minute_are_refused_per_address() -> None:
    async with (
        await start_hub() as hub,
        client_from("127.0.0.2") as guesser_http,
        client_from("127.0.0.3") as patient_http,
    ):
        room = await new_room(hub)
        await failed_hellos(guesser_http, hub, 10)  # 10 a minute are allowed
        async with signaling(guesser_http, hub) as guesser:  # the 11th is not, even a good one
            answer = await guesser.hello("patient", room.patient_token)
            assert answer == {"type": "error", "code": "rate_limited", "message": "too many tries"}
            assert await guesser.closed() == 4429

        # a patient elsewhere is not slowed down by someone else's failures
        async with signaling(patient_http, hub) as patient:
            assert (await patient.hello("patient", room.patient_token))["type"] == "welcome"

        # the practice API counts the same failures: 429 for the guesser, not for the app
        async with httpx.AsyncClient(
            base_url=hub.base_url, transport=httpx.AsyncHTTPTransport(local_address="127.0.0.2")
        ) as guesser_api:
            refused = await guesser_api.post("/api/rooms", json=ROOM, headers=WRONG_KEY)
            assert refused.status_code == 429
            assert refused.json()["error"]["code"] == "rate_limited"
        await new_room(hub)  # the app, on 127.0.0.1


@async_test
async def test_bad_practice_keys_count_towards_the_same_limit() -> None:
    async with (
        await start_hub() as hub,
        httpx.AsyncClient(
            base_url=hub.base_url, transport=httpx.AsyncHTTPTransport(local_address="127.0.0.4")
        ) as intruder,
        client_from("127.0.0.4") as intruder_ws,
    ):
        for _ in range(5):
            answer = await intruder.post("/api/rooms", json=ROOM, headers=WRONG_KEY)
            assert answer.status_code == 401
        await failed_hellos(intruder_ws, hub, 5)
        good = {"Authorization": f"Bearer {hub.api_key}"}
        assert (await intruder.post("/api/rooms", json=ROOM, headers=good)).status_code == 429


@async_test
async def test_behind_a_trusted_proxy_each_forwarded_client_has_its_own_budget() -> None:
    config = HubConfig(trusted_proxies=("127.0.0.5",))
    async with (
        await start_hub(config) as hub,
        client_from("127.0.0.5") as proxy,
        client_from("127.0.0.6") as direct,
    ):
        room = await new_room(hub)

        async def hello(http: aiohttp.ClientSession, forwarded_for: str, token: str) -> str:
            headers = {"X-Forwarded-For": forwarded_for}
            async with signaling(http, hub, headers=headers) as client:
                answer = await client.hello("patient", token)
                return str(answer.get("code", answer["type"]))

        for _ in range(10):
            assert await hello(proxy, "203.0.113.7", UNKNOWN) == "invalid_link"
        assert await hello(proxy, "203.0.113.7", room.patient_token) == "rate_limited"
        # another patient through the same proxy, and one who wrote a fake address first
        assert await hello(proxy, "203.0.113.8", room.patient_token) == "welcome"
        assert await hello(proxy, "203.0.113.7, 203.0.113.9", room.patient_token) == "welcome"
        # a client that is not a trusted proxy cannot choose the address it is counted under
        for _ in range(10):
            assert await hello(direct, "198.51.100.1", UNKNOWN) == "invalid_link"
        assert await hello(direct, "198.51.100.2", room.patient_token) == "rate_limited"


@async_test
async def test_the_socket_is_for_the_hubs_own_pages_and_for_the_app() -> None:
    config = HubConfig(allowed_origins=("https://consult.example.be",))
    async with await start_hub(config) as hub, aiohttp.ClientSession() as http:
        room = await new_room(hub)
        # a page on another site cannot open it, even holding a good token
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            async with signaling(http, hub, origin="https://evil.example"):
                pass
        assert refused.value.status == 403
        # the hub's own page and configured origins may
        for origin in (hub.base_url, "https://consult.example.be"):
            async with signaling(http, hub, origin=origin) as patient:
                assert (await patient.hello("patient", room.patient_token))["type"] == "welcome"
        # the app sends no Origin at all: that is fine
        async with signaling(http, hub) as app:
            welcome = await app.hello("practitioner", room.practitioner_token)
            assert welcome["type"] == "welcome"
