"""Blocking work off the event loop, on threads of our own.

The loop's default executor runs aiortc's VP8/Opus encoders; device opening and frame conversion
get their own threads so they never queue behind (or in front of) the encoders.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")

log = logging.getLogger(__name__)


async def run_in_thread(
    work: Callable[[], T],
    *,
    name: str,
    discard: Callable[[T], None] | None = None,
) -> T:
    """Runs `work` on a new daemon thread and returns its result.

    If the caller stops waiting (cancelled, timed out) before `work` finishes, its result is
    handed to `discard` on that thread (to close a device that opened too late).
    """
    loop = asyncio.get_running_loop()
    future: asyncio.Future[T] = loop.create_future()

    def fail(error: BaseException) -> None:
        if not future.done():
            future.set_exception(error)

    def settle(result: T) -> None:
        if not future.done():
            future.set_result(result)
        elif discard is not None:
            threading.Thread(target=_discard, args=(discard, result), daemon=True).start()

    def target() -> None:
        try:
            result = work()
        except BaseException as error:  # handed to the awaiting coroutine
            with contextlib.suppress(RuntimeError):  # the loop is closed: nobody waits
                loop.call_soon_threadsafe(fail, error)
            return
        try:
            loop.call_soon_threadsafe(settle, result)
        except RuntimeError:  # the loop is closed
            if discard is not None:
                _discard(discard, result)

    threading.Thread(target=target, name=name, daemon=True).start()
    return await future


def _discard(discard: Callable[[T], None], result: T) -> None:
    try:
        discard(result)
    except Exception:
        log.exception("could not release a resource that was opened too late")
