"""Rate limits, driven by a hand-held monotonic clock."""

from __future__ import annotations

from tooddoc_desk.hub.throttle import FailureLimiter, TokenBucket


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
