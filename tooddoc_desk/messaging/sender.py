"""The one interface every way of delivering an invite implements."""

from __future__ import annotations

from typing import Protocol

from tooddoc_desk.messaging.message import OutgoingMessage, Receipt


class DeliveryError(Exception):
    """The message could not be handed over; `message` says why, in words for the practitioner.

    `transient` tells whether trying again later may work.
    """

    def __init__(self, message: str, *, transient: bool) -> None:
        super().__init__(message)
        self.message = message
        self.transient = transient


class Sender(Protocol):
    async def send(self, message: OutgoingMessage) -> Receipt: ...
