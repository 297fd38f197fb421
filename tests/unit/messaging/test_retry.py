from __future__ import annotations

from datetime import UTC, datetime, timedelta
from email.utils import format_datetime

import pytest

from tooddoc_desk.messaging.problems import Reason
from tooddoc_desk.messaging.retry import Action, Decision, RetryPolicy, parse_retry_after
from tooddoc_desk.messaging.sender import Ambiguous, DeliveryError

NOW = datetime(2025, 3, 14, 9, 0, tzinfo=UTC)


def busy(retry_after: float | None = None) -> DeliveryError:
    return DeliveryError(
        "busy", transient=True, retry_after=retry_after, reason=Reason.RATE_LIMITED
    )


def test_backoff_doubles_up_to_the_cap_with_full_jitter() -> None:
    top = RetryPolicy(base_delay=2.0, max_delay=20.0, jitter=lambda: 1.0)
    assert [top.backoff(n) for n in range(1, 6)] == [2.0, 4.0, 8.0, 16.0, 20.0]
    bottom = RetryPolicy(jitter=lambda: 0.0)
    assert bottom.backoff(3) == 0.0
    half = RetryPolicy(base_delay=2.0, jitter=lambda: 0.5)
    assert half.backoff(3) == 4.0


def test_the_real_jitter_stays_within_its_bounds() -> None:
    policy = RetryPolicy(base_delay=2.0, max_delay=300.0)
    delays = [policy.backoff(4) for _ in range(200)]
    assert all(0.0 <= d <= 16.0 for d in delays)
    assert len(set(delays)) > 100  # random, not a fixed step


def test_transient_errors_are_retried_until_the_attempts_run_out() -> None:
    policy = RetryPolicy(max_attempts=3, jitter=lambda: 1.0)
    assert policy.decide(busy(), 1, 0.0) == Decision(Action.RETRY, 2.0)
    assert policy.decide(busy(), 2, 2.0) == Decision(Action.RETRY, 4.0)
    assert policy.decide(busy(), 3, 6.0).action is Action.GIVE_UP


def test_retry_after_is_a_floor() -> None:
    policy = RetryPolicy(jitter=lambda: 1.0)
    assert policy.decide(busy(retry_after=30.0), 1, 0.0) == Decision(Action.RETRY, 30.0)
    assert policy.decide(busy(retry_after=0.5), 3, 0.0) == Decision(Action.RETRY, 8.0)


def test_no_try_is_planned_past_the_time_bound() -> None:
    policy = RetryPolicy(max_elapsed=60.0, jitter=lambda: 1.0)
    assert policy.decide(busy(retry_after=90.0), 1, 0.0).action is Action.GIVE_UP
    assert policy.decide(busy(), 2, 57.0).action is Action.GIVE_UP
    assert policy.decide(busy(), 2, 55.0).action is Action.RETRY


def test_permanent_errors_stop_at_once_and_ambiguous_ones_are_looked_up() -> None:
    policy = RetryPolicy(lookup_delay=7.0)
    refused = DeliveryError("no", transient=False, reason=Reason.INVALID_NUMBER)
    assert policy.decide(refused, 1, 0.0).action is Action.GIVE_UP
    assert policy.decide(Ambiguous(), 1, 0.0) == Decision(Action.LOOK_UP, 7.0)
    assert policy.decide(Ambiguous(), 5, 0.0).action is Action.LOOK_UP  # never resent blindly


def test_a_policy_must_allow_a_try() -> None:
    with pytest.raises(ValueError, match="at least one"):
        RetryPolicy(max_attempts=0)
    with pytest.raises(ValueError, match="negative"):
        RetryPolicy(base_delay=-1.0)


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        (None, None),
        ("", None),
        ("120", 120.0),
        (" 3 ", 3.0),
        ("0", 0.0),
        ("-5", None),
        ("soon", None),
        ("1.5", None),
        (format_datetime(NOW + timedelta(seconds=90), usegmt=True), 90.0),
        ("Fri, 14 Mar 2025 09:02:00 GMT", 120.0),
        ("Friday, 14-Mar-25 09:01:00 GMT", 60.0),  # obsolete RFC 850 form, still read
        ("Fri, 14 Mar 2025 08:00:00 GMT", 0.0),  # already past
    ],
)
def test_retry_after_is_seconds_or_an_http_date(value: str | None, seconds: float | None) -> None:
    assert parse_retry_after(value, NOW) == seconds
