"""Rate limits: messages per socket, and failed lookups (bad tokens, bad keys) per address.

Both take a monotonic time source so that tests can drive them without sleeping.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable

Monotonic = Callable[[], float]


class TokenBucket:
    """Allows `rate` events a second on average, and bursts of up to `rate` events."""

    def __init__(self, rate: float, monotonic: Monotonic = time.monotonic) -> None:
        if rate <= 0:
            raise ValueError("rate must be positive")
        self._rate = rate
        self._capacity = rate
        self._tokens = rate
        self._monotonic = monotonic
        self._last = monotonic()

    def take(self) -> bool:
        now = self._monotonic()
        elapsed = max(0.0, now - self._last)
        self._last = now
        self._tokens = min(self._capacity, self._tokens + elapsed * self._rate)
        if self._tokens >= 1.0:
            self._tokens -= 1.0
            return True
        return False


class FailureLimiter:
    """Counts failures per address over a sliding window; an address over the limit is blocked.

    The table is bounded: past `max_addresses`, the address seen longest ago is forgotten.
    """

    def __init__(
        self,
        limit: int,
        window: float = 60.0,
        monotonic: Monotonic = time.monotonic,
        max_addresses: int = 10_000,
    ) -> None:
        if limit < 1 or window <= 0:
            raise ValueError("the limit and the window must be positive")
        self._limit = limit
        self._window = window
        self._monotonic = monotonic
        self._max_addresses = max_addresses
        self._failures: dict[str, deque[float]] = {}

    def blocked(self, address: str) -> bool:
        times = self._failures.get(address)
        if times is None:
            return False
        self._drop_old(times, self._monotonic())
        if not times:
            del self._failures[address]
            return False
        return len(times) >= self._limit

    def record(self, address: str) -> None:
        now = self._monotonic()
        times = self._failures.pop(address, None) or deque()
        self._drop_old(times, now)
        times.append(now)
        while len(times) > self._limit:
            times.popleft()
        self._failures[address] = times  # re-inserted: the dict keeps addresses by last failure
        while len(self._failures) > self._max_addresses:
            del self._failures[next(iter(self._failures))]

    def prune(self) -> None:
        now = self._monotonic()
        for address in list(self._failures):
            times = self._failures[address]
            self._drop_old(times, now)
            if not times:
                del self._failures[address]

    def _drop_old(self, times: deque[float], now: float) -> None:
        while times and times[0] <= now - self._window:
            times.popleft()
