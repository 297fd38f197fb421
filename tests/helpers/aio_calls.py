"""Running coroutine tests without pytest-asyncio, and waiting on what a Session reports."""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, TypeVar

T = TypeVar("T")

DEFAULT_TIMEOUT = 20.0


def run(test: Callable[[], Coroutine[Any, Any, None]], timeout: float = DEFAULT_TIMEOUT) -> None:
    """Runs one coroutine test on a fresh event loop, failing it after `timeout` seconds."""

    async def bounded() -> None:
        async with asyncio.timeout(timeout):
            await test()

    asyncio.run(bounded())


class Recorder:
    """A callable that keeps every value it is given and lets a test wait for one."""

    def __init__(self) -> None:
        self.items: list[object] = []
        self._changed = asyncio.Event()

    def __call__(self, item: object) -> None:
        self.items.append(item)
        self._changed.set()

    def of(self, kind: type[T]) -> list[T]:
        return [item for item in self.items if isinstance(item, kind)]

    def kinds(self) -> list[type]:
        return [type(item) for item in self.items]

    async def wait_for(self, kind: type[T], limit: float = 10.0) -> T:
        """The first item of `kind` (waiting for it if need be)."""
        return (await self.wait_for_count(kind, 1, limit))[0]

    async def wait_for_count(self, kind: type[T], count: int, limit: float = 10.0) -> list[T]:
        """The items of `kind`, once there are at least `count` of them."""
        async with asyncio.timeout(limit):
            while len(self.of(kind)) < count:
                self._changed.clear()
                await self._changed.wait()
        return self.of(kind)


class Counter:
    """Counts calls; `reached(n)` waits until there were at least n."""

    def __init__(self) -> None:
        self.count = 0
        self.last: object = None
        self._changed = asyncio.Event()

    def __call__(self, item: object) -> None:
        self.count += 1
        self.last = item
        self._changed.set()

    async def reached(self, n: int, limit: float = 10.0) -> None:
        async with asyncio.timeout(limit):
            while self.count < n:
                self._changed.clear()
                await self._changed.wait()
