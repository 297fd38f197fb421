"""Rate limits: messages per socket, and failed lookups (bad tokens, bad keys) per address.

Both take a monotonic time source so that tests can drive them without sleeping. Failures are
counted per client: an IPv4 address, or an IPv6 /64 (one subscriber's prefix: a client that
owns a /64 would otherwise get a fresh budget from each of its addresses).
"""

from __future__ import annotations

import ipaddress
import time
from collections import deque
from collections.abc import Callable

Monotonic = Callable[[], float]
IPV6_CLIENT_PREFIX = 64


def client_key(address: str) -> str:
    """The key failures are counted under: the IPv4 address (also when written as IPv4-mapped
    IPv6), the /64 of an IPv6 address, or the text itself when it is not an address."""
    try:
        ip = ipaddress.ip_address(address.split("%", 1)[0])
    except ValueError:
        return address
    if isinstance(ip, ipaddress.IPv6Address):
        if ip.ipv4_mapped is not None:
            return str(ip.ipv4_mapped)
        return str(ipaddress.IPv6Network((ip, IPV6_CLIENT_PREFIX), strict=False))
    return str(ip)


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
        """True once `address` failed `limit` times within the window: its next try is refused."""
        address = client_key(address)
        times = self._failures.get(address)
        if times is None:
            return False
        self._drop_old(times, self._monotonic())
        if not times:
            del self._failures[address]
            return False
        return len(times) >= self._limit

    def record(self, address: str) -> None:
        address = client_key(address)
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
