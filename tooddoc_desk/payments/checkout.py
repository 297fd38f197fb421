"""A consultation's pre-payment as the app sees it, whoever takes it: the order for a Checkout
Session, the session and its outcome, a refund, and PaymentError (a sentence for a person, and
whether trying again may help). The client that speaks to Stripe is in stripe_checkout.py,
imported only when a payment is first asked for (the stripe library takes a while to load).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from tooddoc_desk.core.language import Language

API_ADDRESS = "https://api.stripe.com"


class Outcome(StrEnum):
    OPEN = "open"  # the patient may still pay through this session
    PAID = "paid"
    PROCESSING = "processing"  # complete, the money not confirmed yet (an asynchronous method)
    EXPIRED = "expired"  # a new session lets the patient try again
    FAILED = "failed"  # complete but the payment failed: a new session too


class PaymentError(Exception):
    """Stripe could not do what was asked; `message` says why, for a person; `transient` when
    trying again later may work (Stripe unreachable, too many requests, Stripe's own failure)."""

    def __init__(self, message: str, *, transient: bool, code: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.transient = transient
        self.code = code


@dataclass(frozen=True)
class Order:
    """One Checkout Session to make."""

    amount_cents: int
    currency: str
    description: str  # "<practice> consultation": never a patient's name
    language: Language
    success_url: str = field(repr=False)  # the patient link: a secret
    cancel_url: str = field(repr=False)
    reference: str  # the hub's room id
    expires_at: datetime  # Stripe takes 30 minutes to 24 hours from now


@dataclass(frozen=True)
class CheckoutSession:
    id: str
    url: str | None = field(repr=False)  # None once the session is complete or expired
    outcome: Outcome
    payment_intent: str | None
    method: str | None  # "card", "bancontact", once paid
    expires_at: datetime | None


@dataclass(frozen=True)
class Refund:
    id: str
    status: str  # pending, succeeded, failed, requires_action, canceled
