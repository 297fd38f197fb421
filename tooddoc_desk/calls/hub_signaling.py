"""The practitioner's end of the hub's signaling websocket (docs/hub-protocol.md).

    signaling, welcome = await HubSignaling.connect(http_session, hub_url, practitioner_token)

connects to `/ws`, says `hello` as the practitioner and returns the hub's `welcome`. Failures are
typed: InvalidLink (unknown, expired or closed room), HubRefused (the hub answered with another
error), HubUnreachable (no answer at all), HubProtocolError (an answer that is not the protocol).
"""

from __future__ import annotations

import asyncio
import json
import logging
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit, urlunsplit

import aiohttp

from tooddoc_desk.calls.signaling import Message, SignalingClosed, SignalingError

log = logging.getLogger(__name__)

PROTOCOL_VERSION = 1
MAX_MESSAGE_BYTES = 64 * 1024
CLOSE_INVALID_LINK = 4401


class InvalidLink(SignalingError):
    code = "invalid_link"


class HubRefused(SignalingError):
    code = "hub_refused"

    def __init__(self, message: str, hub_code: str = "") -> None:
        super().__init__(message)
        self.hub_code = hub_code


class HubUnreachable(SignalingError):
    code = "hub_unreachable"


class HubProtocolError(SignalingError):
    code = "hub_protocol_error"


@dataclass(frozen=True)
class IceServer:
    """One STUN/TURN server as the hub hands it out."""

    urls: tuple[str, ...]
    username: str | None = None
    credential: str | None = None

    def __post_init__(self) -> None:
        if not self.urls or not all(isinstance(u, str) and u for u in self.urls):
            raise ValueError("an ICE server needs at least one URL")

    @classmethod
    def from_json(cls, data: object) -> IceServer:
        if not isinstance(data, dict):
            raise ValueError("an ICE server is an object")
        urls = data.get("urls")
        url_list = [urls] if isinstance(urls, str) else urls
        if not isinstance(url_list, list):
            raise ValueError("an ICE server's urls is a list")
        username, credential = data.get("username"), data.get("credential")
        if username is not None and not isinstance(username, str):
            raise ValueError("an ICE server's username is a string")
        if credential is not None and not isinstance(credential, str):
            raise ValueError("an ICE server's credential is a string")
        return cls(tuple(url_list), username, credential)


@dataclass(frozen=True)
class Welcome:
    room_id: str
    role: str
    practice_name: str
    language: str
    ice_servers: tuple[IceServer, ...]
    admitted: bool

    @classmethod
    def from_json(cls, data: Message) -> Welcome:
        try:
            servers = data["ice_servers"]
            if not isinstance(servers, list):
                raise ValueError("ice_servers is a list")
            welcome = cls(
                room_id=str(data["room_id"]),
                role=str(data["role"]),
                practice_name=str(data.get("practice_name", "")),
                language=str(data.get("language", "")),
                ice_servers=tuple(IceServer.from_json(s) for s in servers),
                admitted=bool(data.get("admitted", False)),
            )
        except (KeyError, ValueError) as error:
            raise HubProtocolError(f"the hub's welcome is malformed: {error}") from None
        return welcome


def websocket_url(hub_url: str) -> str:
    """`http(s)://host:port[/prefix]` (or ws(s)://) → the `/ws` endpoint under it."""
    parts = urlsplit(hub_url)
    scheme = {"http": "ws", "https": "wss", "ws": "ws", "wss": "wss"}.get(parts.scheme)
    if scheme is None or not parts.hostname:
        raise ValueError(f"not a hub address: {hub_url!r}")
    return urlunsplit((scheme, parts.netloc, parts.path.rstrip("/") + "/ws", "", ""))


class HubSignaling:
    """A `Signaling` over the hub's websocket. Build it with `HubSignaling.connect`."""

    def __init__(self, ws: aiohttp.ClientWebSocketResponse) -> None:
        self._ws = ws
        self._send_lock = asyncio.Lock()

    @classmethod
    async def connect(
        cls,
        http: aiohttp.ClientSession,
        hub_url: str,
        token: str,
        *,
        role: str = "practitioner",
        open_timeout: float = 10.0,
    ) -> tuple[HubSignaling, Welcome]:
        """Opens the websocket, says hello (as the practitioner), returns (signaling, welcome).

        `role="patient"` with a patient token speaks for the patient's page (tests, tools).
        """
        url = websocket_url(hub_url)
        try:
            async with asyncio.timeout(open_timeout):
                ws = await http.ws_connect(
                    url,
                    compress=0,
                    max_msg_size=MAX_MESSAGE_BYTES,
                    heartbeat=20.0,
                    autoping=True,
                )
        except aiohttp.WSServerHandshakeError as error:
            raise HubRefused(f"the hub refused the connection ({error.status})") from None
        except (aiohttp.ClientError, OSError, TimeoutError) as error:
            raise HubUnreachable(f"the hub at {url} cannot be reached") from error
        signaling = cls(ws)
        try:
            async with asyncio.timeout(open_timeout):
                await signaling.send(
                    {"type": "hello", "v": PROTOCOL_VERSION, "role": role, "token": token}
                )
                reply = await signaling.receive()
            welcome = _welcome_from(reply, ws.close_code)
        except TimeoutError:
            await signaling.close()
            raise HubUnreachable("the hub did not answer in time") from None
        except SignalingClosed:
            await signaling.close()
            raise HubUnreachable("the hub closed the connection") from None
        except SignalingError:
            await signaling.close()
            raise
        return signaling, welcome

    @property
    def close_code(self) -> int | None:
        return self._ws.close_code

    async def send(self, message: Message) -> None:
        if self._ws.closed:
            raise SignalingClosed("the hub connection is closed")
        text = json.dumps(message, separators=(",", ":"))
        if len(text.encode()) > MAX_MESSAGE_BYTES:
            raise ValueError("a signaling message is larger than the hub accepts")
        try:
            async with self._send_lock:
                await self._ws.send_str(text)
        except (ConnectionError, aiohttp.ClientError) as error:
            raise SignalingClosed("the hub connection is closed") from error

    async def receive(self) -> Message | None:
        while True:
            msg = await self._ws.receive()
            if msg.type == aiohttp.WSMsgType.TEXT:
                parsed = _parse(msg.data)
                if parsed is not None:
                    return parsed
                log.warning("ignored a hub message that is not a JSON object")
            elif msg.type in (
                aiohttp.WSMsgType.CLOSE,
                aiohttp.WSMsgType.CLOSING,
                aiohttp.WSMsgType.CLOSED,
                aiohttp.WSMsgType.ERROR,
            ):
                return None
            else:
                log.warning("ignored a hub message of type %s", msg.type.name)

    async def close(self) -> None:
        if not self._ws.closed:
            await self._ws.close()


def _parse(data: Any) -> Message | None:
    try:
        value = json.loads(data)
    except (TypeError, ValueError):
        return None
    return value if isinstance(value, dict) else None


def _welcome_from(reply: Message | None, close_code: int | None) -> Welcome:
    if reply is None:
        if close_code == CLOSE_INVALID_LINK:
            raise InvalidLink("this consultation link is unknown, expired or closed")
        raise SignalingClosed("the hub closed the connection")
    kind = reply.get("type")
    if kind == "welcome":
        return Welcome.from_json(reply)
    if kind == "error":
        code = str(reply.get("code", ""))
        message = str(reply.get("message", "")) or "the hub refused the connection"
        if code == "invalid_link":
            raise InvalidLink("this consultation link is unknown, expired or closed")
        raise HubRefused(message, code)
    raise HubProtocolError(f"the hub answered hello with {kind!r}")
