"""`GET /ws`: one client's signaling connection, from the handshake to the last frame.

The handler checks the Origin (browsers send it; a page from another site may not talk to the
hub), waits for `hello` (10 seconds), then reads frames: each is counted against the socket's
rate, parsed and handed to the relay. A refused frame gets an `error`; a malformed one (not a
JSON object of the protocol) also closes the connection, and so do too many refusals. Nothing a
client sends can make the handler raise: the hub keeps serving.
"""

from __future__ import annotations

import asyncio
import logging

from aiohttp import WSMsgType, web

from tooddoc_desk.hub.context import HUB, HubContext
from tooddoc_desk.hub.messages import (
    CloseCode,
    ErrorCode,
    Hello,
    ProtocolError,
    error,
    parse_message,
)
from tooddoc_desk.hub.peer import SocketPeer
from tooddoc_desk.hub.relay import Seat
from tooddoc_desk.hub.throttle import TokenBucket

log = logging.getLogger(__name__)

# Refusals of well-formed messages that only came early (the app may prepare its answer before
# admission; a held device may try its luck): they do not count towards a disconnection.
_UNCOUNTED = frozenset({ErrorCode.NOT_ADMITTED, ErrorCode.DEVICE_HELD, ErrorCode.PAYMENT_REQUIRED})
# Refusals that end the connection at once, with the close code given.
_FATAL = {
    ErrorCode.UNSUPPORTED_VERSION: CloseCode.PROTOCOL,
    ErrorCode.BAD_MESSAGE: CloseCode.PROTOCOL,
}

CLOSE_TIMEOUT = 3.0  # seconds to wait for the client's close frame
HEARTBEAT = 20.0  # seconds between pings; a client that does not answer is dropped


async def signaling_socket(request: web.Request) -> web.StreamResponse:
    hub = request.app[HUB]
    origin = request.headers.get("Origin")
    if origin is not None and origin not in hub.allowed_origins:
        raise web.HTTPForbidden(text="this origin may not open the signaling socket")
    ws = web.WebSocketResponse(
        compress=False,  # permessage-deflate makes each room hold ~260 KiB for good
        max_msg_size=hub.limits.max_message_bytes + 1,  # aiohttp refuses sizes >= the bound
        heartbeat=HEARTBEAT,
        timeout=CLOSE_TIMEOUT,
    )
    if not ws.can_prepare(request).ok:
        raise web.HTTPBadRequest(text="this path speaks websocket only")
    await ws.prepare(request)
    peer = SocketPeer(ws, hub.limits.outgoing_queue)
    writer = asyncio.create_task(peer.pump())
    handler = asyncio.current_task()
    if handler is not None:
        hub.peers[peer] = handler
    conversation = _Conversation(hub, peer, hub.client_of(request))
    try:
        await conversation.run(ws)
    finally:
        hub.peers.pop(peer, None)
        if conversation.seat is not None:
            hub.relay.leave(conversation.seat)
        peer.close(CloseCode.NORMAL)
        await writer
    return ws


class _Conversation:
    def __init__(self, hub: HubContext, peer: SocketPeer, address: str) -> None:
        self.hub = hub
        self.peer = peer
        self.address = address
        self.seat: Seat | None = None
        self.refusals = 0
        self.bucket = TokenBucket(hub.limits.messages_per_second)

    async def run(self, ws: web.WebSocketResponse) -> None:
        loop = asyncio.get_running_loop()
        hello_deadline = loop.time() + self.hub.limits.hello_timeout
        while not self.peer.closing:
            timeout = None
            if self.seat is None:
                timeout = hello_deadline - loop.time()
                if timeout <= 0:
                    self._hang_up(
                        ErrorCode.HELLO_TIMEOUT, "say hello first", CloseCode.HELLO_TIMEOUT
                    )
                    return
            try:
                message = await ws.receive(timeout=timeout)
            except TimeoutError:
                continue  # the deadline check above answers
            if message.type in (WSMsgType.CLOSE, WSMsgType.CLOSING, WSMsgType.CLOSED):
                return
            if message.type is WSMsgType.ERROR:
                log.debug("websocket error: %s", type(message.data).__name__)
                return
            if not self.bucket.take():
                self._refuse(ProtocolError(ErrorCode.RATE_LIMITED, "slow down"))
            elif message.type is not WSMsgType.TEXT:
                self._refuse(ProtocolError(ErrorCode.BAD_MESSAGE, "frames are JSON text"))
            else:
                try:
                    self._handle(message.data)
                except ProtocolError as refused:
                    self._refuse(refused)

    def _handle(self, text: str) -> None:
        message = parse_message(text)
        if self.seat is not None:
            self.hub.relay.receive(self.seat, message)
            return
        if not isinstance(message, Hello):
            raise ProtocolError(ErrorCode.OUT_OF_ORDER, "the first message is `hello`")
        if self.hub.failures.blocked(self.address):
            self._hang_up(ErrorCode.RATE_LIMITED, "too many tries", CloseCode.RATE_LIMITED)
            return
        self.seat = self.hub.relay.hello(message, self.peer)
        if self.seat is None:
            self.hub.failures.record(self.address)
            self._hang_up(
                ErrorCode.INVALID_LINK, "This link is no longer valid.", CloseCode.INVALID_LINK
            )

    def _refuse(self, refused: ProtocolError) -> None:
        fatal = _FATAL.get(refused.code)
        if fatal is not None:
            self._hang_up(refused.code, refused.message, fatal)
            return
        self.peer.send(error(refused.code, refused.message))
        if refused.code not in _UNCOUNTED:
            self.refusals += 1
        if self.refusals >= self.hub.limits.refusals_before_disconnect:
            rate = refused.code is ErrorCode.RATE_LIMITED
            self.peer.close(CloseCode.RATE_LIMITED if rate else CloseCode.PROTOCOL)

    def _hang_up(self, code: ErrorCode, text: str, close_code: CloseCode) -> None:
        self.peer.send(error(code, text))
        self.peer.close(close_code)


async def close_all(hub: HubContext) -> None:
    """Closes every socket with 1001 and waits (a little) for their handlers to finish."""
    for peer in list(hub.peers):
        peer.close(CloseCode.GOING_AWAY)
    handlers = set(hub.peers.values())
    if handlers:
        await asyncio.wait(handlers, timeout=CLOSE_TIMEOUT + 1.0)
