"""A consultation's pre-payment: how much, in what currency, and where it stands.

    amount = parse_amount("25,50")           # 2550 (cents); AmountError with a sentence if not
    payment = Payment.asked(2550)            # awaiting: the patient pays before the waiting room
    format_amount(2550, "fr")                # "25,50 €"

States:

    awaiting  → paid → refunded
    awaiting  (an expired or failed Checkout lets the patient try again: a new session, same state)

The record holds what the manager's export needs (`state`, `amount_cents`, `currency`,
`method`) and what the app needs to follow the payment at Stripe (`session_id`, `refund_id`).
None of it is patient data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import datetime
from decimal import Decimal, InvalidOperation
from enum import StrEnum

from tooddoc_desk.core.clock import require_aware

CURRENCY = "eur"
MAX_AMOUNT_CENTS = 100_000  # 1,000.00 EUR: a consultation's pre-payment, not a bill
# digits, then at most one decimal separator (point or comma) and one or two decimals
_AMOUNT = re.compile(r"^\d+(?:[.,]\d{1,2})?$")


class PaymentState(StrEnum):
    AWAITING = "awaiting"  # asked; the patient has not paid (yet)
    PAID = "paid"
    REFUNDED = "refunded"


class AmountError(ValueError):
    """The typed amount cannot be a pre-payment; the message says why, to a person."""


def parse_amount(text: str) -> int:
    """The amount typed in euros ("25", "25.5", "25,50", "€ 25.00") in cents.

    Raises AmountError: not a number, negative or zero, more than two decimals, over the
    maximum."""
    cleaned = text.strip().replace("€", "").replace("EUR", "").replace("eur", "").strip()
    cleaned = cleaned.replace("\u00a0", "").replace(" ", "")
    if not cleaned:
        raise AmountError("Type the amount in euros, such as 25.00.")
    if cleaned.startswith("-"):
        raise AmountError("The amount must be more than zero.")
    if not _AMOUNT.match(cleaned):
        if re.match(r"^\d+[.,]\d{3,}$", cleaned):
            raise AmountError("An amount has at most two decimals (cents).")
        raise AmountError("Type the amount in euros, such as 25.00.")
    try:
        value = Decimal(cleaned.replace(",", "."))
    except InvalidOperation:
        raise AmountError("Type the amount in euros, such as 25.00.") from None
    cents = int(value * 100)
    if cents <= 0:
        raise AmountError("The amount must be more than zero.")
    if cents > MAX_AMOUNT_CENTS:
        raise AmountError(
            f"A pre-payment is at most {MAX_AMOUNT_CENTS // 100} euros; ask the rest after the "
            "consultation."
        )
    return cents


def check_cents(cents: int) -> int:
    """`cents` as a pre-payment; AmountError when it cannot be one."""
    if type(cents) is not int or cents <= 0:
        raise AmountError("The amount must be more than zero.")
    if cents > MAX_AMOUNT_CENTS:
        raise AmountError(f"A pre-payment is at most {MAX_AMOUNT_CENTS // 100} euros.")
    return cents


def format_amount(cents: int, language: str = "en") -> str:
    """The amount as a person of that language writes it: 25,00 € (fr, nl, de), €25.00 (en)."""
    whole, part = divmod(cents, 100)
    if language == "en":
        return f"€{whole:,}.{part:02d}"
    grouped = f"{whole:,}".replace(",", "." if language in ("nl", "de") else "\u202f")
    return f"{grouped},{part:02d} €" if language != "nl" else f"€ {grouped},{part:02d}"


@dataclass(frozen=True)
class Payment:
    """The pre-payment asked for a consultation."""

    amount_cents: int
    currency: str = CURRENCY
    state: PaymentState = PaymentState.AWAITING
    session_id: str | None = None  # the current Stripe Checkout Session
    method: str | None = None  # how it was paid: "card", "bancontact"
    payment_intent: str | None = None  # what a refund refers to
    refund_id: str | None = None
    attempts: int = 0  # Checkout Sessions made so far (a new one after each expiry)
    updated_at: datetime | None = None

    def __post_init__(self) -> None:
        check_cents(self.amount_cents)
        object.__setattr__(self, "state", PaymentState(self.state))
        if self.currency != CURRENCY:
            raise AmountError("Pre-payments are in euros.")
        if self.updated_at is not None:
            object.__setattr__(self, "updated_at", require_aware(self.updated_at))

    @classmethod
    def asked(cls, amount_cents: int) -> Payment:
        return cls(amount_cents=check_cents(amount_cents))

    @property
    def paid(self) -> bool:
        return self.state is PaymentState.PAID

    @property
    def amount(self) -> Decimal:
        """In euros, for the export."""
        return Decimal(self.amount_cents) / 100

    def with_session(self, session_id: str, at: datetime) -> Payment:
        return replace(self, session_id=session_id, attempts=self.attempts + 1, updated_at=at)

    def settled(self, method: str | None, payment_intent: str | None, at: datetime) -> Payment:
        return replace(
            self,
            state=PaymentState.PAID,
            method=method,
            payment_intent=payment_intent,
            updated_at=at,
        )

    def refunded(self, refund_id: str, at: datetime) -> Payment:
        return replace(self, state=PaymentState.REFUNDED, refund_id=refund_id, updated_at=at)
