"""Send one invite with retries, for callers that do not persist attempts.

`deliver` runs the whole flow in memory: send; on a transient error wait as the policy says and
send again; on an ambiguous attempt ask the provider whether it has the message (where it can
list what it sent): found, it is the receipt; not found, sending again is safe; when the
provider cannot be asked, `Ambiguous` is raised for a person to decide. Permanent errors are
raised at once; transient ones that outlast the policy become `OutOfTries`.

Log lines name the consultation, the provider and the reason code, never the contact or text.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Awaitable, Callable

from tooddoc_desk.messaging.message import Channel, OutgoingMessage, Receipt
from tooddoc_desk.messaging.problems import MAIL_SERVER, SMS_SERVICE, Reason, sentence
from tooddoc_desk.messaging.retry import Action, RetryPolicy
from tooddoc_desk.messaging.sender import Ambiguous, DeliveryError, Finder, Sender

log = logging.getLogger(__name__)

Sleep = Callable[[float], Awaitable[None]]
Monotonic = Callable[[], float]


class OutOfTries(DeliveryError):
    """Every try the policy allowed failed for a passing reason; `last` is the last error."""

    def __init__(self, last: DeliveryError, attempts: int) -> None:
        tries = "once" if attempts == 1 else f"{attempts} times"
        super().__init__(
            f"{last.message} The app tried {tries}; the invite was not sent. "
            "Try again in a few minutes, or use the other channel.",
            transient=False,
            reason=last.reason,
        )
        self.last = last
        self.attempts = attempts


async def deliver(
    sender: Sender,
    message: OutgoingMessage,
    policy: RetryPolicy | None = None,
    *,
    sleep: Sleep = asyncio.sleep,
    monotonic: Monotonic = time.monotonic,
) -> Receipt:
    policy = policy or RetryPolicy()
    provider = _name(sender)
    started = monotonic()
    attempt = 0
    while True:
        attempt += 1
        try:
            receipt = await sender.send(message)
        except DeliveryError as error:
            decision = policy.decide(error, attempt, monotonic() - started)
            can_look = isinstance(sender, Finder)
            log.info(
                "consultation %s: try %d through %s failed (%s): %s",
                message.consultation_id,
                attempt,
                provider,
                error.reason.value,
                "unknown"
                if decision.action is Action.LOOK_UP and not can_look
                else decision.action,
            )
            if decision.action is Action.GIVE_UP:
                if error.transient:
                    raise OutOfTries(error, attempt) from None
                raise
            if decision.action is Action.RETRY:
                await sleep(decision.delay)
                continue
            if not isinstance(error, Ambiguous) or not isinstance(sender, Finder):
                raise  # nobody can tell whether it left: a person decides (`unknown`)
            await sleep(decision.delay)
            found = await look_up(sender, message, policy, error, sleep)
            if found is not None:
                log.info(
                    "consultation %s: %s had the message after all",
                    message.consultation_id,
                    provider,
                )
                return found
            missing = never_arrived(message)
            decision = policy.decide(missing, attempt, monotonic() - started)
            if decision.action is Action.GIVE_UP:
                raise OutOfTries(missing, attempt) from None
            await sleep(decision.delay)
        else:
            log.info(
                "consultation %s: invite accepted by %s on try %d",
                message.consultation_id,
                provider,
                attempt,
            )
            return receipt


def never_arrived(message: OutgoingMessage) -> DeliveryError:
    """What an ambiguous attempt turns out to be when the provider has no such message: the
    request never got through, so sending again is safe (if the policy allows another try)."""
    service = MAIL_SERVER if message.channel is Channel.EMAIL else SMS_SERVICE
    return DeliveryError(sentence(Reason.TIMEOUT, service), transient=True, reason=Reason.TIMEOUT)


async def look_up(
    sender: Finder,
    message: OutgoingMessage,
    policy: RetryPolicy,
    ambiguous: Ambiguous,
    sleep: Sleep,
) -> Receipt | None:
    """The provider's receipt for `message`, None if it has none; raises `ambiguous` when the
    provider cannot be asked."""
    for lookup in range(1, policy.lookup_attempts + 1):
        try:
            return await sender.find(message)
        except DeliveryError as error:
            log.info(
                "consultation %s: look-up %d failed (%s)",
                message.consultation_id,
                lookup,
                error.reason.value,
            )
            if not error.transient or lookup == policy.lookup_attempts:
                break
            await sleep(max(policy.backoff(lookup), error.retry_after or 0.0))
    raise ambiguous


def _name(sender: Sender) -> str:
    provider = getattr(sender, "provider", None)
    return provider if isinstance(provider, str) else type(sender).__name__
