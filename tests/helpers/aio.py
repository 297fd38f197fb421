"""Async tests without pytest-asyncio: each test runs in its own event loop, with a deadline.

    from tests.helpers.aio import async_test

    @async_test
    async def test_something(loopback_only: None) -> None:   # fixtures work as usual
        ...

    @async_test_timeout(90)
    async def test_something_slow() -> None: ...

The loop is created and closed by `asyncio.run`, so anything the test leaves open (a socket, a
task) surfaces as a warning, and warnings are errors here. Do not keep loop-bound objects in
fixtures with a scope wider than the test.
"""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")

DEFAULT_TIMEOUT = 30.0

AsyncTest = Callable[P, Coroutine[Any, Any, None]]


def async_test_timeout(seconds: float) -> Callable[[AsyncTest[P]], Callable[P, None]]:
    """Runs the decorated coroutine function as a plain test, failing it after `seconds`."""

    def decorate(test: AsyncTest[P]) -> Callable[P, None]:
        @functools.wraps(test)
        def run(*args: P.args, **kwargs: P.kwargs) -> None:
            asyncio.run(_within(test(*args, **kwargs), seconds))

        return run

    return decorate


def async_test(test: AsyncTest[P]) -> Callable[P, None]:
    """`async_test_timeout(DEFAULT_TIMEOUT)`."""
    return async_test_timeout(DEFAULT_TIMEOUT)(test)


async def _within(test: Coroutine[Any, Any, None], seconds: float) -> None:
    deadline = asyncio.timeout(seconds)
    try:
        async with deadline:
            await test
    except TimeoutError:
        if not deadline.expired():
            raise  # a wait inside the test ran out: its own traceback says which
        raise AssertionError(f"the test did not finish within {seconds} s") from None


async def until(condition: Callable[[], bool], what: str, seconds: float = 20.0) -> None:
    """Waits for a condition that no event announces (a frame counter, a page's statistics),
    checking it every 20 ms; fails the test, naming `what`, after `seconds`."""
    try:
        async with asyncio.timeout(seconds):
            while not condition():  # noqa: ASYNC110 (nothing to wait on but the condition)
                await asyncio.sleep(0.02)
    except TimeoutError:
        raise AssertionError(f"waited {seconds} s for {what}") from None


async def within(awaitable: Awaitable[T], seconds: float = 5.0, what: str = "an event") -> T:
    """Awaits `awaitable`, failing the test (not hanging it) if it takes over `seconds`."""
    try:
        return await asyncio.wait_for(awaitable, seconds)
    except TimeoutError:
        raise AssertionError(f"waited {seconds} s for {what}") from None


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

    async def wait_for_match(
        self, kind: type[T], matches: Callable[[T], bool], limit: float = 10.0
    ) -> T:
        """The first item of `kind` for which `matches` holds (waiting for it if need be)."""
        async with asyncio.timeout(limit):
            while True:
                found = [item for item in self.of(kind) if matches(item)]
                if found:
                    return found[0]
                self._changed.clear()
                await self._changed.wait()

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
