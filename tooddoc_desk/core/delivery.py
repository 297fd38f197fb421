"""An invite's way to the patient: from the moment it is written down to the provider's word.

    scheduled → pending → sending → sent → delivered
                   ↑         │
                   └─────────┘ a transient failure: tried again later
    sending → failed   (permanent, or out of tries)   → pending again only when a person resends
    sending → unknown  (the app died mid-send, or a timeout left it unclear) → a person decides
    any open state → cancelled

An invite is never sent again by itself once it may have left: `unknown` waits for a person.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from tooddoc_desk.core.clock import require_aware


class DeliveryState(StrEnum):
    SCHEDULED = "scheduled"
    PENDING = "pending"
    SENDING = "sending"
    SENT = "sent"
    DELIVERED = "delivered"
    FAILED = "failed"
    UNKNOWN = "unknown"
    CANCELLED = "cancelled"

    @property
    def is_final(self) -> bool:
        return not DELIVERY_MOVES[self]


DELIVERY_MOVES: dict[DeliveryState, frozenset[DeliveryState]] = {
    DeliveryState.SCHEDULED: frozenset({DeliveryState.PENDING, DeliveryState.CANCELLED}),
    DeliveryState.PENDING: frozenset({DeliveryState.SENDING, DeliveryState.CANCELLED}),
    DeliveryState.SENDING: frozenset(
        {DeliveryState.SENT, DeliveryState.PENDING, DeliveryState.FAILED, DeliveryState.UNKNOWN}
    ),
    DeliveryState.SENT: frozenset({DeliveryState.DELIVERED, DeliveryState.FAILED}),
    DeliveryState.DELIVERED: frozenset(),
    DeliveryState.FAILED: frozenset({DeliveryState.PENDING, DeliveryState.CANCELLED}),
    DeliveryState.UNKNOWN: frozenset(
        {DeliveryState.PENDING, DeliveryState.SENT, DeliveryState.CANCELLED}
    ),
    DeliveryState.CANCELLED: frozenset(),
}


class IllegalDeliveryMove(RuntimeError):
    def __init__(self, source: DeliveryState, target: DeliveryState) -> None:
        super().__init__(f"an invite cannot go from {source} to {target}")
        self.source = source
        self.target = target


def new_invite_id() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class Invite:
    """One invite in the outbox. `problem` is a sentence for the practitioner (never patient
    data); `idempotency_key` stays the same for every attempt of this invite."""

    consultation_id: str
    channel: str
    not_before: datetime
    created_at: datetime
    state: DeliveryState = DeliveryState.PENDING
    attempts: int = 0
    id: str = field(default_factory=new_invite_id)
    idempotency_key: str = field(default_factory=new_invite_id)
    provider: str | None = None
    provider_id: str | None = None
    problem: str | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "not_before", require_aware(self.not_before))
        object.__setattr__(self, "created_at", require_aware(self.created_at))
        if self.channel not in ("sms", "email"):
            raise ValueError("an invite goes by sms or email")
        if self.attempts < 0:
            raise ValueError("attempts cannot be negative")

    def can_move_to(self, target: DeliveryState) -> bool:
        return target in DELIVERY_MOVES[self.state]

    def require_move(self, target: DeliveryState) -> None:
        if not self.can_move_to(target):
            raise IllegalDeliveryMove(self.state, target)
