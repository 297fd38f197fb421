"""Rate limits, driven by a hand-held monotonic clock."""

from __future__ import annotations

from tooddoc_desk.hub.throttle import FailureLimiter, TokenBucket, client_key


class Ticks:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_the_bucket_allows_a_burst_of_its_rate_then_refills() -> None:
    ticks = Ticks()
    bucket = TokenBucket(50, ticks)
    assert sum(bucket.take() for _ in range(60)) == 50
    ticks.now += 0.5
    assert sum(bucket.take() for _ in range(30)) == 25
    ticks.now += 10
    assert sum(bucket.take() for _ in range(100)) == 50  # never more than one second's worth


def test_failures_block_an_address_for_the_window() -> None:
    ticks = Ticks()
    limiter = FailureLimiter(3, window=60, monotonic=ticks)
    for _ in range(2):
        limiter.record("10.0.0.1")
    assert not limiter.blocked("10.0.0.1")
    limiter.record("10.0.0.1")
    assert limiter.blocked("10.0.0.1")
    assert not limiter.blocked("10.0.0.2")
    ticks.now += 60
    assert not limiter.blocked("10.0.0.1")


def test_the_failure_table_is_bounded_and_pruned() -> None:
    ticks = Ticks()
    limiter = FailureLimiter(1, window=60, monotonic=ticks, max_addresses=2)
    for address in ("a", "b", "c"):
        limiter.record(address)
    assert not limiter.blocked("a")  # forgotten: the oldest of three with room for two
    assert limiter.blocked("b")
    assert limiter.blocked("c")
    ticks.now += 61
    limiter.prune()
    assert not limiter.blocked("c")


def test_failures_are_counted_per_ipv4_address_and_per_ipv6_64() -> None:
    assert client_key("203.0.113.7") == "203.0.113.7"
    assert client_key("::ffff:203.0.113.7") == "203.0.113.7"
    assert client_key("2001:db8:1:2:aaaa::1") == "2001:db8:1:2::/64"
    assert client_key("2001:db8:1:2:bbbb::9") == "2001:db8:1:2::/64"
    assert client_key("fe80::1%eth0") == "fe80::/64"
    assert client_key("unknown") == "unknown"
    limiter = FailureLimiter(2, monotonic=Ticks())
    limiter.record("2001:db8:1:2::1")
    limiter.record("2001:db8:1:2::2")
    assert limiter.blocked("2001:db8:1:2::3")  # one subscriber's prefix: one budget
    assert not limiter.blocked("2001:db8:1:3::1")


def test_the_limit_is_the_number_of_failures_allowed() -> None:
    limiter = FailureLimiter(10, monotonic=Ticks())
    for _ in range(9):
        limiter.record("a")
    assert not limiter.blocked("a")
    limiter.record("a")  # the tenth failure: the eleventh try is refused
    assert limiter.blocked("a")
