"""When to try an invite again, and when to stop.

The policy only decides; whoever sends (the `deliver` coroutine, or the persisted outbox) asks
it after each failed attempt:

- a permanent error (`transient=False`): stop and tell the practitioner;
- an `Ambiguous` attempt: never send again blindly; ask the provider whether it has the message
  (where it can list what it sent), otherwise leave the invite `unknown` for a person;
- a transient error: wait, then try again: exponential backoff with full jitter (a random delay
  between 0 and base·2^(n-1), capped), never shorter than the provider's Retry-After; stop after
  `max_attempts` tries or once the next try would fall past `max_elapsed` seconds.

The random source is injectable, and the policy never sleeps or reads a clock itself.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from enum import StrEnum

from tooddoc_desk.messaging.sender import Ambiguous, DeliveryError

_SYSTEM_RANDOM = random.SystemRandom()


class Action(StrEnum):
    RETRY = "retry"  # try again after `delay` seconds
    LOOK_UP = "look_up"  # ask the provider whether it has the message, after `delay` seconds
    GIVE_UP = "give_up"  # tell the practitioner


@dataclass(frozen=True)
class Decision:
    action: Action
    delay: float = 0.0


@dataclass(frozen=True)
class RetryPolicy:
    max_attempts: int = 5
    max_elapsed: float = 15 * 60.0
    base_delay: float = 2.0
    max_delay: float = 5 * 60.0
    lookup_delay: float = 5.0  # lets a request still under way at the provider settle
    lookup_attempts: int = 3
    jitter: Callable[[], float] = field(default=_SYSTEM_RANDOM.random, compare=False, repr=False)

    def __post_init__(self) -> None:
        if self.max_attempts < 1 or self.lookup_attempts < 1:
            raise ValueError("a policy allows at least one try")
        if min(self.max_elapsed, self.base_delay, self.max_delay, self.lookup_delay) < 0:
            raise ValueError("delays cannot be negative")

    def backoff(self, attempt: int) -> float:
        """Full jitter: uniform in [0, min(max_delay, base·2^(attempt-1))]."""
        ceiling = min(self.max_delay, self.base_delay * 2.0 ** max(0, attempt - 1))
        return self.jitter() * ceiling

    def decide(self, error: DeliveryError, attempt: int, elapsed: float) -> Decision:
        """What to do after try number `attempt` (1-based) failed with `error`, `elapsed`
        seconds after the first try began."""
        if isinstance(error, Ambiguous):
            return Decision(Action.LOOK_UP, self.lookup_delay)
        if not error.transient or attempt >= self.max_attempts:
            return Decision(Action.GIVE_UP)
        delay = self.backoff(attempt)
        if error.retry_after is not None:
            delay = max(delay, error.retry_after)
        if elapsed + delay > self.max_elapsed:
            return Decision(Action.GIVE_UP)
        return Decision(Action.RETRY, delay)


def parse_retry_after(value: str | None, now: datetime | None = None) -> float | None:
    """Seconds to wait from an HTTP Retry-After value: delay-seconds or an HTTP date (RFC 9110).
    None when absent or unreadable; a date in the past means no wait."""
    if value is None:
        return None
    text = value.strip()
    if text.isdigit():
        return float(int(text))
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if moment.tzinfo is None:  # "-0000" or an obsolete zone: HTTP dates are GMT
        moment = moment.replace(tzinfo=UTC)
    reference = now or datetime.now(UTC)
    return max(0.0, (moment - reference).total_seconds())
