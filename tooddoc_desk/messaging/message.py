"""What is sent to a patient: the channel, the address, and words that hold no health data.

An `OutgoingMessage` carries an idempotency key that stays the same for every attempt of one
invite: providers that accept a reference of the sender's own receive it, and the e-mail's
Message-ID is built from it. Its `link` (when known) is how a sent message is recognised at a
provider that can list what it sent.
"""

from __future__ import annotations

import re
import uuid
from dataclasses import dataclass, field
from enum import StrEnum

from tooddoc_desk.core.contact import Contact
from tooddoc_desk.core.language import Language

_IDEMPOTENCY_KEY = re.compile(r"[A-Za-z0-9._:-]{1,100}")
_ALPHANUMERIC_SENDER = re.compile(r"[A-Za-z0-9 ]{1,11}")
_NUMERIC_SENDER = re.compile(r"\+[1-9]\d{6,14}")


class Channel(StrEnum):
    SMS = "sms"
    EMAIL = "email"


class DeliveryStatus(StrEnum):
    """What a provider says of a message it accepted."""

    SENT = "sent"  # handed over (queued at the provider or on its way to the phone)
    DELIVERED = "delivered"  # the network confirmed it reached the phone
    FAILED = "failed"  # the network gave up on it
    UNKNOWN = "unknown"  # the provider cannot say, or keeps no status


def new_idempotency_key() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class OutgoingMessage:
    consultation_id: str
    channel: Channel
    to: Contact
    subject: str | None
    body: str
    html: str | None = None
    language: Language | None = None
    link: str | None = None
    idempotency_key: str = field(default_factory=new_idempotency_key)

    def __post_init__(self) -> None:
        if self.to.channel != self.channel:
            raise ValueError("the message's channel does not match its contact")
        if (self.subject is None) != (self.channel is Channel.SMS):
            raise ValueError("an e-mail has a subject and an SMS has none")
        if self.html is not None and self.channel is Channel.SMS:
            raise ValueError("an SMS has no HTML part")
        if not self.body:
            raise ValueError("a message needs a body")
        if self.link is not None and self.link not in self.body:
            raise ValueError("the message's link is not in its body")
        if not _IDEMPOTENCY_KEY.fullmatch(self.idempotency_key):
            raise ValueError("an idempotency key is 1 to 100 of [A-Za-z0-9._:-]")


@dataclass(frozen=True)
class Receipt:
    """What a sender reports once the message has left (or been shown, for the dev outbox)."""

    consultation_id: str
    channel: Channel
    provider: str
    provider_id: str | None = None


@dataclass(frozen=True)
class SenderId:
    """Who an SMS says it is from: an E.164 number the provider gave the practice, or an
    alphanumeric name of up to 11 letters, digits and spaces (with at least one letter)."""

    value: str

    def __post_init__(self) -> None:
        if _NUMERIC_SENDER.fullmatch(self.value):
            return
        if not _ALPHANUMERIC_SENDER.fullmatch(self.value) or not any(
            ch.isalpha() for ch in self.value
        ):
            raise ValueError(
                "an SMS sender is a number in international form (+32…) or a name of up to "
                "11 letters, digits and spaces"
            )

    @property
    def is_number(self) -> bool:
        return self.value.startswith("+")
