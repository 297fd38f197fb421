"""What is sent to a patient: the channel, the address, and words that hold no health data."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from tooddoc_desk.core.contact import Contact


class Channel(StrEnum):
    SMS = "sms"
    EMAIL = "email"


@dataclass(frozen=True)
class OutgoingMessage:
    consultation_id: str
    channel: Channel
    to: Contact
    subject: str | None
    body: str

    def __post_init__(self) -> None:
        if self.to.channel != self.channel:
            raise ValueError("the message's channel does not match its contact")
        if (self.subject is None) != (self.channel is Channel.SMS):
            raise ValueError("an e-mail has a subject and an SMS has none")


@dataclass(frozen=True)
class Receipt:
    """What a sender reports once the message has left (or been shown, for the dev outbox)."""

    consultation_id: str
    channel: Channel
    provider: str
    provider_id: str | None = None
