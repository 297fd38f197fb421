"""One connected client as the relay sees it: somewhere to send messages, and a way to close it.

The relay's rules run synchronously; `send` and `close` only queue. A writer task per socket
drains the queue in order, so what the relay decides in one step reaches the client in that order
even when several rooms' sockets act at once. A client that stops reading is dropped once its
queue is full rather than making the hub hold an unbounded backlog.
"""

from __future__ import annotations

import asyncio
import logging
from collections import deque
from collections.abc import Mapping
from typing import Any, Protocol

from aiohttp import web

from tooddoc_desk.hub.messages import CLOSE_REASONS, CloseCode, encode

log = logging.getLogger(__name__)


class Outlet(Protocol):
    def send(self, message: Mapping[str, Any]) -> None: ...

    def close(self, code: int) -> None:
        """Closes the connection after what was already sent; later sends are dropped."""


class SocketPeer:
    """An Outlet over an aiohttp server websocket. Run `pump()` as the socket's writer task."""

    def __init__(self, ws: web.WebSocketResponse, max_queue: int) -> None:
        self._ws = ws
        self._max_queue = max_queue
        self._queue: deque[str] = deque()
        self._close_code: int | None = None
        self._wakeup = asyncio.Event()

    @property
    def closing(self) -> bool:
        return self._close_code is not None

    def send(self, message: Mapping[str, Any]) -> None:
        if self._close_code is not None:
            return
        if len(self._queue) >= self._max_queue:
            log.warning("a client stopped reading its messages; dropping it")
            self.close(CloseCode.POLICY)
            return
        self._queue.append(encode(dict(message)))
        self._wakeup.set()

    def close(self, code: int) -> None:
        if self._close_code is None:
            self._close_code = code
            self._wakeup.set()

    async def pump(self) -> None:
        """Writes queued messages in order, then closes the socket when asked to."""
        try:
            while True:
                while self._queue:
                    await self._ws.send_str(self._queue.popleft())
                if self._close_code is not None:
                    break
                self._wakeup.clear()
                await self._wakeup.wait()
        except ConnectionError:
            self._queue.clear()  # the client is gone; nothing more to write
        code = self._close_code or CloseCode.NORMAL
        await self._ws.close(code=code, message=CLOSE_REASONS.get(code, "").encode())
