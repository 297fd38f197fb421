"""The signaling channel a call runs over, behind a small interface.

`Signaling` carries JSON objects (dicts) both ways. `HubSignaling` (calls/hub_signaling.py) speaks
the hub's websocket protocol; `memory_pair()` gives two connected in-memory ends for tests.
"""

from __future__ import annotations

import asyncio
import json
from typing import Any, Protocol, runtime_checkable

Message = dict[str, Any]


class SignalingError(Exception):
    """Base of the signaling errors; `code` is stable, `message` is for a person."""

    code = "signaling_error"

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class SignalingClosed(SignalingError):
    """Raised by `send` once the channel is closed (by either side)."""

    code = "signaling_closed"


@runtime_checkable
class Signaling(Protocol):
    async def send(self, message: Message) -> None:
        """Sends one message; raises SignalingClosed if the channel is closed."""

    async def receive(self) -> Message | None:
        """The next message, or None once the channel is closed."""

    async def close(self) -> None:
        """Closes the channel; idempotent. A pending `receive` returns None."""


_CLOSED = object()


class MemorySignaling:
    """One end of an in-memory signaling channel. Every message sent is kept in `sent`.

    Messages go through a JSON round trip, as over a socket: the receiver gets a copy, and a
    message that a socket could not carry fails here too.
    """

    def __init__(self) -> None:
        self._inbox: asyncio.Queue[object] = asyncio.Queue()
        self._peer: MemorySignaling | None = None
        self._closed = False
        self.sent: list[Message] = []

    @property
    def closed(self) -> bool:
        return self._closed

    async def send(self, message: Message) -> None:
        if self._closed or self._peer is None or self._peer._closed:
            raise SignalingClosed("the signaling channel is closed")
        copy = json.loads(json.dumps(message))
        self.sent.append(copy)
        self._peer._inbox.put_nowait(copy)

    async def receive(self) -> Message | None:
        if self._closed and self._inbox.empty():
            return None
        item = await self._inbox.get()
        if item is _CLOSED:
            self._inbox.put_nowait(_CLOSED)  # later calls return None too
            return None
        assert isinstance(item, dict)
        return item

    async def close(self) -> None:
        if self._closed:
            return
        self._closed = True
        self._inbox.put_nowait(_CLOSED)
        if self._peer is not None and not self._peer._closed:
            self._peer._closed = True
            self._peer._inbox.put_nowait(_CLOSED)


def memory_pair() -> tuple[MemorySignaling, MemorySignaling]:
    """Two connected ends: what one sends, the other receives. Closing one closes both."""
    a, b = MemorySignaling(), MemorySignaling()
    a._peer, b._peer = b, a
    return a, b
