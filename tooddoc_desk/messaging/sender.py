"""The one interface every way of delivering an invite implements, and what a send can end in.

A send returns a `Receipt` (the provider accepted the message) or raises:

- `DeliveryError` with `transient=False`: refused for good (an invalid number, bad credentials,
  an SMTP 5xx). Trying again will not help; the practitioner reads `message`.
- `DeliveryError` with `transient=True`: nothing was accepted and trying later may work (HTTP 429
  or 5xx, SMTP 4xx, a connection that could not be made). `retry_after` is the provider's
  Retry-After in seconds, when it gave one.
- `Ambiguous`: the request may have reached the provider (a timeout after it was sent, a
  connection dropped before the answer). It is never sent again blindly: a provider that can
  list what it sent is asked (`Finder.find`); otherwise a person decides.

Messages hold no patient data (no number, address, body or link): they are the sentences of
`messaging.problems`.
"""

from __future__ import annotations

from typing import Protocol, runtime_checkable

from tooddoc_desk.messaging.message import Channel, DeliveryStatus, OutgoingMessage, Receipt
from tooddoc_desk.messaging.problems import SMS_SERVICE, Reason, sentence


class DeliveryError(Exception):
    """The message could not be handed over; `message` says why, in words for the practitioner.

    `transient` tells whether trying again later may work; `retry_after` (seconds) is how long
    the provider asked the app to wait; `reason` is the same thing as a code.
    """

    def __init__(
        self,
        message: str,
        *,
        transient: bool,
        retry_after: float | None = None,
        reason: Reason = Reason.REFUSED,
    ) -> None:
        super().__init__(message)
        self.message = message
        self.transient = transient
        self.retry_after = retry_after
        self.reason = reason

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self.reason.value}, transient={self.transient})"


class Ambiguous(DeliveryError):
    """The request may have reached the provider: the message may or may not have left."""

    def __init__(self, message: str | None = None, *, service: str = SMS_SERVICE) -> None:
        super().__init__(
            message or sentence(Reason.AMBIGUOUS, service),
            transient=False,
            reason=Reason.AMBIGUOUS,
        )


class Sender(Protocol):
    async def send(self, message: OutgoingMessage) -> Receipt: ...


@runtime_checkable
class Finder(Protocol):
    """A sender whose provider can list the messages it accepted."""

    async def find(self, message: OutgoingMessage) -> Receipt | None:
        """The provider's record of `message` if it accepted it, else None. Raises
        DeliveryError when the provider cannot be asked."""
        ...


@runtime_checkable
class StatusSource(Protocol):
    """A sender whose provider tells what became of a message."""

    async def status(self, receipt: Receipt) -> DeliveryStatus:
        """Raises DeliveryError when the provider cannot be asked."""
        ...


@runtime_checkable
class Routes(Protocol):
    """A sender made of one sender per channel: whoever needs to know what a channel's sender
    can do (list its messages, tell their status) asks for that sender."""

    def for_channel(self, channel: Channel) -> Sender: ...
