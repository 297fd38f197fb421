"""Delay for the app's side of a call: every datagram aiortc sends or receives is held for a
while in user space (this kernel has no netem).

    with app_delay(0.1) as delay:  # 100 ms each way: 200 ms more round trip
        ...                        # every ICE connection made meanwhile (aioice) is delayed
        delay.one_way = 0.01       # from now on, for every datagram (already made ones too)

aioice makes one `StunProtocol` per local socket; every datagram of the app's media goes through
its `datagram_received` (in), `send_data` and `send_stun` (out). While `app_delay` is on,
aioice makes `DelayedStunProtocol`s instead, which hold each datagram on a first-in first-out
line and let it go `one_way` seconds later, in order.
"""

from __future__ import annotations

import asyncio
import collections
import contextlib
from collections.abc import Callable, Iterator
from typing import Any

import aioice.ice


class Delay:
    """How long each datagram is held, each way (seconds); may change during a test."""

    def __init__(self, one_way: float) -> None:
        self.one_way = one_way


class DelayLine:
    """Runs actions `delay.one_way` seconds after they were pushed, in the order they were
    pushed."""

    def __init__(self, delay: Delay) -> None:
        self.delay = delay
        self._waiting: collections.deque[tuple[float, Callable[[], None]]] = collections.deque()
        self._timer: asyncio.TimerHandle | None = None

    def push(self, action: Callable[[], None]) -> None:
        if self.delay.one_way <= 0 and not self._waiting:
            action()
            return
        loop = asyncio.get_running_loop()
        due = loop.time() + self.delay.one_way
        if self._waiting:
            due = max(due, self._waiting[-1][0])  # a shorter delay does not overtake
        self._waiting.append((due, action))
        if self._timer is None:
            self._timer = loop.call_at(self._waiting[0][0], self._release)

    def _release(self) -> None:
        self._timer = None
        loop = asyncio.get_running_loop()
        now = loop.time()
        while self._waiting and self._waiting[0][0] <= now:
            _, action = self._waiting.popleft()
            action()
        if self._waiting:
            self._timer = loop.call_at(self._waiting[0][0], self._release)

    def clear(self) -> None:
        self._waiting.clear()
        if self._timer is not None:
            self._timer.cancel()
            self._timer = None


class DelayedStunProtocol(aioice.ice.StunProtocol):
    delay = Delay(0.0)  # set by app_delay

    def __init__(self, receiver: Any) -> None:
        super().__init__(receiver)
        self._in = DelayLine(self.delay)
        self._out = DelayLine(self.delay)

    def _open(self) -> bool:
        transport = getattr(self, "transport", None)
        return transport is not None and not transport.is_closing()

    def datagram_received(self, data: bytes | str, addr: tuple[Any, ...]) -> None:
        deliver = super().datagram_received

        def later() -> None:
            if self._open():
                deliver(data, addr)

        self._in.push(later)

    async def send_data(self, data: bytes, addr: tuple[str, int]) -> None:
        def later() -> None:
            if self._open():
                self.transport.sendto(data, addr)

        self._out.push(later)

    def send_stun(self, message: Any, addr: tuple[str, int]) -> None:
        send = super().send_stun

        def later() -> None:
            if self._open():
                send(message, addr)

        self._out.push(later)

    def connection_lost(self, exc: Exception | None) -> None:
        self._in.clear()
        self._out.clear()
        super().connection_lost(exc)


@contextlib.contextmanager
def app_delay(one_way: float) -> Iterator[Delay]:
    """Delays the datagrams of every ICE connection made in this process meanwhile by `one_way`
    seconds each way (change the Delay it gives to change it)."""
    original = aioice.ice.StunProtocol
    delay = Delay(one_way)
    DelayedStunProtocol.delay = delay
    aioice.ice.StunProtocol = DelayedStunProtocol  # type: ignore[misc]
    try:
        yield delay
    finally:
        aioice.ice.StunProtocol = original  # type: ignore[misc]
