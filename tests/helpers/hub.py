"""Speaking to a real hub in tests: a clock to hold still, rooms, and a signaling client.

    async with await start_hub(HubConfig(), clock=clock) as hub, aiohttp.ClientSession() as http:
        room = await new_room(hub)
        async with signaling(http, hub) as patient:
            welcome = await patient.hello("patient", room.patient_token)
            await patient.send({"type": "join"})
            ...
            code = await patient.closed()          # the close code, once the hub closes it

Every wait has a deadline (an assertion error, never a hang) and none is a sleep: messages are
awaited as they arrive.
"""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import Any

import aiohttp
import httpx

from tooddoc_desk.core.language import Language
from tooddoc_desk.hub import HubClient, RoomInvite, RunningHub

Json = dict[str, Any]
WAIT = 5.0


class FakeClock:
    """A Clock that moves only when told to."""

    def __init__(self, start: datetime | None = None) -> None:
        self.moment = start or datetime(2026, 11, 25, 9, 0, tzinfo=UTC)

    def now(self) -> datetime:
        return self.moment

    def advance(self, delta: timedelta) -> None:
        self.moment += delta


@dataclass(frozen=True)
class HubRoom:
    invite: RoomInvite = field(repr=False)

    @property
    def room_id(self) -> str:
        return self.invite.room_id

    @property
    def patient_token(self) -> str:
        return self.invite.patient_url.rsplit("/c/", 1)[1]

    @property
    def practitioner_token(self) -> str:
        return self.invite.practitioner_token


async def new_room(
    hub: RunningHub,
    practice_name: str = "Cabinet Dr Peeters",
    language: Language = Language.FR,
    ttl: timedelta | None = None,
) -> HubRoom:
    async with httpx.AsyncClient() as http:
        client = HubClient(http, hub.base_url, hub.api_key)
        return HubRoom(await client.create_room(practice_name, language, ttl))


class SignalingClient:
    """One websocket to the hub, read message by message."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self.ws = ws

    async def send(self, message: Json) -> None:
        await self.ws.send_str(json.dumps(message))

    async def hello(self, role: str, token: str, device: str | None = None) -> Json:
        """Says hello (with the patient's device id when given) and returns the answer."""
        message: Json = {"type": "hello", "v": 1, "role": role, "token": token}
        if device is not None:
            message["device"] = device
        await self.send(message)
        return await self.receive()

    async def receive(self, wait: float = WAIT) -> Json:
        """The next message; fails if the socket closes or nothing comes in time."""
        try:
            message = await self.ws.receive(timeout=wait)
        except TimeoutError:
            raise AssertionError(f"no message within {wait} s") from None
        if message.type is not aiohttp.WSMsgType.TEXT:
            raise AssertionError(f"expected a message, got {message.type.name} {message.data!r}")
        data: Json = json.loads(message.data)
        return data

    async def expect(self, kind: str, wait: float = WAIT) -> Json:
        message = await self.receive(wait)
        assert message["type"] == kind, f"expected {kind}, got {message}"
        return message

    async def assert_nothing_pending(self) -> None:
        """Asserts that the hub has sent this client nothing it has not read yet.

        No waiting for silence: the client sends a message of a type the hub must refuse (well
        formed: a malformed one would close the socket), and the `error` must be the next
        message. The hub's messages to one socket leave in the order they were decided, so
        anything queued for this client before would arrive first.
        """
        await self.send({"type": "probe"})
        message = await self.receive()
        assert message["type"] == "error", f"the client had been sent {message}"
        assert message["code"] == "unknown_type"

    async def closed(self, wait: float = WAIT) -> int:
        """Waits for the hub to close the socket and returns its close code.

        Fails if a message arrives first: use it once everything expected has been read.
        """
        try:
            message = await self.ws.receive(timeout=wait)
        except TimeoutError:
            raise AssertionError(f"the socket stayed open for {wait} s") from None
        if message.type is aiohttp.WSMsgType.TEXT:
            raise AssertionError(f"expected the socket to close, got {message.data}")
        return await self._close_code(message)

    async def drain_until_closed(self, wait: float = WAIT) -> tuple[list[Json], int]:
        """Every message until the hub closes the socket, and the close code."""
        messages: list[Json] = []
        while True:
            try:
                message = await self.ws.receive(timeout=wait)
            except TimeoutError:
                raise AssertionError(f"the socket stayed open for {wait} s") from None
            if message.type is not aiohttp.WSMsgType.TEXT:
                return messages, await self._close_code(message)
            messages.append(json.loads(message.data))

    async def _close_code(self, message: aiohttp.WSMessage) -> int:
        """The code in the hub's close frame (not what closing our side afterwards leaves)."""
        if message.type is aiohttp.WSMsgType.CLOSE:
            await self.ws.close()
            return int(message.data)
        assert message.type is aiohttp.WSMsgType.CLOSED, message
        code = self.ws.close_code
        assert code is not None, message
        return code


def client_from(address: str) -> aiohttp.ClientSession:
    """An HTTP/websocket client whose connections leave from `address` (loopback holds all of
    127.0.0.0/8: 127.0.0.2 is another client as far as the hub can tell)."""
    return aiohttp.ClientSession(connector=aiohttp.TCPConnector(local_addr=(address, 0)))


@asynccontextmanager
async def signaling(
    http: aiohttp.ClientSession,
    hub: RunningHub,
    *,
    origin: str | None = None,
    headers: dict[str, str] | None = None,
) -> AsyncIterator[SignalingClient]:
    headers = dict(headers or {})
    if origin:
        headers["Origin"] = origin
    # autoclose=False: the close frame is returned as it came, with the hub's code
    async with http.ws_connect(hub.websocket_url, headers=headers, autoclose=False) as ws:
        yield SignalingClient(ws)
